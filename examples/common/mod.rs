//! What the example tools share: finding and reading notes, the built-in
//! sample, parsing with the date a path carries, and terminal output.
#![allow(dead_code)] // each example uses a different part

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Two consecutive Dragonfly notes, used when a tool is given no path.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "dragonfly/2025-10-14.md",
        include_str!("../data/dragonfly-2025-10-14.md"),
    ),
    (
        "dragonfly/2025-10-28.md",
        include_str!("../data/dragonfly-2025-10-28.md"),
    ),
];

/// A note read from disk (or the sample): its path and text.
pub struct Note {
    pub path: String,
    pub text: String,
}

impl Note {
    /// Parses the note with the date its path carries as the hint.
    pub fn parse(&self) -> minutes::Meeting<'_> {
        let mut options = minutes::Options::new();
        if let Some(date) = minutes::date_from_path(&self.path) {
            options = options.date_hint(date);
        }
        minutes::parse_with(&self.text, &options)
    }
}

/// The notes under `paths` (files, or every `*.md` below a directory), or
/// [`load`] for a tool's `main`: the notes, or the exit code after printing
/// `tool: error` (2, a usage error: a missing file or a folder without notes).
pub fn load_or_exit(
    tool: &str,
    paths: &[PathBuf],
    samples: &[(&str, &str)],
) -> Result<Vec<Note>, std::process::ExitCode> {
    load(paths, samples).map_err(|err| {
        eprintln!("{tool}: {err}");
        std::process::ExitCode::from(2)
    })
}

/// the given samples when `paths` is empty. The error is ready to print.
pub fn load(paths: &[PathBuf], samples: &[(&str, &str)]) -> Result<Vec<Note>, String> {
    if paths.is_empty() {
        return Ok(samples
            .iter()
            .map(|(path, text)| Note {
                path: path.to_string(),
                text: text.to_string(),
            })
            .collect());
    }
    let mut notes = Vec::new();
    for path in paths {
        let files = markdown_files(path).map_err(|err| format!("{}: {err}", path.display()))?;
        if files.is_empty() {
            return Err(format!("{}: no *.md files found", path.display()));
        }
        for file in files {
            let bytes = std::fs::read(&file).map_err(|err| format!("{}: {err}", file.display()))?;
            let text = String::from_utf8(bytes).map_err(|err| {
                let offset = err.utf8_error().valid_up_to();
                format!("{}: not UTF-8 at byte {offset}", file.display())
            })?;
            notes.push(Note {
                path: file.display().to_string(),
                text,
            });
        }
    }
    Ok(notes)
}

/// `path` itself when it is a file; every `*.md` below it, sorted, when it is
/// a directory.
pub fn markdown_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
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

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let valid = text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    valid.then(|| minutes::date_from_path(text)).flatten()
}

/// ANSI colour, only when stdout is a terminal and `NO_COLOR` is unset.
#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: std::io::stdout().is_terminal() && !no_color,
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn red(self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.paint("1;33", text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint("32", text)
    }
}

/// Rows as aligned columns (widths in characters), two spaces apart; the
/// last column is not padded. `paint` styles a cell after it is padded, so
/// escape codes do not upset the alignment.
pub fn table(rows: &[Vec<String>], paint: impl Fn(usize, usize, String) -> String) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let padded = if c + 1 == row.len() {
                cell.clone()
            } else {
                format!("{cell:<width$}", width = widths[c])
            };
            line.push_str(&paint(r, c, padded));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The first line of `text`, cut to `max` characters with an ellipsis.
pub fn short(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= max {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// JSON, indented or not.
pub fn json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    json.unwrap_or_else(|err| format!("{{\"error\":\"{err}\"}}"))
}

/// Writes `text` to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
