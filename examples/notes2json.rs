//! Prints the `minutes` model of meeting notes as JSON.
//!
//! ```text
//! cargo run --example notes2json                       # the built-in sample
//! cargo run --example notes2json -- notes/2025-10-28/README.md
//! cargo run --example notes2json -- --jsonl notes/     # every *.md below, one line each
//! cargo run --example notes2json -- --repo nodejs/node notes/  # `#12` is nodejs/node#12
//! ```
//!
//! A date in a path (`2025-10-14/README.md`, `20251016.md`) is passed to the
//! parser as the date hint.

mod common;

use std::process::ExitCode;

use common::{Run, Stop, Tool};

const SAMPLE: &str = include_str!("data/dragonfly-2025-10-28.md");

static TOOL: Tool = Tool {
    name: "notes2json",
    help: "\
notes2json: print meeting notes as minutes JSON (contract v1, SCHEMA.md)

USAGE:
    notes2json [--pretty] [--jsonl] [--repo OWNER/REPO] [PATH...]

With no PATH, parses a built-in sample (Dragonfly, 2025-10-28).
A directory PATH is searched recursively for *.md files.
One file prints one JSON object; several print a JSON array (also
when some of them cannot be read), or one object per line with --jsonl.

OPTIONS:
    --pretty   indent the JSON
    --jsonl    one JSON object per line (JSON Lines), written as each
               note is parsed
    --repo OWNER/REPO
               the repository of short references (`#12`, `GH-12`; the
               owner of `repo#12`) where no enclosing heading names one
               and the note's URLs do not name exactly one
    -h, --help print this help",
    found: "",
    switches: &["--pretty", "--jsonl"],
    options: &["--repo"],
    samples: &[("dragonfly/2025-10-28.md", SAMPLE)],
};

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let pretty = run.args.has("--pretty");
    let repo = match run.args.value("--repo") {
        Some(value) => Some(repository(value)?),
        None => None,
    };
    let repo = repo.map(|(owner, repo)| (owner.to_string(), repo.to_string()));
    let repo = repo
        .as_ref()
        .map(|(owner, repo)| (owner.as_str(), repo.as_str()));
    let notes = run.notes()?;
    if run.args.has("--jsonl") {
        for note in &notes {
            run.print(&common::json(&note.parse_in(repo), false))?;
            run.print("\n")?;
            // Line by line, so that `| head -1` stops the work early.
            run.flush()?;
        }
        return Ok(0);
    }
    let meetings: Vec<minutes::Meeting<'_>> = notes.iter().map(|n| n.parse_in(repo)).collect();
    // One file found is an object; several are an array even when some
    // could not be read.
    let json = match meetings.as_slice() {
        [meeting] if run.found() == 1 => common::json(meeting, pretty),
        _ => common::json(&meetings, pretty),
    };
    run.print(&json)?;
    run.print("\n")?;
    Ok(0)
}

/// `owner/repo` as its two names.
fn repository(value: &str) -> Result<(&str, &str), Stop> {
    match value.split_once('/') {
        Some((owner, repo)) if !owner.is_empty() && !repo.is_empty() && !repo.contains('/') => {
            Ok((owner, repo))
        }
        _ => Err(Stop::Usage(format!(
            "--repo takes OWNER/REPO, not `{value}`"
        ))),
    }
}
