//! The block recognizers: what a line (after its indentation) starts with,
//! each a pure function of the line's text, in the manner of
//! pulldown-cmark's `scanners`. The line state machine in the parent module
//! decides what they mean where they stand. List markers, task checkboxes
//! and ATX headings are [`crate::grammar`]'s parsers.

use nom::Offset;

use crate::grammar;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HtmlEnd {
    Comment,
    BlankLine,
}

/// Lines of `text` as `(offset, line without newline, offset of next line)`.
#[derive(Clone)]
pub(super) struct LineIter<'a> {
    text: &'a str,
    base: usize,
    pos: usize,
}

impl<'a> LineIter<'a> {
    pub(super) fn new(text: &'a str, base: usize) -> Self {
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

pub(super) fn line_end(input: &str, start: usize) -> usize {
    let rest = input.get(start..).unwrap_or_default();
    let len = crate::bytes::find_line_end(rest.as_bytes()).map_or(rest.len(), |(end, _)| end);
    start + rest.get(..len).unwrap_or_default().trim_end().len()
}

/// The offset of the end of `input[start..end]` with trailing white space removed.
pub(super) fn trim_end_offset(input: &str, start: usize, end: usize) -> usize {
    input
        .get(start..end)
        .map_or(end, |text| start + crate::bytes::trim_end(text).len())
}

/// Indentation of a line in columns (tabs to the next multiple of 4) and the
/// byte index of its first character that is not a space or tab.
pub(super) fn indentation(line: &str) -> (usize, usize) {
    columns_from(line, 0)
}

/// Like [`indentation`], for text that starts at column `col`: returns the
/// columns of white space and the byte index after it.
pub(super) fn columns_from(text: &str, col: usize) -> (usize, usize) {
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

/// `# Heading ##` gives the level and the text range within `content`
/// ([`grammar::atx_heading`]).
pub(super) fn atx_heading(content: &str) -> Option<(u8, (usize, usize))> {
    // Most lines are not headings; a byte test is cheaper than the parser.
    if !content.starts_with('#') {
        return None;
    }
    let (_, heading) = grammar::atx_heading(content).ok()?;
    let start = content.offset(heading.text);
    Some((heading.level, (start, start + heading.text.len())))
}

/// Whether the text of a `>` line is a paragraph (or a list item's), which
/// a following line may continue lazily; a heading, fence, break, HTML or
/// code inside the quote may not be continued.
pub(super) fn quote_takes_lazy_lines(content: &str) -> bool {
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
pub(super) fn is_table_delimiter(content: &str, header: &str) -> bool {
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
pub(super) fn fence_open(content: &str) -> Option<(u8, usize)> {
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

pub(super) fn is_closing_fence(content: &str, fence_char: u8, fence_len: usize) -> bool {
    let len = content.bytes().take_while(|&b| b == fence_char).count();
    len >= fence_len && content.get(len..).is_some_and(|r| r.trim().is_empty())
}

/// Where the longest tail of `line` that could be a thematic break starts:
/// one of `-`, `*`, `_` and spaces or tabs. Past the end when the line's last
/// character is none of those. Scans back from the end, where most lines
/// stop at once.
pub(super) fn break_tail(line: &str) -> usize {
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

/// Whether a line whose first character (after its indentation) starts
/// with `b` can only be paragraph text: no block construct, setext
/// underline or table delimiter row starts with it. Most lines of a note
/// start with a letter, and skip every recognizer on this one test.
#[inline]
pub(super) fn is_text_byte(b: u8) -> bool {
    !BLOCK_START_BYTES[usize::from(b)]
}

/// The bytes that may start a block construct, a setext underline or a
/// table delimiter row.
static BLOCK_START_BYTES: [bool; 256] = crate::bytes::byte_set(b"<>#`~=-*_+0123456789[|:");

/// Whether `text` may start a block other than a paragraph after a list
/// marker: an item, code, HTML, a quote or a thematic break (a heading
/// there stays text; see [`BlockParser::block_start`]).
pub(super) fn may_start_block(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|b| {
        matches!(
            b,
            b'-' | b'*' | b'+' | b'_' | b'0'..=b'9' | b'>' | b'`' | b'~' | b'<'
        )
    })
}

pub(super) fn is_thematic_break(content: &str) -> bool {
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
pub(super) struct Marker {
    /// Bytes (and columns) of the marker itself: `-` is 1, `12.` is 3.
    pub width: usize,
    /// The number of an ordered marker.
    pub number: Option<u32>,
    /// Whether nothing follows the marker on its line.
    pub empty: bool,
    /// No marker at all: a task checkbox starts the item.
    pub bare: bool,
}

/// A bullet (`-`, `*`, `+`) or ordered (`1.`, `1)`) list marker followed by
/// white space or the end of the line ([`grammar::list_marker`]).
#[inline]
pub(super) fn list_marker(content: &str) -> Option<Marker> {
    // Most lines start with a letter: one byte test before the parser.
    if !matches!(
        content.as_bytes().first(),
        Some(b'-' | b'*' | b'+' | b'0'..=b'9')
    ) {
        return None;
    }
    let (rest, marker) = grammar::list_marker(content).ok()?;
    let number = match marker {
        grammar::ListMarker::Ordered { number, .. } => Some(number),
        _ => None,
    };
    Some(Marker {
        width: content.len() - rest.len(),
        number,
        empty: is_blank(rest),
        bare: false,
    })
}

/// A bullet, one space and a byte that starts only text (see
/// [`is_text_byte`]): the most common item line, which can be nothing else
/// (no thematic break or setext underline), holds no checkbox and starts
/// no other block after its marker.
#[inline]
pub(super) fn bullet_before_text(content: &str) -> Option<Marker> {
    match content.as_bytes() {
        [b'-' | b'*' | b'+', b' ', b, ..] if b.is_ascii_graphic() && is_text_byte(*b) => {
            Some(Marker {
                width: 1,
                number: None,
                empty: false,
                bare: false,
            })
        }
        _ => None,
    }
}

/// Whether `text` is all white space.
pub(super) fn is_blank(text: &str) -> bool {
    crate::bytes::trim_start(text).is_empty()
}

/// A line that starts with a checkbox (`[ ]`, `[x]`, or one mark that is not
/// a letter or digit) and has text after it.
pub(super) fn is_bare_task(content: &str) -> bool {
    checkbox(content).is_some_and(|((start, end), len)| {
        let marker = content.get(start..end).unwrap_or_default();
        let mark_ok = marker
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric() || c == 'x' || c == 'X');
        mark_ok && !content.get(len..).unwrap_or_default().trim().is_empty()
    })
}

/// A task checkbox at the start of an item's text ([`grammar::task_marker`]).
/// Returns the range of the marker inside the brackets and the checkbox length.
#[inline]
pub(super) fn checkbox(text: &str) -> Option<((usize, usize), usize)> {
    // Most items have none: one byte test before the parser.
    if !text.starts_with('[') {
        return None;
    }
    let (rest, mark) = grammar::task_marker(text).ok()?;
    Some(((1, 1 + mark.len()), text.len() - rest.len()))
}

/// Block-level HTML per CommonMark kinds 2 (comments), 6 (block tags) and 7
/// (a lone complete tag, which cannot interrupt a paragraph).
#[inline]
pub(super) fn html_block_start(content: &str, in_paragraph: bool) -> Option<HtmlEnd> {
    if !content.starts_with('<') {
        return None;
    }
    html_block(content, in_paragraph)
}

fn html_block(content: &str, in_paragraph: bool) -> Option<HtmlEnd> {
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
pub(super) fn tag_attributes(mut text: &str) -> Option<&str> {
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

pub(super) const BLOCK_TAGS: &[&str] = &[
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
