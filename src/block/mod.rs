//! The block layer: lines into headings, list items, paragraphs and code.
//!
//! One pass over the lines, no backtracking and no recursion. Container state
//! is a stack of open list items (bounded by `Options::max_depth`) plus at most
//! one pending paragraph, so the work per line is constant apart from the
//! bytes of the line itself. Blocks are pushed into a [`Sink`] as soon as they
//! are complete; nothing is buffered, which keeps the layer allocation-free.
//!
//! List nesting and lazy continuation follow CommonMark. Where this layer
//! deliberately simplifies (an ATX heading always closes every open list, a
//! fenced block ends only at its closing fence, block quotes are read as
//! paragraphs), the difference is listed in `commonmark.rs`, the test that
//! checks this layer against pulldown-cmark.
//!
//! What a line starts with (a list marker, a fence, a heading, HTML) is read
//! by the pure recognizers of `scanners`, in the manner of pulldown-cmark's
//! `scanners` and `firstpass`; this module is the line state machine that
//! decides what they mean where they stand.

mod scanners;

use scanners::*;

use crate::model::Span;

/// A block, reported to the [`Sink`] in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    /// YAML front matter; `body` is between the `---` lines.
    FrontMatter { body: Span, span: Span },
    /// An ATX or setext heading; `text` is trimmed of marks and spaces.
    Heading { level: u8, text: Span, span: Span },
    /// A list item opens at `depth` (0 for a top-level item). Every block up
    /// to the matching [`Block::ItemEnd`] belongs to it.
    ItemStart {
        depth: usize,
        start: usize,
        checkbox: Option<Checkbox>,
    },
    /// The innermost open item closes; its source ends at `end`.
    ItemEnd { end: usize },
    /// A run of paragraph lines: the innermost open item's text, or a
    /// paragraph of its own outside lists. `verbatim` when its source reads
    /// as its text: no `\r` and no indented continuation line to remove.
    /// `one_line` when no line ending is inside `span`, so the semantic
    /// layer need not search for one.
    Paragraph {
        span: Span,
        in_item: bool,
        verbatim: bool,
        one_line: bool,
        kind: ParagraphKind,
    },
    /// Fenced or indented code, or an HTML block: never scanned for inlines.
    Code { span: Span },
    /// A thematic break (`---`, `***`).
    Break { span: Span },
}

/// A task checkbox after a list marker: `marker` is what is between the brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Checkbox {
    pub marker: Span,
    pub span: Span,
    /// No list marker before it: a line such as `[x] [link](...)`.
    pub bare: bool,
}

/// Receives blocks and flags from [`parse_blocks`].
pub(crate) trait Sink {
    fn block(&mut self, block: Block);
    /// Something the block layer read its own way at `span`; the semantic
    /// layer words it as a diagnostic.
    fn flag(&mut self, flag: Flag, span: Span);
}

/// What the block layer saw and recovered from, as rustc_lexer reports
/// errors: a kind on a span, no message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flag {
    /// Front matter opened with `---` is never closed: read as a thematic
    /// break. The span is the opening line.
    UnclosedFrontMatter,
    /// A fenced code block is never closed: it runs to the end of the
    /// input. The span is the opening line.
    UnclosedFence,
    /// List items nested deeper than `max_depth` levels are flattened. The
    /// span runs from the first such marker to its line end.
    NestingTooDeep { max_depth: usize },
}

#[derive(Debug, Clone, Copy)]
struct OpenItem {
    /// The column where the item's content starts; lines indented at least
    /// this far belong to the item.
    content_col: usize,
    /// Nothing followed the marker yet: a blank line now ends the item.
    empty: bool,
}

