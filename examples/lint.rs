//! Reports what the parser noticed in meeting notes, compiler style, for a
//! pre-commit hook or the CI of a notes repository.
//!
//! ```text
//! cargo run --example lint                             # the built-in sample
//! cargo run --example lint -- meetings/                # every *.md below
//! ```
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when any
//! error is found, 2 when the notes cannot be read.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use common::{Note, Style};
use minutes::{Diagnostic, Series, Severity};

const HELP: &str = "\
lint: check meeting notes and report diagnostics as path:line:col

USAGE:
    lint [PATH...]

With no PATH, checks a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files.
Each diagnostic is printed as

    path:line:col: warning[code]: message

with the source line and a caret under the span. Across several notes,
a meeting without a date or two meetings on one day are reported too.
Exits with 1 when any error is found, 2 when a note cannot be read.

OPTIONS:
    -h, --help  print this help";

fn main() -> ExitCode {
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                eprintln!("lint: unknown option {flag}\n\n{HELP}");
                return ExitCode::from(2);
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    let notes = match common::load_or_exit("lint", &paths, common::SAMPLES) {
        Ok(notes) => notes,
        Err(code) => return code,
    };

    let style = Style::detect();
    let meetings: Vec<_> = notes.iter().map(Note::parse).collect();
    let mut out = String::new();
    let (mut warnings, mut errors) = (0, 0);
    for (note, meeting) in notes.iter().zip(&meetings) {
        for diagnostic in &meeting.diagnostics {
            match diagnostic.severity {
                Severity::Error => errors += 1,
                _ => warnings += 1,
            }
            out.push_str(&report(note, diagnostic, style));
        }
    }
    if notes.len() > 1 {
        let series = Series::new(&meetings);
        for diagnostic in &series.diagnostics {
            let note = &notes[series.meetings[diagnostic.meeting].input];
            warnings += 1;
            out.push_str(&format!(
                "{}: {}[{}]: {}\n",
                style.bold(&note.path),
                style.yellow("warning"),
                code_name(&diagnostic.code),
                diagnostic.message
            ));
        }
    }
    out.push_str(&format!(
        "{} notes checked: {errors} errors, {warnings} warnings\n",
        notes.len()
    ));
    common::emit(&out);
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The kebab-case code of a series diagnostic, as in its JSON.
fn code_name(code: &minutes::SeriesCode) -> String {
    common::json(code, false).trim_matches('"').to_string()
}

/// `path:line:col: severity[code]: message`, the source line, and carets
/// under the span (on its first line).
fn report(note: &Note, diagnostic: &Diagnostic, style: Style) -> String {
    let text = note.text.as_str();
    let start = floor_char_boundary(text, diagnostic.span.start);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let line_number = text[..line_start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    let end = floor_char_boundary(text, diagnostic.span.end.min(line_start + line.len()));
    let width = text[start..end.max(start)].chars().count().max(1);
    // Keep tabs so the caret lines up under them.
    let pad: String = text[line_start..start]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let severity = match diagnostic.severity {
        Severity::Error => style.red("error"),
        _ => style.yellow("warning"),
    };
    let gutter = " ".repeat(line_number.to_string().len());
    format!(
        "{}: {severity}[{}]: {}\n{gutter} |\n{line_number} | {line}\n{gutter} | {pad}{}\n",
        style.bold(&format!("{}:{line_number}:{column}", note.path)),
        diagnostic.code,
        diagnostic.message,
        style.red(&"^".repeat(width)),
    )
}

/// The largest character boundary at or before `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
