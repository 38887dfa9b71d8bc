//! The builder's sections: headings open them (classified by their words,
//! dated, with the repository they name), label paragraphs (`**Done**:`)
//! open buckets inside them, and a heading of their level closes them.

use std::borrow::Cow;

use super::dates::{self, Dated};
use super::dedup::unique;
use super::{context, heading, owners};
use super::{split_from, Builder, Found, OpenSection, Title};
use crate::inline::RepoContext;
use crate::model::{BlockKind, ParagraphInfo, Section, Span};

impl<'a> Builder<'a, '_> {
    pub(super) fn heading(&mut self, level: u8, text: Span, span: Span) {
        let shown = heading::without_trailing_comments(self.text(text));
        let text = Span::new(text.start, text.start + shown.len());
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        self.close_sections(level);
        // `### Date: 2020-04-29` under the title dates the meeting like a line.
        if self.in_preamble() && self.dates.line.is_none() {
            self.dates.line = self.keyed_date(text);
        }
        self.headings_seen += 1;
        self.label = None;
        let is_h1 = level == 1;
        // The first H1 is the title; until there is one, the first heading.
        if self.title.is_none_or(|title| is_h1 && !title.is_h1) {
            self.title = Some(Title { span: text, is_h1 });
        }

        let heading = self.text(text);
        let date = dates::heading_date(heading, text.start);
        if self.headings_seen == 2 && self.dates.heading.is_none() {
            // `## 2019-10-03 agenda` right below the title.
            self.dates.heading = date.map(|date| Dated {
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
            let handles = &self.scratch.inlines.handles;
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
        self.resolving.contexts.mark(span.start, repo.as_ref());
        let metadata = heading::is_metadata(heading);
        let section = Section {
            heading: Cow::Borrowed(heading),
            level,
            kind,
            status,
            mentions: found.mentions,
            owners,
            teams: found.teams,
            references: found.references,
            items: Vec::new(),
            paragraphs: Vec::new(),
            paragraph_info: Vec::new(),
            sections: Vec::new(),
            span,
            date,
            label: false,
        };
        self.open_section(section, repo, metadata, None);
    }

    /// A status label paragraph (`**Done**:`, `WIP:`) opens a bucket for the
    /// lists after it, as a subsection of the current section marked
    /// `label`, until the next label or heading. Returns whether it did.
    pub(super) fn label_section(
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
        // A section opens with no item open (see `Scratch::items`); the
        // block layer sends no paragraph outside lists while one is.
        while self.items.last().is_some() {
            self.close_item(self.last_end);
        }
        let parent = self.sections.last();
        let level = parent.map_or(1, |p| p.section.level + 1);
        if level > 6 {
            return false;
        }
        let repo = parent.and_then(|p| p.repo.clone());
        self.resolving.contexts.mark(span.start, repo.as_ref());
        let found = std::mem::take(found);
        let section = Section {
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
        };
        self.open_section(section, repo, false, Some((text, block)));
        true
    }

    /// Closes the innermost section if a label opened it.
    pub(super) fn close_label_section(&mut self) {
        if self.sections.last().is_some_and(|s| s.section.label) {
            while self.items.last().is_some() {
                self.close_item(self.last_end);
            }
            let level = self.sections.last().map_or(1, |s| s.section.level);
            self.close_sections(level);
            let repo = self.sections.last().and_then(|s| s.repo.clone());
            self.resolving.contexts.mark(self.last_end, repo.as_ref());
        }
    }

    /// Closes open sections at `level` or deeper.
    pub(super) fn close_sections(&mut self, level: u8) {
        while self
            .sections
            .last()
            .is_some_and(|s| s.section.level >= level)
        {
            if let Some(mut open) = self.sections.pop() {
                open.section.items = self.take_items(open.items_from);
                self.give_back_paragraphs(&mut open);
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
                match self.sections.last_mut() {
                    Some(parent) => parent.section.sections.push(open.section),
                    None => self.meeting.sections.push(open.section),
                }
            }
        }
    }
}

impl<'a> Builder<'a, '_> {
    /// Opens `section` inside the innermost open one (or the meeting): its
    /// items will be `Scratch::items` from here on, and it takes the open
    /// sections' paragraph lists, its own to come after those it is given.
    fn open_section(
        &mut self,
        mut section: Section<'a>,
        repo: Option<RepoContext<'a>>,
        metadata: bool,
        label_paragraph: Option<(Cow<'a, str>, BlockKind)>,
    ) {
        let (paragraphs, info) = self.paragraph_lists();
        section.paragraphs = std::mem::take(paragraphs);
        section.paragraph_info = std::mem::take(info);
        self.sections.push(OpenSection {
            items_from: self.scratch.items.len(),
            paragraphs_from: section.paragraphs.len(),
            section,
            repo,
            metadata,
            label_paragraph,
        });
    }

    /// The paragraph lists of the innermost open section (or the meeting),
    /// where a paragraph read now goes.
    pub(super) fn paragraph_lists(
        &mut self,
    ) -> (&mut Vec<Cow<'a, str>>, &mut Vec<ParagraphInfo<'a>>) {
        match self.sections.last_mut() {
            Some(open) => (
                &mut open.section.paragraphs,
                &mut open.section.paragraph_info,
            ),
            None => (
                &mut self.meeting.paragraphs,
                &mut self.meeting.paragraph_info,
            ),
        }
    }

    /// Gives the paragraph lists of `open`, just closed, back to its parent
    /// (or the meeting), keeping its own paragraphs.
    fn give_back_paragraphs(&mut self, open: &mut OpenSection<'a>) {
        let from = open.paragraphs_from;
        let section = &mut open.section;
        let paragraphs = split_from(&mut section.paragraphs, from);
        let info = split_from(&mut section.paragraph_info, from);
        let (to_paragraphs, to_info) = self.paragraph_lists();
        *to_paragraphs = std::mem::replace(&mut section.paragraphs, paragraphs);
        *to_info = std::mem::replace(&mut section.paragraph_info, info);
    }
}

/// Whether a section holds nothing: no item, paragraph or subsection.
fn is_empty(section: &Section<'_>) -> bool {
    section.items.is_empty() && section.paragraphs.is_empty() && section.sections.is_empty()
}
