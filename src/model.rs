//! The typed model: what a meeting note says, borrowed from its source.
//!
//! Every string is a [`Cow<'a, str>`] that borrows from the input whenever the
//! text appears there verbatim (it is owned only where the parser had to join
//! lines), and every object carries the [`Span`] of its source. Serializing a
//! [`Meeting`] with serde gives the JSON contract described in `SCHEMA.md`.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Time, UtcOffset};

use crate::diagnostic::Diagnostic;

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

/// One meeting note: the root of the model.
///
/// Read back from JSON, it borrows from the JSON text like it borrows from
/// the note; [`Meeting::into_owned`] makes it independent of either.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting<'a> {
    /// Version of the JSON contract, [`SCHEMA_VERSION`].
    pub version: u32,
    /// The first H1, or else the first heading.
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    /// The meeting date: from the title, a `Date:` line before the first
    /// section, front matter `date:`, or else the caller's hint.
    #[serde(with = "crate::serde_date")]
    pub date: Option<Date>,
    /// The time of day on the line that gave [`Meeting::date`], if it has one.
    #[serde(borrow, default)]
    pub time: Option<MeetingTime<'a>>,
    /// The people present: from the attendees section, a label such as
    /// `**Members**`, an `Attendees:` field or a table with a name column.
    #[serde(borrow)]
    pub attendees: Vec<Attendee<'a>>,
    /// The heading tree.
    #[serde(borrow)]
    pub sections: Vec<Section<'a>>,
    /// List items before the first heading (some notes have no heading at all).
    #[serde(borrow, default)]
    pub items: Vec<Item<'a>>,
    /// Paragraphs before the first heading.
    #[serde(borrow, default)]
    pub paragraphs: Vec<Cow<'a, str>>,
    /// One entry per [`Meeting::paragraphs`] entry, in the same order: what
    /// kind of block it is, where it was written (and so its place among
    /// [`Meeting::items`]), and its references and mentions.
    #[serde(borrow, default)]
    pub paragraph_info: Vec<ParagraphInfo<'a>>,
    /// The next meeting, from a "Next Meeting" section.
    #[serde(borrow)]
    pub next_meeting: Option<NextMeeting<'a>>,
    /// What the parser noticed: authoring slips, limits hit, dates that disagree.
    pub diagnostics: Vec<Diagnostic>,
    /// The whole input.
    #[serde(default)]
    pub span: Span,
    /// Who ran the meeting, from a `Host:` field (a login without its `@`).
    #[serde(borrow, default)]
    pub host: Option<Cow<'a, str>>,
    /// Who took the notes, from a `Note Taker:` or `Minutes by:` field.
    #[serde(borrow, default)]
    pub note_takers: Vec<Cow<'a, str>>,
    /// Every `Key: value` field of the note's header and every bold-key
    /// field (`- **Date & Time**: …`) elsewhere, in order.
    #[serde(borrow, default)]
    pub metadata: Vec<Field<'a>>,
    /// A number of people present given without names
    /// (`- Community members, 9 participants`).
    #[serde(default)]
    pub head_count: Option<u32>,
    /// Action items written as paragraph lines (`Action: Mikeal to …`), each
    /// running to the end of its paragraph. They stay in the paragraphs too;
    /// list items that are actions are marked by [`Item::action`] instead.
    #[serde(borrow, default)]
    pub action_lines: Vec<Item<'a>>,
}

/// A `Key: value` line or list item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Field<'a> {
    /// The key without emphasis marks or colon: `Date & Time`.
    #[serde(borrow)]
    pub key: Cow<'a, str>,
    /// The text after the colon, trimmed.
    #[serde(borrow)]
    pub value: Cow<'a, str>,
    /// The line or item in the source.
    pub span: Span,
}

