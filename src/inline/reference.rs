//! Where a short reference starts: the `owner/repo` or repository name
//! before a `#`, read backwards from it. The reference's own grammar is
//! [`crate::grammar::issue_reference`].

pub(crate) use crate::grammar::reference::{github_url, GitHubUrl};

/// The `owner/repo` that ends right before byte `end` of `text`, preceded by
/// a boundary. Returns its start.
pub(crate) fn repo_before(text: &str, end: usize) -> Option<(usize, &str, &str)> {
    let bytes = text.as_bytes();
    let is_repo = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
    let mut i = end;
    while i > 0 && end - i < 100 && is_repo(bytes[i - 1]) {
        i -= 1;
    }
    let repo = text.get(i..end).filter(|r| !r.is_empty())?;
    if i == 0 || bytes[i - 1] != b'/' {
        return None;
    }
    let slash = i - 1;
    let mut j = slash;
    while j > 0 && slash - j < 40 && (bytes[j - 1].is_ascii_alphanumeric() || bytes[j - 1] == b'-')
    {
        j -= 1;
    }
    let owner = text
        .get(j..slash)
        .filter(|o| crate::inline::handle::is_login(o))?;
    let before = text.get(..j).and_then(|t| t.chars().next_back());
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '@')) {
        return None;
    }
    Some((j, owner, repo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_before_hash() {
        let text = "see nodejs/node#22584";
        assert_eq!(repo_before(text, 15), Some((4, "nodejs", "node")));
        assert_eq!(repo_before("x/y", 3).map(|r| r.0), Some(0));
        assert_eq!(repo_before("a/b/c", 5), None);
        assert_eq!(repo_before("rust", 4), None);
    }
}
