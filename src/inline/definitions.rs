//! Link reference definitions (`[#42326]: https://github.com/...`) that name
//! GitHub references, so that `[#42326]`, `[#42326][]` and `[text][#42326]`
//! resolve wherever they are used, even before the definition.
//!
//! Items are finished while the block layer streams, so the definitions are
//! collected from the whole input, in one pass, the first time a scan meets
//! something that may be a reference link: `[text][label]`, `[text][]`, or a
//! shortcut `[#N]` whose text has an issue number. Notes without such links
//! never pay for the pass.

use std::cell::OnceCell;

use super::reference::{github_url, GitHubUrl};
use super::MAX_LABEL;

/// Labels and destinations, sorted by label compared ASCII case-insensitively.
#[derive(Debug, Default)]
pub(crate) struct Definitions<'a> {
    entries: Vec<(&'a str, &'a str)>,
}

impl<'a> Definitions<'a> {
    /// The definitions in `input` whose destination is a GitHub reference.
    /// Only lines around a `]:` are read, each from its start (a bounded
    /// look-back), so the pass costs one substring search over the input.
    /// Lines inside code blocks are not told apart: a definition-shaped line
    /// in a fence is rare, and costs at most a resolved link.
    pub(crate) fn collect(input: &'a str) -> Self {
        let mut entries = Vec::new();
        let mut last_line = usize::MAX;
        let bytes = input.as_bytes();
        let closes = std::iter::successors(crate::bytes::find_byte(bytes, b']'), |&i| {
            let next = i + 1;
            crate::bytes::find_byte(bytes.get(next..)?, b']').map(|j| next + j)
        });
        for colon in closes.filter(|&i| bytes.get(i + 1) == Some(&b':')) {
            let window = colon.saturating_sub(MAX_LABEL + 8);
            let line_start = input
                .get(window..colon)
                .and_then(crate::bytes::rfind_line_end)
                .map_or(if window == 0 { 0 } else { usize::MAX }, |nl| {
                    window + nl + 1
                });
            if line_start == usize::MAX || line_start == last_line {
                continue;
            }
            last_line = line_start;
            let line = input.get(line_start..).map(|rest| {
                crate::bytes::split_lines(rest)
                    .next()
                    .map_or(rest, |(_, l)| l)
            });
            entries.extend(line.and_then(definition));
        }
        entries.sort_by(|a, b| compare(a.0, b.0));
        entries.dedup_by(|later, first| compare(later.0, first.0).is_eq());
        Definitions { entries }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The destination defined for `label`.
    pub(crate) fn get(&self, label: &str) -> Option<&'a str> {
        let label = label.trim();
        self.entries
            .binary_search_by(|(l, _)| compare(l, label))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|(_, dest)| *dest)
    }
}

/// Labels match case-insensitively (CommonMark folds case; ASCII suffices
/// for issue labels), without allocating.
fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// `[label]: destination` with up to three spaces of indentation, when the
/// destination is a GitHub reference.
fn definition(line: &str) -> Option<(&str, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.get(indent..)?.strip_prefix('[')?;
    let close = rest.find(']')?;
    let label = rest.get(..close)?.trim();
    if label.is_empty() || label.len() > MAX_LABEL || label.contains('[') || label.starts_with('^')
    {
        return None;
    }
    let after = rest.get(close + 1..)?.strip_prefix(':')?.trim_start();
    let dest = match after.strip_prefix('<') {
        Some(angled) => angled.get(..angled.find('>')?)?,
        None => after.split_whitespace().next()?,
    };
    matches!(github_url(dest), Some(GitHubUrl::Reference(_))).then_some((label, dest))
}

/// The definitions of an input, collected on first use.
pub(crate) struct LazyDefinitions<'a> {
    input: &'a str,
    definitions: OnceCell<Definitions<'a>>,
}

impl<'a> LazyDefinitions<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        LazyDefinitions {
            input,
            definitions: OnceCell::new(),
        }
    }

    pub(crate) fn get(&self) -> &Definitions<'a> {
        self.definitions
            .get_or_init(|| Definitions::collect(self.input))
    }
}

/// Whether a shortcut link `[text]` may name an issue: its text has `#`
/// and a digit, as in `[#42326]` and `[Structural equality #94]`.
pub(crate) fn may_be_issue_label(text: &str) -> bool {
    text.len() <= MAX_LABEL
        && text
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0] == b'#' && pair[1].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_github_definitions_only() {
        let input = "x\n[#42326]: https://github.com/rust-lang/rust/issues/42326\n\
                     [docs]: https://example.com\n[^note]: https://github.com/a/b/issues/1\n\
                     [Design #95]: <https://github.com/rust-lang/lang-team/issues/95> \"t\"\n";
        let defs = Definitions::collect(input);
        assert_eq!(
            defs.get("#42326"),
            Some("https://github.com/rust-lang/rust/issues/42326")
        );
        assert_eq!(
            defs.get("design #95"),
            Some("https://github.com/rust-lang/lang-team/issues/95")
        );
        assert_eq!(defs.get("docs"), None);
        assert_eq!(defs.get("^note"), None);
    }

    #[test]
    fn first_definition_wins() {
        let input = "[a]: https://github.com/o/r/issues/1\n[A]: https://github.com/o/r/issues/2\n";
        assert_eq!(
            Definitions::collect(input).get("a"),
            Some("https://github.com/o/r/issues/1")
        );
    }
}
