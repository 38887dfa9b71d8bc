//! The inline layer: handles, references, links and code spans in a text.
//!
//! One left-to-right pass over the bytes. Uninteresting bytes are skipped with
//! a lookup table; at each candidate byte (`@`, `#`, `[`, `]`, `<`, `` ` ``,
//! `\`, `-` for `GH-N`, and `:` or `.` for bare URLs) the scanner judges what
//! comes before it (a boundary, emphasis, the `owner/repo` before a `#`) and
//! the parser of [`crate::grammar`] for that token reads it: handles, short
//! references, GitHub URLs and their extent. Links, autolinks, comments and
//! code spans, which hide tokens, are in `links`. Brackets are matched with a
//! bounded stack, and every search that can fail remembers its failure, so
//! the pass is linear in the text whatever the input.
//!
//! What GitHub does not show or link is not read, as GitHub renders it: code
//! spans, link destinations, inline HTML comments (`<!-- @x #1 -->`) and an
//! image's alt text (`![@x #1](u)`) have no handles and no references. A
//! link's text has no handles and no short references (`[@x #1](u)`), with two
//! exceptions: a link whose destination is a GitHub reference is that
//! reference, once, whatever its text says; and `[@login](https://github.com/login)`,
//! a link to the person's own profile, is their handle. Full GitHub URLs in a
//! link's text still count: they name their issue whatever the link says.

pub(crate) mod date;
mod definitions;
pub(crate) mod handle;
mod links;
pub(crate) mod reference;
mod time;

use std::borrow::Cow;

use crate::grammar::reference::{
    gh_number, hash_number, is_closing_keyword, is_issue_word, is_repo_alias, owner_repo_number,
    repo_number, url_len, url_prefix, IssueReference, MAX_REPO_NAME,
};
use crate::model::{Reference, Span};
pub(crate) use definitions::LazyDefinitions;
use handle::{boundary_before, handle_after_at, HandleToken};
use reference::{github_url, repo_before, GitHubUrl};

/// A handle found in the text, with its source (from the `@`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Handle<'a> {
    pub token: HandleToken<'a>,
    pub span: Span,
}

/// The repository that bare `#N` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RepoContext<'a> {
    pub owner: Cow<'a, str>,
    pub repo: Cow<'a, str>,
}

/// What a scan found, in source order.
#[derive(Debug, Default)]
pub(crate) struct Inlines<'a> {
    pub handles: Vec<Handle<'a>>,
    pub references: Vec<Reference<'a>>,
    /// The scan's open brackets: kept here, not in the scanner, so that a
    /// scan neither allocates nor clears a fixed array.
    brackets: Vec<OpenBracket>,
}

/// Bracket nesting deeper than this is read as literal text.
const MAX_BRACKETS: usize = 32;
/// Parentheses nesting allowed inside a link destination (as in CommonMark).
const MAX_DEST_PARENS: usize = 32;
/// Link labels longer than this are not labels (as in CommonMark).
pub(crate) const MAX_LABEL: usize = 999;
/// Backtick runs longer than this never open a code span.
const MAX_CODE_RUN: usize = 63;

/// The bytes the scanner stops at: where a handle, a reference, a link, code,
/// an escape, a URL or a date may start or be told apart.
static SPECIAL: [bool; 256] = crate::bytes::byte_set(b"@#[]<`\\:.-");

/// The index of the first [`SPECIAL`] byte. Tests eight bytes per branch:
/// most runs between candidates are longer than that.
fn next_special(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 8;
    let special = |b: &u8| SPECIAL[usize::from(*b)];
    let mut offset = 0;
    let mut chunks = bytes.chunks_exact(CHUNK);
    for chunk in &mut chunks {
        let Ok(chunk) = <&[u8; CHUNK]>::try_from(chunk) else {
            break;
        };
        if chunk.iter().fold(false, |any, b| any | special(b)) {
            return chunk.iter().position(special).map(|i| offset + i);
        }
        offset += CHUNK;
    }
    chunks
        .remainder()
        .iter()
        .position(special)
        .map(|i| offset + i)
}

/// The reference a GitHub URL names, borrowing the URL as written.
fn url_reference<'a>(url: &'a str, target: IssueReference<'a>, span: Span) -> Reference<'a> {
    Reference {
        url: Some(Cow::Borrowed(url)),
        host: Cow::Borrowed("github.com"),
        owner: target.owner.map(Cow::Borrowed),
        repo: target.repo.map(Cow::Borrowed),
        kind: target.kind,
        number: target.number,
        comment: target.comment,
        review: target.review,
        review_comment: target.review_comment,
        span,
    }
}

