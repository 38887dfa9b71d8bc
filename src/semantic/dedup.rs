//! De-duplication: distinct handles, logins, attendees and references,
//! compared case-insensitively, with a linear search while lists are short.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::inline::handle::HandleToken;
use crate::inline::Handle;
use crate::model::Reference;

/// The distinct user and team handles of a text, in order.
#[derive(Default)]
pub(super) struct Mentions<'a> {
    pub users: Vec<Cow<'a, str>>,
    pub teams: Vec<Cow<'a, str>>,
}

/// The [`Mentions`] of `handles`.
#[inline(always)]
pub(super) fn mentions_and_teams<'a>(handles: &[Handle<'a>]) -> Mentions<'a> {
    // Most blocks name no one: they cost this one test.
    if handles.is_empty() {
        return Mentions::default();
    }
    distinct_handles(handles)
}

/// The [`Mentions`] of `handles`, some of them.
#[inline(never)]
fn distinct_handles<'a>(handles: &[Handle<'a>]) -> Mentions<'a> {
    let teams = handles.iter().filter_map(|h| match h.token {
        HandleToken::Team(team) => Some(team),
        HandleToken::User(_) => None,
    });
    Mentions {
        users: unique(users(handles)),
        teams: unique(teams),
    }
}

/// The logins of the user handles, in order.
fn users<'a, 'h>(handles: &'h [Handle<'a>]) -> impl Iterator<Item = &'a str> + Clone + 'h {
    handles.iter().filter_map(|h| match h.token {
        HandleToken::User(login) => Some(login),
        HandleToken::Team(_) => None,
    })
}

/// `text.to_lowercase()` as a set key, in place when it is short: names
/// and handles are, and most have capitals. One content has one form, so
/// the derived comparison and hash are those of the text.
#[derive(PartialEq, Eq)]
pub(super) enum Folded<'a> {
    Short { len: u8, bytes: [u8; Folded::SHORT] },
    Long(Cow<'a, str>),
}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The text's bytes, in one write.
        let bytes = match self {
            Folded::Short { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Folded::Long(text) => text.as_bytes(),
        };
        state.write(bytes);
    }
}

impl<'a> Folded<'a> {
    const SHORT: usize = 32;

    pub(super) fn new(text: &'a str) -> Self {
        if !text.is_ascii() {
            return Self::new_owned(text.to_lowercase());
        }
        if text.len() > Self::SHORT {
            return Self::Long(if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            });
        }
        let mut bytes = [0; Self::SHORT];
        for (to, from) in bytes.iter_mut().zip(text.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        Self::Short {
            len: text.len() as u8,
            bytes,
        }
    }

    /// From text already in lowercase.
    pub(super) fn new_owned(lower: String) -> Self {
        match lower.as_bytes() {
            short if short.len() <= Self::SHORT => {
                let mut bytes = [0; Self::SHORT];
                for (to, &from) in bytes.iter_mut().zip(short) {
                    *to = from;
                }
                Self::Short {
                    len: short.len() as u8,
                    bytes,
                }
            }
            _ => Self::Long(Cow::Owned(lower)),
        }
    }
}

/// Distinct [`Folded`] keys: a list searched linearly while short (most
/// notes name a few attendees, and a hash of each costs more than the
/// comparisons), a hash set beyond [`LINEAR_LIMIT`].
#[derive(Default)]
pub(super) struct KeySet<'a> {
    list: Vec<Folded<'a>>,
    set: Option<HashSet<Folded<'a>>>,
}

impl<'a> KeySet<'a> {
    /// Adds `key`; whether it was new.
    pub(super) fn insert(&mut self, key: Folded<'a>) -> bool {
        if let Some(set) = &mut self.set {
            return set.insert(key);
        }
        if self.list.contains(&key) {
            return false;
        }
        if self.list.len() < LINEAR_LIMIT {
            // One allocation for the whole list.
            self.list.reserve_exact(LINEAR_LIMIT - self.list.len());
            self.list.push(key);
            return true;
        }
        let mut set = HashSet::with_capacity(4 * LINEAR_LIMIT);
        set.extend(self.list.drain(..));
        set.insert(key);
        self.list = Vec::new();
        self.set = Some(set);
        true
    }
}

