//! `minutes` turns Markdown meeting notes into a typed, zero-copy model:
//! attendees, sections, action items with their task state and owners, issue
//! references, and the next meeting's date.
//!
//! ```
//! let note = "\
//! ## Maintainer Meeting 2025-10-28
//!
//! ### Attendees
//! - [Gaius](https://github.com/gaius-qi) (Ant Group/Dragonfly)
//!
//! ### Actions
//! - [ ] Organize topics for KubeCon @mingcheng
//! - [x] Review <https://github.com/dragonflyoss/dragonfly/issues/4345> @gaius-qi
//! ";
//! let meeting = minutes::parse(note);
//! assert_eq!(meeting.attendees[0].handle.as_deref(), Some("gaius-qi"));
//! let open: Vec<_> = meeting.open_actions().map(|item| &item.owners).collect();
//! assert_eq!(open, [&["mingcheng"]]);
//! let json = serde_json::to_string(&meeting).unwrap();
//! assert!(json.contains(r#""date":"2025-10-28""#));
//! ```
//!
//! Parsing is total: [`parse`] accepts any `&str` and reports what it could
//! not understand as [`Diagnostic`]s with spans; only [`parse_bytes`] can fail,
//! on bytes that are not UTF-8.
//!
//! # Layers
//! - [`model`]: the types, borrowed from the input, serialized as JSON contract v1.
//! - `block`: lines into headings, list items, paragraphs and code (CommonMark nesting).
//! - `inline`: handles, references, links, code spans and dates inside a text.
//! - `semantic`: sections classified, attendees, owners, meeting and next-meeting dates.
//! - [`series`]: many meetings as one history; [`mod@render`]: a meeting back to Markdown.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod block;
pub mod diagnostic;
mod error;
mod inline;
pub mod model;
mod options;
pub mod render;
mod semantic;
mod serde_date;
mod serde_time;
pub mod series;

#[doc(hidden)]
pub use block::{outline, Outline};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::Error;
pub use model::{
    login_key, Attendee, Field, Item, Meeting, MeetingTime, NextMeeting, Reference, ReferenceKind,
    Section, SectionKind, Span, Status, Task, TaskState, SCHEMA_VERSION,
};
pub use options::{Options, TaskDialect, MAX_DEPTH_CEILING};
pub use render::{render, render_next};
pub use series::{
    ActionHistory, ActionSighting, ActionStatus, Attendance, BucketPeriod, IssueHistory,
    IssueSighting, Series, SeriesCode, SeriesDiagnostic, SeriesMeeting,
};

/// Parses a meeting note with default [`Options`]. Never fails and never
/// panics: what cannot be understood becomes a diagnostic.
pub fn parse(input: &str) -> Meeting<'_> {
    parse_with(input, &Options::default())
}

/// Parses a meeting note with `options`.
pub fn parse_with<'a>(input: &'a str, options: &Options) -> Meeting<'a> {
    semantic::build(input, options)
}

/// Parses bytes that should be UTF-8 text, with default [`Options`].
///
/// ```
/// let err = minutes::parse_bytes(b"# Notes\n\xff").unwrap_err();
/// assert_eq!(err, minutes::Error::InvalidUtf8 { offset: 8 });
/// ```
pub fn parse_bytes(input: &[u8]) -> Result<Meeting<'_>, Error> {
    parse_bytes_with(input, &Options::default())
}

/// Parses bytes that should be UTF-8 text, with `options`.
pub fn parse_bytes_with<'a>(input: &'a [u8], options: &Options) -> Result<Meeting<'a>, Error> {
    let text = std::str::from_utf8(input).map_err(|err| Error::InvalidUtf8 {
        offset: err.valid_up_to(),
    })?;
    Ok(parse_with(text, options))
}

/// The date a file path names, for [`Options::date_hint`]:
/// `meetings/2025-10-14/README.md`, `20251016.md` and `wg-api-2020-11-16.md`
/// all carry one. The file name wins over the folders above it.
///
/// ```
/// let date = minutes::date_from_path("meetings/maintainer/2025-10-28/README.md");
/// assert_eq!(date.map(|d| d.to_string()), Some("2025-10-28".to_string()));
/// ```
pub fn date_from_path(path: impl AsRef<std::path::Path>) -> Option<time::Date> {
    inline::date::date_in_path(&path.as_ref().to_string_lossy())
}

/// The README's examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
