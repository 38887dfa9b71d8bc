//! The semantic layer: blocks into a [`Meeting`].
//!
//! [`Builder`] receives blocks from the block layer as they complete. It keeps
//! a stack of open sections (at most six, one per heading level) and a stack
//! of open list items (bounded by the block layer's depth limit); each item is
//! finished, scanned for inlines and attached to its parent when it closes.
//! Sections are classified from their heading words; attendees, owners, the
//! meeting date and the next meeting are read here.

mod attendee;
mod heading;
mod owners;

use std::borrow::Cow;
use std::collections::HashSet;

use time::Date;

use crate::block::{find_either, parse_blocks, Block, Checkbox, Sink};
use crate::diagnostic::{Code, Diagnostic};
use crate::inline::handle::HandleToken;
use crate::inline::{date, scan, Inlines, RepoContext};
use crate::model::{
    Item, Meeting, NextMeeting, Reference, Section, SectionKind, Span, Task, TaskState,
    SCHEMA_VERSION,
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
            attendees: Vec::new(),
            sections: Vec::new(),
            items: Vec::new(),
            paragraphs: Vec::new(),
            next_meeting: None,
            diagnostics: Vec::new(),
            span: Span::new(0, input.len()),
        },
        sections: Vec::new(),
        items: Vec::new(),
        default_repo,
        scratch: Inlines::default(),
        spare_text: Vec::new(),
        spare_items: Vec::new(),
        headings_seen: 0,
        title: None,
        date_line: None,
        front_matter_date: None,
        last_end: 0,
    };
    parse_blocks(input, options.max_depth, &mut builder);
    builder.finish()
}

/// A section under construction, with the repository its headings name.
struct OpenSection<'a> {
    section: Section<'a>,
    repo: Option<RepoContext<'a>>,
}

/// A list item under construction.
struct OpenItem<'a> {
    start: usize,
    checkbox: Option<Checkbox>,
    /// Paragraph runs of the item's own text, in order.
    text: Vec<Span>,
    children: Vec<Item<'a>>,
}

/// A date and where it came from.
type Dated = (Date, Span);

