//! The typed model: what a meeting note says, borrowed from its source.
//!
//! Every string is a [`Cow<'a, str>`] that borrows from the input whenever the
//! text appears there verbatim (it is owned only where the parser had to join
//! lines), and every object carries the [`Span`] of its source. Serializing a
//! [`Meeting`] with serde gives the JSON contract described in `SCHEMA.md`.
//!
//! `meeting` holds the meeting, its people and fields and the queries over
//! the whole model; `sections` the sections and the blocks in document
//! order; `items` the list items and tasks; `references` the issue links.
//! The crate root re-exports every type: these modules are private.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

mod items;
mod meeting;
mod references;
mod sections;

pub use items::{Item, Task, TaskState};
pub use meeting::{Attendee, Field, Meeting, MeetingTime, NextMeeting};
pub use references::{Reference, ReferenceKind};
pub use sections::{Block, BlockKind, ParagraphInfo, Section, SectionKind, Status};

/// The version of the JSON contract that [`Meeting::version`] reports.
pub const SCHEMA_VERSION: u32 = 1;

/// A byte range `[start, end)` into the parsed input.
///
/// `&input[span.start..span.end]` is the source of the object that carries it;
/// both ends are on `char` boundaries. Serialized as a two-element array.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered; 0 for a reversed span (`end` before
    /// `start`), which only JSON or hand-made values can hold.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes (also true of a reversed span).
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The source text under the span, or `None` when it does not fit `input`.
    pub fn slice<'a>(&self, input: &'a str) -> Option<&'a str> {
        input.get(self.start..self.end)
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Span { start, end }
    }
}

impl From<Span> for (usize, usize) {
    fn from(span: Span) -> Self {
        (span.start, span.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The key under which GitHub logins compare: GitHub treats `@Gaius-Qi` and
/// `@gaius-qi` as one account, and so does this crate.
///
/// ```
/// assert_eq!(minutes::login_key("Gaius-Qi"), minutes::login_key("gaius-qi"));
/// ```
pub fn login_key(login: &str) -> String {
    login.to_ascii_lowercase()
}

pub(crate) fn is_false(value: &bool) -> bool {
    !value
}

pub(crate) fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

pub(crate) fn own_opt(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(own)
}

pub(crate) fn own_references(references: Vec<Reference<'_>>) -> Vec<Reference<'static>> {
    references.into_iter().map(Reference::into_owned).collect()
}

pub(crate) fn own_info(info: Vec<ParagraphInfo<'_>>) -> Vec<ParagraphInfo<'static>> {
    info.into_iter()
        .map(|p| ParagraphInfo {
            kind: p.kind,
            span: p.span,
            references: own_references(p.references),
            mentions: own_all(p.mentions),
            teams: own_all(p.teams),
        })
        .collect()
}

pub(crate) fn own_all(texts: Vec<Cow<'_, str>>) -> Vec<Cow<'static, str>> {
    texts.into_iter().map(own).collect()
}
