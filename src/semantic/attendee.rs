//! Attendees from the items of an attendees section.
//!
//! `- [Display Name](https://github.com/login) (Affiliation/Project)`,
//! `* Name @login (TSC)`, `- Charles (@ckerr)`, `- Xuejin He (Ant Group)`,
//! `Wenkai yin@VMware` (a company, not a handle), and tables with a name column.

use std::borrow::Cow;

use crate::bytes;
use crate::diagnostic::{Code, Diagnostic};
use crate::grammar::people::{affiliation_parts, group_inner};
use crate::inline::handle::HandleToken;
use crate::inline::reference::{github_url, GitHubUrl};
use crate::inline::Handle;
use crate::model::{Attendee, Span};

/// Decorations around names: emphasis marks and white space.
fn is_decoration(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '_')
}

/// Reads an attendee from the text of an item (`input[text]`, which may span
/// lines) with the handles found in it. `is_new` is asked with the handle
/// (or the name, without one): `false` ends the reading with `None`, after
/// its diagnostics.
pub(crate) fn attendee<'a>(
    input: &'a str,
    text: Span,
    item: Span,
    handles: &[Handle<'a>],
    diagnostics: &mut Vec<Diagnostic>,
    is_new: impl FnOnce(&'a str) -> bool,
) -> Option<Attendee<'a>> {
    let raw = input.get(text.start..text.end)?;
    let body = bytes::trim_start_by(raw, is_decoration_byte, is_decoration);
    let body_start = text.start + (raw.len() - body.len());

    let first_user = handles.iter().find_map(|h| match h.token {
        HandleToken::User(login) => Some((login, h.span)),
        HandleToken::Team(_) => None,
    });

    let (name, url, rest_start) = match link_at_start(body) {
        Some((name, url, len)) => (name, Some(url), body_start + len),
        None => {
            // The plain name runs to the first parenthesis or handle.
            let mut end = find_byte(body, b'(').unwrap_or(body.len());
            if let Some((_, span)) = first_user {
                end = end.min(span.start.saturating_sub(body_start));
            }
            let name = body.get(..end).unwrap_or(body);
            (name, None, body_start + name.len())
        }
    };
    let name = trim_name_marks(name);
    // `Steven Z@VMware`: an `@` glued to the name starts the company.
    let (name, company) = match find_byte(name, b'@') {
        Some(at) if url.is_none() => {
            let (person, company) = name.split_at(at);
            let company = company.get(1..).unwrap_or_default().trim();
            if person.is_empty() || person.ends_with(char::is_whitespace) {
                (name, None)
            } else {
                (person, (!company.is_empty()).then_some(company))
            }
        }
        _ => (name, None),
    };

    let handle = match url.and_then(github_url) {
        Some(GitHubUrl::Profile(login)) if crate::inline::handle::is_login(login) => Some(login),
        _ => first_user.map(|(login, _)| login),
    };
    let name = if name.is_empty() { handle? } else { name };

    let new = is_new(handle.unwrap_or(name));
    let rest = input.get(rest_start..text.end).unwrap_or_default();
    let mut affiliations = affiliations(rest, rest_start, handles, diagnostics, new);
    let roles = take_roles(&mut affiliations);
    if !new {
        return None;
    }
    if let Some(company) = company {
        affiliations.insert(0, Cow::Borrowed(company));
    }
    Some(Attendee {
        name: Cow::Borrowed(name),
        handle: handle.map(Cow::Borrowed),
        url: url.map(Cow::Borrowed),
        affiliations,
        roles,
        span: item,
    })
}

/// Decorations as bytes: the ASCII side of [`is_decoration`].
fn is_decoration_byte(b: u8) -> bool {
    bytes::is_ascii_space(b) || matches!(b, b'*' | b'_')
}

/// Marks around a name, `,`, `:` and `-` besides decorations.
fn is_name_mark(c: char) -> bool {
    is_decoration(c) || matches!(c, ',' | ':' | '-')
}

/// The ASCII side of [`is_name_mark`].
fn is_name_mark_byte(b: u8) -> bool {
    is_decoration_byte(b) || matches!(b, b',' | b':' | b'-')
}

/// `text.trim_matches(is_name_mark)`.
fn trim_name_marks(text: &str) -> &str {
    let text = bytes::trim_start_by(text, is_name_mark_byte, is_name_mark);
    bytes::trim_end_by(text, is_name_mark_byte, is_name_mark)
}

