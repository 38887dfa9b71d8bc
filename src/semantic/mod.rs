//! The semantic layer: blocks into a [`Meeting`].
//!
//! [`Builder`] is the assembler: it receives blocks from the block layer as
//! they complete, keeps a stack of open sections (at most six, one per
//! heading level) and a stack of open list items (bounded by the block
//! layer's depth limit), and is the only code that writes the `Meeting`.
//! Its work is split by what it assembles: sections (`sections`), paragraphs
//! and their fields (`paragraphs`), list items (`items`), attendees
//! (`roll_call`), and here the dates and the finish. What it asks of the text
//! is answered by pure readers that take text and return values: `dates`,
//! `lines` (paragraph lines and their joining), `dedup`, `metadata` (fields),
//! `heading`, `attendee`, `owners`, `names`, `actions` and `context`.

mod actions;
mod assign_shape;
mod attendee;
mod context;
mod dates;
mod dedup;
mod heading;
mod items;
mod lines;
mod metadata;
mod names;
mod owners;
mod paragraphs;
mod roll_call;
mod sections;
mod words;

use std::borrow::Cow;

use crate::block::{parse_blocks, Block, Checkbox, Flag, ParagraphKind, Sink};
use crate::diagnostic::{Code, Diagnostic};
use crate::inline::{date, Inlines, LazyDefinitions, RepoContext};
use crate::model::{
    BlockKind, Item, Meeting, Reference, Section, SectionKind, Span, SCHEMA_VERSION,
};
use crate::options::Options;

use dates::{Dated, NoteDates};
use dedup::KeySet;

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
        children_from: Vec::new(),
        resolving: Resolving {
            default_repo,
            contexts: context::Contexts::default(),
            unresolved: false,
        },
        definitions: LazyDefinitions::new(input),
        scratch: Scratch::default(),
        attendee_keys: KeySet::default(),
        headings_seen: 0,
        title: None,
        dates: NoteDates::default(),
        last_end: 0,
        label: None,
        speakers: std::collections::HashSet::new(),
    };
    parse_blocks(input, options.max_depth, &mut builder);
    builder.finish()
}

/// A section under construction, with the repository its headings name.
struct OpenSection<'a> {
    /// The section, its items aside: they are `Scratch::items` from
    /// `items_from` on while it is open.
    section: Section<'a>,
    items_from: usize,
    /// Its `paragraphs` and `paragraph_info` are those of every open
    /// section, the meeting's first, innermost last: its own from
    /// `paragraphs_from` on. They go back to the parent at its close, its
    /// own in vectors of their exact size.
    paragraphs_from: usize,
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

/// The title heading: the first H1, or until there is one the first heading.
#[derive(Clone, Copy)]
struct Title {
    span: Span,
    is_h1: bool,
}

/// What the short references (`#12`, `repo#12`) of the note need to be
/// resolved once it is read (see `context`).
struct Resolving<'a> {
    /// The caller's repository (`Options::default_repository`).
    default_repo: Option<RepoContext<'a>>,
    /// The repository of the enclosing headings, offset by offset.
    contexts: context::Contexts<'a>,
    /// A scan found a short reference without a repository.
    unresolved: bool,
}

/// Buffers reused from block to block, so that reading allocates only what
/// the model keeps.
#[derive(Default)]
struct Scratch<'a> {
    /// The handles and references of the text being scanned.
    inlines: Inlines<'a>,
    /// Emptied `OpenItem::text` vectors: an item's text spans cost no
    /// allocation (one per item otherwise).
    text: Vec<Vec<Span>>,
    /// The items of every open list, as a stack: the meeting's from 0,
    /// then those of each open section and item, innermost last (see
    /// `OpenSection::items_from` and `Builder::children_from`). A list is
    /// copied out at its close in one allocation of its exact size,
    /// instead of growing (and copying) push by push.
    items: Vec<Item<'a>>,
    /// An item's owner logins and tags before deduplication.
    logins: Vec<&'a str>,
    tags: Vec<&'a str>,
}

