//! API hygiene: what a tool that embeds `minutes` may rely on. Most checks
//! are compile-time bounds; a missing trait fails the build of this test.

use std::collections::HashSet;
use std::fmt::{Debug, Display};
use std::hash::Hash;

use minutes::{
    ActionHistory, ActionSighting, ActionStatus, Attendance, Attendee, BucketPeriod, Code,
    Diagnostic, Error, Field, IssueHistory, IssueSighting, Item, Meeting, MeetingTime, NextMeeting,
    Options, Reference, ReferenceKind, Section, SectionKind, Series, SeriesCode, SeriesDiagnostic,
    SeriesMeeting, Severity, Span, Status, Task, TaskDialect, TaskState,
};

/// Shareable across threads and usable as a value: cloned, compared, hashed, printed.
fn model<T: Send + Sync + Debug + Clone + PartialEq + Eq + Hash>() {}

/// The owned types can be read back from JSON. (`Meeting<'a>` borrows
/// from the JSON text it is read from, so it is not `DeserializeOwned`.)
fn serde<T: serde::Serialize + serde::de::DeserializeOwned>() {}

fn copy<T: Copy>() {}

#[test]
fn model_types_are_send_sync_and_have_the_common_traits() {
    model::<Meeting<'_>>();
    model::<Attendee<'_>>();
    model::<Section<'_>>();
    model::<Item<'_>>();
    model::<Task<'_>>();
    model::<Reference<'_>>();
    model::<NextMeeting<'_>>();
    model::<MeetingTime<'_>>();
    model::<Field<'_>>();
    model::<Diagnostic>();
    model::<Span>();
    model::<SectionKind>();
    model::<Status>();
    model::<TaskState>();
    model::<ReferenceKind>();
    model::<Severity>();
    model::<Code>();
    model::<TaskDialect>();
    for_copy();
}

fn for_copy() {
    copy::<Span>();
    copy::<SectionKind>();
    copy::<Status>();
    copy::<TaskState>();
    copy::<ReferenceKind>();
    copy::<Severity>();
    copy::<Code>();
    copy::<TaskDialect>();
    copy::<ActionStatus>();
    copy::<BucketPeriod>();
    copy::<SeriesCode>();
}

#[test]
fn series_types_are_send_sync_and_have_the_common_traits() {
    model::<Series>();
    model::<SeriesMeeting>();
    model::<ActionHistory>();
    model::<ActionSighting>();
    model::<ActionStatus>();
    model::<IssueHistory>();
    model::<IssueSighting>();
    model::<BucketPeriod>();
    model::<Attendance>();
    model::<SeriesDiagnostic>();
    model::<SeriesCode>();
    serde::<Series>();
    serde::<Diagnostic>();
}

#[test]
fn options_are_send_sync_clone_and_default() {
    fn options<T: Send + Sync + Debug + Clone + PartialEq + Eq + Default>() {}
    options::<Options>();
    assert_eq!(Options::default(), Options::new());
}

#[test]
fn the_error_is_a_std_error_that_crosses_threads() {
    fn error<T: std::error::Error + Send + Sync + 'static>() {}
    error::<Error>();
    let err = minutes::parse_bytes(b"\xff").unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err.clone());
    assert_eq!(
        boxed.to_string(),
        "input is not valid UTF-8: invalid byte sequence at offset 0"
    );
    let from_thread = std::thread::spawn(move || err).join().expect("no panic");
    assert_eq!(from_thread, Error::InvalidUtf8 { offset: 0 });
}

#[test]
fn into_owned_outlives_the_input() {
    fn parse_owned() -> Meeting<'static> {
        let text = String::from("# Sync 2025-10-28\n\n## Actions\n\n- [ ] ship it @ann\n");
        let meeting = minutes::parse(&text).into_owned();
        drop(text);
        meeting
    }
    let meeting = parse_owned();
    // 'static and Send: it moves into a thread that may outlive the caller.
    let handle = std::thread::spawn(move || meeting.open_actions().count());
    assert_eq!(handle.join().expect("no panic"), 1);

    let text = String::from("# Sync\n\n- [x] done @bo\n");
    let borrowed = minutes::parse(&text);
    let owned: Meeting<'static> = borrowed.clone().into_owned();
    assert_eq!(owned, borrowed, "into_owned keeps every value");
}

#[test]
fn meetings_hash_and_compare_by_value() {
    let a = minutes::parse("# Sync 2025-10-28\n\n- [ ] one @ann\n");
    let b = minutes::parse("# Sync 2025-10-28\n\n- [ ] one @ann\n");
    let c = minutes::parse("# Sync 2025-10-28\n\n- [x] one @ann\n");
    let set: HashSet<_> = [a, b, c].into_iter().collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn diagnostics_display_severity_code_message_and_span() {
    fn display<T: Display>() {}
    display::<Diagnostic>();
    display::<Code>();
    display::<Severity>();
    display::<Span>();
    let meeting = minutes::parse("- []  empty\n");
    let diagnostic = &meeting.diagnostics[0];
    assert_eq!(diagnostic.code, Code::EmptyTaskMarker);
    let shown = diagnostic.to_string();
    assert!(shown.starts_with("warning[empty-task-marker]: "), "{shown}");
    assert!(
        shown.ends_with(&format!("(at {})", diagnostic.span)),
        "{shown}"
    );
    assert_eq!(Code::EmptyTaskMarker.to_string(), "empty-task-marker");
}

#[test]
fn the_schema_version_is_one() {
    assert_eq!(minutes::SCHEMA_VERSION, 1);
    assert_eq!(minutes::parse("").version, minutes::SCHEMA_VERSION);
    let series = Series::new(std::iter::empty::<&Meeting<'_>>());
    assert_eq!(series.version, 1);
}

#[test]
fn a_meeting_reads_back_from_its_json() {
    let text = include_str!("../examples/data/dragonfly-2025-10-28.md");
    let meeting = minutes::parse(text);
    let json = serde_json::to_string(&meeting).expect("serializes");
    let back: Meeting<'_> = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, meeting);
    let series = Series::new([&meeting]);
    let json = serde_json::to_string(&series).expect("serializes");
    assert_eq!(
        serde_json::from_str::<Series>(&json).expect("reads"),
        series
    );
}

/// Issue 14: a span read back from JSON can be reversed; its length is 0
/// instead of an overflow (a panic in debug builds).
#[test]
fn a_reversed_span_from_json_has_length_zero() {
    let span: Span = serde_json::from_str("[5,3]").expect("a span");
    assert_eq!(span.len(), 0);
    assert!(span.is_empty());
    assert_eq!(span.slice("0123456789"), None);
    assert_eq!(span.to_string(), "5..3");
    assert_eq!(span.cover(Span::new(0, 1)), Span::new(0, 3));
    let huge: Span = serde_json::from_str("[18446744073709551615,0]").expect("a span");
    assert_eq!(huge.len(), 0);
    assert_eq!(Span::new(3, 5).len(), 2);
    assert!(!Span::new(3, 5).is_empty());
}
