//! The semantic layer through the public API: sections, statuses, dates,
//! attendees, tasks and diagnostics.

use minutes::{Code, Options, SectionKind, Status, TaskDialect, TaskState};
use time::{Date, Month};

fn date(y: i32, m: Month, d: u8) -> Date {
    Date::from_calendar_date(y, m, d).unwrap()
}

fn codes(meeting: &minutes::Meeting<'_>) -> Vec<Code> {
    meeting.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn status_is_inherited_through_skipped_levels() {
    let m = minutes::parse("## Github Issue\n#### WIP\n###### Nydus\n- a\n## Other\n- b\n");
    let github = &m.sections[0];
    assert_eq!(github.status, None);
    let wip = &github.sections[0];
    assert_eq!(
        (wip.level, wip.kind, wip.status),
        (4, SectionKind::Status, Some(Status::InProgress))
    );
    let nydus = &wip.sections[0];
    assert_eq!(
        (nydus.kind, nydus.status),
        (SectionKind::Other, Some(Status::InProgress))
    );
    assert_eq!(nydus.items[0].text, "a");
    assert_eq!(m.sections[1].status, None);
}

#[test]
fn title_is_the_first_h1_else_the_first_heading() {
    assert_eq!(
        minutes::parse("## Agenda\n# Real\n").title.as_deref(),
        Some("Real")
    );
    assert_eq!(
        minutes::parse("## Agenda\n### x\n").title.as_deref(),
        Some("Agenda")
    );
    assert_eq!(minutes::parse("just text\n").title, None);
    assert_eq!(
        minutes::parse("Title\n=====\n").title.as_deref(),
        Some("Title")
    );
}

#[test]
fn meeting_date_sources_in_order() {
    let hint = date(2026, Month::February, 10);
    let options = Options::new().date_hint(hint);
    // The title wins, and disagreeing with the hint is a diagnostic at the date.
    let text = "# Dragonfly Community Meeting 2026-01-27\n";
    let m = minutes::parse_with(text, &options);
    assert_eq!(m.date, Some(date(2026, Month::January, 27)));
    assert_eq!(codes(&m), [Code::DateMismatch]);
    let span = m.diagnostics[0].span;
    assert_eq!(&text[span.start..span.end], "2026-01-27");
    // A `Date:` line before the second heading.
    let m = minutes::parse("# Notes\n\nDate: 2018/12/25\n\n## Topics\n");
    assert_eq!(m.date, Some(date(2018, Month::December, 25)));
    let m = minutes::parse("# T-lang meeting agenda\n\n* Meeting date: 2020-11-02\n");
    assert_eq!(m.date, Some(date(2020, Month::November, 2)));
    // A `Date:` heading right under the title.
    let m = minutes::parse("# Releases WG\n\n### Date: 2020-04-29\n\n**Members**\n");
    assert_eq!(m.date, Some(date(2020, Month::April, 29)));
    // Front matter.
    let m = minutes::parse("---\ntitle: x\ndate: 2022-09-13\n---\n# Triage\n");
    assert_eq!(m.date, Some(date(2022, Month::September, 13)));
    // Only the hint: no diagnostic.
    let m = minutes::parse_with("# Maintainer Meeting\n", &options);
    assert_eq!(m.date, Some(hint));
    assert!(m.diagnostics.is_empty());
    // A date under a later heading is not the meeting date.
    let m = minutes::parse("# A\n## Event\n- Date: 2025-07-05\n");
    assert_eq!(m.date, None);
}

#[test]
fn impossible_dates_are_diagnostics() {
    let m = minutes::parse("# Meeting 2025-02-30\n");
    assert_eq!(m.date, None);
    assert_eq!(codes(&m), [Code::InvalidDate]);
}

#[test]
fn next_meeting_prefers_an_announcement_with_a_date() {
    let m = minutes::parse(
        "## Next Meeting\n\nTo be announced.\n\nDate: 2026-03-24 Host by @CooooolFrog\n",
    );
    let next = m.next_meeting.unwrap();
    assert_eq!(next.date, Some(date(2026, Month::March, 24)));
    assert_eq!(next.text, "Date: 2026-03-24 Host by @CooooolFrog");
    let m = minutes::parse("## Upcoming\n## Next Meeting\n\nSee the calendar.\n");
    assert_eq!(m.next_meeting.unwrap().date, None);
}

#[test]
fn attendees_with_broken_and_unclosed_parentheses() {
    let text = "## Attendees\n\n- [Yu](https://github.com/y) (The Apache Software Foundation\n/Dragonfly)\n- [M](https://github.com/m) (Ant Group\n- Charles (@ckerr)\n* Beth Griggs @BethGriggs (TSC)\n";
    let m = minutes::parse(text);
    let a = &m.attendees;
    assert_eq!(
        a[0].affiliations,
        ["The Apache Software Foundation", "Dragonfly"]
    );
    assert_eq!(a[1].affiliations, ["Ant Group"]);
    assert_eq!(
        (a[2].name.as_ref(), a[2].handle.as_deref()),
        ("Charles", Some("ckerr"))
    );
    assert!(a[2].affiliations.is_empty());
    assert_eq!(
        (a[3].name.as_ref(), a[3].handle.as_deref()),
        ("Beth Griggs", Some("BethGriggs"))
    );
    assert_eq!(a[3].affiliations, ["TSC"]);
    assert_eq!(codes(&m), [Code::UnclosedAffiliation]);
}

#[test]
fn task_states_and_dialects() {
    let text = "- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [-] e\n- [?] f\n- [] g\n- [a] h\n";
    let m = minutes::parse(text);
    let states: Vec<_> = m
        .items
        .iter()
        .map(|i| i.task.as_ref().map(|t| t.state))
        .collect();
    use TaskState::*;
    assert_eq!(
        states,
        [
            Some(Open),
            Some(Done),
            Some(Done),
            Some(InProgress),
            Some(Cancelled),
            Some(Other),
            Some(Open),
            None
        ]
    );
    assert_eq!(m.items[7].text, "[a] h");
    assert_eq!(codes(&m), [Code::EmptyTaskMarker]);

    let gfm = minutes::parse_with(text, &Options::new().task_dialect(TaskDialect::Gfm));
    let tasks = gfm.items.iter().filter(|i| i.task.is_some()).count();
    assert_eq!(tasks, 3);
    assert_eq!(gfm.items[3].text, "[/] d");
    assert!(gfm.diagnostics.is_empty());
}

#[test]
fn subtasks() {
    let m = minutes::parse("- [x] parent\n  - [ ] child\n- [x] other\n  - plain\n");
    assert!(!m.items[0].is_done_with_subtasks());
    assert!(m.items[1].is_done_with_subtasks());
    // Tasks without owners outside an actions section are no actions.
    assert_eq!(m.open_actions().count(), 0);
    let m = minutes::parse("## Actions\n\n- [x] parent\n  - [ ] child\n- [x] other\n");
    assert_eq!(
        m.open_actions().map(|a| &*a.text).collect::<Vec<_>>(),
        ["child"]
    );
}

#[test]
fn content_before_the_first_heading_is_kept() {
    let m = minutes::parse("* Contribution Policy was merged.\n\nSome words.\n# Later\n");
    assert_eq!(m.items[0].text, "Contribution Policy was merged.");
    assert_eq!(m.paragraphs, ["Some words."]);
}

#[test]
fn repository_headings_resolve_bare_numbers() {
    let m = minutes::parse("### nodejs/node\n- fs: fix #52857\n### Other\n- #1\n");
    let r = &m.sections[0].items[0].references[0];
    assert_eq!(
        (r.owner.as_deref(), r.repo.as_deref(), r.number),
        (Some("nodejs"), Some("node"), Some(52857))
    );
    let r = &m.sections[1].items[0].references[0];
    assert_eq!((r.owner.as_deref(), r.number), (None, Some(1)));
    let with_default = minutes::parse_with("- #1\n", &Options::new().default_repository("a", "b"));
    assert_eq!(
        with_default.items[0].references[0].repo.as_deref(),
        Some("b")
    );
}

#[test]
fn references_count_once_per_item() {
    let m = minutes::parse(
        "- [containerd/nydus-snapshotter#690](https://github.com/containerd/nydus-snapshotter/issues/690) \
         and https://github.com/containerd/nydus-snapshotter/issues/690 again\n",
    );
    assert_eq!(m.items[0].references.len(), 1);
}

#[test]
fn nesting_beyond_the_limit_is_flattened() {
    let text: String = (0..50)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    let m = minutes::parse_with(&text, &Options::new().max_depth(4));
    let mut depth = 0;
    let mut items = &m.items;
    while let Some(first) = items.first() {
        depth += 1;
        items = &first.children;
    }
    assert_eq!(depth, 4);
    assert_eq!(codes(&m), [Code::NestingTooDeep]);
    let count = m.all_items().count();
    assert_eq!(count, 50, "no item is lost");
}

#[test]
fn bytes_that_are_not_utf8() {
    assert_eq!(
        minutes::parse_bytes(b"ok\n\xe2\x82").unwrap_err(),
        minutes::Error::InvalidUtf8 { offset: 3 }
    );
    assert!(minutes::parse_bytes("# ✓\n".as_bytes()).is_ok());
}

#[test]
fn owned_models_outlive_their_input() {
    let owned: minutes::Meeting<'static> = {
        let text = String::from("- [ ] a @b\n");
        minutes::parse(&text).into_owned()
    };
    assert_eq!(owned.items[0].owners, ["b"]);
}

