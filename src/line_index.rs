//! Byte offsets (such as a [`Span`](crate::Span)'s ends) to lines and
//! columns, for reports like `notes.md:12:5`.
//!
//! Every embedder that prints a diagnostic needs this, and rescanning the
//! text from its start for each one is quadratic on big input. A
//! [`LineIndex`] reads the text once and then answers in O(log n).

use crate::bytes::find_either;

/// A 1-based line and column. The column counts characters (Unicode scalar
/// values), as editors and GitHub annotations do, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The character in the line, from 1.
    pub column: usize,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where the lines of a text start, and where its non-ASCII characters are.
///
/// Line endings are `\n`, `\r\n` and a lone `\r`, as in CommonMark. The index
/// keeps offsets only, not the text, so it can live apart from it.
///
/// ```
/// use minutes::{LineCol, LineIndex};
/// let text = "# Sync\r\n\n- [ ] café @ann\n";
/// let index = LineIndex::new(text);
/// let at = text.find("@ann").unwrap();
/// assert_eq!(index.line_col(at), LineCol { line: 3, column: 12 });
/// assert_eq!(index.line_col(at).to_string(), "3:12");
/// assert_eq!(index.line_count(), 4);
/// assert_eq!(&text[index.line_range(1).unwrap()], "# Sync");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineIndex {
    /// The offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// The offset where each line's content ends, before its line ending.
    ends: Vec<usize>,
    /// Each non-ASCII character: its offset, and the bytes beyond one per
    /// character of all of them up to it included (so a column is the byte
    /// distance minus a difference of two of these).
    wide: Vec<(usize, usize)>,
    /// The length of the text.
    len: usize,
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut index = LineIndex {
            len: text.len(),
            ..LineIndex::default()
        };
        let mut extra = 0;
        let mut start = 0;
        loop {
            let rest = bytes.get(start..).unwrap_or_default();
            let (end, next) = match find_either(rest, b'\n', b'\r') {
                Some(at) => {
                    let end = start + at;
                    let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
                    (end, end + if crlf { 2 } else { 1 })
                }
                None => (text.len(), text.len()),
            };
            let line = text.get(start..end).unwrap_or_default();
            if !line.is_ascii() {
                for (at, c) in line.char_indices().filter(|(_, c)| !c.is_ascii()) {
                    extra += c.len_utf8() - 1;
                    index.wide.push((start + at, extra));
                }
            }
            index.starts.push(start);
            index.ends.push(end);
            if end == text.len() {
                return index;
            }
            start = next;
        }
    }

    /// The line and column of the byte at `offset`.
    ///
    /// Total: an offset past the end is read as the end of the text (the
    /// column after its last character), and an offset inside a multi-byte
    /// character as that character. An offset on a line ending gives the
    /// column after the line's last character (the `\n` of `\r\n` one more).
    ///
    /// ```
    /// let index = minutes::LineIndex::new("é\nab");
    /// assert_eq!(index.line_col(1).column, 1); // inside `é`
    /// assert_eq!(index.line_col(2).column, 2); // the `\n`
    /// assert_eq!(index.line_col(99).to_string(), "2:3"); // past the end
    /// ```
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.len);
        let mut wide = self.wide.partition_point(|&(at, _)| at < offset);
        // Inside a character: move to its start.
        if let Some(&(at, _)) = wide.checked_sub(1).and_then(|i| self.wide.get(i)) {
            let len = 1 + self.extra_before(wide) - self.extra_before(wide - 1);
            if at + len > offset {
                offset = at;
                wide -= 1;
            }
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = line
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(0);
        let wide_start = self.wide.partition_point(|&(at, _)| at < start);
        let extra = self.extra_before(wide) - self.extra_before(wide_start);
        LineCol {
            line: line.max(1),
            column: offset - start - extra + 1,
        }
    }

    /// The byte range of line `line` (1-based) without its line ending, or
    /// `None` when the text has no such line.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let at = line.checked_sub(1)?;
        Some(*self.starts.get(at)?..*self.ends.get(at)?)
    }

    /// The number of lines: one more than the number of line endings (a
    /// text ending in a line ending has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The bytes beyond one per character of the first `count` non-ASCII
    /// characters.
    fn extra_before(&self, count: usize) -> usize {
        count
            .checked_sub(1)
            .and_then(|i| self.wide.get(i))
            .map_or(0, |&(_, extra)| extra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column by counting from the start, the slow way.
    fn naive(text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut line, mut column) = (1, 1);
        for (at, c) in text[..offset].char_indices() {
            let crlf = c == '\r' && text[at + 1..].starts_with('\n');
            if c == '\n' || (c == '\r' && !crlf) {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        LineCol { line, column }
    }

    #[test]
    fn agrees_with_counting_at_every_offset() {
        for text in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            "\r\r\n\n",
            "ab\ncd",
            "é\nü€x\r\n𝄞y\rz",
            "# Sync\r\n\n- [ ] café @ann\n",
            "ééé",
            "a\u{2028}b\n",
        ] {
            let index = LineIndex::new(text);
            for offset in 0..text.len() + 3 {
                assert_eq!(
                    index.line_col(offset),
                    naive(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn lines_and_their_ranges() {
        let text = "one\r\ntwo\rthree\n\nfïve";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = (1..=index.line_count())
            .filter_map(|n| index.line_range(n))
            .map(|range| &text[range])
            .collect();
        assert_eq!(lines, ["one", "two", "three", "", "fïve"]);
        assert_eq!(index.line_range(0), None);
        assert_eq!(index.line_range(6), None);
        assert_eq!(LineIndex::new("").line_count(), 1);
        assert_eq!(LineIndex::new("a\n").line_count(), 2);
    }

    #[test]
    fn long_lines_across_search_chunks() {
        let mut text = "x".repeat(100);
        text.push('\n');
        text.push_str(&"é".repeat(40));
        text.push_str("\r\n");
        text.push_str(&"y".repeat(70));
        let index = LineIndex::new(&text);
        for offset in (0..text.len() + 1).step_by(3) {
            assert_eq!(index.line_col(offset), naive(&text, offset), "{offset}");
        }
    }
}
