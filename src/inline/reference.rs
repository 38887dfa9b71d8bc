//! GitHub references: issue, pull request and discussion URLs, and the short
//! forms `owner/repo#N` and `#N`.

use nom::IResult;

use crate::model::ReferenceKind;

/// An issue, pull request or discussion (or an issue list) and the anchor
/// that points into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target<'a> {
    pub owner: &'a str,
    pub repo: &'a str,
    pub kind: ReferenceKind,
    pub number: Option<u64>,
    /// `#issuecomment-N`.
    pub comment: Option<u64>,
    /// `#pullrequestreview-N`.
    pub review: Option<u64>,
    /// `#discussion_rN`.
    pub review_comment: Option<u64>,
}

/// What a GitHub URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GitHubUrl<'a> {
    /// An issue, pull request or discussion, or a repository's issue list.
    Reference(Target<'a>),
    /// A profile page, `https://github.com/login`.
    Profile(&'a str),
}

/// The bytes of a path segment, as a table: the range tests of
/// `is_ascii_alphanumeric` cost more per byte of a URL.
static SEGMENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
        b += 1;
    }
    table
};

/// A path segment of ASCII letters, digits, `-`, `_` and `.`. Counted over
/// bytes: `take_while1` over chars decoded UTF-8 for every byte of a URL.
fn segment(input: &str) -> IResult<&str, &str> {
    let len = input
        .bytes()
        .take_while(|&b| SEGMENT[usize::from(b)])
        .count();
    match (input.get(len..), input.get(..len)) {
        (Some(rest), Some(segment)) if len > 0 => Ok((rest, segment)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        ))),
    }
}

/// `input` without `prefix`, compared ASCII case-insensitively. Byte-wise
/// rather than `tag_no_case`, whose per-char Unicode case mapping made this
/// the hottest function of a parse.
fn strip_prefix_ascii<'a>(input: &'a str, prefix: &str) -> Option<&'a str> {
    let head = input.as_bytes().get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix.as_bytes()) {
        input.get(prefix.len()..)
    } else {
        None
    }
}

/// The rest of `input` after `[http[s]://][www.]github.com`.
fn host(input: &str) -> Option<&str> {
    // Nearly every URL is written so: one comparison of bytes settles it.
    if let Some(rest) = input.strip_prefix("https://github.com") {
        return Some(rest);
    }
    let scheme = strip_prefix_ascii(input, "http").unwrap_or(input);
    let scheme = strip_prefix_ascii(scheme, "s").unwrap_or(scheme);
    let rest = strip_prefix_ascii(scheme, "://").unwrap_or(input);
    let rest = strip_prefix_ascii(rest, "www.").unwrap_or(rest);
    strip_prefix_ascii(rest, "github.com")
}

/// Parses a URL on `github.com` (with or without `www.`, `http://` or
/// `https://`). Search links (`/issues?q=`) and other pages give `None`.
pub(crate) fn github_url(url: &str) -> Option<GitHubUrl<'_>> {
    let rest = host(url)?;
    let rest = rest.strip_prefix('/')?;
    let (rest, owner) = segment(rest).ok()?;
    if rest.is_empty() || rest == "/" {
        return Some(GitHubUrl::Profile(owner));
    }
    let rest = rest.strip_prefix('/')?;
    let (rest, repo) = segment(rest).ok()?;
    let rest = rest.strip_prefix('/')?;
    let (rest, kind) = segment(rest).ok()?;
    let kind = match kind {
        "issues" => ReferenceKind::Issue,
        "pull" | "pulls" => ReferenceKind::Pull,
        "discussions" => ReferenceKind::Discussion,
        _ => return None,
    };
    let (number, rest) = match rest.strip_prefix('/') {
        Some(after) => match number(after)? {
            Some((number, rest)) => (Some(number), rest),
            None => (None, rest),
        },
        None => (None, rest),
    };
    let kind = match (kind, number) {
        (ReferenceKind::Issue, None) => ReferenceKind::Issues,
        (_, None) => return None,
        (kind, Some(_)) => kind,
    };
    let mut target = Target {
        owner,
        repo,
        kind,
        number,
        comment: None,
        review: None,
        review_comment: None,
    };
    // Most URLs end here; what else may follow: a sub-page (`/files`), a
    // query, an anchor.
    if rest.is_empty() {
        return Some(GitHubUrl::Reference(target));
    }
    let (path_rest, anchor) = match rest.bytes().position(|b| b == b'#') {
        Some(hash) => (rest.get(..hash)?, rest.get(hash + 1..)),
        None => (rest, None),
    };
    let (path_rest, query) = match path_rest.bytes().position(|b| b == b'?') {
        Some(mark) => (path_rest.get(..mark)?, Some(())),
        None => (path_rest, None),
    };
    if number.is_none() && (query.is_some() || !path_rest.trim_end_matches('/').is_empty()) {
        // `/issues?q=...` is a search, `/issues/new` a form: links, not references.
        return None;
    }
    if !path_rest.is_empty() && !path_rest.starts_with('/') {
        return None;
    }
    if let Some(anchor) = anchor {
        let anchor_number = |prefix: &str| {
            anchor
                .strip_prefix(prefix)
                .and_then(|digits| digits.parse().ok())
        };
        target.comment = anchor_number("issuecomment-");
        target.review = anchor_number("pullrequestreview-");
        target.review_comment = anchor_number("discussion_r");
    }
    Some(GitHubUrl::Reference(target))
}

