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
//! paragraphs), the difference is listed in `tests/commonmark.rs`.

use crate::diagnostic::{Code, Diagnostic};
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
    Paragraph {
        span: Span,
        in_item: bool,
        verbatim: bool,
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

/// Receives blocks and diagnostics from [`parse_blocks`].
pub(crate) trait Sink {
    fn block(&mut self, block: Block);
    fn diagnostic(&mut self, diagnostic: Diagnostic);
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HtmlEnd {
    Comment,
    BlankLine,
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
        blank_before: true,
        last_content_end: 0,
        depth_reported: false,
        line_cr: false,
    };
    let mut pos = input.strip_prefix('\u{feff}').map_or(0, |_| 3);
    pos = parser.front_matter(pos);
    while pos < input.len() {
        let rest = input.get(pos..).unwrap_or_default();
        // `\n`, `\r\n` and a lone `\r` all end a line (CommonMark 2.1).
        let (line_len, next) = match crate::bytes::find_line_end(rest.as_bytes()) {
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
    blank_before: bool,
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
        self.sink.diagnostic(Diagnostic::new(
            Code::UnclosedFrontMatter,
            span,
            "front matter opened with `---` is never closed; read as a thematic break",
        ));
        start
    }

    fn line(&mut self, start: usize, line: &str) {
        let (indent, first) = indentation(line);
        let end = start + line.len();
        if first == line.len() {
            self.blank_line(start);
            return;
        }
        if self.continue_leaf(start, line, indent, first) {
            self.last_content_end = end;
            return;
        }
        if let Some(item) = self.items.last_mut() {
            item.empty = false;
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
        let lazy = self.paragraph.is_some() && !self.blank_before;
        // The line would continue the paragraph of the innermost container,
        // so only some blocks may interrupt it (CommonMark 4.8, 5.2).
        let continues = lazy
            && keep == self.items.len()
            && self
                .paragraph
                .is_some_and(|p| p.kind == ParagraphKind::Plain);
        let mut at = BlockStart {
            first,
            indent,
            keep,
            base,
            lazy,
            continues,
            in_marker_line: false,
            break_from: None,
        };
        // Each round opens one item and moves past its marker, so the loop
        // ends within the line.
        while let Some(next) = self.block_start(start, line, at) {
            at = next;
        }
        self.blank_before = false;
        self.last_content_end = end;
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
            self.paragraph = Some(Paragraph {
                start: content_start,
                end,
                in_item: !self.items.is_empty(),
                kind: ParagraphKind::Quote,
                continued: false,
                verbatim: true,
                cr: self.line_cr,
            });
            if !quote_takes_lazy_lines(content) {
                self.flush_paragraph();
            }
        } else if let Some((level, text)) =
            (!in_marker_line).then(|| atx_heading(content)).flatten()
        {
            // After a list marker (`- # x`) it stays item text: a heading
            // would close the list it is in (see `tests/commonmark.rs`).
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
            self.paragraph = Some(Paragraph {
                start: content_start,
                end,
                in_item: !self.items.is_empty(),
                kind: ParagraphKind::Plain,
                continued: false,
                verbatim: true,
                cr: self.line_cr,
            });
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
        self.blank_before = true;
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
                    self.blank_before = false;
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
                self.sink.diagnostic(Diagnostic::new(
                    Code::UnclosedFence,
                    Span::new(start, line_end(self.input, start)),
                    "fenced code block is never closed; it runs to the end of the input",
                ));
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
                self.sink.diagnostic(Diagnostic::new(
                    Code::NestingTooDeep,
                    Span::new(start + first, start + line.len()),
                    format!(
                        "list items nested deeper than {} levels are flattened",
                        self.max_depth
                    ),
                ));
            }
            self.close_items(self.max_depth - 1);
            self.max_depth - 1
        } else {
            self.items.len()
        };

        let after_marker = first + marker.width;
        let rest = line.get(after_marker..).unwrap_or_default();
        let marker_col = indent;
        let (spaces, rest_first) = columns_from(rest, marker_col + marker.width);
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
                text_start + len + (after.len() - after.trim_start().len()),
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
                kind: p.kind,
            });
        }
    }

    /// Closes open items until `keep` remain, after the pending paragraph.
    fn close_items(&mut self, keep: usize) {
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

/// The block structure as plain data, for the differential test against a
/// CommonMark implementation (`tests/commonmark.rs`). Not part of the
/// contract: it may change with any release.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outline {
    /// A heading: level and the byte range of its text.
    Heading { level: u8, text: (usize, usize) },
    /// A list item opening at `depth`, with the text between its checkbox
    /// brackets; `bare` when the checkbox had no list marker before it.
    Item {
        depth: usize,
        task: Option<String>,
        bare: bool,
    },
    /// Code or an HTML block: the byte range of its source.
    Opaque { span: (usize, usize) },
}

