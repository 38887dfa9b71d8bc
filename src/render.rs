//! A [`Meeting`] back to Markdown, in the Dragonfly house style, and the draft
//! of the next meeting. A client of the public API: it reads a `Meeting`
//! and writes text, and finds the date in a title with [`crate::grammar::date`].

use std::borrow::Cow;

use time::Date;

use crate::model::{
    Attendee, BlockKind, Item, Meeting, ParagraphInfo, Section, SectionKind, Span, Status,
};
use crate::serde_date::Iso;

/// The note as Markdown in the canonical form, the Dragonfly house style.
/// Linear in the size of the model (the text is parsed once more to see
/// whether it carries the date).
///
/// The canonical form: ATX headings (setext for a heading of several lines),
/// `-` bullets indented two spaces per level, `[marker]` checkboxes as
/// written, item and paragraph texts verbatim with continuation lines
/// indented under their item (four columns further when the line would
/// otherwise open a block: a lazy line in the source), a blank line between
/// blocks, and in each section its paragraphs and items in source order.
/// What the model does not keep (code blocks, HTML, thematic breaks, front
/// matter other than the date) is not rendered. When neither the title
/// nor a `Date:` line carries the meeting's date, front matter `date:` does,
/// so that `parse(&render(&m))` gives `m` back up to spans.
///
/// ```
/// let note = "# Sync 2025-10-28\n\n## Actions\n* [x] ship it @ann\n* [ ] write docs\n  (by Friday) @bo\n";
/// let meeting = minutes::parse(note);
/// let text = minutes::render(&meeting);
/// assert_eq!(text, "# Sync 2025-10-28\n\n## Actions\n\n- [x] ship it @ann\n- [ ] write docs\n  (by Friday) @bo\n");
/// ```
pub fn render(meeting: &Meeting<'_>) -> String {
    let body = render_body(meeting);
    let Some(date) = meeting.date else {
        return body;
    };
    // The public parser is the judge of whether the text carries the date:
    // no second copy of its date rules here.
    if crate::parse(&body).date == Some(date) {
        return body;
    }
    format!("---\ndate: {}\n---\n\n{body}", Iso(date))
}

/// The next meeting's note, drafted from `latest` the way maintainers copy
/// the last note: dated `date` (else the date `latest` announces), the open
/// actions carried over and the done ones dropped, the issues in TODO, WIP
/// and other open buckets carried in their buckets, Done emptied, Attendees
/// and Topics empty, and the next meeting after it announced at the same
/// interval (`Date: TBD` when there is none, or when it would fall after
/// 9999-12-31). Linear in the size of `latest`; never panics, whatever the
/// dates.
///
/// ```
/// let latest = minutes::parse("# Sync 2025-10-28\n\n## Actions\n\n- [x] ship it\n- [ ] write docs @bo\n\n## Next Meeting\n\nDate: 2025-11-11\n");
/// let draft = minutes::render_next(&latest, None);
/// assert!(draft.starts_with("# Sync 2025-11-11\n"));
/// assert!(draft.contains("- [ ] write docs @bo") && !draft.contains("ship it"));
/// assert!(draft.contains("Date: 2025-11-25"));
/// ```
pub fn render_next(latest: &Meeting<'_>, date: Option<Date>) -> String {
    let date = date.or_else(|| latest.next_meeting.as_ref().and_then(|n| n.date));
    let mut draft = latest.clone();
    draft.date = date;
    draft.title = latest.title.as_deref().map(|title| {
        let replaced = date.and_then(|date| {
            let (start, end) = title_date(title)?;
            let before = title.get(..start)?;
            let after = title.get(end..)?;
            Some(format!("{before}{}{after}", Iso(date)))
        });
        Cow::Owned(replaced.unwrap_or_else(|| title.to_string()))
    });
    // The title heading is the first H1, else the first heading.
    let title_level = if latest.all_sections().any(|s| s.level == 1) {
        1
    } else {
        latest.all_sections().next().map_or(1, |s| s.level)
    };
    let mut title_pending = true;
    let following = match (latest.date, date) {
        // `None` (so `Date: TBD`) past the last date `time` represents.
        (Some(previous), Some(date)) if date > previous => date.checked_add(date - previous),
        _ => None,
    };

    draft.paragraphs.clear();
    draft.paragraph_info.clear();
    keep_open_tasks(&mut draft.items);
    let mut stack: Vec<&mut Section<'_>> = draft.sections.iter_mut().rev().collect();
    while let Some(section) = stack.pop() {
        if title_pending && section.level == title_level {
            title_pending = false;
            if let Some(title) = &draft.title {
                section.heading = title.clone();
            }
        }
        match (section.kind, section.status) {
            (SectionKind::Attendees, _) => {
                draft.attendees.clear();
                section.items.clear();
                section.paragraphs.clear();
                section.paragraph_info.clear();
            }
            (SectionKind::Topics, _) => {
                section.items.clear();
                section.paragraphs.clear();
                section.paragraph_info.clear();
                section.sections.retain(has_buckets);
            }
            (SectionKind::NextMeeting, _) => {
                section.items.clear();
                section.paragraph_info.clear();
                section.paragraphs = vec![Cow::Owned(match following {
                    Some(next) => format!("Date: {}", Iso(next)),
                    None => "Date: TBD".to_string(),
                })];
            }
            (_, Some(Status::Done)) => section.items.clear(),
            (_, Some(_)) => {}
            _ => {
                section.paragraphs.clear();
                section.paragraph_info.clear();
                keep_open_tasks(&mut section.items);
            }
        }
        stack.extend(section.sections.iter_mut().rev());
    }
    render(&draft)
}

