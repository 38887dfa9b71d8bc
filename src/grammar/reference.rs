//! GitHub references: issue, pull request and discussion URLs, and the
//! short forms `owner/repo#N`, `repo#N`, `#N` and `GH-N`.

use nom::IResult;

use super::fail;
use super::people::is_login;
use crate::model::ReferenceKind;

/// An issue, pull request or discussion (or a repository's issue list), as
/// [`issue_reference`] reads it: what the text says, nothing resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IssueReference<'a> {
    /// The owner, when written (`nodejs` of `nodejs/node#1`).
    pub owner: Option<&'a str>,
    /// The repository, when written (`rust` of `rust#83213`).
    pub repo: Option<&'a str>,
    /// Issue, pull request, discussion, or the issue list of a URL ending
    /// in `/issues`. Short forms are [`ReferenceKind::Issue`]: GitHub
    /// links `#N` to a pull request as well.
    pub kind: ReferenceKind,
    /// The number; `None` for an issue list.
    pub number: Option<u64>,
    /// A URL's `#issuecomment-N`.
    pub comment: Option<u64>,
    /// A URL's `#pullrequestreview-N`.
    pub review: Option<u64>,
    /// A URL's `#discussion_rN`.
    pub review_comment: Option<u64>,
}

impl<'a> IssueReference<'a> {
    /// A short form's issue: `owner`, `repo` as written, kind issue.
    fn short(owner: Option<&'a str>, repo: Option<&'a str>, number: u64) -> Self {
        IssueReference {
            owner,
            repo,
            kind: ReferenceKind::Issue,
            number: Some(number),
            comment: None,
            review: None,
            review_comment: None,
        }
    }
}

/// A reference to a GitHub issue, pull request or discussion.
///
/// ```text
/// issue_reference = url / owner "/" repo "#" number / repo "#" number
///                 / "#" number / "GH-" number
/// url      = [ "http" [ "s" ] "://" ] [ "www." ] "github.com/" owner "/" repo "/"
///            ( "issues" [ "/" number ] / ( "pull" / "pulls" / "discussions" ) "/" number )
///            [ "/" path ] [ "?" query ] [ "#" anchor ]
/// owner    = login (as in a handle)
/// repo     = 1*100( ALPHA / DIGIT / "-" / "_" / "." )
/// number   = 1*10DIGIT, not 0, not followed by a letter, digit or "_"
/// ```
///
/// Scheme, `www.`, host and `GH` are matched in any case. A URL ends
/// before white space, `<`, `>`, `[`, `]`, `` ` ``, `"`, `|` or a
/// character that is not ASCII, and trailing punctuation (`.`, `,`, `)`
/// without a partner, ...) ends the sentence, not the URL. Anchors name a
/// comment or review. In `repo#N` the repository must hold a lower-case
/// letter and two characters; issue words give the bare number (`PR#12` is
/// `#12`), and a closing keyword glued to the `#` (`Fixes#1`) is no
/// reference. Searches (`/issues?q=`) and other pages are not references.
///
/// ```
/// use minutes::grammar::issue_reference;
/// use minutes::ReferenceKind;
/// let (rest, r) = issue_reference("https://github.com/nodejs/node/pull/7.").unwrap();
/// assert_eq!((rest, r.owner, r.repo, r.kind, r.number), (".", Some("nodejs"), Some("node"), ReferenceKind::Pull, Some(7)));
/// let (_, r) = issue_reference("nodejs/node#22584").unwrap();
/// assert_eq!((r.owner, r.repo, r.number), (Some("nodejs"), Some("node"), Some(22584)));
/// let (_, r) = issue_reference("rust#83213").unwrap();
/// assert_eq!((r.owner, r.repo), (None, Some("rust")));
/// assert_eq!(issue_reference("#12 and more").unwrap().1.number, Some(12));
/// assert_eq!(issue_reference("GH-7").unwrap().1.number, Some(7));
/// assert!(issue_reference("#0").is_err());
/// assert!(issue_reference("Fixes#1").is_err());
/// assert!(issue_reference("https://github.com/a/b/issues?q=x").is_err());
/// ```
pub fn issue_reference(input: &str) -> IResult<&str, IssueReference<'_>> {
    let url = || {
        let len = url_len(input.as_bytes(), url_prefix(input));
        match github_url(input.get(..len)?)? {
            GitHubUrl::Reference(reference) => Some((reference, len)),
            GitHubUrl::Profile(_) => None,
        }
    };
    match url().or_else(|| short_reference(input, false)) {
        Some((reference, len)) => Ok((input.get(len..).unwrap_or_default(), reference)),
        None => fail(input, nom::error::ErrorKind::Alt),
    }
}

