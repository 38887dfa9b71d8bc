//! Owners and tags: the trailing run of handles and `[tags]` on an item.

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

/// Reads the run of handles and tags at the end of `input[text]`, walking
/// backwards: `... @chlins @gaius-qi [pending]`, `... (@tonyganch)`.
/// `handles` are the item's handles in source order.
pub(crate) fn trailer<'a>(input: &'a str, text: Span, handles: &[Handle<'a>]) -> Trailer<'a> {
    let mut out = Trailer::default();
    let mut end = text.end;
    let mut next_handle = handles.len();
    while let Some(before) = input.get(text.start..end) {
        let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        end = text.start + trimmed.len();
        while next_handle > 0 && handles[next_handle - 1].span.end > end {
            next_handle -= 1;
        }
        let last_handle = next_handle.checked_sub(1).and_then(|i| handles.get(i));
        if let Some(tag) = tag_at_end(trimmed) {
            out.tags.push(tag);
            end -= tag.len() + 2;
        } else if let Some(handle) = last_handle.filter(|h| h.span.end == end) {
            if let HandleToken::User(login) = handle.token {
                out.owners.push(login);
            }
            end = handle.span.start;
            next_handle -= 1;
        } else if let Some(handle) = last_handle.filter(|h| {
            trimmed.ends_with(')')
                && h.span.end + 1 == end
                && h.span.start > 0
                && input.as_bytes().get(h.span.start - 1) == Some(&b'(')
        }) {
            if let HandleToken::User(login) = handle.token {
                out.owners.push(login);
            }
            end = handle.span.start - 1;
            next_handle -= 1;
        } else {
            break;
        }
    }
    out.owners.reverse();
    out.tags.reverse();
    out
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
    use crate::inline::{scan, Inlines};

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
    fn tags_after_owners() {
        let t = run("<https://github.com/a/b/issues/1> @a [pending]");
        assert_eq!(t.owners, ["a"]);
        assert_eq!(t.tags, ["pending"]);
        assert!(run("see [docs][1]").tags.is_empty());
        assert!(run(r"fix \[WIP\]").tags.is_empty());
    }
}