/// `[text](url)` at the start of `text`: the text, the URL and the length.
fn link_at_start(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix('[')?;
    let close = find_link_middle(rest)?;
    let name = &rest[..close];
    if name.contains(['[', ']']) {
        return None;
    }
    let after = &rest[close + 2..];
    let url_len = find_byte(after, b')')?;
    let url = after[..url_len].trim();
    Some((name, url, 1 + close + 2 + url_len + 1))
}

/// The first parenthesized group in `rest`, split on `/`. A group that holds
/// only a handle (`(@ckerr)`) is not an affiliation. An unclosed group runs
/// to the end of the text, with a diagnostic. Without `collect`, only the
/// diagnostics.
fn affiliations<'a>(
    rest: &'a str,
    offset: usize,
    handles: &[Handle<'a>],
    diagnostics: &mut Vec<Diagnostic>,
    collect: bool,
) -> Vec<Cow<'a, str>> {
    let Some(open) = find_byte(rest, b'(') else {
        return Vec::new();
    };
    let inner_start = open + 1;
    // A closed group as `grammar::affiliations` reads it; an unclosed one
    // runs to the end of the text.
    let (inner, closed) = match group_inner(rest.get(open..).unwrap_or_default()) {
        Some(inner) => (inner, true),
        None => (&rest[inner_start..], false),
    };
    let inner_abs = offset + inner_start;
    let only_handle = handles.iter().any(|h| {
        let inner_span = Span::new(inner_abs, inner_abs + inner.len());
        h.span.start >= inner_span.start
            && h.span.end <= inner_span.end
            && inner.trim().len() == h.span.len()
    });
    if only_handle || inner.trim().is_empty() {
        return Vec::new();
    }
    if !closed {
        diagnostics.push(Diagnostic::new(
            Code::UnclosedAffiliation,
            Span::new(offset + open, offset + rest.trim_end().len()),
            "affiliation parenthesis is never closed",
        ));
    }
    // `(Ant Group/Nydus)` then an orphan `/Dragonfly)` line: the closing
    // parenthesis of another attendee's affiliation, moved by an edit.
    let after_start = inner_start + inner.len() + usize::from(closed);
    let after = rest.get(after_start..).unwrap_or_default();
    let stray = find_byte(after, b')').and_then(|close| {
        let before = after.get(..close)?;
        let line_start = bytes::rfind_line_end(before).map_or(0, |n| n + 1);
        (!before.contains('(')).then_some((line_start, after.get(line_start..=close)?))
    });
    if let Some((line_start, line)) = stray {
        let stray = line.trim_start();
        let start = offset + after_start + line_start + (line.len() - stray.len());
        diagnostics.push(Diagnostic::new(
            Code::StrayParenthesis,
            Span::new(start, start + stray.len()),
            "closing parenthesis without an opening one; is it another attendee's affiliation?",
        ));
    }
    if !collect {
        return Vec::new();
    }
    affiliation_parts(inner).map(Cow::Borrowed).collect()
}

/// The initials in the `Abbreviation` column of an attendees table
/// (`| Name | Abbreviation | Organization |`), which the note's speakers
/// and assignments use (`SYG or DE to …`).
pub(crate) fn table_initials(input: &str, span: Span) -> Vec<&str> {
    let text = input.get(span.start..span.end).unwrap_or_default();
    let mut rows = bytes::split_lines(text).map(|(_, line)| line.trim());
    let Some(header) = rows.next() else {
        return Vec::new();
    };
    let Some(col) = cells(header).position(|(_, c)| {
        ["abbreviation", "abbr", "initials"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(c))
    }) else {
        return Vec::new();
    };
    rows.filter_map(|row| cells(row).nth(col))
        .map(|(_, c)| c)
        .filter(|c| super::names::is_initials(c))
        .collect()
}

/// Labels of the people who sent apologies: they are not present.
const ABSENCE: &[&str] = &[
    "absent",
    "absentees",
    "apologies",
    "excused",
    "not present",
    "regrets",
    "unable to attend",
];

/// Whether a label's key names the people absent (`Apologies:`).
pub(crate) fn is_absence(key: &str) -> bool {
    let key = key.trim();
    ABSENCE.iter().any(|w| w.eq_ignore_ascii_case(key))
}

