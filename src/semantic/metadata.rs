//! `Key: value` fields: `- **Date & Time**: September 4, 2025`,
//! `**Minutes by**: Wenkai Yin`, `Date: 2018/12/25`, `**Attendees**:`,
//! `**Action: Mikeal to open an issue**`.

use crate::bytes;
use crate::grammar::field;
use crate::model::Span;

/// A field found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyValue {
    pub key: Span,
    /// Trimmed; empty when nothing follows the colon (`**Attendees**:`).
    pub value: Span,
    /// The key is in bold or italics, which marks a field wherever it is.
    pub emphasized: bool,
}

/// What a field's key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Date,
    Host,
    NoteTakers,
    Attendees,
    Action,
    Other,
}

/// The field at the start of the first line of `input[span]`, if any, as
/// [`crate::grammar::field`] reads it.
///
/// Every paragraph and item passes here and few hold a field: the byte
/// tests of `field::candidate` settle most, and only a candidate colon is
/// read further.
#[inline]
pub(crate) fn key_value(input: &str, span: Span) -> Option<KeyValue> {
    let colon = field::candidate(input.as_bytes().get(span.start..span.end)?)?;
    key_value_at(input.get(span.start..span.end)?, span.start, colon, false)
}

/// [`key_value`] of a `line` known to hold no line ending (a line of
/// [`super::lines::lines`]): the value runs to its end, with no search.
#[inline]
pub(crate) fn key_value_of_line(input: &str, line: Span) -> Option<KeyValue> {
    let colon = field::candidate(input.as_bytes().get(line.start..line.end)?)?;
    key_value_at(input.get(line.start..line.end)?, line.start, colon, true)
}

/// [`key_value`] once the colon is found: the grammar's field, as spans of
/// the input (`text` starts at `offset`; `one_line` when it holds no line
/// ending).
#[inline(never)]
fn key_value_at(
    text: &str,
    offset: usize,
    colon: field::Colon,
    one_line: bool,
) -> Option<KeyValue> {
    let found = match one_line {
        true => field::field_at_line(text, colon)?,
        false => field::field_at(text, colon)?,
    };
    // The key and value are slices of `text`: their place is their distance
    // from its start.
    let span_of = |part: &str| {
        let start = offset + (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        Some(Span::new(start, start + part.len()))
    };
    Some(KeyValue {
        key: span_of(found.key)?,
        value: span_of(found.value)?,
        emphasized: found.emphasized,
    })
}

/// Declares the key words of each meaning, in lowercase, once: the table
/// [`KEY_WORDS`] and the `match` of [`known_key`] are both made from it.
macro_rules! key_words {
    ($($kind:ident => [$($word:literal),+ $(,)?]),+ $(,)?) => {
        /// Every key word with its meaning.
        const KEY_WORDS: &[(&[u8], Key)] = &[$($(($word, Key::$kind)),+),+];

        /// The meaning of a key word given in lowercase; `None` for any
        /// other key. One `match`, which the compiler makes a few compares.
        fn known_key(lower: &[u8]) -> Option<Key> {
            match lower {
                $($($word)|+ => Some(Key::$kind),)+
                _ => None,
            }
        }
    };
}

key_words! {
    Date => [b"date", b"dates", b"date & time", b"date and time", b"meeting date", b"when", b"time"],
    Host => [b"host", b"hosts", b"hosted by", b"chair", b"facilitator", b"moderator"],
    NoteTakers => [
        b"note taker", b"note takers", b"notetaker", b"notetakers", b"note-taker",
        b"minutes by", b"notes by", b"scribe",
    ],
    Attendees => [
        b"attendees", b"attendance", b"participants", b"present", b"members", b"visitors",
        b"guests", b"team", b"team members", b"others",
    ],
    Action => [b"action", b"actions", b"action item", b"action items", b"todo", b"to do", b"todo items"],
}

/// The length of the longest key word.
const LONGEST_KEY_WORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < KEY_WORDS.len() {
        if KEY_WORDS[i].0.len() > longest {
            longest = KEY_WORDS[i].0.len();
        }
        i += 1;
    }
    longest
};

/// The first letters of the key words of `kinds`, as a set of bits (bit 0
/// for `a`). Every key word starts with a lowercase ASCII letter.
const fn first_letters(kinds: &[Key]) -> u32 {
    let mut letters = 0;
    let mut i = 0;
    while i < KEY_WORDS.len() {
        let (word, kind) = KEY_WORDS[i];
        let mut k = 0;
        while k < kinds.len() {
            if kinds[k] as u8 == kind as u8 {
                assert!(word[0].is_ascii_lowercase());
                letters |= 1 << (word[0] - b'a');
            }
            k += 1;
        }
        i += 1;
    }
    letters
}

