//! Sections, their paragraphs and the blocks of a note in document order.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use super::{is_false, own, own_all, own_info, own_references, Item, Reference, Span};

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
/// [`Meeting::blocks`](super::Meeting::blocks)).
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

/// A section's paragraphs and items (depth first) as blocks, ordered by
/// where they start.
pub(super) fn push_blocks<'m, 'a>(
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