/// Lists this long switch from a linear search to a hash set.
const LINEAR_LIMIT: usize = 16;

/// The distinct logins (compared case-insensitively), first spelling kept.
#[inline]
pub(super) fn unique<'a>(logins: impl Iterator<Item = &'a str> + Clone) -> Vec<Cow<'a, str>> {
    // Most items name no one: they cost this count.
    let count = logins.clone().count();
    if count == 0 {
        return Vec::new();
    }
    distinct(logins, count)
}

/// [`unique`] of `count` logins, some of them.
#[inline(never)]
fn distinct<'a>(logins: impl Iterator<Item = &'a str>, count: usize) -> Vec<Cow<'a, str>> {
    // One allocation, of the exact size unless a login repeats; a long
    // list (a hostile run of one handle) grows as needed instead, so that
    // its repeats reserve nothing.
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(count.min(LINEAR_LIMIT));
    // Most items have a handful of handles; a set only pays off beyond that.
    let mut seen: Option<HashSet<String>> = None;
    for login in logins {
        let new = match &mut seen {
            Some(set) => set.insert(login.to_ascii_lowercase()),
            None => !out.iter().any(|l| l.eq_ignore_ascii_case(login)),
        };
        if new {
            out.push(Cow::Borrowed(login));
            if seen.is_none() && out.len() >= LINEAR_LIMIT {
                seen = Some(out.iter().map(|l| l.to_ascii_lowercase()).collect());
            }
        }
    }
    if count > LINEAR_LIMIT {
        out.shrink_to_fit();
    }
    out
}

/// Keeps the first of each target, in order. Once short references are
/// resolved (`resolved`), a `#N` that no repository resolves is dropped
/// when the block also links issue N of a repository:
/// `#63599 [](https://github.com/rust-lang/rust/issues/63599)` is one issue.
pub(super) fn dedup_references<'a>(
    found: &mut Vec<Reference<'a>>,
    resolved: bool,
) -> Vec<Reference<'a>> {
    let numbered = |r: &Reference<'_>| r.owner.is_some().then_some(r.number).flatten();
    if resolved && found.iter().any(|r| r.owner.is_none() && r.repo.is_none()) {
        let mut resolved: Vec<u64> = found.iter().filter_map(numbered).collect();
        resolved.sort_unstable();
        found.retain(|r| {
            r.owner.is_some()
                || r.repo.is_some()
                || r.number.is_none_or(|n| resolved.binary_search(&n).is_err())
        });
    }
    let mut out: Vec<Reference<'a>> = Vec::with_capacity(found.len());
    if found.len() <= LINEAR_LIMIT {
        for reference in found.drain(..) {
            if !out.iter().any(|r| r.same_target(&reference)) {
                out.push(reference);
            }
        }
        return out;
    }
    let mut seen = HashSet::new();
    for reference in found.drain(..) {
        let key = (
            reference.host.to_ascii_lowercase(),
            reference.owner.as_deref().map(str::to_ascii_lowercase),
            reference.repo.as_deref().map(str::to_ascii_lowercase),
            reference.number,
            reference.number.is_none().then_some(reference.kind),
        );
        if seen.insert(key) {
            out.push(reference);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_set_past_the_linear_limit() {
        let names: Vec<String> = (0..3 * LINEAR_LIMIT).map(|i| format!("Name{i}")).collect();
        let upper: Vec<String> = names.iter().map(|n| n.to_uppercase()).collect();
        let mut keys = KeySet::default();
        for (name, upper) in names.iter().zip(&upper) {
            assert!(keys.insert(Folded::new(name)), "{name}");
            assert!(!keys.insert(Folded::new(upper)), "{name}");
        }
        for name in &names {
            assert!(!keys.insert(Folded::new(name)), "{name}");
        }
    }
}
