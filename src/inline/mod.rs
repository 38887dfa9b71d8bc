//! The inline layer: handles, references, links and code spans in a text.
//!
//! One left-to-right pass over the bytes. Uninteresting bytes are skipped with
//! a lookup table; at each candidate byte (`@`, `#`, `[`, `]`, `<`, `` ` ``,
//! `\`, `-` for `GH-N`, and `:` or `.` for bare URLs) a small `nom` recognizer
//! decides. Brackets are matched with a bounded stack, and every search that can fail remembers its failure, so
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

const fn special_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let specials = b"@#[]<`\\:.-";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
}

static SPECIAL: [bool; 256] = special_bytes();

/// The index of the first [`SPECIAL`] byte. Tests eight bytes per branch:
/// most runs between candidates are longer than that.
fn next_special(bytes: &[u8]) -> Option<usize> {
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | SPECIAL[usize::from(b)])
        {
            break;
        }
        offset += 8;
    }
    let rest = bytes.get(offset..)?;
    rest.iter()
        .position(|&b| SPECIAL[usize::from(b)])
        .map(|i| offset + i)
}

/// Bytes of a link destination that need no decision: not `\\`, `(`, `)`,
/// white space or a control character.
static PLAIN_DESTINATION: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] =
            !(matches!(c, b'\\' | b'(' | b')') || c.is_ascii_whitespace() || c.is_ascii_control());
        b += 1;
    }
    table
};

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
        // Shorter than a step: padded with zero bytes (no hits).
        let mut padded = [0; WINDOW];
        if let Some(head) = padded.get_mut(..text.len()) {
            head.copy_from_slice(text);
        }
        return chunk_may_find(&padded);
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

