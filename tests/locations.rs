//! Every GitHub issue and pull request URL that a note writes outside code
//! is in the model, wherever it is written (issue 18), and
//! `Meeting::references` and `render` keep document order.
//!
//! The URLs are found independently of the parser: a hand-written matcher
//! for the regular expression
//! `https?://(www\.)?github\.com/OWNER/REPO/(issues|pull)/N`, run over the
//! source minus the code that pulldown-cmark finds (code blocks, code
//! spans) and HTML (blocks and inline HTML, comments included).

mod common;

use std::collections::BTreeMap;
use std::ops::Range;

use minutes::{Block, BlockKind, Meeting};
use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag};

/// `(owner, repo, number)` and the offset of each URL match.
fn github_urls(text: &str, skip: &[Range<usize>]) -> Vec<(usize, String, String, u64)> {
    let is_owner = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    let is_repo = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("github.com/") {
        let at = from + found;
        from = at + 1;
        let start = ["https://www.", "http://www.", "https://", "http://"]
            .iter()
            .find(|scheme| text[..at].ends_with(*scheme))
            .map(|scheme| at - scheme.len());
        let Some(start) = start else { continue };
        if skip.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let rest = &text.as_bytes()[at + "github.com/".len()..];
        let owner = rest.iter().take_while(|&&b| is_owner(b)).count();
        if owner == 0 || rest.get(owner) != Some(&b'/') {
            continue;
        }
        let rest = &rest[owner + 1..];
        let repo = rest.iter().take_while(|&&b| is_repo(b)).count();
        if repo == 0 || rest.get(repo) != Some(&b'/') {
            continue;
        }
        let after = &rest[repo + 1..];
        let kind = [&b"issues/"[..], b"pull/"]
            .into_iter()
            .find(|k| after.starts_with(k))
            .map_or(0, <[u8]>::len);
        let digits = after[kind..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if kind == 0 || digits == 0 {
            continue;
        }
        let owner_text = &text[at + 11..at + 11 + owner];
        let repo_text = &text[at + 12 + owner..at + 12 + owner + repo];
        let number = std::str::from_utf8(&after[kind..kind + digits])
            .ok()
            .and_then(|n| n.parse().ok());
        if let Some(number) = number {
            out.push((start, owner_text.into(), repo_text.into(), number));
        }
    }
    out
}

/// The byte ranges of code and HTML, by pulldown-cmark.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let options = CmarkOptions::ENABLE_TABLES | CmarkOptions::ENABLE_TASKLISTS;
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => out.push(range),
            _ => {}
        }
    }
    out
}

/// Where a block is, as the report names it.
fn location(block: &Block<'_, '_>) -> &'static str {
    match block {
        Block::Heading(_) => "heading",
        Block::Item(_) => "item",
        Block::Paragraph(info, _) => match info.kind {
            BlockKind::Quote => "quote",
            BlockKind::Table => "table",
            _ => "paragraph",
        },
        _ => "other",
    }
}

/// Where the model has the reference written at `at` (its span covers
/// `at`), else any reference to `(owner, repo, number)` (a link that uses a
/// definition elsewhere), compared case-insensitively.
fn find(
    meeting: &Meeting<'_>,
    at: usize,
    owner: &str,
    repo: &str,
    number: u64,
) -> Option<&'static str> {
    let same = |r: &minutes::Reference<'_>| {
        r.number == Some(number)
            && r.owner
                .as_deref()
                .is_some_and(|o| o.eq_ignore_ascii_case(owner))
            && r.repo
                .as_deref()
                .is_some_and(|o| o.eq_ignore_ascii_case(repo))
    };
    let covering = meeting.blocks().find_map(|block| {
        block
            .references()
            .iter()
            .any(|r| same(r) && r.span.start <= at && at < r.span.end)
            .then(|| location(&block))
    });
    // A repeat in the same block (kept once) or a link reference
    // definition: the last block before `at` that has the reference.
    covering.or_else(|| {
        let mut last = None;
        for block in meeting.blocks() {
            if start(&block) > at {
                break;
            }
            if block.references().iter().any(same) {
                last = Some(location(&block));
            }
        }
        last.map(|_| "repeat")
    })
}

/// Where a block starts in the source.
fn start(block: &Block<'_, '_>) -> usize {
    match block {
        Block::Heading(section) => section.span.start,
        Block::Paragraph(info, _) => info.span.start,
        Block::Item(item) => item.span.start,
        _ => usize::MAX,
    }
}

#[test]
fn every_github_url_outside_code_is_in_the_model() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut missing = Vec::new();
    let mut notes = 0;
    for (path, text) in common::corpus_files() {
        notes += 1;
        let meeting = common::parse_path(&path, &text);
        let skip = code_ranges(&text);
        for (at, owner, repo, number) in github_urls(&text, &skip) {
            match find(&meeting, at, &owner, &repo, number) {
                Some(location) => {
                    if std::env::var_os("SHOW_ELSEWHERE").is_some() && location == "repeat" {
                        let line = text[..at].lines().count();
                        println!("{}:{line}: {owner}/{repo}#{number}", path.display());
                    }
                    *counts.entry(location).or_default() += 1
                }
                None => missing.push(format!("{}:{at}: {owner}/{repo}#{number}", path.display())),
            }
        }
    }
    println!("{notes} notes; GitHub issue and PR URLs outside code, by location (`repeat`: a URL repeated in one block, kept once, or a link definition): {counts:?}");
    assert!(
        missing.is_empty(),
        "{} URLs are not in the model:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn references_iterate_in_document_order() {
    let note = "\
Before #1.

# Sync https://github.com/o/r/issues/2

- item #3
  - child #4

> quoted #5

| a | b |
|---|---|
| #6 | x |

- later #7

## Sub [#8](https://github.com/o/r/pull/8)

Action: @ann to check #9
";
    let meeting = minutes::parse(note);
    let numbers: Vec<u64> = meeting.references().filter_map(|r| r.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // All resolve to the note's home repository, the one its URLs name.
    assert!(meeting
        .references()
        .all(|r| r.owner.as_deref() == Some("o") && r.repo.as_deref() == Some("r")));
    let locations: Vec<&str> = meeting.blocks().map(|b| location(&b)).collect();
    assert_eq!(
        locations,
        [
            "paragraph",
            "heading",
            "item",
            "item",
            "quote",
            "table",
            "item",
            "heading",
            "paragraph"
        ]
    );
    // The action line's reference is its paragraph's, counted once.
    assert_eq!(meeting.action_lines.len(), 1);
    let mentions: Vec<&str> = meeting.mentions().map(|m| m.as_ref()).collect();
    assert_eq!(mentions, ["ann"]);
}

#[test]
fn render_keeps_the_order_of_paragraphs_quotes_tables_and_items() {
    let note = "\
# Sync

- [ ] first #1

Action: Bo to write #2

> quoted #3

- [x] second #4

| a | b |
|---|---|
| #5 | y |
";
    let meeting = minutes::parse(note);
    let rendered = minutes::render(&meeting);
    let again = minutes::parse(&rendered);
    let order = |m: &Meeting<'_>| -> Vec<(&'static str, Option<u64>)> {
        m.references()
            .map(|r| r.number)
            .zip(m.blocks().filter(|b| !b.references().is_empty()))
            .map(|(n, b)| (location(&b), n))
            .collect()
    };
    assert_eq!(
        order(&again),
        [
            ("item", Some(1)),
            ("paragraph", Some(2)),
            ("quote", Some(3)),
            ("item", Some(4)),
            ("table", Some(5))
        ]
    );
    assert_eq!(order(&again), order(&meeting));
}