/// Whether a one-line paragraph is an attendees word alone, maybe with a
/// note in parentheses: `Attendance (please add yourself)`.
pub(crate) fn is_attendees_label(text: &str) -> bool {
    let text = bytes::trim_start(text);
    // The first letter rules out most lines before anything else.
    if !matches!(text.as_bytes().first(), Some(b'A' | b'a' | b'P' | b'p')) {
        return false;
    }
    let text = bytes::trim_end(text);
    text.len() <= 80
        && !text.contains('\n')
        && super::heading::classify(text).0 == crate::model::SectionKind::Attendees
}

/// Words of a heading or item that names a group of people rather than a
/// person: `Invited guests`, `Remote`, `Team members`.
const GROUP_WORDS: &[&str] = &[
    "attendees",
    "attending",
    "guests",
    "in person",
    "in-person",
    "invited",
    "members",
    "observers",
    "others",
    "participants",
    "remote",
    "team",
    "visitors",
];

/// Whether an item's first line names a group of the people listed under
/// it: no handle or link, short, and a group word or a closing colon.
pub(crate) fn is_group(text: &str) -> bool {
    let words = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    if words.len() > 40 || words.contains(['@', '[', '(']) {
        return false;
    }
    words.ends_with(':')
        || GROUP_WORDS
            .iter()
            .any(|w| bytes::find_ignore_case(words, w).is_some())
}

/// Whether `text` is a person's name as lists write it: `Waldemar Horwat
/// (WH)`, `Bradford C. Smith`, `Alex B.`: a capital first, at most five
/// words before an optional parenthesis, no sentence marks or digits.
fn is_name(text: &str) -> bool {
    let text = bytes::trim_end(bytes::trim_start(text));
    if text.len() > 60 {
        return false;
    }
    let before_group = find_byte(text, b'(').map_or(text, |open| text.get(..open).unwrap_or(text));
    let name = bytes::trim_end(before_group);
    !name.is_empty()
        && name.starts_with(char::is_uppercase)
        && name.split_whitespace().count() <= 5
        && !text.bytes().any(|b| {
            matches!(b, b':' | b';' | b'!' | b'?' | b'@' | b'[' | b'|') || b.is_ascii_digit()
        })
}

/// Whether a line lists three or more people separated by commas, and
/// nothing else (a trailing comma allowed).
pub(crate) fn is_name_list(line: &str) -> bool {
    let mut parts = line.split(',').filter(|p| !p.trim().is_empty());
    let mut count = 0;
    let all = parts.all(|part| {
        count += 1;
        is_name(part)
    });
    all && count >= 3
}

/// Whether every line of a paragraph is one name (`Attendees:` then a
/// paragraph of names under it).
pub(crate) fn is_name_lines(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        // `Welcome, everyone.` is a sentence; `Alex B.` a name.
        let sentence =
            line.contains(',') || (line.ends_with(['.', '!', '?']) && !ends_with_initial(line));
        line.is_empty() || (is_name(line) && !sentence)
    })
}

/// Whether `text` ends with an initial (`Alex B.`), which is no sentence.
pub(crate) fn ends_with_initial(text: &str) -> bool {
    let mut tail = text.chars().rev();
    matches!(
        (tail.next(), tail.next(), tail.next()),
        (Some('.'), Some(initial), Some(' ')) if initial.is_uppercase()
    )
}

/// The attendees of an HTML `<table>` block (`input[span]`): a header row
/// names the columns (a `Name` column, maybe `GH ID` / `GitHub`), and a
/// column with an empty header holds presence marks (`X`): then only the
/// marked rows attended. `Name (Company, Role)` cells give affiliations and
/// roles.
pub(crate) fn html_table(input: &str, span: Span) -> Vec<Attendee<'_>> {
    let Some(text) = input.get(span.start..span.end) else {
        return Vec::new();
    };
    if !text.trim_start().starts_with("<table") {
        return Vec::new();
    }
    let mut rows = html_rows(text);
    let Some(header) = rows.next() else {
        return Vec::new();
    };
    let header: Vec<String> = header.1.iter().map(|c| c.to_ascii_lowercase()).collect();
    let Some(name_col) = header.iter().position(|h| h.contains("name")) else {
        return Vec::new();
    };
    let handle_col = header
        .iter()
        .position(|h| h.contains("gh") || h.contains("github") || h.contains("handle"));
    let mark_col = header.iter().position(|h| h.is_empty());
    let mut out = Vec::new();
    for (row, cells) in rows {
        let cell = |col: Option<usize>| col.and_then(|c| cells.get(c)).map(String::as_str);
        if mark_col.is_some() && cell(mark_col).is_none_or(str::is_empty) {
            continue;
        }
        let Some(whole) = cell(Some(name_col)).filter(|c| !c.is_empty()) else {
            continue;
        };
        let (name, inner) = match whole.split_once('(') {
            Some((name, rest)) => {
                let rest = rest.trim_end();
                (name.trim(), rest.strip_suffix(')').unwrap_or(rest))
            }
            None => (whole, ""),
        };
        let mut affiliations: Vec<Cow<'_, str>> = inner
            .split([',', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Cow::Owned(p.to_owned()))
            .collect();
        let roles = take_roles(&mut affiliations);
        let handle = cell(handle_col)
            .map(|h| h.trim_start_matches('@'))
            .filter(|h| crate::inline::handle::is_login(h))
            .map(|h| Cow::Owned(h.to_owned()));
        out.push(Attendee {
            name: Cow::Owned(name.to_owned()),
            handle,
            url: None,
            affiliations,
            roles,
            span: Span::new(span.start + row.start, span.start + row.end),
        });
    }
    out
}