/// [`may_find`] on one chunk and the byte after it.
#[inline(always)]
fn chunk_may_find(window: &[u8; FIND_CHUNK + 1]) -> bool {
    let (this, next) = (&window[..FIND_CHUNK], &window[1..]);
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

    fn code_span(&mut self) {
        let bytes = self.bytes();
        let run = bytes[self.pos..].iter().take_while(|&&b| b == b'`').count();
        let after = self.pos + run;
        if run > MAX_CODE_RUN || self.failed_code_runs & (1 << run) != 0 {
            self.pos = after;
            return;
        }
        let mut i = after;
        while let Some(found) = bytes[i..].iter().position(|&b| b == b'`') {
            let close = i + found;
            let len = bytes[close..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                self.pos = close + len;
                return;
            }
            i = close + len;
        }
        self.failed_code_runs |= 1 << run;
        self.pos = after;
    }

    fn close_bracket(&mut self) {
        let close = self.pos;
        self.pos += 1;
        let Some(open) = self.out.brackets.pop() else {
            return;
        };
        let text = self.src.get(open.pos + 1..close).unwrap_or_default();
        let (dest, end) = if self.bytes().get(close + 1) == Some(&b'(') {
            match self.destination(close + 2) {
                Some(found) => found,
                None => return,
            }
        } else {
            match self.reference_link(text, close + 1) {
                Some(found) => found,
                None => return,
            }
        };
        self.pos = end;
        if open.image {
            // Alt text is not shown, and an image is no link to an issue.
            self.out.handles.truncate(open.handles);
            self.out.references.truncate(open.references);
            return;
        }
        let at_sign = open.pos > 0 && self.bytes().get(open.pos - 1) == Some(&b'@');
        let url = github_url(dest);
        // `[@login](https://github.com/login)`: the person's own profile.
        let own_profile = match url {
            Some(GitHubUrl::Profile(login)) => text
                .trim()
                .strip_prefix('@')
                .filter(|t| t.eq_ignore_ascii_case(login) && handle::is_login(t)),
            _ => None,
        };
        // No handle in a link's text is a mention, as on GitHub.
        self.out.handles.truncate(open.handles);
        match url {
            Some(GitHubUrl::Reference(target)) => {
                // The link is the reference: short forms in its text repeat
                // it, and so does its own URL written as the text.
                let link = url_reference(dest, target, Span::new(open.pos, end));
                self.keep_urls_after(open.references, Some(&link));
                self.out.references.push(link);
            }
            _ => {
                self.keep_urls_after(open.references, None);
                let login = match url {
                    Some(GitHubUrl::Profile(login)) if at_sign && handle::is_login(login) => {
                        Some(login)
                    }
                    _ if at_sign && handle::is_login(text) => Some(text),
                    _ => None,
                };
                if let Some(login) = login {
                    self.out.handles.push(Handle {
                        token: HandleToken::User(login),
                        span: Span::new(open.pos - 1, end),
                    });
                } else if let Some(login) = own_profile {
                    self.out.handles.push(Handle {
                        token: HandleToken::User(login),
                        span: Span::new(open.pos, end),
                    });
                }
            }
        }
    }

    /// Drops the references found from index `first` on that a link's text
    /// makes no reference of its own: short forms, and URLs of `link`.
    fn keep_urls_after(&mut self, first: usize, link: Option<&Reference<'a>>) {
        let refs = &mut self.out.references;
        let first = first.min(refs.len());
        let mut kept = first;
        for i in first..refs.len() {
            if refs[i].url.is_some() && !link.is_some_and(|l| refs[i].same_target(l)) {
                refs.swap(kept, i);
                kept += 1;
            }
        }
        refs.truncate(kept);
    }

    /// A reference link whose text `text` ends right before `after`: full
    /// `[text][label]`, collapsed `[text][]` or shortcut `[text]`, when the
    /// label has a definition. Returns the destination and where the link ends.
    fn reference_link(&self, text: &str, after: usize) -> Option<(&'a str, usize)> {
        let bytes = self.bytes();
        let full = bytes.get(after) == Some(&b'[');
        if !full && !definitions::may_be_issue_label(text) {
            return None;
        }
        let definitions = self.definitions.get();
        if definitions.is_empty() {
            return None;
        }
        if full {
            let label_start = after + 1;
            let len = bytes
                .get(label_start..)?
                .iter()
                .take(MAX_LABEL + 1)
                .position(|&b| b == b']' || b == b'[')?;
            if bytes.get(label_start + len) != Some(&b']') {
                return None;
            }
            let label = self.src.get(label_start..label_start + len)?;
            let label = if label.trim().is_empty() { text } else { label };
            let dest = definitions.get(label)?;
            return Some((dest, label_start + len + 1));
        }
        Some((definitions.get(text)?, after))
    }

    /// A link destination and optional title after `](`, starting at `start`.
    /// Returns the destination and the offset after the closing `)`.
    fn destination(&mut self, start: usize) -> Option<(&'a str, usize)> {
        if start < self.dest_fails_before {
            return None;
        }
        let bytes = self.bytes();
        let mut i = start;
        while bytes
            .get(i)
            .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
        {
            i += 1;
        }
        let dest_start;
        let dest_end;
        if bytes.get(i) == Some(&b'<') {
            dest_start = i + 1;
            let len = bytes[dest_start..]
                .iter()
                .position(|&b| b == b'>' || b == b'\n' || b == b'<')?;
            dest_end = dest_start + len;
            if bytes.get(dest_end) != Some(&b'>') {
                return None;
            }
            i = dest_end + 1;
        } else {
            dest_start = i;
            let mut depth = 0usize;
            let mut saw_close = false;
            while let Some(&b) = bytes.get(i) {
                if PLAIN_DESTINATION[usize::from(b)] {
                    i += 1;
                    continue;
                }
                match b {
                    b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                    b'(' => {
                        depth += 1;
                        if depth > MAX_DEST_PARENS {
                            return None;
                        }
                    }
                    b')' if depth == 0 => break,
                    b')' => {
                        depth -= 1;
                        saw_close = true;
                    }
                    b if b.is_ascii_whitespace() || b.is_ascii_control() => break,
                    _ => {}
                }
                i += 1;
            }
            if bytes.get(i).is_none() && !saw_close {
                self.dest_fails_before = i;
            }
            dest_end = i;
        }
        while bytes
            .get(i)
            .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
        {
            i += 1;
        }
        if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
            let len = bytes[i + 1..].iter().position(|&b| b == quote)?;
            i += len + 2;
            while bytes
                .get(i)
                .is_some_and(|b| *b == b' ' || *b == b'\t' || *b == b'\n')
            {
                i += 1;
            }
        }
        if bytes.get(i) != Some(&b')') {
            return None;
        }
        Some((self.src.get(dest_start..dest_end)?, i + 1))
    }

    /// `<scheme:...>`: an autolink, never read for handles.
    fn autolink(&mut self) {
        let bytes = self.bytes();
        let start = self.pos;
        self.pos += 1;
        let rest = &bytes[self.pos..];
        if rest.starts_with(b"!--") {
            self.html_comment();
            return;
        }
        let scheme = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
            .count();
        if !(2..=32).contains(&scheme) || rest.get(scheme) != Some(&b':') {
            // `<local@domain>`: skip the address so that its `@` is no handle.
            // Only the token up to the next `<`, `>` or space is looked at, so
            // a run of `<a@` stays linear.
            let token = rest
                .iter()
                .take_while(|&&b| b != b'>' && !b.is_ascii_whitespace() && b != b'<')
                .count();
            if rest.get(token) == Some(&b'>') && rest[..token].contains(&b'@') {
                self.pos += token;
            }
            return;
        }
        let Some(len) = rest.iter().position(|&b| {
            b == b'>' || b == b'<' || b.is_ascii_whitespace() || b.is_ascii_control()
        }) else {
            return;
        };
        if rest[len] != b'>' {
            return;
        }
        let url = self.src.get(self.pos..self.pos + len).unwrap_or_default();
        self.pos += len + 1;
        self.push_url(url, Span::new(start, self.pos));
    }

    /// `<!-- ... -->` (CommonMark's inline comment, `<!-->` and `<!--->`
    /// included), which nobody sees: skipped whole. Without a closing `-->`
    /// it is plain text, and so is every later `<!--` of the scan.
    fn html_comment(&mut self) {
        let body_start = self.pos + 3;
        self.pos = body_start;
        if self.comment_unclosed {
            return;
        }
        let body = self.bytes().get(body_start..).unwrap_or_default();
        let end = if body.starts_with(b">") {
            Some(1)
        } else if body.starts_with(b"->") {
            Some(2)
        } else {
            body.windows(3).position(|w| w == b"-->").map(|i| i + 3)
        };
        match end {
            Some(len) => self.pos = body_start + len,
            None => self.comment_unclosed = true,
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
mod tests {
    use super::*;
    use crate::model::ReferenceKind;

    fn scan_str(text: &str) -> Inlines<'_> {
        let mut out = Inlines::default();
        scan(text, Span::new(0, text.len()), None, &mut out);
        out
    }

    /// `may_find` is true of every text in which the scan finds something:
    /// pseudo-random texts over the bytes that matter, of every length
    /// around the 32-byte steps, and the forms themselves.
    #[test]
    fn may_find_is_true_wherever_the_scan_finds() {
        let alphabet = b"@#/]-[hHmMGg1 .:x(<>`";
        let forms = [
            "@a",
            "#1",
            "GH-1",
            "a/b#1",
            "rust#1",
            "https://github.com/a/b/issues/1",
            "<https://GITHUB.COM/a/b/pull/2>",
            "www.github.com/a/b/issues/3",
            "[x](https://github.com/a/b/issues/4)",
        ];
        let mut state: u64 = 18;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let mut texts: Vec<String> = Vec::new();
        for form in forms {
            for pad in [0, 1, 30, 31, 32, 33, 64] {
                texts.push(format!("{}{form}", "x".repeat(pad)));
                texts.push(format!("{form}{}", "x".repeat(pad)));
            }
        }
        for _ in 0..20_000 {
            let len = next() % 80;
            let text: String = (0..len)
                .map(|_| char::from(alphabet[next() % alphabet.len()]))
                .collect();
            texts.push(text);
        }
        for text in &texts {
            let out = scan_str(text);
            if !out.handles.is_empty() || !out.references.is_empty() {
                assert!(may_find(text.as_bytes()), "{text:?}");
            }
        }
        assert!(!may_find(b"Plain prose, with dots. And colons: no more"));
    }

    fn logins<'a>(out: &Inlines<'a>) -> Vec<&'a str> {
        out.handles
            .iter()
            .map(|h| match h.token {
                HandleToken::User(l) | HandleToken::Team(l) => l,
            })
            .collect()
    }

    fn numbers(out: &Inlines<'_>) -> Vec<Option<u64>> {
        out.references.iter().map(|r| r.number).collect()
    }

    #[test]
    fn handles_need_a_boundary() {
        let out = scan_str("etc.@Gaius, Zhou Xu(@fcgxz2003) **@codebytere** /cc @a, @b");
        assert_eq!(logins(&out), ["Gaius", "fcgxz2003", "codebytere", "a", "b"]);
        let out = scan_str("aman@tmm1.net @github.com mailto:x@y.z @ @@x Steven Z@VMware");
        assert!(out.handles.is_empty(), "{:?}", out.handles);
    }

    #[test]
    fn no_handles_in_code_or_urls() {
        let out = scan_str("`@a` ``@b ` @c`` https://maps.example/@37.41,-122 <https://x.y/@z> @d");
        assert_eq!(logins(&out), ["d"]);
    }

    #[test]
    fn markdown_link_handle() {
        let text = "@[CooooolFrog](https://github.com/CooooolFrog) x";
        let out = scan_str(text);
        assert_eq!(logins(&out), ["CooooolFrog"]);
        assert_eq!(out.handles[0].span, Span::new(0, 46));
    }

    #[test]
    fn urls_autolinks_and_links() {
        let text = "<https://github.com/d/d/issues/4025> https://github.com/a/b/pull/1. \
                    [containerd/nydus-snapshotter#690](https://github.com/containerd/nydus-snapshotter/issues/690)";
        let out = scan_str(text);
        assert_eq!(numbers(&out), [Some(4025), Some(1), Some(690)]);
        let r = &out.references[1];
        assert_eq!(
            &text[r.span.start..r.span.end],
            "https://github.com/a/b/pull/1"
        );
        assert_eq!(r.kind, ReferenceKind::Pull);
        let r = &out.references[2];
        assert_eq!(r.span.start, text.find("[containerd").unwrap());
    }

    #[test]
    fn bare_urls_found_from_colon_or_dot() {
        let text = "xhttps://github.com/a/b/issues/1 @https://x www.github.com/a/b/issues/2 \
                    wwww.github.com/a/b/issues/3 (HTTP://github.com/a/b/pull/4) http:x.";
        let out = scan_str(text);
        assert_eq!(numbers(&out), [Some(2), Some(4)]);
        assert_eq!(out.references[0].span.start, text.find("www.").unwrap());
        assert_eq!(logins(&out), ["https"]);
    }

    #[test]
    fn short_forms() {
        let out = scan_str(
            "nodejs/node#22584 (nodejs/tap2junit#12) #52857 C#1 #issuecomment-1 #channel &#123;",
        );
        assert_eq!(numbers(&out), [Some(22584), Some(12), Some(52857)]);
        assert_eq!(out.references[0].owner.as_deref(), Some("nodejs"));
        assert_eq!(out.references[2].owner, None);
    }

    #[test]
    fn default_repository_resolves_hash_numbers() {
        let ctx = RepoContext {
            owner: "nodejs".into(),
            repo: "node".into(),
        };
        let text = "see #12";
        let mut out = Inlines::default();
        scan(text, Span::new(0, text.len()), Some(&ctx), &mut out);
        assert_eq!(out.references[0].repo.as_deref(), Some("node"));
    }

    #[test]
    fn trailing_punctuation_and_parens() {
        let out =
            scan_str("(see https://github.com/a/b/issues/3), https://github.com/a/b/issues/4.");
        assert_eq!(numbers(&out), [Some(3), Some(4)]);
        assert_eq!(
            out.references[0].url.as_deref(),
            Some("https://github.com/a/b/issues/3")
        );
    }

    #[test]
    fn hidden_text_has_no_handles_or_references() {
        let out =
            scan_str("![@a #1](u) <!-- @b #2 --> <!--> @c <!---> \\![@d](u) [@e #3](https://x.y)");
        assert_eq!(logins(&out), ["c"]);
        assert!(out.references.is_empty(), "{:?}", out.references);
        // No closing `-->`: plain text, however many `<!--` follow.
        let out = scan_str("<!-- @f <!-- #4");
        assert_eq!(logins(&out), ["f"]);
        assert_eq!(numbers(&out), [Some(4)]);
    }

    #[test]
    fn own_profile_link_is_a_handle() {
        let text = "[@Alice](https://github.com/alice) [@bob](https://github.com/carol)";
        let out = scan_str(text);
        assert_eq!(logins(&out), ["Alice"]);
        assert_eq!(out.handles[0].span, Span::new(0, 34));
    }

    #[test]
    fn unclosed_backtick_and_emphasis() {
        let out = scan_str("x `@me _@x_ __@y__ a_@z");
        assert_eq!(logins(&out), ["me", "x", "y"]);
    }

    #[test]
    fn gh_numbers_keywords_and_zero() {
        let out = scan_str("gh-69 GH-70 Gh-71 xgh-1 gh-0 #0 #000 Fixes#123 Resolves#9 fix #5");
        assert_eq!(numbers(&out), [Some(69), Some(70), Some(71), Some(5)]);
    }

    #[test]
    fn pathological_runs_terminate() {
        for piece in [
            "[",
            "](",
            "<",
            "`",
            "@",
            "#",
            "https://github.com/",
            "[a](b ",
            "GH-1",
            "a#1",
            "[#1][]",
            "<!--",
            "![",
            "gh-",
            "_@",
        ] {
            let text = piece.repeat(20_000);
            let _ = scan_str(&text);
        }
        let closing = format!("https://github.com/a/b/issues/1{}", ")".repeat(20_000));
        assert_eq!(numbers(&scan_str(&closing)), [Some(1)]);
    }
}