struct Builder<'a, 'o> {
    input: &'a str,
    options: &'o Options,
    meeting: Meeting<'a>,
    sections: Vec<OpenSection<'a>>,
    items: Vec<OpenItem<'a>>,
    default_repo: Option<RepoContext<'a>>,
    /// Reused between items so that scanning allocates only what it keeps.
    scratch: Inlines<'a>,
    /// Emptied `OpenItem::text` vectors, reused so that an item's text
    /// spans cost no allocation (one per item otherwise).
    spare_text: Vec<Vec<Span>>,
    /// Buffers that collect the items of open sections and items; each list
    /// is copied out at its close in one allocation of its exact size,
    /// instead of growing (and copying) push by push.
    spare_items: Vec<Vec<Item<'a>>>,
    headings_seen: usize,
    /// The title heading's text, and whether it is an H1.
    title: Option<(Span, bool)>,
    date_line: Option<Dated>,
    front_matter_date: Option<Dated>,
    last_end: usize,
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
            } => {
                while self.items.len() > depth {
                    self.close_item(self.last_end);
                }
                let text = self.spare_text.pop().unwrap_or_default();
                self.items.push(OpenItem {
                    start,
                    checkbox,
                    text,
                    children: self.spare_items.pop().unwrap_or_default(),
                });
            }
            Block::ItemEnd { end } => {
                self.close_item(end);
                self.last_end = self.last_end.max(end);
            }
            Block::Paragraph { span, in_item } => {
                match self.items.last_mut() {
                    Some(item) if in_item => item.text.push(span),
                    _ => self.paragraph(span),
                }
                self.last_end = span.end;
            }
            Block::Code { span } | Block::Break { span } => self.last_end = span.end,
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

    /// Whether a `Date:` line here dates the meeting: before any heading but
    /// the title.
    fn in_preamble(&self) -> bool {
        self.headings_seen <= 1 && self.current_kind() != Some(SectionKind::NextMeeting)
    }

    fn front_matter(&mut self, body: Span) {
        let text = self.text(body);
        let mut offset = body.start;
        for line in text.split_inclusive('\n') {
            if let Some(value) = line.strip_prefix("date:") {
                self.front_matter_date = self.found_date(value, offset + 5);
                break;
            }
            offset += line.len();
        }
    }

    /// The first date in `text` (at `offset`); an impossible one becomes a
    /// diagnostic.
    fn found_date(&mut self, text: &str, offset: usize) -> Option<Dated> {
        let (date, span) = date::find_date(text, offset)?;
        match date {
            Ok(date) => Some((date, span)),
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

    fn heading(&mut self, level: u8, text: Span, span: Span) {
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        self.close_sections(level);
        self.headings_seen += 1;
        let is_h1 = level == 1;
        // The first H1 is the title; until there is one, the first heading.
        if self.title.is_none() || (is_h1 && !matches!(self.title, Some((_, true)))) {
            self.title = Some((text, is_h1));
        }

        let heading = self.text(text);
        let (kind, own_status) = heading::classify(heading);
        let parent = self.sections.last();
        let status = own_status.or_else(|| parent.and_then(|p| p.section.status));
        let repo = heading::repository(heading)
            .map(|(owner, repo)| RepoContext {
                owner: Cow::Borrowed(owner),
                repo: Cow::Borrowed(repo),
            })
            .or_else(|| parent.and_then(|p| p.repo.clone()));
        self.sections.push(OpenSection {
            section: Section {
                heading: Cow::Borrowed(heading),
                level,
                kind,
                status,
                items: self.spare_items.pop().unwrap_or_default(),
                paragraphs: Vec::new(),
                sections: Vec::new(),
                span,
            },
            repo,
        });
    }

    /// Closes open sections at `level` or deeper.
    fn close_sections(&mut self, level: u8) {
        while self
            .sections
            .last()
            .is_some_and(|s| s.section.level >= level)
        {
            if let Some(mut open) = self.sections.pop() {
                open.section.span.end = self.last_end.max(open.section.span.end);
                open.section.items = self.exact(std::mem::take(&mut open.section.items));
                match self.sections.last_mut() {
                    Some(parent) => parent.section.sections.push(open.section),
                    None => self.meeting.sections.push(open.section),
                }
            }
        }
    }

    fn paragraph(&mut self, span: Span) {
        let text = join_lines(self.input, &[span]);
        if self.in_preamble() && self.date_line.is_none() {
            self.date_line = self.date_line(span);
        }
        if self.current_kind() == Some(SectionKind::NextMeeting) {
            self.next_meeting(text.clone(), span);
        }
        match self.sections.last_mut() {
            Some(open) => open.section.paragraphs.push(text),
            None => self.meeting.paragraphs.push(text),
        }
    }

    /// A line such as `Date: 2025-11-25` or `* Meeting date: 2020-11-02`.
    fn date_line(&mut self, span: Span) -> Option<Dated> {
        let text = self.text(span);
        let mut offset = span.start;
        for line in text.split_inclusive('\n') {
            let key = line.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '*' | '_' | '-' | '>')
            });
            let lower = key.get(..12).unwrap_or(key).to_ascii_lowercase();
            if lower.starts_with("date") || lower.starts_with("meeting date") {
                let start = offset + (line.len() - key.len());
                if let Some(found) = self.found_date(key, start) {
                    return Some(found);
                }
            }
            offset += line.len();
        }
        None
    }

    fn next_meeting(&mut self, text: Cow<'a, str>, span: Span) {
        let has_date = self
            .meeting
            .next_meeting
            .as_ref()
            .is_some_and(|n| n.date.is_some());
        if has_date {
            return;
        }
        let date = self.found_date(self.text(span), span.start).map(|(d, _)| d);
        if self.meeting.next_meeting.is_none() || date.is_some() {
            self.meeting.next_meeting = Some(NextMeeting { date, text, span });
        }
    }

    fn close_item(&mut self, end: usize) {
        let Some(open) = self.items.pop() else {
            return;
        };
        let first_text = open.text.first().copied();
        let item = self.finish_item(open, end);
        if let Some(parent) = self.items.last_mut() {
            parent.children.push(item);
            return;
        }
        if let Some(span) = first_text {
            if self.in_preamble() && self.date_line.is_none() {
                self.date_line = self.date_line(span);
            }
            if self.current_kind() == Some(SectionKind::NextMeeting) {
                self.next_meeting(item.text.clone(), span);
            }
        }
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

        let repo = self
            .sections
            .last()
            .and_then(|s| s.repo.as_ref())
            .or(self.default_repo.as_ref());
        let mut found = std::mem::take(&mut self.scratch);
        found.handles.clear();
        found.references.clear();
        for &span in &open.text {
            scan(self.input, span, repo, &mut found);
        }

        let trailer = open
            .text
            .last()
            .map(|&span| owners::trailer(self.input, span, &found.handles))
            .unwrap_or_default();

        let users = found.handles.iter().filter_map(|h| match h.token {
            HandleToken::User(login) => Some(login),
            HandleToken::Team(_) => None,
        });
        let mentions = unique(users);
        let teams = unique(found.handles.iter().filter_map(|h| match h.token {
            HandleToken::Team(team) => Some(team),
            HandleToken::User(_) => None,
        }));
        let owners = unique(trailer.owners.into_iter());

        let span = Span::new(open.start, end.max(open.start));
        if self.current_kind() == Some(SectionKind::Attendees) && self.items.is_empty() {
            if let Some(&first) = open.text.first() {
                let attendee = attendee::attendee(
                    self.input,
                    first,
                    span,
                    &found.handles,
                    &mut self.meeting.diagnostics,
                );
                self.meeting.attendees.extend(attendee);
            }
        }

        let references = dedup_references(&mut found.references);
        self.scratch = found;
        let text = join_lines(self.input, &open.text);
        open.text.clear();
        self.spare_text.push(open.text);
        Item {
            text,
            task,
            owners,
            mentions,
            teams,
            references,
            tags: trailer.tags.into_iter().map(Cow::Borrowed).collect(),
            children: self.exact(open.children),
            span,
        }
    }

    /// The items of `buffer` in a vector of their exact size; the emptied
    /// buffer goes back to the spares.
    fn exact(&mut self, mut buffer: Vec<Item<'a>>) -> Vec<Item<'a>> {
        let mut items = Vec::with_capacity(buffer.len());
        items.append(&mut buffer);
        self.spare_items.push(buffer);
        items
    }

    fn task(&mut self, checkbox: Checkbox) -> Option<Task<'a>> {
        let marker = self.text(checkbox.marker);
        let state = match marker {
            " " => TaskState::Open,
            "x" | "X" => TaskState::Done,
            _ if self.options.task_dialect == TaskDialect::Gfm => return None,
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
            m if m.chars().all(|c| c.is_alphanumeric()) => return None,
            _ => TaskState::Other,
        };
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
        self.meeting.title = self.title.map(|(span, _)| Cow::Borrowed(self.text(span)));
        let title_date = self.title.and_then(|(span, _)| {
            let text = self.text(span);
            self.found_date(text, span.start)
        });
        let document_date = title_date.or(self.date_line).or(self.front_matter_date);
        let hint = self.options.date_hint;
        if let (Some((date, span)), Some(hint)) = (document_date, hint) {
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
        self.meeting.date = document_date.map(|(date, _)| date).or(hint);
        self.meeting
            .diagnostics
            .sort_by_key(|d| (d.span.start, d.span.end));
        self.meeting
    }
}

