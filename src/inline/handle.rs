//! Where a handle may start: the character before the `@`. The handle's own
//! grammar is [`crate::grammar::handle`].

pub(crate) use crate::grammar::people::{handle_after_at, is_login, HandleToken};

/// Whether the character before an `@` lets a handle start there: the start
/// of the text, white space, or punctuation other than `/`, `@` and `_`. A
/// backtick is a boundary: a code span never reaches here, and a backtick
/// without a closing partner is plain text (GitHub mentions `` `@me ``). An
/// `_` that opens emphasis (`_@x_`) is judged by the caller.
pub(crate) fn boundary_before(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('/' | '@' | '_' | '\\') => false,
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
