//! Dates: `2025-10-14`, `2026-1-15`, `2018/09/13`, found anywhere in a text.
//!
//! `time` does the calendar, so an impossible date such as `2025-02-30` is
//! reported as an error with its span instead of a panic or a wrong date.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::one_of;
use nom::{IResult, Parser};
use time::{Date, Month};

use super::time::time_after;
use crate::model::{MeetingTime, Span};

/// A date found in a text (or why the date-shaped text is not a date), its
/// span, and the time of day that follows it on the same line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<'a> {
    pub date: Result<Date, time::error::ComponentRange>,
    pub span: Span,
    pub time: Option<MeetingTime<'a>>,
}

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(input)
}

/// `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start of
/// `text`. Returns the date (or the calendar error) and the length consumed.
fn iso_prefix(text: &str) -> Option<(Result<Date, time::error::ComponentRange>, usize)> {
    let parsed: IResult<&str, (&str, char, &str, char, &str)> = (
        number(4, 4),
        one_of("-/."),
        number(1, 2),
        one_of("-/."),
        number(1, 2),
    )
        .parse(text);
    let (rest, (year, sep1, month, sep2, day)) = parsed.ok()?;
    if sep1 != sep2 || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // `2019.03.14.1` is a version number, not a date.
    let continues = rest
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if sep1 == '.' && continues {
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

/// Month names and the abbreviations notes use, with `Sept`.
const MONTHS: &[(&str, Month)] = &[
    ("january", Month::January),
    ("february", Month::February),
    ("march", Month::March),
    ("april", Month::April),
    ("may", Month::May),
    ("june", Month::June),
    ("july", Month::July),
    ("august", Month::August),
    ("september", Month::September),
    ("october", Month::October),
    ("november", Month::November),
    ("december", Month::December),
    ("sept", Month::September),
    ("jan", Month::January),
    ("feb", Month::February),
    ("mar", Month::March),
    ("apr", Month::April),
    ("jun", Month::June),
    ("jul", Month::July),
    ("aug", Month::August),
    ("sep", Month::September),
    ("oct", Month::October),
    ("nov", Month::November),
    ("dec", Month::December),
];

/// A capitalized month name or abbreviation (`September`, `Sept.`, `Feb`)
/// that ends a word, at the start of `text`.
fn month_prefix(text: &str) -> Option<(Month, usize)> {
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let word = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    // Most capitalized words are not months: rule them out before the table.
    let initial = text.as_bytes().first()?;
    if !(3..=9).contains(&word) || !b"JFMASOND".contains(initial) {
        return None;
    }
    let name = text.get(..word)?;
    let &(_, month) = MONTHS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))?;
    let dot = usize::from(word <= 4 && text.as_bytes().get(word) == Some(&b'.'));
    Some((month, word + dot))
}

/// A day of the month, `7` or `7th`, at the start of `text`.
fn day_prefix(text: &str) -> Option<(u8, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day = text.get(..digits)?.parse().ok()?;
    let rest = text.get(digits..)?;
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(s)))
        .map_or(0, |_| 2);
    let after = rest.get(suffix..)?;
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((day, digits + suffix))
}

/// A four-digit year after `, ` or ` ` at the start of `text`.
fn year_prefix(text: &str) -> Option<(i32, usize)> {
    let trimmed = text.strip_prefix(',').unwrap_or(text);
    let spaces = trimmed.len() - trimmed.trim_start_matches([' ', '\t']).len();
    if spaces == 0 {
        return None;
    }
    let digits = trimmed.get(spaces..)?;
    let year = digits
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    if digits
        .as_bytes()
        .get(4)
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    Some((year.parse().ok()?, text.len() - digits.len() + 4))
}

fn spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

type Calendar = (Result<Date, time::error::ComponentRange>, usize);

/// `September 4, 2025`, `Feb 26 2026`, `Sept 7th` (year from `year_hint`).
fn month_first(text: &str, year_hint: Option<i32>) -> Option<Calendar> {
    let (month, mut len) = month_prefix(text)?;
    let gap = spaces(text.get(len..)?);
    if gap == 0 {
        return None;
    }
    len += gap;
    let (day, day_len) = day_prefix(text.get(len..)?)?;
    len += day_len;
    let (year, year_len) = match year_prefix(text.get(len..)?) {
        Some(found) => found,
        None => (year_hint?, 0),
    };
    Some((Date::from_calendar_date(year, month, day), len + year_len))
}

/// `4 September 2025`, `25th June, 2020`, `7 Sept` (year from `year_hint`).
fn day_first(text: &str, year_hint: Option<i32>) -> Option<Calendar> {
    let (day, mut len) = day_prefix(text)?;
    let gap = spaces(text.get(len..)?);
    if gap == 0 {
        return None;
    }
    len += gap;
    let (month, month_len) = month_prefix(text.get(len..)?)?;
    len += month_len;
    let (year, year_len) = match year_prefix(text.get(len..)?) {
        Some(found) => found,
        None => (year_hint?, 0),
    };
    Some((Date::from_calendar_date(year, month, day), len + year_len))
}

/// The length of a weekday name and the punctuation after it at the start
/// of `text` (`Thursday `, `Thu, `), or 0.
pub(crate) fn weekday_prefix(text: &str) -> usize {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let word = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let is_weekday = text
        .get(..word)
        .is_some_and(|w| WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w)));
    if !is_weekday {
        return 0;
    }
    let rest = text.get(word..).unwrap_or_default();
    word + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
            .len()
}

/// The first date in `text`, which starts at byte `offset` of the input,
/// with the time that follows it. Dates without a year take `year_hint`'s
/// or are skipped.
pub(crate) fn find_date(text: &str, offset: usize, year_hint: Option<i32>) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    (0..bytes.len())
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
    let first = *rest.as_bytes().first()?;
    let (date, len) = if first.is_ascii_digit() {
        iso_prefix(rest).or_else(|| day_first(rest, year_hint))?
    } else if first.is_ascii_uppercase() {
        month_first(rest, year_hint)?
    } else {
        return None;
    };
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
                match iso_prefix(rest) {
                    Some((Ok(date), _)) => Some(date),
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
        assert_eq!(
            date_in_path("main/2018/CG-03-20v21.md"),
            Some(date(2018, 3, 20))
        );
        assert_eq!(
            date_in_path("stack-2022-sg-10-24-22.md"),
            Some(date(2022, 10, 24))
        );
        assert_eq!(
            date_in_path("stack/2021/sg-1-25.md"),
            Some(date(2021, 1, 25))
        );
        assert_eq!(date_in_path("main/2017/CG-05.md"), None);
        assert_eq!(date_in_path("main/2026/CG-2026-08.md"), None);
        assert_eq!(date_in_path("main/2018/TPAC.md"), None);
        assert_eq!(date_in_path("main/2019/CG-02-30.md"), None);
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
        assert!(find_date("2025-10/14", 0, None).is_none());
        assert!(find_date("x2025-10-14", 0, None).is_none());
        assert!(find_date("12025-10-14", 0, None).is_none());
        assert!(find_date("2025-10-145", 0, None).is_none());
        assert!(find_date("July 16 video call", 0, None).is_none());
        assert!(find_date("may 5", 0, Some(2025)).is_none());
        assert!(find_date("Mayday 5", 0, Some(2025)).is_none());
        assert!(parse_iso("2025-10-14 ").is_none());
    }
}
