//! Owners and tags: the trailing run of handles and `[tags]` on an item.

use crate::bytes;
use crate::inline::handle::HandleToken;
use crate::inline::Handle;
use crate::model::Span;

/// What trails an item's text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Trailer<'a> {
    /// Owner logins, in source order.
    pub owners: Vec<&'a str>,
    /// Tag words, in source order.
    pub tags: Vec<&'a str>,
}

/// What may stand between owners: white space, commas, emphasis marks and
/// slashes (`@a/@b`).
fn is_soft_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '*' | '/')
}

/// Also the parentheses of `(@tonyganch)`, which are trimmed only where no
/// handle such as `@[login](url)` ends with them.
fn is_separator(c: char) -> bool {
    is_soft_separator(c) || matches!(c, '(' | ')')
}

/// Words that join owners: `@a and @b`, `@x or @y`.
const JOINERS: &[&str] = &["and", "or", "&"];

/// Reads the run of handles and tags at the end of `input[text]`, walking
/// backwards: `... @chlins  @gaius-qi [pending]`, `... (@tonyganch)`,
/// `... @fatelei # a comment`. `handles` are the item's handles in source
/// order.
pub(crate) fn trailer<'a>(input: &'a str, text: Span, handles: &[Handle<'a>]) -> Trailer<'a> {
    let mut out = Trailer::default();
    trailer_into(input, text, handles, &mut out.owners, &mut out.tags);
    out
}

/// [`trailer`], appending the owners and tags to `owners` and `tags`.
#[inline]
pub(crate) fn trailer_into<'a>(
    input: &'a str,
    text: Span,
    handles: &[Handle<'a>],
    owners: &mut Vec<&'a str>,
    tags: &mut Vec<&'a str>,
) {
    // Most items end with no handle and no tag: they cost this one test.
    if handles.is_empty() && !may_end_with_tag(input, text) {
        return;
    }
    trailer_run(input, text, handles, owners, tags);
}

/// The body of [`trailer_into`].
#[inline(never)]
fn trailer_run<'a>(
    input: &'a str,
    text: Span,
    handles: &[Handle<'a>],
    owners: &mut Vec<&'a str>,
    tags: &mut Vec<&'a str>,
) {
    let (owners_from, tags_from) = (owners.len(), tags.len());
    let mut end = comment_start(input, text, handles).unwrap_or(text.end);
    let mut next_handle = handles.partition_point(|h| h.span.end <= end);
    let mut after_owner = false;
    while let Some(before) = input.get(text.start..end) {
        let mut trimmed = trim_end_separators(before, false);
        if after_owner {
            if let Some(joined) = JOINERS.iter().find_map(|w| {
                let rest = trimmed.strip_suffix(w)?;
                rest.ends_with(char::is_whitespace).then_some(rest)
            }) {
                trimmed = trim_end_separators(joined, false);
            }
        }
        if let Some(tag) = tag_at_end(trimmed) {
            tags.push(tag);
            end = text.start + trimmed.len() - tag.len() - 2;
            after_owner = false;
            continue;
        }
        // `@[login](url)` ends with `)`; `(@login)` only after the `)`.
        let soft_end = text.start + trimmed.len();
        let hard_end = text.start + trim_end_separators(trimmed, true).len();
        while next_handle > 0 && handles[next_handle - 1].span.end > soft_end {
            next_handle -= 1;
        }
        let last_handle = next_handle.checked_sub(1).and_then(|i| handles.get(i));
        match last_handle.filter(|h| h.span.end == soft_end || h.span.end == hard_end) {
            Some(handle) => {
                match handle.token {
                    HandleToken::User(login) if !is_group_mention(login) => owners.push(login),
                    _ => {}
                }
                end = handle.span.start;
                next_handle -= 1;
                after_owner = true;
            }
            None => break,
        }
    }
    if owners.len() > owners_from && assigns_nothing(input.get(text.start..end).unwrap_or_default())
    {
        // `Added by @x`, `thanks @x`, `Next in rotation: @x`: mentions.
        owners.truncate(owners_from);
    }
    if let Some(found) = owners.get_mut(owners_from..) {
        found.reverse();
    }
    if let Some(found) = tags.get_mut(tags_from..) {
        found.reverse();
    }
}

/// `@all`, `@everyone`, `@here`, `@channel`: chat mentions of a group,
/// which own nothing.
pub(crate) fn is_group_mention(login: &str) -> bool {
    ["all", "everyone", "here", "channel"]
        .iter()
        .any(|g| g.eq_ignore_ascii_case(login))
}

/// Words after which a run of handles names people without giving them
/// the item: `thanks @x`, `cc @x`, `Next in rotation: @x`; and `by` after
/// a past participle (`Added by @x`, `Merged -- by @x`, not `Host by @x`).
const NOT_ASSIGNING: &[&str] = &[
    "cc", "credit", "credits", "from", "rotation", "thank", "thanks", "thx", "via",
];

/// Whether the text before a trailing run of handles ends with one of
/// [`NOT_ASSIGNING`] or a participle and `by`, compared without case.
fn assigns_nothing(before: &str) -> bool {
    let (word, rest) = last_word(before);
    if word.eq_ignore_ascii_case("by") {
        let (participle, _) = last_word(rest);
        return participle.len() > 3 && participle.to_ascii_lowercase().ends_with("ed");
    }
    NOT_ASSIGNING.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The last word of `text` after marks (`:`, `,`, `-`, `(`, emphasis) and
/// what stands before it.
fn last_word(text: &str) -> (&str, &str) {
    let text = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | ',' | '-' | '(' | '*' | '_')
    });
    let start = text.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |at| {
        at + text
            .get(at..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    });
    (
        text.get(start..).unwrap_or_default(),
        text.get(..start).unwrap_or_default(),
    )
}

