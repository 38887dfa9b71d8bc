//! The time of day: `19:00 - 20:00`, `10:00 AM - 11:00 AM PT`, `1pm`,
//! `19:00 UTC+8`.

use nom::IResult;
use time::{Time, UtcOffset};

use super::fail;

/// A time of day or a range of them, with the zone written after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeRange<'a> {
    /// The start (or the only time).
    pub start: Time,
    /// The end of a range.
    pub end: Option<Time>,
    /// The zone as written: `UTC+8`, `PT`, `+05:30`.
    pub zone: Option<&'a str>,
    /// The zone's offset, for UTC, GMT and numeric zones only (named zones
    /// such as `PT` shift with daylight saving time).
    pub utc_offset: Option<UtcOffset>,
}

/// A time, or a range of two, and an optional zone.
///
/// ```text
/// time_range = clock [ *WSP ( "-" / "–" / "—" / "~" / "to " ) *WSP clock ] [ zone ]
/// clock      = 1*2DIGIT ( ":" 2DIGIT [ [ " " ] meridiem ] / [ " " ] meridiem )
/// meridiem   = "am" / "pm" / "a.m." / "p.m."          ; any case
/// zone       = *( WSP / "(" ) ( ( "UTC" / "GMT" ) [ offset ] / named / offset )
/// offset     = ( "+" / "-" / "−" ) ( 1*2DIGIT [ ":" 2DIGIT ] / 4DIGIT )
/// named      = "PT" / "PST" / "PDT" / "ET" / "EST" / ... (a fixed list)
/// ```
///
/// A clock needs minutes or a meridiem (`5 people` is no time) and ends
/// the word; a start without a meridiem takes the end's (`10:00 - 11:00
/// AM`). A bare offset needs four digits (`+0800`, `+08:00`). A zone that
/// is not one is left unread (`1pm US Pacific` reads `1pm`).
///
/// ```
/// use minutes::grammar::time_range;
/// let (rest, t) = time_range("10:00 - 11:30 AM PT)").unwrap();
/// assert_eq!((t.start.hour(), t.end.map(|e| e.minute()), t.zone), (10, Some(30), Some("PT")));
/// assert_eq!(rest, ")");
/// let (_, t) = time_range("19:00 UTC+8").unwrap();
/// assert_eq!(t.utc_offset.map(|o| o.whole_hours()), Some(8));
/// assert!(time_range("25:00").is_err());
/// assert!(time_range("5 people").is_err());
/// ```
pub fn time_range(input: &str) -> IResult<&str, TimeRange<'_>> {
    match time_range_prefix(input) {
        Some((range, len)) => Ok((input.get(len..).unwrap_or_default(), range)),
        None => fail(input, nom::error::ErrorKind::Verify),
    }
}

/// [`time_range`] at the start of `text`, and its length.
pub(crate) fn time_range_prefix(text: &str) -> Option<(TimeRange<'_>, usize)> {
    let (start_clock, mut pos) = clock(text)?;
    let mut end_clock = None;
    if let Some((clock, len)) = text.get(pos..).and_then(range_end) {
        end_clock = Some(clock);
        pos += len;
    }
    let start = to_time(with_meridiem(start_clock, end_clock))?;
    let end = match end_clock {
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
    let range = TimeRange {
        start,
        end,
        zone,
        utc_offset,
    };
    Some((range, zone_end))
}

/// Named zones people write after a meeting time. Only UTC and GMT have a
/// fixed offset; the others shift with daylight saving time (and `EST` is
/// often written in summer), so they keep their name only.
const NAMED_ZONES: &[&str] = &[
    "PT", "PST", "PDT", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "CET", "CEST",
    "BST", "IST", "JST", "KST", "AEST", "AEDT", "HKT", "SGT", "WET", "EET", "EEST",
];

/// A clock reading: hour, minute, and whether `am`/`pm` was written (`Some(true)` for pm).
type Clock = (u8, u8, Option<bool>);

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

    #[test]
    fn clocks() {
        assert_eq!(clock("9:30 am,"), Some(((9, 30, Some(false)), 7)));
        assert_eq!(clock("1pm"), Some(((1, 0, Some(true)), 3)));
        assert_eq!(clock("13pm"), Some(((13, 0, Some(true)), 4)));
        assert_eq!(clock("5 people"), None);
        assert_eq!(clock("19:0"), None);
        assert_eq!(range_end(" to 5pm"), Some(((5, 0, Some(true)), 7)));
    }
}
