//! Many meetings read as one history: actions followed from note to note,
//! issues moving between status buckets, and who attended.
//!
//! ```
//! let before = minutes::parse("# Sync 2025-07-15\n\n## Actions\n\n- [ ] Update devlopment guideance @frog\n");
//! let after = minutes::parse("# Sync 2025-07-29\n\n## Actions\n\n- [x] Update development guidance. @frog\n");
//! let series = minutes::Series::new([&after, &before]);
//! let action = &series.actions[0];
//! assert_eq!(series.actions.len(), 1);
//! assert_eq!(action.status, minutes::ActionStatus::Closed);
//! assert_eq!(series.meetings[action.closed_in.unwrap()].input, 0);
//! ```
//!
//! Everything here is owned, so a series outlives the notes it was built
//! from; positions such as [`ActionHistory::first_seen`] index
//! [`Series::meetings`], and [`SeriesMeeting::input`] leads back to the
//! caller's own list.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::model::{Meeting, ReferenceKind, Status, TaskState, SCHEMA_VERSION};

/// Two action texts closer than this (1 − edit distance / length, on the
/// normalized texts) are the same action.
pub const ACTION_SIMILARITY: f64 = 0.8;

/// Normalized texts are compared on at most this many characters, which keeps
/// the edit distance cheap whatever the input.
const COMPARED_CHARS: usize = 256;

/// Meetings in date order with the history of their actions, issues and
/// attendees. Serializes as documented in `SCHEMA.md` ("Series").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Series {
    /// The JSON contract version, [`SCHEMA_VERSION`].
    pub version: u32,
    /// The meetings, oldest first.
    pub meetings: Vec<SeriesMeeting>,
    /// Every action (task item), in the order first seen.
    pub actions: Vec<ActionHistory>,
    /// Every numbered reference listed in a status bucket, in the order first seen.
    pub issues: Vec<IssueHistory>,
    /// Every attendee, in the order first seen.
    pub attendance: Vec<Attendance>,
    /// What the ordering noticed: undated meetings, two meetings on one day.
    pub diagnostics: Vec<SeriesDiagnostic>,
}

/// One meeting of a [`Series`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SeriesMeeting {
    /// Position of the meeting in the input given to [`Series::with_hints`].
    pub input: usize,
    /// The meeting's date, else the caller's hint.
    #[serde(with = "crate::serde_date")]
    pub date: Option<Date>,
    /// The meeting's title.
    pub title: Option<String>,
}

/// Where an action stands at the end of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionStatus {
    /// Still open in the latest meeting that lists actions.
    Open,
    /// Done or cancelled when last seen.
    Closed,
    /// Open when last seen, then missing from a later meeting that lists actions.
    Dropped,
}

/// One action followed across meetings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionHistory {
    /// The latest wording.
    pub text: String,
    /// Where it stands now.
    pub status: ActionStatus,
    /// Meeting (index into [`Series::meetings`]) where it first appears.
    pub first_seen: usize,
    /// Meeting where it last appears.
    pub last_seen: usize,
    /// Meeting where it was ticked off for good.
    pub closed_in: Option<usize>,
    /// First later meeting with actions that no longer lists it, open.
    pub dropped_in: Option<usize>,
    /// The action in each meeting that lists it.
    pub sightings: Vec<ActionSighting>,
}

/// An action as one meeting lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActionSighting {
    /// Index into [`Series::meetings`].
    pub meeting: usize,
    /// The checkbox state.
    pub state: TaskState,
    /// The text as written there.
    pub text: String,
    /// The owners there.
    pub owners: Vec<String>,
}

/// One issue, pull request or discussion followed through the status buckets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IssueHistory {
    /// `github.com`.
    pub host: String,
    /// Repository owner, when known.
    pub owner: Option<String>,
    /// Repository name, when known.
    pub repo: Option<String>,
    /// Issue or pull request number.
    pub number: u64,
    /// What the first sighting links to.
    pub kind: ReferenceKind,
    /// The first URL written for it.
    pub url: Option<String>,
    /// The buckets and owners in each meeting that lists it.
    pub sightings: Vec<IssueSighting>,
    /// Each unbroken stay in a bucket.
    pub periods: Vec<BucketPeriod>,
    /// Listed outside Done in a meeting after one that listed it as Done.
    pub went_back: bool,
    /// First later meeting with buckets that no longer lists it, when it
    /// never reached Done.
    pub vanished_in: Option<usize>,
}