#[test]
fn json_escapes_deserialize() {
    let m = minutes::parse("- say \"hi\" \\ to @x\n");
    let json = serde_json::to_string(&m).unwrap();
    let back: minutes::Meeting<'_> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m);
}

#[test]
fn label_paragraphs_open_status_buckets() {
    let text = "## Github Issue\n\nDiscussed today:\n\n**TODO**:\n- a\n\nDone:\n- b\n\n## Other\n\n- c\n\nTBD\n";
    let m = minutes::parse(text);
    let statuses: Vec<_> = m
        .all_items()
        .map(|(i, s)| (i.text.to_string(), s))
        .collect();
    assert_eq!(
        statuses,
        [
            ("a".into(), Some(Status::Todo)),
            ("b".into(), Some(Status::Done)),
            ("c".into(), None)
        ]
    );
    let github = &m.sections[0];
    assert_eq!(github.paragraphs, ["Discussed today:"]);
    let labels: Vec<_> = github
        .sections
        .iter()
        .map(|s| (s.heading.as_ref(), s.level, s.label))
        .collect();
    assert_eq!(labels, [("TODO", 3, true), ("Done", 3, true)]);
    // A status word alone, with no colon or bold, is prose.
    assert_eq!(m.sections[1].paragraphs, ["TBD"]);
    assert!(m.sections[1].sections.is_empty());
    // Rendering writes the labels back as labels.
    let again = minutes::render(&m);
    assert!(again.contains("**Done**:\n"), "{again}");
    let reparsed = minutes::parse(&again);
    let statuses_again: Vec<_> = reparsed
        .all_items()
        .map(|(i, s)| (i.text.to_string(), s))
        .collect();
    assert_eq!(statuses_again, statuses);
}