/// `text.trim_end_matches(is_separator)` with `parens`, else with
/// `is_soft_separator`.
fn trim_end_separators(text: &str, parens: bool) -> &str {
    let soft = |b: u8| bytes::is_ascii_space(b) || matches!(b, b',' | b'*' | b'/');
    if parens {
        bytes::trim_end_by(text, |b| soft(b) || matches!(b, b'(' | b')'), is_separator)
    } else {
        bytes::trim_end_by(text, soft, is_soft_separator)
    }
}

/// `text.trim_start_matches` white space, commas and `*`.
fn trim_start_leading(text: &str) -> &str {
    bytes::trim_start_by(
        text,
        |b| bytes::is_ascii_space(b) || matches!(b, b',' | b'*'),
        |c| c.is_whitespace() || matches!(c, ',' | '*'),
    )
}

/// Whether `input[text]` may end with a `[tag]`: false when its last
/// character before soft separators is plainly something else.
fn may_end_with_tag(input: &str, text: Span) -> bool {
    let bytes = input
        .as_bytes()
        .get(text.start..text.end)
        .unwrap_or_default();
    let last = bytes
        .iter()
        .rev()
        .find(|&&b| !matches!(b, b' ' | 9..=13 | b',' | b'*' | b'/'));
    // Other bytes than ASCII may be white space that the trim removes.
    last.is_some_and(|&b| b == b']' || !b.is_ascii())
}

/// Where a trailing `# comment` starts: a `#` between spaces right after a
/// handle, as in `@fatelei # This issue is out of date`.
fn comment_start(input: &str, text: Span, handles: &[Handle<'_>]) -> Option<usize> {
    let body = input.get(text.start..text.end)?;
    let bytes = body.as_bytes();
    // The comment follows a handle, so the search starts after the first one.
    let first_handle_end = handles
        .iter()
        .find(|h| h.span.start >= text.start)?
        .span
        .end;
    let mut from = first_handle_end.checked_sub(text.start)?;
    while let Some(found) = body.get(from..)?.find('#') {
        let hash = from + found;
        from = hash + 1;
        let spaced_before = hash > 0 && bytes[hash - 1].is_ascii_whitespace();
        let spaced_after = bytes.get(hash + 1).is_none_or(u8::is_ascii_whitespace);
        if !(spaced_before && spaced_after) {
            continue;
        }
        let owner_end = text.start + body.get(..hash)?.trim_end().len();
        let ends_handle = handles
            .binary_search_by_key(&owner_end, |h| h.span.end)
            .is_ok();
        if ends_handle {
            return Some(text.start + hash);
        }
    }
    None
}

/// The run of handles that opens `input[text]` and assigns the item:
/// `@VerteDinde to update the docs`, `@erickzhao or @felixrieseberg: ...`,
/// `**@codebytere** will ...`, or any leading run on a task. A run that
/// starts a report (`@mikeal created a repo`) does not own the item.
#[cfg(test)]
pub(crate) fn leading<'a>(
    input: &'a str,
    text: Span,
    handles: &[Handle<'a>],
    is_task: bool,
) -> Vec<&'a str> {
    let mut owners = Vec::new();
    leading_into(input, text, handles, is_task, &mut owners);
    owners
}

/// [`leading`], appending the owners to `out`.
#[inline]
pub(crate) fn leading_into<'a>(
    input: &'a str,
    text: Span,
    handles: &[Handle<'a>],
    is_task: bool,
    out: &mut Vec<&'a str>,
) {
    // No handle, no run of owners: most items cost this one test.
    if handles.is_empty() {
        return;
    }
    leading_run(input, text, handles, is_task, out);
}