/// Where a block may start in a line, and what contains it.
#[derive(Debug, Clone, Copy)]
struct BlockStart {
    /// Byte index of the block's first character in the line.
    first: usize,
    /// Its column.
    indent: usize,
    /// How many open items contain it.
    keep: usize,
    /// The content column of the innermost of those.
    base: usize,
    /// A paragraph is open and no blank line came since.
    lazy: bool,
    /// It would continue that paragraph, so only some blocks interrupt it.
    continues: bool,
    /// It follows a list marker on the same line.
    in_marker_line: bool,
    /// After a list marker, where the line's tail of one thematic break
    /// character and white space starts (see [`break_tail`]), once known.
    break_from: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
struct Paragraph {
    start: usize,
    end: usize,
    in_item: bool,
    kind: ParagraphKind,
    /// It has more than one line.
    continued: bool,
    /// No line so far needs cleaning up to read as text (see [`Block::Paragraph`]).
    verbatim: bool,
    /// Its last line so far ended with `\r`.
    cr: bool,
}

/// Block quotes and tables are read as paragraphs, but any line that starts
/// another block interrupts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParagraphKind {
    Plain,
    /// Opened by a `>` line.
    Quote,
    /// A delimiter row on the second line.
    Table,
}

#[derive(Debug, Clone, Copy)]
enum Leaf {
    None,
    Fence {
        start: usize,
        fence_char: u8,
        fence_len: usize,
    },
    IndentedCode {
        start: usize,
        end: usize,
    },
    Html {
        start: usize,
        end: usize,
        until: HtmlEnd,
    },
}

/// Splits `input` into blocks and reports them to `sink`.
pub(crate) fn parse_blocks<S: Sink>(input: &str, max_depth: usize, sink: &mut S) {
    let mut parser = BlockParser {
        input,
        sink,
        items: Vec::new(),
        max_depth: max_depth.max(1),
        paragraph: None,
        leaf: Leaf::None,
        last_content_end: 0,
        depth_reported: false,
        line_cr: false,
    };
    let mut pos = input.strip_prefix('\u{feff}').map_or(0, |_| 3);
    pos = parser.front_matter(pos);
    let line_ends = crate::bytes::LineEnds::new();
    while pos < input.len() {
        let rest = input.get(pos..).unwrap_or_default();
        // `\n`, `\r\n` and a lone `\r` all end a line (CommonMark 2.1).
        let (line_len, next) = match line_ends.find(rest.as_bytes()) {
            Some((end, next)) => (end, pos + next),
            None => (rest.len(), input.len()),
        };
        parser.line_cr = rest.as_bytes().get(line_len) == Some(&b'\r');
        parser.line(pos, rest.get(..line_len).unwrap_or_default());
        pos = next;
    }
    parser.finish();
}

struct BlockParser<'a, 's, S> {
    input: &'a str,
    sink: &'s mut S,
    items: Vec<OpenItem>,
    max_depth: usize,
    paragraph: Option<Paragraph>,
    leaf: Leaf,
    last_content_end: usize,
    depth_reported: bool,
    /// The current line ended with `\r` or `\r\n`.
    line_cr: bool,
}

impl<S: Sink> BlockParser<'_, '_, S> {
    /// Front matter is `---` on the very first line up to a `---` or `...`
    /// line. Returns where the body of the document starts.
    fn front_matter(&mut self, start: usize) -> usize {
        let rest = self.input.get(start..).unwrap_or_default();
        let mut lines = LineIter::new(rest, start);
        let Some((_, first, body_start)) = lines.next() else {
            return start;
        };
        // A blank line right after `---` makes it a thematic break, as in
        // pulldown-cmark (and so on GitHub).
        let blank_next = lines
            .clone()
            .next()
            .is_none_or(|(_, line, _)| line.trim().is_empty());
        if first.trim_end() != "---" || blank_next {
            return start;
        }
        for (offset, line, next) in lines {
            let trimmed = line.trim_end();
            if trimmed == "---" || trimmed == "..." {
                let body = Span::new(body_start.min(offset), offset);
                let span = Span::new(start, offset + trimmed.len());
                self.sink.block(Block::FrontMatter { body, span });
                self.last_content_end = span.end;
                return next;
            }
        }
        let span = Span::new(start, start + first.trim_end().len());
        self.sink.flag(Flag::UnclosedFrontMatter, span);
        start
    }