/// What comes before an `@`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    /// Part of a word, an address or a path: no handle.
    None,
    /// Start, white space or punctuation.
    Plain,
    /// A run of `_` that opens emphasis (`_@x_`).
    Emphasis,
}

#[derive(Debug, Clone, Copy, Default)]
struct OpenBracket {
    pos: usize,
    /// `![`: an image, whose alt text nobody reads as text.
    image: bool,
    /// How many handles and references were found before the bracket.
    handles: usize,
    references: usize,
}

/// [`scan_with`] without a document around the text: no definitions.
#[cfg(test)]
pub(crate) fn scan<'a>(
    input: &'a str,
    span: Span,
    repo: Option<&RepoContext<'a>>,
    out: &mut Inlines<'a>,
) {
    let context = Context {
        repo,
        definitions: &LazyDefinitions::new(""),
    };
    scan_with(input, span, &context, out);
}

/// What a scan needs to know about the rest of the document.
pub(crate) struct Context<'a, 'o> {
    /// The repository that bare `#N` and `GH-N` refer to.
    pub repo: Option<&'o RepoContext<'a>>,
    /// Link reference definitions that name GitHub references.
    pub definitions: &'o LazyDefinitions<'a>,
}

/// Whether [`scan_with`] may find anything in `text`: a handle needs `@`, a
/// short reference `#` (or `h-` of `GH-N`), a GitHub URL `m/` (of
/// `github.com/`, in any case), a reference-style link `][`. Cheap (32 bytes per step, vectorized), so that the blocks of
/// prose that name nothing are not scanned; it must stay true of every text
/// in which the scan finds something.
pub(crate) fn may_find(text: &[u8]) -> bool {
    const WINDOW: usize = FIND_CHUNK + 1;
    let Some(last) = text.len().checked_sub(WINDOW) else {
        // Shorter than a step: two half steps that overlap, or one padded
        // with zero bytes (no hits).
        const HALF: usize = FIND_CHUNK / 2;
        if let Some(last) = text.len().checked_sub(HALF + 1) {
            return window_may_find::<HALF>(text, 0) | window_may_find::<HALF>(text, last);
        }
        let mut padded = [0; HALF + 1];
        if let Some(head) = padded.get_mut(..text.len()) {
            head.copy_from_slice(text);
        }
        return window_may_find::<HALF>(&padded, 0);
    };
    // Each step reads one byte past its chunk, for a pair across the edge;
    // the last step overlaps the one before instead of a partial chunk
    // (and leaves out the last byte alone: `@` or `#` there finds nothing).
    // Two chunks a step while they fit, one branch for both.
    let mut start = 0;
    while let Some(pair) = text.get(start..start + 2 * FIND_CHUNK + 1) {
        let first = pair
            .get(..WINDOW)
            .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok());
        let second = pair
            .get(FIND_CHUNK..)
            .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok());
        if let (Some(first), Some(second)) = (first, second) {
            if chunk_may_find(first) | chunk_may_find(second) {
                return true;
            }
        }
        start += 2 * FIND_CHUNK;
    }
    loop {
        let at = start.min(last);
        let window = text.get(at..at + WINDOW);
        if window.is_some_and(|w| <&[u8; WINDOW]>::try_from(w).is_ok_and(chunk_may_find)) {
            return true;
        }
        if at == last {
            return false;
        }
        start += FIND_CHUNK;
    }
}

const FIND_CHUNK: usize = 32;

/// [`pairs_may_find`] on the `N` bytes of `text` at `at` and the byte after
/// them; false where they do not fit.
#[inline(always)]
fn window_may_find<const N: usize>(text: &[u8], at: usize) -> bool {
    let this = text
        .get(at..at + N)
        .and_then(|w| <&[u8; N]>::try_from(w).ok());
    let next = text
        .get(at + 1..at + 1 + N)
        .and_then(|w| <&[u8; N]>::try_from(w).ok());
    match (this, next) {
        (Some(this), Some(next)) => pairs_may_find(this, next),
        _ => false,
    }
}

