//! Hostile input: deep nesting, pathological runs, unclosed blocks, size
//! limits, and every input the fuzzers found (`tests/regressions/`).
//!
//! None of these tests time anything. Each input is large enough that a
//! quadratic path would take hours even in release builds, so a regression
//! shows up as a CI timeout rather than a flaky assertion; the memory side is
//! measured deterministically in `tests/memory.rs`.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::Path;

use minutes::{Code, Error, Meeting, Options, MAX_DEPTH_CEILING};

/// Parses in a thread with a 2 MiB stack, as a small service worker would
/// have, checks the invariants, and also serializes, copies and drops the
/// model there (all of which walk it).
fn parse_in_small_stack(input: String, options: Options) -> Meeting<'static> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let meeting = minutes::parse_with(&input, &options);
            invariants::check(&input, &meeting);
            let json = serde_json::to_string(&meeting).expect("the model serializes");
            assert!(json.starts_with('{'));
            meeting.into_owned()
        })
        .expect("thread spawns")
        .join()
        .expect("parsing in a 2 MiB stack does not overflow")
}

fn checked(input: &str) -> Meeting<'_> {
    let meeting = minutes::parse(input);
    invariants::check(input, &meeting);
    meeting
}

fn item_depth(meeting: &Meeting<'_>) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<_> = meeting.all_items().map(|(item, _)| (item, 1)).collect();
    while let Some((item, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(item.children.iter().map(|c| (c, depth + 1)));
    }
    deepest
}

const LEVELS: usize = 100_000;

#[test]
fn nested_list_markers_on_one_line() {
    for marker in ["- ", "* ", "1. ", "+ [ ] "] {
        let input = format!("{}x\n", marker.repeat(LEVELS));
        let meeting = parse_in_small_stack(input, Options::new().max_depth(MAX_DEPTH_CEILING));
        assert!(item_depth(&meeting) <= MAX_DEPTH_CEILING);
        assert_eq!(meeting.items.len(), 1, "{marker:?}");
    }
}

#[test]
fn nested_list_items_by_indentation_are_flattened() {
    // Indentation grows with depth, so 100,000 levels would need 10 GB; 2,000
    // levels (4 MB) are far past every limit.
    let input: String = (0..2_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let meeting = parse_in_small_stack(input, Options::new().max_depth(MAX_DEPTH_CEILING));
    assert_eq!(item_depth(&meeting), MAX_DEPTH_CEILING);
    let deep = meeting
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NestingTooDeep);
    assert_eq!(deep.count(), 1);
}

#[test]
fn nested_block_quotes() {
    let one_line = format!("{} - [ ] quoted @alice\n", ">".repeat(LEVELS));
    parse_in_small_stack(one_line, Options::new());
    let many_lines = "> > > > > > > > > > - x @bob\n".repeat(LEVELS / 10);
    parse_in_small_stack(many_lines, Options::new());
}

#[test]
fn nested_brackets_parentheses_and_emphasis() {
    let pieces = [
        ("[", "]"),
        ("[", "](https://github.com/a/b/issues/1)"),
        ("(", ")"),
        ("*", "*"),
        ("_", "_"),
        ("<", ">"),
        ("`", "`"),
        ("![", "](x)"),
    ];
    for (open, close) in pieces {
        let text = format!("{}@alice #1{}", open.repeat(LEVELS), close.repeat(LEVELS));
        parse_in_small_stack(format!("- {text}\n"), Options::new());
        parse_in_small_stack(format!("# {text}\n\n{text}\n"), Options::new());
    }
}

/// Runs of one token, alone, in a list item, and in a heading.
#[test]
fn pathological_runs() {
    let pieces = [
        "[",
        "]",
        "](",
        "[](",
        "[](a",
        "<",
        "<a@",
        "`",
        "``",
        "*",
        "**",
        "#",
        "#1",
        "@",
        "@a",
        "@a/",
        "https://github.com/",
        "https://github.com/a/b/issues/",
        "www.",
        "\\",
        "!",
        "\t",
        "- ",
        "> ",
        "```",
        "~~~",
        "---\n",
        "|",
        "(",
        ")",
        "&#",
        "<!--",
        "-->",
        "\r",
        "\r\n",
    ];
    for piece in pieces {
        let run = piece.repeat(200_000 / piece.len());
        for input in [
            run.clone(),
            format!("- [ ] {run} @x"),
            format!("## {run}\n- a"),
        ] {
            checked(&input);
        }
    }
}

#[test]
fn a_million_at_signs_and_headings() {
    let at_signs = "@".repeat(1_000_000);
    assert!(checked(&at_signs).items.is_empty());
    let input = format!("- {}\n", "@a ".repeat(1_000_000));
    let meeting = checked(&input);
    assert_eq!(meeting.items[0].mentions, ["a"]);
    let input = "# h\n".repeat(1_000_000);
    let meeting = checked(&input);
    assert_eq!(meeting.sections.len(), 1_000_000);
}

#[test]
fn a_single_16_mib_line() {
    let words = "word @alice #12 [link](https://github.com/a/b/pull/3) `code` ";
    let line = words.repeat((16 << 20) / words.len() + 1);
    let input = format!("- [ ] {line}\n");
    assert!(input.len() >= 16 << 20);
    let meeting = checked(&input);
    let item = &meeting.items[0];
    assert_eq!(item.mentions, ["alice"]);
    assert_eq!(item.references.len(), 2);
}

/// Found by hand while writing `pathological_runs`: every `<` of `<a@<a@…`
/// searched the rest of the text for a `>` (9.9 s for 200 kB in release).
#[test]
fn autolink_email_run_is_linear() {
    let input = format!("- [ ] {} @x", "<a@".repeat(1_000_000));
    assert_eq!(checked(&input).items[0].owners, ["x"]);
    // What the search was for still works: an address is not a handle.
    let meeting = checked("- mail <@alice> or @bob <a@b c> @carol");
    assert_eq!(meeting.items[0].mentions, ["bob", "carol"]);
}

/// Found by hand, confirmed by the `linear` target: a bare URL followed by a
/// run of `)` recounted the URL's parentheses for every `)` it trimmed
/// (40,000 took 1.9 s in release).
#[test]
fn url_before_a_run_of_parentheses_is_linear() {
    for tail in [")", ".)", ").", "*_)"] {
        let input = format!("- https://github.com/a/b/issues/1{}", tail.repeat(300_000));
        let meeting = checked(&input);
        assert_eq!(meeting.items[0].references[0].number, Some(1), "{tail:?}");
    }
    // Balanced parentheses still belong to the URL.
    let meeting = checked("- (see https://github.com/a/b/issues/1#(x)), ok");
    let url = meeting.items[0].references[0].url.as_deref();
    assert_eq!(url, Some("https://github.com/a/b/issues/1#(x)"));
}

/// Found by the `linear` target at N = 1 KiB: every `](` of a run of links
/// without `)` scans its destination across up to 32 `(` before giving up.
/// The window is bounded, so the work is linear (32 steps per byte at most);
/// this input keeps that bound honest at 3 MB.
#[test]
fn unclosed_link_destinations_scan_a_bounded_window() {
    let input = format!("- *[{}", "<*?7?????????[]n[jim3mtt](lt".repeat(100_000));
    checked(&input);
    let input = format!("- {} @x", "[](a(b".repeat(500_000));
    assert_eq!(checked(&input).items[0].owners, ["x"]);
}

#[test]
fn unclosed_fence_at_end_of_input() {
    for input in [
        "```",
        "```rust\n- [ ] @a",
        "~~~~\n# x\n```",
        "- a\n  ```\n  - b",
    ] {
        let meeting = checked(input);
        let codes: Vec<_> = meeting.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::UnclosedFence), "{input:?}: {codes:?}");
    }
    // A fence opened on every line: each closes the one before it.
    checked(&"```\n".repeat(100_001));
}