    fn line(&mut self, start: usize, line: &str) {
        // Most lines start with their text, at column 0.
        let (indent, first) = match line.as_bytes().first() {
            Some(b' ' | b'\t') => indentation(line),
            _ => (0, 0),
        };
        let end = start + line.len();
        let Some(&lead) = line.as_bytes().get(first) else {
            self.blank_line(start);
            return;
        };
        if !matches!(self.leaf, Leaf::None) && self.continue_leaf(start, line, indent, first) {
            self.last_content_end = end;
            return;
        }
        if let Some(item) = self.items.last_mut() {
            item.empty = false;
        }
        // A paragraph stays open only up to a blank line: while one is,
        // this line may continue it.
        let lazy = self.paragraph.is_some();
        // Most lines are text: one that starts no block continues an open
        // paragraph whatever its indentation (lazily when less than the
        // innermost item's content).
        if lazy && is_text_byte(lead) {
            self.extend_paragraph(end, first > 0);
            self.last_content_end = end;
            return;
        }

        // How many open items contain this line by indentation.
        let keep = self
            .items
            .iter()
            .take_while(|item| item.content_col <= indent)
            .count();
        let base = keep
            .checked_sub(1)
            .and_then(|i| self.items.get(i))
            .map_or(0, |item| item.content_col);
        if !lazy && is_text_byte(lead) && indent - base < 4 {
            self.close_items(keep);
            self.open_paragraph(start + first, end, ParagraphKind::Plain);
            self.last_content_end = end;
            return;
        }
        let bullet = (indent - base < 4)
            .then(|| bullet_before_text(line.get(first..).unwrap_or_default()))
            .flatten();
        let mut next = if let Some(marker) = bullet {
            // `- text`: an item whatever comes before it, its text a
            // paragraph (see `open_item`), so no recognizer needs to run.
            self.close_items(keep);
            self.open_item(start, line, first, indent, marker)
        } else {
            // The line would continue the paragraph of the innermost
            // container, so only some blocks may interrupt it (CommonMark
            // 4.8, 5.2).
            let continues = lazy
                && keep == self.items.len()
                && self
                    .paragraph
                    .is_some_and(|p| p.kind == ParagraphKind::Plain);
            Some(BlockStart {
                first,
                indent,
                keep,
                base,
                lazy,
                continues,
                in_marker_line: false,
                break_from: None,
            })
        };
        // Each round opens one item and moves past its marker, so the loop
        // ends within the line.
        while let Some(at) = next {
            next = self.block_start(start, line, at);
        }
        self.last_content_end = end;
    }

    /// Opens a paragraph at `start` whose first line ends at `end`.
    fn open_paragraph(&mut self, start: usize, end: usize, kind: ParagraphKind) {
        self.paragraph = Some(Paragraph {
            start,
            end,
            in_item: !self.items.is_empty(),
            kind,
            continued: false,
            verbatim: true,
            cr: self.line_cr,
        });
    }

