//! API hygiene: what a tool that embeds `minutes` may rely on. Most checks
//! are compile-time bounds; a missing trait fails the build of this test.

use std::collections::HashSet;
use std::fmt::{Debug, Display};
use std::hash::Hash;

use minutes::{
    ActionHistory, ActionSighting, ActionStatus, Attendance, Attendee, Block, BlockKind,
    BucketPeriod, Code, Diagnostic, Error, Field, IssueHistory, IssueSighting, Item, LineCol,
    LineIndex, Meeting, MeetingTime, NextMeeting, OptionValues, Options, ParagraphInfo, Reference,
    ReferenceKind, Section, SectionKind, Series, SeriesCode, SeriesDiagnostic, SeriesMeeting,
    Severity, Span, Status, Task, TaskDialect, TaskState,
};

/// Shareable across threads and usable as a value: cloned, compared, hashed, printed.
fn model<T: Send + Sync + Debug + Clone + PartialEq + Eq + Hash>() {}

/// The owned types can be read back from JSON. (`Meeting<'a>` borrows
/// from the JSON text it is read from, so it is not `DeserializeOwned`.)
fn serde<T: serde::Serialize + serde::de::DeserializeOwned>() {}

fn copy<T: Copy>() {}

/// `each!(bound: A, B, …)` checks every type against the bound function.
macro_rules! each {
    ($bound:ident: $($t:ty),+ $(,)?) => { $( $bound::<$t>(); )+ };
}

#[test]
fn model_types_are_send_sync_and_have_the_common_traits() {
    each!(model: Meeting<'_>, Attendee<'_>, Section<'_>, Item<'_>, Task<'_>, Reference<'_>,
        NextMeeting<'_>, MeetingTime<'_>, Field<'_>, ParagraphInfo<'_>, Diagnostic, Span,
        SectionKind, BlockKind, Status, TaskState, ReferenceKind, Severity, Code, TaskDialect,
        LineCol, OptionValues<'_>);
    each!(copy: Span, SectionKind, BlockKind, Status, TaskState, ReferenceKind, Severity, Code,
        TaskDialect, ActionStatus, BucketPeriod, SeriesCode, LineCol, OptionValues<'_>);
}

#[test]
fn series_types_are_send_sync_and_have_the_common_traits() {
    each!(model: Series, SeriesMeeting, ActionHistory, ActionSighting, ActionStatus,
        IssueHistory, IssueSighting, BucketPeriod, Attendance, SeriesDiagnostic, SeriesCode);
    each!(serde: Series, Diagnostic);
}

/// Every public item has one path, at the crate root: the modules are
/// private (`minutes::model::Meeting` is gone), so this list names each
/// function, constant and type that is not named above.
#[test]
fn every_public_item_is_at_the_crate_root() {
    let _: fn(&str) -> Meeting<'_> = minutes::parse;
    let _: for<'a> fn(&'a str, &Options) -> Meeting<'a> = minutes::parse_with;
    let _: fn(&[u8]) -> Result<Meeting<'_>, Error> = minutes::parse_bytes;
    let _: for<'a> fn(&'a [u8], &Options) -> Result<Meeting<'a>, Error> = minutes::parse_bytes_with;
    let _: fn(&Meeting<'_>) -> String = minutes::render;
    let _: fn(&Meeting<'_>, Option<minutes::time::Date>) -> String = minutes::render_next;
    let _: fn(&str) -> String = minutes::login_key;
    let _: fn(&str) -> String = minutes::normalize_action;
    let _: Option<minutes::time::Date> = minutes::date_from_path("2025-10-28.md");
    let _: (u32, usize) = (minutes::SCHEMA_VERSION, minutes::MAX_DEPTH_CEILING);
    let index = LineIndex::new("a\nb");
    assert_eq!(index.line_col(2), LineCol { line: 2, column: 1 });
    let meeting = minutes::parse("# T\n\n- [ ] a #1 @b\n");
    let kinds: Vec<bool> = meeting
        .blocks()
        .map(|b| matches!(b, Block::Item(_)))
        .collect();
    assert_eq!(kinds, [false, true]);
}

/// Issue 15: the getters follow C-GETTER through `Options::values`; the old
/// `get_*` names still work, deprecated, and say the same.
#[test]
#[allow(deprecated)]
fn option_values_and_the_deprecated_getters_agree() {
    let date = minutes::date_from_path("2025-10-28.md").expect("a date");
    let options = Options::new()
        .date_hint(date)
        .default_repository("o", "r")
        .task_dialect(TaskDialect::Gfm)
        .max_depth(0)
        .max_input_len(9);
    let values = options.values();
    assert_eq!(values.date_hint, Some(date));
    assert_eq!(values.default_repository, Some(("o", "r")));
    assert_eq!(values.task_dialect, TaskDialect::Gfm);
    assert_eq!(values.max_depth, 1);
    assert_eq!(values.max_input_len, Some(9));
    assert_eq!(options.get_date_hint(), values.date_hint);
    assert_eq!(options.get_default_repository(), values.default_repository);
    assert_eq!(options.get_task_dialect(), values.task_dialect);
    assert_eq!(options.get_max_depth(), values.max_depth);
    assert_eq!(options.get_max_input_len(), values.max_input_len);
    let defaults = Options::new();
    assert_eq!(defaults.values().max_depth, 32);
    assert_eq!(defaults.values().task_dialect, TaskDialect::Extended);
    assert_eq!(defaults.values().default_repository, None);
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
