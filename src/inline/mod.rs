//! The inline layer: handles, references, links and code spans in a text.
//!
//! One left-to-right pass over the bytes. Uninteresting bytes are skipped with
//! a lookup table; at each candidate byte (`@`, `#`, `[`, `]`, `<`, `` ` ``,
//! `\`, and `:` or `.` for bare URLs) a small `nom` recognizer decides. Brackets are matched with a
//! bounded stack, and every search that can fail remembers its failure, so
//! the pass is linear in the text whatever the input.
//!
//! Code spans and link destinations are never read for handles or short
//! references; a Markdown link whose destination is a GitHub reference counts
//! once, whatever its text says.

pub(crate) mod date;
pub(crate) mod handle;
pub(crate) mod reference;

use std::borrow::Cow;

use crate::model::{Reference, ReferenceKind, Span};
use handle::{boundary_before, handle_after_at, HandleToken};
use reference::{github_url, repo_before, GitHubUrl};

/// A handle found in the text, with its source (from the `@`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Handle<'a> {
    pub token: HandleToken<'a>,
    pub span: Span,
}

/// The repository that bare `#N` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepoContext<'a> {
    pub owner: Cow<'a, str>,
    pub repo: Cow<'a, str>,
}

/// What a scan found, in source order.
#[derive(Debug, Default)]
pub(crate) struct Inlines<'a> {
    pub handles: Vec<Handle<'a>>,
    pub references: Vec<Reference<'a>>,
}

/// Bracket nesting deeper than this is read as literal text.
const MAX_BRACKETS: usize = 32;
/// Parentheses nesting allowed inside a link destination (as in CommonMark).
const MAX_DEST_PARENS: usize = 32;
/// Backtick runs longer than this never open a code span.
const MAX_CODE_RUN: usize = 63;

const fn special_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let specials = b"@#[]<`\\:.";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
}

static SPECIAL: [bool; 256] = special_bytes();

/// The index of the first [`SPECIAL`] byte. Tests eight bytes per branch:
/// most runs between candidates are longer than that.
fn next_special(bytes: &[u8]) -> Option<usize> {
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | SPECIAL[usize::from(b)])
        {
            break;
        }
        offset += 8;
    }
    let rest = bytes.get(offset..)?;
    rest.iter()
        .position(|&b| SPECIAL[usize::from(b)])
        .map(|i| offset + i)
}

#[derive(Debug, Clone, Copy, Default)]
struct OpenBracket {
    pos: usize,
    references: usize,
}

/// Scans `input[span]` and appends what it finds to `out`. Spans are offsets
/// into `input`.
pub(crate) fn scan<'a>(
    input: &'a str,
    span: Span,
    repo: Option<&RepoContext<'a>>,
    out: &mut Inlines<'a>,
) {
    let Some(src) = input.get(..span.end) else {
        return;
    };
    let mut scanner = Scanner {
        src,
        pos: span.start,
        start: span.start,
        repo,
        out,
        brackets: [OpenBracket::default(); MAX_BRACKETS],
        open: 0,
        failed_code_runs: 0,
        dest_fails_before: 0,
    };
    scanner.run();
}

struct Scanner<'a, 'o> {
    src: &'a str,
    pos: usize,
    start: usize,
    repo: Option<&'o RepoContext<'a>>,
    out: &'o mut Inlines<'a>,
    brackets: [OpenBracket; MAX_BRACKETS],
    open: usize,
    /// Bit `n` set: no closing run of `n` backticks follows.
    failed_code_runs: u64,
    /// A link destination starting before this offset cannot close.
    dest_fails_before: usize,
}