/// The [`Outline`] of `input`, nesting limited to 32 levels.
#[doc(hidden)]
pub fn outline(input: &str) -> Vec<Outline> {
    struct Collect<'a>(&'a str, Vec<Outline>);
    impl Sink for Collect<'_> {
        fn block(&mut self, block: Block) {
            let event = match block {
                Block::Heading { level, text, .. } => Outline::Heading {
                    level,
                    text: (text.start, text.end),
                },
                Block::ItemStart {
                    depth, checkbox, ..
                } => Outline::Item {
                    depth,
                    bare: checkbox.is_some_and(|c| c.bare),
                    task: checkbox
                        .and_then(|c| c.marker.slice(self.0))
                        .map(String::from),
                },
                Block::Code { span } => Outline::Opaque {
                    span: (span.start, span.end),
                },
                _ => return,
            };
            self.1.push(event);
        }
        fn diagnostic(&mut self, _: Diagnostic) {}
    }
    let mut sink = Collect(input, Vec::new());
    parse_blocks(input, 32, &mut sink);
    sink.1
}

/// Lines of `text` as `(offset, line without newline, offset of next line)`.
#[derive(Clone)]
struct LineIter<'a> {
    text: &'a str,
    base: usize,
    pos: usize,
}

impl<'a> LineIter<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        LineIter { text, base, pos: 0 }
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..).filter(|r| !r.is_empty())?;
        let (line, advance) = match crate::bytes::find_line_end(rest.as_bytes()) {
            Some((end, next)) => (rest.get(..end).unwrap_or_default(), next),
            None => (rest, rest.len()),
        };
        let offset = self.base + self.pos;
        self.pos += advance;
        Some((offset, line, self.base + self.pos))
    }
}

fn line_end(input: &str, start: usize) -> usize {
    let rest = input.get(start..).unwrap_or_default();
    let len = crate::bytes::find_line_end(rest.as_bytes()).map_or(rest.len(), |(end, _)| end);
    start + rest.get(..len).unwrap_or_default().trim_end().len()
}

/// The offset of the end of `input[start..end]` with trailing white space removed.
fn trim_end_offset(input: &str, start: usize, end: usize) -> usize {
    input
        .get(start..end)
        .map_or(end, |text| start + text.trim_end().len())
}

/// Indentation of a line in columns (tabs to the next multiple of 4) and the
/// byte index of its first character that is not a space or tab.
pub(crate) fn indentation(line: &str) -> (usize, usize) {
    columns_from(line, 0)
}

/// Like [`indentation`], for text that starts at column `col`: returns the
/// columns of white space and the byte index after it.
fn columns_from(text: &str, col: usize) -> (usize, usize) {
    let mut cols = col;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => return (cols - col, i),
        }
    }
    (cols - col, text.len())
}

/// `# Heading ##` gives the level and the text range within `content`.
fn atx_heading(content: &str) -> Option<(u8, (usize, usize))> {
    // Most lines are not headings; a byte test is cheaper than the parser.
    if !content.starts_with('#') {
        return None;
    }
    let hashes = content.bytes().take(7).take_while(|&b| b == b'#').count();
    let rest = content.get(hashes..)?;
    if hashes > 6 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let level = u8::try_from(hashes).ok()?;
    let text = rest.trim();
    // A closing sequence of `#` must be preceded by a space.
    let without_closing = text.trim_end_matches('#');
    let text = if without_closing.is_empty() {
        without_closing
    } else if without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        text
    };
    let start = if text.is_empty() {
        hashes
    } else {
        content.len() - rest.trim_start().len()
    };
    Some((level, (start, start + text.len())))
}