struct Builder<'a, 'o> {
    input: &'a str,
    options: &'o Options,
    /// The model so far: only the builder writes it.
    meeting: Meeting<'a>,
    sections: Vec<OpenSection<'a>>,
    items: Vec<OpenItem<'a>>,
    /// For each of `items`, where its children start in `Scratch::items`.
    children_from: Vec<usize>,
    resolving: Resolving<'a>,
    /// The note's link reference definitions, read when a link needs them.
    definitions: LazyDefinitions<'a>,
    scratch: Scratch<'a>,
    /// The lowercase handles (or names) of the attendees so far.
    attendee_keys: KeySet<'a>,
    headings_seen: usize,
    title: Option<Title>,
    dates: NoteDates<'a>,
    /// The end of the last block, where an item or section closed by a
    /// later block ends.
    last_end: usize,
    /// What a label paragraph (`**Members**`, `**Attendees**:`) says the
    /// lists after it hold, until the next heading or other paragraph.
    label: Option<SectionKind>,
    /// Initials written as speakers (`SYG:`) or in an attendees table's
    /// `Abbreviation` column, which name people.
    speakers: std::collections::HashSet<&'a str>,
}

impl<'a> Sink for Builder<'a, '_> {
    /// A dispatcher small enough to be inlined where the block layer
    /// reports a block: the variant is known there, and the match folds
    /// away into a direct call.
    #[inline(always)]
    fn block(&mut self, block: Block) {
        match block {
            Block::FrontMatter { body, span } => self.front_matter(body, span),
            Block::Heading { level, text, span } => self.heading_block(level, text, span),
            Block::ItemStart {
                depth,
                start,
                checkbox,
            } => self.open_item(depth, start, checkbox),
            Block::ItemEnd { end } => self.item_end(end),
            Block::Paragraph {
                span,
                in_item,
                verbatim,
                one_line,
                kind,
            } => self.paragraph_block(span, in_item, verbatim, one_line, kind),
            Block::Code { span } => self.code(span),
            Block::Break { span } => self.last_end = span.end,
        }
    }

    fn flag(&mut self, flag: Flag, span: Span) {
        self.meeting.diagnostics.push(flag_diagnostic(flag, span));
    }
}