    /// Reads the block that starts at `at.first` in `line`. Returns where the
    /// rest of the line starts when it opened a list item: that text is the
    /// item's first block, which may itself be a list item (`* - a`), code,
    /// HTML or a thematic break (CommonMark 5.2).
    fn block_start(&mut self, start: usize, line: &str, at: BlockStart) -> Option<BlockStart> {
        let BlockStart {
            first,
            indent,
            keep,
            base,
            lazy,
            continues,
            in_marker_line,
            break_from,
        } = at;
        // Found once per line, and only for a line whose item starts with a
        // block: testing each nested marker's rest from its start would scan
        // `- - - … x` once per marker.
        let break_from = match break_from {
            Some(from) => from,
            None if in_marker_line => break_tail(line),
            None => 0,
        };
        let end = start + line.len();
        let content = line.get(first..).unwrap_or_default();
        let content_start = start + first;
        if indent - base >= 4 {
            if lazy {
                self.extend_paragraph(end, first > 0);
            } else {
                self.close_items(keep);
                self.leaf = Leaf::IndentedCode {
                    start: content_start,
                    end,
                };
            }
        } else if content.starts_with('>') {
            self.close_items(keep);
            self.open_paragraph(content_start, end, ParagraphKind::Quote);
            if !quote_takes_lazy_lines(content) {
                self.flush_paragraph();
            }
        } else if let Some((level, text)) =
            (!in_marker_line).then(|| atx_heading(content)).flatten()
        {
            // After a list marker (`- # x`) it stays item text: a heading
            // would close the list it is in (see `commonmark.rs`).
            self.close_items(0);
            let text = Span::new(content_start + text.0, content_start + text.1);
            let span = Span::new(content_start, end);
            self.sink.block(Block::Heading { level, text, span });
        } else if let Some((fence_char, fence_len)) = fence_open(content) {
            self.close_items(keep);
            self.leaf = Leaf::Fence {
                start: content_start,
                fence_char,
                fence_len,
            };
        } else if let Some(level) = self.setext_underline(content, continues) {
            if self.paragraph.is_some_and(|p| p.in_item) {
                // Not a heading inside an item, but it ends the paragraph.
                self.extend_paragraph(end, first > 0);
                self.flush_paragraph();
            } else if let Some(p) = self.paragraph.take() {
                let text = Span::new(p.start, trim_end_offset(self.input, p.start, p.end));
                let span = Span::new(p.start, end);
                self.sink.block(Block::Heading { level, text, span });
            }
        } else if (!in_marker_line || first >= break_from) && is_thematic_break(content) {
            self.close_items(keep);
            self.sink.block(Block::Break {
                span: Span::new(content_start, end),
            });
        } else if let Some(marker) = list_marker(content).filter(|m| {
            // An item may interrupt a paragraph it would otherwise continue
            // (every open item contains the line) only with a bullet or `1.`
            // that has content (CommonMark 5.2).
            !(continues && (m.empty || m.number.is_some_and(|n| n != 1)))
        }) {
            self.close_items(keep);
            let break_from = in_marker_line.then_some(break_from);
            return self
                .open_item(start, line, first, indent, marker)
                .map(|next| BlockStart { break_from, ..next });
        } else if is_bare_task(content) {
            // `[x] [link](...)` at line start: an item without a list marker.
            self.close_items(keep);
            let marker = Marker {
                width: 0,
                number: None,
                empty: false,
                bare: true,
            };
            return self.open_item(start, line, first, indent, marker);
        } else if let Some(until) = html_block_start(content, continues) {
            self.close_items(keep);
            self.leaf = Leaf::Html {
                start: content_start,
                end,
                until,
            };
            if until == HtmlEnd::Comment && content.contains("-->") {
                self.end_leaf();
            }
        } else if lazy {
            // Lazy continuation: the paragraph goes on even when the line is
            // indented less than the innermost item's content.
            // Only a paragraph's second line can make it a table.
            let header = self
                .paragraph
                .filter(|p| !p.continued)
                .and_then(|p| self.input.get(p.start..p.end));
            self.extend_paragraph(end, first > 0);
            if header.is_some_and(|header| is_table_delimiter(content, header)) {
                if let Some(p) = &mut self.paragraph {
                    p.kind = ParagraphKind::Table;
                }
            }
        } else {
            self.close_items(keep);
            self.open_paragraph(content_start, end, ParagraphKind::Plain);
        }
        None
    }

    fn blank_line(&mut self, start: usize) {
        self.flush_paragraph();
        // An item can begin with at most one blank line (CommonMark 5.2).
        if self.items.last().is_some_and(|item| item.empty) && matches!(self.leaf, Leaf::None) {
            self.close_items(self.items.len() - 1);
        }
        match self.leaf {
            Leaf::Html {
                until: HtmlEnd::BlankLine,
                ..
            } => self.end_leaf(),
            Leaf::Fence { .. } | Leaf::IndentedCode { .. } | Leaf::Html { .. } | Leaf::None => {}
        }
        let _ = start;
    }

