//! The lines of a paragraph and their joining into its text.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::bytes;
use crate::model::Span;

/// The lines of `input[span]`, without line endings, each trimmed.
pub(super) fn lines(input: &str, span: Span) -> Lines<'_> {
    Lines {
        text: input.get(span.start..span.end).unwrap_or_default(),
        base: span.start,
        pos: 0,
        done: false,
        ends: line_ends(),
    }
}

/// The searcher of line endings, set up once: it is large (vectors of
/// the bytes sought), and every paragraph's lines would build and move
/// one.
fn line_ends() -> &'static bytes::LineEnds {
    static ENDS: OnceLock<bytes::LineEnds> = OnceLock::new();
    ENDS.get_or_init(bytes::LineEnds::new)
}

/// [`lines`] of a span known to hold no line ending (the block layer's
/// one-line paragraph): its one line, trimmed, found without a search, and
/// the lines after it (none).
pub(super) fn one_line(input: &str, span: Span) -> (Span, Lines<'_>) {
    let text = input.get(span.start..span.end).unwrap_or_default();
    let end = span.start + bytes::trim_end(text).len();
    let lead = text.len() - bytes::trim_start(text).len();
    let line = Span::new((span.start + lead).min(end), end);
    let rest = Lines {
        pos: text.len(),
        done: true,
        ..lines(input, span)
    };
    (line, rest)
}

/// The iterator of [`lines`]: `str::split('\n')` with each line trimmed,
/// for every line ending (`\n`, `\r\n`, a lone `\r`), found by the
/// vectorized byte search.
pub(super) struct Lines<'a> {
    text: &'a str,
    /// Where `text` starts in the input.
    base: usize,
    /// Where the next line starts in `text`.
    pos: usize,
    done: bool,
    ends: &'static bytes::LineEnds,
}

impl Lines<'_> {
    /// Where the next line starts in the input (the end once done).
    pub(super) fn offset(&self) -> usize {
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
        let (len, next) = match self.ends.find(rest.as_bytes()) {
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

/// Joins paragraph runs into one text: borrowed when the source already reads
/// that way (one run, `verbatim` as the block layer found it), owned with
/// indentation and `\r` removed when it does not.
#[inline]
pub(super) fn join_lines<'a>(input: &'a str, spans: &[Span], verbatim: bool) -> Cow<'a, str> {
    let text = |span: &Span| input.get(span.start..span.end).unwrap_or_default();
    match spans {
        [] => Cow::Borrowed(""),
        [one] if verbatim => Cow::Borrowed(text(one)),
        many => Cow::Owned(joined(many.iter().map(text))),
    }
}

/// The parts joined by newlines, each line after a part's first without its
/// indentation.
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

/// Where the text of a paragraph starts after its leading link reference
/// definitions (`[label]: url` lines; footnotes `[^1]:` are text).
pub(super) fn after_definitions(input: &str, span: Span) -> usize {
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
                    let text = input.get(start..end).unwrap_or_default();
                    if !text.contains(['\n', '\r']) {
                        let (line, mut rest) = one_line(input, span);
                        assert_eq!(vec![line], ours, "{input:?} {start}..{end}");
                        assert_eq!((rest.offset(), rest.next()), (start + text.len(), None));
                    }
                }
            }
        }
    }
}
