//! The meeting, its people and fields, the next meeting, and the queries
//! over the whole model.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::{Date, Time, UtcOffset};

use super::sections::push_blocks;
use super::{
    own, own_all, own_info, own_opt, Block, Item, ParagraphInfo, Reference, Section, Span, Status,
};
use crate::diagnostic::Diagnostic;

/// One meeting note: the root of the model.
///
/// Read back from JSON, it borrows from the JSON text like it borrows from
/// the note; [`Meeting::into_owned`] makes it independent of either.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meeting<'a> {
    /// Version of the JSON contract, [`SCHEMA_VERSION`](super::SCHEMA_VERSION).
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