/// [`may_find`] on one chunk and the byte after it.
#[inline(always)]
fn chunk_may_find(window: &[u8; FIND_CHUNK + 1]) -> bool {
    let (this, next) = (&window[..FIND_CHUNK], &window[1..]);
    match (
        <&[u8; FIND_CHUNK]>::try_from(this),
        <&[u8; FIND_CHUNK]>::try_from(next),
    ) {
        (Ok(this), Ok(next)) => pairs_may_find(this, next),
        _ => false,
    }
}

/// [`may_find`] on `N` bytes, `this`, and the `N` bytes one further, `next`.
#[inline(always)]
fn pairs_may_find<const N: usize>(this: &[u8; N], next: &[u8; N]) -> bool {
    // Non-short-circuit operators, so that the test vectorizes.
    let mut any = false;
    for (&a, &b) in this.iter().zip(next) {
        let lower = a | 0x20;
        any |= (a == b'@') | (a == b'#');
        // `h-` and `m/`, and `h/` and `m-` with them: a few more texts
        // scanned for fewer tests (`b & !2` is `-` for `-` and `/`).
        any |= ((lower == b'h') | (lower == b'm')) & ((b & !2) == b'-');
        any |= (a == b']') & (b == b'[');
    }
    any
}

/// Scans `input[span]` and appends what it finds to `out`. Spans are offsets
/// into `input`.
pub(crate) fn scan_with<'a>(
    input: &'a str,
    span: Span,
    context: &Context<'a, '_>,
    out: &mut Inlines<'a>,
) {
    let Some(src) = input.get(..span.end) else {
        return;
    };
    out.brackets.clear();
    let mut scanner = Scanner {
        src,
        pos: span.start,
        start: span.start,
        repo: context.repo,
        definitions: context.definitions,
        out,
        failed_code_runs: 0,
        dest_fails_before: 0,
        comment_unclosed: false,
        escaped_end: 0,
    };
    scanner.run();
}

struct Scanner<'a, 'o> {
    src: &'a str,
    pos: usize,
    start: usize,
    repo: Option<&'o RepoContext<'a>>,
    definitions: &'o LazyDefinitions<'a>,
    out: &'o mut Inlines<'a>,
    /// Bit `n` set: no closing run of `n` backticks follows.
    failed_code_runs: u64,
    /// A link destination starting before this offset cannot close.
    dest_fails_before: usize,
    /// No `-->` follows: a later `<!--` is plain text too.
    comment_unclosed: bool,
    /// Where the last backslash escape ended (`\!` is no image marker).
    escaped_end: usize,
}

