//! People: `@login`, `@org/team` and an attendee's `(Company / Team)`.

use nom::IResult;

use super::fail;

/// A handle recognized after an `@`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HandleToken<'a> {
    /// `@login`.
    User(&'a str),
    /// `@org/team`: the whole `org/team`.
    Team(&'a str),
}

/// A GitHub user handle: `@` and a login.
///
/// ```text
/// handle = "@" login
/// login  = 1*39( ALPHA / DIGIT / "-" ), no "-" at either end, no "--"
/// ```
///
/// The login must end the word: `@x.y` (an address), `@foo_bar`, `@a@b`
/// and `@org/team` (a [`team_handle`]) are not handles. Returns the login
/// without the `@`. Whether an `@` may start a handle (`a@b` is an address)
/// is the caller's to judge: the parser reads from the `@`.
///
/// ```
/// use minutes::grammar::handle;
/// assert_eq!(handle("@gaius-qi, thanks"), Ok((", thanks", "gaius-qi")));
/// assert!(handle("@github.com").is_err());
/// assert!(handle("@rust-lang/lang").is_err());
/// ```
pub fn handle(input: &str) -> IResult<&str, &str> {
    match after_at(input) {
        Some((HandleToken::User(login), rest)) => Ok((rest, login)),
        _ => fail(input, nom::error::ErrorKind::Verify),
    }
}

/// A GitHub team mention: `@`, the organization's login, `/` and the team's
/// slug.
///
/// ```text
/// team_handle = "@" login "/" slug
/// slug        = 1*( ALPHA / DIGIT / "-" / "_" )
/// ```
///
/// Returns `org/team` without the `@`.
///
/// ```
/// use minutes::grammar::{handle, team_handle};
/// use nom::{branch::alt, Parser};
/// assert_eq!(team_handle("@rust-lang/lang: ok"), Ok((": ok", "rust-lang/lang")));
/// // Either kind of mention:
/// let mut mention = alt((team_handle, handle));
/// assert_eq!(mention.parse("@alice"), Ok(("", "alice")));
/// ```
pub fn team_handle(input: &str) -> IResult<&str, &str> {
    match after_at(input) {
        Some((HandleToken::Team(team), rest)) => Ok((rest, team)),
        _ => fail(input, nom::error::ErrorKind::Verify),
    }
}

/// `@` and the handle after it, without emphasis around it.
fn after_at(input: &str) -> Option<(HandleToken<'_>, &str)> {
    let after = input.strip_prefix('@')?;
    let (token, len) = handle_after_at(after, false)?;
    Some((token, after.get(len..)?))
}

/// The parenthesized affiliations after an attendee's name, split on `/`.
///
/// ```text
/// affiliations = "(" inner ")"
/// inner        = part *( "/" part ), where a part may hold a nested
///                "(" ... ")" pair, and no blank line
/// part         = *( any character but "/" ), trimmed
/// ```
///
/// The group closes at the `)` that matches its `(`, past nested pairs:
/// `(Stacklok, SCIR(GB))` is one part. Empty parts are dropped; a group
/// with nothing in it, or only a handle (`(@ckerr)`, which says who, not
/// where), is no affiliation.
///
/// ```
/// use minutes::grammar::affiliations;
/// assert_eq!(affiliations("(Ant Group / Nydus) x"), Ok((" x", vec!["Ant Group", "Nydus"])));
/// assert_eq!(affiliations("(Stacklok, SCIR(GB))"), Ok(("", vec!["Stacklok, SCIR(GB)"])));
/// assert!(affiliations("(@ckerr)").is_err());
/// assert!(affiliations("(Ant Group").is_err());
/// ```
pub fn affiliations(input: &str) -> IResult<&str, Vec<&str>> {
    let Some(inner) = group_inner(input) else {
        return fail(input, nom::error::ErrorKind::Char);
    };
    let rest = input.get(inner.len() + 2..).unwrap_or_default();
    let only_handle = handle(inner.trim()).is_ok_and(|(after, _)| after.is_empty());
    let parts: Vec<&str> = affiliation_parts(inner).collect();
    if only_handle || parts.is_empty() {
        return fail(input, nom::error::ErrorKind::Verify);
    }
    Ok((rest, parts))
}

/// What a group that opens at the start of `text` holds, up to the `)` that
/// closes it (see [`affiliations`]); `None` when it is not closed.
pub(crate) fn group_inner(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('(')?;
    let mut depth = 0usize;
    for (at, b) in inner.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => return inner.get(..at),
            b')' => depth -= 1,
            // A blank line ends the search: the group is not closed.
            b'\n' if inner.get(at + 1..).is_some_and(|r| r.starts_with('\n')) => return None,
            _ => {}
        }
    }
    None
}

/// The parts of a group's `inner` text: split on `/`, trimmed, empty ones
/// dropped.
pub(crate) fn affiliation_parts(inner: &str) -> impl Iterator<Item = &str> {
    inner
        .split('/')
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// The length of the run of `login` bytes (ASCII letters, digits, `-`) at
/// the start of `bytes`; team slugs also take `_`.
fn run_len(bytes: &[u8], slug: bool) -> usize {
    bytes
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || (slug && b == b'_'))
        .count()
}