#[test]
fn multi_line_texts_lose_indentation_and_carriage_returns_only() {
    use std::borrow::Cow;
    let input = "# T\n\n- first\r\n  second\r\n- one\nlazy\n- [ ] task\r\n\tmore\n\npara\n  indented\n\nplain\nlines\n";
    let m = minutes::parse(input);
    let texts: Vec<&str> = m.sections[0].items.iter().map(|i| &*i.text).collect();
    assert_eq!(texts, ["first\nsecond", "one\nlazy", "task\nmore"]);
    assert_eq!(m.sections[0].paragraphs, ["para\nindented", "plain\nlines"]);
    // Texts that read as their source borrow it.
    assert!(matches!(m.sections[0].items[1].text, Cow::Borrowed(_)));
    assert!(matches!(m.sections[0].paragraphs[1], Cow::Borrowed(_)));
    assert!(matches!(m.sections[0].items[0].text, Cow::Owned(_)));
}

/// `\n`, `\r\n` and a lone `\r` (classic Mac) are all line endings, as in
/// CommonMark.
#[test]
fn lone_carriage_returns_end_lines() {
    let input = "# T\r\r- [ ] a @x\r- [ ] b\r";
    let m = minutes::parse(input);
    assert_eq!(m.title.as_deref(), Some("T"));
    let items = &m.sections[0].items;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].text, "a @x");
    assert_eq!(items[0].owners, ["x"]);
    assert_eq!(
        items[0].task.as_ref().map(|t| t.state),
        Some(TaskState::Open)
    );
    assert_eq!(&input[items[0].span.start..items[0].span.end], "- [ ] a @x");
    assert_eq!(items[1].text, "b");
    assert!(items[1].owners.is_empty());
    assert_eq!(
        items[1].task.as_ref().map(|t| t.state),
        Some(TaskState::Open)
    );
    assert_eq!(&input[items[1].span.start..items[1].span.end], "- [ ] b");
    assert!(m.diagnostics.is_empty(), "{:?}", m.diagnostics);
}

