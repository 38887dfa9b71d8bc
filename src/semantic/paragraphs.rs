//! The builder's paragraphs: labels (`**Attendees**:`, `Done:`) that name
//! what follows, fields of the meeting (`Host: @x`), action lines
//! (`Action: …`), the next meeting, and the handles and references of a
//! block.

use std::borrow::Cow;

use super::dedup::{dedup_references, mentions_and_teams, Mentions};
use super::lines::{self, after_definitions, join_lines, lines, Lines};
use super::{actions, attendee, heading, metadata, names};
use super::{Builder, Found, OpenItem};
use crate::bytes;
use crate::inline::{may_find, scan_with, Context};
use crate::model::{BlockKind, Field, NextMeeting, ParagraphInfo, SectionKind, Span};

/// A one-line label paragraph, and what it says the lists after it hold
/// (`None`: nothing known here, as `**Poll**:`).
#[derive(Clone, Copy)]
pub(super) struct Label {
    holds: Option<SectionKind>,
}

/// The first line of an action line: `prefixed` by `AI:` or `Action:` (it
/// runs on to the next action line), or a prose assignment (one line, kept
/// if the note knows the person).
#[derive(Clone, Copy)]
pub(super) struct ActionStart {
    first: Span,
    prefixed: bool,
}

impl<'a> Builder<'a, '_> {
    /// A paragraph outside lists; `one_line` when the block layer found no
    /// line ending inside `span`.
    pub(super) fn paragraph(
        &mut self,
        span: Span,
        verbatim: bool,
        one_line: bool,
        kind: BlockKind,
    ) {
        let text = join_lines(self.input, &[span], verbatim);
        // Link reference definitions show nothing: their references count
        // where a link uses them.
        let shown = Span::new(after_definitions(self.input, span), span.end);
        let mut found = self.scan_block(shown);
        self.date_lines(span);
        // A label on the first line applies to the rest and to later lists.
        let (first, rest_lines) = if one_line {
            lines::one_line(self.input, span)
        } else {
            let mut all = lines(self.input, span);
            (all.next().unwrap_or(span), all)
        };
        let kv = metadata::key_value_of_line(self.input, first);
        let label_key = self.label_key(first, kv);
        let whole_label = label_key.filter(|_| first.end >= span.end);
        if let Some(key) = whole_label {
            if self.label_section(key, span, text.clone(), &mut found, kind) {
                self.label = None;
                return;
            }
            // A label that opens no bucket (`Next:`) still ends the one
            // before it: a bucket lasts until the next label or heading.
            self.close_label_section();
        }
        let label = self.label(label_key);
        // A label lasts until a heading or prose; fields such as
        // `**Minutes by**: …` after its list do not end it, nor does a pipe
        // table (`**Attendees:**` then `| Name | Organization |`).
        let table = self.text(first).starts_with('|');
        // One name per line after `Attendees:` is the list it labels.
        let names = label.is_none()
            && self.label == Some(SectionKind::Attendees)
            && attendee::is_name_lines(self.text(span));
        if !names && (label.is_some() || (kv.is_none() && !table)) {
            self.label = label.and_then(|label| label.holds);
        }
        // The lines after `first` are those of `rest_lines`; `first` and
        // its field are the first line of `rest` unless it is the label.
        let (rest, first_kv) = match label {
            Some(_) => (Span::new(rest_lines.offset(), span.end), None),
            None => (span, Some((first, kv))),
        };
        if self.current_kind() == Some(SectionKind::NextMeeting) {
            self.next_meeting(text.clone(), span);
        } else if kind == BlockKind::Table && self.context() == Some(SectionKind::Actions) {
            // `Action Item | Action` tables: a row below the header that
            // assigns work to a person the note knows is an action line.
            for row in lines(self.input, span).skip(2) {
                let start = ActionStart {
                    first: row,
                    prefixed: false,
                };
                self.action_line(start, row.end, verbatim);
            }
        } else if kind == BlockKind::Paragraph
            && self.in_preamble()
            && self.context() != Some(SectionKind::Attendees)
            && attendee::is_name_list(self.text(first))
        {
            // `Allen Wirfs-Brock (AWB), Waldemar Horwat (WH), …` under the
            // title: the people present, one line per group.
            for line in lines(self.input, span) {
                if attendee::is_name_list(self.text(line)) {
                    self.attendee_list(line);
                }
            }
        } else if !rest.is_empty() {
            self.paragraph_lines(rest, rest_lines, verbatim, first_kv);
            // `**Moderator:** …` / `**Attendees**` with the list right after.
            if let Some(last) = self.last_line_label(span) {
                self.label = Some(last);
            }
        }
        let info = ParagraphInfo {
            kind,
            span,
            references: found.references,
            mentions: found.mentions,
            teams: found.teams,
        };
        self.push_paragraph(text, info);
    }

    /// Adds a paragraph to the innermost open section (or the meeting).
    pub(super) fn push_paragraph(&mut self, text: Cow<'a, str>, info: ParagraphInfo<'a>) {
        let (paragraphs, infos) = self.paragraph_lists();
        paragraphs.push(text);
        infos.push(info);
    }

    /// The references, mentions and teams of a heading or paragraph;
    /// the scratch keeps its handles. Short references stay unresolved
    /// until the end (see `context`).
    pub(super) fn scan_block(&mut self, span: Span) -> Found<'a> {
        // Most headings and paragraphs name nothing: a cheap test skips them.
        let text = self.input.as_bytes().get(span.start..span.end);
        if !text.is_some_and(may_find) {
            self.scratch.inlines.handles.clear();
            self.scratch.inlines.references.clear();
            return Found::default();
        }
        self.scan_handles(span);
        let found = &mut self.scratch.inlines;
        let Mentions {
            users: mentions,
            teams,
        } = mentions_and_teams(&found.handles);
        self.resolving.unresolved |= found.references.iter().any(|r| r.owner.is_none());
        let references = if found.references.is_empty() {
            Vec::new()
        } else {
            dedup_references(&mut found.references, false)
        };
        Found {
            references,
            mentions,
            teams,
        }
    }

    /// A one-line paragraph that names what follows: `**Members**`,
    /// `**Attendees**:`, `Action items:`, or `**Poll**:`, which holds
    /// nothing known here.
    pub(super) fn label(&self, label_key: Option<Span>) -> Option<Label> {
        let key = self.text(label_key?);
        if attendee::is_absence(key) {
            // `Apologies:` ends the list of the people present.
            return Some(Label {
                holds: Some(SectionKind::Other),
            });
        }
        let holds = match metadata::key_kind(key) {
            metadata::Key::Attendees => Some(SectionKind::Attendees),
            metadata::Key::Action => Some(SectionKind::Actions),
            _ => Some(heading::classify(key).0).filter(|k| *k != SectionKind::Other),
        };
        Some(Label { holds })
    }

    /// The attendees label that ends a paragraph of several lines and
    /// names the list after it: `**Notetaker:** @x` then `**Attendees**`.
    fn last_line_label(&self, span: Span) -> Option<SectionKind> {
        let text = self.text(span).trim_end();
        // A label ends with `**` or `:`; most paragraphs do not, and need
        // no search for their last line.
        if !(text.ends_with("**") || text.ends_with(':')) {
            return None;
        }
        let start = span.start + bytes::rfind_line_end(text)? + 1;
        let last = Span::new(start, span.start + text.len());
        let key = self.label_key(last, metadata::key_value_of_line(self.input, last));
        self.label(key)?
            .holds
            .filter(|kind| *kind == SectionKind::Attendees)
    }

    /// The key of a one-line label: `**Members**`, `Done:`.
    pub(super) fn label_key(&self, span: Span, kv: Option<metadata::KeyValue>) -> Option<Span> {
        match kv {
            Some(kv) if kv.value.is_empty() => Some(kv.key),
            Some(_) => None,
            None => {
                let text = self.text(span);
                // `Attendance (please add yourself)`: an attendees word alone.
                if attendee::is_attendees_label(text) {
                    let start = span.start + (text.len() - text.trim_start().len());
                    return Some(Span::new(start, start + text.trim().len()));
                }
                // Only `**` may come first, after white space.
                let first = *text.as_bytes().first()?;
                if !(first == b'*' || matches!(first, b' ' | 9..=13) || !first.is_ascii()) {
                    return None;
                }
                let inner = text.trim().strip_prefix("**")?.strip_suffix("**")?;
                if inner.contains("**") {
                    return None;
                }
                let start = span.start + (text.len() - text.trim_start().len()) + 2;
                Some(Span::new(start, start + inner.len()))
            }
        }
    }

    /// Lines of a paragraph that is not a label: attendees in an attendees
    /// section, fields, and `Action:` lines, which become action items.
    /// `verbatim` as the paragraph's (see `Block::Paragraph`); `first_kv`,
    /// when known, is the field of the first line.
    pub(super) fn paragraph_lines(
        &mut self,
        span: Span,
        mut rest_lines: Lines<'a>,
        verbatim: bool,
        first_kv: Option<(Span, Option<metadata::KeyValue>)>,
    ) {
        if self.context() == Some(SectionKind::Attendees) {
            self.attendee_paragraph(span);
            return;
        }
        let mut first_kv = first_kv;
        // The action line being read.
        let mut open: Option<ActionStart> = None;
        let mut last_end = span.start;
        loop {
            let (line, kv) = match first_kv.take() {
                Some(known) => known,
                None => match rest_lines.next() {
                    Some(line) => (line, metadata::key_value_of_line(self.input, line)),
                    None => break,
                },
            };
            if let Some(kv) = kv {
                // `NRO: I will review …`: initials that speak name a person.
                let key = self.text(kv.key);
                if names::is_initials(key) {
                    self.speakers.insert(key);
                }
            }
            // An action's own lines hold no fields of the meeting.
            let field = match open {
                Some(ActionStart { prefixed: true, .. }) => {
                    kv.map(|kv| metadata::key_kind(self.text(kv.key)))
                }
                _ => kv.map(|kv| self.field(line, kv)),
            };
            let text = self.text(line);
            let starts =
                if field == Some(metadata::Key::Action) || actions::action_prefix(text).is_some() {
                    Some(true)
                } else {
                    actions::may_assign(text).then_some(false)
                };
            if let Some(prefixed) = starts {
                if let Some(started) = open.take() {
                    self.action_line(started, last_end, verbatim);
                }
                open = Some(ActionStart {
                    first: line,
                    prefixed,
                });
            } else if let Some(started) = open.filter(|started| !started.prefixed) {
                self.action_line(started, started.first.end, verbatim);
                open = None;
            }
            last_end = line.end;
        }
        if let Some(started) = open {
            let end = if started.prefixed {
                span.end
            } else {
                started.first.end
            };
            self.action_line(started, end, verbatim);
        }
    }

    /// An action line from its start to `end`; a prose assignment is kept
    /// by the actions pass only if the note knows the person (see
    /// `actions::mark`).
    pub(super) fn action_line(&mut self, start: ActionStart, end: usize, verbatim: bool) {
        let ActionStart { first, prefixed } = start;
        let end = if prefixed { end } else { first.end };
        let action = OpenItem {
            start: first.start,
            checkbox: None,
            text: vec![Span::new(first.start, end)],
            verbatim,
            children: Vec::new(),
        };
        let mut item = self.finish_item(action, end);
        item.action = prefixed;
        self.meeting.action_lines.push(item);
    }

    /// Reads a `Key: value` field at the start of `text` into the meeting:
    /// host, note takers, attendees, and the metadata list. Returns what
    /// the key means.
    pub(super) fn field(&mut self, text: Span, kv: metadata::KeyValue) -> metadata::Key {
        let key = metadata::key_kind(self.text(kv.key));
        let value = self.text(kv.value);
        if value.is_empty() {
            return key;
        }
        match key {
            metadata::Key::Attendees => {
                // Only the meeting's own fields: `Participants:` of an event
                // in a topic are not the meeting's attendees.
                if self.in_metadata() {
                    self.attendee_list(kv.value);
                }
                return key;
            }
            metadata::Key::Action => return key,
            metadata::Key::Host => {
                self.meeting
                    .host
                    .get_or_insert(Cow::Borrowed(metadata::person(value)));
            }
            metadata::Key::NoteTakers => {
                let people = metadata::people(value).map(Cow::Borrowed);
                self.meeting.note_takers.extend(people);
            }
            metadata::Key::Date | metadata::Key::Other => {
                if !(self.in_metadata() || kv.emphasized && key == metadata::Key::Date) {
                    return key;
                }
            }
        }
        let line_end = bytes::find_line_end(self.text(text).as_bytes())
            .map_or(text.end, |(n, _)| text.start + n);
        self.meeting.metadata.push(Field {
            key: Cow::Borrowed(self.text(kv.key)),
            value: Cow::Borrowed(value),
            span: Span::new(text.start, line_end),
        });
        key
    }

    /// Scans `span` into the scratch, which then holds its handles.
    pub(super) fn scan_handles(&mut self, span: Span) {
        self.scan_spans(&[span], false);
    }

    /// Scans `spans` into the emptied scratch, which then holds their
    /// handles and references; short references are resolved at the end
    /// (see `context`). `skip_plain`: a cheap test skips the runs that name
    /// nothing, as most runs of prose do.
    pub(super) fn scan_spans(&mut self, spans: &[Span], skip_plain: bool) {
        let found = &mut self.scratch.inlines;
        found.handles.clear();
        found.references.clear();
        let context = Context {
            repo: None,
            definitions: &self.definitions,
        };
        for &span in spans {
            let text = self.input.as_bytes().get(span.start..span.end);
            if !skip_plain || text.is_some_and(may_find) {
                scan_with(self.input, span, &context, found);
            }
        }
    }

    /// The next meeting from a paragraph or item of its section: the first
    /// date wins, and a host comes from `Host: @x` or `… Host by @x`.
    pub(super) fn next_meeting(&mut self, text: Cow<'a, str>, span: Span) {
        let host = next_host(self.input, span);
        let has_date = self
            .meeting
            .next_meeting
            .as_ref()
            .is_some_and(|n| n.date.is_some());
        let found = if has_date {
            None
        } else {
            self.found_date(self.text(span), span.start)
        };
        let (date, time) = match found {
            Some(found) => (Some(found.date), found.time),
            None => (None, None),
        };
        match &mut self.meeting.next_meeting {
            Some(next) => {
                if date.is_some() {
                    next.date = date;
                    next.time = time;
                    next.text = text;
                    next.span = span;
                }
                if next.host.is_none() {
                    next.host = host;
                }
            }
            None => {
                self.meeting.next_meeting = Some(NextMeeting {
                    date,
                    time,
                    text,
                    span,
                    host,
                });
            }
        }
    }
}

/// The host named in a next-meeting line: `- Host: @x`, `Host by @x`,
/// `hosted by Jane`.
fn next_host(input: &str, span: Span) -> Option<Cow<'_, str>> {
    let text = input.get(span.start..span.end)?;
    if let Some(kv) = metadata::key_value(input, span) {
        if metadata::key_kind(kv.key.slice(input)?) == metadata::Key::Host {
            let value = kv.value.slice(input)?;
            return (!value.is_empty()).then(|| Cow::Borrowed(metadata::person(value)));
        }
    }
    let lower = text.to_ascii_lowercase();
    let at = ["hosted by ", "host by ", "host: "]
        .iter()
        .find_map(|k| lower.find(k).map(|i| i + k.len()))?;
    let name = text.get(at..)?.split_whitespace().next()?;
    Some(Cow::Borrowed(metadata::person(
        name.trim_end_matches(['.', ',']),
    )))
}
