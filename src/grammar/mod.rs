//! The small languages of a meeting note, as zero-copy [`nom`] parsers.
//!
//! Each parser is a `fn(&str) -> nom::IResult<&str, T>`: call it alone, or
//! compose it with nom's own combinators. They are the parser's own rules:
//! the block, inline and semantic layers call these same functions where
//! their scanners find a candidate (a `#` for a reference, an `@` for a
//! handle, a line's first character for a list marker, a colon near the
//! start of a line for a field), so what a tool reads with
//! them is what [`crate::parse`] reads.
//!
//! | parser | reads | gives |
//! | --- | --- | --- |
//! | [`handle`] | `@gaius-qi` | the login |
//! | [`team_handle`] | `@rust-lang/lang` | `org/team` |
//! | [`issue_reference`] | GitHub URLs, `owner/repo#N`, `repo#N`, `#N`, `GH-N` | [`IssueReference`] |
//! | [`task_marker`] | `[ ]`, `[x]`, `[/]`, `[]`, ... | the mark |
//! | [`list_marker`] | `-`, `*`, `+`, `1.`, `1)` | [`ListMarker`] |
//! | [`atx_heading`] | `## Actions ##` | [`AtxHeading`] |
//! | [`date`] | `2025-10-14`, `Thu, Sept 4th, 2025`, `25 June 2020` | [`CalendarDate`] |
//! | [`time_range`] | `10:00 - 11:00 AM PT`, `19:00 UTC+8` | [`TimeRange`] |
//! | [`field`] | `**Date & Time**: September 4, 2025` | [`KeyValue`] |
//! | [`affiliations`] | `(Ant Group / Nydus)` | the parts |
//!
//! Each parser documents its grammar in an ABNF-like notation (`WSP` is a
//! space or tab, `EOL` a line ending, `&( )` a look-ahead that takes
//! nothing). What is not in a rule is the scanner's to judge: whether an
//! `@` or `#` starts a token at all (`a@b` is an address) depends on the
//! character before it, which a parser that starts at the `@` cannot see.
//!
//! Every parser is total: any input gives a value or a nom error, never a
//! panic, and takes time linear in the bytes it reads.
//!
//! ```
//! use minutes::grammar::{handle, issue_reference};
//! use nom::bytes::complete::tag;
//! use nom::multi::separated_list1;
//! use nom::Parser;
//!
//! let (rest, owners) = separated_list1(tag(", "), handle).parse("@ann, @bob: #12").unwrap();
//! assert_eq!(owners, ["ann", "bob"]);
//! let (_, issue) = issue_reference(rest.trim_start_matches(": ")).unwrap();
//! assert_eq!(issue.number, Some(12));
//! ```

mod calendar;
mod clock;
pub(crate) mod field;
mod line;
pub(crate) mod people;
pub(crate) mod reference;

pub(crate) use calendar::{date_prefix, iso_prefix, may_start_date, weekday_prefix};
pub(crate) use clock::time_range_prefix;

pub use calendar::{date, CalendarDate};
pub use clock::{time_range, TimeRange};
pub use field::{field, KeyValue};
pub use line::{atx_heading, list_marker, task_marker, AtxHeading, ListMarker};
pub use people::{affiliations, handle, team_handle};
pub use reference::{issue_reference, IssueReference};

/// The length of the first line of `text`, without its line ending.
fn line_len(text: &str) -> usize {
    crate::bytes::find_line_end(text.as_bytes()).map_or(text.len(), |(end, _)| end)
}

/// A nom error of `kind` at `input`: the parsers' one way to fail.
fn fail<T>(input: &str, kind: nom::error::ErrorKind) -> nom::IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(input, kind)))
}