/// Whether the text of a `>` line is a paragraph (or a list item's), which
/// a following line may continue lazily; a heading, fence, break, HTML or
/// code inside the quote may not be continued.
fn quote_takes_lazy_lines(content: &str) -> bool {
    let mut inner = content.get(1..).unwrap_or_default();
    // Nested quotes: the innermost content decides.
    loop {
        let (indent, first) = indentation(inner);
        let rest = inner.get(first..).unwrap_or_default();
        if rest.is_empty() || indent >= 5 {
            return false;
        }
        match rest.strip_prefix('>') {
            Some(nested) => inner = nested,
            None => {
                let rest = list_marker(rest)
                    .and_then(|m| rest.get(m.width..))
                    .map_or(rest, str::trim_start);
                return !(rest.is_empty()
                    || atx_heading(rest).is_some()
                    || fence_open(rest).is_some()
                    || is_thematic_break(rest)
                    || html_block_start(rest, false).is_some());
            }
        }
    }
}

/// A table's delimiter row, `|---|:--:|`, with as many cells as the header.
fn is_table_delimiter(content: &str, header: &str) -> bool {
    fn cells(row: &str) -> usize {
        let row = row.trim();
        let row = row.strip_prefix('|').unwrap_or(row);
        let row = row.strip_suffix('|').unwrap_or(row);
        1 + row.matches('|').count() - row.matches("\\|").count()
    }
    let row = content.trim_end();
    row.contains('-')
        && row
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && cells(row) == cells(header)
}

/// An opening code fence: three or more backticks or tildes.
fn fence_open(content: &str) -> Option<(u8, usize)> {
    let fence_char = match content.as_bytes().first()? {
        b'`' => b'`',
        b'~' => b'~',
        _ => return None,
    };
    let len = content.bytes().take_while(|&b| b == fence_char).count();
    if len < 3 {
        return None;
    }
    // A backtick fence's info string may not contain backticks.
    if fence_char == b'`' && content.get(len..).is_some_and(|info| info.contains('`')) {
        return None;
    }
    Some((fence_char, len))
}

fn is_closing_fence(content: &str, fence_char: u8, fence_len: usize) -> bool {
    let len = content.bytes().take_while(|&b| b == fence_char).count();
    len >= fence_len && content.get(len..).is_some_and(|r| r.trim().is_empty())
}

/// Where the longest tail of `line` that could be a thematic break starts:
/// one of `-`, `*`, `_` and spaces or tabs. Past the end when the line's last
/// character is none of those. Scans back from the end, where most lines
/// stop at once.
fn break_tail(line: &str) -> usize {
    let bytes = line.as_bytes();
    let last = bytes.iter().rposition(|b| !matches!(b, b' ' | b'\t'));
    match last.and_then(|i| bytes.get(i)) {
        Some(&mark @ (b'-' | b'*' | b'_')) => bytes
            .iter()
            .rposition(|&b| !matches!(b, b' ' | b'\t') && b != mark)
            .map_or(0, |i| i + 1),
        _ => bytes.len() + 1,
    }
}

/// Whether `text` may start a block other than a paragraph after a list
/// marker: an item, code, HTML, a quote or a thematic break (a heading
/// there stays text; see [`BlockParser::block_start`]).
fn may_start_block(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|b| {
        matches!(
            b,
            b'-' | b'*' | b'+' | b'_' | b'0'..=b'9' | b'>' | b'`' | b'~' | b'<'
        )
    })
}

fn is_thematic_break(content: &str) -> bool {
    let Some(&first) = content.as_bytes().first() else {
        return false;
    };
    if !matches!(first, b'-' | b'*' | b'_') {
        return false;
    }
    let mut count = 0;
    for b in content.bytes() {
        match b {
            b' ' | b'\t' => {}
            b if b == first => count += 1,
            _ => return false,
        }
    }
    count >= 3
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    /// Bytes (and columns) of the marker itself: `-` is 1, `12.` is 3.
    width: usize,
    /// The number of an ordered marker.
    number: Option<u32>,
    /// Whether nothing follows the marker on its line.
    empty: bool,
    /// No marker at all: a task checkbox starts the item.
    bare: bool,
}

