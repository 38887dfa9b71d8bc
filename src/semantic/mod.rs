//! The semantic layer: blocks into a [`Meeting`].
//!
//! [`Builder`] receives blocks from the block layer as they complete. It keeps
//! a stack of open sections (at most six, one per heading level) and a stack
//! of open list items (bounded by the block layer's depth limit); each item is
//! finished, scanned for inlines and attached to its parent when it closes.
//! Sections are classified from their heading words; attendees, owners, the
//! meeting date and the next meeting are read here.

mod actions;
mod attendee;
mod context;
mod heading;
mod metadata;
mod names;
mod owners;
mod words;

use std::borrow::Cow;
use std::collections::HashSet;

use time::Date;

use crate::block::{parse_blocks, Block, Checkbox, ParagraphKind, Sink};
use crate::bytes;
use crate::diagnostic::{Code, Diagnostic};
use crate::inline::handle::HandleToken;
use crate::inline::{
    date, may_find, scan_with, Context, Handle, Inlines, LazyDefinitions, RepoContext,
};
use crate::model::{
    Attendee, BlockKind, Field, Item, Meeting, MeetingTime, NextMeeting, ParagraphInfo, Reference,
    Section, SectionKind, Span, Task, TaskState, SCHEMA_VERSION,
};
use crate::options::{Options, TaskDialect};

/// Parses `input` into a meeting.
pub(crate) fn build<'a>(input: &'a str, options: &Options) -> Meeting<'a> {
    let default_repo = options
        .default_repository
        .as_ref()
        .map(|(owner, repo)| RepoContext {
            owner: Cow::Owned(owner.clone()),
            repo: Cow::Owned(repo.clone()),
        });
    let mut builder = Builder {
        input,
        options,
        meeting: Meeting {
            version: SCHEMA_VERSION,
            title: None,
            date: None,
            time: None,
            attendees: Vec::new(),
            sections: Vec::new(),
            items: Vec::new(),
            paragraphs: Vec::new(),
            paragraph_info: Vec::new(),
            next_meeting: None,
            diagnostics: Vec::new(),
            span: Span::new(0, input.len()),
            host: None,
            note_takers: Vec::new(),
            metadata: Vec::new(),
            head_count: None,
            action_lines: Vec::new(),
        },
        sections: Vec::new(),
        items: Vec::new(),
        default_repo,
        contexts: context::Contexts::default(),
        unresolved: false,
        definitions: LazyDefinitions::new(input),
        scratch: Inlines::default(),
        spare_text: Vec::new(),
        spare_items: Vec::new(),
        attendee_keys: KeySet::default(),
        logins: Vec::new(),
        tags: Vec::new(),
        headings_seen: 0,
        title: None,
        date_line: None,
        timed_line: None,
        front_matter_date: None,
        heading_date: None,
        last_end: 0,
        label: None,
        speakers: std::collections::HashSet::new(),
    };
    parse_blocks(input, options.max_depth, &mut builder);
    builder.finish()
}

/// A section under construction, with the repository its headings name.
struct OpenSection<'a> {
    section: Section<'a>,
    repo: Option<RepoContext<'a>>,
    /// Its fields are the meeting's metadata (`## Meeting Information`).
    metadata: bool,
    /// The label paragraph that opened it (`**Done**:`), given back as a
    /// paragraph if the section stays empty.
    label_paragraph: Option<(Cow<'a, str>, BlockKind)>,
}

/// A list item under construction.
struct OpenItem<'a> {
    start: usize,
    checkbox: Option<Checkbox>,
    /// Paragraph runs of the item's own text, in order.
    text: Vec<Span>,
    /// Each run reads as its text (see `Block::Paragraph`).
    verbatim: bool,
    children: Vec<Item<'a>>,
}

/// A date, where it came from, and the time of day given with it.
#[derive(Debug, Clone)]
struct Dated<'a> {
    date: Date,
    span: Span,
    time: Option<MeetingTime<'a>>,
}

struct Builder<'a, 'o> {
    input: &'a str,
    options: &'o Options,
    meeting: Meeting<'a>,
    sections: Vec<OpenSection<'a>>,
    items: Vec<OpenItem<'a>>,
    default_repo: Option<RepoContext<'a>>,
    /// The repository of the enclosing headings, offset by offset, for
    /// resolving short references at the end.
    contexts: context::Contexts<'a>,
    /// A scan found a short reference without a repository.
    unresolved: bool,
    definitions: LazyDefinitions<'a>,
    /// Reused between items so that scanning allocates only what it keeps.
    scratch: Inlines<'a>,
    /// Emptied `OpenItem::text` vectors, reused so that an item's text
    /// spans cost no allocation (one per item otherwise).
    spare_text: Vec<Vec<Span>>,
    /// Buffers that collect the items of open sections and items; each list
    /// is copied out at its close in one allocation of its exact size,
    /// instead of growing (and copying) push by push.
    spare_items: Vec<Vec<Item<'a>>>,
    /// The lowercase handles (or names) of the attendees so far.
    attendee_keys: KeySet<'a>,
    /// Reused: an item's owner logins and tags before deduplication.
    logins: Vec<&'a str>,
    tags: Vec<&'a str>,
    headings_seen: usize,
    /// The title heading's text, and whether it is an H1.
    title: Option<(Span, bool)>,
    date_line: Option<Dated<'a>>,
    /// The first `Date:` line after the preamble that has a time of day.
    timed_line: Option<Dated<'a>>,
    front_matter_date: Option<Dated<'a>>,
    /// The date of the heading right below the title.
    heading_date: Option<Dated<'a>>,
    last_end: usize,
    /// What a label paragraph (`**Members**`, `**Attendees**:`) says the
    /// lists after it hold, until the next heading or other paragraph.
    label: Option<SectionKind>,
    /// Initials written as speakers (`SYG:`), which name people.
    speakers: std::collections::HashSet<&'a str>,
}