/// Whether `login` follows GitHub's rules: ASCII letters, digits and single
/// hyphens, 1 to 39 characters, no hyphen at either end.
pub(crate) fn is_login(login: &str) -> bool {
    let bytes = login.as_bytes();
    let mut previous = b'-';
    for &b in bytes {
        let ok = b.is_ascii_alphanumeric() || (b == b'-' && previous != b'-');
        if !ok {
            return false;
        }
        previous = b;
    }
    (1..=39).contains(&bytes.len()) && previous != b'-'
}

/// Recognizes the handle in `after`, the text right after an `@`. Returns the
/// token and the bytes it takes (without the `@`). `emphasis`: a `_` opened
/// emphasis before the `@`, so a `_` may close it after the handle (the
/// inline scanner knows; [`handle`] and [`team_handle`] read without).
pub(crate) fn handle_after_at(after: &str, emphasis: bool) -> Option<(HandleToken<'_>, usize)> {
    let bytes = after.as_bytes();
    let len = run_len(bytes, false);
    let login = after.get(..len).filter(|_| len > 0)?;
    let rest = after.get(len..)?;
    match rest.strip_prefix('/') {
        // `@org/team-slug`; `@alice/@bob` is two users.
        Some(slug) => match run_len(slug.as_bytes(), true) {
            0 => is_login(login).then_some((HandleToken::User(login), len)),
            slug_len => {
                // A trailing `_` closes emphasis (`_@org/team_`), as on GitHub.
                let slug_len = match emphasis {
                    true => slug_len - trailing_underscores(slug.get(..slug_len)?),
                    false => slug_len,
                };
                if slug_len == 0 {
                    return None;
                }
                let rest2 = slug.get(slug_len..)?;
                if !is_login(login) || !ends_cleanly(rest2, emphasis) {
                    return None;
                }
                let len = len + 1 + slug_len;
                Some((HandleToken::Team(after.get(..len)?), len))
            }
        },
        None if !ends_cleanly(rest, emphasis) || !is_login(login) => None,
        None => Some((HandleToken::User(login), len)),
    }
}

/// The number of `_` at the end of `text`.
fn trailing_underscores(text: &str) -> usize {
    text.len() - text.trim_end_matches('_').len()
}

/// What follows a handle must not make it part of an address or a word:
/// `@github.com`, `@foo_bar`, `@a@b` are not handles. After an opening `_`,
/// a run of `_` followed by a boundary closes emphasis (`_@x_`): GitHub sees
/// `@x` there.
fn ends_cleanly(rest: &str, emphasis: bool) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('_') => {
            emphasis
                && !rest
                    .trim_start_matches('_')
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '@')
        }
        Some('@') => false,
        Some('.') => !chars.next().is_some_and(|c| c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins() {
        assert!(is_login("gaius-qi"));
        assert!(is_login("a"));
        assert!(!is_login("-a"));
        assert!(!is_login("a-"));
        assert!(!is_login("a--b"));
        assert!(!is_login(&"a".repeat(40)));
        assert!(is_login(&"a".repeat(39)));
    }

    #[test]
    fn handles_after_at() {
        assert_eq!(
            handle_after_at("gaius-qi rest", false),
            Some((HandleToken::User("gaius-qi"), 8))
        );
        assert_eq!(
            handle_after_at("Zephyrcf. @x", false),
            Some((HandleToken::User("Zephyrcf"), 8))
        );
        assert_eq!(
            handle_after_at("rust-lang/lang", false),
            Some((HandleToken::Team("rust-lang/lang"), 14))
        );
        assert_eq!(
            handle_after_at("org/team_slug)", false),
            Some((HandleToken::Team("org/team_slug"), 13))
        );
        assert_eq!(handle_after_at("github.com", false), None);
        assert_eq!(handle_after_at("foo_bar", false), None);
        assert_eq!(handle_after_at("x_", false), None);
        assert_eq!(
            handle_after_at("x_ y", true),
            Some((HandleToken::User("x"), 1))
        );
        assert_eq!(handle_after_at("x_y", true), None);
        assert_eq!(
            handle_after_at("org/libs_", true),
            Some((HandleToken::Team("org/libs"), 8))
        );
        assert_eq!(handle_after_at("", false), None);
        assert_eq!(handle_after_at("@x", false), None);
        assert_eq!(handle_after_at("37.41,-122", false), None);
    }

    #[test]
    fn user_and_team_parsers() {
        assert_eq!(handle("@alice/@bob"), Ok(("/@bob", "alice")));
        assert!(handle("alice").is_err());
        assert!(team_handle("@alice").is_err());
        assert_eq!(affiliations("( / )").ok(), None);
        assert_eq!(affiliations("(a/b)c"), Ok(("c", vec!["a", "b"])));
        assert_eq!(
            affiliations("(a (b) / c) d"),
            Ok((" d", vec!["a (b)", "c"]))
        );
        assert_eq!(affiliations("(a (b)").ok(), None);
        assert_eq!(affiliations("(a\n\nb)").ok(), None);
    }
}
