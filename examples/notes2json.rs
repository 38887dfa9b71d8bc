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

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

    let mut documents: Vec<(String, String)> = Vec::new();
    if paths.is_empty() {
        documents.push((SAMPLE_NAME.to_string(), SAMPLE.to_string()));
    }
    for path in &paths {
        let files = match markdown_files(path) {
            Ok(files) => files,
            Err(err) => {
                eprintln!("notes2json: {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        };
        if files.is_empty() {
            eprintln!("notes2json: {}: no *.md files found", path.display());
            return ExitCode::FAILURE;
        }
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => documents.push((file.display().to_string(), text)),
                    Err(err) => {
                        let offset = err.utf8_error().valid_up_to();
                        eprintln!("notes2json: {}: not UTF-8 at byte {offset}", file.display());
                        return ExitCode::FAILURE;
                    }
                },
                Err(err) => {
                    eprintln!("notes2json: {}: {err}", file.display());
                    return ExitCode::FAILURE;
                }
            }
        }
    }

    let meetings: Vec<minutes::Meeting<'_>> = documents
        .iter()
        .map(|(name, text)| {
            let mut options = minutes::Options::new();
            if let Some(date) = minutes::date_from_path(name) {
                options = options.date_hint(date);
            }
            minutes::parse_with(text, &options)
        })
        .collect();

    let print = |value: &dyn erased::Json| value.print(pretty);
    if jsonl {
        for meeting in &meetings {
            println!("{}", erased::to_string(meeting, false));
        }
    } else if meetings.len() == 1 {
        print(&meetings[0]);
    } else {
        print(&meetings);
    }
    ExitCode::SUCCESS
}

/// `path` itself when it is a file; every `*.md` below it, sorted, when it is
/// a directory.
fn markdown_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut pending = vec![path.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Printing one value or a list through the same code path.
mod erased {
    pub trait Json {
        fn print(&self, pretty: bool);
    }

    impl<T: serde::Serialize> Json for T {
        fn print(&self, pretty: bool) {
            println!("{}", to_string(self, pretty));
        }
    }

    pub fn to_string<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
        let json = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        json.unwrap_or_else(|err| format!("{{\"error\":\"{err}\"}}"))
    }
}
