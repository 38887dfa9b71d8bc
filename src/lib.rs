//! `minutes` parses Markdown meeting notes (attendees with GitHub links,
//! topics, `- [ ]` action items with `@owner` handles, issue links in TODO /
//! WIP / Done buckets, the next meeting's date) into a typed, zero-copy model
//! that serializes to a stable, documented JSON contract.
//!
//! A whole program: parse a note, list its open actions by owner, print the
//! model as JSON (with `minutes` and `serde_json` as dependencies).
//!
//! ```
//! use std::collections::BTreeMap;
//! fn main() -> Result<(), serde_json::Error> {
//!     let note = "# Sync 2025-10-28\n\n## Actions\n\n\
//!                 - [ ] Support P2P model distribution @chlins @gaius-qi\n\
//!                 - [x] Publish the blog post @mingcheng\n\
//!                 - [ ] Organize topics for KubeCon @mingcheng\n";
//!     let meeting = minutes::parse(note);
//!     let mut by_owner: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
//!     for item in meeting.open_actions() {
//!         for owner in &item.owners {
//!             by_owner.entry(owner).or_default().push(&item.text);
//!         }
//!     }
//!     for (owner, actions) in &by_owner {
//!         println!("@{owner}: {}", actions.join("; "));
//!     }
//! #   assert_eq!(by_owner["mingcheng"], ["Organize topics for KubeCon @mingcheng"]);
//! #   assert_eq!(by_owner.len(), 3);
//!     println!("{}", serde_json::to_string_pretty(&meeting)?);
//!     Ok(())
//! }
//! ```
//!
//! Parsing is total: [`parse`] accepts any `&str` and reports what it could
//! not understand as [`Diagnostic`]s with spans; only [`parse_bytes`] can fail,
//! on bytes that are not UTF-8 (or, with [`Options::max_input_len`], on input
//! longer than the caller allows).
//!
//! # Scope
//!
//! What `minutes` does not do:
//! - render Markdown to HTML, or give a full CommonMark syntax tree: it keeps
//!   headings, list items and paragraphs with their source text (inline
//!   Markdown as written); block quotes and tables stay paragraph text (a
//!   table is read for attendees only); code blocks, HTML blocks and
//!   thematic breaks shape the structure but are not kept;
//! - call the network or the GitHub API: a reference is what the text says
//!   (`#12` is an issue whether GitHub has it as an issue or a pull request),
//!   never checked, titled or resolved to its state;
//! - read references on other hosts: only `github.com` URLs and GitHub short
//!   forms (`owner/repo#N`, `#N`, `GH-N`) are [`Reference`]s, not GitLab,
//!   Gitea or Jira;
//! - read files: it parses text you pass in ([`date_from_path`] only looks at
//!   a path's characters);
//! - convert time zones: [`MeetingTime::utc_offset`] is set for UTC and numeric
//!   zones only, named zones such as `PT` are kept as written;
//! - understand headings in other languages: section kinds come from English
//!   heading words (`Attendees`, `Action Items`, `WIP`, …);
//! - edit a note in place: [`render()`] writes a canonical form of the model,
//!   not the author's formatting.
//!
//! # Which type answers which question
//!
//! | question | where |
//! | --- | --- |
//! | which actions are still open? | [`Meeting::open_actions`]; [`Item::task`] and [`TaskState::is_open`]; paragraph lines such as `Action: …` are in [`Meeting::action_lines`] |
//! | who owns an item? | [`Item::owners`] (every handle: [`Item::mentions`], teams: [`Item::teams`]); compare logins with [`login_key`] |
//! | which issues are in TODO, WIP or Done? | [`Meeting::all_items`] gives each item with the [`Status`] of its bucket; [`Section::status`] |
//! | which issues and pull requests are named? | [`Item::references`]: [`Reference`] with owner, repo, [`ReferenceKind`] and number; [`Reference::same_target`] |
//! | who attended? | [`Meeting::attendees`] ([`Attendee`]: name, GitHub handle, affiliations), [`Meeting::head_count`], [`Meeting::host`], [`Meeting::note_takers`] |
//! | when? | [`Meeting::date`], [`Meeting::time`] ([`MeetingTime`]), [`Meeting::next_meeting`] ([`NextMeeting`]); pass a file's date with [`Options::date_hint`] and [`date_from_path`] |
//! | what does the heading tree hold? | [`Meeting::sections`], [`Meeting::all_sections`], [`Section::kind`] ([`SectionKind`]); `Key: value` lines in [`Meeting::metadata`] |
//! | what looked wrong? | [`Meeting::diagnostics`]: [`Diagnostic`] with a stable [`Code`], a [`Severity`] and a [`Span`] ([`Span::slice`] gives the source) |
//! | on which line and column is a span? | [`LineIndex::line_col`], after [`LineIndex::new`] on the note's text |
//! | what happened across meetings? | [`Series`]: actions followed from note to note ([`ActionHistory`]), issues through the buckets ([`IssueHistory`]), [`Attendance`] |
//! | how do I write a note back? | [`render()`] and [`render_next`] |
//! | how do I keep the model past its input? | [`Meeting::into_owned`] |
//!
//! # Dates and times
//!
//! [`Meeting::date`] is a [`time::Date`] and [`Meeting::time`] holds
//! [`time::Time`]s: `minutes` re-exports the [`time`] crate, so a program
//! needs no dependency of its own to build a date hint or read a date.
//!
//! ```
//! use minutes::time::{Date, Month};
//! let hint = Date::from_calendar_date(2025, Month::October, 28)?;
//! let meeting = minutes::parse_with("# Sync", &minutes::Options::new().date_hint(hint));
//! assert_eq!(meeting.date.map(|d| d.month()), Some(Month::October));
//! # Ok::<(), minutes::time::error::ComponentRange>(())
//! ```
//!
//! # Reading JSON back
//!
//! A [`Meeting`] borrows its strings, from the note when parsed and from the
//! JSON text when deserialized: read it with `serde_json::from_str` (or
//! `from_slice`) from a buffer that outlives it, and call
//! [`Meeting::into_owned`] to keep it longer. `serde_json::from_reader`
//! cannot give a `Meeting`: a reader's bytes are gone once read, so there is
//! nothing to borrow from (the compiler says the `Deserialize`
//! implementation is "not general enough"); read the whole input into a
//! `String` first. A [`Series`] owns its strings and reads from anything.
//!
//! ```
//! # fn main() -> Result<(), serde_json::Error> {
//! let note = "# Sync 2025-10-28\n\n- [ ] ship @ann\n";
//! let json = serde_json::to_string(&minutes::parse(note))?;
//! // Borrowed from `json`:
//! let meeting: minutes::Meeting<'_> = serde_json::from_str(&json)?;
//! // Independent of `json`, to store or send to another thread:
//! let owned: minutes::Meeting<'static> = meeting.into_owned();
//! drop(json);
//! assert_eq!(owned.open_actions().count(), 1);
//!
//! let series = minutes::Series::new([&owned]);
//! let bytes = serde_json::to_vec(&series)?;
//! let read: minutes::Series = serde_json::from_reader(bytes.as_slice())?;
//! assert_eq!(read, series);
//! # Ok(())
//! # }
//! ```
//!
//! The JSON form is contract version 1 ([`SCHEMA_VERSION`]), documented in
//! `SCHEMA.md` and as JSON Schemas in `schema/meeting-v1.schema.json` and
//! `schema/series-v1.schema.json`, all in the crate's repository and package. Fields, enum values and diagnostic
//! codes are only ever added; the README states the compatibility policy.
//!
//! # One flat surface
//!
//! Every public item is at the crate root (`minutes::Meeting`,
//! `minutes::Series`, `minutes::render`), as in `semver`: the modules below
//! are private, so each item has one path.
//!
//! # Layers
//! - `model`: the types, borrowed from the input, serialized as JSON contract v1.
//! - `block`: lines into headings, list items, paragraphs and code (CommonMark nesting);
//!   what it recovers from it reports as flags, which `semantic` words as diagnostics.
//! - `inline`: handles, references, links, code spans and dates inside a text.
//! - [`grammar`]: the rules of handles, references, dates, markers, fields and affiliations, as public `nom` parsers.
//! - `semantic`: the `Builder` that assembles the [`Meeting`] over pure readers: sections
//!   classified, attendees, owners, fields, meeting and next-meeting dates.
//! - `bytes`: the byte searches the layers share, written so that they vectorize.
//! - `series`: many meetings as one history ([`Series`]); `render`: a meeting
//!   back to Markdown ([`render()`], [`render_next`]).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

