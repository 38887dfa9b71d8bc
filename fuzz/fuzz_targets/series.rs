//! `Series` on arbitrary lists of notes keeps the invariants of its history,
//! and its work per action does not grow with the number of notes.
//!
//! Two parts per input:
//! - `notes`: notes built from arbitrary dates, hints, attendees, tasks,
//!   bucketed issues and free text. Checked: every meeting appears once, in
//!   date order; every task of every meeting is one sighting of exactly one
//!   action; sightings point at existing meetings in order; statuses,
//!   `closed_in`, `dropped_in`, bucket periods and attendance agree with the
//!   sightings; the series reads back from its JSON; the query methods do
//!   not panic.
//! - `week`: up to 8 task lines repeated over 16, 32 and 64 weekly notes,
//!   each line the same every week, or with a word that changes every week
//!   (a new action similar to last week's). The work per task of
//!   `Series::new` must not grow by more than 40 % at both doublings, as in
//!   `linear`: allocations and peak heap bytes always, executed coverage regions when built with
//!   the work counter (fuzz/README.md).
#![no_main]

use std::fmt::Write;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use minutes::{ActionStatus, Meeting, Series};
use time::Date;

#[path = "../../tests/support/counting_alloc.rs"]
mod counting_alloc;

mod work;

use work::{super_linear, Work};