impl<'a> Scanner<'a, '_> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn prev_char(&self, pos: usize) -> Option<char> {
        if pos <= self.start {
            return self.src.get(..pos).and_then(|s| s.chars().next_back());
        }
        self.src.get(..pos).and_then(|s| s.chars().next_back())
    }

    fn run(&mut self) {
        let bytes = self.bytes();
        while self.pos < bytes.len() {
            let from = self.pos;
            let Some(skip) = next_special(&bytes[self.pos..]) else {
                break;
            };
            self.pos += skip;
            match bytes[self.pos] {
                b'\\' => {
                    let escaped = bytes
                        .get(self.pos + 1)
                        .is_some_and(u8::is_ascii_punctuation);
                    self.pos += if escaped { 2 } else { 1 };
                    self.escaped_end = self.pos;
                }
                b'`' => self.code_span(),
                b'[' => {
                    if self.out.brackets.len() < MAX_BRACKETS {
                        let image = self.pos > self.start
                            && bytes.get(self.pos - 1) == Some(&b'!')
                            && self.escaped_end != self.pos;
                        self.out.brackets.push(OpenBracket {
                            pos: self.pos,
                            image,
                            handles: self.out.handles.len(),
                            references: self.out.references.len(),
                        });
                    }
                    self.pos += 1;
                }
                b']' => self.close_bracket(),
                b'<' => self.autolink(),
                b'@' => self.handle(),
                b'#' => self.short_reference(),
                b'-' => self.gh_reference(from),
                _ => self.url_start(from),
            }
        }
    }

    /// A bare URL is found from the `:` of `http(s)://` or the `.` of
    /// `www.`, bytes far rarer than the `h` and `w` it starts with; its start
    /// is looked for behind, never before `from`, where the skip began.
    fn url_start(&mut self, from: usize) {
        let at = self.pos;
        self.pos += 1;
        let bytes = self.bytes();
        // Most `:` and `.` end words and sentences: the bytes right after a
        // `:` or right before a `.` rule them out before any comparison.
        let start = if bytes.get(at) == Some(&b':') {
            if bytes.get(at + 1..at + 3) != Some(b"//".as_slice()) {
                return;
            }
            let behind = |word: &[u8]| {
                at.checked_sub(word.len())
                    .filter(|&start| start >= from)
                    .filter(|&start| {
                        bytes
                            .get(start..at)
                            .is_some_and(|w| w.eq_ignore_ascii_case(word))
                    })
            };
            behind(b"https").or_else(|| behind(b"http"))
        } else {
            at.checked_sub(3)
                .filter(|&start| start >= from)
                .filter(|&start| {
                    bytes
                        .get(start..at)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
                })
        };
        if let Some(start) = start {
            self.pos = start;
            self.bare_url();
            self.pos = self.pos.max(at + 1);
        }
    }

    fn bare_url(&mut self) {
        let bytes = self.bytes();
        let start = self.pos;
        let rest = &bytes[start..];
        // `h` and `w` mostly start ordinary words: one byte rules those out
        // before the prefix and boundary checks.
        if !matches!(rest.get(1).map(u8::to_ascii_lowercase), Some(b't' | b'w')) {
            self.pos += 1;
            return;
        }
        let prefix = url_prefix(self.src.get(start..).unwrap_or_default());
        let boundary = !self
            .prev_char(start)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | '_' | '@'));
        if prefix == 0 || !boundary {
            self.pos += 1;
            return;
        }
        let len = url_len(rest, prefix);
        let url = self.src.get(start..start + len).unwrap_or_default();
        self.pos = start + len;
        self.push_url(url, Span::new(start, start + len));
    }

    fn push_url(&mut self, url: &'a str, span: Span) {
        if let Some(GitHubUrl::Reference(target)) = github_url(url) {
            self.out.references.push(url_reference(url, target, span));
        }
    }

    fn handle(&mut self) {
        let at = self.pos;
        self.pos += 1;
        // `@a/@b`: a slash right after a handle separates two handles.
        let after_handle = self
            .out
            .handles
            .last()
            .is_some_and(|h| h.span.end + 1 == at)
            && self.bytes().get(at.wrapping_sub(1)) == Some(&b'/');
        let boundary = self.handle_boundary(at);
        if !after_handle && boundary == Boundary::None {
            // Part of a word or an address: skip the rest of it.
            return;
        }
        let after = self.src.get(self.pos..).unwrap_or_default();
        if let Some((token, len)) = handle_after_at(after, boundary == Boundary::Emphasis) {
            self.pos += len;
            self.out.handles.push(Handle {
                token,
                span: Span::new(at, self.pos),
            });
        }
    }

    /// What comes before the `@` at `at`. A run of `_` right
    /// before it opens emphasis when a boundary comes before the run
    /// (`_@x_`, `__@x__`): GitHub sees `@x` there, but not in `a_@x`.
    fn handle_boundary(&self, at: usize) -> Boundary {
        match self.emphasis_opener(at) {
            None if boundary_before(self.prev_char(at)) => Boundary::Plain,
            Some(true) => Boundary::Emphasis,
            _ => Boundary::None,
        }
    }

    /// Whether the run of `_` right before `pos` opens emphasis: `None`
    /// without such a run, else whether a boundary comes before the run.
    fn emphasis_opener(&self, pos: usize) -> Option<bool> {
        let bytes = self.bytes();
        let mut i = pos;
        while i > self.start && bytes.get(i - 1) == Some(&b'_') {
            i -= 1;
        }
        (i < pos).then(|| {
            !self
                .prev_char(i)
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '@' | '\\'))
        })
    }

    /// `#N`, `owner/repo#N`, or `name#N`.
    ///
    /// `name#N` follows GitHub wherever the note gives no better evidence:
    /// 1. in a link whose URL is a GitHub reference, the link wins;
    /// 2. a repository the note names in full as `owner/name` (a URL, a short
    ///    form, a `### owner/name` heading, the context repository) is meant:
    ///    notes write `rust#83213` for rust-lang/rust;
    /// 3. otherwise GitHub's reading: `name`'s fork of the context repository
    ///    (`rtomayko#42` in defunkt/x is rtomayko/x#42).
    ///
    /// A scan sees one text, not the note: it fills `repo` with `name` and
    /// `owner` with the context's owner (or none), and leaves steps 2 and 3 to
    /// the semantic layer, which knows `name#N` by a span with no `/` before
    /// the `#`. `PR#12` and other issue words give `#12`; a closing keyword
    /// glued to the `#` (`Fixes#1`) gives nothing.
    fn short_reference(&mut self) {
        let hash = self.pos;
        self.pos += 1;
        let emphasis = self.bytes().get(hash.wrapping_sub(1)) == Some(&b'_')
            && self.emphasis_opener(hash) == Some(true);
        // Where the reference starts decides its form; the form's grammar
        // reads it from there.
        let (start, read): (usize, ShortForm) = match repo_before(self.src, hash) {
            Some((start, _, _)) if start >= self.start => (start, owner_repo_number),
            _ => match self.alias_before(hash) {
                // `Fixes#123`: GitHub needs a separator before `#`, and a
                // closing keyword is no repository.
                Some((_, word)) if is_closing_keyword(word) => return,
                Some((start, alias)) if !is_issue_word(alias) => (start, repo_number),
                Some((_, _)) => (hash, hash_number),
                None if !emphasis
                    && self.prev_char(hash).is_some_and(|c| {
                        c.is_alphanumeric() || matches!(c, '&' | '#' | '/' | '_' | '-' | '.')
                    }) =>
                {
                    return
                }
                None => (hash, hash_number),
            },
        };
        if let Some((found, len)) = self.src.get(start..).and_then(|text| read(text, emphasis)) {
            self.push_short(start, found, start + len);
        }
    }

    /// `GH-N` (or `gh-N`), GitHub's other short form for an issue of the
    /// context repository, found from its `-`, a byte far rarer than `g`;
    /// the `GH` is looked for behind, never before `from`, where the skip began.
    fn gh_reference(&mut self, from: usize) {
        let dash = self.pos;
        self.pos += 1;
        let Some(start) = dash.checked_sub(2).filter(|&s| s >= from) else {
            return;
        };
        if self
            .prev_char(start)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '#'))
        {
            return;
        }
        if let Some((found, len)) = self.src.get(start..).and_then(gh_number) {
            self.push_short(start, found, start + len);
        }
    }

    /// A repository name without owner right before the `#` at `hash`
    /// (`rust#83167`, `lang-team#171`): two or more name characters after a
    /// boundary.
    fn alias_before(&self, hash: usize) -> Option<(usize, &'a str)> {
        let bytes = self.bytes();
        let is_name = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
        let mut i = hash;
        while i > self.start && hash - i < MAX_REPO_NAME && is_name(bytes[i - 1]) {
            i -= 1;
        }
        let alias = self.src.get(i..hash)?;
        if !is_repo_alias(alias) && !is_issue_word(alias) {
            return None;
        }
        let boundary = !self.prev_char(i).is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '/' | '@' | '.' | '-' | '_' | '&' | '#')
        });
        boundary.then_some((i, alias))
    }

    /// Pushes a short form found at `start..end`: what it does not name
    /// comes from the context repository (`#N`, `GH-N`: owner and
    /// repository; `repo#N`: the owner).
    fn push_short(&mut self, start: usize, found: IssueReference<'a>, end: usize) {
        self.pos = end;
        let context = self.repo;
        let (owner, repo) = match (found.owner, found.repo) {
            (Some(owner), repo) => (Some(Cow::Borrowed(owner)), repo.map(Cow::Borrowed)),
            (None, Some(repo)) => (
                context.map(|ctx| ctx.owner.clone()),
                Some(Cow::Borrowed(repo)),
            ),
            (None, None) => (
                context.map(|ctx| ctx.owner.clone()),
                context.map(|ctx| ctx.repo.clone()),
            ),
        };
        self.out.references.push(Reference {
            url: None,
            host: Cow::Borrowed("github.com"),
            owner,
            repo,
            kind: found.kind,
            number: found.number,
            comment: None,
            review: None,
            review_comment: None,
            span: Span::new(start, end),
        });
    }
}

/// A short form's grammar, from [`crate::grammar::reference`].
type ShortForm = for<'t> fn(&'t str, bool) -> Option<(IssueReference<'t>, usize)>;

#[cfg(test)]
mod tests;