#[test]
fn unclosed_front_matter_at_end_of_input() {
    // `---` with nothing after it is a thematic break, as in CommonMark.
    checked("---");
    checked("---\n");
    for input in ["---\ndate: 2025-01-01", "---\ntitle: x\n- a\n# h"] {
        let meeting = checked(input);
        let codes: Vec<_> = meeting.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&Code::UnclosedFrontMatter),
            "{input:?}: {codes:?}"
        );
    }
    // Many lines after an unclosed `---`: the search for its end runs once.
    checked(&format!("---\n{}", "key: value\n".repeat(200_000)));
}

#[test]
fn bom_and_lone_carriage_returns() {
    checked("\u{feff}");
    checked("\u{feff}---\r\n---\r\n# T\r");
    checked(&"\r".repeat(100_000));
}

#[test]
fn max_input_len_refuses_longer_input() {
    let options = Options::new().max_input_len(8);
    assert_eq!(options.values().max_input_len, Some(8));
    assert!(minutes::parse_bytes_with(b"# Notes\n", &options).is_ok());
    assert_eq!(
        minutes::parse_bytes_with(b"# Notes!\n", &options).unwrap_err(),
        Error::InputTooLarge { len: 9, limit: 8 }
    );
    // The limit is checked before the text is, and not by the `&str` API.
    let err = minutes::parse_bytes_with(&[0xff; 9], &options).unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { .. }));
    assert_eq!(
        minutes::parse_with("# Notes!\n", &options).title.as_deref(),
        Some("Notes!")
    );
    assert_eq!(Options::new().values().max_input_len, None);
}