/// An issue as one meeting lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IssueSighting {
    /// Index into [`Series::meetings`].
    pub meeting: usize,
    /// Its buckets there, in order of progress (one issue may sit in two).
    pub statuses: Vec<Status>,
    /// Owners of the items that list it, without duplicates.
    pub owners: Vec<String>,
}

/// A stay in one bucket over consecutive meetings that have buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BucketPeriod {
    /// The bucket.
    pub status: Status,
    /// Meeting where it entered.
    pub entered: usize,
    /// First meeting with buckets where it was no longer there; `None` while
    /// it still is.
    pub left: Option<usize>,
}

/// One person across the series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendance {
    /// The latest display name.
    pub name: String,
    /// GitHub login, when any note gives one.
    pub handle: Option<String>,
    /// Meetings attended, as indexes into [`Series::meetings`].
    pub meetings: Vec<usize>,
}

/// Something the series noticed about its meetings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SeriesDiagnostic {
    /// Stable code.
    pub code: SeriesCode,
    /// For people.
    pub message: String,
    /// Index into [`Series::meetings`].
    pub meeting: usize,
}

/// Stable codes of [`SeriesDiagnostic`]s, serialized in kebab-case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SeriesCode {
    /// The meeting has no date and no hint; it keeps its input position.
    UndatedMeeting,
    /// The meeting has the same date as the one before it.
    DuplicateDate,
}

impl Series {
    /// The series of `meetings`, ordered by their dates. Costs what
    /// [`Series::with_hints`] costs.
    pub fn new<'m, 'a: 'm>(meetings: impl IntoIterator<Item = &'m Meeting<'a>>) -> Series {
        Series::with_hints(meetings.into_iter().map(|m| (m, None)))
    }

    /// The series of `meetings`, each with the caller's date for it (used
    /// when the meeting has no date). Meetings are ordered by date; an
    /// undated one stays after the meeting that precedes it in the input,
    /// with an `undated-meeting` diagnostic.
    ///
    /// Time and memory are about linear in the size of the notes (tasks,
    /// issue references, attendees): sorting the meetings is O(m log m),
    /// a task with the exact text of an earlier action finds it through a
    /// hash map, and one without compares itself with at most 128 earlier
    /// actions that share a word with it, or for a text of one or two words
    /// two characters in a row (its rarest words first, the newest actions
    /// first), each comparison bounded by the 256 compared characters. Past
    /// that bound a reworded action with only common words may start a new
    /// action instead of continuing an old one.
    pub fn with_hints<'m, 'a: 'm>(
        meetings: impl IntoIterator<Item = (&'m Meeting<'a>, Option<Date>)>,
    ) -> Series {
        let mut diagnostics = Vec::new();
        let mut inputs: Vec<(&Meeting<'_>, Option<Date>)> = Vec::new();
        for (meeting, hint) in meetings {
            inputs.push((meeting, meeting.date.or(hint)));
        }
        // Undated meetings sort right after the dated meeting before them.
        let mut order: Vec<(Option<Date>, usize)> = Vec::with_capacity(inputs.len());
        let mut previous = None;
        for (index, (_, date)) in inputs.iter().enumerate() {
            previous = date.or(previous);
            order.push((previous, index));
        }
        order.sort();

        let mut ordered = Vec::with_capacity(order.len());
        let mut last_date = None;
        for (position, &(_, input)) in order.iter().enumerate() {
            let Some(&(meeting, date)) = inputs.get(input) else {
                continue;
            };
            match date {
                None => diagnostics.push(SeriesDiagnostic {
                    code: SeriesCode::UndatedMeeting,
                    message: "the meeting has no date; it keeps its place in the input".into(),
                    meeting: position,
                }),
                Some(date) if Some(date) == last_date => diagnostics.push(SeriesDiagnostic {
                    code: SeriesCode::DuplicateDate,
                    message: format!("a second meeting on {date}"),
                    meeting: position,
                }),
                Some(_) => {}
            }
            last_date = date.or(last_date);
            ordered.push((meeting, date, input));
        }

        let meetings = ordered
            .iter()
            .map(|&(meeting, date, input)| SeriesMeeting {
                input,
                date,
                title: meeting.title.as_deref().map(str::to_owned),
            })
            .collect();
        let notes: Vec<&Meeting<'_>> = ordered.iter().map(|&(m, _, _)| m).collect();
        Series {
            version: SCHEMA_VERSION,
            meetings,
            actions: actions(&notes),
            issues: issues(&notes),
            attendance: attendance(&notes),
            diagnostics,
        }
    }

    /// The actions still open, oldest first. A pass over the actions.
    pub fn open_actions(&self) -> impl Iterator<Item = &ActionHistory> {
        // `actions` is already in order of first sighting.
        self.actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
    }

    /// Days from meeting `from` to meeting `to` (indexes into
    /// [`Series::meetings`]), when both are dated. Constant time; `None`
    /// for an index out of range.
    pub fn days_between(&self, from: usize, to: usize) -> Option<i64> {
        let from = self.meetings.get(from)?.date?;
        let to = self.meetings.get(to)?.date?;
        Some((to - from).whole_days())
    }

    /// The issue with this repository and number (compared case-insensitively).
    /// A linear search: for many lookups, index [`Series::issues`] once.
    pub fn issue(&self, owner: &str, repo: &str, number: u64) -> Option<&IssueHistory> {
        self.issues.iter().find(|issue| {
            issue.number == number
                && issue
                    .owner
                    .as_deref()
                    .is_some_and(|o| o.eq_ignore_ascii_case(owner))
                && issue
                    .repo
                    .as_deref()
                    .is_some_and(|r| r.eq_ignore_ascii_case(repo))
        })
    }
}