/// A person present at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendee<'a> {
    /// Display name: the link text or the plain name.
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    /// GitHub login, from a profile URL or an `@login` on the line.
    #[serde(borrow)]
    pub handle: Option<Cow<'a, str>>,
    /// The profile link as written.
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    /// `(Ant Group/Dragonfly)` gives `["Ant Group", "Dragonfly"]`.
    #[serde(borrow)]
    pub affiliations: Vec<Cow<'a, str>>,
    /// Roles in the meeting written in parentheses, in lower case:
    /// `(host)`, `(chair)`, `(note taker)`, `(voting member)`. Serialized
    /// only when not empty.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Cow<'a, str>>,
    /// The attendee's list item, or its line, table row or list entry.
    pub span: Span,
}

/// A heading and everything under it up to the next heading of the same or a
/// higher level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section<'a> {
    /// The heading text, without `#` marks.
    #[serde(borrow)]
    pub heading: Cow<'a, str>,
    /// 1 to 6.
    pub level: u8,
    /// What the section holds, judged from the heading words.
    pub kind: SectionKind,
    /// The status bucket: the heading's own, or the nearest ancestor's.
    pub status: Option<Status>,
    /// Every user handle in the heading, in order, without duplicates.
    #[serde(borrow, default)]
    pub mentions: Vec<Cow<'a, str>>,
    /// The trailing run of handles of the heading, as for an item:
    /// `### Graduation Proposal @mingcheng @gaius-qi`.
    #[serde(borrow, default)]
    pub owners: Vec<Cow<'a, str>>,
    /// Team handles (`@org/team`) in the heading.
    #[serde(borrow, default)]
    pub teams: Vec<Cow<'a, str>>,
    /// Issue, pull request and discussion references in the heading,
    /// without duplicates: `### Stabilize X rust#83213`.
    #[serde(borrow, default)]
    pub references: Vec<Reference<'a>>,
    /// List items directly under this heading.
    #[serde(borrow)]
    pub items: Vec<Item<'a>>,
    /// Paragraph texts directly under this heading.
    #[serde(borrow)]
    pub paragraphs: Vec<Cow<'a, str>>,
    /// One entry per [`Section::paragraphs`] entry, in the same order: what
    /// kind of block it is, where it was written (and so its place among
    /// [`Section::items`]), and its references and mentions.
    #[serde(borrow, default)]
    pub paragraph_info: Vec<ParagraphInfo<'a>>,
    /// Subsections, nested by level.
    #[serde(borrow)]
    pub sections: Vec<Section<'a>>,
    /// From the heading to the end of the section's content.
    pub span: Span,
    /// The date in the heading, year included (`## 2019-10-03 agenda`):
    /// in a file that keeps several meetings, each one's date. Serialized
    /// only when present.
    #[serde(
        default,
        with = "crate::serde_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<Date>,
    /// Whether the heading is a label paragraph before a list (`**Done**:`,
    /// `WIP:`) rather than a Markdown heading. Serialized only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub label: bool,
}

/// A paragraph's place and what it refers to: the entry of
/// [`Section::paragraph_info`] for the paragraph of the same index.
///
/// Block quotes and pipe tables are paragraphs of the model (their text
/// as written, `>` and `|` included); `kind` tells them apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ParagraphInfo<'a> {
    /// A plain paragraph, a block quote or a table.
    pub kind: BlockKind,
    /// The paragraph in the source.
    pub span: Span,
    /// Issue, pull request and discussion references, without duplicates.
    #[serde(borrow, default)]
    pub references: Vec<Reference<'a>>,
    /// Every user handle, in order, without duplicates.
    #[serde(borrow, default)]
    pub mentions: Vec<Cow<'a, str>>,
    /// Team handles (`@org/team`).
    #[serde(borrow, default)]
    pub teams: Vec<Cow<'a, str>>,
}

/// What kind of text block a [`ParagraphInfo`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Plain paragraph text.
    Paragraph,
    /// A block quote, `>` lines.
    Quote,
    /// A pipe table (a header row, then a delimiter row).
    Table,
}

/// A block of text that holds references, in document order (see
/// [`Meeting::blocks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block<'m, 'a> {
    /// A section's heading.
    Heading(&'m Section<'a>),
    /// A paragraph, block quote or table, with its text.
    Paragraph(&'m ParagraphInfo<'a>, &'m str),
    /// A list item's own text (its children follow as blocks of their own).
    Item(&'m Item<'a>),
}