/// Every input the fuzzers found, saved in `tests/regressions/` (named
/// `TARGET-WHAT.*`), parses without a panic and keeps the invariants.
#[test]
fn saved_fuzz_findings_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let path = entry.expect("readable entry").path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable finding");
        let text = String::from_utf8_lossy(&bytes);
        let meeting = minutes::parse(&text);
        invariants::check(&text, &meeting);
        let json = serde_json::to_string(&meeting).expect("serializes");
        let back: Meeting<'_> = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, meeting, "{}", path.display());
        replayed += 1;
    }
    assert!(replayed > 0, "no saved findings in {}", dir.display());
}

/// Issue 13: names resolve through an index of the attendees, and initials
/// that speak go in a set, so that a long roll call with as many
/// assignments stays linear (a walk per name took 20,000 × 20,000 steps).
#[test]
fn many_attendees_and_assignments_are_linear() {
    const PEOPLE: usize = 20_000;
    // `Pbaa Surname`, a name of letters only, one per person.
    let name = |i: usize| {
        let letters: String = [i % 26, (i / 26) % 26, (i / 676) % 26, (i / 17_576) % 26]
            .iter()
            .map(|&c| char::from(b'a' + c as u8))
            .collect();
        format!("P{letters} Surname")
    };
    let mut note = String::from("# Plenary\n\n## Attendees\n\n");
    for i in 0..PEOPLE {
        note.push_str(&format!("- {} (@login{i})\n", name(i)));
    }
    note.push_str("\n## Notes\n\n");
    for i in 0..PEOPLE {
        let initials: String = [i % 26, (i / 26) % 26, (i / 676) % 26]
            .iter()
            .map(|&c| char::from(b'A' + c as u8))
            .collect();
        note.push_str(&format!("- {} to review part {i}\n", name(i)));
        note.push_str(&format!("\n{initials}: I will review part {i}.\n\n"));
    }
    let meeting = checked(&note);
    assert_eq!(meeting.attendees.len(), PEOPLE);
    let owned = meeting
        .actions()
        .filter(|a| a.owners.first().is_some_and(|o| o.starts_with("login")))
        .count();
    assert_eq!(owned, PEOPLE);
}

/// Issue 17: a speaker's colon reads one level of assignment
/// (`Ab: Cd will …`). The names grammar once called itself at every colon, so
/// a line of `Ab: ` repeated 100,000 times, by an attendee the note knows,
/// overflowed the stack.
#[test]
fn a_line_of_speaker_colons_does_not_recurse() {
    let colons = "Ab: ".repeat(LEVELS);
    let note = format!(
        "# Sync\n\nAttendees: Ab Cd (@ab)\n\n## Notes\n\n{colons}will review\n\n- {colons}to merge\n"
    );
    let meeting = parse_in_small_stack(note, Options::default());
    assert_eq!(meeting.attendees.len(), 1);
    assert_eq!(meeting.items.len() + meeting.sections.len(), 1);
}
