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

use std::path::PathBuf;
use std::process::ExitCode;

use common::Note;

const SAMPLE: &str = include_str!("data/dragonfly-2025-10-28.md");
const SAMPLE_NAME: &str = "dragonfly/2025-10-28.md";

const HELP: &str = "\
notes2json: print meeting notes as minutes JSON (contract v1)

USAGE:
    notes2json [--pretty] [--jsonl] [PATH...]

With no PATH, parses a built-in sample (Dragonfly, 2025-10-28).
A directory PATH is searched recursively for *.md files.
One file prints one JSON object; several print a JSON array,
or one object per line with --jsonl.

OPTIONS:
    --pretty   indent the JSON
    --jsonl    one JSON object per line (JSON Lines)
    -h, --help print this help";

fn main() -> ExitCode {
    let mut pretty = false;
    let mut jsonl = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => {
                eprintln!("notes2json: unknown option {flag}\n\n{HELP}");
                return ExitCode::from(2);
            }
            path => paths.push(PathBuf::from(path)),
        }
    }

    let notes = match common::load_or_exit("notes2json", &paths, &[(SAMPLE_NAME, SAMPLE)]) {
        Ok(notes) => notes,
        Err(code) => return code,
    };
    let meetings: Vec<minutes::Meeting<'_>> = notes.iter().map(Note::parse).collect();

    if jsonl {
        for meeting in &meetings {
            println!("{}", common::json(meeting, false));
        }
    } else if let [meeting] = meetings.as_slice() {
        println!("{}", common::json(meeting, pretty));
    } else {
        println!("{}", common::json(&meetings, pretty));
    }
    ExitCode::SUCCESS
}