impl<'m, 'a> Block<'m, 'a> {
    /// The references written in this block.
    pub fn references(&self) -> &'m [Reference<'a>] {
        match *self {
            Block::Heading(section) => &section.references,
            Block::Paragraph(info, _) => &info.references,
            Block::Item(item) => &item.references,
        }
    }

    /// The user handles written in this block.
    pub fn mentions(&self) -> &'m [Cow<'a, str>] {
        match *self {
            Block::Heading(section) => &section.mentions,
            Block::Paragraph(info, _) => &info.mentions,
            Block::Item(item) => &item.mentions,
        }
    }
}

/// What a section holds, from its heading words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// Attendees, Attendance, Present, Participants.
    Attendees,
    /// Topics, Agenda.
    Topics,
    /// Actions, Action Items.
    Actions,
    /// A status bucket such as TODO, WIP or Done.
    Status,
    /// Next Meeting, Next Meeting Schedule.
    NextMeeting,
    /// Anything else.
    Other,
}

/// A status bucket for issues and items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// TODO, To Reply, To Resolve.
    Todo,
    /// WIP, In Progress, Doing.
    InProgress,
    /// Done, Resolved, Closed.
    Done,
    /// TBD.
    Tbd,
    /// Blocked.
    Blocked,
}

/// A list item, with its task state, owners, references and children.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item<'a> {
    /// The text after the marker and checkbox, continuation lines included
    /// (joined with `\n`, indentation removed).
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The checkbox, if the item is a task.
    #[serde(borrow)]
    pub task: Option<Task<'a>>,
    /// Logins that own the item: the trailing run of handles, a leading
    /// assignment (`@a to …`), and on an action item the people it names
    /// whose login the note gives (`Maria to …` with `Maria (@MariaB)`
    /// among the attendees).
    #[serde(borrow)]
    pub owners: Vec<Cow<'a, str>>,
    /// Owners of an action item written as names that the note maps to no
    /// login (`Taylor to …`, `@**Jack Huey**`, `[CRob]`), as written.
    /// Serialized only when not empty.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub owner_names: Vec<Cow<'a, str>>,
    /// Every user handle in the item's own text, in order, without duplicates.
    #[serde(borrow)]
    pub mentions: Vec<Cow<'a, str>>,
    /// Team handles (`@org/team`) in the item's own text.
    #[serde(borrow, default)]
    pub teams: Vec<Cow<'a, str>>,
    /// Issue, pull request and discussion references, without duplicates.
    #[serde(borrow)]
    pub references: Vec<Reference<'a>>,
    /// Bracketed tags after the owners: `[pending]` gives `pending`.
    #[serde(borrow)]
    pub tags: Vec<Cow<'a, str>>,
    /// Nested list items.
    #[serde(borrow)]
    pub children: Vec<Item<'a>>,
    /// From the list marker to the end of the last child.
    pub span: Span,
    /// Whether this is an action item, by the rule in `SCHEMA.md`
    /// ("Action items"): a task in an actions section or status bucket or
    /// with owners; an item with an `Action:`, `AI:`, `TODO:` or
    /// `Action item:` prefix; an item under an actions heading or label
    /// (Actions, Action items, Next steps, Follow-ups); or a prose
    /// assignment (`Maria to review …`) of a person the note identifies.
    #[serde(default)]
    pub action: bool,
}

impl Item<'_> {
    /// Whether this item is an action item (see [`Item::action`]).
    pub fn is_action(&self) -> bool {
        self.action
    }

    /// The state of this item as an action in a bucket of `status`: its
    /// task's, or for an action without a checkbox done in a Done bucket or
    /// when it ends with a check mark (`✅`, `✔`, `:white_check_mark:`),
    /// else open.
    pub(crate) fn action_state(&self, status: Option<Status>) -> TaskState {
        if let Some(task) = &self.task {
            return task.state;
        }
        let text = self.text.trim_end();
        let checked = [
            "✅",
            "✔",
            "✔️",
            "☑",
            "☑️",
            ":white_check_mark:",
            ":heavy_check_mark:",
        ]
        .iter()
        .any(|mark| text.ends_with(mark));
        if checked || status == Some(Status::Done) {
            TaskState::Done
        } else {
            TaskState::Open
        }
    }

    /// Whether this item is a task that is not done (open, in progress or
    /// another undone marker).
    pub fn is_open_task(&self) -> bool {
        self.task.as_ref().is_some_and(|t| t.state.is_open())
    }

    /// Whether this item and every task below it are done. Items that are not
    /// tasks count as done.
    pub fn is_done_with_subtasks(&self) -> bool {
        let mut stack = vec![self];
        while let Some(item) = stack.pop() {
            if item
                .task
                .as_ref()
                .is_some_and(|t| t.state != TaskState::Done)
            {
                return false;
            }
            stack.extend(item.children.iter());
        }
        true
    }
}

