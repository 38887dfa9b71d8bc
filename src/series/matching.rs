//! The matcher: which earlier action each task of a meeting continues.
//! Exact texts are found through a hash map, similar ones among a bounded
//! number of candidates from the word index, so the work per task stays the
//! same however long the series.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::index::{bigrams, index_pairs, index_words, is_short, WordIndex};
use super::index::{SHORT_TASK_CHARS, SHORT_TASK_WORDS};
use super::text::{similarity_with, Profile, Scratch, ACTION_SIMILARITY, COMPARED_CHARS};
use super::{ActionHistory, ActionSighting, ActionStatus};
use crate::model::TaskState;

/// How many entries of the word index one task looks at, at most, when it
/// has no exact match: the rarest words first, the newest entries of each
/// first. It keeps the work per task the same however long the series.
const MAX_POSTINGS: usize = 128;

/// The order of actions with the same normalized text:
/// `(last_seen, Reverse(track))`, so that the best candidate (the most
/// recently seen, then the first created) sorts last.
type Recency = (usize, Reverse<usize>);

/// The actions whose latest normalized text is one given text, split by
/// whether their latest sighting is open, each list sorted by [`Recency`].
#[derive(Default)]
struct SameText {
    open: Vec<Recency>,
    closed: Vec<Recency>,
}

/// An action being followed, with its normalized latest text.
struct Track {
    history: ActionHistory,
    key: String,
    /// Character counts of `key`'s compared characters, for a cheap lower
    /// bound of the edit distance.
    profile: Profile,
}

impl Track {
    fn recency(&self, index: usize) -> Recency {
        (self.history.last_seen, Reverse(index))
    }

    fn is_closed(&self) -> bool {
        self.history
            .sightings
            .last()
            .is_some_and(|s| !s.state.is_open())
    }
}

/// An action similar enough for a task to continue it.
struct Candidate {
    /// The similarity, at least [`ACTION_SIMILARITY`].
    score: f64,
    /// The meeting where the action was last seen.
    last_seen: usize,
    /// The action, an index into [`Tracker::tracks`].
    track: usize,
    /// The task, an index into the meeting's tasks.
    task: usize,
}

/// A task of the meeting being matched.
pub(super) struct Task<'t> {
    pub(super) state: TaskState,
    pub(super) key: &'t str,
}

/// The actions followed so far, indexed for matching.
#[derive(Default)]
pub(super) struct Tracker {
    tracks: Vec<Track>,
    /// Exact normalized text → its actions.
    by_text: HashMap<String, SameText>,
    /// Normalized word → the actions whose text had it, oldest first. An
    /// action whose text changes is added again under its new words; old
    /// entries stay and cost a wasted look at most.
    by_word: WordIndex,
    /// The same for each two characters in a row of a short text, where
    /// one typo can change every word (`topics` → `toics`).
    by_pair: WordIndex,
    /// Per action, the meeting (plus one) in which it was last matched.
    taken_in: Vec<usize>,
    /// Per action, the task (plus one) that last looked at it.
    looked_at_by: Vec<usize>,
    /// Tasks matched so far, for `looked_at_by`.
    tasks_seen: usize,
    /// Scratch space for the similarity.
    scratch: Scratch,
}

impl Tracker {
    /// The histories of the actions followed, in the order first seen.
    pub(super) fn into_histories(self) -> Vec<ActionHistory> {
        self.tracks.into_iter().map(|t| t.history).collect()
    }