impl ActionHistory {
    /// The number of meetings that list it.
    pub fn meetings_seen(&self) -> usize {
        self.sightings.len()
    }

    /// The owners when last seen.
    pub fn owners(&self) -> &[String] {
        self.sightings.last().map_or(&[], |s| s.owners.as_slice())
    }
}

impl IssueHistory {
    /// `owner/repo#number`, or `#number` when the repository is unknown.
    pub fn name(&self) -> String {
        match (&self.owner, &self.repo) {
            (Some(owner), Some(repo)) => format!("{owner}/{repo}#{}", self.number),
            _ => format!("#{}", self.number),
        }
    }
}

/// Progress order of buckets, for listing an issue's buckets in one meeting.
fn progress(status: Status) -> u8 {
    match status {
        Status::Tbd => 0,
        Status::Todo => 1,
        Status::Blocked => 2,
        Status::InProgress => 3,
        Status::Done => 4,
    }
}

/// An action's text reduced for matching: lower case, words only, handles
/// and URLs dropped, so that punctuation, owners, links and case do not matter.
/// Linear in the length of `text`.
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
fn similarity_with(
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

/// A task of the meeting being matched.
struct Task<'t> {
    state: TaskState,
    key: &'t str,
}

/// The actions followed so far, indexed for matching.
#[derive(Default)]
struct Tracker {
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

/// Buffers reused by every comparison, so that comparing allocates nothing.
#[derive(Default)]
struct Scratch {
    task: Vec<char>,
    track: Vec<char>,
    row: Vec<usize>,
}

/// Character counts in 32 classes (letters, digit groups, space, other),
/// saturating: the classes two texts differ in bound their edit distance
/// from below.
#[derive(Clone, Copy)]
struct Profile([u8; 32]);

impl Profile {
    fn of(chars: impl Iterator<Item = char>) -> Profile {
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
    fn distance(&self, other: &Profile) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (&a, &b) in self.0.iter().zip(&other.0) {
            more += usize::from(a.saturating_sub(b));
            fewer += usize::from(b.saturating_sub(a));
        }
        more.max(fewer)
    }
}

fn actions(meetings: &[&Meeting<'_>]) -> Vec<ActionHistory> {
    let mut tracker = Tracker::default();
    // Meetings that list any task: only they continue or drop actions.
    let mut with_actions = Vec::new();
    for (index, meeting) in meetings.iter().enumerate() {
        let tasks: Vec<_> = meeting
            .all_items()
            .filter_map(|(item, _)| item.task.as_ref().map(|task| (item, task.state)))
            .map(|(item, state)| (item, state, normalize_action(&item.text)))
            .collect();
        if tasks.is_empty() {
            continue;
        }
        with_actions.push(index);
        let keys: Vec<Task<'_>> = tasks
            .iter()
            .map(|(_, state, key)| Task { state: *state, key })
            .collect();
        let task_track = tracker.match_tasks(&keys, index);
        for ((item, state, key), matched) in tasks.into_iter().zip(task_track) {
            let sighting = ActionSighting {
                meeting: index,
                state,
                text: item.text.to_string(),
                owners: item.owners.iter().map(|o| o.to_string()).collect(),
            };
            match matched {
                Some(k) => tracker.continue_track(k, sighting, key),
                None => tracker.start_track(sighting, key),
            }
        }
    }

    let mut histories: Vec<ActionHistory> = tracker.tracks.into_iter().map(|t| t.history).collect();
    for history in &mut histories {
        let closed_from = history
            .sightings
            .iter()
            .rposition(|s| s.state.is_open())
            .map_or(0, |open| open + 1);
        if let Some(first_closed) = history.sightings.get(closed_from) {
            history.status = ActionStatus::Closed;
            history.closed_in = Some(first_closed.meeting);
        } else {
            let after = with_actions.partition_point(|&m| m <= history.last_seen);
            if let Some(&next) = with_actions.get(after) {
                history.status = ActionStatus::Dropped;
                history.dropped_in = Some(next);
            }
        }
    }
    histories
}

impl Tracker {
    /// The action each task continues (an index into `tracks`), by the rule
    /// in `SCHEMA.md`: exact normalized texts first, then the most similar,
    /// then the most recently seen action; each action at most once. An
    /// open task never continues a closed action (a recurring chore starts
    /// a new one).
    fn match_tasks(&mut self, tasks: &[Task<'_>], meeting: usize) -> Vec<Option<usize>> {
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
        let mut pairs = Vec::new();
        for (t, task) in tasks.iter().enumerate() {
            if task_track.get(t).is_some_and(Option::is_some) {
                continue;
            }
            self.similar(task, t, stamp, &mut pairs);
        }
        pairs.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        for (_, _, k, t) in pairs {
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

    /// Pushes `(score, last_seen, track, task)` for each untaken action at
    /// least [`ACTION_SIMILARITY`] alike to `task`, among the actions that
    /// share a word with it: at most [`MAX_POSTINGS`] index entries, from
    /// the rarest words and the newest entries.
    fn similar(
        &mut self,
        task: &Task<'_>,
        t: usize,
        stamp: usize,
        pairs: &mut Vec<(f64, usize, usize, usize)>,
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
                    pairs.push((score, track.history.last_seen, k, t));
                }
            }
        }
    }

    fn start_track(&mut self, sighting: ActionSighting, key: String) {
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

    fn continue_track(&mut self, k: usize, sighting: ActionSighting, key: String) {
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

/// Files action `k` under each word of `key` that `old` (its previous
/// text) does not have.
fn index_words(by_word: &mut WordIndex, key: &str, old: &str, k: usize) {
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
const SHORT_TASK_WORDS: usize = 2;
const SHORT_TASK_CHARS: usize = 32;

/// Actions whose text is this short are filed under their character pairs
/// (a match of a short task is at most `1 / 0.8` times longer, and a word
/// may have split).
const SHORT_TRACK_WORDS: usize = 3;
const SHORT_TRACK_CHARS: usize = 40;

fn is_short(key: &str, words: usize, chars: usize) -> bool {
    key.split(' ').nth(words).is_none() && key.chars().nth(chars).is_none()
}

/// Each two characters in a row of `text`, as slices of it. Two texts
/// similar enough to match share at least one: an edit changes at most two
/// pairs, and a match of `n` characters has at most `n / 5` edits.
fn bigrams(text: &str) -> impl Iterator<Item = &str> {
    let starts = text.char_indices().map(|(i, _)| i);
    let ends = text.char_indices().map(|(i, c)| i + c.len_utf8()).skip(1);
    starts
        .zip(ends)
        .filter_map(|(start, end)| text.get(start..end))
}

/// Files action `k` under each character pair of `key` that `old` does not
/// have, when `key` is short.
fn index_pairs(by_pair: &mut WordIndex, key: &str, old: &str, k: usize) {
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
struct WordIndex {
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
    fn get(&self, word: &str) -> Option<&[usize]> {
        match self.lists.get(&self.hasher.hash_one(word))? {
            Postings::One(k) => Some(std::slice::from_ref(k)),
            Postings::Many(list) => Some(list),
        }
    }
}

type IssueKey = (String, Option<String>, Option<String>, u64);

fn issues(meetings: &[&Meeting<'_>]) -> Vec<IssueHistory> {
    let mut histories: Vec<IssueHistory> = Vec::new();
    let mut keys: HashMap<IssueKey, usize> = HashMap::new();
    // Meetings that list any issue in a bucket: only they can show a move.
    let mut bucket_meetings = Vec::new();
    // The owners of each issue's sighting in this meeting, lower-cased.
    let mut owners_here: HashMap<usize, HashSet<String>> = HashMap::new();
    for (index, meeting) in meetings.iter().enumerate() {
        let mut any = false;
        owners_here.clear();
        for (item, status) in meeting.all_items() {
            let Some(status) = status else { continue };
            for reference in &item.references {
                let Some(number) = reference.number else {
                    continue;
                };
                any = true;
                let lower = |s: &Option<std::borrow::Cow<'_, str>>| {
                    s.as_deref().map(str::to_ascii_lowercase)
                };
                let key = (
                    reference.host.to_ascii_lowercase(),
                    lower(&reference.owner),
                    lower(&reference.repo),
                    number,
                );
                let position = match keys.get(&key) {
                    Some(&position) => position,
                    None => {
                        keys.insert(key, histories.len());
                        histories.push(IssueHistory {
                            host: reference.host.to_string(),
                            owner: reference.owner.as_deref().map(str::to_owned),
                            repo: reference.repo.as_deref().map(str::to_owned),
                            number,
                            kind: reference.kind,
                            url: reference.url.as_deref().map(str::to_owned),
                            sightings: Vec::new(),
                            periods: Vec::new(),
                            went_back: false,
                            vanished_in: None,
                        });
                        histories.len() - 1
                    }
                };
                let Some(history) = histories.get_mut(position) else {
                    continue;
                };
                if history.sightings.last().map(|s| s.meeting) != Some(index) {
                    history.sightings.push(IssueSighting {
                        meeting: index,
                        statuses: Vec::new(),
                        owners: Vec::new(),
                    });
                }
                if let Some(sighting) = history.sightings.last_mut() {
                    if !sighting.statuses.contains(&status) {
                        sighting.statuses.push(status);
                        sighting.statuses.sort_by_key(|s| progress(*s));
                    }
                    let seen = owners_here.entry(position).or_default();
                    for owner in &item.owners {
                        if seen.insert(owner.to_ascii_lowercase()) {
                            sighting.owners.push(owner.to_string());
                        }
                    }
                }
            }
        }
        if any {
            bucket_meetings.push(index);
        }
    }

    for history in &mut histories {
        summarize_issue(history, &bucket_meetings);
    }
    histories
}

/// Fills in the periods, `went_back` and `vanished_in` from the sightings.
fn summarize_issue(history: &mut IssueHistory, bucket_meetings: &[usize]) {
    // The meeting with buckets that follows `meeting` (they are in order).
    let next = |meeting: usize| {
        let after = bucket_meetings.partition_point(|&m| m <= meeting);
        bucket_meetings.get(after).copied()
    };
    let mut open: Vec<BucketPeriod> = Vec::new();
    let mut previous: Option<usize> = None;
    let mut done_seen = false;
    for sighting in &history.sightings {
        let consecutive = previous.is_some_and(|p| next(p) == Some(sighting.meeting));
        let mut still_open = Vec::new();
        for period in open.drain(..) {
            if consecutive && sighting.statuses.contains(&period.status) {
                still_open.push(period);
            } else {
                history.periods.push(BucketPeriod {
                    left: previous.and_then(next),
                    ..period
                });
            }
        }
        for &status in &sighting.statuses {
            if !still_open.iter().any(|p| p.status == status) {
                still_open.push(BucketPeriod {
                    status,
                    entered: sighting.meeting,
                    left: None,
                });
            }
        }
        open = still_open;
        if done_seen && !sighting.statuses.contains(&Status::Done) {
            history.went_back = true;
        }
        done_seen |= sighting.statuses.contains(&Status::Done);
        previous = Some(sighting.meeting);
    }
    let left = previous.and_then(next);
    history.periods.extend(
        open.into_iter()
            .map(|period| BucketPeriod { left, ..period }),
    );
    history
        .periods
        .sort_by_key(|p| (p.entered, progress(p.status)));
    if !done_seen {
        history.vanished_in = left;
    }
}

fn attendance(meetings: &[&Meeting<'_>]) -> Vec<Attendance> {
    let mut people: Vec<Attendance> = Vec::new();
    let mut positions: HashMap<String, usize> = HashMap::new();
    for (index, meeting) in meetings.iter().enumerate() {
        for attendee in &meeting.attendees {
            let key = match &attendee.handle {
                Some(handle) => format!("@{}", handle.to_lowercase()),
                None => attendee.name.trim().to_lowercase(),
            };
            let position = *positions.entry(key).or_insert_with(|| {
                people.push(Attendance {
                    name: String::new(),
                    handle: None,
                    meetings: Vec::new(),
                });
                people.len() - 1
            });
            if let Some(person) = people.get_mut(position) {
                person.name = attendee.name.to_string();
                if let Some(handle) = &attendee.handle {
                    person.handle = Some(handle.to_string());
                }
                if person.meetings.last() != Some(&index) {
                    person.meetings.push(index);
                }
            }
        }
    }
    people
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