/// A bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) list marker followed by
/// white space or the end of the line.
fn list_marker(content: &str) -> Option<Marker> {
    let bytes = content.as_bytes();
    let (width, number) = match bytes.first()? {
        b'-' | b'*' | b'+' => (1, None),
        b'0'..=b'9' => {
            // Up to nine digits, then `.` or `)`.
            let digits = bytes
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            let number = bytes.get(..digits)?.iter().fold(0u32, |n, &d| {
                n.wrapping_mul(10)
                    .wrapping_add(u32::from(d.wrapping_sub(b'0')))
            });
            (digits + 1, Some(number))
        }
        _ => return None,
    };
    let rest = bytes.get(width..).unwrap_or_default();
    if !matches!(rest.first(), None | Some(b' ' | b'\t')) {
        return None;
    }
    Some(Marker {
        width,
        number,
        empty: is_blank(content.get(width..).unwrap_or_default()),
        bare: false,
    })
}

/// Whether `text` is all white space.
fn is_blank(text: &str) -> bool {
    crate::bytes::trim_start(text).is_empty()
}

/// A line that starts with a checkbox (`[ ]`, `[x]`, or one mark that is not
/// a letter or digit) and has text after it.
fn is_bare_task(content: &str) -> bool {
    checkbox(content).is_some_and(|((start, end), len)| {
        let marker = content.get(start..end).unwrap_or_default();
        let mark_ok = marker
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric() || c == 'x' || c == 'X');
        mark_ok && !content.get(len..).unwrap_or_default().trim().is_empty()
    })
}

/// A task checkbox at the start of an item's text: `[ ]`, `[x]`, `[]`, or
/// `[c]` for one other character, followed by white space or the end.
/// Returns the range of the marker inside the brackets and the checkbox length.
pub(crate) fn checkbox(text: &str) -> Option<((usize, usize), usize)> {
    let rest = text.strip_prefix('[')?;
    // At most one character between the brackets.
    let inner = match rest.chars().next()? {
        ']' => 0,
        '[' => return None,
        c => c.len_utf8(),
    };
    let after = rest.get(inner..)?.strip_prefix(']')?;
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    Some(((1, 1 + inner), inner + 2))
}

/// Block-level HTML per CommonMark kinds 2 (comments), 6 (block tags) and 7
/// (a lone complete tag, which cannot interrupt a paragraph).
fn html_block_start(content: &str, in_paragraph: bool) -> Option<HtmlEnd> {
    let rest = content.strip_prefix('<')?;
    if rest.starts_with("!--") {
        return Some(HtmlEnd::Comment);
    }
    let name_part = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = name_part
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    let name = name_part.get(..name_len)?;
    if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after = name_part.get(name_len..).unwrap_or_default();
    let boundary =
        after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>");
    if boundary && BLOCK_TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name)) {
        return Some(HtmlEnd::BlankLine);
    }
    // Kind 7: the whole line is one complete open or closing tag.
    if !in_paragraph && !matches!(name, "script" | "style" | "pre" | "textarea") {
        let closing = rest.starts_with('/');
        let tail = if closing {
            Some(after.trim_start())
        } else {
            tag_attributes(after)
        };
        let rest = tail.and_then(|t| t.strip_prefix('>'));
        if rest.is_some_and(|r| r.trim().is_empty()) {
            return Some(HtmlEnd::BlankLine);
        }
    }
    None
}

