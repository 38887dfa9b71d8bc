//! The time of day after a date, as [`crate::grammar::time_range`] reads
//! it, past separators such as `, `, ` (` or ` at `.
//!
//! Only what directly follows the date on its line is read, so a time in
//! unrelated prose is never taken for the meeting's. Every step looks at a
//! bounded number of bytes.

use std::borrow::Cow;

use crate::grammar::time_range_prefix;
use crate::model::{MeetingTime, Span};

/// The time (and zone) at the start of `text` after separators such as
/// `, `, ` (` or ` at `. `offset` is where `text` starts in the input.
pub(crate) fn time_after(text: &str, offset: usize) -> Option<MeetingTime<'_>> {
    let start = skip_separators(text);
    let (range, len) = time_range_prefix(text.get(start..)?)?;
    Some(MeetingTime {
        start: range.start,
        end: range.end,
        zone: range.zone.map(Cow::Borrowed),
        utc_offset: range.utc_offset,
        span: Span::new(offset + start, offset + start + len),
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Time, UtcOffset};

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
