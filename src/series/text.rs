//! Action texts made comparable. [`normalize_action`] reduces a text to its
//! words; [`similarity_with`] scores two reduced texts by an edit distance
//! bounded so that the cost per comparison is fixed. The matcher decides
//! with these whether a task continues an action.

/// Two action texts closer than this (1 − edit distance / length, on the
/// normalized texts) are the same action.
pub(super) const ACTION_SIMILARITY: f64 = 0.8;

/// Normalized texts are compared on at most this many characters, which keeps
/// the edit distance cheap whatever the input.
pub(super) const COMPARED_CHARS: usize = 256;

/// An action's text reduced for matching: lower case, words only, handles
/// and URLs dropped, so that punctuation, owners, links and case do not matter.
/// Linear in the length of `text`. [`Series`](crate::Series) matches actions
/// by these texts.
///
/// ```
/// let key = minutes::normalize_action("Publish the blog post. @mingcheng (https://x.y/1)");
/// assert_eq!(key, "publish the blog post");
/// ```
pub fn normalize_action(text: &str) -> String {
    let mut out = String::new();
    let mut in_word = false;
    let mut in_handle = false;
    let mut in_url = false;
    for (i, c) in text.char_indices() {
        let rest = text.get(i..).unwrap_or_default();
        if rest.starts_with("https://") || rest.starts_with("http://") {
            in_url = true;
        }
        if in_url {
            if c.is_whitespace() || matches!(c, ')' | '>' | ']') {
                in_url = false;
            }
            in_word = false;
            continue;
        }
        if in_handle {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '/') {
                continue;
            }
            in_handle = false;
        }
        if c == '@' {
            in_handle = true;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            out.extend(c.to_lowercase());
        } else {
            in_word = false;
        }
    }
    out
}

/// An action text this many words long or longer, continued by more words,
/// is the same action with a note added (`… processes. (refer: #1599)`).
const PREFIX_WORDS: usize = 4;

