//! Drafts the next meeting's note from the latest one, the way maintainers
//! copy the last note by hand: open actions carried over, done ones dropped,
//! TODO and WIP issues kept in their buckets, Done emptied, Attendees and
//! Topics empty.
//!
//! ```text
//! cargo run --example next                             # from the built-in sample
//! cargo run --example next -- meetings/ > meetings/2025-11-25/README.md
//! cargo run --example next -- --date 2025-11-25 meetings/2025-10-28/README.md
//! ```

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use common::Note;
use minutes::Series;

const HELP: &str = "\
next: print the draft of the next meeting's note

USAGE:
    next [--date YYYY-MM-DD] [PATH...]

With no PATH, drafts from a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files; the draft
starts from the latest dated note. The draft is dated --date, else the
date the latest note announces under Next Meeting.

OPTIONS:
    --date YYYY-MM-DD  the next meeting's date
    -h, --help         print this help";

fn main() -> ExitCode {
    let mut date = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--date" => match args.next().as_deref().map(common::parse_date) {
                Some(Some(parsed)) => date = Some(parsed),
                _ => return usage("--date needs a date such as 2025-11-25"),
            },
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    let notes = match common::load_or_exit("next", &paths, common::SAMPLES) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let meetings: Vec<_> = notes.iter().map(Note::parse).collect();
    let series = Series::new(&meetings);
    // The latest dated meeting; undated notes (a FAQ next to the minutes)
    // are not meetings to continue from.
    let latest = series
        .meetings
        .iter()
        .rev()
        .find(|m| m.date.is_some())
        .or(series.meetings.last());
    let Some(latest) = latest else {
        eprintln!("next: no notes");
        return ExitCode::from(2);
    };
    let meeting = &meetings[latest.input];
    let announced = meeting.next_meeting.as_ref().and_then(|n| n.date);
    if date.is_none() && announced.is_none() {
        eprintln!(
            "next: {} announces no next date; the draft is undated (use --date)",
            notes[latest.input].path
        );
    }
    common::emit(&minutes::render_next(meeting, date));
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("next: {problem}\n\n{HELP}");
    ExitCode::from(2)
}
