//! Dates found anywhere in a text or a file path: where a date may start,
//! and what its date is in the calendar. The forms a date takes are
//! [`crate::grammar::date`]'s.
//!
//! `time` does the calendar, so an impossible date such as `2025-02-30` is
//! reported as an error with its span instead of a panic or a wrong date.

use time::{Date, Month};

use super::time::time_after;
pub(crate) use crate::grammar::weekday_prefix;
use crate::grammar::{date_prefix, iso_prefix, may_start_date};
use crate::model::{MeetingTime, Span};

/// A date found in a text (or why the date-shaped text is not a date), its
/// span, and the time of day that follows it on the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<'a> {
    pub date: Result<Date, time::error::ComponentRange>,
    pub span: Span,
    pub time: Option<MeetingTime<'a>>,
}

/// The first date in `text`, which starts at byte `offset` of the input,
/// with the time that follows it. Dates without a year take `year_hint`'s
/// or are skipped.
pub(crate) fn find_date(text: &str, offset: usize, year_hint: Option<i32>) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        // A date starts with a digit or a month's capital, after a boundary.
        .filter(|&i| bytes.get(i).copied().is_some_and(may_start_date))
        .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
        .find_map(|i| date_at(text, i, offset, year_hint))
}

/// The date that starts at byte `i` of `text`, with the time after it.
pub(crate) fn date_at(
    text: &str,
    i: usize,
    offset: usize,
    year_hint: Option<i32>,
) -> Option<Found<'_>> {
    let rest = text.get(i..)?;
    let (written, len) = date_prefix(rest)?;
    let date = written.to_date(year_hint)?;
    let end = i + len;
    let time = text
        .get(end..)
        .and_then(|after| time_after(after, offset + end));
    Some(Found {
        date,
        span: Span::new(offset + i, offset + end),
        time,
    })
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
    full_date_in_path(path).or_else(|| year_then_month_day(path))
}

fn full_date_in_path(path: &str) -> Option<Date> {
    path.rsplit(['/', '\\']).find_map(|component| {
        let bytes = component.as_bytes();
        (0..bytes.len())
            .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
            .find_map(|i| {
                let rest = component.get(i..)?;
                match iso_prefix(rest).and_then(|(written, _)| written.to_date(None)) {
                    Some(Ok(date)) => Some(date),
                    _ => compact_prefix(rest),
                }
            })
    })
}

/// A year and, later in the path, a month and day with no year of their
/// own: `main/2018/CG-03-20v21.md`, `stack/2022/sg-10-24-22.md` (WebAssembly
/// keeps the year in a folder and the day in the file name).
fn year_then_month_day(path: &str) -> Option<Date> {
    let bytes = path.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let len = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if len > 0 {
            runs.push((i, i + len));
            i += len;
        } else {
            i += 1;
        }
    }
    let number = |(start, end): (usize, usize)| path.get(start..end)?.parse::<u16>().ok();
    let years = runs
        .iter()
        .enumerate()
        .filter(|(_, run)| run.1 - run.0 == 4);
    years.rev().find_map(|(at, &year)| {
        let year = i32::from(number(year).filter(|y| (1970..=2100).contains(y))?);
        runs.get(at + 1..)?.windows(2).find_map(|pair| {
            let (month, day) = (pair[0], pair[1]);
            let short = |run: (usize, usize)| (1..=2).contains(&(run.1 - run.0));
            if !short(month) || !short(day) || path.get(month.1..day.0) != Some("-") {
                return None;
            }
            let month = Month::try_from(u8::try_from(number(month)?).ok()?).ok()?;
            Date::from_calendar_date(year, month, u8::try_from(number(day)?).ok()?).ok()
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
        let found = find_date("Date: 2025-11-25 Host", 10, None).unwrap();
        assert_eq!(found.date.unwrap(), date(2025, 11, 25));
        assert_eq!(found.span, Span::new(16, 26));
        assert_eq!(
            find_date("Summary: 2026-1-15", 0, None)
                .unwrap()
                .date
                .unwrap(),
            date(2026, 1, 15)
        );
        assert_eq!(
            find_date("2018/09/13", 0, None).unwrap().date.unwrap(),
            date(2018, 9, 13)
        );
    }

    #[test]
    fn month_names() {
        let d = |t: &str| find_date(t, 0, Some(2025)).map(|f| f.date.unwrap());
        assert_eq!(d("September 4, 2025, 19:00"), Some(date(2025, 9, 4)));
        assert_eq!(
            d("Thursday June 25, 2020 (10:00 AM"),
            Some(date(2020, 6, 25))
        );
        assert_eq!(d("4 September 2025"), Some(date(2025, 9, 4)));
        assert_eq!(d("the Sept 7th video call"), Some(date(2025, 9, 7)));
        assert_eq!(d("Feb. 26 2026"), Some(date(2026, 2, 26)));
    }

    #[test]
    fn impossible_dates_are_errors_not_panics() {
        assert!(find_date("2025-02-30", 0, None).unwrap().date.is_err());
        assert!(find_date("2025-13-01", 0, None).unwrap().date.is_err());
        assert!(find_date("February 30, 2025", 0, None)
            .unwrap()
            .date
            .is_err());
    }

    #[test]
    fn dates_in_paths() {
        let cases = [
            ("main/2018/CG-03-20v21.md", Some((2018, 3, 20))),
            ("stack-2022-sg-10-24-22.md", Some((2022, 10, 24))),
            ("stack/2021/sg-1-25.md", Some((2021, 1, 25))),
            ("main/2017/CG-05.md", None),
            ("main/2026/CG-2026-08.md", None),
            ("main/2018/TPAC.md", None),
            ("main/2019/CG-02-30.md", None),
            (
                "meetings/maintainer/2025-10-14/README.md",
                Some((2025, 10, 14)),
            ),
            ("jeandle/20251016.md", Some((2025, 10, 16))),
            ("electron/wg-ecosystem-2019-7-18.md", Some((2019, 7, 18))),
            ("2025/notes.md", None),
            ("123456789.md", None),
        ];
        for (path, expected) in cases {
            let expected = expected.map(|(y, m, d)| date(y, m, d));
            assert_eq!(date_in_path(path), expected, "{path}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        assert!(find_date("2025-10/14", 0, None).is_none());
        assert!(find_date("x2025-10-14", 0, None).is_none());
        assert!(find_date("12025-10-14", 0, None).is_none());
        assert!(find_date("2025-10-145", 0, None).is_none());
        assert!(find_date("July 16 video call", 0, None).is_none());
        assert!(find_date("may 5", 0, Some(2025)).is_none());
        assert!(find_date("Mayday 5", 0, Some(2025)).is_none());
    }
}
