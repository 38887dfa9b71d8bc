//! The time of day after a date: `19:00 - 20:00`, `10:00 AM - 11:00 AM PT`,
//! `1pm`, `19:00 UTC+8`.
//!
//! Only what directly follows the date on its line is read, so a time in
//! unrelated prose is never taken for the meeting's. Every step looks at a
//! bounded number of bytes.

use std::borrow::Cow;

use time::{Time, UtcOffset};

use crate::model::{MeetingTime, Span};

/// Named zones people write after a meeting time. Only UTC and GMT have a
/// fixed offset; the others shift with daylight saving time (and `EST` is
/// often written in summer), so they keep their name only.
const NAMED_ZONES: &[&str] = &[
    "PT", "PST", "PDT", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "CET", "CEST",
    "BST", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT", "WET", "EET", "EEST",
];

/// A clock reading: hour, minute, and whether `am`/`pm` was written (`Some(true)` for pm).
type Clock = (u8, u8, Option<bool>);

/// The time (and zone) at the start of `text` after separators such as
/// `, `, ` (` or ` at `. `offset` is where `text` starts in the input.
pub(crate) fn time_after(text: &str, offset: usize) -> Option<MeetingTime<'_>> {
    let start = skip_separators(text);
    let (start_clock, mut pos) = clock(text.get(start..)?).map(|(c, len)| (c, start + len))?;
    let mut end_clock = None;
    if let Some((clock, len)) = text.get(pos..).and_then(range_end) {
        end_clock = Some(clock);
        pos += len;
    }
    let start_time = to_time(with_meridiem(start_clock, end_clock))?;
    let end_time = match end_clock {
        Some(clock) => Some(to_time(clock)?),
        None => None,
    };
    let (zone, utc_offset, zone_end) = match text.get(pos..).and_then(zone) {
        Some((gap, zone, utc_offset)) => {
            let zone_start = pos + gap;
            let zone_end = zone_start + zone.len();
            (text.get(zone_start..zone_end), utc_offset, zone_end)
        }
        None => (None, None, pos),
    };
    Some(MeetingTime {
        start: start_time,
        end: end_time,
        zone: zone.map(Cow::Borrowed),
        utc_offset,
        span: Span::new(offset + start, offset + zone_end),
    })
}

fn skip_separators(text: &str) -> usize {
    let mut pos = 0;
    for _ in 0..4 {
        let rest = text.get(pos..).unwrap_or_default();
        let punct = rest.len()
            - rest
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | '(' | '|' | '@')
                })
                .len();
        pos += punct;
        let rest = text.get(pos..).unwrap_or_default();
        // `at` or `from` before any white space, a no-break space included
        // (`at\u{a0}14:00`); the next round skips the space.
        let word = ["at", "from"]
            .iter()
            .find(|w| {
                rest.get(..w.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(w))
                    && rest
                        .get(w.len()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_whitespace)
            })
            .map_or(0, |w| w.len());
        pos += word;
        if punct == 0 && word == 0 {
            break;
        }
    }
    pos
}

/// `19:00`, `9:30 am`, `1pm`, `10:00 AM`: needs minutes or am/pm.
fn clock(text: &str) -> Option<(Clock, usize)> {
    let bytes = text.as_bytes();
    let hour_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hour_len) {
        return None;
    }
    let hour: u8 = text.get(..hour_len)?.parse().ok()?;
    let mut len = hour_len;
    let mut minute = None;
    if bytes.get(len) == Some(&b':') {
        let digits = text.get(len + 1..len + 3)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        minute = Some(digits.parse().ok()?);
        len += 3;
    }
    let gap = text
        .get(len..)?
        .bytes()
        .take_while(|&b| b == b' ')
        .count()
        .min(1);
    let meridiem = meridiem(text.get(len + gap..)?);
    if let Some((_, m_len)) = meridiem {
        len += gap + m_len;
    }
    if minute.is_none() && meridiem.is_none() {
        return None;
    }
    if text.get(len..)?.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(((hour, minute.unwrap_or(0), meridiem.map(|(pm, _)| pm)), len))
}

/// `am`, `PM`, `a.m.` at the start of `text`: whether it is pm, and its length.
fn meridiem(text: &str) -> Option<(bool, usize)> {
    let lower = |n: usize| text.get(..n).map(str::to_ascii_lowercase);
    for (form, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower(form.len()).as_deref() == Some(form) {
            let after = text.get(form.len()..).unwrap_or_default();
            if !after.starts_with(|c: char| c.is_alphanumeric()) {
                return Some((pm, form.len()));
            }
        }
    }
    None
}

/// ` - 20:00`, `–11:00 AM`, ` to 5pm` at the start of `text`.
fn range_end(text: &str) -> Option<(Clock, usize)> {
    let mut pos = spaces(text);
    let rest = text.get(pos..)?;
    let dash = ["-", "–", "—", "~", "to "]
        .iter()
        .find(|d| rest.starts_with(*d))
        .map(|d| d.len())?;
    pos += dash;
    pos += spaces(text.get(pos..)?);
    let (clock, len) = clock(text.get(pos..)?)?;
    Some((clock, pos + len))
}

