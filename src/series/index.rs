//! The word and character-pair indexes that give a task its candidate
//! actions: only actions that share a word (or, for a short text, two
//! characters in a row) with a task can match it, which keeps the search
//! linear.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

/// Files action `k` under each word of `key` that `old` (its previous
/// text) does not have.
pub(super) fn index_words(by_word: &mut WordIndex, key: &str, old: &str, k: usize) {
    let mut seen: HashSet<&str> = old.split(' ').collect();
    for word in key.split(' ') {
        if !word.is_empty() && seen.insert(word) {
            by_word.push(word, k);
        }
    }
}

/// A task of this many words and characters or fewer also looks for
/// candidates by pairs of characters: one typo can change all its words,
/// while a longer text keeps a word through a typo or two.
pub(super) const SHORT_TASK_WORDS: usize = 2;
pub(super) const SHORT_TASK_CHARS: usize = 32;

/// Actions whose text is this short are filed under their character pairs
/// (a match of a short task is at most `1 / 0.8` times longer, and a word
/// may have split).
const SHORT_TRACK_WORDS: usize = 3;
const SHORT_TRACK_CHARS: usize = 40;

pub(super) fn is_short(key: &str, words: usize, chars: usize) -> bool {
    key.split(' ').nth(words).is_none() && key.chars().nth(chars).is_none()
}

/// Each two characters in a row of `text`, as slices of it. Two texts
/// similar enough to match share at least one: an edit changes at most two
/// pairs, and a match of `n` characters has at most `n / 5` edits.
pub(super) fn bigrams(text: &str) -> impl Iterator<Item = &str> {
    let starts = text.char_indices().map(|(i, _)| i);
    let ends = text.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1);
    starts
        .zip(ends)
        .filter_map(|(start, end)| text.get(start..end))
}

/// Files action `k` under each character pair of `key` that `old` does not
/// have, when `key` is short.
pub(super) fn index_pairs(by_pair: &mut WordIndex, key: &str, old: &str, k: usize) {
    if !is_short(key, SHORT_TRACK_WORDS, SHORT_TRACK_CHARS) {
        return;
    }
    let mut seen: HashSet<&str> = if is_short(old, SHORT_TRACK_WORDS, SHORT_TRACK_CHARS) {
        bigrams(old).collect()
    } else {
        HashSet::new()
    };
    for pair in bigrams(key) {
        if seen.insert(pair) {
            by_pair.push(pair, k);
        }
    }
}

/// Actions by the words of their texts. A word is stored as its hash (with
/// the standard library's randomly keyed hasher, so that texts cannot be
/// made to collide): a collision merges two lists, which costs candidates
/// that the comparison then rejects, never a wrong match. Most words belong
/// to one action, which is stored in place.
#[derive(Default)]
pub(super) struct WordIndex {
    hasher: RandomState,
    lists: HashMap<u64, Postings>,
}

enum Postings {
    One(usize),
    Many(Vec<usize>),
}

impl WordIndex {
    fn push(&mut self, word: &str, k: usize) {
        let hash = self.hasher.hash_one(word);
        match self.lists.get_mut(&hash) {
            None => {
                self.lists.insert(hash, Postings::One(k));
            }
            Some(postings) => {
                let many = match postings {
                    Postings::One(first) => vec![*first, k],
                    Postings::Many(list) => {
                        list.push(k);
                        return;
                    }
                };
                *postings = Postings::Many(many);
            }
        }
    }

    /// The actions filed under `word`, oldest first.
    pub(super) fn get(&self, word: &str) -> Option<&[usize]> {
        match self.lists.get(&self.hasher.hash_one(word))? {
            Postings::One(k) => Some(std::slice::from_ref(k)),
            Postings::Many(list) => Some(list),
        }
    }
}
