//! GitHub handles: `@login` and team mentions `@org/team-slug`.

use nom::bytes::complete::take_while1;
use nom::{IResult, Parser};

/// A handle recognized after an `@`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HandleToken<'a> {
    /// `@login`.
    User(&'a str),
    /// `@org/team`: the whole `org/team`.
    Team(&'a str),
}

fn login_chars(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-').parse(input)
}

fn slug_chars(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_').parse(input)
}

/// Whether `login` follows GitHub's rules: ASCII letters, digits and single
/// hyphens, 1 to 39 characters, no hyphen at either end.
pub(crate) fn is_login(login: &str) -> bool {
    !login.is_empty()
        && login.len() <= 39
        && login
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--")
}

/// Whether the character before an `@` lets a handle start there: the start
/// of the text, white space, or punctuation other than `/`, `@` and `_`.
pub(crate) fn boundary_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('/' | '@' | '_' | '\\' | '`') => false,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Recognizes the handle in `after`, the text right after an `@`. Returns the
/// token and the bytes it takes (without the `@`).
pub(crate) fn handle_after_at(after: &str) -> Option<(HandleToken<'_>, usize)> {
    let (rest, login) = login_chars(after).ok()?;
    let mut next = rest.chars();
    match next.next() {
        // `@org/team-slug`; `@alice/@bob` is two users.
        Some('/') => match slug_chars(next.as_str()) {
            Ok((rest2, slug)) => {
                if !is_login(login) || !ends_cleanly(rest2) {
                    return None;
                }
                let len = login.len() + 1 + slug.len();
                Some((HandleToken::Team(after.get(..len)?), len))
            }
            Err(_) => is_login(login).then_some((HandleToken::User(login), login.len())),
        },
        _ if !ends_cleanly(rest) || !is_login(login) => None,
        _ => Some((HandleToken::User(login), login.len())),
    }
}

/// What follows a handle must not make it part of an address or a word:
/// `@github.com`, `@foo_bar`, `@a@b` are not handles.
fn ends_cleanly(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('_' | '@') => false,
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
            handle_after_at("gaius-qi rest"),
            Some((HandleToken::User("gaius-qi"), 8))
        );
        assert_eq!(
            handle_after_at("Zephyrcf. @x"),
            Some((HandleToken::User("Zephyrcf"), 8))
        );
        assert_eq!(
            handle_after_at("rust-lang/lang"),
            Some((HandleToken::Team("rust-lang/lang"), 14))
        );
        assert_eq!(
            handle_after_at("org/team_slug)"),
            Some((HandleToken::Team("org/team_slug"), 13))
        );
        assert_eq!(handle_after_at("github.com"), None);
        assert_eq!(handle_after_at("foo_bar"), None);
        assert_eq!(handle_after_at(""), None);
        assert_eq!(handle_after_at("@x"), None);
        assert_eq!(handle_after_at("37.41,-122"), None);
    }

    #[test]
    fn boundaries() {
        assert!(boundary_before(None));
        assert!(boundary_before(Some(' ')));
        assert!(boundary_before(Some('.')));
        assert!(boundary_before(Some('(')));
        assert!(boundary_before(Some('*')));
        assert!(boundary_before(Some('，')));
        assert!(!boundary_before(Some('n')));
        assert!(!boundary_before(Some('@')));
        assert!(!boundary_before(Some('/')));
        assert!(!boundary_before(Some('中')));
    }
}