    /// The action each task continues (an index into `tracks`), by the rule
    /// in `SCHEMA.md`: exact normalized texts first, then the most similar,
    /// then the most recently seen action; each action at most once. An
    /// open task never continues a closed action (a recurring chore starts
    /// a new one).
    pub(super) fn match_tasks(&mut self, tasks: &[Task<'_>], meeting: usize) -> Vec<Option<usize>> {
        let stamp = meeting + 1;
        let mut task_track: Vec<Option<usize>> = vec![None; tasks.len()];

        // Exact texts. Each pick takes the best untaken action of its list,
        // so the taken ones are the last `n` of each list: a count per text
        // skips them.
        let mut used: HashMap<&str, (usize, usize)> = HashMap::new();
        for (task, slot) in tasks.iter().zip(task_track.iter_mut()) {
            let Some(same) = self.by_text.get(task.key) else {
                continue;
            };
            let used = used.entry(task.key).or_default();
            let best = |list: &[Recency], used: usize| {
                list.len()
                    .checked_sub(used + 1)
                    .and_then(|i| list.get(i))
                    .copied()
            };
            let open = best(&same.open, used.0);
            let closed = if task.state.is_open() {
                None
            } else {
                best(&same.closed, used.1)
            };
            let pick = match (open, closed) {
                (Some(o), Some(c)) if c > o => {
                    used.1 += 1;
                    c
                }
                (Some(o), _) => {
                    used.0 += 1;
                    o
                }
                (None, Some(c)) => {
                    used.1 += 1;
                    c
                }
                (None, None) => continue,
            };
            let Reverse(k) = pick.1;
            *slot = Some(k);
            if let Some(taken) = self.taken_in.get_mut(k) {
                *taken = stamp;
            }
        }

        // Similar texts, among a bounded number of candidates per task.
        let mut candidates = Vec::new();
        for (t, task) in tasks.iter().enumerate() {
            if task_track.get(t).is_some_and(Option::is_some) {
                continue;
            }
            self.similar(task, t, stamp, &mut candidates);
        }
        // The most similar first, then the most recently seen action, then
        // the first created action and the first task.
        candidates.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.last_seen.cmp(&a.last_seen))
                .then(a.track.cmp(&b.track))
                .then(a.task.cmp(&b.task))
        });
        for Candidate {
            track: k, task: t, ..
        } in candidates
        {
            let (Some(taken), Some(slot)) = (self.taken_in.get_mut(k), task_track.get_mut(t))
            else {
                continue;
            };
            if *taken != stamp && slot.is_none() {
                *taken = stamp;
                *slot = Some(k);
            }
        }
        task_track
    }

    /// Pushes a [`Candidate`] for each untaken action at
    /// least [`ACTION_SIMILARITY`] alike to `task`, among the actions that
    /// share a word with it: at most [`MAX_POSTINGS`] index entries, from
    /// the rarest words and the newest entries.
    fn similar(
        &mut self,
        task: &Task<'_>,
        t: usize,
        stamp: usize,
        candidates: &mut Vec<Candidate>,
    ) {
        self.tasks_seen += 1;
        let looker = self.tasks_seen;
        let mut seen_words = HashSet::new();
        let mut words: Vec<&[usize]> = Vec::new();
        for word in task.key.split(' ') {
            if let Some(list) = self.by_word.get(word).filter(|_| seen_words.insert(word)) {
                words.push(list);
            }
        }
        if is_short(task.key, SHORT_TASK_WORDS, SHORT_TASK_CHARS) {
            let mut seen_pairs = HashSet::new();
            for pair in bigrams(task.key) {
                if let Some(list) = self.by_pair.get(pair).filter(|_| seen_pairs.insert(pair)) {
                    words.push(list);
                }
            }
        }
        // Rarest first; a stable sort keeps the text's order among equals,
        // so that the result does not depend on where lists sit in memory.
        words.sort_by_key(|list| list.len());

        let scratch = &mut self.scratch;
        scratch.task.clear();
        scratch.task.extend(task.key.chars().take(COMPARED_CHARS));
        let profile = Profile::of(scratch.task.iter().copied());
        let mut budget = MAX_POSTINGS;
        'words: for list in words {
            for &k in list.iter().rev() {
                let Some(left) = budget.checked_sub(1) else {
                    break 'words;
                };
                budget = left;
                let Some(seen) = self.looked_at_by.get_mut(k) else {
                    continue;
                };
                if *seen == looker {
                    continue;
                }
                *seen = looker;
                let Some(track) = self.tracks.get(k) else {
                    continue;
                };
                if self.taken_in.get(k) == Some(&stamp)
                    || (track.is_closed() && task.state.is_open())
                {
                    continue;
                }
                let score =
                    similarity_with(task.key, &track.key, &profile, &track.profile, scratch);
                if score >= ACTION_SIMILARITY {
                    candidates.push(Candidate {
                        score,
                        last_seen: track.history.last_seen,
                        track: k,
                        task: t,
                    });
                }
            }
        }
    }

    pub(super) fn start_track(&mut self, sighting: ActionSighting, key: String) {
        let k = self.tracks.len();
        let track = Track {
            history: ActionHistory {
                text: sighting.text.clone(),
                status: ActionStatus::Open,
                first_seen: sighting.meeting,
                last_seen: sighting.meeting,
                closed_in: None,
                dropped_in: None,
                sightings: vec![sighting],
            },
            profile: Profile::of(key.chars().take(COMPARED_CHARS)),
            key,
        };
        index_words(&mut self.by_word, &track.key, "", k);
        index_pairs(&mut self.by_pair, &track.key, "", k);
        file(&mut self.by_text, &track, k);
        self.tracks.push(track);
        self.taken_in.push(0);
        self.looked_at_by.push(0);
    }

    pub(super) fn continue_track(&mut self, k: usize, sighting: ActionSighting, key: String) {
        let Some(track) = self.tracks.get_mut(k) else {
            return;
        };
        // Out of the list of its old text and state …
        if let Some(same) = self.by_text.get_mut(&track.key) {
            let list = if track.is_closed() {
                &mut same.closed
            } else {
                &mut same.open
            };
            if let Ok(at) = list.binary_search(&track.recency(k)) {
                list.remove(at);
            }
            if same.open.is_empty() && same.closed.is_empty() {
                self.by_text.remove(&track.key);
            }
        }
        track.history.text = sighting.text.clone();
        track.history.last_seen = sighting.meeting;
        track.history.sightings.push(sighting);
        if track.key != key {
            index_words(&mut self.by_word, &key, &track.key, k);
            index_pairs(&mut self.by_pair, &key, &track.key, k);
            track.profile = Profile::of(key.chars().take(COMPARED_CHARS));
            track.key = key;
        }
        // … into the list of its new ones.
        file(&mut self.by_text, track, k);
    }
}

/// Files action `k` in the list of its text and state, in [`Recency`] order.
fn file(by_text: &mut HashMap<String, SameText>, track: &Track, k: usize) {
    let same = by_text.entry(track.key.clone()).or_default();
    let list = if track.is_closed() {
        &mut same.closed
    } else {
        &mut same.open
    };
    let recency = track.recency(k);
    let at = list.partition_point(|r| *r < recency);
    list.insert(at, recency);
}