impl<'a> Scanner<'a, '_> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn prev_char(&self, pos: usize) -> Option<char> {
        if pos <= self.start {
            return self.src.get(..pos).and_then(|s| s.chars().next_back());
        }
        self.src.get(..pos).and_then(|s| s.chars().next_back())
    }

    fn run(&mut self) {
        let bytes = self.bytes();
        while self.pos < bytes.len() {
            let from = self.pos;
            let Some(skip) = next_special(&bytes[self.pos..]) else {
                break;
            };
            self.pos += skip;
            match bytes[self.pos] {
                b'\\' => {
                    let escaped = bytes
                        .get(self.pos + 1)
                        .is_some_and(u8::is_ascii_punctuation);
                    self.pos += if escaped { 2 } else { 1 };
                }
                b'`' => self.code_span(),
                b'[' => {
                    if self.open < MAX_BRACKETS {
                        self.brackets[self.open] = OpenBracket {
                            pos: self.pos,
                            references: self.out.references.len(),
                        };
                        self.open += 1;
                    }
                    self.pos += 1;
                }
                b']' => self.close_bracket(),
                b'<' => self.autolink(),
                b'@' => self.handle(),
                b'#' => self.short_reference(),
                _ => self.url_start(from),
            }
        }
    }

    /// A bare URL is found from the `:` of `http(s)://` or the `.` of
    /// `www.`, bytes far rarer than the `h` and `w` it starts with; its start
    /// is looked for behind, never before `from`, where the skip began.
    fn url_start(&mut self, from: usize) {
        let at = self.pos;
        let bytes = self.bytes();
        let behind = |word: &[u8]| {
            at.checked_sub(word.len())
                .filter(|&start| start >= from)
                .filter(|&start| {
                    bytes
                        .get(start..at)
                        .is_some_and(|w| w.eq_ignore_ascii_case(word))
                })
        };
        let start = if bytes.get(at) == Some(&b':') {
            behind(b"https").or_else(|| behind(b"http"))
        } else {
            behind(b"www")
        };
        if let Some(start) = start {
            self.pos = start;
            self.bare_url();
        }
        self.pos = self.pos.max(at + 1);
    }

    fn code_span(&mut self) {
        let bytes = self.bytes();
        let run = bytes[self.pos..].iter().take_while(|&&b| b == b'`').count();
        let after = self.pos + run;
        if run > MAX_CODE_RUN || self.failed_code_runs & (1 << run) != 0 {
            self.pos = after;
            return;
        }
        let mut i = after;
        while let Some(found) = bytes[i..].iter().position(|&b| b == b'`') {
            let close = i + found;
            let len = bytes[close..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                self.pos = close + len;
                return;
            }
            i = close + len;
        }
        self.failed_code_runs |= 1 << run;
        self.pos = after;
    }

    fn close_bracket(&mut self) {
        let close = self.pos;
        self.pos += 1;
        let Some(index) = self.open.checked_sub(1) else {
            return;
        };
        let open = self.brackets[index];
        self.open = index;
        if self.bytes().get(close + 1) != Some(&b'(') {
            return;
        }
        let Some((dest, end)) = self.destination(close + 2) else {
            return;
        };
        self.pos = end;
        let at_sign = open.pos > 0 && self.bytes().get(open.pos - 1) == Some(&b'@');
        let text = self.src.get(open.pos + 1..close).unwrap_or_default();
        match github_url(dest) {
            Some(GitHubUrl::Reference {
                owner,
                repo,
                kind,
                number,
                comment,
            }) => {
                // The link is the reference; short forms in its text repeat it.
                let refs = &mut self.out.references;
                let first = open.references.min(refs.len());
                let mut kept = first;
                for i in first..refs.len() {
                    if refs[i].url.is_some() {
                        refs.swap(kept, i);
                        kept += 1;
                    }
                }
                refs.truncate(kept);
                self.out.references.push(Reference {
                    url: Some(Cow::Borrowed(dest)),
                    host: Cow::Borrowed("github.com"),
                    owner: Some(Cow::Borrowed(owner)),
                    repo: Some(Cow::Borrowed(repo)),
                    kind,
                    number,
                    comment,
                    span: Span::new(open.pos, end),
                });
            }
            Some(GitHubUrl::Profile(login)) if at_sign && handle::is_login(login) => {
                self.out.handles.push(Handle {
                    token: HandleToken::User(login),
                    span: Span::new(open.pos - 1, end),
                });
            }
            _ if at_sign && handle::is_login(text) => {
                self.out.handles.push(Handle {
                    token: HandleToken::User(text),
                    span: Span::new(open.pos - 1, end),
                });
            }
            _ => {}
        }
    }

    /// A link destination and optional title after `](`, starting at `start`.
    /// Returns the destination and the offset after the closing `)`.
    fn destination(&mut self, start: usize) -> Option<(&'a str, usize)> {
        if start < self.dest_fails_before {
            return None;
        }
        let bytes = self.bytes();
        let mut i = start;
        while bytes
            .get(i)
            .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
        {
            i += 1;
        }
        let dest_start;
        let dest_end;
        if bytes.get(i) == Some(&b'<') {
            dest_start = i + 1;
            let len = bytes[dest_start..]
                .iter()
                .position(|&b| b == b'>' || b == b'\n' || b == b'<')?;
            dest_end = dest_start + len;
            if bytes.get(dest_end) != Some(&b'>') {
                return None;
            }
            i = dest_end + 1;
        } else {
            dest_start = i;
            let mut depth = 0usize;
            let mut saw_close = false;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                    b'(' => {
                        depth += 1;
                        if depth > MAX_DEST_PARENS {
                            return None;
                        }
                    }
                    b')' if depth == 0 => break,
                    b')' => {
                        depth -= 1;
                        saw_close = true;
                    }
                    b if b.is_ascii_whitespace() || b.is_ascii_control() => break,
                    _ => {}
                }
                i += 1;
            }
            if bytes.get(i).is_none() && !saw_close {
                self.dest_fails_before = i;
            }
            dest_end = i;
        }
        while bytes
            .get(i)
            .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
        {
            i += 1;
        }
        if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
            let len = bytes[i + 1..].iter().position(|&b| b == quote)?;
            i += len + 2;
            while bytes
                .get(i)
                .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
            {
                i += 1;
            }
        }
        if bytes.get(i) != Some(&b')') {
            return None;
        }
        Some((self.src.get(dest_start..dest_end)?, i + 1))
    }

    /// `<scheme:...>`: an autolink, never read for handles.
    fn autolink(&mut self) {
        let bytes = self.bytes();
        let start = self.pos;
        self.pos += 1;
        let rest = &bytes[self.pos..];
        let scheme = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
            .count();
        let is_email = rest
            .iter()
            .take_while(|&&b| b != b'>' && !b.is_ascii_whitespace() && b != b'<')
            .any(|&b| b == b'@');
        if !(2..=32).contains(&scheme) || rest.get(scheme) != Some(&b':') {
            if is_email {
                let len = rest.iter().position(|&b| b == b'>').unwrap_or(0);
                self.pos += len;
            }
            return;
        }
        let Some(len) = rest.iter().position(|&b| {
            b == b'>' || b == b'<' || b.is_ascii_whitespace() || b.is_ascii_control()
        }) else {
            return;
        };
        if rest[len] != b'>' {
            return;
        }
        let url = self.src.get(self.pos..self.pos + len).unwrap_or_default();
        self.pos += len + 1;
        self.push_url(url, Span::new(start, self.pos));
    }

    fn bare_url(&mut self) {
        let bytes = self.bytes();
        let start = self.pos;
        let rest = &bytes[start..];
        // `h` and `w` mostly start ordinary words: one byte rules those out
        // before the prefix and boundary checks.
        if !matches!(rest.get(1).map(u8::to_ascii_lowercase), Some(b't' | b'w')) {
            self.pos += 1;
            return;
        }
        let prefix = ["https://", "http://", "www."]
            .iter()
            .find(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
            .map(|p| p.len());
        let boundary = !self
            .prev_char(start)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '@'));
        let (Some(prefix), true) = (prefix, boundary) else {
            self.pos += 1;
            return;
        };
        let mut len = prefix
            + rest[prefix..]
                .iter()
                .position(|&b| {
                    !b.is_ascii()
                        || b.is_ascii_whitespace()
                        || b.is_ascii_control()
                        || matches!(b, b'<' | b'>' | b'[' | b']' | b'`' | b'"' | b'|')
                })
                .unwrap_or(rest.len() - prefix);
        // Trailing punctuation ends the sentence, not the URL; a closing
        // parenthesis belongs to the URL only when it balances one inside.
        while let Some(&last) = rest.get(len.wrapping_sub(1)).filter(|_| len > prefix) {
            let unbalanced_paren = last == b')'
                && rest[..len].iter().filter(|&&b| b == b')').count()
                    > rest[..len].iter().filter(|&&b| b == b'(').count();
            if matches!(
                last,
                b'.' | b',' | b':' | b';' | b'!' | b'?' | b'*' | b'_' | b'~' | b'\''
            ) || unbalanced_paren
            {
                len -= 1;
            } else {
                break;
            }
        }
        let url = self.src.get(start..start + len).unwrap_or_default();
        self.pos = start + len;
        self.push_url(url, Span::new(start, start + len));
    }

    fn push_url(&mut self, url: &'a str, span: Span) {
        if let Some(GitHubUrl::Reference {
            owner,
            repo,
            kind,
            number,
            comment,
        }) = github_url(url)
        {
            self.out.references.push(Reference {
                url: Some(Cow::Borrowed(url)),
                host: Cow::Borrowed("github.com"),
                owner: Some(Cow::Borrowed(owner)),
                repo: Some(Cow::Borrowed(repo)),
                kind,
                number,
                comment,
                span,
            });
        }
    }

    fn handle(&mut self) {
        let at = self.pos;
        self.pos += 1;
        if !boundary_before(self.prev_char(at)) {
            // Part of a word or an address: skip the rest of it.
            return;
        }
        let after = self.src.get(self.pos..).unwrap_or_default();
        if let Some((token, len)) = handle_after_at(after) {
            self.pos += len;
            self.out.handles.push(Handle {
                token,
                span: Span::new(at, self.pos),
            });
        }
    }

    fn short_reference(&mut self) {
        let bytes = self.bytes();
        let hash = self.pos;
        self.pos += 1;
        let digits = bytes[self.pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 10 {
            return;
        }
        let end = self.pos + digits;
        if bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            return;
        }
        let Some(number) = self.src.get(self.pos..end).and_then(|d| d.parse().ok()) else {
            return;
        };
        self.pos = end;
        let (start, owner, repo) = match repo_before(self.src, hash) {
            Some((start, owner, repo)) if start >= self.start => {
                (start, Some(Cow::Borrowed(owner)), Some(Cow::Borrowed(repo)))
            }
            _ => {
                let prev = self.prev_char(hash);
                if prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '&' | '#' | '/' | '_')) {
                    return;
                }
                match self.repo {
                    Some(ctx) => (hash, Some(ctx.owner.clone()), Some(ctx.repo.clone())),
                    None => (hash, None, None),
                }
            }
        };
        self.out.references.push(Reference {
            url: None,
            host: Cow::Borrowed("github.com"),
            owner,
            repo,
            kind: ReferenceKind::Issue,
            number: Some(number),
            comment: None,
            span: Span::new(start, end),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(text: &str) -> Inlines<'_> {
        let mut out = Inlines::default();
        scan(text, Span::new(0, text.len()), None, &mut out);
        out
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
        let out =
            scan_str("(see https://github.com/a/b/issues/3), https://github.com/a/b/issues/4.");
        assert_eq!(numbers(&out), [Some(3), Some(4)]);
        assert_eq!(
            out.references[0].url.as_deref(),
            Some("https://github.com/a/b/issues/3")
        );
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
        ] {
            let text = piece.repeat(20_000);
            let _ = scan_str(&text);
        }
    }
}
