//! Dates: `2025-10-14`, `2026-1-15`, `2018/09/13`, `September 4, 2025`,
//! `25th June, 2020`, `Thu, Sept 7th`.

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::one_of;
use nom::{IResult, Parser};
use time::Month;

use super::fail;

/// A date as written: year (when the text has one), month and day, not yet
/// checked against the calendar (`2025-02-30` parses; [`CalendarDate::to_date`]
/// says why it is no date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CalendarDate {
    /// The year, when written (`Sept 7th` has none).
    pub year: Option<i32>,
    /// The month, 1 to 12 when named; as written when numeric (`2025-13-01` gives 13).
    pub month: u8,
    /// The day of the month, as written.
    pub day: u8,
}

impl CalendarDate {
    /// The calendar date, with `year_hint` for a date written without a
    /// year: `None` when neither has a year, an error for an impossible
    /// date.
    ///
    /// ```
    /// use minutes::grammar::date;
    /// let (_, written) = date("Sept 7th").unwrap();
    /// assert_eq!(written.to_date(None), None);
    /// assert_eq!(written.to_date(Some(2025)).unwrap().unwrap().to_string(), "2025-09-07");
    /// assert!(date("2025-02-30").unwrap().1.to_date(None).unwrap().is_err());
    /// ```
    pub fn to_date(
        self,
        year_hint: Option<i32>,
    ) -> Option<Result<time::Date, time::error::ComponentRange>> {
        let year = self.year.or(year_hint)?;
        Some(
            Month::try_from(self.month)
                .and_then(|month| time::Date::from_calendar_date(year, month, self.day)),
        )
    }
}

/// A date in one of the forms notes write, after an optional weekday.
///
/// ```text
/// date       = [ weekday *( "," / "." / WSP ) ] ( numeric / month-day / day-month )
/// numeric    = 4DIGIT sep 1*2DIGIT sep 1*2DIGIT   ; the same sep twice
/// sep        = "-" / "/" / "."
/// month-day  = month 1*WSP day [ year ]           ; September 4, 2025 / Feb. 26 2026
/// day-month  = day 1*WSP month [ year ]           ; 4 September 2025 / 25th June, 2020
/// month      = a month's name or abbreviation (`Sept` too), capitalized, `.` after an abbreviation allowed
/// day        = 1*2DIGIT [ "st" / "nd" / "rd" / "th" ]
/// year       = [ "," ] 1*WSP 4DIGIT
/// weekday    = a weekday's name or abbreviation, any case
/// ```
///
/// A numeric date is not followed by a digit, nor (with `.`) by `.` and a
/// digit: `2019.03.14.1` is a version. Words end where they should:
/// `Mayday 5` and `7 Septembers` are no dates. The calendar is not checked
/// here: see [`CalendarDate::to_date`]. These are the forms the parser reads
/// in a note's text; file paths carry two more (`20251016.md`, and a year
/// folder with `CG-03-20.md`), which [`crate::date_from_path`] reads.
///
/// ```
/// use minutes::grammar::date;
/// let (rest, d) = date("2025-10-14 19:00").unwrap();
/// assert_eq!((rest, d.year, d.month, d.day), (" 19:00", Some(2025), 10, 14));
/// let (_, d) = date("Thursday June 25, 2020").unwrap();
/// assert_eq!((d.year, d.month, d.day), (Some(2020), 6, 25));
/// assert_eq!(date("25th June").unwrap().1.year, None);
/// assert!(date("2019.03.14.1").is_err());
/// assert!(date("may 5").is_err());
/// ```
pub fn date(input: &str) -> IResult<&str, CalendarDate> {
    let weekday = weekday_prefix(input);
    match input.get(weekday..).and_then(date_prefix) {
        Some((written, len)) => Ok((input.get(weekday + len..).unwrap_or_default(), written)),
        None => fail(input, nom::error::ErrorKind::Alt),
    }
}

/// Whether a date may start with byte `b`: a digit (a day, a year) or
/// the capital a month name starts with.
pub(crate) fn may_start_date(b: u8) -> bool {
    b.is_ascii_digit() || is_month_initial(b)
}

/// The first letters of the month names, as [`month_prefix`] reads them.
fn is_month_initial(b: u8) -> bool {
    matches!(b, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
}

/// [`date`] without the weekday: the date at the start of `text` and its length.
pub(crate) fn date_prefix(text: &str) -> Option<(CalendarDate, usize)> {
    let first = *text.as_bytes().first()?;
    if first.is_ascii_digit() {
        iso_prefix(text).or_else(|| day_first(text))
    } else if first.is_ascii_uppercase() {
        month_first(text)
    } else {
        None
    }
}

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |input| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(input)
}

