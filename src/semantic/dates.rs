//! The dates a note gives for itself: where a line, a heading or the front
//! matter holds one, and which of them dates the meeting. Pure readers: the
//! builder keeps what they find and writes the diagnostics.

use time::Date;

use crate::bytes;
use crate::inline::date::{self, Found};
use crate::model::{MeetingTime, Span};

/// A date, where it came from, and the time of day given with it.
#[derive(Debug, Clone)]
pub(super) struct Dated<'a> {
    pub date: Date,
    pub span: Span,
    pub time: Option<MeetingTime<'a>>,
}

/// The dates the note gives besides its title, as the builder meets them.
#[derive(Default)]
pub(super) struct NoteDates<'a> {
    /// The first `Date:` line of the preamble, or a line that starts with a
    /// date (`Thursday June 25, 2020`).
    pub line: Option<Dated<'a>>,
    /// The first `Date:` line after the preamble that has a time of day.
    pub timed_line: Option<Dated<'a>>,
    /// The `date:` of YAML front matter.
    pub front_matter: Option<Dated<'a>>,
    /// The date of the heading right below the title.
    pub heading: Option<Dated<'a>>,
}

impl<'a> NoteDates<'a> {
    /// The year of the first other date of the note, which a title without
    /// a year (`Sync, March 5`) takes.
    pub fn other_year(&self) -> Option<i32> {
        [&self.line, &self.front_matter, &self.heading]
            .into_iter()
            .flatten()
            .next()
            .map(|dated| dated.date.year())
    }

    /// The meeting's date: the title's, else the preamble line's, the front
    /// matter's, the heading's. A title rarely has a time; a `Date & Time:`
    /// line of the same day gives it.
    pub fn choose(self, title: Option<Dated<'a>>) -> Option<Dated<'a>> {
        let mut chosen = title
            .or_else(|| self.line.clone())
            .or(self.front_matter)
            .or(self.heading);
        if let Some(dated) = chosen.as_mut().filter(|d| d.time.is_none()) {
            dated.time = [&self.line, &self.timed_line]
                .into_iter()
                .flatten()
                .find(|line| line.date == dated.date)
                .and_then(|line| line.time.clone());
        }
        chosen
    }
}

/// The date of a title without a year, in `year`; an impossible one is
/// left out (the title's own reading reported it).
pub(super) fn title_in_year(title: &str, offset: usize, year: i32) -> Option<Dated<'_>> {
    let found = date::find_date(title, offset, Some(year))?;
    Some(Dated {
        date: found.date.ok()?,
        span: found.span,
        time: found.time,
    })
}

/// The value of the `date:` line of front matter `body`, and where it
/// starts in `body`.
pub(super) fn front_matter_value(body: &str) -> Option<(&str, usize)> {
    bytes::split_lines(body).find_map(|(offset, line)| {
        let value = line.strip_prefix("date:")?;
        Some((value, offset + "date:".len()))
    })
}

/// The date in a heading, with its year (`## March 5` may be next year's);
/// impossible dates are left to the title's diagnostic.
pub(super) fn heading_date(heading: &str, offset: usize) -> Option<Date> {
    if !bytes::has_digit(heading.as_bytes()) {
        return None;
    }
    date::find_date(heading, offset, None)?.date.ok()
}

/// The first line of `text` when it has a `Date` key after its decoration,
/// and where that line starts in `text`. The search for a timed date line
/// goes on through the whole note, so it only glances at the start of each
/// block.
pub(super) fn keyed_line(text: &str) -> Option<(&str, usize)> {
    if !may_have_date_key(text.as_bytes()) {
        return None;
    }
    let key = text.trim_start_matches(is_key_decoration);
    if !has_date_key(key) {
        return None;
    }
    let line = bytes::split_lines(key).next().map_or(key, |(_, line)| line);
    Some((line, text.len() - key.len()))
}

/// The date each line of `text` (at `offset`) gives, in order: a line such
/// as `Date: 2025-11-25` or `* Meeting date: 2020-11-02`, or one that starts
/// with a date (`Thursday June 25, 2020 (10:00 AM PT)`).
pub(super) fn line_dates(
    text: &str,
    offset: usize,
    year_hint: Option<i32>,
) -> impl Iterator<Item = Found<'_>> {
    bytes::split_lines(text).filter_map(move |(at, line)| {
        let key = line.trim_start_matches(is_key_decoration);
        let start = offset + at + (line.len() - key.len());
        if has_date_key(key) {
            date::find_date(key, start, year_hint)
        } else {
            leading_date(key, start, year_hint)
        }
    })
}

/// A date at the start of `text` (after a weekday name, if any), so that
/// prose that merely mentions a date further on does not date the meeting.
fn leading_date(text: &str, offset: usize, year_hint: Option<i32>) -> Option<Found<'_>> {
    let body = text.trim_end();
    let weekday = date::weekday_prefix(body);
    let rest = body.get(weekday..)?;
    date::date_at(rest, 0, offset + weekday, year_hint)
}

/// What may come before a `Date:` key: list marks, emphasis, quote marks.
fn is_key_decoration(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_' | '-' | '>')
}

/// Whether `text` may start with a date key after its decoration: the
/// first other byte is a `d` or `m`, or not ASCII (then the slow way).
#[inline]
pub(super) fn may_have_date_key(text: &[u8]) -> bool {
    text.iter()
        .copied()
        .find(|b| !matches!(b, b' ' | 9..=13 | b'*' | b'_' | b'-' | b'>'))
        .is_some_and(|b| !b.is_ascii() || matches!(b | 0x20, b'd' | b'm'))
}

/// `Date:`, `Date & Time:`, `Meeting date:` (case-insensitive, colon optional).
fn has_date_key(text: &str) -> bool {
    ["date", "meeting date"].iter().any(|word| {
        text.get(..word.len())
            .is_some_and(|k| k.eq_ignore_ascii_case(word))
    })
}