    /// Feeds the line to an open code block or HTML block. Returns whether the
    /// line was consumed.
    fn continue_leaf(&mut self, start: usize, line: &str, indent: usize, first: usize) -> bool {
        let end = start + line.len();
        match self.leaf {
            Leaf::None => false,
            Leaf::Fence {
                fence_char,
                fence_len,
                ..
            } => {
                // The closing fence may be indented up to 3 columns past the
                // content of the items that contain it.
                let base = self
                    .items
                    .iter()
                    .take_while(|item| item.content_col <= indent)
                    .last()
                    .map_or(0, |item| item.content_col);
                if indent - base < 4 && is_closing_fence(&line[first..], fence_char, fence_len) {
                    if let Leaf::Fence { start: open, .. } = self.leaf {
                        self.sink.block(Block::Code {
                            span: Span::new(open, end),
                        });
                    }
                    self.leaf = Leaf::None;
                }
                true
            }
            Leaf::IndentedCode { start: open, .. } => {
                let base = self.items.last().map_or(0, |item| item.content_col);
                if indent >= base + 4 {
                    self.leaf = Leaf::IndentedCode { start: open, end };
                    true
                } else {
                    self.end_leaf();
                    false
                }
            }
            Leaf::Html {
                start: open, until, ..
            } => {
                self.leaf = Leaf::Html {
                    start: open,
                    end,
                    until,
                };
                if until == HtmlEnd::Comment && line.contains("-->") {
                    self.end_leaf();
                }
                true
            }
        }
    }

    fn end_leaf(&mut self) {
        let span = match std::mem::replace(&mut self.leaf, Leaf::None) {
            Leaf::None => return,
            Leaf::Fence { start, .. } => {
                let span = Span::new(start, self.last_content_end.max(start));
                let opening = Span::new(start, line_end(self.input, start));
                self.sink.flag(Flag::UnclosedFence, opening);
                span
            }
            Leaf::IndentedCode { start, end } | Leaf::Html { start, end, .. } => {
                Span::new(start, end)
            }
        };
        self.sink.block(Block::Code { span });
    }

    /// A `===` or `---` line under a paragraph it would continue.
    fn setext_underline(&self, content: &str, continues: bool) -> Option<u8> {
        if !continues {
            return None;
        }
        let trimmed = content.trim_end();
        let first = trimmed.bytes().next()?;
        if (first == b'=' || first == b'-') && trimmed.bytes().all(|b| b == first) {
            Some(if first == b'=' { 1 } else { 2 })
        } else {
            None
        }
    }