/// `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/MM/DD` or `YYYY.MM.DD` at the start of
/// `text`, and its length.
pub(crate) fn iso_prefix(text: &str) -> Option<(CalendarDate, usize)> {
    // Four digits and a separator, or no ISO date: most numbers fail here,
    // before the parser.
    let bytes = text.as_bytes();
    let year_digits = bytes
        .get(..4)
        .is_some_and(|year| year.iter().all(u8::is_ascii_digit));
    if !year_digits || !matches!(bytes.get(4), Some(b'-' | b'/' | b'.')) {
        return None;
    }
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
    let written = CalendarDate {
        year: Some(year.parse().ok()?),
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    Some((written, text.len() - rest.len()))
}

/// The month a lowercase name or abbreviation notes use (with `sept`)
/// names: one `match`, which the compiler makes a few compares.
fn month_named(lower: &[u8]) -> Option<Month> {
    Some(match lower {
        b"january" | b"jan" => Month::January,
        b"february" | b"feb" => Month::February,
        b"march" | b"mar" => Month::March,
        b"april" | b"apr" => Month::April,
        b"may" => Month::May,
        b"june" | b"jun" => Month::June,
        b"july" | b"jul" => Month::July,
        b"august" | b"aug" => Month::August,
        b"september" | b"sept" | b"sep" => Month::September,
        b"october" | b"oct" => Month::October,
        b"november" | b"nov" => Month::November,
        b"december" | b"dec" => Month::December,
        _ => return None,
    })
}

/// A capitalized month name or abbreviation (`September`, `Sept.`, `Feb`)
/// that ends a word, at the start of `text`.
fn month_prefix(text: &str) -> Option<(Month, usize)> {
    // Most words are not months: their first letter rules most out before
    // their length and the table.
    if !is_month_initial(*text.as_bytes().first()?) {
        return None;
    }
    let word = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !(3..=9).contains(&word) {
        return None;
    }
    let mut buffer = [0u8; 9];
    let lower = buffer.get_mut(..word)?;
    for (to, from) in lower.iter_mut().zip(text.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    let month = month_named(lower)?;
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

/// `September 4, 2025`, `Feb 26 2026`, `Sept 7th`.
fn month_first(text: &str) -> Option<(CalendarDate, usize)> {
    let (month, len) = month_prefix(text)?;
    let (day, len) = after_gap(text, len, day_prefix)?;
    with_year(text, month, day, len)
}

/// `4 September 2025`, `25th June, 2020`, `7 Sept`.
fn day_first(text: &str) -> Option<(CalendarDate, usize)> {
    let (day, len) = day_prefix(text)?;
    let (month, len) = after_gap(text, len, month_prefix)?;
    with_year(text, month, day, len)
}

/// What `part` reads after the spaces at byte `at` of `text`, which must be
/// there, and where it ends.
fn after_gap<T>(text: &str, at: usize, part: fn(&str) -> Option<(T, usize)>) -> Option<(T, usize)> {
    let gap = spaces(text.get(at..)?);
    if gap == 0 {
        return None;
    }
    let (value, len) = part(text.get(at + gap..)?)?;
    Some((value, at + gap + len))
}

/// The date of `month` and `day`, with the year that may follow at `at`.
fn with_year(text: &str, month: Month, day: u8, at: usize) -> Option<(CalendarDate, usize)> {
    let (year, len) = year_prefix(text.get(at..)?).map_or((None, 0), |(y, n)| (Some(y), n));
    let written = CalendarDate {
        year,
        month: u8::from(month),
        day,
    };
    Some((written, at + len))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(Option<i32>, u8, u8, usize)> {
        date_prefix(text).map(|(d, len)| (d.year, d.month, d.day, len))
    }

    #[test]
    fn forms_and_lengths() {
        assert_eq!(parts("2026-1-155"), None);
        assert_eq!(parts("2026-1-15 x"), Some((Some(2026), 1, 15, 9)));
        assert_eq!(parts("2018/09/13"), Some((Some(2018), 9, 13, 10)));
        assert_eq!(parts("2025-10/14"), None);
        assert_eq!(parts("Feb. 26 2026"), Some((Some(2026), 2, 26, 12)));
        assert_eq!(parts("Sept 7th video"), Some((None, 9, 7, 8)));
        assert_eq!(parts("25th June, 2020"), Some((Some(2020), 6, 25, 15)));
        assert_eq!(parts("July 16x"), None);
        assert_eq!(weekday_prefix("Thu, 5"), 5);
        assert_eq!(weekday_prefix("Thumb"), 0);
    }
}