/// A checkbox: `[ ]`, `[x]` and their extensions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Task<'a> {
    /// What the marker means.
    pub state: TaskState,
    /// The text between the brackets, as written (empty for `[]`).
    #[serde(borrow)]
    pub marker: Cow<'a, str>,
}

/// The state of a task checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaskState {
    /// `[ ]`, and `[]` with a diagnostic.
    Open,
    /// `[x]`, `[X]`.
    Done,
    /// `[/]`.
    InProgress,
    /// `[-]`.
    Cancelled,
    /// Any other marker; [`Task::marker`] keeps it.
    Other,
    /// `[~]`: not applicable.
    NotApplicable,
    /// `[>]`: deferred, moved to a later meeting.
    Deferred,
}

impl TaskState {
    /// Open, in-progress and deferred tasks still need work (a deferred one
    /// later); done, cancelled and not applicable ones do not.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TaskState::Open | TaskState::InProgress | TaskState::Deferred
        )
    }
}

/// A reference to a GitHub issue, pull request or discussion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference<'a> {
    /// The URL as written, or `None` for short forms such as `owner/repo#12`.
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    /// `github.com`.
    #[serde(borrow)]
    pub host: Cow<'a, str>,
    /// Repository owner; `None` for `#12` with no repository in context.
    #[serde(borrow)]
    pub owner: Option<Cow<'a, str>>,
    /// Repository name; `None` like `owner`.
    #[serde(borrow)]
    pub repo: Option<Cow<'a, str>>,
    /// What is referenced.
    pub kind: ReferenceKind,
    /// The issue or pull request number; `None` for a repository's issue list.
    pub number: Option<u64>,
    /// The comment id of an `#issuecomment-N` anchor.
    pub comment: Option<u64>,
    /// The review id of a `#pullrequestreview-N` anchor.
    #[serde(default)]
    pub review: Option<u64>,
    /// The review comment id of a `#discussion_rN` anchor.
    #[serde(default)]
    pub review_comment: Option<u64>,
    /// The URL, autolink, link or short form in the source.
    pub span: Span,
}

impl Reference<'_> {
    /// Whether two references name the same thing (host, owner, repository
    /// and number compared case-insensitively, ignoring kind and anchors).
    pub fn same_target(&self, other: &Reference<'_>) -> bool {
        fn eq(a: &Option<Cow<'_, str>>, b: &Option<Cow<'_, str>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            }
        }
        self.number == other.number
            && (self.number.is_some() || self.kind == other.kind)
            && self.host.eq_ignore_ascii_case(&other.host)
            && eq(&self.owner, &other.owner)
            && eq(&self.repo, &other.repo)
    }
}

/// What a [`Reference`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReferenceKind {
    /// `/issues/N`, and the short forms `owner/repo#N` and `#N`, which GitHub
    /// resolves to an issue or a pull request alike.
    Issue,
    /// `/pull/N`.
    Pull,
    /// `/discussions/N`.
    Discussion,
    /// A repository's issue list, `/issues` with no number.
    Issues,
}

/// The next meeting, as announced in the note.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NextMeeting<'a> {
    /// The announced date.
    #[serde(with = "crate::serde_date")]
    pub date: Option<Date>,
    /// The announced time of day, if the announcement has one.
    #[serde(borrow, default)]
    pub time: Option<MeetingTime<'a>>,
    /// The announcement text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The announcement in the source.
    pub span: Span,
    /// Who will host it: `- Host: @x` or `Date: … Host by @x`.
    #[serde(borrow, default)]
    pub host: Option<Cow<'a, str>>,
}

