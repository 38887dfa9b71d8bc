//! Links, autolinks, HTML comments and code spans: the parts of a text
//! that hide handles and references or make one of a link. CommonMark's
//! rules, bounded so that a scan stays linear.

use super::{definitions, Scanner, MAX_CODE_RUN, MAX_DEST_PARENS, MAX_LABEL};
use super::{github_url, handle, url_reference, GitHubUrl, Handle, HandleToken};
use crate::model::{Reference, Span};

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

/// The length of the run of [`PLAIN_DESTINATION`] bytes that starts
/// `bytes`: a URL's bytes are skipped 32 at a time, with a test that
/// vectorizes (it also stops at every byte that is not ASCII, which the
/// table then reads one by one).
fn plain_run(bytes: &[u8]) -> usize {
    crate::bytes::run_len(
        bytes,
        |b| {
            // Signed: at most a space, or not ASCII.
            let low_or_wide = i8::from_ne_bytes([b]) <= 0x20;
            low_or_wide | (b == 0x7f) | ((b | 1) == b')') | (b == b'\\')
        },
        |b| !PLAIN_DESTINATION[usize::from(b)],
    )
}

impl<'a> Scanner<'a, '_> {
    pub(super) fn code_span(&mut self) {
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

    pub(super) fn close_bracket(&mut self) {
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
            loop {
                i += plain_run(bytes.get(i..).unwrap_or_default());
                let Some(&b) = bytes.get(i) else {
                    break;
                };
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
    pub(super) fn autolink(&mut self) {
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
}