/// The first letters of the action key words (`a`, `t`).
const ACTION_LETTERS: u32 = first_letters(&[Key::Action]);

/// The first letters of the keys that do something outside the meeting's
/// metadata: date, host, note takers and action keys.
const OUTSIDE_METADATA_LETTERS: u32 =
    first_letters(&[Key::Date, Key::Host, Key::NoteTakers, Key::Action]);

/// Whether the ASCII byte `b` is a letter, in either case, of `letters`.
fn is_one_of(letters: u32, b: u8) -> bool {
    let n = (b | 0x20).wrapping_sub(b'a');
    n < 26 && letters >> n & 1 == 1
}

/// The meaning of a field key, compared case-insensitively: the key in
/// lowercase matched against the key words, or a group of attendees.
pub(crate) fn key_kind(key: &str) -> Key {
    let mut buffer = [0u8; LONGEST_KEY_WORD];
    let Some(lower) = buffer.get_mut(..key.len()) else {
        return group_of_attendees(key);
    };
    for (to, from) in lower.iter_mut().zip(key.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    known_key(lower).unwrap_or_else(|| group_of_attendees(key))
}

/// `Remote attendees`, `In-person attendees`, `Attendees in person`: a
/// group of the people present.
fn group_of_attendees(key: &str) -> Key {
    let lower_ends = |word: &str| bytes::ends_with_ignore_case(key, word);
    let lower_starts = |word: &str| bytes::starts_with_ignore_case(key, word);
    let group = [" attendees", " participants"]
        .iter()
        .any(|w| lower_ends(w))
        || ["attendees ", "attending"].iter().any(|w| lower_starts(w));
    if group && key.len() <= field::MAX_KEY {
        Key::Attendees
    } else {
        Key::Other
    }
}

/// Whether the field at the start of `input[span]`, if any, may have an
/// action key (the first letters of their words). After a byte that is not
/// ASCII (white space of another script?), it may.
pub(crate) fn may_be_action(input: &str, span: Span) -> bool {
    first_key_byte(input, span).is_some_and(|b| !b.is_ascii() || is_one_of(ACTION_LETTERS, b))
}

/// Whether the field at the start of `input[span]`, if any, may have a key
/// that does something outside the meeting's metadata: a date, host, note
/// takers or action key (the first letters of their words).
pub(crate) fn may_act_outside_metadata(input: &str, span: Span) -> bool {
    first_key_byte(input, span)
        .is_some_and(|b| !b.is_ascii() || is_one_of(OUTSIDE_METADATA_LETTERS, b))
}

/// The first byte of `input[span]` after emphasis marks and white space:
/// the first of a key, if there is one.
fn first_key_byte(input: &str, span: Span) -> Option<u8> {
    let bytes = input
        .as_bytes()
        .get(span.start..span.end)
        .unwrap_or_default();
    bytes
        .iter()
        .copied()
        .find(|&b| !matches!(b, b'*' | b'_' | b' ' | 9..=13))
}

/// A person named in a field value: `@lazyparser` gives `lazyparser`.
pub(crate) fn person(text: &str) -> &str {
    let text = text.trim().trim_matches(['*', '_']);
    match text.strip_prefix('@') {
        Some(login) if crate::inline::handle::is_login(login) => login,
        _ => text,
    }
}

/// The people in a list value: `@a, @b and Carol` gives three.
pub(crate) fn people(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(person)
        .filter(|p| !p.is_empty())
}

/// A number of people with no names: `Community members, 9 participants`.
pub(crate) fn head_count(text: &str) -> Option<u32> {
    // A count needs a number that ends a word: most names have none.
    if !may_count(text.as_bytes()) {
        return None;
    }
    let mut words = text.split_whitespace().take(12);
    let mut previous = words.next()?;
    for word in words {
        let noun = word.trim_end_matches(['.', ',', ')']);
        // Compared in place: lowercasing allocated a string per word.
        let counted = [
            "participants",
            "attendees",
            "people",
            "persons",
            "members",
            "participant",
        ]
        .iter()
        .any(|counted| counted.eq_ignore_ascii_case(noun));
        let number = previous
            .trim_start_matches(['(', '~'])
            .trim_end_matches('+');
        if let Some(n) = counted.then(|| number.parse().ok()).flatten() {
            return Some(n);
        }
        previous = word;
    }
    None
}

/// Whether `text` has what a head count needs: a number (digits, maybe
/// then `+`) that ends a word, as in `9 participants` or `20+ people`; not
/// the digits of `@yyzai384)`. After a byte that is not ASCII, there may be
/// white space of another script.
fn may_count(text: &[u8]) -> bool {
    if !bytes::has_digit(text) {
        return false;
    }
    let mut rest = text;
    while let Some(digit) = rest.iter().position(u8::is_ascii_digit) {
        let number = rest.get(digit..).unwrap_or_default();
        let len = number
            .iter()
            .position(|&b| !(b.is_ascii_digit() || b == b'+'))
            .unwrap_or(number.len());
        match number.get(len) {
            Some(&b) if matches!(b, b' ' | 9..=13) || !b.is_ascii() => return true,
            Some(_) => rest = number.get(len..).unwrap_or_default(),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(text: &str) -> Option<(&str, &str, bool)> {
        let found = key_value(text, Span::new(0, text.len()))?;
        Some((
            &text[found.key.start..found.key.end],
            &text[found.value.start..found.value.end],
            found.emphasized,
        ))
    }

    #[test]
    fn fields() {
        assert_eq!(
            kv("**Date & Time**: September 4, 2025"),
            Some(("Date & Time", "September 4, 2025", true))
        );
        assert_eq!(
            kv("**Minutes by**: Wenkai Yin"),
            Some(("Minutes by", "Wenkai Yin", true))
        );
        assert_eq!(kv("**Attendees:** "), Some(("Attendees", "", true)));
        assert_eq!(kv("Date: 2018/12/25"), Some(("Date", "2018/12/25", false)));
        assert_eq!(
            kv("**Action: Mikeal to open**"),
            Some(("Action", "Mikeal to open", true))
        );
        assert_eq!(kv("see https://example.com"), None);
        assert_eq!(kv("Q: Can it be used for files?"), None);
        assert_eq!(kv("A long sentence that goes on and on: no"), None);
    }

    #[test]
    fn digits_and_counts() {
        assert!(may_count(b"Community members, 9 participants"));
        assert!(may_count(b"20+ people"));
        assert!(!may_count(b"[zzy987](https://github.com/zzy987)"));
        assert!(!may_count(b"Gaius (Ant Group)"));
    }

    #[test]
    fn key_words() {
        let word = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
        for &(bytes, kind) in KEY_WORDS {
            let word = word(bytes);
            assert_eq!(key_kind(&word), kind, "{word}");
            assert_eq!(key_kind(&word.to_uppercase()), kind, "{word}");
            let outside = matches!(kind, Key::Date | Key::Host | Key::NoteTakers | Key::Action);
            for text in [word.clone(), word.to_uppercase()] {
                let span = Span::new(0, text.len());
                assert!(kind != Key::Action || may_be_action(&text, span), "{text}");
                assert!(!outside || may_act_outside_metadata(&text, span), "{text}");
            }
        }
        // The filters are exactly the first letters of the words.
        assert_eq!(ACTION_LETTERS, 1 << 0 | 1 << (b't' - b'a'));
        let outside = b"acdfhmnstw".iter().fold(0, |m, b| m | 1 << (b - b'a'));
        assert_eq!(OUTSIDE_METADATA_LETTERS, outside);
        assert_eq!(LONGEST_KEY_WORD, "date and time".len());
        assert!(!may_act_outside_metadata("Others: x", Span::new(0, 9)));
        assert!(may_be_action("**Action: x**", Span::new(0, 13)));
        assert!(!may_be_action("Date: x", Span::new(0, 7)));
        assert_eq!(key_kind("Dáte"), Key::Other);
        assert_eq!(key_kind("date and times"), Key::Other);
        assert_eq!(key_kind(""), Key::Other);
    }

    #[test]
    fn counts_and_people() {
        assert_eq!(head_count("Community members, 9 participants"), Some(9));
        assert_eq!(head_count("Gaius (Ant Group)"), None);
        assert_eq!(
            head_count("students in compiler fields, 20+ participants"),
            Some(20)
        );
        assert_eq!(
            people("@a, @b and Carol").collect::<Vec<_>>(),
            ["a", "b", "Carol"]
        );
        assert_eq!(key_kind("Note Taker"), Key::NoteTakers);
    }
}