/// Joins paragraph runs into one text: borrowed when the source already reads
/// that way, owned with indentation and `\r` removed when it does not.
fn join_lines<'a>(input: &'a str, spans: &[Span]) -> Cow<'a, str> {
    let text = |span: &Span| input.get(span.start..span.end).unwrap_or_default();
    match spans {
        [] => Cow::Borrowed(""),
        [one] => {
            let raw = text(one);
            // Most texts are one line: one search settles them.
            let clean = find_either(raw.as_bytes(), b'\n', b'\r').is_none()
                || (!raw.contains('\r')
                    && raw
                        .split('\n')
                        .skip(1)
                        .all(|line| !line.starts_with([' ', '\t'])));
            if clean {
                Cow::Borrowed(raw)
            } else {
                Cow::Owned(joined(spans.iter().map(text)))
            }
        }
        many => Cow::Owned(joined(many.iter().map(text))),
    }
}

fn joined<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, part) in parts.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, line) in part.split('\n').enumerate() {
            if j > 0 {
                out.push('\n');
            }
            let line = line.strip_suffix('\r').unwrap_or(line);
            out.push_str(if j > 0 { line.trim_start() } else { line });
        }
    }
    out
}

/// Lists this long switch from a linear search to a hash set.
const LINEAR_LIMIT: usize = 16;

/// The distinct logins (compared case-insensitively), first spelling kept.
fn unique<'a>(logins: impl Iterator<Item = &'a str>) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::new();
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
    out
}

/// Keeps the first of each target, in order.
fn dedup_references<'a>(found: &mut Vec<Reference<'a>>) -> Vec<Reference<'a>> {
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
