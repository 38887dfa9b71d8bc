//! Many meetings read as one history: actions followed from note to note,
//! issues moving between status buckets, and who attended. This file holds
//! the public types and the ordering of the meetings; each history is
//! assembled in a file of its own.

mod actions;
mod attendance;
mod index;
mod issues;
mod matching;
mod text;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::model::{Meeting, ReferenceKind, Status, TaskState, SCHEMA_VERSION};

pub use text::normalize_action;

/// Meetings in date order with the history of their actions, issues and
/// attendees. Serializes as documented in `SCHEMA.md` ("Series").
///
/// ```
/// let before = minutes::parse("# Sync 2025-07-15\n\n## Actions\n\n- [ ] Update devlopment guideance @frog\n");
/// let after = minutes::parse("# Sync 2025-07-29\n\n## Actions\n\n- [x] Update development guidance. @frog\n");
/// let series = minutes::Series::new([&after, &before]);
/// let action = &series.actions[0];
/// assert_eq!(series.actions.len(), 1);
/// assert_eq!(action.status, minutes::ActionStatus::Closed);
/// assert_eq!(series.meetings[action.closed_in.unwrap()].input, 0);
/// ```
///
/// A task continues an earlier action when their texts, reduced by
/// [`normalize_action`], are equal or at least 0.8 alike (1 − edit distance
/// / length, on at most 256 characters; `SCHEMA.md`, "Series").
///
/// Everything here is owned, so a series outlives the notes it was built
/// from; positions such as [`ActionHistory::first_seen`] index
/// [`Series::meetings`], and [`SeriesMeeting::input`] leads back to the
/// caller's own list.
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
    /// The checkbox state; an action without a checkbox is `open`, or
    /// `done` in a Done bucket.
    pub state: TaskState,
    /// The text as written there.
    pub text: String,
    /// The owners there (logins).
    pub owners: Vec<String>,
    /// The owners there written as names the note maps to no login (empty
    /// in JSON written before 0.2).
    #[serde(default)]
    pub owner_names: Vec<String>,
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
            actions: actions::actions(&notes),
            issues: issues::issues(&notes),
            attendance: attendance::attendance(&notes),
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
