//! Reports what the parser noticed in meeting notes, compiler style, for a
//! pre-commit hook or the CI of a notes repository; `--format github` for
//! GitHub Actions annotations, `--format json` for machines.
//!
//! ```text
//! cargo run --example lint                             # the built-in sample
//! cargo run --example lint -- meetings/                # every *.md below
//! cargo run --example lint -- --format github meetings/
//! ```

mod common;

use std::process::ExitCode;

use common::{Note, Run, Stop, Style, Tool};
use minutes::{Diagnostic, LineIndex, Severity};

static TOOL: Tool = Tool {
    name: "lint",
    help: "\
lint: check meeting notes and report diagnostics as path:line:col

USAGE:
    lint [--format text|github|json] [--merge] [PATH...]

With no PATH, checks a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files. Each diagnostic
is printed as

    path:line:col: warning[code]: message

with the source line and a caret under the span (columns count
characters, from 1). Across the notes of a folder, a meeting without a
date or two meetings on one day are reported too.

{folders}

OPTIONS:
    --format FORMAT  text (the default), github or json:
                     github: GitHub Actions workflow commands, one per
                       diagnostic: ::warning file=F,line=L,col=C,
                       endLine=L,endColumn=C,title=CODE::message
                     json: JSON Lines, one object per diagnostic
                       (schema/lint-v1.schema.json, SCHEMA.md)
                     With github and json the summary goes to stderr.
    --merge          one series of all notes, not one per folder
    -h, --help       print this help",
    found: "an error was found (warnings alone exit 0)",
    switches: &["--merge"],
    options: &["--format"],
    samples: common::SAMPLES,
};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Github,
    Json,
}

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let format = match run.args.value("--format").unwrap_or("text") {
        "text" => Format::Text,
        "github" => Format::Github,
        "json" => Format::Json,
        other => {
            return Err(Stop::Usage(format!(
                "--format {other}: use text, github or json"
            )))
        }
    };
    let style = if format == Format::Text {
        run.style()
    } else {
        Style::plain()
    };
    let notes = run.notes()?;
    let (mut warnings, mut errors) = (0, 0);
    for one in common::series(&notes, run.args.has("--merge")) {
        for (note, meeting) in one.notes.iter().zip(&one.meetings) {
            let index = LineIndex::new(&note.text);
            for diagnostic in &meeting.diagnostics {
                match diagnostic.severity {
                    Severity::Error => errors += 1,
                    _ => warnings += 1,
                }
                run.print(&Found::new(note, &index, diagnostic).show(format, style))?;
            }
        }
        // One note alone is no series to check.
        if one.notes.len() < 2 {
            continue;
        }
        let series = &one.series;
        for diagnostic in &series.diagnostics {
            let input = series.meetings.get(diagnostic.meeting).map(|m| m.input);
            let Some(note) = input.and_then(|input| one.notes.get(input)) else {
                continue;
            };
            warnings += 1;
            let found = Found {
                path: &note.path,
                at: None,
                severity: Severity::Warning,
                code: code_name(&diagnostic.code),
                message: &diagnostic.message,
                source: None,
            };
            run.print(&found.show(format, style))?;
        }
    }
    let summary = format!(
        "{} checked: {}, {}",
        common::plural(notes.len(), "note"),
        common::plural(errors, "error"),
        common::plural(warnings, "warning")
    );
    if format == Format::Text {
        run.print(&summary)?;
        run.print("\n")?;
    } else {
        run.warn(&summary);
    }
    Ok(if errors > 0 { common::FOUND } else { 0 })
}

/// The kebab-case code of a series diagnostic, as in its JSON.
fn code_name(code: &minutes::SeriesCode) -> String {
    common::json(code, false).trim_matches('"').to_string()
}

/// One diagnostic, ready to print in each format.
struct Found<'a> {
    path: &'a str,
    /// Where the span starts and ends; `None` for a series diagnostic,
    /// which is about a whole note.
    at: Option<(minutes::LineCol, minutes::LineCol, minutes::Span)>,
    severity: Severity,
    code: String,
    message: &'a str,
    /// The span's first line and the byte range of the span in it.
    source: Option<(&'a str, std::ops::Range<usize>)>,
}

