//! Action histories assembled: which items a series follows, each meeting's
//! tasks matched to earlier actions, and where each action ended (closed,
//! dropped or still open).

use super::matching::{Task, Tracker};
use super::text::normalize_action;
use super::{ActionHistory, ActionSighting, ActionStatus};
use crate::model::{Item, Meeting, TaskState};

/// The items a series follows as actions, in document order, with their
/// states: the meeting's action items ([`Meeting::actions`]), a task in its
/// checkbox's state, an action without a checkbox open (done in a Done
/// bucket or after a check mark, see `Item::action_state`). This is the one place that decides what an action is across
/// meetings.
fn followed_actions<'m>(
    meeting: &'m Meeting<'_>,
) -> impl Iterator<Item = (&'m Item<'m>, TaskState)> + 'm {
    meeting
        .actions_with_status()
        .into_iter()
        .map(|(item, status)| (item, item.action_state(status)))
}

/// Every action of `meetings` (in date order), in the order first seen.
pub(super) fn actions(meetings: &[&Meeting<'_>]) -> Vec<ActionHistory> {
    let mut tracker = Tracker::default();
    // Meetings that list any action: only they continue or drop actions.
    let mut with_actions = Vec::new();
    for (index, meeting) in meetings.iter().enumerate() {
        let tasks: Vec<_> = followed_actions(meeting)
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
                owner_names: item.owner_names.iter().map(|o| o.to_string()).collect(),
            };
            match matched {
                Some(k) => tracker.continue_track(k, sighting, key),
                None => tracker.start_track(sighting, key),
            }
        }
    }

    let mut histories: Vec<ActionHistory> = tracker.into_histories();
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
