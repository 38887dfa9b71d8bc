//! Differential test: the block structure `minutes` sees (headings, list
//! items with their nesting and task markers, code and HTML block ranges)
//! must equal what pulldown-cmark, a CommonMark reference, reports. It runs
//! on every corpus note and on generated documents (seeded, so a failure
//! replays: `PROPTEST_CASES=N` changes the count, a failure prints its seed).
//!
//! Deliberate differences, all applied in [`ours`] or avoided by the
//! generator, and nowhere else:
//! 1. Task markers other than `[ ]`, `[x]`, `[X]` (`[]`, `[/]`, `[-]`, `[~]`)
//!    are tasks for `minutes` (with a diagnostic for `[]`), plain text for
//!    GFM. Notes write `- []` meaning an open task.
//! 2. Block quotes are not containers for `minutes`: their lines are plain
//!    paragraph text, so nothing inside a quote is structure (headings, lists
//!    and code inside `>` are ignored on both sides). Notes quote answers and
//!    chat, not agenda structure.
//! 3. An ATX heading always closes every open list, even when indented into
//!    an item: a heading starts a new section in the meeting model. The
//!    generator only indents headings less than any item's content. On a
//!    list marker's line (`- # x`) it stays the item's text, which the
//!    comparison sees alike: [`reference`] drops headings inside items.
//! 4. A fenced code block inside a list item ends only at its closing fence,
//!    not when a less indented line ends the item. The generator keeps fence
//!    bodies indented like their fence.
//! 5. A setext underline indented into a list item (`- a` then `    - `)
//!    is item text, not a heading: notes leave such empty sub-bullets, and a
//!    heading inside an item is no section. [`reference`] drops such headings.
//! 6. A UTF-8 byte order mark is skipped, as GitHub does; pulldown-cmark
//!    reads it as text.
//! 8. YAML front matter is read only at the very start of a note;
//!    pulldown-cmark accepts a `---` block anywhere.
//! 9. A line that starts with `[ ]` or `[x]` and text but no list marker
//!    is a task item for `minutes` (with a `task-without-list-marker`
//!    diagnostic), a paragraph line for CommonMark: triage notes write
//!    checklists that way. Structure is compared up to the first such line.
//! 7. Tables are paragraphs (their rows hold no headings, items or code on
//!    either side) that any block start interrupts. The generator ends them
//!    with a blank line: pulldown-cmark ends a table at an indented `1. a`
//!    but not at other indented text, which GFM reads as rows.
//! 10. A lone `\r` ends a line (CommonMark 2.1), but pulldown-cmark 0.13
//!     does not end a fence's info string there: `` ```\ra\r``` `` is a
//!     paragraph to it. The reference reads a copy of the document with each
//!     lone `\r` made a `\n`, the same line ending by the spec and the same
//!     length, so every offset holds; texts are cut from the original.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::outline::{outline, Outline};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// `../shared/corpus` beside the crate, when this checkout has it (the
/// integration tests' `tests/common` says so when it has not).
fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// One structural event, comparable between both parsers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Heading { level: u8, text: String },
    Item { depth: usize, task: Option<bool> },
    Opaque { start: usize, end: usize },
}

/// A code range without the white space around it: CommonMark starts
/// indented code after four columns, `minutes` at its first character.
fn opaque(input: &str, range: Range<usize>) -> Shape {
    let text = input.get(range.clone()).unwrap_or_default();
    let end = range.start + text.trim_end().len();
    let start = range.start + (text.len() - text.trim_start().len());
    Shape::Opaque {
        start: start.min(end),
        end,
    }
}