/// The rows of an HTML table: each `<tr>`'s place in `text` and the text of
/// its cells, tags removed and white space collapsed.
fn html_rows(text: &str) -> impl Iterator<Item = (Span, Vec<String>)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + find_tag(text.get(from..)?, |tag| tag_is(tag, b"<tr"))?;
        let end = find_tag(text.get(start..)?, |tag| tag_is(tag, b"</tr>"))
            .map_or(text.len(), |e| start + e + 5);
        from = end;
        let row = text.get(start..end)?;
        let mut cells = Vec::new();
        let mut at = 0;
        loop {
            let rest = row.get(at..)?;
            // `<td` or `<th`, whichever comes first.
            let Some(open) = find_tag(rest, |tag| tag_is(tag, b"<td") || tag_is(tag, b"<th"))
            else {
                break;
            };
            let open = at + open;
            let body_start = open + row.get(open..)?.find('>')? + 1;
            let body_end = find_tag(row.get(body_start..)?, |tag| tag_is(tag, b"</t"))
                .map_or(row.len(), |e| body_start + e);
            cells.push(html_text(row.get(body_start..body_end)?));
            at = body_end + 1;
        }
        Some((Span::new(start, end), cells))
    })
}

/// Where the first `<` in `text` that starts what `is_tag` accepts (given
/// the text from that `<`) stands: one search for `<`, rare in a table's
/// text, instead of a comparison at every byte.
fn find_tag(text: &str, is_tag: impl Fn(&[u8]) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let at = from + memchr::memchr(b'<', bytes.get(from..)?)?;
        if is_tag(bytes.get(at..).unwrap_or_default()) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Whether `text` starts with `tag`, ASCII case ignored.
fn tag_is(text: &[u8], tag: &[u8]) -> bool {
    text.get(..tag.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(tag))
}

/// The text of an HTML fragment: tags removed, white space collapsed.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

/// Roles in the meeting, which are not affiliations: `(host)`,
/// `(voting member)`, `(Google, chair)`; compared without case.
const ROLES: &[&str] = &[
    "chair",
    "chairs",
    "co-chair",
    "coordinator",
    "facilitator",
    "guest",
    "host",
    "co-host",
    "moderator",
    "note taker",
    "note-taker",
    "notetaker",
    "observer",
    "scribe",
    "secretary",
    "voting member",
    "non-voting member",
    "presenter",
    "speaker",
];

/// Moves the roles out of `affiliations`: a part that is a role word, or
/// the role words of a comma-separated part (`Google, chair`), whose other
/// words stay an affiliation. Roles are lower case.
fn take_roles<'a>(affiliations: &mut Vec<Cow<'a, str>>) -> Vec<Cow<'a, str>> {
    // Most parts hold no comma: one test, without a split.
    let has_role = |part: &Cow<'a, str>| {
        if find_byte(part, b',').is_none() {
            is_role(part)
        } else {
            part.split(',').any(is_role)
        }
    };
    if !affiliations.iter().any(has_role) {
        return Vec::new();
    }
    let mut roles = Vec::new();
    let mut kept = Vec::with_capacity(affiliations.len());
    for part in affiliations.drain(..) {
        if !has_role(&part) {
            kept.push(part);
            continue;
        }
        let pieces: Vec<Cow<'a, str>> = match &part {
            Cow::Borrowed(text) => text.split(',').map(|p| Cow::Borrowed(p.trim())).collect(),
            Cow::Owned(text) => text
                .split(',')
                .map(|p| Cow::Owned(p.trim().to_owned()))
                .collect(),
        };
        for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
            if is_role(&piece) {
                roles.push(lower(piece));
            } else {
                kept.push(piece);
            }
        }
    }
    *affiliations = kept;
    roles
}