/// A short form at the start of `input` and its length: `owner/repo#N`,
/// `repo#N`, `#N` or `GH-N`, tried in that order. `emphasis`: a `_`
/// opened emphasis before, so a run of `_` may close it after the number
/// (`_#1_`), which the inline scanner knows.
pub(crate) fn short_reference(input: &str, emphasis: bool) -> Option<(IssueReference<'_>, usize)> {
    owner_repo_number(input, emphasis)
        .or_else(|| repo_number(input, emphasis))
        .or_else(|| hash_number(input, emphasis))
        .or_else(|| gh_number(input))
}

/// `owner/repo#N`.
pub(crate) fn owner_repo_number(
    input: &str,
    emphasis: bool,
) -> Option<(IssueReference<'_>, usize)> {
    let bytes = input.as_bytes();
    let owner_len = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let owner = input.get(..owner_len).filter(|o| is_login(o))?;
    let repo_start = owner_len + 1;
    let repo_len = segment_len(bytes.get(repo_start..)?);
    let hash = repo_start + repo_len;
    if bytes.get(owner_len) != Some(&b'/') || !(1..=MAX_REPO_NAME).contains(&repo_len) {
        return None;
    }
    let repo = input.get(repo_start..hash)?;
    let (number, len) = hash_number(input.get(hash..)?, emphasis)?;
    let found = IssueReference {
        owner: Some(owner),
        repo: Some(repo),
        ..number
    };
    Some((found, hash + len))
}

/// `repo#N`; an issue word before the `#` gives the bare number (`PR#12`),
/// a closing keyword nothing (`Fixes#1`).
pub(crate) fn repo_number(input: &str, emphasis: bool) -> Option<(IssueReference<'_>, usize)> {
    let name_len = segment_len(input.as_bytes());
    let name = input.get(..name_len)?;
    if name_len > MAX_REPO_NAME || is_closing_keyword(name) {
        return None;
    }
    let repo = match is_issue_word(name) {
        true => None,
        false => Some(name).filter(|n| is_repo_alias(n)),
    };
    if repo.is_none() && !is_issue_word(name) {
        return None;
    }
    let (number, len) = hash_number(input.get(name_len..)?, emphasis)?;
    Some((IssueReference { repo, ..number }, name_len + len))
}

/// `#N`.
pub(crate) fn hash_number(input: &str, emphasis: bool) -> Option<(IssueReference<'_>, usize)> {
    let (number, len) = issue_number(input.strip_prefix('#')?, emphasis)?;
    Some((IssueReference::short(None, None, number), 1 + len))
}

/// `GH-N` (or `gh-N`), GitHub's other short form for an issue of the
/// repository at hand.
pub(crate) fn gh_number(input: &str) -> Option<(IssueReference<'_>, usize)> {
    let bytes = input.as_bytes();
    if !bytes
        .get(..3)
        .is_some_and(|gh| gh.eq_ignore_ascii_case(b"gh-"))
    {
        return None;
    }
    let (number, len) = issue_number(input.get(3..)?, false)?;
    Some((IssueReference::short(None, None, number), 3 + len))
}

/// Repository names are at most this long on GitHub.
pub(crate) const MAX_REPO_NAME: usize = 100;

/// The digits of an issue number at the start of `text`, not followed by a
/// word character, and their length. Zero (`#0`, `#000`) is no issue:
/// GitHub numbers from 1 and links neither. `emphasis`: a run of `_` may
/// follow (it closes emphasis, `_#1_`).
pub(crate) fn issue_number(text: &str, emphasis: bool) -> Option<(u64, usize)> {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 10 {
        return None;
    }
    let mut after = digits;
    if emphasis {
        while bytes.get(after) == Some(&b'_') {
            after += 1;
        }
    }
    if bytes
        .get(after)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        return None;
    }
    let number: u64 = text.get(..digits)?.parse().ok()?;
    (number != 0).then_some((number, digits))
}