/// The body of [`leading_into`].
#[inline(never)]
fn leading_run<'a>(
    input: &'a str,
    text: Span,
    handles: &[Handle<'a>],
    is_task: bool,
    out: &mut Vec<&'a str>,
) {
    let mut next_handle = handles.partition_point(|h| h.span.start < text.start);
    if next_handle >= handles.len() {
        // No handle, no run.
        return;
    }
    let from = out.len();
    let mut pos = text.start;
    while let Some(rest) = input.get(pos..text.end) {
        let mut trimmed = trim_start_leading(rest);
        if out.len() > from {
            if let Some(joined) = JOINERS.iter().find_map(|w| {
                let after = trimmed.strip_prefix(w)?;
                after.starts_with(char::is_whitespace).then_some(after)
            }) {
                trimmed = joined.trim_start();
            }
        }
        pos = text.end - trimmed.len();
        match handles.get(next_handle).filter(|h| h.span.start == pos) {
            Some(handle) => {
                match handle.token {
                    HandleToken::User(login) if !is_group_mention(login) => out.push(login),
                    _ => {}
                }
                pos = handle.span.end;
                next_handle += 1;
            }
            None => break,
        }
    }
    if out.len() == from {
        return;
    }
    let after = input
        .get(pos..text.end)
        .unwrap_or_default()
        .trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    // `@Nicholas M to …`: the handle is the start of a written name.
    let bytes = after.as_bytes();
    let initial = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.get(1).is_none_or(|b| matches!(b, b' ' | b'.'));
    if initial {
        out.truncate(from);
        return;
    }
    if is_task {
        return;
    }
    let assigns = after.starts_with(':')
        || ["to ", "will "].iter().any(|w| {
            after
                .get(..w.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(w))
        });
    if !assigns {
        out.truncate(from);
    }
}

/// `[pending]` at the end of `text`: a short word or phrase in brackets that
/// is not a link, a reference-style link or an escaped bracket.
fn tag_at_end(text: &str) -> Option<&str> {
    let body = text.strip_suffix(']')?;
    if body.ends_with('\\') {
        return None;
    }
    let open = body.rfind('[')?;
    let tag = &body[open + 1..];
    let valid = !tag.is_empty()
        && tag.len() <= 32
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        && !tag.starts_with(' ')
        && !body[..open].ends_with([']', '\\']);
    valid.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_trimmed_as_by_chars() {
        for text in [
            "",
            " ,*/",
            "a @b, (",
            "x )\u{a0}, ",
            "é (@y)\u{2003}*",
            "\u{3000}",
            "q/\t\r\n",
        ] {
            assert_eq!(
                trim_end_separators(text, false),
                text.trim_end_matches(is_soft_separator),
                "{text:?}"
            );
            assert_eq!(
                trim_start_leading(text),
                text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '*')),
                "{text:?}"
            );
            assert_eq!(
                trim_end_separators(text, true),
                text.trim_end_matches(is_separator),
                "{text:?}"
            );
        }
    }
    use crate::inline::{scan, Inlines};

    fn run_leading(text: &str) -> Vec<&str> {
        let mut out = Inlines::default();
        let span = Span::new(0, text.len());
        scan(text, span, None, &mut out);
        leading(text, span, &out.handles, false)
    }

    #[test]
    fn leading_run_of_handles() {
        assert_eq!(
            run_leading("@VerteDinde to update the docs"),
            ["VerteDinde"]
        );
        assert_eq!(
            run_leading("@erickzhao or @felixrieseberg: look"),
            ["erickzhao", "felixrieseberg"]
        );
        assert_eq!(run_leading("**@codebytere**: publish"), ["codebytere"]);
        assert!(run_leading("ask @x").is_empty());
        assert!(run_leading("and @x").is_empty());
        assert!(run_leading("@mikeal created a repo").is_empty());
        assert_eq!(run_leading("@ckerr will look"), ["ckerr"]);
    }

    #[test]
    fn comments_after_owners() {
        assert_eq!(
            run("<https://github.com/a/b/issues/1> @fatelei # out of date @x").owners,
            ["fatelei"]
        );
        assert!(run("see # not a comment @x").owners == ["x"]);
    }

    fn run(text: &str) -> Trailer<'_> {
        let mut out = Inlines::default();
        let span = Span::new(0, text.len());
        scan(text, span, None, &mut out);
        trailer(text, span, &out.handles)
    }

    #[test]
    fn trailing_run_of_handles() {
        assert_eq!(
            run("fix it @chlins @gaius-qi").owners,
            ["chlins", "gaius-qi"]
        );
        assert_eq!(
            run("fix it @chlins  @gaius-qi ").owners,
            ["chlins", "gaius-qi"]
        );
        assert_eq!(run("Nomination for @Zephyrcf. @BraveY").owners, ["BraveY"]);
        assert_eq!(run("update docs (@tonyganch)").owners, ["tonyganch"]);
        assert!(run("ask @x about it").owners.is_empty());
    }

    #[test]
    fn handles_that_assign_nothing() {
        for text in [
            "Review the doc (Added by @ckerr)",
            "Fixed the build, thanks @ann",
            "Next in rotation: @bo",
            "Merged -- by @cy",
            "Publish it cc @dee @eve",
        ] {
            assert!(run(text).owners.is_empty(), "{text}");
        }
        assert_eq!(run("Review the doc @ckerr").owners, ["ckerr"]);
        assert_eq!(run("Read the docs by Friday @ann").owners, ["ann"]);
        assert_eq!(run("Host by @frog").owners, ["frog"]);
        assert!(run("Please review @all").owners.is_empty());
    }

    #[test]
    fn tags_after_owners() {
        let t = run("<https://github.com/a/b/issues/1> @a [pending]");
        assert_eq!(t.owners, ["a"]);
        assert_eq!(t.tags, ["pending"]);
        assert!(run("see [docs][1]").tags.is_empty());
        assert!(run(r"fix \[WIP\]").tags.is_empty());
    }
}