#[derive(Debug, Arbitrary)]
struct Note<'a> {
    /// Day offset into `time`'s whole range, written in the title.
    date: Option<i32>,
    hint: Option<i32>,
    attendees: Vec<&'a str>,
    tasks: Vec<(u8, &'a str)>,
    issues: Vec<(u8, u8, &'a str)>,
    raw: &'a str,
}

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    notes: Vec<Note<'a>>,
    week: Vec<(u8, u8, &'a str)>,
}

const MARKERS: [&str; 8] = [" ", "x", "-", "/", ">", "~", "?", "X"];
const BUCKETS: [&str; 6] = ["TODO", "WIP", "Done", "Blocked", "TBD", "In Progress"];

/// Any day `time` can represent.
fn day(offset: i32) -> Date {
    let min = Date::MIN.to_julian_day();
    let span = Date::MAX.to_julian_day() - min + 1;
    Date::from_julian_day(min + offset.rem_euclid(span)).unwrap_or(Date::MIN)
}

fn line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn note_text(note: &Note<'_>) -> String {
    let mut out = String::from("# Sync");
    if let Some(date) = note.date {
        let _ = write!(out, " {}", day(date));
    }
    out.push_str("\n\n## Attendees\n\n");
    for attendee in &note.attendees {
        let _ = writeln!(out, "- {}", line(attendee));
    }
    out.push_str("\n## Action Items\n\n");
    for (marker, text) in &note.tasks {
        let marker = MARKERS[usize::from(*marker) % MARKERS.len()];
        let _ = writeln!(out, "- [{marker}] {}", line(text));
    }
    let mut issues: Vec<&(u8, u8, &str)> = note.issues.iter().collect();
    issues.sort_by_key(|(bucket, _, _)| usize::from(*bucket) % BUCKETS.len());
    let mut current = None;
    for (bucket, number, text) in issues {
        let bucket = usize::from(*bucket) % BUCKETS.len();
        if current != Some(bucket) {
            let _ = write!(out, "\n### {}\n\n", BUCKETS[bucket]);
            current = Some(bucket);
        }
        let _ = writeln!(out, "- o/r#{} {}", number % 8, line(text));
    }
    out.push('\n');
    out.push_str(note.raw);
    out
}

/// The action items a series follows in one meeting (issue 13: every
/// action item, boxed or not, as `Meeting::actions` lists them).
fn actions(meeting: &Meeting<'_>) -> usize {
    meeting.actions().count()
}

fn check(series: &Series, meetings: &[Meeting<'_>], hints: &[Option<Date>]) {
    let n = series.meetings.len();
    assert_eq!(n, meetings.len());
    let mut inputs: Vec<usize> = series.meetings.iter().map(|m| m.input).collect();
    inputs.sort_unstable();
    assert!(inputs.iter().copied().eq(0..n), "each input once");
    let mut last = None;
    for m in &series.meetings {
        let meeting = &meetings[m.input];
        assert_eq!(m.date, meeting.date.or(hints[m.input]));
        if let Some(date) = m.date {
            assert!(last <= Some(date), "dates in order");
            last = Some(date);
        }
    }

    // Every action item is one sighting of one action.
    let in_meeting: Vec<usize> = series
        .meetings
        .iter()
        .map(|m| actions(&meetings[m.input]))
        .collect();
    let with_tasks: Vec<usize> = (0..n).filter(|&i| in_meeting[i] > 0).collect();
    let mut sighted = vec![0usize; n];
    for action in &series.actions {
        let first = action.sightings.first().expect("an action has a sighting");
        let latest = action.sightings.last().expect("an action has a sighting");
        assert_eq!(action.first_seen, first.meeting);
        assert_eq!(action.last_seen, latest.meeting);
        assert_eq!(action.text, latest.text);
        assert_eq!(action.owners(), latest.owners.as_slice());
        assert_eq!(action.meetings_seen(), action.sightings.len());
        for pair in action.sightings.windows(2) {
            assert!(
                pair[0].meeting < pair[1].meeting,
                "sightings in meeting order"
            );
            assert!(
                pair[0].state.is_open() || !pair[1].state.is_open(),
                "an open task never continues a closed action"
            );
        }
        for s in &action.sightings {
            assert!(s.meeting < n);
            sighted[s.meeting] += 1;
        }
        let next_with_tasks = with_tasks.iter().copied().find(|&m| m > action.last_seen);
        match action.status {
            ActionStatus::Closed => {
                assert!(!latest.state.is_open());
                let closed = action.closed_in.expect("closed somewhere");
                assert!(action.sightings.iter().any(|s| s.meeting == closed));
                assert!(action
                    .sightings
                    .iter()
                    .filter(|s| s.meeting >= closed)
                    .all(|s| !s.state.is_open()));
                assert_eq!(action.dropped_in, None);
            }
            ActionStatus::Dropped => {
                assert!(latest.state.is_open());
                assert_eq!(action.dropped_in, next_with_tasks);
                assert!(action.dropped_in.is_some());
            }
            ActionStatus::Open => {
                assert!(latest.state.is_open());
                assert_eq!(next_with_tasks, None);
                assert_eq!((action.closed_in, action.dropped_in), (None, None));
            }
            _ => unreachable!("no other status"),
        }
    }
    assert_eq!(
        sighted, in_meeting,
        "every action item in exactly one action"
    );
    let open: Vec<_> = series.open_actions().collect();
    assert!(open.windows(2).all(|w| w[0].first_seen <= w[1].first_seen));

    for issue in &series.issues {
        assert!(!issue.sightings.is_empty());
        assert!(issue
            .sightings
            .windows(2)
            .all(|w| w[0].meeting < w[1].meeting));
        assert!(issue.sightings.iter().all(|s| s.meeting < n));
        for period in &issue.periods {
            assert!(period.entered < n);
            if let Some(left) = period.left {
                assert!(period.entered < left && left < n);
            }
        }
        let _ = issue.name();
        if let (Some(owner), Some(repo)) = (&issue.owner, &issue.repo) {
            assert!(series.issue(owner, repo, issue.number).is_some());
        }
    }
    for person in &series.attendance {
        assert!(person.meetings.windows(2).all(|w| w[0] < w[1]));
        assert!(person.meetings.iter().all(|&m| m < n));
    }
    for d in &series.diagnostics {
        assert!(d.meeting < n);
    }
    for from in 0..n.min(8) {
        for to in 0..n.min(8) {
            let _ = series.days_between(from, to);
        }
    }
    let _ = series.days_between(usize::MAX, 0);

    // A date before year 0 serializes as `-005-01-01`, which the contract's
    // reader refuses (fuzz/README.md, known gaps).
    if series
        .meetings
        .iter()
        .any(|m| m.date.is_some_and(|d| d.year() < 0))
    {
        return;
    }
    let json = serde_json::to_string(series).expect("serializes");
    let back: Series = serde_json::from_str(&json).expect("reads back");
    assert_eq!(&back, series);
}

/// A word that differs every week: the week number in letters.
fn letters(mut week: usize) -> String {
    let mut word = String::from("w");
    loop {
        word.push(char::from(b'a' + (week % 26) as u8));
        week /= 26;
        if week == 0 {
            return word;
        }
    }
}

fn weeks(lines: &[(u8, u8, String)], count: usize) -> Vec<String> {
    let start = Date::from_calendar_date(2000, time::Month::January, 3).expect("a date");
    (0..count)
        .map(|week| {
            let date = start + time::Duration::weeks(week as i64);
            let mut out = format!("# Week {date}\n\n## Actions\n\n");
            for (marker, mode, text) in lines {
                let marker = MARKERS[usize::from(*marker) % MARKERS.len()];
                let text = match mode % 3 {
                    0 => text.clone(),
                    1 => format!("{text} {}", letters(week)),
                    _ => format!("{} {text}", letters(week)),
                };
                let _ = writeln!(out, "- [{marker}] {text}");
            }
            out
        })
        .collect()
}

fn measure(texts: &[String]) -> Work {
    let meetings: Vec<Meeting<'_>> = texts.iter().map(|t| minutes::parse(t)).collect();
    let actions = meetings.iter().map(actions).sum();
    Work::measure(actions, || Series::new(&meetings))
}

fuzz_target!(|input: Input<'_>| {
    let texts: Vec<String> = input.notes.iter().take(24).map(note_text).collect();
    let hints: Vec<Option<Date>> = input
        .notes
        .iter()
        .take(24)
        .map(|n| n.hint.map(day))
        .collect();
    let meetings: Vec<Meeting<'_>> = texts.iter().map(|t| minutes::parse(t)).collect();
    let series = Series::with_hints(meetings.iter().zip(hints.iter().copied()));
    check(&series, &meetings, &hints);

    let lines: Vec<(u8, u8, String)> = input
        .week
        .iter()
        .take(8)
        .map(|&(marker, mode, text)| (marker, mode, line(text).chars().take(48).collect()))
        .collect();
    if lines.is_empty() {
        return;
    }
    let work = [16, 32, 64].map(|count| measure(&weeks(&lines, count)));
    if work[0].size == 0 || work[0].size * 4 != work[2].size {
        return;
    }
    if std::env::var_os("SERIES_VERBOSE").is_some() {
        eprintln!("{work:?}");
    }
    let grows = super_linear(&work, |w| w.allocations as u64, 64)
        || super_linear(&work, |w| w.peak_bytes as u64, 4096)
        || super_linear(&work, |w| w.regions, 4096);
    assert!(!grows, "work per task grows with the notes: {work:#?}");
});