impl<'a> Sink for Builder<'a, '_> {
    fn block(&mut self, block: Block) {
        match block {
            Block::FrontMatter { body, span } => {
                self.front_matter(body);
                self.last_end = span.end;
            }
            Block::Heading { level, text, span } => {
                self.heading(level, text, span);
                self.last_end = span.end;
            }
            Block::ItemStart {
                depth,
                start,
                checkbox,
                ..
            } => {
                while self.items.len() > depth {
                    self.close_item(self.last_end);
                }
                let text = self.spare_text.pop().unwrap_or_default();
                self.items.push(OpenItem {
                    start,
                    checkbox,
                    text,
                    verbatim: true,
                    // A spare buffer once it has a child: most items have none.
                    children: Vec::new(),
                });
            }
            Block::ItemEnd { end } => {
                self.close_item(end);
                self.last_end = self.last_end.max(end);
            }
            Block::Paragraph {
                span,
                in_item,
                verbatim,
                kind,
            } => {
                match self.items.last_mut() {
                    Some(item) if in_item => {
                        item.text.push(span);
                        item.verbatim &= verbatim;
                    }
                    _ => self.paragraph(span, verbatim, block_kind(kind)),
                }
                self.last_end = span.end;
            }
            Block::Code { span } => {
                if self.context() == Some(SectionKind::Attendees) {
                    // An HTML `<table>` of the people, with presence marks.
                    for found in attendee::html_table(self.input, span) {
                        self.add_attendee(found);
                    }
                }
                self.last_end = span.end;
            }
            Block::Break { span } => self.last_end = span.end,
        }
    }

    fn diagnostic(&mut self, diagnostic: Diagnostic) {
        self.meeting.diagnostics.push(diagnostic);
    }
}

