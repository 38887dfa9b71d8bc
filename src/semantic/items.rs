//! The builder's list items: each is finished when it closes (its task,
//! handles, owners, references and fields read) and attached to its parent
//! item, its section or the meeting.

use std::borrow::Cow;

use super::dedup::{dedup_references, mentions_and_teams, unique, Mentions};
use super::lines::join_lines;
use super::{attendee, metadata, owners};
use super::{split_from, Builder, OpenItem};
use crate::block::Checkbox;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Item, SectionKind, Span, Task, TaskState};
use crate::options::TaskDialect;

impl<'a> Builder<'a, '_> {
    pub(super) fn close_item(&mut self, end: usize) {
        let Some(mut open) = self.items.pop() else {
            return;
        };
        let from = self.children_from.pop().unwrap_or(usize::MAX);
        open.children = self.take_items(from);
        let first_text = open.text.first().copied();
        // Pushed as it is made, with no copy on the way.
        let item = self.item(open, end);
        if self.scratch.items.capacity() == 0 {
            // Room for a list of a common length: the stack grows (and
            // copies) less often.
            self.scratch.items.reserve_exact(16);
        }
        self.scratch.items.push(item);
        if !self.items.is_empty() {
            // A child of the parent item.
            return;
        }
        // An item of the innermost section, or of the meeting.
        if let Some(span) = first_text {
            self.date_lines(span);
            if self.current_kind() == Some(SectionKind::NextMeeting) {
                if let Some(item) = self.scratch.items.last() {
                    self.next_meeting(item.text.clone(), span);
                }
            }
        }
        // The items of a list under `Action items:` are actions by their place.
        if self.label == Some(SectionKind::Actions) {
            if let Some(item) = self.scratch.items.last_mut() {
                item.action = true;
            }
        }
    }

    /// The item that `open` makes, closed at `end` (an action line's: see
    /// `paragraphs`).
    pub(super) fn finish_item(&mut self, open: OpenItem<'a>, end: usize) -> Item<'a> {
        self.item(open, end)
    }

    /// [`Builder::finish_item`], inlined into `close_item` so that the
    /// item is written where it is pushed.
    #[inline(always)]
    fn item(&mut self, mut open: OpenItem<'a>, end: usize) -> Item<'a> {
        let task = open.checkbox.and_then(|checkbox| {
            let task = self.task(checkbox);
            if task.is_none() {
                // Not a task in this dialect: the brackets are text.
                match open.text.first_mut() {
                    Some(first) => first.start = checkbox.span.start,
                    None => open.text.push(checkbox.span),
                }
            }
            task
        });

        self.scan_spans(&open.text, true);
        let found = &mut self.scratch.inlines;

        let handles = &found.handles;
        let Mentions {
            users: mentions,
            teams,
        } = mentions_and_teams(handles);
        // The leading owners, then the trailing ones.
        let (logins, tags) = (&mut self.scratch.logins, &mut self.scratch.tags);
        logins.clear();
        tags.clear();
        if let Some(&span) = open.text.first() {
            owners::leading_into(self.input, span, handles, task.is_some(), logins);
        }
        if let Some(&span) = open.text.last() {
            owners::trailer_into(self.input, span, handles, logins, tags);
        }
        let owners = unique(logins.iter().copied());
        let tags: Vec<Cow<'a, str>> = tags.iter().map(|&t| Cow::Borrowed(t)).collect();

        let span = Span::new(open.start, end.max(open.start));
        self.resolving.unresolved |= found.references.iter().any(|r| r.owner.is_none());
        let references = if found.references.is_empty() {
            Vec::new()
        } else {
            dedup_references(&mut found.references, false)
        };
        let first = open.text.first().copied();
        let top_level = self.items.is_empty() && open.start < end;
        let in_next_meeting = self.current_kind() == Some(SectionKind::NextMeeting);
        // Only a field of the meeting needs every key; elsewhere only an
        // action key matters, and attendee items read their own.
        let attendees = top_level && self.context() == Some(SectionKind::Attendees);
        let any_key = top_level && !in_next_meeting;
        // Outside the metadata, a field whose key can do nothing there
        // (no date, host, note takers or action key) is left unread.
        let may_matter = |first: Span| {
            if any_key {
                self.in_metadata() || metadata::may_act_outside_metadata(self.input, first)
            } else {
                metadata::may_be_action(self.input, first)
            }
        };
        let kv = first
            .filter(|&first| !attendees && may_matter(first))
            .and_then(|first| metadata::key_value(self.input, first));
        let group = attendees
            && !open.children.is_empty()
            && first.is_some_and(|first| attendee::is_group(self.text(first)));
        let key = match (first, kv) {
            (Some(_), _) if attendees && group => {
                // `* Invited guests` over the guests.
                self.attendee_children(&open.children);
                None
            }
            (Some(first), _) if attendees => {
                // The scratch holds the item's handles, those of `first` first.
                self.attendee_line(first, span, false, true);
                None
            }
            (Some(first), Some(kv)) if top_level && !in_next_meeting => Some(self.field(first, kv)),
            (_, kv) => kv.map(|kv| metadata::key_kind(self.text(kv.key))),
        };
        let is_action = key == Some(metadata::Key::Action);
        let label = kv.is_some_and(|kv| kv.value.is_empty());
        if key == Some(metadata::Key::Attendees) && label {
            // `- **Attendees:**` over the people, outside an attendees section.
            self.attendee_children(&open.children);
        }
        if is_action && label {
            // `- Action items:` labels the items below it.
            for child in &mut open.children {
                child.action = true;
            }
        }
        let text = join_lines(self.input, &open.text, open.verbatim);
        open.text.clear();
        self.scratch.text.push(open.text);
        Item {
            text,
            task,
            owners,
            owner_names: Vec::new(),
            mentions,
            teams,
            references,
            tags,
            children: open.children,
            span,
            action: is_action && !label,
        }
    }

    /// The items of `Scratch::items` from `from` on, in a vector of
    /// their exact size.
    #[inline]
    pub(super) fn take_items(&mut self, from: usize) -> Vec<Item<'a>> {
        split_from(&mut self.scratch.items, from)
    }

    /// The task a checkbox makes in the dialect of the options, if any.
    pub(super) fn task(&mut self, checkbox: Checkbox) -> Option<Task<'a>> {
        let gfm = self.options.task_dialect == TaskDialect::Gfm;
        if checkbox.bare && gfm {
            // GFM knows tasks only in list items.
            return None;
        }
        let marker = self.text(checkbox.marker);
        let state = match marker {
            " " => TaskState::Open,
            "x" | "X" => TaskState::Done,
            _ if gfm => return None,
            "" => {
                self.meeting.diagnostics.push(Diagnostic::new(
                    Code::EmptyTaskMarker,
                    checkbox.span,
                    "task checkbox `[]` has no space inside; read as open (`[ ]`)",
                ));
                TaskState::Open
            }
            "/" => TaskState::InProgress,
            "-" => TaskState::Cancelled,
            "~" => TaskState::NotApplicable,
            ">" => TaskState::Deferred,
            // `[a]`, `[1]`: a link label or footnote, not a checkbox.
            m if m.chars().all(|c| c.is_alphanumeric()) => return None,
            _ => TaskState::Other,
        };
        if checkbox.bare {
            self.meeting.diagnostics.push(Diagnostic::new(
                Code::TaskWithoutListMarker,
                checkbox.span,
                "task checkbox without a list marker (`- `) before it; read as a task",
            ));
        }
        Some(Task {
            state,
            marker: Cow::Borrowed(marker),
        })
    }
}
