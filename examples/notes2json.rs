//! Prints the `minutes` model of meeting notes as JSON.
//!
//! ```text
//! cargo run --example notes2json                       # the built-in sample
//! cargo run --example notes2json -- notes/2025-10-28/README.md
//! cargo run --example notes2json -- --jsonl notes/     # every *.md below, one line each
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
    notes2json [--pretty] [--jsonl] [PATH...]

With no PATH, parses a built-in sample (Dragonfly, 2025-10-28).
A directory PATH is searched recursively for *.md files.
One file prints one JSON object; several print a JSON array (also
when some of them cannot be read), or one object per line with --jsonl.

OPTIONS:
    --pretty   indent the JSON
    --jsonl    one JSON object per line (JSON Lines), written as each
               note is parsed
    -h, --help print this help",
    found: "",
    switches: &["--pretty", "--jsonl"],
    options: &[],
    samples: &[("dragonfly/2025-10-28.md", SAMPLE)],
};

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let pretty = run.args.has("--pretty");
    let notes = run.notes()?;
    if run.args.has("--jsonl") {
        for note in &notes {
            run.print(&common::json(&note.parse(), false))?;
            run.print("\n")?;
            // Line by line, so that `| head -1` stops the work early.
            run.flush()?;
        }
        return Ok(0);
    }
    let meetings: Vec<minutes::Meeting<'_>> = notes.iter().map(common::Note::parse).collect();
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