/// Where the first date with a year is in a title, as the parser finds the
/// title's date: at the start of a word, in a form of [`crate::grammar::date`].
fn title_date(title: &str) -> Option<(usize, usize)> {
    let bytes = title.as_bytes();
    (0..bytes.len())
        .filter(|&i| i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_alphanumeric))
        .find_map(|i| {
            let (rest, written) = crate::grammar::date(title.get(i..)?).ok()?;
            // Without a year it is none; an impossible day still is one.
            written.to_date(None).map(|_| (i, title.len() - rest.len()))
        })
}

/// Whether a status bucket sits in or below `section`.
fn has_buckets(section: &Section<'_>) -> bool {
    let mut stack = vec![section];
    while let Some(section) = stack.pop() {
        if section.status.is_some() {
            return true;
        }
        stack.extend(section.sections.iter());
    }
    false
}

/// Keeps the tasks still to do, with their notes (items that are not tasks)
/// and their open subtasks.
fn keep_open_tasks(items: &mut Vec<Item<'_>>) {
    items.retain(Item::is_open_task);
    let mut stack: Vec<&mut Vec<Item<'_>>> = items.iter_mut().map(|i| &mut i.children).collect();
    while let Some(children) = stack.pop() {
        children.retain(|item| item.task.is_none() || item.is_open_task());
        stack.extend(children.iter_mut().map(|i| &mut i.children));
    }
}

