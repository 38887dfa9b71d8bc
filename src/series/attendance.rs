//! Attendance: each person across the series, by GitHub login when a note
//! gives one, else by name.

use std::collections::HashMap;

use super::Attendance;
use crate::model::Meeting;

pub(super) fn attendance(meetings: &[&Meeting<'_>]) -> Vec<Attendance> {
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
