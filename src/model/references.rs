//! References to GitHub issues, pull requests and discussions.

use std::borrow::Cow;

use super::{own, own_opt, Span};
use serde::{Deserialize, Serialize};

/// A reference to a GitHub issue, pull request or discussion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference<'a> {
    /// The URL as written, or `None` for short forms such as `owner/repo#12`.
    #[serde(borrow)]
    pub url: Option<Cow<'a, str>>,
    /// `github.com`.
    #[serde(borrow)]
    pub host: Cow<'a, str>,
    /// Repository owner; `None` for `#12` with no repository in context.
    #[serde(borrow)]
    pub owner: Option<Cow<'a, str>>,
    /// Repository name; `None` like `owner`.
    #[serde(borrow)]
    pub repo: Option<Cow<'a, str>>,
    /// What is referenced.
    pub kind: ReferenceKind,
    /// The issue or pull request number; `None` for a repository's issue list.
    pub number: Option<u64>,
    /// The comment id of an `#issuecomment-N` anchor.
    pub comment: Option<u64>,
    /// The review id of a `#pullrequestreview-N` anchor.
    #[serde(default)]
    pub review: Option<u64>,
    /// The review comment id of a `#discussion_rN` anchor.
    #[serde(default)]
    pub review_comment: Option<u64>,
    /// The URL, autolink, link or short form in the source.
    pub span: Span,
}

impl Reference<'_> {
    /// Whether two references name the same thing (host, owner, repository
    /// and number compared case-insensitively, ignoring kind and anchors).
    pub fn same_target(&self, other: &Reference<'_>) -> bool {
        fn eq(a: &Option<Cow<'_, str>>, b: &Option<Cow<'_, str>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            }
        }
        self.number == other.number
            && (self.number.is_some() || self.kind == other.kind)
            && self.host.eq_ignore_ascii_case(&other.host)
            && eq(&self.owner, &other.owner)
            && eq(&self.repo, &other.repo)
    }
}

/// What a [`Reference`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReferenceKind {
    /// `/issues/N`, and the short forms `owner/repo#N` and `#N`, which GitHub
    /// resolves to an issue or a pull request alike.
    Issue,
    /// `/pull/N`.
    Pull,
    /// `/discussions/N`.
    Discussion,
    /// A repository's issue list, `/issues` with no number.
    Issues,
}

impl Reference<'_> {
    /// Copies every borrowed string.
    pub fn into_owned(self) -> Reference<'static> {
        Reference {
            url: own_opt(self.url),
            host: own(self.host),
            owner: own_opt(self.owner),
            repo: own_opt(self.repo),
            kind: self.kind,
            number: self.number,
            comment: self.comment,
            review: self.review,
            review_comment: self.review_comment,
            span: self.span,
        }
    }
}