/// Whether a name before `#N` reads as a repository (`rust#1`,
/// `lang-team#171`): two characters or more, one a lower-case letter.
pub(crate) fn is_repo_alias(name: &str) -> bool {
    name.len() >= 2 && name.bytes().any(|b| b.is_ascii_lowercase())
}

/// Words that name an issue rather than a repository before `#N`:
/// `PR#12` and `issue#12` are `#12` (GitHub links neither; notes mean #12).
/// Closing keywords are among them so that the scanner finds them.
pub(crate) fn is_issue_word(word: &str) -> bool {
    ["pr", "prs", "pull", "issue", "issues", "bug", "see", "no"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
        || is_closing_keyword(word)
}

/// GitHub's closing keywords: glued to `#N` (`Fixes#123`) they make no
/// reference, where GitHub needs a separator before the `#`.
pub(crate) fn is_closing_keyword(word: &str) -> bool {
    [
        "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// The length of `https://`, `http://` or `www.` at the start of `text`
/// (in any case), or 0.
pub(crate) fn url_prefix(text: &str) -> usize {
    ["https://", "http://", "www."]
        .iter()
        .find(|p| strip_prefix_ascii(text, p).is_some())
        .map_or(0, |p| p.len())
}

/// Bytes that end a bare URL: not ASCII, white space, control characters,
/// and `<`, `>`, `[`, `]`, `` ` ``, `"`, `|`.
static ENDS_BARE_URL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = !c.is_ascii()
            || c.is_ascii_whitespace()
            || c.is_ascii_control()
            || matches!(c, b'<' | b'>' | b'[' | b']' | b'`' | b'"' | b'|');
        b += 1;
    }
    table
};

/// The length of the run of bytes not in [`ENDS_BARE_URL`] that starts
/// `bytes`: skipped 32 at a time by a test that vectorizes (it also stops
/// at every byte that is not ASCII, which the table then reads).
fn bare_url_run(bytes: &[u8]) -> usize {
    crate::bytes::run_len(
        bytes,
        |b| {
            // Signed: at most a space, or not ASCII.
            let low_or_wide = i8::from_ne_bytes([b]) <= 0x20;
            low_or_wide
                | (b == 0x7f)
                | ((b | 2) == b'>')
                | (b == b'[')
                | (b == b']')
                | (b == b'`')
                | (b == b'"')
                | (b == b'|')
        },
        |b| ENDS_BARE_URL[usize::from(b)],
    )
}

/// The length of the URL at the start of `rest`, whose scheme or `www.`
/// takes `prefix` bytes: up to a byte of [`ENDS_BARE_URL`], without the
/// trailing punctuation that ends the sentence. A closing parenthesis
/// belongs to the URL only when it balances one inside; counted once, so
/// that a URL ending in a long run of `)` stays linear.
pub(crate) fn url_len(rest: &[u8], prefix: usize) -> usize {
    let mut len = prefix + bare_url_run(rest.get(prefix..).unwrap_or_default());
    let url_bytes = rest.get(..len).unwrap_or_default();
    let count = |paren: u8| url_bytes.iter().filter(|&&b| b == paren).count();
    let (opens, mut closes) = (count(b'('), count(b')'));
    while let Some(&last) = rest.get(len.wrapping_sub(1)).filter(|_| len > prefix) {
        let unbalanced_paren = last == b')' && closes > opens;
        if matches!(
            last,
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'*' | b'_' | b'~' | b'\''
        ) || unbalanced_paren
        {
            closes -= usize::from(last == b')');
            len -= 1;
        } else {
            break;
        }
    }
    len
}

/// The length of the run of path-segment bytes at the start of `bytes`.
fn segment_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|&&b| SEGMENT[usize::from(b)])
        .count()
}

/// What a GitHub URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GitHubUrl<'a> {
    /// An issue, pull request or discussion, or a repository's issue list.
    Reference(IssueReference<'a>),
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
    let len = segment_len(input.as_bytes());
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
    let mut target = IssueReference {
        owner: Some(owner),
        repo: Some(repo),
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

#[cfg(test)]
mod tests {
    use super::*;

    type Parts<'a> = (&'a str, &'a str, ReferenceKind, Option<u64>, Option<u64>);

    fn reference(url: &str) -> Option<Parts<'_>> {
        match github_url(url)? {
            GitHubUrl::Reference(t) => Some((t.owner?, t.repo?, t.kind, t.number, t.comment)),
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
}