impl<'a> Builder<'a, '_> {
    fn text(&self, span: Span) -> &'a str {
        self.input.get(span.start..span.end).unwrap_or_default()
    }

    fn current_kind(&self) -> Option<SectionKind> {
        self.sections.last().map(|s| s.section.kind)
    }

    /// What the text here holds: the label's kind, or the section's.
    fn context(&self) -> Option<SectionKind> {
        self.label.or(self.current_kind())
    }

    /// Whether every field here is the meeting's metadata: in the header
    /// before the first section, or in a section such as `Meeting Information`.
    fn in_metadata(&self) -> bool {
        self.in_preamble() || self.sections.last().is_some_and(|s| s.metadata)
    }

    /// Whether a `Date:` line here dates the meeting: before any heading but
    /// the title.
    fn in_preamble(&self) -> bool {
        self.headings_seen <= 1 && self.current_kind() != Some(SectionKind::NextMeeting)
    }

    fn front_matter(&mut self, body: Span) {
        let text = self.text(body);
        for (offset, line) in bytes::split_lines(text) {
            if let Some(value) = line.strip_prefix("date:") {
                self.front_matter_date = self.found_date(value, body.start + offset + 5);
                break;
            }
        }
    }

    /// The first date in `text` (at `offset`); an impossible one becomes a
    /// diagnostic.
    fn found_date(&mut self, text: &'a str, offset: usize) -> Option<Dated<'a>> {
        let year_hint = self.options.date_hint.map(|d| d.year());
        let found = date::find_date(text, offset, year_hint)?;
        self.dated(found)
    }

    /// A found date, or its diagnostic when the calendar has no such day.
    fn dated(&mut self, found: date::Found<'a>) -> Option<Dated<'a>> {
        let span = found.span;
        match found.date {
            Ok(date) => Some(Dated {
                date,
                span,
                time: found.time,
            }),
            Err(err) => {
                self.meeting.diagnostics.push(Diagnostic::new(
                    Code::InvalidDate,
                    span,
                    format!("`{}` is not a date: {err}", self.text(span)),
                ));
                None
            }
        }
    }

    /// The date in a heading, with its year (`## March 5` may be next
    /// year's); impossible dates are left to the title's diagnostic.
    fn heading_date(&self, heading: &'a str, offset: usize) -> Option<Date> {
        if !heading.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        date::find_date(heading, offset, None)?.date.ok()
    }

    fn heading(&mut self, level: u8, text: Span, span: Span) {
        let shown = heading::without_trailing_comments(self.text(text));
        let text = Span::new(text.start, text.start + shown.len());
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        self.close_sections(level);
        // `### Date: 2020-04-29` under the title dates the meeting like a line.
        if self.in_preamble() && self.date_line.is_none() {
            self.date_line = self.keyed_date(text);
        }
        self.headings_seen += 1;
        self.label = None;
        let is_h1 = level == 1;
        // The first H1 is the title; until there is one, the first heading.
        if self.title.is_none() || (is_h1 && !matches!(self.title, Some((_, true)))) {
            self.title = Some((text, is_h1));
        }

        let heading = self.text(text);
        let date = self.heading_date(heading, text.start);
        if self.headings_seen == 2 && self.heading_date.is_none() {
            // `## 2019-10-03 agenda` right below the title.
            self.heading_date = date.map(|date| Dated {
                date,
                span: text,
                time: None,
            });
        }
        let (kind, own_status) = heading::classify(heading);
        let found = self.scan_block(text);
        let owners = if found.mentions.is_empty() {
            Vec::new()
        } else {
            let handles = &self.scratch.handles;
            unique(
                owners::trailer(self.input, text, handles)
                    .owners
                    .into_iter(),
            )
        };
        let parent = self.sections.last();
        let status = own_status.or_else(|| parent.and_then(|p| p.section.status));
        // The nearest heading that names a repository, by its text or by
        // its references (see `context`).
        let repo = heading::repository(heading)
            .map(|(owner, repo)| RepoContext {
                owner: Cow::Borrowed(owner),
                repo: Cow::Borrowed(repo),
            })
            .or_else(|| context::single_repository(&found.references))
            .or_else(|| parent.and_then(|p| p.repo.clone()));
        self.contexts.mark(span.start, repo.as_ref());
        let metadata = heading::is_metadata(heading);
        self.sections.push(OpenSection {
            label_paragraph: None,
            metadata,
            section: Section {
                heading: Cow::Borrowed(heading),
                level,
                kind,
                status,
                mentions: found.mentions,
                owners,
                teams: found.teams,
                references: found.references,
                items: self.spare_items.pop().unwrap_or_default(),
                paragraphs: Vec::new(),
                paragraph_info: Vec::new(),
                sections: Vec::new(),
                span,
                date,
                label: false,
            },
            repo,
        });
    }

    /// A status label paragraph (`**Done**:`, `WIP:`) opens a bucket for the
    /// lists after it, as a subsection of the current section marked
    /// `label`, until the next label or heading. Returns whether it did.
    fn label_section(
        &mut self,
        key: Span,
        span: Span,
        text: Cow<'a, str>,
        found: &mut Found<'a>,
        block: BlockKind,
    ) -> bool {
        let (kind, Some(status)) = heading::classify(self.text(key)) else {
            return false;
        };
        self.close_label_section();
        let parent = self.sections.last();
        let level = parent.map_or(1, |p| p.section.level + 1);
        if level > 6 {
            return false;
        }
        let repo = parent.and_then(|p| p.repo.clone());
        self.contexts.mark(span.start, repo.as_ref());
        let found = std::mem::take(found);
        self.sections.push(OpenSection {
            metadata: false,
            label_paragraph: Some((text, block)),
            section: Section {
                heading: Cow::Borrowed(self.text(key)),
                level,
                kind,
                status: Some(status),
                mentions: found.mentions,
                owners: Vec::new(),
                teams: found.teams,
                references: found.references,
                items: Vec::new(),
                paragraphs: Vec::new(),
                paragraph_info: Vec::new(),
                sections: Vec::new(),
                span,
                date: None,
                label: true,
            },
            repo,
        });
        true
    }

    /// Closes the innermost section if a label opened it.
    fn close_label_section(&mut self) {
        if self.sections.last().is_some_and(|s| s.section.label) {
            while self.items.last().is_some() {
                self.close_item(self.last_end);
            }
            let level = self.sections.last().map_or(1, |s| s.section.level);
            self.close_sections(level);
            let repo = self.sections.last().and_then(|s| s.repo.clone());
            self.contexts.mark(self.last_end, repo.as_ref());
        }
    }

    /// Closes open sections at `level` or deeper.
    fn close_sections(&mut self, level: u8) {
        while self
            .sections
            .last()
            .is_some_and(|s| s.section.level >= level)
        {
            if let Some(mut open) = self.sections.pop() {
                if let Some((text, kind)) = open
                    .label_paragraph
                    .take()
                    .filter(|_| is_empty(&open.section))
                {
                    // A label before no list (`**TODO**` then a heading)
                    // opens no bucket: it stays the paragraph it is.
                    let section = open.section;
                    let info = ParagraphInfo {
                        kind,
                        span: section.span,
                        references: section.references,
                        mentions: section.mentions,
                        teams: section.teams,
                    };
                    self.push_paragraph(text, info);
                    continue;
                }
                open.section.span.end = self.last_end.max(open.section.span.end);
                open.section.items = self.exact(std::mem::take(&mut open.section.items));
                match self.sections.last_mut() {
                    Some(parent) => parent.section.sections.push(open.section),
                    None => self.meeting.sections.push(open.section),
                }
            }
        }
    }

    fn paragraph(&mut self, span: Span, verbatim: bool, kind: BlockKind) {
        let text = join_lines(self.input, &[span], verbatim);
        // Link reference definitions show nothing: their references count
        // where a link uses them.
        let shown = Span::new(after_definitions(self.input, span), span.end);
        let mut found = self.scan_block(shown);
        self.date_lines(span);
        // A label on the first line applies to the rest and to later lists.
        let mut rest_lines = lines(self.input, span);
        let first = rest_lines.next().unwrap_or(span);
        let kv = metadata::key_value(self.input, first);
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
        let label = self.label_kind(label_key);
        // A label lasts until a heading or prose; fields such as
        // `**Minutes by**: …` after its list do not end it, nor does a pipe
        // table (`**Attendees:**` then `| Name | Organization |`).
        let table = self.text(first).starts_with('|');
        // One name per line after `Attendees:` is the list it labels.
        let names = label.is_none()
            && self.label == Some(SectionKind::Attendees)
            && attendee::is_name_lines(self.text(span));
        if !names && (label.is_some() || (kv.is_none() && !table)) {
            self.label = label.flatten();
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
                self.action_line((row, false), row.end, verbatim);
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
    fn push_paragraph(&mut self, text: Cow<'a, str>, info: ParagraphInfo<'a>) {
        let (paragraphs, infos) = match self.sections.last_mut() {
            Some(open) => (
                &mut open.section.paragraphs,
                &mut open.section.paragraph_info,
            ),
            None => (
                &mut self.meeting.paragraphs,
                &mut self.meeting.paragraph_info,
            ),
        };
        paragraphs.push(text);
        infos.push(info);
    }

    /// The references, mentions and teams of a heading or paragraph;
    /// the scratch keeps its handles. Short references stay unresolved
    /// until the end (see `context`).
    fn scan_block(&mut self, span: Span) -> Found<'a> {
        // Most headings and paragraphs name nothing: a cheap test skips them.
        let text = self.input.as_bytes().get(span.start..span.end);
        if !text.is_some_and(may_find) {
            self.scratch.handles.clear();
            self.scratch.references.clear();
            return Found::default();
        }
        self.scan_handles(span);
        let found = &mut self.scratch;
        let (mentions, teams) = mentions_and_teams(&found.handles);
        self.unresolved |= found.references.iter().any(|r| r.owner.is_none());
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
    /// `**Attendees**:`, `Action items:`. `Some(None)` for a label that
    /// means nothing here (`**Poll**:`).
    fn label_kind(&self, label_key: Option<Span>) -> Option<Option<SectionKind>> {
        let key = self.text(label_key?);
        if attendee::is_absence(key) {
            // `Apologies:` ends the list of the people present.
            return Some(Some(SectionKind::Other));
        }
        Some(match metadata::key_kind(key) {
            metadata::Key::Attendees => Some(SectionKind::Attendees),
            metadata::Key::Action => Some(SectionKind::Actions),
            _ => Some(heading::classify(key).0).filter(|k| *k != SectionKind::Other),
        })
    }

    /// The attendees label that ends a paragraph of several lines and
    /// names the list after it: `**Notetaker:** @x` then `**Attendees**`.
    fn last_line_label(&self, span: Span) -> Option<SectionKind> {
        let text = self.text(span).trim_end();
        let start = span.start + bytes::rfind_line_end(text)? + 1;
        let last = Span::new(start, span.start + text.len());
        let words = self.text(last).trim();
        if !(words.ends_with("**") || words.ends_with(':')) {
            return None;
        }
        let key = self.label_key(last, metadata::key_value(self.input, last));
        self.label_kind(key)
            .flatten()
            .filter(|kind| *kind == SectionKind::Attendees)
    }

    /// The key of a one-line label: `**Members**`, `Done:`.
    fn label_key(&self, span: Span, kv: Option<metadata::KeyValue>) -> Option<Span> {
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
    fn paragraph_lines(
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
        // The action line being read: its first line and whether it has an
        // action prefix (it runs on to the next action line) or is a prose
        // assignment (one line, kept if the note knows the person).
        let mut open: Option<(Span, bool)> = None;
        let mut last_end = span.start;
        loop {
            let (line, kv) = match first_kv.take() {
                Some(known) => known,
                None => match rest_lines.next() {
                    Some(line) => (line, metadata::key_value(self.input, line)),
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
                Some((_, true)) => kv.map(|kv| metadata::key_kind(self.text(kv.key))),
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
                open = Some((line, prefixed));
            } else if let Some((started, false)) = open {
                self.action_line((started, false), started.end, verbatim);
                open = None;
            }
            last_end = line.end;
        }
        if let Some(started) = open {
            let end = if started.1 { span.end } else { started.0.end };
            self.action_line(started, end, verbatim);
        }
    }

    /// An action line from `first` to `end`: `prefixed` by `AI:` or
    /// `Action:`, or a prose assignment that the actions pass keeps only if
    /// the note knows the person (see `actions::mark`).
    fn action_line(&mut self, (first, prefixed): (Span, bool), end: usize, verbatim: bool) {
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
    fn field(&mut self, text: Span, kv: metadata::KeyValue) -> metadata::Key {
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

    /// Attendees from the lines of a paragraph in an attendees section: a
    /// table with a name column, `Key: a, b` lists, a head count, or one
    /// name per line.
    fn attendee_paragraph(&mut self, span: Span) {
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
    fn attendee_line(&mut self, line: Span, item: Span, bare: bool, scanned: bool) {
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
        // `_attendee names..._`, `__Names__`: a template's placeholder.
        let trimmed = text.trim().trim_matches(['_', '*']).trim();
        let placeholder = ["name", "names", "name(s)"]
            .iter()
            .any(|w| trimmed.eq_ignore_ascii_case(w));
        if placeholder {
            return;
        }
        // A sentence is no name, in a list or not; a long line or one with a
        // colon outside a list is prose too.
        let prose = (bare && (trimmed.len() > 80 || trimmed.contains(':')))
            || (trimmed.ends_with(['.', '!', '?']) && !attendee::ends_with_initial(trimmed))
            || trimmed.ends_with(['…'])
            || trimmed.ends_with("..")
            || ["tbd", "none", "n/a", "-", "..."]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(trimmed));
        if prose {
            return;
        }
        self.push_attendee(line, item, scanned);
    }

    /// Reads the attendee on `text` (the source of `item`) with its handles;
    /// `scanned` as for [`Builder::attendee_line`].
    fn push_attendee(&mut self, text: Span, item: Span, scanned: bool) {
        if !scanned {
            self.scan_handles(text);
        }
        let handles = &self.scratch.handles;
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
    fn attendee_children(&mut self, children: &[Item<'a>]) {
        let mut groups = Vec::new();
        for child in children {
            let Some(text) = self.text_span(&child.text) else {
                continue;
            };
            if !child.children.is_empty() && attendee::is_group(self.text(text)) {
                groups.push(child);
                continue;
            }
            self.attendee_child(text, child.span);
        }
        for child in groups.into_iter().flat_map(|g| g.children.iter()) {
            if let Some(text) = self.text_span(&child.text) {
                self.attendee_child(text, child.span);
            }
        }
    }

    /// One child of an attendees label: a person, or `Team: a, b`.
    fn attendee_child(&mut self, text: Span, item: Span) {
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

    /// Where `text`, a string borrowed from the input, is in it; `None` for
    /// text joined from several lines.
    // The `Cow` is matched to borrow slices of the input for `'a`.
    #[allow(clippy::ptr_arg)]
    fn text_span(&self, text: &Cow<'a, str>) -> Option<Span> {
        let Cow::Borrowed(text) = text else {
            return None;
        };
        let start = (text.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        let end = start + text.len();
        (end <= self.input.len()).then(|| Span::new(start, end))
    }

    /// Adds an attendee unless one with the same handle (or name, when
    /// without a handle) is already listed, compared case-insensitively: a
    /// person listed twice (two days' roll calls) attends once.
    fn add_attendee(&mut self, found: Attendee<'a>) {
        let key = match found.handle.as_ref().unwrap_or(&found.name) {
            Cow::Borrowed(key) => Folded::new(key),
            Cow::Owned(key) => Folded::new_owned(key.to_lowercase()),
        };
        if self.attendee_keys.insert(key) {
            self.meeting.attendees.push(found);
        }
    }

    /// `Wenkai yin@VMware, Fanjian kong@Qihoo360, …`: one attendee each.
    fn attendee_list(&mut self, value: Span) {
        let mut start = value.start;
        for part in self.text(value).split(',') {
            let span = Span::new(start, start + part.len());
            start = span.end + 1;
            let lead = part.len() - part.trim_start().len();
            let span = Span::new(span.start + lead, span.start + part.trim_end().len());
            if !span.is_empty() {
                self.push_attendee(span, span, false);
            }
        }
    }

    /// Scans `span` into the scratch, which then holds its handles.
    fn scan_handles(&mut self, span: Span) {
        let found = &mut self.scratch;
        found.handles.clear();
        found.references.clear();
        let context = Context {
            repo: None,
            definitions: &self.definitions,
        };
        scan_with(self.input, span, &context, found);
    }

    /// Reads `input[span]` for date lines: in the preamble for the meeting
    /// date, further on for a `Date & Time:` line that gives the time of day.
    /// The tests that settle most blocks are inlined; the reading is not.
    #[inline]
    fn date_lines(&mut self, span: Span) {
        if self.in_preamble() {
            if self.date_line.is_none() {
                self.preamble_date(span);
            }
        } else if self.timed_line.is_none()
            && self.current_kind() != Some(SectionKind::NextMeeting)
            && may_have_date_key(
                self.input
                    .as_bytes()
                    .get(span.start..span.end)
                    .unwrap_or_default(),
            )
        {
            self.timed_date(span);
        }
    }

    #[inline(never)]
    fn preamble_date(&mut self, span: Span) {
        self.date_line = self.date_line(span);
    }

    #[inline(never)]
    fn timed_date(&mut self, span: Span) {
        self.timed_line = self.keyed_date(span).filter(|dated| dated.time.is_some());
    }

    /// The first line of a block when it has a `Date` key. The search for a
    /// timed date line goes on through the whole note, so it only glances
    /// at the start of each block.
    fn keyed_date(&mut self, span: Span) -> Option<Dated<'a>> {
        let text = self.text(span);
        if !may_have_date_key(text.as_bytes()) {
            return None;
        }
        let key = text.trim_start_matches(is_key_decoration);
        if !has_date_key(key) {
            return None;
        }
        let line = bytes::split_lines(key).next().map_or(key, |(_, line)| line);
        self.found_date(line, span.start + (text.len() - key.len()))
    }

    /// A line such as `Date: 2025-11-25`, `* Meeting date: 2020-11-02`, or
    /// one that starts with a date: `Thursday June 25, 2020 (10:00 AM PT)`.
    fn date_line(&mut self, span: Span) -> Option<Dated<'a>> {
        let text = self.text(span);
        for (offset, line) in bytes::split_lines(text) {
            let key = line.trim_start_matches(is_key_decoration);
            let start = span.start + offset + (line.len() - key.len());
            let found = if has_date_key(key) {
                self.found_date(key, start)
            } else {
                self.leading_date(key, start)
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// A date at the start of `text` (after a weekday name, if any), so that
    /// prose that merely mentions a date further on does not date the meeting.
    fn leading_date(&mut self, text: &'a str, offset: usize) -> Option<Dated<'a>> {
        let body = text.trim_end();
        let weekday = date::weekday_prefix(body);
        let rest = body.get(weekday..)?;
        let year_hint = self.options.date_hint.map(|d| d.year());
        let found = date::date_at(rest, 0, offset + weekday, year_hint)?;
        self.dated(found)
    }

    /// The next meeting from a paragraph or item of its section: the first
    /// date wins, and a host comes from `Host: @x` or `… Host by @x`.
    fn next_meeting(&mut self, text: Cow<'a, str>, span: Span) {
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

    fn close_item(&mut self, end: usize) {
        let Some(open) = self.items.pop() else {
            return;
        };
        let first_text = open.text.first().copied();
        let mut item = self.finish_item(open, end);
        if let Some(parent) = self.items.last_mut() {
            if parent.children.capacity() == 0 {
                parent.children = self.spare_items.pop().unwrap_or_default();
            }
            parent.children.push(item);
            return;
        }
        if let Some(span) = first_text {
            self.date_lines(span);
            if self.current_kind() == Some(SectionKind::NextMeeting) {
                self.next_meeting(item.text.clone(), span);
            }
        }
        // The items of a list under `Action items:` are actions by their place.
        item.action |= self.label == Some(SectionKind::Actions);
        match self.sections.last_mut() {
            Some(open) => open.section.items.push(item),
            None => self.meeting.items.push(item),
        }
    }

    fn finish_item(&mut self, mut open: OpenItem<'a>, end: usize) -> Item<'a> {
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

        let found = &mut self.scratch;
        found.handles.clear();
        found.references.clear();
        // Short references are resolved at the end (see `context`).
        let context = Context {
            repo: None,
            definitions: &self.definitions,
        };
        for &span in &open.text {
            // Most runs of prose name nothing: a cheap test skips them.
            let text = self.input.as_bytes().get(span.start..span.end);
            if text.is_some_and(may_find) {
                scan_with(self.input, span, &context, found);
            }
        }

        let handles = &found.handles;
        let (mentions, teams) = mentions_and_teams(handles);
        // The leading owners, then the trailing ones.
        let (logins, tags) = (&mut self.logins, &mut self.tags);
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
        self.unresolved |= found.references.iter().any(|r| r.owner.is_none());
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
        self.spare_text.push(open.text);
        Item {
            text,
            task,
            owners,
            owner_names: Vec::new(),
            mentions,
            teams,
            references,
            tags,
            children: self.exact(open.children),
            span,
            action: is_action && !label,
        }
    }

    /// The items of `buffer` in a vector of their exact size; the emptied
    /// buffer goes back to the spares.
    #[inline]
    fn exact(&mut self, buffer: Vec<Item<'a>>) -> Vec<Item<'a>> {
        // Most items never had a child, nor a buffer for them.
        if buffer.capacity() == 0 {
            return buffer;
        }
        self.exact_copy(buffer)
    }

    #[inline(never)]
    fn exact_copy(&mut self, mut buffer: Vec<Item<'a>>) -> Vec<Item<'a>> {
        if buffer.is_empty() {
            self.spare_items.push(buffer);
            return Vec::new();
        }
        let mut items = Vec::with_capacity(buffer.len());
        items.append(&mut buffer);
        self.spare_items.push(buffer);
        items
    }

    /// The task a checkbox makes in the dialect of the options, if any.
    fn task(&mut self, checkbox: Checkbox) -> Option<Task<'a>> {
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

    fn finish(mut self) -> Meeting<'a> {
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        self.close_sections(1);
        if self.unresolved {
            context::resolve(
                &mut self.meeting,
                &self.contexts,
                self.default_repo.as_ref(),
            );
        }
        actions::mark(&mut self.meeting, &self.speakers);
        self.meeting.title = self.title.map(|(span, _)| Cow::Borrowed(self.text(span)));
        let title_date = self.title.and_then(|(span, _)| {
            let text = self.text(span);
            self.found_date(text, span.start)
        });
        let date_line = self.date_line.take();
        let front_matter_date = self.front_matter_date.take();
        let heading_date = self.heading_date.take();
        let hint = self.options.date_hint;
        // A title without a year (`Sync, March 5`) takes the year of another
        // date of the note.
        let title_date = title_date.or_else(|| {
            let other = [&date_line, &front_matter_date, &heading_date]
                .into_iter()
                .flatten()
                .next()?;
            let (span, _) = self.title?;
            let found = date::find_date(self.text(span), span.start, Some(other.date.year()))?;
            Some(Dated {
                date: found.date.ok()?,
                span: found.span,
                time: found.time,
            })
        });
        let mut document_date = title_date
            .or_else(|| date_line.clone())
            .or(front_matter_date)
            .or(heading_date);
        // A title rarely has a time; a `Date & Time:` line of the same day does.
        if let Some(dated) = document_date.as_mut().filter(|d| d.time.is_none()) {
            dated.time = [&date_line, &self.timed_line]
                .into_iter()
                .flatten()
                .find(|line| line.date == dated.date)
                .and_then(|line| line.time.clone());
        }
        if let (Some(&Dated { date, span, .. }), Some(hint)) = (document_date.as_ref(), hint) {
            if date != hint {
                self.meeting.diagnostics.push(Diagnostic::new(
                    Code::DateMismatch,
                    span,
                    format!(
                        "the note says {}, but the caller's date is {}",
                        self.text(span),
                        hint
                    ),
                ));
            }
        }
        self.meeting.time = document_date.as_ref().and_then(|d| d.time.clone());
        self.meeting.date = document_date.map(|d| d.date).or(hint);
        self.meeting
            .diagnostics
            .sort_by_key(|d| (d.span.start, d.span.end));
        self.meeting
    }
}

/// The lines of `input[span]`, without line endings, each trimmed.
fn lines(input: &str, span: Span) -> Lines<'_> {
    Lines {
        text: input.get(span.start..span.end).unwrap_or_default(),
        base: span.start,
        pos: 0,
        done: false,
    }
}

/// The iterator of [`lines`]: `str::split('\n')` with each line trimmed,
/// for every line ending (`\n`, `\r\n`, a lone `\r`), found by the
/// vectorized byte search.
struct Lines<'a> {
    text: &'a str,
    /// Where `text` starts in the input.
    base: usize,
    /// Where the next line starts in `text`.
    pos: usize,
    done: bool,
}

impl Lines<'_> {
    /// Where the next line starts in the input (the end once done).
    fn offset(&self) -> usize {
        if self.done {
            self.base + self.text.len()
        } else {
            self.base + self.pos
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        if self.done {
            return None;
        }
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let (len, next) = match bytes::find_line_end(rest.as_bytes()) {
            Some(end) => end,
            None => {
                self.done = true;
                (rest.len(), rest.len())
            }
        };
        let line = rest.get(..len).unwrap_or_default();
        let start = self.base + self.pos;
        self.pos += next;
        let end = start + bytes::trim_end(line).len();
        let lead = line.len() - bytes::trim_start(line).len();
        Some(Span::new((start + lead).min(end), end))
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

/// What may come before a `Date:` key: list marks, emphasis, quote marks.
fn is_key_decoration(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_' | '-' | '>')
}

/// Whether `text` may start with a date key after its decoration: the
/// first other byte is a `d` or `m`, or not ASCII (then the slow way).
#[inline]
fn may_have_date_key(text: &[u8]) -> bool {
    text.iter()
        .copied()
        .find(|b| !matches!(b, b' ' | 9..=13 | b'*' | b'_' | b'-' | b'>'))
        .is_some_and(|b| !b.is_ascii() || matches!(b | 0x20, b'd' | b'm'))
}

/// `Date:`, `Date & Time:`, `Meeting date:` (case-insensitive, colon optional).
fn has_date_key(text: &str) -> bool {
    ["date", "meeting date"].iter().any(|word| {
        text.get(..word.len())
            .is_some_and(|k| k.eq_ignore_ascii_case(word))
    })
}

/// Joins paragraph runs into one text: borrowed when the source already reads
/// that way (one run, `verbatim` as the block layer found it), owned with
/// indentation and `\r` removed when it does not.
#[inline]
fn join_lines<'a>(input: &'a str, spans: &[Span], verbatim: bool) -> Cow<'a, str> {
    let text = |span: &Span| input.get(span.start..span.end).unwrap_or_default();
    match spans {
        [] => Cow::Borrowed(""),
        [one] if verbatim => Cow::Borrowed(text(one)),
        many => Cow::Owned(joined(many.iter().map(text))),
    }
}

#[inline(never)]
fn joined<'a>(parts: impl Iterator<Item = &'a str> + Clone) -> String {
    // One allocation: the parts and a newline between each two hold all
    // that is kept.
    let size = parts.clone().map(|part| part.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(size.saturating_sub(1));
    for (i, part) in parts.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut rest = part;
        let mut first = true;
        loop {
            let (line, next) = match bytes::find_line_end(rest.as_bytes()) {
                Some((end, next)) => (rest.get(..end).unwrap_or_default(), rest.get(next..)),
                None => (rest, None),
            };
            if !first {
                out.push('\n');
            }
            out.push_str(if first { line } else { bytes::trim_start(line) });
            first = false;
            match next {
                Some(next) => rest = next,
                None => break,
            }
        }
    }
    out
}

/// The references, mentions and teams of one block of text.
#[derive(Default)]
struct Found<'a> {
    references: Vec<Reference<'a>>,
    mentions: Vec<Cow<'a, str>>,
    teams: Vec<Cow<'a, str>>,
}

/// Where the text of a paragraph starts after its leading link reference
/// definitions (`[label]: url` lines; footnotes `[^1]:` are text).
fn after_definitions(input: &str, span: Span) -> usize {
    // The block layer's spans start at the text.
    if input.as_bytes().get(span.start) != Some(&b'[') {
        return span.start;
    }
    let mut rest = lines(input, span);
    let mut start = span.start;
    while let Some(line) = rest.next() {
        let text = input.get(line.start..line.end).unwrap_or_default();
        let is_definition = text
            .strip_prefix('[')
            .filter(|label| !label.starts_with('^'))
            .and_then(|label| label.split_once(']'))
            .is_some_and(|(label, after)| !label.is_empty() && after.starts_with(':'));
        if !is_definition {
            break;
        }
        start = rest.offset();
    }
    start.min(span.end)
}

/// The model's kind of a paragraph the block layer found.
fn block_kind(kind: ParagraphKind) -> BlockKind {
    match kind {
        ParagraphKind::Plain => BlockKind::Paragraph,
        ParagraphKind::Quote => BlockKind::Quote,
        ParagraphKind::Table => BlockKind::Table,
    }
}

/// The distinct user and team handles, in order.
#[inline(always)]
fn mentions_and_teams<'a>(handles: &[Handle<'a>]) -> (Vec<Cow<'a, str>>, Vec<Cow<'a, str>>) {
    // Most blocks have none: only that test is inlined.
    if handles.is_empty() {
        return (Vec::new(), Vec::new());
    }
    distinct_handles(handles)
}

#[inline(never)]
fn distinct_handles<'a>(handles: &[Handle<'a>]) -> (Vec<Cow<'a, str>>, Vec<Cow<'a, str>>) {
    let teams = handles.iter().filter_map(|h| match h.token {
        HandleToken::Team(team) => Some(team),
        HandleToken::User(_) => None,
    });
    (unique(users(handles)), unique(teams))
}

/// The logins of the user handles, in order.
fn users<'a, 'h>(handles: &'h [Handle<'a>]) -> impl Iterator<Item = &'a str> + Clone + 'h {
    handles.iter().filter_map(|h| match h.token {
        HandleToken::User(login) => Some(login),
        HandleToken::Team(_) => None,
    })
}

/// `text.to_lowercase()` as a set key, in place when it is short: names
/// and handles are, and most have capitals. One content has one form, so
/// the derived comparison and hash are those of the text.
#[derive(PartialEq, Eq)]
enum Folded<'a> {
    Short { len: u8, bytes: [u8; Folded::SHORT] },
    Long(Cow<'a, str>),
}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The text's bytes, in one write.
        let bytes = match self {
            Folded::Short { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Folded::Long(text) => text.as_bytes(),
        };
        state.write(bytes);
    }
}

impl<'a> Folded<'a> {
    const SHORT: usize = 32;

    fn new(text: &'a str) -> Self {
        if !text.is_ascii() {
            return Self::new_owned(text.to_lowercase());
        }
        if text.len() > Self::SHORT {
            return Self::Long(if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            });
        }
        let mut bytes = [0; Self::SHORT];
        for (to, from) in bytes.iter_mut().zip(text.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        Self::Short {
            len: text.len() as u8,
            bytes,
        }
    }

    /// From text already in lowercase.
    fn new_owned(lower: String) -> Self {
        match lower.as_bytes() {
            short if short.len() <= Self::SHORT => {
                let mut bytes = [0; Self::SHORT];
                for (to, &from) in bytes.iter_mut().zip(short) {
                    *to = from;
                }
                Self::Short {
                    len: short.len() as u8,
                    bytes,
                }
            }
            _ => Self::Long(Cow::Owned(lower)),
        }
    }
}

/// Distinct [`Folded`] keys: a list searched linearly while short (most
/// notes name a few attendees, and a hash of each costs more than the
/// comparisons), a hash set beyond [`LINEAR_LIMIT`].
#[derive(Default)]
struct KeySet<'a> {
    list: Vec<Folded<'a>>,
    set: Option<HashSet<Folded<'a>>>,
}

impl<'a> KeySet<'a> {
    /// Adds `key`; whether it was new.
    fn insert(&mut self, key: Folded<'a>) -> bool {
        if let Some(set) = &mut self.set {
            return set.insert(key);
        }
        if self.list.contains(&key) {
            return false;
        }
        if self.list.len() < LINEAR_LIMIT {
            // One allocation for the whole list.
            self.list.reserve_exact(LINEAR_LIMIT - self.list.len());
            self.list.push(key);
            return true;
        }
        let mut set = HashSet::with_capacity(4 * LINEAR_LIMIT);
        set.extend(self.list.drain(..));
        set.insert(key);
        self.list = Vec::new();
        self.set = Some(set);
        true
    }
}

/// Lists this long switch from a linear search to a hash set.
const LINEAR_LIMIT: usize = 16;

/// The distinct logins (compared case-insensitively), first spelling kept.
fn unique<'a>(logins: impl Iterator<Item = &'a str> + Clone) -> Vec<Cow<'a, str>> {
    // One allocation, of the exact size unless a login repeats; a long
    // list (a hostile run of one handle) grows as needed instead, so that
    // its repeats reserve nothing.
    let count = logins.clone().count();
    if count == 0 {
        return Vec::new();
    }
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(count.min(LINEAR_LIMIT));
    // Most items have a handful of handles; a set only pays off beyond that.
    let mut seen: Option<HashSet<String>> = None;
    for login in logins {
        let new = match &mut seen {
            Some(set) => set.insert(login.to_ascii_lowercase()),
            None => !out.iter().any(|l| l.eq_ignore_ascii_case(login)),
        };
        if new {
            out.push(Cow::Borrowed(login));
            if seen.is_none() && out.len() >= LINEAR_LIMIT {
                seen = Some(out.iter().map(|l| l.to_ascii_lowercase()).collect());
            }
        }
    }
    if count > LINEAR_LIMIT {
        out.shrink_to_fit();
    }
    out
}

/// Keeps the first of each target, in order. Once short references are
/// resolved (`resolved`), a `#N` that no repository resolves is dropped
/// when the block also links issue N of a repository:
/// `#63599 [](https://github.com/rust-lang/rust/issues/63599)` is one issue.
fn dedup_references<'a>(found: &mut Vec<Reference<'a>>, resolved: bool) -> Vec<Reference<'a>> {
    let numbered = |r: &Reference<'_>| r.owner.is_some().then_some(r.number).flatten();
    if resolved && found.iter().any(|r| r.owner.is_none() && r.repo.is_none()) {
        let mut resolved: Vec<u64> = found.iter().filter_map(numbered).collect();
        resolved.sort_unstable();
        found.retain(|r| {
            r.owner.is_some()
                || r.repo.is_some()
                || r.number.is_none_or(|n| resolved.binary_search(&n).is_err())
        });
    }
    let mut out: Vec<Reference<'a>> = Vec::with_capacity(found.len());
    if found.len() <= LINEAR_LIMIT {
        for reference in found.drain(..) {
            if !out.iter().any(|r| r.same_target(&reference)) {
                out.push(reference);
            }
        }
        return out;
    }
    let mut seen = HashSet::new();
    for reference in found.drain(..) {
        let key = (
            reference.host.to_ascii_lowercase(),
            reference.owner.as_deref().map(str::to_ascii_lowercase),
            reference.repo.as_deref().map(str::to_ascii_lowercase),
            reference.number,
            reference.number.is_none().then_some(reference.kind),
        );
        if seen.insert(key) {
            out.push(reference);
        }
    }
    out
}

/// Whether a section holds nothing: no item, paragraph or subsection.
fn is_empty(section: &Section<'_>) -> bool {
    section.items.is_empty() && section.paragraphs.is_empty() && section.sections.is_empty()
}

/// Whether `text` ends with a one-letter initial such as `Alex B.`: the
/// period ends a name, not a sentence.
#[cfg(test)]
mod tests {
    use super::*;

    /// `text` split at `\n`, `\r\n` and a lone `\r`, byte by byte: each
    /// line's offset and text.
    fn naive_lines(text: &str) -> Vec<(usize, &str)> {
        let bytes = text.as_bytes();
        let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            if matches!(bytes[i], b'\n' | b'\r') {
                out.push((start, &text[start..i]));
                i += if bytes[i..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
                start = i;
            } else {
                i += 1;
            }
        }
        out.push((start, &text[start..]));
        out
    }

    /// The `str::split` form that [`lines`] replaces.
    fn split_lines(input: &str, span: Span) -> Vec<Span> {
        let text = input.get(span.start..span.end).unwrap_or_default();
        naive_lines(text)
            .into_iter()
            .map(|(offset, line)| {
                let start = span.start + offset;
                let line_span = Span::new(start, start + line.trim_end().len());
                let lead = line.len() - line.trim_start().len();
                Span::new((line_span.start + lead).min(line_span.end), line_span.end)
            })
            .collect()
    }

    /// The `str::split` form that [`joined`] replaces.
    fn split_joined(parts: &[&str]) -> String {
        let mut out = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for (j, (_, line)) in naive_lines(part).into_iter().enumerate() {
                if j > 0 {
                    out.push('\n');
                }
                out.push_str(if j > 0 { line.trim_start() } else { line });
            }
        }
        out
    }

    #[test]
    fn joined_as_split() {
        let cases: &[&[&str]] = &[
            &[],
            &[""],
            &["", ""],
            &["a\r\n  b\r", "\n"],
            &["a\r  b\r\r\n c\n\rd"],
            &[" x\n\u{a0} y\n\t\u{2003}z \r\n", "  w\nv"],
            &["one line that is longer than a chunk of thirty-two bytes\n   and more"],
        ];
        for parts in cases {
            assert_eq!(
                joined(parts.iter().copied()),
                split_joined(parts),
                "{parts:?}"
            );
        }
    }

    #[test]
    fn key_set_past_the_linear_limit() {
        let names: Vec<String> = (0..3 * LINEAR_LIMIT).map(|i| format!("Name{i}")).collect();
        let upper: Vec<String> = names.iter().map(|n| n.to_uppercase()).collect();
        let mut keys = KeySet::default();
        for (name, upper) in names.iter().zip(&upper) {
            assert!(keys.insert(Folded::new(name)), "{name}");
            assert!(!keys.insert(Folded::new(upper)), "{name}");
        }
        for name in &names {
            assert!(!keys.insert(Folded::new(name)), "{name}");
        }
    }

    #[test]
    fn lines_as_split_and_trim() {
        let texts = [
            "",
            "\n",
            "a",
            " a \r\n\tb\x0b\n\n  \n",
            "\u{a0}x\u{2003}\n\u{85} y \u{a0}",
            "  long line of prose that goes past one chunk of thirty-two bytes  \r\nnext",
            "é\n  ü  \n\u{3000}",
            "a\rb \r\r\n c\n\r\r",
        ];
        for input in texts {
            for start in 0..=input.len() {
                for end in start..=input.len() + 1 {
                    let span = Span::new(start, end);
                    let ours: Vec<Span> = lines(input, span).collect();
                    assert_eq!(ours, split_lines(input, span), "{input:?} {start}..{end}");
                }
            }
        }
    }
}
