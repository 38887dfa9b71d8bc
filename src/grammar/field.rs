//! `Key: value` lines: `- **Date & Time**: September 4, 2025`,
//! `**Minutes by**: Wenkai Yin`, `Date: 2018/12/25`, `**Attendees**:`,
//! `**Action: Mikeal to open an issue**`.

use nom::IResult;

use super::{fail, line_len};
use crate::bytes;

/// A `Key: value` line, as [`field`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeyValue<'a> {
    /// The key, without emphasis marks, white space or colon: `Date & Time`.
    pub key: &'a str,
    /// The value, trimmed; empty when nothing follows the colon.
    pub value: &'a str,
    /// The key is in bold or italics (`**Host**:`), which marks a field
    /// wherever it stands.
    pub emphasized: bool,
}

/// Keys longer than this are prose that happens to hold a colon.
pub(crate) const MAX_KEY: usize = 32;

/// A field: a short key, a colon and the rest of the line.
///
/// ```text
/// field = *( "*" / "_" ) key *( "*" / "_" ) ":" [ marks ] *WSP value
/// key   = 3 characters or more, at most 32 bytes and four words, of
///         letters, digits, spaces and "&", "-", "/", "'", "."
/// value = the rest of the line, trimmed
/// ```
///
/// One or two letters are a speaker (`Q:`, `CW:`), not a key, and a colon
/// followed by `//` is a URL's. In `**Action: text**` the marks that open
/// before the key close after the value and are not part of it. The line
/// ending is not taken.
///
/// ```
/// use minutes::grammar::field;
/// let (rest, f) = field("**Date & Time**: September 4, 2025\nnext").unwrap();
/// assert_eq!((f.key, f.value, f.emphasized, rest), ("Date & Time", "September 4, 2025", true, "\nnext"));
/// assert_eq!(field("**Action: open an issue**").unwrap().1.value, "open an issue");
/// assert_eq!(field("Attendees:").unwrap().1.value, "");
/// assert!(field("Q: why?").is_err());
/// assert!(field("https://example.com").is_err());
/// ```
pub fn field(input: &str) -> IResult<&str, KeyValue<'_>> {
    let found = candidate(input.as_bytes()).and_then(|colon| field_at(input, colon));
    match found {
        Some(kv) => Ok((input.get(line_len(input)..).unwrap_or_default(), kv)),
        None => fail(input, nom::error::ErrorKind::Verify),
    }
}

/// Where the colon of a field at the start of `bytes` may be: after the
/// leading marks, a first byte that may start a key, and a colon within
/// `MAX_KEY + 4` bytes before any line ending. These byte tests settle
/// most lines, so the semantic layer runs them in place at every paragraph
/// and item and calls [`field_at`] only on a candidate.
#[inline]
pub(crate) fn candidate(bytes: &[u8]) -> Option<Colon> {
    let marks = bytes
        .iter()
        .take_while(|b| matches!(b, b'*' | b'_'))
        .count();
    let window = bytes.get(marks..).unwrap_or_default();
    // The first byte could not start a key (`[link]`, `` `code` ``, `@x`).
    if !window.first().is_some_and(|&b| may_start_key(b)) {
        return None;
    }
    let window = window.get(..MAX_KEY + 4).unwrap_or(window);
    let at =
        bytes::find_either_short(window, b':', b'\n').filter(|&i| window.get(i) == Some(&b':'))?;
    Some(Colon { marks, at })
}

/// A candidate colon: `at` bytes after the `marks` that open the line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Colon {
    marks: usize,
    at: usize,
}

/// The field of `text` once [`candidate`] found its colon.
pub(crate) fn field_at(text: &str, colon: Colon) -> Option<KeyValue<'_>> {
    field_on_line(text, colon, false)
}

/// [`field_at`] for a `text` known to hold no line ending, such as a line
/// of a paragraph: the value runs to its end, with no search.
pub(crate) fn field_at_line(text: &str, colon: Colon) -> Option<KeyValue<'_>> {
    field_on_line(text, colon, true)
}

