//! Issue histories: each numbered reference listed in a status bucket,
//! followed through the buckets of the meetings, with the periods it spent
//! in each.

use std::collections::{HashMap, HashSet};

use super::{BucketPeriod, IssueHistory, IssueSighting};
use crate::model::{Meeting, Status};

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

type IssueKey = (String, Option<String>, Option<String>, u64);

pub(super) fn issues(meetings: &[&Meeting<'_>]) -> Vec<IssueHistory> {
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