/// How alike two normalized texts are: 1 for equal, 0 for nothing in common
/// (also 0 for some pairs below [`ACTION_SIMILARITY`]: only the score of a
/// match is exact). `task` holds `a`'s compared characters; `a_profile` and
/// `b_profile` are their [`Profile`]s.
pub(super) fn similarity_with(
    a: &str,
    b: &str,
    a_profile: &Profile,
    b_profile: &Profile,
    scratch: &mut Scratch,
) -> f64 {
    if a == b {
        return 1.0;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let extends = long
        .strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '));
    if extends && short.split(' ').count() >= PREFIX_WORDS {
        return ACTION_SIMILARITY;
    }
    scratch.track.clear();
    scratch.track.extend(b.chars().take(COMPARED_CHARS));
    let longest = scratch.task.len().max(scratch.track.len());
    if longest == 0 {
        return 1.0;
    }
    // Lengths alone already rule most pairs out.
    let gap = scratch.task.len().abs_diff(scratch.track.len());
    if (gap as f64) > (1.0 - ACTION_SIMILARITY) * longest as f64 {
        return 0.0;
    }
    // A match has at most this many edits (one more for rounding), so the
    // distance is computed in a band of that width, and pairs whose
    // character counts differ by more are not computed at all.
    let limit = ((1.0 - ACTION_SIMILARITY) * longest as f64) as usize + 1;
    if a_profile.distance(b_profile) > limit {
        return 0.0;
    }
    match bounded_edit_distance(&scratch.task, &scratch.track, limit, &mut scratch.row) {
        Some(distance) => 1.0 - distance as f64 / longest as f64,
        None => 0.0,
    }
}

/// [`similarity_with`] for two texts alone.
#[cfg(test)]
fn similarity(a: &str, b: &str) -> f64 {
    let mut scratch = Scratch::default();
    scratch.task.extend(a.chars().take(COMPARED_CHARS));
    let a_profile = Profile::of(a.chars().take(COMPARED_CHARS));
    let b_profile = Profile::of(b.chars().take(COMPARED_CHARS));
    similarity_with(a, b, &a_profile, &b_profile, &mut scratch)
}

/// Levenshtein distance when it is at most `limit`, else `None`; one row
/// at a time (`row` is reused), in a band of `limit` cells on each side of
/// the diagonal: O(`a.len()` × `limit`).
fn bounded_edit_distance(
    a: &[char],
    b: &[char],
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Any value above `limit` is as good as `far`.
    let far = limit + 1;
    row.clear();
    row.extend((0..=b.len()).map(|j| j.min(far)));
    for (i, &ca) in (1usize..).zip(a) {
        let low = i.saturating_sub(limit).max(1);
        let high = (i + limit).min(b.len());
        // Column `low - 1`: the previous row's value, then this row's.
        let cell = row.get_mut(low - 1)?;
        let mut diagonal = *cell;
        let mut left = if low == 1 { i.min(far) } else { far };
        *cell = left;
        let mut best = left;
        if low <= high {
            let cells = row.get_mut(low..=high)?;
            let chars = b.get(low - 1..high)?;
            for (cell, &cb) in cells.iter_mut().zip(chars) {
                let up = *cell;
                let value = (diagonal + usize::from(ca != cb))
                    .min(up + 1)
                    .min(left + 1)
                    .min(far);
                diagonal = up;
                *cell = value;
                left = value;
                best = best.min(value);
            }
        }
        if best > limit {
            return None;
        }
    }
    row.get(b.len()).copied().filter(|&d| d <= limit)
}

/// Buffers reused by every comparison, so that comparing allocates nothing.
#[derive(Default)]
pub(super) struct Scratch {
    pub(super) task: Vec<char>,
    track: Vec<char>,
    row: Vec<usize>,
}

/// Character counts in 32 classes (letters, digit groups, space, other),
/// saturating: the classes two texts differ in bound their edit distance
/// from below.
#[derive(Clone, Copy)]
pub(super) struct Profile([u8; 32]);

impl Profile {
    pub(super) fn of(chars: impl Iterator<Item = char>) -> Profile {
        let mut counts = [0u8; 32];
        for c in chars {
            let class = match c {
                'a'..='z' => u32::from(c) - u32::from('a'),
                '0'..='9' => 26 + (u32::from(c) - u32::from('0')) % 4,
                ' ' => 30,
                _ => 31,
            };
            if let Some(count) = usize::try_from(class).ok().and_then(|i| counts.get_mut(i)) {
                *count = count.saturating_add(1);
            }
        }
        Profile(counts)
    }

    /// A lower bound of the edit distance between the two texts.
    pub(super) fn distance(&self, other: &Profile) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (&a, &b) in self.0.iter().zip(&other.0) {
            more += usize::from(a.saturating_sub(b));
            fewer += usize::from(b.saturating_sub(a));
        }
        more.max(fewer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_drops_owners_punctuation_and_case() {
        assert_eq!(
            normalize_action("Organize topics for KubeCon 2026 EU. @mingcheng @gaius-qi"),
            "organize topics for kubecon 2026 eu"
        );
        assert_eq!(normalize_action("Ask Zhou Xu(@fcgxz2003)"), "ask zhou xu");
        assert_eq!(
            normalize_action("Host it.([topics](https://github.com/o/r/issues/44)) @chlins"),
            "host it topics"
        );
    }

    #[test]
    fn typo_fixes_are_similar_and_other_actions_are_not() {
        let a = normalize_action("Update devlopment guideance");
        let b = normalize_action("Update development guidance");
        assert!(similarity(&a, &b) >= ACTION_SIMILARITY);
        let c = normalize_action("Publish the blog post");
        assert!(similarity(&a, &c) < ACTION_SIMILARITY);
        let noted = normalize_action("Publish the blog post. (refer: [#1599](https://x.y/1))");
        assert_eq!(similarity(&c, &noted), ACTION_SIMILARITY);
        assert!(similarity("fix it", "fix it later today please") < ACTION_SIMILARITY);
        assert_eq!(
            bounded_edit_distance(&['a', 'b'], &['b'], 1, &mut Vec::new()),
            Some(1)
        );
        assert_eq!(
            bounded_edit_distance(&['a', 'b'], &['c', 'd'], 1, &mut Vec::new()),
            None
        );
    }
}