impl<'a> Found<'a> {
    /// The diagnostic in the chosen format.
    fn show(&self, format: Format, style: Style) -> String {
        match format {
            Format::Text => self.text(style),
            Format::Github => self.github(),
            Format::Json => self.json(),
        }
    }

    fn new(note: &'a Note, index: &LineIndex, diagnostic: &'a Diagnostic) -> Found<'a> {
        let span = diagnostic.span;
        let (start, end) = (index.line_col(span.start), index.line_col(span.end));
        let source = index.line_range(start.line).and_then(|line| {
            let text = note.text.get(line.clone())?;
            // The span on its first line, as byte offsets into `text`.
            let from = span.start.clamp(line.start, line.end) - line.start;
            let to = span.end.clamp(line.start, line.end) - line.start;
            Some((text, from..to.max(from)))
        });
        Found {
            path: &note.path,
            at: Some((start, end, span)),
            severity: diagnostic.severity,
            code: diagnostic.code.to_string(),
            message: &diagnostic.message,
            source,
        }
    }

    /// `path:line:col: severity[code]: message`, the source line, and
    /// carets under the span (on its first line).
    fn text(&self, style: Style) -> String {
        let severity = match self.severity {
            Severity::Error => style.red("error"),
            _ => style.yellow("warning"),
        };
        let place = match self.at {
            Some((start, ..)) => format!("{}:{start}", self.path),
            None => self.path.to_string(),
        };
        let mut out = format!(
            "{}: {severity}[{}]: {}\n",
            style.bold(&place),
            self.code,
            self.message
        );
        if let (Some((start, ..)), Some((line, span))) = (self.at, &self.source) {
            let before = line.get(..span.start).unwrap_or_default();
            let under = line.get(span.clone()).unwrap_or_default();
            // Keep tabs so the caret lines up under them.
            let pad: String = before
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let width = under.chars().count().max(1);
            let number = start.line.to_string();
            let gutter = " ".repeat(number.len());
            out.push_str(&format!(
                "{gutter} |\n{number} | {line}\n{gutter} | {pad}{}\n",
                style.red(&"^".repeat(width))
            ));
        }
        out
    }

    /// A GitHub Actions workflow command, which GitHub shows as an
    /// annotation on the file in a pull request.
    fn github(&self) -> String {
        let command = match self.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        let mut properties = vec![("file", self.path.to_string())];
        if let Some((start, end, _)) = self.at {
            properties.push(("line", start.line.to_string()));
            properties.push(("col", start.column.to_string()));
            properties.push(("endLine", end.line.to_string()));
            properties.push(("endColumn", end.column.to_string()));
        }
        properties.push(("title", self.code.clone()));
        let properties: Vec<String> = properties
            .iter()
            .map(|(name, value)| format!("{name}={}", escape_property(value)))
            .collect();
        format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(self.message)
        )
    }

    /// One line of JSON (`schema/lint-v1.schema.json`).
    fn json(&self) -> String {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            version: u32,
            path: &'a str,
            line: Option<usize>,
            column: Option<usize>,
            end_line: Option<usize>,
            end_column: Option<usize>,
            span: Option<minutes::Span>,
            severity: Severity,
            code: &'a str,
            message: &'a str,
        }
        let at = self.at;
        let line = Line {
            version: 1,
            path: self.path,
            line: at.map(|(start, ..)| start.line),
            column: at.map(|(start, ..)| start.column),
            end_line: at.map(|(_, end, _)| end.line),
            end_column: at.map(|(_, end, _)| end.column),
            span: at.map(|(.., span)| span),
            severity: self.severity,
            code: &self.code,
            message: self.message,
        };
        common::json(&line, false) + "\n"
    }
}

/// A workflow command's message: `%`, CR and LF escaped, as GitHub's
/// `@actions/core` does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,`
/// too, which would end the value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