/// Skips the attributes of an open tag (CommonMark 6.6) and an optional `/`;
/// returns what follows, which must start with `>` for a complete tag.
fn tag_attributes(mut text: &str) -> Option<&str> {
    loop {
        let trimmed = text.trim_start_matches([' ', '\t']);
        let spaced = trimmed.len() < text.len();
        let name_len = trimmed
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-'))
            .count();
        let starts_well = trimmed
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b':'));
        if !(spaced && starts_well && name_len > 0) {
            return Some(trimmed.strip_prefix('/').unwrap_or(trimmed));
        }
        text = trimmed.get(name_len..)?;
        let value = text.trim_start_matches([' ', '\t']);
        if let Some(value) = value.strip_prefix('=') {
            let value = value.trim_start_matches([' ', '\t']);
            let len = match value.bytes().next()? {
                q @ (b'"' | b'\'') => 2 + value.get(1..)?.find(q as char)?,
                _ => value
                    .bytes()
                    .take_while(|b| !b" \t\"'=<>`".contains(b))
                    .count(),
            };
            if len == 0 {
                return None;
            }
            text = value.get(len..)?;
        }
    }
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect(Vec<Block>, Vec<Diagnostic>);

    impl Sink for Collect {
        fn block(&mut self, block: Block) {
            self.0.push(block);
        }
        fn diagnostic(&mut self, diagnostic: Diagnostic) {
            self.1.push(diagnostic);
        }
    }

    fn blocks(input: &str) -> Vec<Block> {
        let mut sink = Collect::default();
        parse_blocks(input, 32, &mut sink);
        sink.0
    }

    fn text(input: &str, span: Span) -> &str {
        &input[span.start..span.end]
    }

    #[test]
    fn blank_agrees_with_trim() {
        for text in [
            "", " ", "\t \t", " x", "\u{b}", " \u{c} ", "\u{a0}", " \u{a0}x", "\u{3000}", "é",
        ] {
            assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn atx_headings_trim_marks() {
        assert_eq!(atx_heading("## Topics ##"), Some((2, (3, 9))));
        assert_eq!(atx_heading("#"), Some((1, (1, 1))));
        assert_eq!(atx_heading("#123"), None);
        assert_eq!(atx_heading("####### seven"), None);
        assert_eq!(atx_heading("# C#"), Some((1, (2, 4))));
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker("- a").map(|m| m.width), Some(1));
        assert_eq!(list_marker("12. a").map(|m| m.number), Some(Some(12)));
        assert!(list_marker("-a").is_none());
        assert!(list_marker("1234567890. a").is_none());
        assert!(list_marker("*").is_some_and(|m| m.empty));
    }

    #[test]
    fn checkboxes() {
        assert_eq!(checkbox("[ ] a"), Some(((1, 2), 3)));
        assert_eq!(checkbox("[x]"), Some(((1, 2), 3)));
        assert_eq!(checkbox("[] a"), Some(((1, 1), 2)));
        assert_eq!(checkbox("[x](url)"), None);
        assert_eq!(checkbox("[WIP] a"), None);
        assert_eq!(checkbox("[✓] a"), Some(((1, 4), 5)));
    }

    #[test]
    fn nested_items_and_lazy_continuation() {
        let input = "- a (The Apache\n/Dragonfly)\n  - b\n    more\n- c\n";
        let got = blocks(input);
        let shape: Vec<String> = got
            .iter()
            .map(|b| match b {
                Block::ItemStart { depth, .. } => format!("start{depth}"),
                Block::ItemEnd { .. } => "end".into(),
                Block::Paragraph { span, .. } => format!("p:{}", text(input, *span)),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "start0",
                "p:a (The Apache\n/Dragonfly)",
                "start1",
                "p:b\n    more",
                "end",
                "end",
                "start0",
                "p:c",
                "end"
            ]
        );
    }

    fn shape(input: &str) -> Vec<String> {
        blocks(input)
            .iter()
            .map(|b| match b {
                Block::ItemStart { depth, .. } => format!("start{depth}"),
                Block::ItemEnd { .. } => "end".into(),
                Block::Paragraph { span, .. } => format!("p:{}", text(input, *span)),
                Block::Code { span } => format!("code:{}", text(input, *span)),
                Block::Break { .. } => "break".into(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn an_item_may_start_with_an_item() {
        // ossf-tac/2022-07-12.md: `* - 500+ ...` under a nested bullet.
        assert_eq!(
            shape("* a\n    * - b\n    * - c\n"),
            [
                "start0", "p:a", "start1", "start2", "p:b", "end", "end", "start1", "start2",
                "p:c", "end", "end", "end"
            ]
        );
        // ipfs/2018-10-16--go-core-dev-hack-week.md: `- 2.` starts an
        // ordered list, as nothing in the new item can be interrupted.
        assert_eq!(
            shape("- 1. a\n- 2. b\n"),
            ["start0", "start1", "p:a", "end", "end", "start0", "start1", "p:b", "end", "end"]
        );
        // The rest of the marker line is the item's first block.
        assert_eq!(shape("- ***\n"), ["start0", "break", "end"]);
        assert_eq!(shape("* - - -\n"), ["start0", "break", "end"]);
        assert_eq!(
            shape("* - -\n"),
            ["start0", "start1", "start2", "end", "end", "end"]
        );
        assert_eq!(
            shape("- - - x - -\n"),
            ["start0", "start1", "start2", "p:x - -", "end", "end", "end"]
        );
        assert_eq!(shape("-      code\n"), ["start0", "code:code", "end"]);
        assert_eq!(
            shape("- - [x] a\n"),
            ["start0", "start1", "p:a", "end", "end"]
        );
        // A checkbox makes the rest paragraph text; a heading stays item text.
        assert_eq!(shape("- [ ] - a\n"), ["start0", "p:- a", "end"]);
        assert_eq!(shape("- # a\n"), ["start0", "p:# a", "end"]);
    }

    #[test]
    fn every_line_ending_ends_a_line() {
        // `\n`, `\r\n`, a lone `\r`, and a `\r` at the very end.
        let input = "# T\r\r- [ ] a\r\n  b\nc\rd\r";
        assert_eq!(
            shape(input),
            [
                "Heading { level: 1, text: Span { start: 2, end: 3 }, span: Span { start: 0, end: 3 } }",
                "start0",
                "p:a\r\n  b\nc\rd",
                "end"
            ]
        );
        let got = blocks(input);
        assert!(matches!(
            got[1],
            Block::ItemStart {
                start: 5,
                checkbox: Some(_),
                ..
            }
        ));
        // The paragraph holds `\r`: the semantic layer must split it.
        assert!(matches!(
            got[2],
            Block::Paragraph {
                verbatim: false,
                ..
            }
        ));
        assert!(matches!(got[3], Block::ItemEnd { end: 21 }));
        // One line ending each, so no blank line: `b` continues `a`.
        assert_eq!(shape("a\r\nb"), ["p:a\r\nb"]);
        assert_eq!(shape("a\r\rb"), ["p:a", "p:b"]);
        assert_eq!(shape("a\n\rb"), ["p:a", "p:b"]);
        // A single line keeps its text verbatim.
        assert!(matches!(
            blocks("- a\r")[1],
            Block::Paragraph {
                span: Span { start: 2, end: 3 },
                verbatim: true,
                ..
            }
        ));
    }

    #[test]
    fn item_end_covers_children() {
        let input = "- a\n  - b\n\ntext";
        let got = blocks(input);
        let ends: Vec<usize> = got
            .iter()
            .filter_map(|b| match b {
                Block::ItemEnd { end } => Some(*end),
                _ => None,
            })
            .collect();
        assert_eq!(ends, [9, 9]);
    }

    #[test]
    fn fences_hide_their_content() {
        let input = "```\n# not a heading\n- not an item\n```  \n# Real\n";
        let got = blocks(input);
        assert!(matches!(got[0], Block::Code { span } if span == Span::new(0, 39)));
        assert!(matches!(got[1], Block::Heading { level: 1, .. }));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn front_matter_is_not_a_setext_heading() {
        let input = "---\ntitle: x\ntags: triage\n---\n# T\n";
        let got = blocks(input);
        assert!(
            matches!(got[0], Block::FrontMatter { body, .. } if text(input, body) == "title: x\ntags: triage\n")
        );
        assert!(matches!(got[1], Block::Heading { level: 1, .. }));
    }

    #[test]
    fn setext_and_breaks() {
        let input = "Title\n=====\n\n---\npara\n---\n";
        let got = blocks(input);
        assert!(matches!(got[0], Block::Heading { level: 1, text, .. } if text == Span::new(0, 5)));
        assert!(matches!(got[1], Block::Break { .. }));
        assert!(matches!(got[2], Block::Heading { level: 2, .. }));
    }

    #[test]
    fn deep_nesting_is_flattened_with_one_diagnostic() {
        let input: String = (0..100)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        let mut sink = Collect::default();
        parse_blocks(&input, 8, &mut sink);
        let max = sink
            .0
            .iter()
            .filter_map(|b| match b {
                Block::ItemStart { depth, .. } => Some(*depth),
                _ => None,
            })
            .max();
        assert_eq!(max, Some(7));
        assert_eq!(sink.1.len(), 1);
        assert_eq!(sink.1[0].code, Code::NestingTooDeep);
    }

    #[test]
    fn ordered_list_other_than_one_does_not_interrupt_paragraph() {
        let got = blocks("text\n2. not a list\n");
        assert_eq!(got.len(), 1);
        let got = blocks("text\n1. a list\n");
        assert!(matches!(got[1], Block::ItemStart { .. }));
    }
}