/// The longest of the [`ROLES`].
const LONGEST_ROLE: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ROLES.len() {
        if ROLES[i].len() > longest {
            longest = ROLES[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether a part of an affiliation (white space around it) is one of the
/// [`ROLES`], in any case: lowercased once into a buffer, then compared.
fn is_role(part: &str) -> bool {
    let part = bytes::trim_end(bytes::trim_start(part));
    let mut buffer = [0u8; LONGEST_ROLE];
    let Some(lower) = buffer.get_mut(..part.len()).filter(|l| l.len() >= 4) else {
        return false;
    };
    for (to, from) in lower.iter_mut().zip(part.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    ROLES.iter().any(|role| role.as_bytes() == &*lower)
}

/// `text` in lower case, borrowed when it already is.
fn lower(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        text
    }
}

/// The first `](` in `text`, as `str::find` finds it.
fn find_link_middle(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let close = from + find_byte(text.get(from..)?, b']')?;
        if bytes.get(close + 1) == Some(&b'(') {
            return Some(close);
        }
        from = close + 1;
    }
}

/// The first `byte` (ASCII) in `text`, as `str::find` with a `char` finds it.
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    bytes::find_byte(text.as_bytes(), byte)
}

/// Attendees from a pipe table whose header has a `Name` column; an
/// `Organization`, `Affiliation` or `Company` column gives the affiliation.
pub(crate) fn table<'a>(input: &'a str, span: Span) -> Vec<Attendee<'a>> {
    let mut out = Vec::new();
    let mut columns: Option<(usize, Option<usize>)> = None;
    let text = input.get(span.start..span.end).unwrap_or_default();
    for (offset, line) in bytes::split_lines(text) {
        let start = span.start + offset;
        let line_span = Span::new(start, start + line.trim_end().len());
        let row = line.trim();
        let is_delimiter = row.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '));
        let Some((name_col, org_col)) = columns else {
            let header: Vec<&str> = cells(row).map(|(_, c)| c).collect();
            let find = |names: &[&str]| {
                header
                    .iter()
                    .position(|h| names.iter().any(|n| n.eq_ignore_ascii_case(h)))
            };
            let Some(name_col) = find(&["name", "attendee", "participant", "who"]) else {
                return out;
            };
            columns = Some((
                name_col,
                find(&["organization", "organisation", "affiliation", "company"]),
            ));
            continue;
        };
        if is_delimiter {
            continue;
        }
        let row_start = line_span.start + (line.len() - line.trim_start().len());
        let cell = |col: usize| {
            cells(row)
                .nth(col)
                .filter(|(_, c)| !c.is_empty())
                .map(|(offset, c)| {
                    (
                        c,
                        Span::new(row_start + offset, row_start + offset + c.len()),
                    )
                })
        };
        let Some((name, _)) = cell(name_col) else {
            continue;
        };
        out.push(Attendee {
            name: Cow::Borrowed(name),
            handle: None,
            url: None,
            affiliations: org_col
                .and_then(cell)
                .map(|(org, _)| Cow::Borrowed(org))
                .into_iter()
                .collect(),
            roles: Vec::new(),
            span: line_span,
        });
    }
    out
}

/// The trimmed cells of a table row with their offsets in `row`.
fn cells(row: &str) -> impl Iterator<Item = (usize, &str)> {
    let inner_start = usize::from(row.starts_with('|'));
    let inner = row.get(inner_start..).unwrap_or_default();
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut offset = inner_start;
    inner.split('|').map(move |cell| {
        let lead = cell.len() - cell.trim_start().len();
        let found = (offset + lead, cell.trim());
        offset += cell.len() + 1;
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_trims_as_by_chars() {
        for text in [
            "",
            " ** Jane Doe, ",
            "-: x :-",
            "\u{a0}*é*\u{2003}",
            "_\t\u{3000}name\u{a0} ,",
            "--",
        ] {
            assert_eq!(
                bytes::trim_start_by(text, is_decoration_byte, is_decoration),
                text.trim_start_matches(is_decoration),
                "{text:?}"
            );
            assert_eq!(
                trim_name_marks(text),
                text.trim_matches(is_name_mark),
                "{text:?}"
            );
        }
    }
}
