//! Lists the open action items of a series of meeting notes, grouped by
//! owner, with how long each has been open.
//!
//! ```text
//! cargo run --example actions                          # the built-in sample
//! cargo run --example actions -- meetings/             # every *.md below
//! cargo run --example actions -- --owner gaius-qi --json meetings/
//! ```

mod common;

use std::process::ExitCode;

use common::{Run, Stop, Style, Tool};
use minutes::{ActionHistory, Series};

static TOOL: Tool = Tool {
    name: "actions",
    help: "\
actions: open action items across meeting notes, grouped by owner

USAGE:
    actions [--owner LOGIN] [--json] [--merge] [PATH...]

With no PATH, reads a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files. The notes
are ordered by date (from the note, else from the path); an action is
open when its checkbox is still open in the latest note listing actions.
AGE is the number of notes that list it; DAYS counts from its first note
to the latest one.

{folders}

OPTIONS:
    --owner LOGIN  only actions owned by LOGIN (with or without @)
    --json         print the open actions as JSON, one series per folder
                   (schema/actions-v1.schema.json, SCHEMA.md)
    --merge        one series of all notes, not one per folder
    -h, --help     print this help",
    found: "",
    switches: &["--json", "--merge"],
    options: &["--owner"],
    samples: common::SAMPLES,
};

/// An owner heading for actions without one.
const NO_OWNER: &str = "(no owner)";

/// What `actions --json` lists of each series.
#[derive(serde::Serialize)]
struct OpenActions {
    open_actions: Vec<ActionHistory>,
}

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let owner = run
        .args
        .value("--owner")
        .map(|login| login.trim_start_matches('@').to_string());
    let notes = run.notes()?;
    let style = run.style();
    let owned_by = |action: &ActionHistory| match &owner {
        Some(login) => action
            .owners()
            .iter()
            .any(|o| o.eq_ignore_ascii_case(login)),
        None => true,
    };
    let all: Vec<_> = common::series(&notes, run.args.has("--merge")).collect();
    let titled = all.len() > 1;
    let mut output = common::SeriesOutput::new();
    let mut text = String::new();
    for one in all {
        let series = &one.series;
        let open: Vec<&ActionHistory> = series.open_actions().filter(|a| owned_by(a)).collect();
        if titled {
            common::folder_heading(&mut text, one.folder, style);
        }
        if open.is_empty() {
            text.push_str("no open actions\n");
        } else {
            text.push_str(&grouped(series, &open, owner.as_deref(), style));
        }
        let histories = OpenActions {
            open_actions: open.into_iter().cloned().collect(),
        };
        output.series.push(one.into_group(histories));
    }
    if run.args.has("--json") {
        run.print(&common::json(&output, true))?;
        run.print("\n")?;
    } else {
        run.print(&text)?;
    }
    Ok(0)
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
            let since = series.meetings.get(action.first_seen).and_then(|m| m.date);
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
