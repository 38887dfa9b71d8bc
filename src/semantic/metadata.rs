//! `Key: value` fields: `- **Date & Time**: September 4, 2025`,
//! `**Minutes by**: Wenkai Yin`, `Date: 2018/12/25`, `**Attendees**:`,
//! `**Action: Mikeal to open an issue**`.

use crate::bytes;
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

/// Keys longer than this are prose that happens to hold a colon.
const MAX_KEY: usize = 32;

/// The field at the start of the first line of `input[span]`, if any.
///
/// Inlined at the callers: the tests that settle most texts (no key can
/// start with the first byte, no colon near the start); the key is read
/// out of line.
#[inline]
pub(crate) fn key_value(input: &str, span: Span) -> Option<KeyValue> {
    // The key is short, so the colon is near the start: look no further,
    // and judge the key before splitting off and trimming the first line.
    let bytes = input.as_bytes().get(span.start..span.end)?;
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
    let colon =
        bytes::find_either_short(window, b':', b'\n').filter(|&i| window.get(i) == Some(&b':'))?;
    key_value_at(input, span, marks, colon)
}

/// [`key_value`] once the colon is found, `colon` bytes after the `marks`.
#[inline(never)]
fn key_value_at(input: &str, span: Span, marks: usize, colon: usize) -> Option<KeyValue> {
    let text = input.get(span.start..span.end)?;
    let bytes = text.as_bytes();
    let emphasized = marks > 0;
    // `https://…`: a URL, not a field. One byte test settles most colons.
    let after_colon = marks + colon + 1;
    if bytes.get(after_colon..after_colon + 2) == Some(b"//") {
        return None;
    }
    let key_raw = text.get(marks..marks + colon)?;
    // `key_raw.trim_end_matches(['*', '_']).trim()`, and its offset.
    let is_mark = |c: char| matches!(c, '*' | '_');
    let unmarked = bytes::trim_end_by(key_raw, |b| is_mark(char::from(b)), is_mark);
    let key_end = bytes::trim_end(unmarked);
    let key = bytes::trim_start(key_end);
    let key_lead = key_end.len() - key.len();
    // The colon was searched up to a `\n` only: a lone `\r` trimmed off
    // the key (`Notes\r: x`) ends a line before it (`key_ok` refuses one
    // inside). The trimmed parts are nearly always empty.
    let has_cr = |t: Option<&str>| t.is_some_and(|t| t.bytes().any(|b| b == b'\r'));
    if !key_ok(key) || has_cr(unmarked.get(key_end.len()..)) || has_cr(key_end.get(..key_lead)) {
        return None;
    }
    // The rest of the first line; the colon is on it.
    let rest = bytes.get(after_colon..).unwrap_or_default();
    let line_end = bytes::find_line_end(rest).map_or(text.len(), |(n, _)| after_colon + n);
    let after = text.get(after_colon..line_end)?;
    let after = bytes::trim_end(after);
    // `**Key**: value` or `**Key:** value`: the closing marks on either side.
    // `after` ends trimmed, so trimming the start trims the value.
    let value = value_start(after);
    let value_start = span.start + after_colon + (after.len() - value.len());
    let value = if emphasized && key_raw.len() == key.len() {
        // `**Action: text**`: the marks close after the value.
        value.trim_end_matches(['*', '_']).trim_end()
    } else {
        value
    };
    let key_start = span.start + marks + key_lead;
    Some(KeyValue {
        key: Span::new(key_start, key_start + key.len()),
        value: Span::new(value_start, value_start + value.len()),
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

/// Whether a trimmed key reads as one: three characters or more, at most
/// [`MAX_KEY`] bytes and four words, letters, digits and a few marks. One or
/// two letters are a speaker (`Q:`, `A:`, `CW:`), not a key.
fn key_ok(key: &str) -> bool {
    let bytes = key.as_bytes();
    if bytes.len() > MAX_KEY {
        return false;
    }
    if !bytes.is_ascii() {
        return key.chars().count() > 2
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '-' | '/' | '\'' | '.'))
            && key.split_whitespace().count() <= 4;
    }
    // In ASCII the only white space the key may hold is the space, and it is
    // trimmed: the words are the runs after a space or the start.
    let mut words = 0;
    let mut after_space = true;
    for &b in bytes {
        let is_space = b == b' ';
        if !(is_space
            || b.is_ascii_alphanumeric()
            || matches!(b, b'&' | b'-' | b'/' | b'\'' | b'.'))
        {
            return false;
        }
        if !is_space && after_space {
            words += 1;
        }
        after_space = is_space;
    }
    bytes.len() > 2 && words <= 4
}

#[cfg(test)]
const DATE: &[&str] = &[
    "date",
    "dates",
    "date & time",
    "date and time",
    "meeting date",
    "when",
    "time",
];
#[cfg(test)]
const HOST: &[&str] = &[
    "host",
    "hosts",
    "hosted by",
    "chair",
    "facilitator",
    "moderator",
];
#[cfg(test)]
const NOTE_TAKERS: &[&str] = &[
    "note taker",
    "note takers",
    "notetaker",
    "notetakers",
    "note-taker",
    "minutes by",
    "notes by",
    "scribe",
];
#[cfg(test)]
const ATTENDEES: &[&str] = &[
    "attendees",
    "attendance",
    "participants",
    "present",
    "members",
    "visitors",
    "guests",
    "team",
    "team members",
    "others",
];
#[cfg(test)]
const ACTION: &[&str] = &[
    "action",
    "actions",
    "action item",
    "action items",
    "todo",
    "to do",
    "todo items",
];

/// The meaning of a field key, compared case-insensitively: the key in
/// lowercase matched against the words of the lists above (the test
/// `key_words` keeps the two in step).
pub(crate) fn key_kind(key: &str) -> Key {
    // The longest key word is `date and time`.
    let mut buffer = [0u8; 13];
    let Some(lower) = buffer.get_mut(..key.len()) else {
        return group_of_attendees(key);
    };
    for (to, from) in lower.iter_mut().zip(key.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    match &*lower {
        b"date" | b"dates" | b"date & time" | b"date and time" | b"meeting date" | b"when"
        | b"time" => Key::Date,
        b"host" | b"hosts" | b"hosted by" | b"chair" | b"facilitator" | b"moderator" => Key::Host,
        b"note taker" | b"note takers" | b"notetaker" | b"notetakers" | b"note-taker"
        | b"minutes by" | b"notes by" | b"scribe" => Key::NoteTakers,
        b"attendees" | b"attendance" | b"participants" | b"present" | b"members" | b"visitors"
        | b"guests" | b"team" | b"team members" | b"others" => Key::Attendees,
        b"action" | b"actions" | b"action item" | b"action items" | b"todo" | b"to do"
        | b"todo items" => Key::Action,
        _ => group_of_attendees(key),
    }
}

/// `Remote attendees`, `In-person attendees`, `Attendees in person`: a
/// group of the people present.
fn group_of_attendees(key: &str) -> Key {
    let lower_ends = |word: &str| {
        let cut = key.len().saturating_sub(word.len());
        key.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(word))
    };
    let lower_starts = |word: &str| {
        key.get(..word.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(word))
    };
    let group = [" attendees", " participants"]
        .iter()
        .any(|w| lower_ends(w))
        || ["attendees ", "attending"].iter().any(|w| lower_starts(w));
    if group && key.len() <= 32 {
        Key::Attendees
    } else {
        Key::Other
    }
}

/// Whether the field at the start of `input[span]`, if any, may have an
/// action key: all of them start with `a` or `t`. After a byte that is not
/// ASCII (white space of another script?), it may.
pub(crate) fn may_be_action(input: &str, span: Span) -> bool {
    first_key_byte(input, span).is_some_and(|b| !b.is_ascii() || matches!(b | 0x20, b'a' | b't'))
}

/// Whether the field at the start of `input[span]`, if any, may have a key
/// that does something outside the meeting's metadata: a date, host, note
/// takers or action key, which all start with one of `acdfhmnstw`.
pub(crate) fn may_act_outside_metadata(input: &str, span: Span) -> bool {
    first_key_byte(input, span).is_some_and(|b| {
        !b.is_ascii()
            || matches!(
                b | 0x20,
                b'a' | b'c' | b'd' | b'f' | b'h' | b'm' | b'n' | b's' | b't' | b'w'
            )
    })
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
    if !has_digit(text) {
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

/// Whether `text` holds an ASCII digit, eight bytes at a time.
fn has_digit(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        // Digits become bytes below 10; test for any such byte (exact for
        // a yes or no, as bytes of 128 and more are masked out by `!x`).
        let x = word ^ ZEROS;
        if x.wrapping_sub(ONES * 10) & !x & HIGHS != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
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
    fn value_start_as_by_chars() {
        for text in ["", " **x", "**_ \u{a0}y", "\u{2003}*z", "*\t\n*"] {
            assert_eq!(
                value_start(text),
                text.trim_start_matches(['*', '_']).trim_start(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn digits_and_counts() {
        for byte in 0..=255u8 {
            let mut text = [b'a'; 19];
            for at in 0..text.len() {
                text[at] = byte;
                assert_eq!(has_digit(&text), byte.is_ascii_digit(), "{byte} at {at}");
                text[at] = b'a';
            }
        }
        assert!(may_count(b"Community members, 9 participants"));
        assert!(may_count(b"20+ people"));
        assert!(!may_count(b"[zzy987](https://github.com/zzy987)"));
        assert!(!may_count(b"Gaius (Ant Group)"));
    }

    #[test]
    fn key_words() {
        let lists = [
            (DATE, Key::Date),
            (HOST, Key::Host),
            (NOTE_TAKERS, Key::NoteTakers),
            (ATTENDEES, Key::Attendees),
            (ACTION, Key::Action),
        ];
        for (list, kind) in lists {
            for word in list {
                assert_eq!(key_kind(word), kind, "{word}");
                assert_eq!(key_kind(&word.to_uppercase()), kind, "{word}");
            }
        }
        for word in ACTION {
            assert!(may_be_action(word, Span::new(0, word.len())), "{word}");
        }
        for word in [DATE, HOST, NOTE_TAKERS, ACTION].concat() {
            let upper = word.to_uppercase();
            for text in [word, upper.as_str()] {
                let span = Span::new(0, text.len());
                assert!(may_act_outside_metadata(text, span), "{text}");
            }
        }
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