/// [`field_at`]; `one_line` when `text` holds no line ending.
#[inline(always)]
fn field_on_line(text: &str, colon: Colon, one_line: bool) -> Option<KeyValue<'_>> {
    let Colon { marks, at: colon } = colon;
    let bytes = text.as_bytes();
    let emphasized = marks > 0;
    // `https://…`: a URL, not a field. One byte test settles most colons.
    let after_colon = marks + colon + 1;
    if bytes.get(after_colon..after_colon + 2) == Some(b"//") {
        return None;
    }
    let key_raw = text.get(marks..marks + colon)?;
    // `key_raw.trim_end_matches(['*', '_']).trim()`.
    let is_mark = |c: char| matches!(c, '*' | '_');
    let unmarked = bytes::trim_end_by(key_raw, |b| is_mark(char::from(b)), is_mark);
    let key_end = bytes::trim_end(unmarked);
    let key = bytes::trim_start(key_end);
    let key_lead = key_end.len() - key.len();
    // The colon was searched up to a `\n` only: a lone `\r` trimmed off
    // the key (`Notes\r: x`) ends a line before it (`is_key` refuses one
    // inside). The trimmed parts are nearly always empty.
    let has_cr = |t: Option<&str>| t.is_some_and(|t| t.bytes().any(|b| b == b'\r'));
    if !is_key(key) || has_cr(unmarked.get(key_end.len()..)) || has_cr(key_end.get(..key_lead)) {
        return None;
    }
    // The rest of the first line; the colon is on it.
    let rest = bytes.get(after_colon..).unwrap_or_default();
    let line_end = match one_line {
        true => None,
        false => bytes::find_line_end(rest),
    }
    .map_or(text.len(), |(n, _)| after_colon + n);
    let after = bytes::trim_end(text.get(after_colon..line_end)?);
    // `**Key**: value` or `**Key:** value`: the closing marks on either side.
    // `after` ends trimmed, so trimming the start trims the value.
    let value = value_start(after);
    let value = if emphasized && key_raw.len() == key.len() {
        // `**Action: text**`: the marks close after the value.
        value.trim_end_matches(['*', '_']).trim_end()
    } else {
        value
    };
    Some(KeyValue {
        key,
        value,
        emphasized,
    })
}

/// `after.trim_start_matches(['*', '_']).trim_start()`, by bytes while
/// they are ASCII.
fn value_start(after: &str) -> &str {
    let bytes = after.as_bytes();
    let marks = bytes
        .iter()
        .position(|b| !matches!(b, b'*' | b'_'))
        .unwrap_or(bytes.len());
    let rest = after.get(marks..).unwrap_or_default();
    bytes::trim_start(rest)
}

/// Whether a key (after its emphasis marks) may start with `b`: white
/// space or a character a key holds, or any byte that is not ASCII.
fn may_start_key(b: u8) -> bool {
    !b.is_ascii()
        || b.is_ascii_alphanumeric()
        || matches!(
            b,
            b' ' | b'\t' | 11..=13 | b'&' | b'-' | b'/' | b'\'' | b'.'
        )
}

/// What a byte is to a key: see [`KEY_BYTES`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyByte {
    /// A letter, a digit or one of `&-/'.`: part of a word.
    Word,
    /// The space between words.
    Space,
    /// Not in a key.
    Other,
    /// Not ASCII: the key is read by characters.
    Wide,
}

/// The [`KeyByte`] of every byte.
static KEY_BYTES: [KeyByte; 256] = {
    let mut table = [KeyByte::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            KeyByte::Wide
        } else if c == b' ' {
            KeyByte::Space
        } else if c.is_ascii_alphanumeric() || matches!(c, b'&' | b'-' | b'/' | b'\'' | b'.') {
            KeyByte::Word
        } else {
            KeyByte::Other
        };
        b += 1;
    }
    table
};

/// Whether a trimmed key reads as one (see [`field`]): three characters or
/// more, at most [`MAX_KEY`] bytes and four words, letters, digits and a
/// few marks. One or two letters are a speaker (`Q:`, `A:`, `CW:`).
fn is_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    if bytes.len() > MAX_KEY {
        return false;
    }
    // In ASCII the only white space the key may hold is the space, and it is
    // trimmed: the words are the runs after a space or the start.
    let mut words = 0;
    let mut after_space = true;
    for &b in bytes {
        match KEY_BYTES[usize::from(b)] {
            KeyByte::Word => {
                words += usize::from(after_space);
                after_space = false;
            }
            KeyByte::Space => after_space = true,
            KeyByte::Other => return false,
            KeyByte::Wide => return is_wide_key(key),
        }
    }
    bytes.len() > 2 && words <= 4
}

/// [`is_key`] for a key that is not all ASCII, by characters.
fn is_wide_key(key: &str) -> bool {
    key.chars().count() > 2
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '-' | '/' | '\'' | '.'))
        && key.split_whitespace().count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_values_and_marks() {
        let read = |line| {
            field(line)
                .ok()
                .map(|(_, kv)| (kv.key, kv.value, kv.emphasized))
        };
        assert_eq!(read("__Host__: x "), Some(("Host", "x", true)));
        assert_eq!(read("__Host__ : x"), None);
        assert_eq!(
            read("Note takers:** Ann"),
            Some(("Note takers", "Ann", false))
        );
        assert_eq!(read("Zeit: 10:00"), Some(("Zeit", "10:00", false)));
        assert_eq!(read("Teilnehmende: x"), Some(("Teilnehmende", "x", false)));
        assert_eq!(read("CW: x"), None);
        assert_eq!(read("one two three four five: x"), None);
        assert_eq!(read("A sentence that goes on for far too long: x"), None);
        assert_eq!(read("`code`: x"), None);
        assert_eq!(read("Notes\r: x"), None);
        assert_eq!(read("**Attendees:** "), Some(("Attendees", "", true)));
    }

    #[test]
    fn value_start_as_by_chars() {
        for text in ["", " **x", "**_ \u{a0}y", "\u{2003}*z", "*\t\n*"] {
            assert_eq!(
                value_start(text),
                text.trim_start_matches(['*', '_']).trim_start(),
                "{text:?}"
            );
        }
    }
}