fn spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// `10:00 - 11:00 AM`: the start takes the end's am/pm when it has none.
fn with_meridiem(start: Clock, end: Option<Clock>) -> Clock {
    match (start.2, end) {
        (None, Some((_, _, Some(pm)))) if start.0 <= 12 => (start.0, start.1, Some(pm)),
        _ => start,
    }
}

fn to_time((hour, minute, meridiem): Clock) -> Option<Time> {
    let hour = match meridiem {
        None => hour,
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    Time::from_hms(hour, minute, 0).ok()
}

/// A zone after the time: `UTC`, `UTC+8`, `GMT-07:00`, `+05:30`, `PT`, also
/// in parentheses. Returns the gap before it, the zone text, and its offset.
fn zone(text: &str) -> Option<(usize, &str, Option<UtcOffset>)> {
    let gap = text.len() - text.trim_start_matches([' ', '\t', '(']).len();
    let rest = text.get(gap..)?;
    let word = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    let name = rest.get(..word)?;
    let (len, offset) = if name == "UTC" || name == "GMT" {
        match numeric_offset(rest.get(word..)?) {
            Some((offset, len)) => (word + len, Some(offset)),
            None => (word, Some(UtcOffset::UTC)),
        }
    } else if word > 0 {
        if !NAMED_ZONES.contains(&name) {
            return None;
        }
        (word, None)
    } else {
        let (offset, len) = numeric_offset(rest)?;
        // A bare `+8` is too loose; `+08:00` and `+0800` are offsets.
        if len < 5 {
            return None;
        }
        (len, Some(offset))
    };
    if rest.get(len..)?.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((gap, rest.get(..len)?, offset))
}

/// `+8`, `-07:00`, `+0530` at the start of `text`, and its length.
fn numeric_offset(text: &str) -> Option<(UtcOffset, usize)> {
    let (sign, sign_len): (i8, usize) = if text.starts_with('+') {
        (1, 1)
    } else if text.starts_with('-') {
        (-1, 1)
    } else if text.starts_with('−') {
        (-1, '−'.len_utf8())
    } else {
        return None;
    };
    let digits = text.get(sign_len..)?;
    let hour_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    let (hours, minutes, len): (i8, i8, usize) = match hour_len {
        1 | 2 if digits.as_bytes().get(hour_len) == Some(&b':') => {
            let minutes = digits.get(hour_len + 1..hour_len + 3)?;
            if !minutes.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (
                digits.get(..hour_len)?.parse().ok()?,
                minutes.parse().ok()?,
                hour_len + 3,
            )
        }
        1 | 2 => (digits.get(..hour_len)?.parse().ok()?, 0, hour_len),
        4 => (
            digits.get(..2)?.parse().ok()?,
            digits.get(2..4)?.parse().ok()?,
            4,
        ),
        _ => return None,
    };
    let offset = UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()?;
    Some((offset, sign_len + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u8, m: u8) -> Time {
        Time::from_hms(h, m, 0).unwrap()
    }

    #[test]
    fn ranges_and_meridiems() {
        let t = time_after(", 19:00 - 20:00", 0).unwrap();
        assert_eq!((t.start, t.end), (hm(19, 0), Some(hm(20, 0))));
        assert_eq!(t.span, Span::new(2, 15));
        let t = time_after(" (10:00 AM - 11:00 AM PT)", 0).unwrap();
        assert_eq!(
            (t.start, t.end, t.zone.as_deref()),
            (hm(10, 0), Some(hm(11, 0)), Some("PT"))
        );
        let t = time_after(", 1pm US Pacific", 0).unwrap();
        assert_eq!((t.start, t.end, t.zone), (hm(13, 0), None, None));
        let t = time_after(" 10:00 - 11:30 pm", 0).unwrap();
        assert_eq!((t.start, t.end), (hm(22, 0), Some(hm(23, 30))));
        assert_eq!(time_after(" 12:00 AM", 0).unwrap().start, hm(0, 0));
        // Separator words before any white space, a no-break space included.
        let t = time_after(" at\u{a0}14:00 UTC", 0).unwrap();
        assert_eq!((t.start, t.zone.as_deref()), (hm(14, 0), Some("UTC")));
        assert_eq!(time_after(" from\t9:30 am", 0).unwrap().start, hm(9, 30));
        assert_eq!(time_after(" attic 9:30", 0), None);
    }

    #[test]
    fn zones() {
        let offset = |t: &str| time_after(t, 0).and_then(|t| t.utc_offset);
        assert_eq!(offset(" 19:00 UTC+8"), UtcOffset::from_hms(8, 0, 0).ok());
        assert_eq!(
            offset(" 19:00 (GMT-07:00)"),
            UtcOffset::from_hms(-7, 0, 0).ok()
        );
        assert_eq!(offset(" 19:00 +0530"), UtcOffset::from_hms(5, 30, 0).ok());
        assert_eq!(offset(" 19:00 UTC"), Some(UtcOffset::UTC));
        assert_eq!(offset(" 19:00 PDT"), None);
        assert_eq!(time_after(" 19:00 USA", 0).unwrap().zone, None);
    }

    #[test]
    fn not_times() {
        assert_eq!(time_after(" Host by @x", 0), None);
        assert_eq!(time_after(" 2025 and more", 0), None);
        assert_eq!(time_after(" 25:00", 0), None);
        assert_eq!(time_after(" 13pm", 0), None);
        assert_eq!(time_after(" 5 people", 0), None);
    }
}
