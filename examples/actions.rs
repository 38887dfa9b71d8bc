//! Lists the open action items of a series of meeting notes, grouped by
//! owner, with how long each has been open.
//!
//! ```text
//! cargo run --example actions                          # the built-in sample
//! cargo run --example actions -- meetings/             # every *.md below
//! cargo run --example actions -- --owner gaius-qi --json meetings/
//! ```

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use common::{Note, Style};
use minutes::{ActionHistory, Series};

const HELP: &str = "\
actions: open action items across meeting notes, grouped by owner

USAGE:
    actions [--owner LOGIN] [--json] [PATH...]

With no PATH, reads a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files. The notes
are ordered by date (from the note, else from the path); an action is
open when its checkbox is still open in the latest note listing actions.
AGE is the number of notes that list it; DAYS counts from its first note
to the latest one.

OPTIONS:
    --owner LOGIN  only actions owned by LOGIN (with or without @)
    --json         print the open actions as JSON (SCHEMA.md, Series)
    -h, --help     print this help";

/// An owner heading for actions without one.
const NO_OWNER: &str = "(no owner)";

fn main() -> ExitCode {
    let mut owner: Option<String> = None;
    let mut json = false;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--owner" => match args.next() {
                Some(login) => owner = Some(login.trim_start_matches('@').to_string()),
                None => return usage("--owner needs a LOGIN"),
            },
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            path => paths.push(PathBuf::from(path)),
        }
    }

    let notes = match common::load_or_exit("actions", &paths, common::SAMPLES) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let meetings: Vec<_> = notes.iter().map(Note::parse).collect();
    let series = Series::new(&meetings);
    let owned_by = |action: &ActionHistory| match &owner {
        Some(login) => action
            .owners()
            .iter()
            .any(|o| o.eq_ignore_ascii_case(login)),
        None => true,
    };
    let open: Vec<&ActionHistory> = series.open_actions().filter(|a| owned_by(a)).collect();

    if json {
        #[derive(serde::Serialize)]
        struct Output<'s> {
            meetings: &'s [minutes::SeriesMeeting],
            open_actions: Vec<&'s ActionHistory>,
        }
        let output = Output {
            meetings: &series.meetings,
            open_actions: open,
        };
        common::emit(&common::json(&output, true));
        common::emit("\n");
        return ExitCode::SUCCESS;
    }

    if open.is_empty() {
        common::emit("no open actions\n");
        return ExitCode::SUCCESS;
    }
    common::emit(&grouped(&series, &open, owner.as_deref(), Style::detect()));
    ExitCode::SUCCESS
}

/// One table per owner (an action with two owners is listed under both).
fn grouped(series: &Series, open: &[&ActionHistory], only: Option<&str>, style: Style) -> String {
    let mut out = String::new();
    let mut owners: Vec<String> = Vec::new();
    for action in open {
        let names = action.owners();
        if names.is_empty() {
            if !owners.iter().any(|o| o == NO_OWNER) {
                owners.push(NO_OWNER.to_string());
            }
            continue;
        }
        for name in names {
            let wanted = only.is_none_or(|login| login.eq_ignore_ascii_case(name));
            if wanted && !owners.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                owners.push(name.clone());
            }
        }
    }
    owners.sort_by_key(|o| (o == NO_OWNER, o.to_lowercase()));

    for (n, owner) in owners.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let heading = if owner == NO_OWNER {
            owner.clone()
        } else {
            format!("@{owner}")
        };
        out.push_str(&style.bold(&heading));
        out.push('\n');
        let mut rows = vec![["AGE", "DAYS", "SINCE", "ACTION"]
            .map(String::from)
            .to_vec()];
        for action in open {
            let names = action.owners();
            let listed = if owner == NO_OWNER {
                names.is_empty()
            } else {
                names.iter().any(|o| o.eq_ignore_ascii_case(owner))
            };
            if !listed {
                continue;
            }
            let since = series.meetings[action.first_seen].date;
            // Open actions are listed in the latest note with actions.
            let days = series.days_between(action.first_seen, action.last_seen);
            rows.push(vec![
                action.meetings_seen().to_string(),
                days.map_or("?".into(), |d| d.to_string()),
                since.map_or("undated".into(), |d| d.to_string()),
                common::short(&action.text, 72),
            ]);
        }
        let table = common::table(
            &rows,
            |row, _, cell| {
                if row == 0 {
                    style.dim(&cell)
                } else {
                    cell
                }
            },
        );
        for line in table.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("actions: {problem}\n\n{HELP}");
    ExitCode::from(2)
}
