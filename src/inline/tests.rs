//! The inline scanner's unit tests.

use super::*;
use crate::model::ReferenceKind;

fn scan_str(text: &str) -> Inlines<'_> {
    let mut out = Inlines::default();
    scan(text, Span::new(0, text.len()), None, &mut out);
    out
}

/// `may_find` is true of every text in which the scan finds something:
/// pseudo-random texts over the bytes that matter, of every length
/// around the 32-byte steps, and the forms themselves.
#[test]
fn may_find_is_true_wherever_the_scan_finds() {
    let alphabet = b"@#/]-[hHmMGg1 .:x(<>`";
    let forms = [
        "@a",
        "#1",
        "GH-1",
        "a/b#1",
        "rust#1",
        "https://github.com/a/b/issues/1",
        "<https://GITHUB.COM/a/b/pull/2>",
        "www.github.com/a/b/issues/3",
        "[x](https://github.com/a/b/issues/4)",
    ];
    let mut state: u64 = 18;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut texts: Vec<String> = Vec::new();
    for form in forms {
        for pad in [0, 1, 30, 31, 32, 33, 64] {
            texts.push(format!("{}{form}", "x".repeat(pad)));
            texts.push(format!("{form}{}", "x".repeat(pad)));
        }
    }
    for _ in 0..20_000 {
        let len = next() % 80;
        let text: String = (0..len)
            .map(|_| char::from(alphabet[next() % alphabet.len()]))
            .collect();
        texts.push(text);
    }
    for text in &texts {
        let out = scan_str(text);
        if !out.handles.is_empty() || !out.references.is_empty() {
            assert!(may_find(text.as_bytes()), "{text:?}");
        }
    }
    assert!(!may_find(b"Plain prose, with dots. And colons: no more"));
}

fn logins<'a>(out: &Inlines<'a>) -> Vec<&'a str> {
    out.handles
        .iter()
        .map(|h| match h.token {
            HandleToken::User(l) | HandleToken::Team(l) => l,
        })
        .collect()
}

fn numbers(out: &Inlines<'_>) -> Vec<Option<u64>> {
    out.references.iter().map(|r| r.number).collect()
}

#[test]
fn handles_need_a_boundary() {
    let out = scan_str("etc.@Gaius, Zhou Xu(@fcgxz2003) **@codebytere** /cc @a, @b");
    assert_eq!(logins(&out), ["Gaius", "fcgxz2003", "codebytere", "a", "b"]);
    let out = scan_str("aman@tmm1.net @github.com mailto:x@y.z @ @@x Steven Z@VMware");
    assert!(out.handles.is_empty(), "{:?}", out.handles);
}

#[test]
fn no_handles_in_code_or_urls() {
    let out = scan_str("`@a` ``@b ` @c`` https://maps.example/@37.41,-122 <https://x.y/@z> @d");
    assert_eq!(logins(&out), ["d"]);
}

#[test]
fn markdown_link_handle() {
    let text = "@[CooooolFrog](https://github.com/CooooolFrog) x";
    let out = scan_str(text);
    assert_eq!(logins(&out), ["CooooolFrog"]);
    assert_eq!(out.handles[0].span, Span::new(0, 46));
}

#[test]
fn urls_autolinks_and_links() {
    let text = "<https://github.com/d/d/issues/4025> https://github.com/a/b/pull/1. \
                [containerd/nydus-snapshotter#690](https://github.com/containerd/nydus-snapshotter/issues/690)";
    let out = scan_str(text);
    assert_eq!(numbers(&out), [Some(4025), Some(1), Some(690)]);
    let r = &out.references[1];
    assert_eq!(
        &text[r.span.start..r.span.end],
        "https://github.com/a/b/pull/1"
    );
    assert_eq!(r.kind, ReferenceKind::Pull);
    let r = &out.references[2];
    assert_eq!(r.span.start, text.find("[containerd").unwrap());
}

#[test]
fn bare_urls_found_from_colon_or_dot() {
    let text = "xhttps://github.com/a/b/issues/1 @https://x www.github.com/a/b/issues/2 \
                wwww.github.com/a/b/issues/3 (HTTP://github.com/a/b/pull/4) http:x.";
    let out = scan_str(text);
    assert_eq!(numbers(&out), [Some(2), Some(4)]);
    assert_eq!(out.references[0].span.start, text.find("www.").unwrap());
    assert_eq!(logins(&out), ["https"]);
}

#[test]
fn short_forms() {
    let out = scan_str(
        "nodejs/node#22584 (nodejs/tap2junit#12) #52857 C#1 #issuecomment-1 #channel &#123;",
    );
    assert_eq!(numbers(&out), [Some(22584), Some(12), Some(52857)]);
    assert_eq!(out.references[0].owner.as_deref(), Some("nodejs"));
    assert_eq!(out.references[2].owner, None);
}

#[test]
fn default_repository_resolves_hash_numbers() {
    let ctx = RepoContext {
        owner: "nodejs".into(),
        repo: "node".into(),
    };
    let text = "see #12";
    let mut out = Inlines::default();
    scan(text, Span::new(0, text.len()), Some(&ctx), &mut out);
    assert_eq!(out.references[0].repo.as_deref(), Some("node"));
}

#[test]
fn trailing_punctuation_and_parens() {
    let out = scan_str("(see https://github.com/a/b/issues/3), https://github.com/a/b/issues/4.");
    assert_eq!(numbers(&out), [Some(3), Some(4)]);
    assert_eq!(
        out.references[0].url.as_deref(),
        Some("https://github.com/a/b/issues/3")
    );
}

#[test]
fn hidden_text_has_no_handles_or_references() {
    let out =
        scan_str("![@a #1](u) <!-- @b #2 --> <!--> @c <!---> \\![@d](u) [@e #3](https://x.y)");
    assert_eq!(logins(&out), ["c"]);
    assert!(out.references.is_empty(), "{:?}", out.references);
    // No closing `-->`: plain text, however many `<!--` follow.
    let out = scan_str("<!-- @f <!-- #4");
    assert_eq!(logins(&out), ["f"]);
    assert_eq!(numbers(&out), [Some(4)]);
}

#[test]
fn own_profile_link_is_a_handle() {
    let text = "[@Alice](https://github.com/alice) [@bob](https://github.com/carol)";
    let out = scan_str(text);
    assert_eq!(logins(&out), ["Alice"]);
    assert_eq!(out.handles[0].span, Span::new(0, 34));
}

#[test]
fn unclosed_backtick_and_emphasis() {
    let out = scan_str("x `@me _@x_ __@y__ a_@z");
    assert_eq!(logins(&out), ["me", "x", "y"]);
}

#[test]
fn gh_numbers_keywords_and_zero() {
    let out = scan_str("gh-69 GH-70 Gh-71 xgh-1 gh-0 #0 #000 Fixes#123 Resolves#9 fix #5");
    assert_eq!(numbers(&out), [Some(69), Some(70), Some(71), Some(5)]);
}

#[test]
fn pathological_runs_terminate() {
    for piece in [
        "[",
        "](",
        "<",
        "`",
        "@",
        "#",
        "https://github.com/",
        "[a](b ",
        "GH-1",
        "a#1",
        "[#1][]",
        "<!--",
        "![",
        "gh-",
        "_@",
    ] {
        let text = piece.repeat(20_000);
        let _ = scan_str(&text);
    }
    let closing = format!("https://github.com/a/b/issues/1{}", ")".repeat(20_000));
    assert_eq!(numbers(&scan_str(&closing)), [Some(1)]);
}
