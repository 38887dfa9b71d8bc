//! The builder's roll call: the attendees of an attendees section or label,
//! from tables, `Key: a, b` lists, one name per line or list items, each
//! person once. The readers of a person are `attendee`'s; here they are
//! added to the meeting.

use std::borrow::Cow;

use super::dedup::Folded;
use super::lines::lines;
use super::{attendee, metadata, Builder};
use crate::bytes;
use crate::model::{Attendee, Item, Span};

impl<'a> Builder<'a, '_> {
    /// Attendees from the lines of a paragraph in an attendees section: a
    /// table with a name column, `Key: a, b` lists, a head count, or one
    /// name per line.
    pub(super) fn attendee_paragraph(&mut self, span: Span) {
        let text = self.text(span);
        // Rendered notes indent a table that continues a label paragraph.
        if text.trim_start().starts_with('|') {
            for found in attendee::table(self.input, span) {
                self.add_attendee(found);
            }
            for initials in attendee::table_initials(self.input, span) {
                self.speakers.insert(initials);
            }
            return;
        }
        for line in lines(self.input, span) {
            self.attendee_line(line, line, true, false);
        }
    }

    /// One attendee line or item (`item` is its whole source). A `bare`
    /// line outside a list may be prose instead. `scanned`: the scratch
    /// already holds the handles of `line` (and maybe later ones).
    pub(super) fn attendee_line(&mut self, line: Span, item: Span, bare: bool, scanned: bool) {
        let text = self.text(line);
        if let Some(kv) = metadata::key_value(self.input, line).filter(|_| !text.starts_with('[')) {
            match metadata::key_kind(self.text(kv.key)) {
                // `Team members: a, b`; `* Others:` alone names a group.
                metadata::Key::Attendees => {
                    if !kv.value.is_empty() {
                        self.attendee_list(kv.value);
                    }
                    return;
                }
                // `- gaius-qi: notes` is a person with a remark.
                metadata::Key::Other if !bare => {}
                // `**Minutes by**: …` or `**FC Date: …**` after the list.
                _ => {
                    self.field(line, kv);
                    return;
                }
            }
        }
        if let Some(count) = metadata::head_count(text) {
            *self.meeting.head_count.get_or_insert(0) += count;
            return;
        }
        let trimmed = bytes::trim_end(bytes::trim_start(text));
        // A sentence is no name, in a list or not; a long line or one with a
        // colon outside a list is prose too.
        if is_prose(trimmed, bare) {
            return;
        }
        self.push_attendee(line, item, scanned);
    }

    /// Reads the attendee on `text` (the source of `item`) with its handles;
    /// `scanned` as for [`Builder::attendee_line`].
    pub(super) fn push_attendee(&mut self, text: Span, item: Span, scanned: bool) {
        if !scanned {
            self.scan_handles(text);
        }
        let handles = &self.scratch.inlines.handles;
        let own = handles.partition_point(|h| h.span.end <= text.end);
        let keys = &mut self.attendee_keys;
        let found = attendee::attendee(
            self.input,
            text,
            item,
            handles.get(..own).unwrap_or_default(),
            &mut self.meeting.diagnostics,
            |key| keys.insert(Folded::new(key)),
        );
        self.meeting.attendees.extend(found);
    }

    /// The people listed under an attendees label or group item, one per
    /// child: `- Team: a, b` gives two; a group child (`- Remote`) over its
    /// own list gives the people of that list.
    pub(super) fn attendee_children(&mut self, children: &[Item<'a>]) {
        let mut groups = Vec::new();
        for child in children {
            let Some(text) = text_span(self.input, &child.text) else {
                continue;
            };
            if !child.children.is_empty() && attendee::is_group(self.text(text)) {
                groups.push(child);
                continue;
            }
            self.attendee_child(text, child.span);
        }
        for child in groups.into_iter().flat_map(|g| g.children.iter()) {
            if let Some(text) = text_span(self.input, &child.text) {
                self.attendee_child(text, child.span);
            }
        }
    }

    /// One child of an attendees label: a person, or `Team: a, b`.
    pub(super) fn attendee_child(&mut self, text: Span, item: Span) {
        match metadata::key_value(self.input, text) {
            Some(kv)
                if !kv.value.is_empty()
                    && (self.text(kv.value).contains(',')
                        || attendee::is_group(self.text(kv.key))) =>
            {
                self.attendee_list(kv.value)
            }
            _ => self.attendee_line(text, item, false, false),
        }
    }

    /// Adds an attendee unless one with the same handle (or name, when
    /// without a handle) is already listed, compared case-insensitively: a
    /// person listed twice (two days' roll calls) attends once.
    pub(super) fn add_attendee(&mut self, found: Attendee<'a>) {
        let key = match found.handle.as_ref().unwrap_or(&found.name) {
            Cow::Borrowed(key) => Folded::new(key),
            Cow::Owned(key) => Folded::new_owned(key.to_lowercase()),
        };
        if self.attendee_keys.insert(key) {
            self.meeting.attendees.push(found);
        }
    }

    /// `Wenkai yin@VMware, Fanjian kong@Qihoo360, …`: one attendee each.
    pub(super) fn attendee_list(&mut self, value: Span) {
        for part in list_parts(self.text(value), value.start) {
            self.push_attendee(part, part, false);
        }
    }
}

/// Whether a trimmed attendee line is prose, not a name: a sentence, in a
/// list or not; a long line or one with a colon outside a list (`bare`);
/// a template's placeholder (`_attendee names..._`, `__Names__`).
fn is_prose(trimmed: &str, bare: bool) -> bool {
    // `trimmed.trim_matches(['_', '*']).trim()`, by bytes.
    let is_mark = |c: char| matches!(c, '_' | '*');
    let is_mark_byte = |b: u8| matches!(b, b'_' | b'*');
    let trimmed = bytes::trim_start_by(trimmed, is_mark_byte, is_mark);
    let trimmed = bytes::trim_end_by(trimmed, is_mark_byte, is_mark);
    let trimmed = bytes::trim_end(bytes::trim_start(trimmed));
    let placeholder = ["name", "names", "name(s)"]
        .iter()
        .any(|w| trimmed.eq_ignore_ascii_case(w));
    placeholder
        || (bare && (trimmed.len() > 80 || trimmed.contains(':')))
        || (trimmed.ends_with(['.', '!', '?']) && !attendee::ends_with_initial(trimmed))
        || trimmed.ends_with(['…'])
        || trimmed.ends_with("..")
        || ["tbd", "none", "n/a", "-", "..."]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(trimmed))
}

/// The non-empty parts of a comma-separated `list` (at `offset`), trimmed.
fn list_parts(list: &str, offset: usize) -> impl Iterator<Item = Span> + '_ {
    let mut start = offset;
    list.split(',').filter_map(move |part| {
        let at = start;
        start += part.len() + 1;
        let lead = part.len() - part.trim_start().len();
        let span = Span::new(at + lead, at + part.trim_end().len());
        (!span.is_empty()).then_some(span)
    })
}

/// Where `text`, a string borrowed from `input`, is in it; `None` for text
/// joined from several lines.
// The `Cow` is matched to borrow slices of the input.
#[allow(clippy::ptr_arg)]
fn text_span(input: &str, text: &Cow<'_, str>) -> Option<Span> {
    let Cow::Borrowed(text) = text else {
        return None;
    };
    let start = (text.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    let end = start + text.len();
    (end <= input.len()).then(|| Span::new(start, end))
}