/// The time of day a meeting is held, from a line such as
/// `Date: 2025-10-14 19:00 - 20:00 UTC+8` or `June 25, 2020 (10:00 AM - 11:00 AM PT)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingTime<'a> {
    /// When it starts, serialized as `"HH:MM"`.
    #[serde(with = "crate::serde_time")]
    pub start: Time,
    /// When it ends, if a range is given.
    #[serde(with = "crate::serde_time::option", default)]
    pub end: Option<Time>,
    /// The time zone as written (`PT`, `UTC+8`, `+05:30`), if any.
    #[serde(borrow, default)]
    pub zone: Option<Cow<'a, str>>,
    /// The zone's offset from UTC where the zone is numeric (`UTC+8`) or UTC
    /// itself; named zones with daylight saving time (`PT`) have none.
    /// Serialized as `"+08:00"`.
    #[serde(with = "crate::serde_time::offset", default)]
    pub utc_offset: Option<UtcOffset>,
    /// The time in the source.
    pub span: Span,
}

impl MeetingTime<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> MeetingTime<'static> {
        MeetingTime {
            start: self.start,
            end: self.end,
            zone: own_opt(self.zone),
            utc_offset: self.utc_offset,
            span: self.span,
        }
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

fn is_false(value: &bool) -> bool {
    !value
}

fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

fn own_opt(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(own)
}

