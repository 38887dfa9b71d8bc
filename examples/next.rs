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

use std::process::ExitCode;

use common::{Run, Stop, Tool};

static TOOL: Tool = Tool {
    name: "next",
    help: "\
next: print the draft of the next meeting's note

USAGE:
    next [--date YYYY-MM-DD] [--merge] [PATH...]

With no PATH, drafts from a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files; the draft
starts from the latest dated note. The draft is dated --date, else the
date the latest note announces under Next Meeting.

The notes must be one project's: notes from several folders are a usage
error (a folder named by a date or a year, 2025-10-14/README.md, belongs
to the folder above it), unless --merge reads them as one series.

OPTIONS:
    --date YYYY-MM-DD  the next meeting's date
    --merge            one series of all notes, from any folder
    -h, --help         print this help",
    found: "",
    switches: &["--merge"],
    options: &["--date"],
    samples: common::SAMPLES,
};

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let date = match run.args.value("--date") {
        Some(text) => match common::parse_date(text) {
            Some(date) => Some(date),
            None => return Err(Stop::Usage("--date needs a date such as 2025-11-25".into())),
        },
        None => None,
    };
    let notes = run.notes()?;
    let all: Vec<_> = common::series(&notes, run.args.has("--merge")).collect();
    let [one] = all.as_slice() else {
        let folders: Vec<&str> = all.iter().filter_map(|one| one.folder).collect();
        return Err(Stop::Usage(format!(
            "notes from {} ({}): name one, or use --merge",
            common::plural(folders.len(), "folder"),
            folders.join(", ")
        )));
    };
    let series = &one.series;
    // The latest dated meeting; undated notes (a FAQ next to the minutes)
    // are not meetings to continue from.
    let latest = series
        .meetings
        .iter()
        .rev()
        .find(|m| m.date.is_some())
        .or(series.meetings.last())
        .map(|m| m.input);
    let (Some(meeting), Some(note)) = (
        latest.and_then(|i| one.meetings.get(i)),
        latest.and_then(|i| one.notes.get(i)),
    ) else {
        return Err(Stop::Usage("no notes".into()));
    };
    let announced = meeting.next_meeting.as_ref().and_then(|n| n.date);
    if date.is_none() && announced.is_none() {
        run.warn(&format!(
            "{} announces no next date; the draft is undated (use --date)",
            note.path
        ));
    }
    run.print(&minutes::render_next(meeting, date))?;
    Ok(0)
}
