//! The starts of Markdown lines: list markers, task checkboxes and ATX
//! headings, as the block layer reads them (CommonMark, with GitHub's task
//! lists). Each reads the line after its indentation; the block layer
//! judges the indentation and the nesting.

use nom::IResult;

use super::{fail, line_len};
use crate::bytes;

/// A list item's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListMarker {
    /// `-`, `*` or `+`.
    Bullet(char),
    /// `1.` or `1)`: the number and the delimiter, `.` or `)`.
    Ordered {
        /// The number, as written (up to nine digits).
        number: u32,
        /// `.` or `)`.
        delimiter: char,
    },
}

/// A bullet or ordered list marker, followed by white space or the end of
/// the line (not taken).
///
/// ```text
/// list_marker = ( "-" / "*" / "+" / 1*9DIGIT ( "." / ")" ) ) &( WSP / EOL / EOF )
/// ```
///
/// ```
/// use minutes::grammar::{list_marker, ListMarker};
/// assert_eq!(list_marker("- [ ] ship"), Ok((" [ ] ship", ListMarker::Bullet('-'))));
/// assert_eq!(
///     list_marker("12) twelve"),
///     Ok((" twelve", ListMarker::Ordered { number: 12, delimiter: ')' }))
/// );
/// assert!(list_marker("-x").is_err());
/// assert!(list_marker("1234567890. too long").is_err());
/// ```
#[inline]
pub fn list_marker(input: &str) -> IResult<&str, ListMarker> {
    let bytes = input.as_bytes();
    let (width, marker) = match bytes.first() {
        Some(&b @ (b'-' | b'*' | b'+')) => (1, ListMarker::Bullet(char::from(b))),
        Some(b'0'..=b'9') => {
            // Up to nine digits, then `.` or `)`.
            let digits = bytes
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let delimiter = match bytes.get(digits) {
                Some(&b @ (b'.' | b')')) if digits <= 9 => char::from(b),
                _ => return fail(input, nom::error::ErrorKind::Digit),
            };
            let number = bytes.iter().take(digits).fold(0u32, |n, &d| {
                n.wrapping_mul(10)
                    .wrapping_add(u32::from(d.wrapping_sub(b'0')))
            });
            (digits + 1, ListMarker::Ordered { number, delimiter })
        }
        _ => return fail(input, nom::error::ErrorKind::Char),
    };
    match input.get(width..) {
        Some(rest) if ends_marker(rest) => Ok((rest, marker)),
        _ => fail(input, nom::error::ErrorKind::Space),
    }
}

/// A task list checkbox: one character or none between brackets, followed
/// by white space or the end of the line (not taken).
///
/// ```text
/// task_marker = "[" [ mark ] "]" &( WSP / EOL / EOF )
/// mark        = any one character but "["
/// ```
///
/// Returns the mark between the brackets: `" "` (open), `"x"` or `"X"`
/// (done), `""` (`[]`, which notes mean as open), `"/"`, `"-"`, `"~"`,
/// `">"` and others, which [`crate::TaskState`] names.
///
/// ```
/// use minutes::grammar::task_marker;
/// assert_eq!(task_marker("[x] ship"), Ok((" ship", "x")));
/// assert_eq!(task_marker("[/]"), Ok(("", "/")));
/// assert_eq!(task_marker("[] ship"), Ok((" ship", "")));
/// assert!(task_marker("[x]ship").is_err());
/// assert!(task_marker("[ab] ship").is_err());
/// ```
#[inline]
pub fn task_marker(input: &str) -> IResult<&str, &str> {
    let checkbox = input.strip_prefix('[').and_then(|rest| {
        // At most one character between the brackets.
        let inner = match rest.chars().next()? {
            ']' => 0,
            '[' => return None,
            c => c.len_utf8(),
        };
        let after = rest.get(inner..)?.strip_prefix(']')?;
        ends_marker(after).then_some((after, rest.get(..inner)?))
    });
    match checkbox {
        Some(found) => Ok(found),
        None => fail(input, nom::error::ErrorKind::Char),
    }
}

/// Whether `rest` starts with white space or ends the line, as a marker's
/// end must.
fn ends_marker(rest: &str) -> bool {
    matches!(
        rest.as_bytes().first(),
        None | Some(b' ' | b'\t' | b'\n' | b'\r')
    )
}

/// An ATX heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct AtxHeading<'a> {
    /// 1 to 6, the number of `#`.
    pub level: u8,
    /// The text, trimmed, without a closing sequence of `#`.
    pub text: &'a str,
}

/// An ATX heading line, up to its line ending (not taken).
///
/// ```text
/// atx_heading = 1*6"#" ( WSP text / EOL / EOF )
/// text        = the rest of the line, trimmed; a closing run of "#" after white space is dropped
/// ```
///
/// ```
/// use minutes::grammar::atx_heading;
/// let (rest, h) = atx_heading("## Action items ##\nnext").unwrap();
/// assert_eq!((rest, h.level, h.text), ("\nnext", 2, "Action items"));
/// assert_eq!(atx_heading("# C#").unwrap().1.text, "C#");
/// assert!(atx_heading("#hashtag").is_err());
/// assert!(atx_heading("####### seven").is_err());
/// ```
pub fn atx_heading(input: &str) -> IResult<&str, AtxHeading<'_>> {
    let line_len = line_len(input);
    let line = input.get(..line_len).unwrap_or_default();
    let hashes = line.bytes().take(7).take_while(|&b| b == b'#').count();
    let rest = line.get(hashes..).unwrap_or_default();
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return fail(input, nom::error::ErrorKind::Char);
    }
    // Trimmed by bytes while ASCII, as `str::trim` would.
    let from_text = bytes::trim_start(rest);
    let text = bytes::trim_end(from_text);
    // A closing sequence of `#` must be preceded by a space.
    let closing = text.bytes().rev().take_while(|&b| b == b'#').count();
    let without_closing = text.get(..text.len() - closing).unwrap_or_default();
    let text = if without_closing.is_empty() {
        without_closing
    } else if without_closing.ends_with([' ', '\t']) {
        bytes::trim_end(without_closing)
    } else {
        text
    };
    let start = if text.is_empty() {
        hashes
    } else {
        line.len() - from_text.len()
    };
    let heading = AtxHeading {
        level: u8::try_from(hashes).unwrap_or(6),
        text: line.get(start..start + text.len()).unwrap_or_default(),
    };
    Ok((input.get(line_len..).unwrap_or_default(), heading))
}