#[test]
fn mixed_line_endings() {
    let input = "# T\r\nDate: 2024-03-05\r## Notes\n- [x] one\r  more @a\r\n- two\n  next\rlast";
    let m = minutes::parse(input);
    assert_eq!(m.title.as_deref(), Some("T"));
    assert_eq!(m.date, Some(date(2024, Month::March, 5)));
    let notes = &m.sections[0].sections[0];
    assert_eq!(notes.heading, "Notes");
    let items = &notes.items;
    assert_eq!(items.len(), 2, "{items:?}");
    // Continuation lines are joined with `\n` whatever ended them.
    assert_eq!(items[0].text, "one\nmore @a");
    assert_eq!(items[0].owners, ["a"]);
    assert_eq!(
        items[0].task.as_ref().map(|t| t.state),
        Some(TaskState::Done)
    );
    assert_eq!(
        &input[items[0].span.start..items[0].span.end],
        "- [x] one\r  more @a"
    );
    assert_eq!(items[1].text, "two\nnext\nlast");
    assert_eq!(items[1].span.end, input.len());
}

#[test]
fn carriage_return_at_the_end_and_crlf_as_one_ending() {
    // A `\r` at the end of the input ends the last line and is no text.
    let m = minutes::parse("# T\r- a\r");
    assert_eq!(m.title.as_deref(), Some("T"));
    assert_eq!(m.sections[0].items[0].text, "a");
    assert_eq!(m.sections[0].items[0].span, minutes::Span::new(4, 7));
    // `\r\n` is one line ending, not two: no blank line comes between the
    // lines, so `b` continues `a`.
    let m = minutes::parse("- a\r\n  b\r\n- c\r\n");
    let items = &m.items;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].text, "a\nb");
    assert_eq!(items[1].text, "c");
    // And `\r\r` is two: a blank line ends the paragraph.
    let m = minutes::parse("Date: 2024-03-05\r\rnot the date line\r");
    assert_eq!(m.date, Some(date(2024, Month::March, 5)));
    assert_eq!(m.paragraphs.len(), 2, "{:?}", m.paragraphs);
    // Front matter, too.
    let m = minutes::parse("---\rtitle: x\rdate: 2024-03-05\r---\r# T\r");
    assert_eq!(m.title.as_deref(), Some("T"));
    assert_eq!(m.date, Some(date(2024, Month::March, 5)));
}
