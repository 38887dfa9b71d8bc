//! `Key: value` lines: `- **Date & Time**: September 4, 2025`,
//! `**Minutes by**: Wenkai Yin`, `Date: 2018/12/25`, `**Attendees**:`,
//! `**Action: Mikeal to open an issue**`.

use nom::IResult;

use super::{fail, line_len};

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
const MAX_KEY: usize = 32;

// TODO(issue 15, semantic phase): `semantic/metadata.rs` still reads fields
// with its own `key_value` / `key_value_at` / `key_ok` / `value_start`
// (called from `semantic/mod.rs` on the first line of paragraphs and items).
// Keep its byte pre-checks (a first byte that may start a key, a colon
// within `MAX_KEY + 4` bytes) as the candidate scanner and call `field` on
// the line; `tests/grammar.rs` (`corpus_fields_read_alike`) shows that the
// two read every field of the corpus alike. Check the instruction count.

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
    let line_len = line_len(input);
    let line = input.get(..line_len).unwrap_or_default();
    let after_marks = line.trim_start_matches(['*', '_']);
    let emphasized = after_marks.len() < line.len();
    let found = after_marks
        .char_indices()
        .take_while(|&(at, _)| at < MAX_KEY + 4)
        .find(|&(_, c)| c == ':')
        .and_then(|(colon, _)| {
            let key_raw = after_marks.get(..colon)?;
            let after_colon = after_marks.get(colon + 1..)?;
            let key = key_raw.trim_end_matches(['*', '_']).trim();
            if after_colon.starts_with("//") || !is_key(key) {
                return None;
            }
            let value = after_colon
                .trim_end()
                .trim_start_matches(['*', '_'])
                .trim_start();
            // `**Action: text**`: the marks close after the value.
            let value = match emphasized && key_raw.len() == key.len() {
                true => value.trim_end_matches(['*', '_']).trim_end(),
                false => value,
            };
            Some(KeyValue {
                key,
                value,
                emphasized,
            })
        });
    match found {
        Some(kv) => Ok((input.get(line_len..).unwrap_or_default(), kv)),
        None => fail(input, nom::error::ErrorKind::Verify),
    }
}

/// Whether a trimmed key reads as one (see [`field`]).
fn is_key(key: &str) -> bool {
    key.len() <= MAX_KEY
        && key.chars().nth(2).is_some()
        && key.split(' ').filter(|word| !word.is_empty()).count() <= 4
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '-' | '/' | '\'' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines read as the semantic layer's `metadata::key_value` reads them.
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
    }
}