/// What pulldown-cmark sees, block quotes skipped (difference 2), after a
/// byte order mark, which pulldown-cmark would read as text (difference 7).
/// Front matter is read only at the start (difference 8); lone `\r` are
/// read as `\n` (difference 10).
fn reference(full: &str) -> Vec<Shape> {
    let original = full;
    let unix = lone_cr_as_lf(full);
    let full = unix.as_str();
    let input = full.strip_prefix('\u{feff}').unwrap_or(full);
    let front_matter = Parser::new_ext(input, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .into_offset_iter()
        .next()
        .filter(|(event, range)| {
            matches!(event, Event::Start(Tag::MetadataBlock(_))) && range.start == 0
        })
        .map_or(0, |(_, range)| range.end);
    let input = &input[front_matter..];
    let base = full.len() - input.len();
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut out = Vec::new();
    let mut quotes = 0usize;
    let mut items = 0usize;
    // An open heading: its index in `out` and the range of its inline content.
    let mut heading: Option<(usize, Option<Range<usize>>)> = None;
    for (event, range) in Parser::new_ext(input, options).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => quotes -= 1,
            _ if quotes > 0 => {}
            Event::Start(Tag::Item) => {
                out.push(Shape::Item {
                    depth: items,
                    task: None,
                });
                items += 1;
            }
            Event::End(TagEnd::Item) => items -= 1,
            Event::TaskListMarker(done) => {
                // Inside a heading (difference 5) the marker comes after its start.
                let item = out
                    .iter_mut()
                    .rev()
                    .find(|s| matches!(s, Shape::Item { .. }));
                if let Some(Shape::Item { task, .. }) = item {
                    *task = Some(done);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((out.len(), None));
                out.push(Shape::Heading {
                    level: level as u8,
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((index, text)) = heading.take() else {
                    continue;
                };
                let text = text
                    .and_then(|r| original.get(r.start + base..r.end + base))
                    .unwrap_or_default();
                if items > 0 {
                    // Difference 5: undo a setext heading inside an item.
                    out.truncate(index);
                } else if let Some(Shape::Heading { text: t, .. }) = out.get_mut(index) {
                    *t = text.to_string();
                }
            }
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => {
                out.push(opaque(full, range.start + base..range.end + base));
            }
            _ => {
                if let Some((_, text)) = &mut heading {
                    let r = text.get_or_insert(range.clone());
                    r.start = r.start.min(range.start);
                    r.end = r.end.max(range.end);
                }
            }
        }
    }
    out
}

/// `text` with each `\r` not followed by `\n` replaced by `\n`.
fn lone_cr_as_lf(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    for i in 0..out.len() {
        if out[i] == b'\r' && out.get(i + 1) != Some(&b'\n') {
            out[i] = b'\n';
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// What `minutes` sees, with difference 1 applied.
fn ours(input: &str) -> Vec<Shape> {
    outline(input)
        .into_iter()
        .map(|event| match event {
            Outline::Heading { level, text } => Shape::Heading {
                level,
                text: input[text.0..text.1].to_string(),
            },
            Outline::Item { depth, task, .. } => Shape::Item {
                depth,
                task: match task.as_deref() {
                    Some(" ") => Some(false),
                    Some("x" | "X") => Some(true),
                    _ => None,
                },
            },
            Outline::Opaque { span } => opaque(input, span.0..span.1),
        })
        .collect()
}

fn compare(name: &str, input: &str) -> Result<(), String> {
    let (mut want, mut got) = (reference(input), ours(input));
    // Difference 9: structure is compared up to the first bare task.
    let bare = outline(input)
        .iter()
        .position(|e| matches!(e, Outline::Item { bare: true, .. }));
    if let Some(at) = bare {
        want.truncate(at);
        got.truncate(at);
    }
    if want == got {
        return Ok(());
    }
    let at = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
    let shown = |events: &[Shape]| {
        format!(
            "{:?}",
            events.get(at.saturating_sub(1)..(at + 2).min(events.len()))
        )
    };
    let input = if input.len() > 600 { "(long)" } else { input };
    Err(format!(
        "{name}: block structure differs from CommonMark at event {at}\n  commonmark: {}\n  minutes:    {}\n  input: {input:?}",
        shown(&want),
        shown(&got)
    ))
}

#[test]
fn corpus_agrees_with_commonmark() {
    let Some(root) = corpus_dir() else {
        return;
    };
    let Ok(projects) = std::fs::read_dir(&root) else {
        panic!("{} is not readable", root.display());
    };
    let mut failures = Vec::new();
    let mut files = 0;
    for project in projects.flatten() {
        let Ok(notes) = std::fs::read_dir(project.path()) else {
            continue;
        };
        for note in notes.flatten() {
            let path = note.path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            files += 1;
            if let Err(err) = compare(&path.display().to_string(), &text) {
                failures.push(err);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {files} files differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Short texts with what notes put in lines: handles, links, emoji, NBSP,
/// zero-width spaces, tabs, unclosed parentheses, emphasis.
fn words() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Topic @alice",
        "[Gaius](https://github.com/gaius-qi) (Ant Group",
        "/Dragonfly)",
        "fix <https://github.com/o/r/issues/12>",
        "A: answer",
        "nbsp\u{a0}run",
        "zero\u{200b}width",
        "📅 Meeting",
        "tab\there",
        "`code` and **bold**",
        "#12 not a heading",
        "Date: 2025-10-14",
        "<span>inline</span>",
        "x",
    ])
}

fn indent(max: usize) -> impl Strategy<Value = String> {
    (0..=max, any::<bool>()).prop_map(|(n, tab)| {
        if tab && n >= 4 {
            format!("\t{}", " ".repeat(n - 4))
        } else {
            " ".repeat(n)
        }
    })
}

/// One block-level construct, as one or more lines.
fn construct() -> impl Strategy<Value = String> {
    let checkbox = prop::sample::select(vec!["", "", "[ ] ", "[x] ", "[X] ", "[] ", "[/] ", "[ ]"]);
    let heading =
        (0..=1usize, 1..=6usize, words(), any::<bool>()).prop_map(|(ind, level, text, close)| {
            let closing = if close { " ##" } else { "" };
            format!("{}{} {text}{closing}", " ".repeat(ind), "#".repeat(level))
        });
    let bullet = (
        indent(9),
        prop::sample::select(vec!["-", "*", "+"]),
        prop::sample::select(vec![" ", "  ", "\t", "     "]),
        // An item whose first block is another item: `* - a`, `- 2. a`.
        prop::sample::select(vec!["", "", "", "- ", "2. ", "* [ ] ", "-\t"]),
        checkbox,
        words(),
    )
        .prop_map(|(ind, marker, space, nested, checkbox, text)| {
            format!("{ind}{marker}{space}{nested}{checkbox}{text}")
        });
    let ordered = (
        indent(9),
        prop::sample::select(vec!["1", "2", "4", "10", "123"]),
        prop::sample::select(vec![".", ")"]),
        words(),
    )
        .prop_map(|(ind, n, delim, text)| format!("{ind}{n}{delim} {text}"));
    let empty_item = (indent(6), prop::sample::select(vec!["-", "*", "1."]))
        .prop_map(|(ind, m)| format!("{ind}{m}"));
    let text = (indent(7), words()).prop_map(|(ind, text)| format!("{ind}{text}"));
    let fence = (
        indent(6),
        prop::sample::select(vec!["```", "~~~", "````"]),
        prop::sample::select(vec!["", "rust", "rust=", " text"]),
        prop::collection::vec(
            prop::sample::select(vec![
                "# not a heading",
                "- not an item",
                "#[attr]",
                "",
                "  code",
            ]),
            0..3,
        ),
        prop::sample::select(vec![Some(""), Some("  ")]),
    )
        .prop_map(|(ind, fence, info, body, close)| {
            let mut out = format!("{ind}{fence}{info}");
            for line in body {
                out.push_str(&format!("\n{ind}{line}"));
            }
            if let Some(trailing) = close {
                out.push_str(&format!("\n{ind}{fence}{trailing}"));
            }
            out
        });
    let fixed = prop::sample::select(vec![
        "",
        "",
        "===",
        "---",
        "-",
        "***",
        "* * *",
        "> quoted text",
        "> - quoted item",
        "> # quoted heading",
        // Difference 7: a table ends at a blank line here (pulldown-cmark
        // ends one at some indented lines that GFM reads as rows).
        "| Name | Present |\n|------|---------|\n| Ben Smith | ✅ |\n",
        "<!-- comment -->",
        "<!-- open",
        "-->",
        "<div>",
        "</div>",
        "<details>",
        "**Members**",
        "    indented code",
    ])
    .prop_map(String::from);
    prop_oneof![3 => fixed, 2 => heading, 4 => bullet, 2 => ordered, 1 => empty_item, 3 => text, 1 => fence]
}

/// A whole document: optional BOM and front matter, LF, CRLF, lone CR
/// (classic Mac) or a mix of the three, with or without a final newline.
/// An unclosed fence comes only last (difference 4).
fn document() -> impl Strategy<Value = String> {
    let unclosed = prop::sample::select(vec![None, None, None, Some("```"), Some("  ~~~ text")]);
    // The body is indented like the fence (difference 4).
    // A title indented up to 3 spaces, where no list can contain it (difference 3).
    let title = prop::sample::select(vec![
        "",
        "",
        "  # 📅 Title\n",
        "   ## Notes ##\n",
        " Title\n ===\n",
    ]);
    (
        any::<bool>(),
        any::<bool>(),
        title,
        prop::collection::vec(construct(), 0..24),
        unclosed,
        line_endings(),
        any::<bool>(),
    )
        .prop_map(
            |(bom, front, title, mut lines, unclosed, endings, final_newline)| {
                lines.extend(unclosed.map(|fence| {
                    let indent = &fence[..fence.len() - fence.trim_start().len()];
                    format!("{fence}\n{indent}# inside")
                }));
                let mut doc = String::new();
                if bom {
                    doc.push('\u{feff}');
                }
                if front {
                    doc.push_str("---\ntitle: Triage\ntags: triage-meeting\n---\n");
                }
                doc.push_str(title);
                doc.push_str(&lines.join("\n"));
                if final_newline {
                    doc.push('\n');
                }
                if endings != ["\n"] {
                    let mut endings = endings.iter().copied().cycle();
                    let mut out = String::new();
                    for (i, line) in doc.split('\n').enumerate() {
                        if i > 0 {
                            let mut ending = endings.next().unwrap_or("\n");
                            // `\r` then `\n` would be one `\r\n` ending.
                            if ending == "\n" && out.ends_with('\r') {
                                ending = "\r\n";
                            }
                            out.push_str(ending);
                        }
                        out.push_str(line);
                    }
                    doc = out;
                }
                doc
            },
        )
}

/// The line endings of a document, used in turn: mostly one kind (`\n`,
/// `\r\n` or a lone `\r`), sometimes a mix.
fn line_endings() -> impl Strategy<Value = Vec<&'static str>> {
    let one = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    prop_oneof![
        4 => Just(vec!["\n"]),
        2 => Just(vec!["\r\n"]),
        2 => Just(vec!["\r"]),
        2 => prop::collection::vec(one, 1..8),
    ]
}

#[test]
fn generated_documents_agree_with_commonmark() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("MINUTES_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_251_028);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let started = std::time::Instant::now();
    let result = runner.run(&document(), |doc| {
        compare("generated", &doc).map_err(TestCaseError::fail)
    });
    println!(
        "{cases} generated documents (seed {seed}, MINUTES_SEED to change) in {:?}",
        started.elapsed()
    );
    if let Err(err) = result {
        panic!("{err}");
    }
}