fn own_references(references: Vec<Reference<'_>>) -> Vec<Reference<'static>> {
    references.into_iter().map(Reference::into_owned).collect()
}

fn own_info(info: Vec<ParagraphInfo<'_>>) -> Vec<ParagraphInfo<'static>> {
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

fn own_all(texts: Vec<Cow<'_, str>>) -> Vec<Cow<'static, str>> {
    texts.into_iter().map(own).collect()
}

impl<'a> Meeting<'a> {
    /// Copies every borrowed string, so the model outlives its input.
    pub fn into_owned(self) -> Meeting<'static> {
        Meeting {
            version: self.version,
            title: own_opt(self.title),
            date: self.date,
            time: self.time.map(MeetingTime::into_owned),
            attendees: self
                .attendees
                .into_iter()
                .map(Attendee::into_owned)
                .collect(),
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            items: self.items.into_iter().map(Item::into_owned).collect(),
            paragraphs: own_all(self.paragraphs),
            paragraph_info: own_info(self.paragraph_info),
            next_meeting: self.next_meeting.map(NextMeeting::into_owned),
            diagnostics: self.diagnostics,
            span: self.span,
            host: own_opt(self.host),
            note_takers: own_all(self.note_takers),
            metadata: self.metadata.into_iter().map(Field::into_owned).collect(),
            head_count: self.head_count,
            action_lines: self
                .action_lines
                .into_iter()
                .map(Item::into_owned)
                .collect(),
        }
    }

    /// Every section, depth first in document order.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section<'_>> {
        let mut stack: Vec<&Section<'_>> = self.sections.iter().rev().collect();
        std::iter::from_fn(move || {
            let section = stack.pop()?;
            stack.extend(section.sections.iter().rev());
            Some(section)
        })
    }

    /// Every list item with the status of the section it is in, depth first
    /// in document order (items before the first heading have no status).
    pub fn all_items(&self) -> impl Iterator<Item = (&Item<'_>, Option<Status>)> {
        let mut stack: Vec<(&Item<'_>, Option<Status>)> =
            self.items.iter().rev().map(|i| (i, None)).collect();
        let mut sections = self.all_sections();
        std::iter::from_fn(move || loop {
            if let Some((item, status)) = stack.pop() {
                stack.extend(item.children.iter().rev().map(|c| (c, status)));
                return Some((item, status));
            }
            let section = sections.next()?;
            stack.extend(section.items.iter().rev().map(|i| (i, section.status)));
        })
    }

    /// Every heading, paragraph (block quote, table) and list item, in
    /// document order: each section's heading, then its paragraphs and
    /// items ordered by where they start, then its subsections. An item
    /// comes before its children. Paragraphs of JSON without
    /// `paragraph_info` are left out.
    ///
    /// ```
    /// use minutes::Block;
    /// let meeting = minutes::parse("# Sync\n\n- a #1\n\nSee #2.\n\n> @ann: #3\n");
    /// let kinds: Vec<&str> = meeting.blocks().map(|block| match block {
    ///     Block::Heading(_) => "heading",
    ///     Block::Paragraph(..) => "paragraph",
    ///     Block::Item(_) => "item",
    ///     _ => "other",
    /// }).collect();
    /// assert_eq!(kinds, ["heading", "item", "paragraph", "paragraph"]);
    /// ```
    pub fn blocks(&self) -> impl Iterator<Item = Block<'_, 'a>> {
        let mut out = Vec::new();
        push_blocks(
            &mut out,
            &self.paragraphs,
            &self.paragraph_info,
            &self.items,
        );
        let mut stack: Vec<&Section<'a>> = self.sections.iter().rev().collect();
        while let Some(section) = stack.pop() {
            stack.extend(section.sections.iter().rev());
            out.push(Block::Heading(section));
            push_blocks(
                &mut out,
                &section.paragraphs,
                &section.paragraph_info,
                &section.items,
            );
        }
        out.into_iter()
    }

    /// Every issue, pull request and discussion reference of the note, in
    /// document order (see [`Meeting::blocks`]): in headings, paragraphs,
    /// block quotes, tables and list items. [`Meeting::action_lines`] are
    /// not repeated: their references are those of their paragraph.
    ///
    /// ```
    /// let note = "# Sync\n\n## nodejs/node\n\n- [ ] land #12\n\nLink: https://github.com/nodejs/node/pull/7\n";
    /// let meeting = minutes::parse(note);
    /// let found: Vec<_> = meeting.references().map(|r| (r.repo.as_deref(), r.number)).collect();
    /// assert_eq!(found, [(Some("node"), Some(12)), (Some("node"), Some(7))]);
    /// ```
    pub fn references(&self) -> impl Iterator<Item = &Reference<'a>> {
        self.blocks().flat_map(|block| block.references().iter())
    }

    /// Every user handle of the note, in document order (see
    /// [`Meeting::blocks`]); a login appears once per block that names it.
    ///
    /// ```
    /// let meeting = minutes::parse("# Sync @ann\n\n> @bo said so\n\n- done @cy\n");
    /// let logins: Vec<&str> = meeting.mentions().map(|m| m.as_ref()).collect();
    /// assert_eq!(logins, ["ann", "bo", "cy"]);
    /// ```
    pub fn mentions(&self) -> impl Iterator<Item = &Cow<'a, str>> {
        self.blocks().flat_map(|block| block.mentions().iter())
    }
}

/// A section's paragraphs and items (depth first) as blocks, ordered by
/// where they start.
fn push_blocks<'m, 'a>(
    out: &mut Vec<Block<'m, 'a>>,
    paragraphs: &'m [Cow<'a, str>],
    info: &'m [ParagraphInfo<'a>],
    items: &'m [Item<'a>],
) {
    let mut rest = items;
    for (info, text) in info.iter().zip(paragraphs) {
        let before = rest
            .iter()
            .take_while(|item| item.span.start < info.span.start)
            .count();
        let (run, tail) = rest.split_at(before);
        push_items(out, run);
        rest = tail;
        out.push(Block::Paragraph(info, text));
    }
    push_items(out, rest);
}

fn push_items<'m, 'a>(out: &mut Vec<Block<'m, 'a>>, items: &'m [Item<'a>]) {
    let mut stack: Vec<&'m Item<'a>> = items.iter().rev().collect();
    while let Some(item) = stack.pop() {
        out.push(Block::Item(item));
        stack.extend(item.children.iter().rev());
    }
}