/// The decimal number at the start of `text` and the rest after it:
/// `Some(None)` when there are no digits, `None` when the number overflows.
fn number(text: &str) -> Option<Option<(u64, &str)>> {
    let mut value = 0u64;
    let mut digits = 0;
    for &b in text.as_bytes() {
        if !b.is_ascii_digit() {
            break;
        }
        value = value
            .checked_mul(10)?
            .checked_add(u64::from(b.wrapping_sub(b'0')))?;
        digits += 1;
    }
    if digits == 0 {
        return Some(None);
    }
    Some(Some((value, text.get(digits..)?)))
}

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

    type Parts<'a> = (&'a str, &'a str, ReferenceKind, Option<u64>, Option<u64>);

    fn reference(url: &str) -> Option<Parts<'_>> {
        match github_url(url)? {
            GitHubUrl::Reference(t) => Some((t.owner, t.repo, t.kind, t.number, t.comment)),
            GitHubUrl::Profile(_) => None,
        }
    }

    #[test]
    fn issue_pull_and_discussion_urls() {
        use ReferenceKind::*;
        assert_eq!(
            reference("https://github.com/dragonflyoss/dragonfly/issues/4025"),
            Some(("dragonflyoss", "dragonfly", Issue, Some(4025), None))
        );
        assert_eq!(
            reference("https://github.com/cncf/toc/issues/1358#issuecomment-3245768028"),
            Some(("cncf", "toc", Issue, Some(1358), Some(3245768028)))
        );
        assert_eq!(
            reference("http://www.github.com/a/b/pull/7/files"),
            Some(("a", "b", Pull, Some(7), None))
        );
        assert_eq!(
            reference("https://github.com/a/b/discussions/3"),
            Some(("a", "b", Discussion, Some(3), None))
        );
        assert_eq!(
            reference("https://github.com/dragonflyoss/nydus/issues"),
            Some(("dragonflyoss", "nydus", Issues, None, None))
        );
    }

    #[test]
    fn searches_and_other_pages_are_not_references() {
        assert_eq!(reference("https://github.com/a/b/issues?q=is%3Aopen"), None);
        assert_eq!(reference("https://github.com/a/b/issues/new"), None);
        assert_eq!(
            reference("https://github.com/a/b/blob/main/README.md"),
            None
        );
        assert_eq!(reference("https://gitlab.com/a/b/issues/1"), None);
        // A number past u64 is no reference (as `str::parse` had it).
        assert_eq!(
            reference("https://github.com/a/b/issues/99999999999999999999"),
            None
        );
        assert_eq!(
            reference("HTTPS://WWW.GitHub.com/a/b/pull/18446744073709551615"),
            Some(("a", "b", ReferenceKind::Pull, Some(u64::MAX), None))
        );
        assert_eq!(reference("https://github.com.evil/a/b/issues/1"), None);
        assert_eq!(
            github_url("https://github.com/gaius-qi"),
            Some(GitHubUrl::Profile("gaius-qi"))
        );
    }

    #[test]
    fn repo_before_hash() {
        let text = "see nodejs/node#22584";
        assert_eq!(repo_before(text, 15), Some((4, "nodejs", "node")));
        assert_eq!(repo_before("x/y", 3).map(|r| r.0), Some(0));
        assert_eq!(repo_before("a/b/c", 5), None);
        assert_eq!(repo_before("rust", 4), None);
    }
}