/// Blocks joined by blank lines.
#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn start_block(&mut self) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    /// A section's paragraphs and items in source order, told by the
    /// paragraphs' spans; a paragraph without one (JSON written before
    /// `paragraph_info`) goes before the items, as it used to.
    fn blocks(
        &mut self,
        paragraphs: &[Cow<'_, str>],
        info: &[ParagraphInfo<'_>],
        items: &[Item<'_>],
    ) {
        let mut rest = items;
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let info = info.get(index);
            if let Some(span) = info.map(|info| info.span) {
                let before = rest
                    .iter()
                    .take_while(|item| item.span.start < span.start)
                    .count();
                let (run, tail) = rest.split_at(before);
                self.items(run);
                rest = tail;
            }
            self.paragraph(paragraph, info.map(|info| info.kind));
        }
        self.items(rest);
    }

    fn paragraph(&mut self, paragraph: &str, kind: Option<BlockKind>) {
        self.start_block();
        let mut lines = crate::bytes::split_lines(paragraph).map(|(_, line)| line);
        self.text.push_str(lines.next().unwrap_or_default());
        self.text.push('\n');
        // A table's rows stay as written, its delimiter row (`---|---`)
        // too; a lazy line that would start a block is pushed in as usual.
        let own = |line: &str| {
            kind == Some(BlockKind::Table)
                && (line.starts_with('|')
                    || (line.contains('|') && (!starts_block(line) || is_delimiter_row(line))))
        };
        for line in lines {
            if own(line) {
                self.text.push_str(line);
                self.text.push('\n');
            } else {
                self.continuation(0, line);
            }
        }
    }

    /// A continuation line at `indent`, pushed four columns further when
    /// it would otherwise start a block of its own (a lazy line in the source).
    fn continuation(&mut self, indent: usize, line: &str) {
        let extra = if starts_block(line) { 4 } else { 0 };
        self.text.extend(std::iter::repeat_n(' ', indent + extra));
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn heading(&mut self, level: u8, heading: &str) {
        self.start_block();
        // A setext heading's text keeps its source line endings.
        if heading.contains(['\n', '\r']) && level <= 2 {
            self.text.push_str(heading);
            self.text
                .push_str(if level == 1 { "\n===\n" } else { "\n---\n" });
            return;
        }
        for _ in 0..level {
            self.text.push('#');
        }
        if !heading.is_empty() {
            self.text.push(' ');
            self.text.push_str(heading);
        }
        self.text.push('\n');
    }

    /// Attendees as the HTML table they came from (the model keeps no
    /// HTML): a presence column, `Name (Company, role)` and `GitHub`, which
    /// reads back as the same attendees.
    fn attendees<'m, 'a: 'm>(&mut self, attendees: impl Iterator<Item = &'m Attendee<'a>>) {
        let mut attendees = attendees.peekable();
        if attendees.peek().is_none() {
            return;
        }
        self.start_block();
        self.text
            .push_str("<table>\n<tr><td></td><td>Name</td><td>GitHub</td></tr>\n");
        for attendee in attendees {
            self.text.push_str("<tr><td>X</td><td>");
            self.text.push_str(&attendee.name);
            let mut parts = attendee.affiliations.iter().chain(&attendee.roles);
            if let Some(part) = parts.next() {
                self.text.push_str(" (");
                self.text.push_str(part);
                for part in parts {
                    self.text.push_str(", ");
                    self.text.push_str(part);
                }
                self.text.push(')');
            }
            self.text.push_str("</td><td>");
            self.text
                .push_str(attendee.handle.as_deref().unwrap_or_default());
            self.text.push_str("</td></tr>\n");
        }
        self.text.push_str("</table>\n");
    }

    /// A bucket label paragraph, `**Done**:`.
    fn label(&mut self, label: &str) {
        self.start_block();
        self.text.push_str("**");
        self.text.push_str(label);
        self.text.push_str("**:\n");
    }

    fn items(&mut self, items: &[Item<'_>]) {
        if items.is_empty() {
            return;
        }
        self.start_block();
        let mut stack: Vec<(&Item<'_>, usize)> = items.iter().rev().map(|i| (i, 0)).collect();
        while let Some((item, indent)) = stack.pop() {
            self.item(item, indent);
            stack.extend(item.children.iter().rev().map(|c| (c, indent + 2)));
        }
    }

    fn item(&mut self, item: &Item<'_>, indent: usize) {
        let pad = " ".repeat(indent);
        self.text.push_str(&pad);
        self.text.push('-');
        if let Some(task) = &item.task {
            self.text.push_str(" [");
            self.text.push_str(&task.marker);
            self.text.push(']');
        }
        let mut lines = crate::bytes::split_lines(&item.text).map(|(_, line)| line);
        if let Some(first) = lines.next().filter(|line| !line.is_empty()) {
            self.text.push(' ');
            self.text.push_str(first);
        }
        self.text.push('\n');
        for line in lines {
            self.continuation(indent + 2, line);
        }
    }
}

/// A table's delimiter row: `-`, `:`, `|` and spaces, with a `-`.
fn is_delimiter_row(line: &str) -> bool {
    line.contains('-')
        && line
            .bytes()
            .all(|b| matches!(b, b'-' | b':' | b'|' | b' ' | b'\t'))
}

/// Whether `line` at the start of a line could open a block (a list item,
/// heading, quote, fence, HTML block, break or setext underline) instead of
/// continuing a paragraph.
fn starts_block(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = line.get(digits..).unwrap_or_default();
    line.starts_with(['-', '*', '+', '#', '>', '`', '~', '<', '=', '_', '|'])
        || (digits > 0 && after_digits.starts_with(['.', ')']))
}

fn render_body(meeting: &Meeting<'_>) -> String {
    let mut out = Out::default();
    out.blocks(&meeting.paragraphs, &meeting.paragraph_info, &meeting.items);
    let mut stack: Vec<&Section<'_>> = meeting.sections.iter().rev().collect();
    while let Some(section) = stack.pop() {
        if section.label {
            out.label(&section.heading);
        } else {
            out.heading(section.level, &section.heading);
        }
        out.blocks(&section.paragraphs, &section.paragraph_info, &section.items);
        if section.kind == SectionKind::Attendees {
            out.attendees(unwritten_attendees(meeting, section));
        }
        stack.extend(section.sections.iter().rev());
    }
    out.text
}

/// The attendees of `section` that none of its paragraphs or items holds:
/// the rows of an HTML table, which the model does not keep.
fn unwritten_attendees<'m, 'a>(
    meeting: &'m Meeting<'a>,
    section: &'m Section<'a>,
) -> impl Iterator<Item = &'m Attendee<'a>> {
    let within = |outer: Span, inner: Span| outer.start <= inner.start && inner.end <= outer.end;
    meeting.attendees.iter().filter(move |attendee| {
        let span = attendee.span;
        within(section.span, span)
            && !section.items.iter().any(|i| within(i.span, span))
            && !section.paragraph_info.iter().any(|p| within(p.span, span))
    })
}