impl Meeting<'_> {
    /// Every action item (see [`Item::action`]): list items at any depth
    /// and [`Meeting::action_lines`], in document order.
    ///
    /// ```
    /// let meeting = minutes::parse(
    ///     "# Sync\n\n## Next steps\n\n- Ann to draft the RFC\n- [x] Ship 1.2 @bo\n",
    /// );
    /// let texts: Vec<&str> = meeting.actions().map(|a| &*a.text).collect();
    /// assert_eq!(texts, ["Ann to draft the RFC", "Ship 1.2 @bo"]);
    /// ```
    pub fn actions(&self) -> impl Iterator<Item = &Item<'_>> {
        self.actions_with_status().into_iter().map(|(item, _)| item)
    }

    /// The action items that still need work, in document order: actions
    /// whose task is not done, and actions without a checkbox unless they
    /// sit in a Done bucket or end with a check mark (`✅`).
    ///
    /// ```
    /// let meeting = minutes::parse(
    ///     "## Actions\n\n- [ ] a\n- [x] b\n- c\n\n## Done\n\n- d\n",
    /// );
    /// let open: Vec<&str> = meeting.open_actions().map(|a| &*a.text).collect();
    /// assert_eq!(open, ["a", "c"]);
    /// ```
    pub fn open_actions(&self) -> impl Iterator<Item = &Item<'_>> {
        self.actions_with_status()
            .into_iter()
            .filter(|(item, status)| item.action_state(*status).is_open())
            .map(|(item, _)| item)
    }

    /// The action items with the status bucket they sit in, in document order.
    pub(crate) fn actions_with_status(&self) -> Vec<(&Item<'_>, Option<Status>)> {
        let mut actions: Vec<(&Item<'_>, Option<Status>)> = self
            .all_items()
            .chain(self.action_lines.iter().map(|line| (line, None)))
            .filter(|(item, _)| item.action)
            .collect();
        // Stable: an item comes before its children, which start later.
        actions.sort_by_key(|(item, _)| item.span.start);
        actions
    }
}

impl Attendee<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Attendee<'static> {
        Attendee {
            name: own(self.name),
            handle: own_opt(self.handle),
            url: own_opt(self.url),
            affiliations: own_all(self.affiliations),
            roles: own_all(self.roles),
            span: self.span,
        }
    }
}

impl Section<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Section<'static> {
        Section {
            heading: own(self.heading),
            level: self.level,
            kind: self.kind,
            status: self.status,
            mentions: own_all(self.mentions),
            owners: own_all(self.owners),
            teams: own_all(self.teams),
            references: own_references(self.references),
            items: self.items.into_iter().map(Item::into_owned).collect(),
            paragraphs: own_all(self.paragraphs),
            paragraph_info: own_info(self.paragraph_info),
            sections: self.sections.into_iter().map(Section::into_owned).collect(),
            span: self.span,
            date: self.date,
            label: self.label,
        }
    }
}

impl Item<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Item<'static> {
        Item {
            text: own(self.text),
            task: self.task.map(|t| Task {
                state: t.state,
                marker: own(t.marker),
            }),
            owners: own_all(self.owners),
            owner_names: own_all(self.owner_names),
            mentions: own_all(self.mentions),
            teams: own_all(self.teams),
            references: self
                .references
                .into_iter()
                .map(Reference::into_owned)
                .collect(),
            tags: own_all(self.tags),
            children: self.children.into_iter().map(Item::into_owned).collect(),
            span: self.span,
            action: self.action,
        }
    }
}

impl Reference<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Reference<'static> {
        Reference {
            url: own_opt(self.url),
            host: own(self.host),
            owner: own_opt(self.owner),
            repo: own_opt(self.repo),
            kind: self.kind,
            number: self.number,
            comment: self.comment,
            review: self.review,
            review_comment: self.review_comment,
            span: self.span,
        }
    }
}

impl NextMeeting<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> NextMeeting<'static> {
        NextMeeting {
            date: self.date,
            time: self.time.map(MeetingTime::into_owned),
            text: own(self.text),
            span: self.span,
            host: own_opt(self.host),
        }
    }
}

impl Field<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Field<'static> {
        Field {
            key: own(self.key),
            value: own(self.value),
            span: self.span,
        }
    }
}
