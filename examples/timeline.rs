//! Shows how issues (or actions) moved across a series of meeting notes.
//!
//! ```text
//! cargo run --example timeline                         # the built-in sample
//! cargo run --example timeline -- meetings/            # every issue, one row each
//! cargo run --example timeline -- --actions meetings/  # every action
//! cargo run --example timeline -- --issue dragonflyoss/dragonfly#4025 meetings/
//! cargo run --example timeline -- --action "KubeCon 2026" meetings/
//! ```

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use common::{Note, Style};
use minutes::{ActionHistory, IssueHistory, Series, Status, TaskState};

const HELP: &str = "\
timeline: the history of issues or actions across meeting notes

USAGE:
    timeline [--actions | --issue OWNER/REPO#N | --action TEXT] [--json] [PATH...]

With no PATH, reads a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files; the notes are
ordered by date.

Without --issue or --action, prints one row per issue (or per action
with --actions) and one column per meeting:
    issues:  T todo, W in progress, D done, ? tbd, B blocked, . not listed
    actions: o open, / in progress, x done, - cancelled, . not listed
With --issue or --action, prints that one's history meeting by meeting.

OPTIONS:
    --actions           actions instead of issues
    --issue NAME        one issue, as owner/repo#number
    --action TEXT       the action whose text contains TEXT (case-insensitive)
    --json              print the meetings and the histories as JSON
                        (SCHEMA.md, Series)
    -h, --help          print this help";

enum Selection {
    Issues,
    Actions,
    Issue(String),
    Action(String),
}

fn main() -> ExitCode {
    let mut selection = Selection::Issues;
    let mut json = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--actions" => selection = Selection::Actions,
            "--issue" | "--action" => match args.next() {
                Some(value) if arg == "--issue" => selection = Selection::Issue(value),
                Some(value) => selection = Selection::Action(value),
                None => return usage(&format!("{arg} needs a value")),
            },
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    let notes = match common::load_or_exit("timeline", &paths, common::SAMPLES) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let meetings: Vec<_> = notes.iter().map(Note::parse).collect();
    let series = Series::new(&meetings);
    let style = Style::detect();

    let output = match selection {
        Selection::Issues if json => Output::issues(&series, series.issues.iter().collect()),
        Selection::Actions if json => Output::actions(&series, series.actions.iter().collect()),
        Selection::Issues => issue_matrix(&series, style),
        Selection::Actions => action_matrix(&series, style),
        Selection::Issue(name) => {
            let Some(issue) = series
                .issues
                .iter()
                .find(|i| i.name().eq_ignore_ascii_case(&name))
            else {
                eprintln!("timeline: no issue {name} in a status bucket of these notes");
                return ExitCode::FAILURE;
            };
            if json {
                Output::issues(&series, vec![issue])
            } else {
                issue_detail(&series, issue, style)
            }
        }
        Selection::Action(text) => {
            let needle = text.to_lowercase();
            let found: Vec<&ActionHistory> = series
                .actions
                .iter()
                .filter(|a| {
                    a.sightings
                        .iter()
                        .any(|s| s.text.to_lowercase().contains(&needle))
                })
                .collect();
            if found.is_empty() {
                eprintln!("timeline: no action contains {text:?}");
                return ExitCode::FAILURE;
            }
            if json {
                Output::actions(&series, found)
            } else {
                found
                    .iter()
                    .map(|a| action_detail(&series, a, style))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    };
    common::emit(&output);
    if !output.ends_with('\n') {
        common::emit("\n");
    }
    ExitCode::SUCCESS
}

/// JSON of histories with the meetings their meeting indexes point into.
#[derive(serde::Serialize)]
struct Output<'s> {
    meetings: &'s [minutes::SeriesMeeting],
    #[serde(skip_serializing_if = "Option::is_none")]
    issues: Option<Vec<&'s IssueHistory>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actions: Option<Vec<&'s ActionHistory>>,
}

impl<'s> Output<'s> {
    fn issues(series: &'s Series, issues: Vec<&'s IssueHistory>) -> String {
        let output = Output {
            meetings: &series.meetings,
            issues: Some(issues),
            actions: None,
        };
        common::json(&output, true)
    }

    fn actions(series: &'s Series, actions: Vec<&'s ActionHistory>) -> String {
        let output = Output {
            meetings: &series.meetings,
            issues: None,
            actions: Some(actions),
        };
        common::json(&output, true)
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("timeline: {problem}\n\n{HELP}");
    ExitCode::from(2)
}

fn status_letter(status: Status) -> &'static str {
    match status {
        Status::Todo => "T",
        Status::InProgress => "W",
        Status::Done => "D",
        Status::Tbd => "?",
        Status::Blocked => "B",
        _ => "*",
    }
}

fn state_letter(state: TaskState) -> &'static str {
    match state {
        TaskState::Open => "o",
        TaskState::InProgress => "/",
        TaskState::Done => "x",
        TaskState::Cancelled => "-",
        _ => "*",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Todo => "todo",
        Status::InProgress => "in progress",
        Status::Done => "done",
        Status::Tbd => "tbd",
        Status::Blocked => "blocked",
        _ => "other",
    }
}

/// One row per issue or action, one narrow column per meeting under a
/// two-line `MM`/`DD` heading. Only the latest meetings that fit in
/// `$COLUMNS` (default 100) are shown.
fn matrix(series: &Series, title: &str, rows: Vec<(String, Vec<String>)>, style: Style) -> String {
    let name_width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .chain([title.len()])
        .max()
        .unwrap_or(0);
    let columns: usize = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    let fit = (columns.saturating_sub(name_width + 2) / 3).max(1);
    let skip = series.meetings.len().saturating_sub(fit);
    let shown = &series.meetings[skip..];

    let mut out = String::new();
    if skip > 0 {
        out.push_str(&style.dim(&format!(
            "({skip} earlier meetings not shown: widen $COLUMNS or use --json)\n"
        )));
    }
    let heading = |part: fn(time::Date) -> u8, first: &str| {
        let mut line = format!("{first:<name_width$}");
        for meeting in shown {
            let cell = meeting
                .date
                .map_or("??".into(), |d| format!("{:02}", part(d)));
            line.push(' ');
            line.push_str(&cell);
        }
        style.dim(line.trim_end()) + "\n"
    };
    out.push_str(&heading(|d| u8::from(d.month()), ""));
    out.push_str(&heading(|d| d.day(), title));
    for (name, cells) in rows {
        let mut line = style.bold(&format!("{name:<name_width$}"));
        for cell in cells.iter().skip(skip) {
            let cell = format!("{cell:<2}");
            line.push(' ');
            line.push_str(&if cell.trim() == "." {
                style.dim(&cell)
            } else {
                cell
            });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One cell per meeting: what `at` says for that meeting, or `.`.
fn cells<T>(
    series: &Series,
    sightings: &[T],
    meeting: fn(&T) -> usize,
    at: impl Fn(&T) -> String,
) -> Vec<String> {
    let mut sightings = sightings.iter().peekable();
    (0..series.meetings.len())
        .map(|index| match sightings.next_if(|s| meeting(s) == index) {
            Some(s) => at(s),
            None => ".".to_string(),
        })
        .collect()
}

fn issue_matrix(series: &Series, style: Style) -> String {
    if series.issues.is_empty() {
        return "no issues in status buckets\n".into();
    }
    let rows = series
        .issues
        .iter()
        .map(|issue| {
            let cells = cells(
                series,
                &issue.sightings,
                |s| s.meeting,
                |s| s.statuses.iter().map(|&st| status_letter(st)).collect(),
            );
            (issue.name(), cells)
        })
        .collect();
    matrix(series, "ISSUE", rows, style)
}

fn action_matrix(series: &Series, style: Style) -> String {
    if series.actions.is_empty() {
        return "no actions\n".into();
    }
    let rows = series
        .actions
        .iter()
        .map(|action| {
            let cells = cells(
                series,
                &action.sightings,
                |s| s.meeting,
                |s| state_letter(s.state).to_string(),
            );
            (common::short(&action.text, 40), cells)
        })
        .collect();
    matrix(series, "ACTION", rows, style)
}

fn date(series: &Series, index: usize) -> String {
    series
        .meetings
        .get(index)
        .and_then(|m| m.date)
        .map_or("undated".into(), |d| d.to_string())
}

fn issue_detail(series: &Series, issue: &IssueHistory, style: Style) -> String {
    let mut out = format!("{}\n", style.bold(&issue.name()));
    let mut rows = vec![["MEETING", "BUCKETS", "OWNERS"].map(String::from).to_vec()];
    for sighting in &issue.sightings {
        let buckets: Vec<&str> = sighting.statuses.iter().map(|&s| status_name(s)).collect();
        let owners: Vec<String> = sighting.owners.iter().map(|o| format!("@{o}")).collect();
        rows.push(vec![
            date(series, sighting.meeting),
            buckets.join(", "),
            owners.join(" "),
        ]);
    }
    out.push_str(&common::table(&rows, |row, _, cell| {
        if row == 0 {
            style.dim(&cell)
        } else {
            cell
        }
    }));
    for period in &issue.periods {
        let left = period.left.map_or("still there".to_string(), |m| {
            format!("left {}", date(series, m))
        });
        out.push_str(&format!(
            "{}: entered {}, {left}\n",
            status_name(period.status),
            date(series, period.entered)
        ));
    }
    if issue.went_back {
        out.push_str(&style.yellow("went back after Done"));
        out.push('\n');
    }
    if let Some(meeting) = issue.vanished_in {
        out.push_str(&style.yellow(&format!(
            "vanished without reaching Done ({})",
            date(series, meeting)
        )));
        out.push('\n');
    }
    out
}

fn action_detail(series: &Series, action: &ActionHistory, style: Style) -> String {
    let mut out = format!("{}\n", style.bold(&common::short(&action.text, 100)));
    let mut rows = vec![["MEETING", "STATE", "OWNERS", "TEXT"]
        .map(String::from)
        .to_vec()];
    for sighting in &action.sightings {
        let owners: Vec<String> = sighting.owners.iter().map(|o| format!("@{o}")).collect();
        rows.push(vec![
            date(series, sighting.meeting),
            common::json(&sighting.state, false)
                .trim_matches('"')
                .to_string(),
            owners.join(" "),
            common::short(&sighting.text, 60),
        ]);
    }
    out.push_str(&common::table(&rows, |row, _, cell| {
        if row == 0 {
            style.dim(&cell)
        } else {
            cell
        }
    }));
    let status = match (action.closed_in, action.dropped_in) {
        (Some(m), _) => format!("closed {}", date(series, m)),
        (_, Some(m)) => format!("dropped {} without being closed", date(series, m)),
        _ => format!(
            "open since {} ({} meetings)",
            date(series, action.first_seen),
            action.meetings_seen()
        ),
    };
    out.push_str(&status);
    out.push('\n');
    out
}
