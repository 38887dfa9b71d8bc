//! Dates: `2025-10-14`, `2026-1-15`, `2018/09/13`, found anywhere in a text.
//!
//! `time` does the calendar, so an impossible date such as `2025-02-30` is
//! reported as an error with its span instead of a panic or a wrong date.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::one_of;
use nom::{IResult, Parser};
use time::{Date, Month};

use crate::model::Span;

/// A date found in a text, or why the date-shaped text is not a date.
pub(crate) type Found = (Result<Date, time::error::ComponentRange>, Span);

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(input)
}

/// `YYYY-MM-DD`, `YYYY-M-D` or `YYYY/MM/DD` at the start of `text`. Returns
/// the date (or the calendar error) and the length consumed.
fn iso_prefix(text: &str) -> Option<(Result<Date, time::error::ComponentRange>, usize)> {
    let parsed: IResult<&str, (&str, char, &str, char, &str)> = (
        number(4, 4),
        one_of("-/"),
        number(1, 2),
        one_of("-/"),
        number(1, 2),
    )
        .parse(text);
    let (rest, (year, sep1, month, sep2, day)) = parsed.ok()?;
    if sep1 != sep2 || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    let date = Month::try_from(month).and_then(|m| Date::from_calendar_date(year, m, day));
    Some((date, text.len() - rest.len()))
}

/// Parses `text` as exactly one ISO-style date.
pub(crate) fn parse_iso(text: &str) -> Option<Result<Date, time::error::ComponentRange>> {
    match iso_prefix(text) {
        Some((date, len)) if len == text.len() => Some(date),
        _ => None,
    }
}

/// The first date in `text`, which starts at byte `offset` of the input.
pub(crate) fn find_date(text: &str, offset: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            if let Some((date, len)) = text.get(i..).and_then(iso_prefix) {
                return Some((date, Span::new(offset + i, offset + i + len)));
            }
        }
        i += 1;
    }
    None
}

/// `20251016` at the start of `text`: eight digits that make a valid date.
fn compact_prefix(text: &str) -> Option<Date> {
    let digits = text
        .get(..8)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    if text.as_bytes().get(8).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = digits[..4].parse().ok()?;
    let month = Month::try_from(digits[4..6].parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year, month, digits[6..8].parse().ok()?).ok()
}

/// The date a file path names: `.../2025-10-14/README.md`, `20251016.md`,
/// `wg-2019-10-10.md`. The file name wins over its folders.
pub(crate) fn date_in_path(path: &str) -> Option<Date> {
    path.rsplit(['/', '\\']).find_map(|component| {
        let bytes = component.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
            .find_map(|i| {
                let rest = component.get(i..)?;
                match iso_prefix(rest) {
                    Some((Ok(date), _)) => Some(date),
                    _ => compact_prefix(rest),
                }
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    }

    #[test]
    fn finds_iso_dates_with_their_spans() {
        let (found, span) = find_date("Date: 2025-11-25 Host", 10).unwrap();
        assert_eq!(found.unwrap(), date(2025, 11, 25));
        assert_eq!(span, Span::new(16, 26));
        assert_eq!(
            find_date("Summary: 2026-1-15", 0).unwrap().0.unwrap(),
            date(2026, 1, 15)
        );
        assert_eq!(
            find_date("2018/09/13", 0).unwrap().0.unwrap(),
            date(2018, 9, 13)
        );
    }

    #[test]
    fn impossible_dates_are_errors_not_panics() {
        assert!(find_date("2025-02-30", 0).unwrap().0.is_err());
        assert!(find_date("2025-13-01", 0).unwrap().0.is_err());
    }

    #[test]
    fn dates_in_paths() {
        assert_eq!(
            date_in_path("meetings/maintainer/2025-10-14/README.md"),
            Some(date(2025, 10, 14))
        );
        assert_eq!(
            date_in_path("jeandle/20251016.md"),
            Some(date(2025, 10, 16))
        );
        assert_eq!(
            date_in_path("electron/wg-ecosystem-2019-7-18.md"),
            Some(date(2019, 7, 18))
        );
        assert_eq!(date_in_path("2025/notes.md"), None);
        assert_eq!(date_in_path("123456789.md"), None);
    }

    #[test]
    fn rejects_non_dates() {
        assert!(find_date("2025-10/14", 0).is_none());
        assert!(find_date("x2025-10-14", 0).is_none());
        assert!(find_date("12025-10-14", 0).is_none());
        assert!(find_date("2025-10-145", 0).is_none());
        assert!(parse_iso("2025-10-14 ").is_none());
    }
}
