//! Every corpus note parses, with every span inside the input, on character
//! boundaries and nested in its parent, and the model survives JSON.

mod common;

use minutes::{Item, Meeting, Section, Span};

fn check_span(input: &str, span: Span, parent: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} {span} outside input"
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what} {span} splits a character"
    );
    assert!(
        parent.start <= span.start && span.end <= parent.end,
        "{what} {span} outside parent {parent}"
    );
}

fn check_items(input: &str, items: &[Item<'_>], parent: Span) {
    let mut previous_end = parent.start;
    for item in items {
        check_span(input, item.span, parent, "item");
        assert!(
            item.span.start >= previous_end,
            "item {} before its previous sibling",
            item.span
        );
        previous_end = item.span.end;
        for reference in &item.references {
            check_span(input, reference.span, item.span, "reference");
        }
        check_items(input, &item.children, item.span);
    }
}

fn check_sections(input: &str, sections: &[Section<'_>], parent: Span) {
    let mut previous_end = parent.start;
    for section in sections {
        check_span(input, section.span, parent, "section");
        assert!(
            section.span.start >= previous_end,
            "section {} overlaps its previous sibling",
            section.span
        );
        previous_end = section.span.end;
        check_items(input, &section.items, section.span);
        check_sections(input, &section.sections, section.span);
    }
}

pub fn check_meeting(input: &str, meeting: &Meeting<'_>) {
    let whole = Span::new(0, input.len());
    assert_eq!(meeting.span, whole);
    check_sections(input, &meeting.sections, whole);
    check_items(input, &meeting.items, whole);
    for attendee in &meeting.attendees {
        check_span(input, attendee.span, whole, "attendee");
    }
    for diagnostic in &meeting.diagnostics {
        check_span(input, diagnostic.span, whole, "diagnostic");
    }
    if let Some(next) = &meeting.next_meeting {
        check_span(input, next.span, whole, "next meeting");
    }
}

#[test]
fn every_corpus_file_parses_with_valid_spans() {
    let files = common::corpus_files();
    for (path, text) in &files {
        let meeting = common::parse_path(path, text);
        eprintln!("{}", path.display());
        check_meeting(text, &meeting);
    }
    if common::corpus_dir().is_some() {
        assert!(
            files.len() >= 100,
            "expected the whole corpus, found {} files",
            files.len()
        );
    }
}

#[test]
fn every_corpus_file_round_trips_through_json() {
    for (path, text) in &common::corpus_files() {
        let meeting = common::parse_path(path, text);
        let json = serde_json::to_string(&meeting).expect("serializes");
        let back: Meeting<'_> = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, meeting, "{}", path.display());
        assert_eq!(meeting.clone().into_owned(), meeting, "{}", path.display());
    }
}