// Private on purpose: the re-exports below are the one public path of each item.
mod block;
mod bytes;
mod diagnostic;
mod error;
pub mod grammar;
mod inline;
mod line_index;
mod model;
mod options;
mod render;
mod semantic;
mod serde_date;
mod serde_time;
mod series;

#[cfg(fuzzing)]
#[doc(hidden)]
pub use block::{outline, Outline};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::Error;
pub use line_index::{LineCol, LineIndex};
pub use model::{
    login_key, Attendee, Block, BlockKind, Field, Item, Meeting, MeetingTime, NextMeeting,
    ParagraphInfo, Reference, ReferenceKind, Section, SectionKind, Span, Status, Task, TaskState,
    SCHEMA_VERSION,
};
pub use options::{OptionValues, Options, TaskDialect, MAX_DEPTH_CEILING};
pub use render::{render, render_next};
/// The date and time crate of [`Meeting::date`] and [`MeetingTime`],
/// re-exported so that callers use the same version without depending on it.
pub use time;

pub use series::{
    normalize_action, ActionHistory, ActionSighting, ActionStatus, Attendance, BucketPeriod,
    IssueHistory, IssueSighting, Series, SeriesCode, SeriesDiagnostic, SeriesMeeting,
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

/// Parses bytes that should be UTF-8 text, with `options`. Fails on bytes
/// that are not UTF-8 and on input longer than [`Options::max_input_len`].
pub fn parse_bytes_with<'a>(input: &'a [u8], options: &Options) -> Result<Meeting<'a>, Error> {
    if let Some(limit) = options.max_input_len.filter(|&limit| input.len() > limit) {
        return Err(Error::InputTooLarge {
            len: input.len(),
            limit,
        });
    }
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
