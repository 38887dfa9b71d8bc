//! `render` writes a meeting back as Markdown that parses to the same model,
//! and `render_next` drafts the next meeting from the latest one.

mod common;
#[path = "support/round_trip.rs"]
mod round_trip;

use round_trip::{comparable, first_difference};

use minutes::{Meeting, Options};

/// Corpus files that cannot round-trip because of the parser, with the reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn options_for(path: &std::path::Path) -> Options {
    let mut options = Options::new();
    if let Some(date) = minutes::date_from_path(path) {
        options = options.date_hint(date);
    }
    options
}

#[test]
fn every_corpus_file_round_trips_through_render() {
    let mut failures = Vec::new();
    for (path, text) in &common::corpus_files() {
        let options = options_for(path);
        let meeting = minutes::parse_with(text, &options);
        let rendered = minutes::render(&meeting);
        let again = minutes::parse_with(&rendered, &options);
        let name = path.display().to_string();
        let known = KNOWN_DIFFERENCES
            .iter()
            .any(|(file, _)| name.ends_with(file));
        let (before, after) = (comparable(&meeting), comparable(&again));
        if before != after && !known {
            let diff = first_difference(&before, &after, String::new()).unwrap_or_default();
            failures.push(format!("{name}: {diff}"));
        }
        // Rendering is canonical: a second round changes nothing.
        if minutes::render(&again) != rendered && !known {
            failures.push(format!("{name}: a second render differs"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_canonical_form() {
    let note = "\
Sync notes
==========
Date: 2025-10-28

1. [] first @ann
   still the first
    - a child: the first's content starts at column 3
* [x] second
      * not a child: four columns past the content, a lazy line

```
code is not kept
```
## Next Meeting ##
TBD
";
    let meeting = minutes::parse(note);
    let rendered = minutes::render(&meeting);
    assert_eq!(
        rendered,
        "\
# Sync notes

Date: 2025-10-28

- [] first @ann
  still the first
  - a child: the first's content starts at column 3
- [x] second
      * not a child: four columns past the content, a lazy line

## Next Meeting

TBD
"
    );
    assert_eq!(comparable(&minutes::parse(&rendered)), comparable(&meeting));
}

#[test]
fn paragraphs_and_items_keep_their_source_order() {
    // A bold label names the list right after it; the prose that follows
    // ends the label. Written paragraphs-first, the list lost its label.
    let note = "\
**Attendees**
* Ann Lee (EF)
* Bo Chen

Welcome, everyone.

- [ ] first task @ann

Action: Bo to write the summary
";
    let meeting = minutes::parse(note);
    assert_eq!(meeting.attendees.len(), 2);
    assert_eq!(meeting.paragraph_info.len(), meeting.paragraphs.len());
    let rendered = minutes::render(&meeting);
    assert_eq!(
        rendered,
        "\
**Attendees**

- Ann Lee (EF)
- Bo Chen

Welcome, everyone.

- [ ] first task @ann

Action: Bo to write the summary
"
    );
    assert_eq!(comparable(&minutes::parse(&rendered)), comparable(&meeting));
}

#[test]
fn a_model_without_paragraph_info_renders_paragraphs_first() {
    // JSON written before `paragraph_info` existed reads back without it.
    let meeting = minutes::parse("# T\n\n- [ ] task\n\nA closing paragraph.\n");
    let mut json = serde_json::to_value(&meeting).expect("serializes");
    let section = &mut json["sections"][0];
    section
        .as_object_mut()
        .expect("object")
        .remove("paragraph_info");
    let text = json.to_string();
    let old: Meeting<'_> = serde_json::from_str(&text).expect("reads back");
    assert!(old.sections[0].paragraph_info.is_empty());
    assert_eq!(
        minutes::render(&old),
        "# T\n\nA closing paragraph.\n\n- [ ] task\n"
    );
}

#[test]
fn a_date_only_the_caller_knew_goes_into_front_matter() {
    let date = time::Date::from_calendar_date(2025, time::Month::October, 28).unwrap();
    let meeting = minutes::parse_with("# Maintainer Meeting\n", &Options::new().date_hint(date));
    let rendered = minutes::render(&meeting);
    assert_eq!(
        rendered,
        "---\ndate: 2025-10-28\n---\n\n# Maintainer Meeting\n"
    );
    assert_eq!(minutes::parse(&rendered).date, Some(date));
}

/// Lone `\r` and mixed line endings read the same after a round trip; the
/// render writes `\n`, except inside a setext heading's text.
#[test]
fn carriage_returns_round_trip() {
    for note in [
        "# T\r\r- [ ] a @x\r- [ ] b\r",
        "Multi\rline\r===\r\rtext\r\nmore\n- a\r  b\r",
        "# T\r## Notes\r\n- [x] one\r  more\n\r1. two\r",
    ] {
        let meeting = minutes::parse(note);
        let rendered = minutes::render(&meeting);
        let again = minutes::parse(&rendered);
        assert_eq!(
            comparable(&meeting),
            comparable(&again),
            "{note:?} -> {rendered:?}"
        );
        assert_eq!(minutes::render(&again), rendered, "{note:?}");
    }
}

fn dragonfly(name: &str) -> Option<String> {
    let path = common::corpus_dir()?.join("dragonfly").join(name);
    Some(std::fs::read_to_string(path).expect("dragonfly note is readable"))
}

/// The buckets an issue sits in, in a meeting.
fn buckets(meeting: &Meeting<'_>, number: u64) -> Vec<minutes::Status> {
    meeting
        .all_items()
        .filter(|(item, _)| item.references.iter().any(|r| r.number == Some(number)))
        .filter_map(|(_, status)| status)
        .collect()
}

#[test]
fn next_draft_from_2025_10_28() {
    let Some(text) = dragonfly("2025-10-28.md") else {
        return;
    };
    let latest = minutes::parse_with(&text, &options_for("2025-10-28.md".as_ref()));
    let draft_text = minutes::render_next(&latest, None);
    let draft = minutes::parse(&draft_text);
    // Dated as announced (`Date: 2025-11-25`), the next one four weeks on.
    assert_eq!(draft.date.unwrap().to_string(), "2025-11-25");
    let announced = draft.next_meeting.as_ref().and_then(|n| n.date);
    assert_eq!(announced.unwrap().to_string(), "2025-12-23");
    // Both open tasks carried over; the issues of the TODO and WIP buckets
    // are open actions too (SCHEMA.md, "Action items").
    let open: Vec<&str> = draft
        .open_actions()
        .filter(|i| i.task.is_some())
        .map(|i| &i.text[..20])
        .collect();
    assert_eq!(open, ["Support Model Artifa", "Organize topics and "]);
    let in_buckets = draft.open_actions().filter(|i| i.task.is_none()).count();
    let bucket_items = draft
        .all_items()
        .filter(|(i, status)| i.task.is_none() && status.is_some())
        .count();
    assert_eq!(in_buckets, bucket_items);
    assert!(draft.attendees.is_empty());
    let topics = draft
        .all_sections()
        .find(|s| s.heading == "Topics")
        .unwrap();
    assert!(topics.items.is_empty());
    // #4025 stays in TODO and WIP; #4345 was Done and is gone.
    use minutes::Status::{InProgress, Todo};
    assert_eq!(buckets(&draft, 4025), [Todo, InProgress]);
    assert_eq!(buckets(&draft, 4345), []);
    assert_eq!(minutes::render(&draft), draft_text);
}

#[test]
fn next_draft_from_2025_07_29_drops_done_actions_and_topics() {
    let Some(text) = dragonfly("2025-07-29.md") else {
        return;
    };
    let date = time::Date::from_calendar_date(2025, time::Month::August, 12).unwrap();
    let latest = minutes::parse_with(
        &text,
        &Options::new().date_hint(date - time::Duration::days(14)),
    );
    let draft = minutes::render_next(&latest, Some(date));
    let draft = minutes::parse(&draft);
    assert_eq!(draft.date, Some(date));
    // 9 tasks under Actions, 5 ticked: the 4 open ones remain.
    let open: Vec<String> = draft
        .open_actions()
        .filter(|i| i.task.is_some())
        .map(|i| i.text.to_string())
        .collect();
    assert_eq!(open.len(), 4);
    assert_eq!(open[3], "Update development guidance @CooooolFrog");
    assert_eq!(
        draft.all_items().filter(|(i, _)| i.task.is_some()).count(),
        4
    );
    // The three H3 topics under Topics are gone.
    let topics = draft
        .all_sections()
        .find(|s| s.heading == "Topics")
        .unwrap();
    assert!(topics.sections.is_empty());
    // 8 TODO and 7 WIP issues carried over, Done (11 issues) emptied.
    use minutes::Status::{Done, InProgress, Todo};
    let count = |status| {
        draft
            .all_items()
            .filter(|(_, s)| *s == Some(status))
            .count()
    };
    assert_eq!((count(Todo), count(InProgress), count(Done)), (8, 7, 0));
}

#[test]
fn dragonfly_notes_are_already_in_the_house_style() {
    // 2026-01-13.md is canonical as written; 2025-10-28.md only lacks the
    // date, which its folder name carried, so front matter adds it.
    let Some(text) = dragonfly("2026-01-13.md") else {
        return;
    };
    assert_eq!(minutes::render(&minutes::parse(&text)), text);
    let Some(text) = dragonfly("2025-10-28.md") else {
        return;
    };
    let meeting = minutes::parse_with(&text, &options_for("2025-10-28.md".as_ref()));
    assert_eq!(
        minutes::render(&meeting),
        format!("---\ndate: 2025-10-28\n---\n\n{text}")
    );
}

#[test]
fn tables_and_quotes_with_lazy_lines_round_trip() {
    let notes = [
        "# T\n\nname | a\n-----|---\nx | y\n    - lazy | row\n",
        "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n    # not | heading\n",
        "# T\n\n> quoted\n    > lazy quote line\n",
        "# T\n\n> one\n> two\n",
    ];
    for note in notes {
        let meeting = minutes::parse(note);
        let rendered = minutes::render(&meeting);
        assert_eq!(
            comparable(&minutes::parse(&rendered)),
            comparable(&meeting),
            "{note:?} rendered as {rendered:?}"
        );
    }
}

/// Issue 14: the interval added to a date near the end of `time`'s range
/// overflowed ("overflow adding duration to date").
#[test]
fn next_draft_near_the_last_representable_date_does_not_panic() {
    let latest = minutes::parse("# Sync 2025-10-28\n\n## Next Meeting\n\nDate: 6100-01-01\n");
    let draft = minutes::render_next(&latest, None);
    assert!(draft.starts_with("# Sync 6100-01-01\n"), "{draft}");
    // 4,075 years on would be past 9999-12-31: announced as TBD.
    assert!(draft.contains("Date: TBD"), "{draft}");

    let last = time::Date::MAX;
    let draft = minutes::render_next(&latest, Some(last));
    assert!(draft.starts_with("# Sync 9999-12-31\n"), "{draft}");
    assert!(draft.contains("Date: TBD"), "{draft}");
    let end = minutes::parse("# Sync 9999-12-30\n\n## Next Meeting\n\nDate: 9999-12-31\n");
    assert!(minutes::render_next(&end, None).contains("Date: TBD"));
    // The earliest dates, before and after, do not panic either.
    let first = minutes::parse("# Sync 0001-01-01\n");
    let _ = minutes::render_next(&first, Some(time::Date::MIN));
    let _ = minutes::render_next(&first, Some(last));
}