impl<'a> Builder<'a, '_> {
    #[inline(never)]
    fn heading_block(&mut self, level: u8, text: Span, span: Span) {
        self.heading(level, text, span);
        self.last_end = span.end;
    }

    /// The innermost item closes at `end`.
    #[inline(always)]
    fn item_end(&mut self, end: usize) {
        self.close_item(end);
        self.last_end = self.last_end.max(end);
    }

    /// An item opens at `depth`, closing those at that depth or deeper.
    #[inline(always)]
    fn open_item(&mut self, depth: usize, start: usize, checkbox: Option<Checkbox>) {
        while self.items.len() > depth {
            self.close_item(self.last_end);
        }
        let text = self.scratch.text.pop().unwrap_or_default();
        self.children_from.push(self.scratch.items.len());
        self.items.push(OpenItem {
            start,
            checkbox,
            text,
            verbatim: true,
            // Given at its close, from `Scratch::items`.
            children: Vec::new(),
        });
    }

    /// A run of paragraph lines: the open item's text (a push, done where
    /// the block layer reports it), or a paragraph.
    #[inline(always)]
    fn paragraph_block(
        &mut self,
        span: Span,
        in_item: bool,
        verbatim: bool,
        one_line: bool,
        kind: ParagraphKind,
    ) {
        match self.items.last_mut() {
            Some(item) if in_item => {
                item.text.push(span);
                item.verbatim &= verbatim;
                self.last_end = span.end;
            }
            _ => self.plain_paragraph(span, verbatim, one_line, kind),
        }
    }

    #[inline(never)]
    fn plain_paragraph(&mut self, span: Span, verbatim: bool, one_line: bool, kind: ParagraphKind) {
        self.paragraph(span, verbatim, one_line, block_kind(kind));
        self.last_end = span.end;
    }

    #[inline(never)]
    fn code(&mut self, span: Span) {
        if self.context() == Some(SectionKind::Attendees) {
            // An HTML `<table>` of the people, with presence marks.
            for found in attendee::html_table(self.input, span) {
                self.add_attendee(found);
            }
        }
        self.last_end = span.end;
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

    #[inline(never)]
    fn front_matter(&mut self, body: Span, span: Span) {
        if let Some((value, offset)) = dates::front_matter_value(self.text(body)) {
            self.dates.front_matter = self.found_date(value, body.start + offset);
        }
        self.last_end = span.end;
    }

    /// The first date in `text` (at `offset`); an impossible one becomes a
    /// diagnostic.
    fn found_date(&mut self, text: &'a str, offset: usize) -> Option<Dated<'a>> {
        let found = date::find_date(text, offset, self.year_hint())?;
        self.dated(found)
    }

    /// The year of the caller's date, which a date without one takes.
    fn year_hint(&self) -> Option<i32> {
        self.options.date_hint.map(|d| d.year())
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

    /// Reads `input[span]` for date lines: in the preamble for the meeting
    /// date, further on for a `Date & Time:` line that gives the time of day.
    /// Every paragraph and top-level item passes here and few hold a date
    /// line: the tests here settle most before any line is read.
    #[inline]
    fn date_lines(&mut self, span: Span) {
        if self.in_preamble() {
            if self.dates.line.is_none() {
                self.preamble_date(span);
            }
        } else if self.dates.timed_line.is_none()
            && self.current_kind() != Some(SectionKind::NextMeeting)
            && dates::may_have_date_key(
                self.input
                    .as_bytes()
                    .get(span.start..span.end)
                    .unwrap_or_default(),
            )
        {
            self.timed_date(span);
        }
    }

    /// The first valid date of a preamble block's lines dates the meeting.
    #[inline(never)]
    fn preamble_date(&mut self, span: Span) {
        let year_hint = self.year_hint();
        for found in dates::line_dates(self.text(span), span.start, year_hint) {
            if let Some(dated) = self.dated(found) {
                self.dates.line = Some(dated);
                return;
            }
        }
    }

    /// A `Date & Time:` line past the preamble counts for its time of day.
    #[inline(never)]
    fn timed_date(&mut self, span: Span) {
        self.dates.timed_line = self.keyed_date(span).filter(|dated| dated.time.is_some());
    }

    /// The date of the first line of a block when it has a `Date` key.
    fn keyed_date(&mut self, span: Span) -> Option<Dated<'a>> {
        let (line, offset) = dates::keyed_line(self.text(span))?;
        self.found_date(line, span.start + offset)
    }

    fn finish(mut self) -> Meeting<'a> {
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        self.close_sections(1);
        // The meeting's items are all the stack holds now: taken whole (a
        // list of a million items would be in memory twice while copied),
        // the spare room given back.
        let mut items = std::mem::take(&mut self.scratch.items);
        items.shrink_to_fit();
        self.meeting.items = items;
        if self.resolving.unresolved {
            context::resolve(
                &mut self.meeting,
                &self.resolving.contexts,
                self.resolving.default_repo.as_ref(),
            );
        }
        actions::mark(&mut self.meeting, &self.speakers);
        let title = self.title.map(|title| title.span);
        self.meeting.title = title.map(|span| Cow::Borrowed(self.text(span)));
        let title_date = title
            .and_then(|span| self.found_date(self.text(span), span.start))
            .or_else(|| {
                // A title without a year (`Sync, March 5`) takes the year of
                // another date of the note.
                let span = title?;
                dates::title_in_year(self.text(span), span.start, self.dates.other_year()?)
            });
        let hint = self.options.date_hint;
        let document_date = std::mem::take(&mut self.dates).choose(title_date);
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

/// The references, mentions and teams of one block of text.
#[derive(Default)]
struct Found<'a> {
    references: Vec<Reference<'a>>,
    mentions: Vec<Cow<'a, str>>,
    teams: Vec<Cow<'a, str>>,
}

/// The elements of `stack` from `from` on, in a vector of their exact size.
#[inline]
fn split_from<T>(stack: &mut Vec<T>, from: usize) -> Vec<T> {
    // Most lists are empty.
    if from >= stack.len() {
        return Vec::new();
    }
    stack.split_off(from)
}

/// The model's kind of a paragraph the block layer found.
fn block_kind(kind: ParagraphKind) -> BlockKind {
    match kind {
        ParagraphKind::Plain => BlockKind::Paragraph,
        ParagraphKind::Quote => BlockKind::Quote,
        ParagraphKind::Table => BlockKind::Table,
    }
}

/// The diagnostic of what the block layer flagged.
fn flag_diagnostic(flag: Flag, span: Span) -> Diagnostic {
    match flag {
        Flag::UnclosedFrontMatter => Diagnostic::new(
            Code::UnclosedFrontMatter,
            span,
            "front matter opened with `---` is never closed; read as a thematic break",
        ),
        Flag::UnclosedFence => Diagnostic::new(
            Code::UnclosedFence,
            span,
            "fenced code block is never closed; it runs to the end of the input",
        ),
        Flag::NestingTooDeep { max_depth } => Diagnostic::new(
            Code::NestingTooDeep,
            span,
            format!("list items nested deeper than {max_depth} levels are flattened"),
        ),
    }
}