    /// Opens an item at the marker at `first`. Returns the rest of the line
    /// when it must be read as the item's first block; a checkbox makes it
    /// paragraph text.
    fn open_item(
        &mut self,
        start: usize,
        line: &str,
        first: usize,
        indent: usize,
        marker: Marker,
    ) -> Option<BlockStart> {
        let depth = if self.items.len() >= self.max_depth {
            // At the limit: the item becomes a sibling of the deepest kept
            // item instead of its child.
            if !self.depth_reported {
                self.depth_reported = true;
                let max_depth = self.max_depth;
                let span = Span::new(start + first, start + line.len());
                self.sink.flag(Flag::NestingTooDeep { max_depth }, span);
            }
            self.close_items(self.max_depth - 1);
            self.max_depth - 1
        } else {
            self.items.len()
        };

        let after_marker = first + marker.width;
        let rest = line.get(after_marker..).unwrap_or_default();
        let marker_col = indent;
        // Nearly always one space, then the text.
        let (spaces, rest_first) = match rest.as_bytes() {
            [b' ', b, ..] if !matches!(b, b' ' | b'\t') => (1, 1),
            _ => columns_from(rest, marker_col + marker.width),
        };
        // 1 to 4 spaces after the marker set the content column; 5 or more
        // (indented code) and an empty first line count as one.
        let content_col = if rest_first == rest.len() || spaces > 4 || spaces == 0 {
            marker_col + marker.width + 1
        } else {
            marker_col + marker.width + spaces
        };
        let text_start = start + after_marker + rest_first;
        let text = rest.get(rest_first..).unwrap_or_default();
        // Five or more spaces after the marker: the item opens with
        // indented code (CommonMark 5.2), which holds no checkbox.
        let code = spaces > 4;
        let checkbox = checkbox(text).filter(|_| !code).map(|(inner, len)| {
            let checkbox = Checkbox {
                marker: Span::new(text_start + inner.0, text_start + inner.1),
                span: Span::new(text_start, text_start + len),
                bare: marker.bare,
            };
            let after = text.get(len..).unwrap_or_default();
            (
                checkbox,
                text_start + len + (after.len() - crate::bytes::trim_start(after).len()),
            )
        });
        self.items.push(OpenItem {
            content_col,
            empty: text.is_empty(),
        });
        self.sink.block(Block::ItemStart {
            depth,
            start: start + first,
            checkbox: checkbox.map(|(checkbox, _)| checkbox),
        });
        let end = start + line.len();
        // Most items hold text: a first byte that starts no block skips
        // reading the rest of the line again.
        let plain = checkbox
            .map(|(_, text_start)| text_start)
            .or_else(|| (!code && !may_start_block(text)).then_some(text_start));
        match plain {
            Some(text_start) => {
                if text_start < end {
                    self.paragraph = Some(Paragraph {
                        start: text_start,
                        end,
                        in_item: true,
                        kind: ParagraphKind::Plain,
                        continued: false,
                        verbatim: true,
                        cr: self.line_cr,
                    });
                }
                None
            }
            None if text.is_empty() => None,
            None => Some(BlockStart {
                first: after_marker + rest_first,
                indent: marker_col + marker.width + spaces,
                keep: self.items.len(),
                base: content_col,
                lazy: false,
                continues: false,
                in_marker_line: true,
                break_from: None,
            }),
        }
    }

    /// Adds a line ending at `end`; `indented` when white space precedes its text.
    fn extend_paragraph(&mut self, end: usize, indented: bool) {
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.end = end;
            paragraph.continued = true;
            paragraph.verbatim &= !(indented || paragraph.cr);
            paragraph.cr = self.line_cr;
        }
    }

    fn flush_paragraph(&mut self) {
        if let Some(p) = self.paragraph.take() {
            let end = trim_end_offset(self.input, p.start, p.end);
            self.sink.block(Block::Paragraph {
                span: Span::new(p.start, end),
                in_item: p.in_item,
                verbatim: p.verbatim,
                one_line: !p.continued,
                kind: p.kind,
            });
        }
    }

    /// Closes open items until `keep` remain, after the pending paragraph.
    /// Inlined where nothing is pending and no item closes: the common case
    /// costs these tests, not a call.
    #[inline]
    fn close_items(&mut self, keep: usize) {
        if self.paragraph.is_none() && matches!(self.leaf, Leaf::None) && self.items.len() <= keep {
            return;
        }
        self.close_pending(keep);
    }

    /// The body of [`BlockParser::close_items`].
    #[inline(never)]
    fn close_pending(&mut self, keep: usize) {
        self.flush_paragraph();
        if !matches!(self.leaf, Leaf::None) {
            self.end_leaf();
        }
        while self.items.len() > keep {
            self.items.pop();
            self.sink.block(Block::ItemEnd {
                end: self.last_content_end,
            });
        }
    }

    fn finish(&mut self) {
        self.flush_paragraph();
        self.end_leaf();
        self.close_items(0);
    }
}

/// The block structure as plain data, for the differential test against
/// pulldown-cmark (`commonmark.rs`) and the fuzz target that shares it; no
/// part of the crate's API.
#[cfg(any(test, fuzzing))]
mod outline;
#[cfg(fuzzing)]
pub use outline::{outline, Outline};

#[cfg(test)]
mod commonmark;
#[cfg(test)]
mod tests;
