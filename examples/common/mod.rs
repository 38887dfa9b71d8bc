//! What the example tools share: the command line, finding and reading
//! notes (an unreadable one is reported and skipped), grouping them by
//! folder, writing the output (a closed pipe ends quietly, a failed write is
//! an error) and terminal colour. Each tool describes itself as a [`Tool`]
//! and hands its work to [`Tool::main`].
#![allow(dead_code)] // each example uses a different part

use std::collections::HashMap;
use std::io::{BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status: the tool's own finding (lint: an error; timeline: nothing
/// matched).
pub const FOUND: u8 = 1;
/// Exit status: a usage error, or no note to read at all.
pub const USAGE: u8 = 2;
/// Exit status: a note could not be read and was skipped; the others were.
pub const SKIPPED: u8 = 3;
/// Exit status: the output could not be written (a full disk, say).
pub const WRITE_FAILED: u8 = 4;

/// The exit codes every tool shares, for `--help`; `{found}` is the line of
/// the tool's own meaning of 1.
const EXIT_STATUS: &str = "\
EXIT STATUS:
    0  done (also when the reader of the output closes the pipe early)
{found}    2  usage error, or no note could be read
    3  a note could not be read (not UTF-8, unreadable): it was reported
       on stderr and skipped, the others were processed
    4  the output could not be written (a message says why)";

/// How notes in several folders are read, for `--help` of the tools that
/// follow notes as a series: `{folders}` in a [`Tool::help`] stands for it.
const FOLDERS: &str = "\
Notes are read as one series per folder: a directory holding several
projects gives one history per project. A folder named by a date or a
year (2025-10-14/README.md, 2018/CG-03-20.md) belongs to the folder
above it. --merge reads all notes as one series.";

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

/// What a tool is: its name, help, options and built-in sample.
pub struct Tool {
    pub name: &'static str,
    /// The help text, without the exit codes (`--help` adds them);
    /// `{folders}` stands for the paragraph on series per folder.
    pub help: &'static str,
    /// What exit status 1 means for this tool; empty when it never exits 1.
    pub found: &'static str,
    /// Options without a value, such as `--json`.
    pub switches: &'static [&'static str],
    /// Options followed by a value, such as `--owner LOGIN` (or `--owner=LOGIN`).
    pub options: &'static [&'static str],
    /// The notes read when no PATH is given.
    pub samples: &'static [(&'static str, &'static str)],
}

/// The command line: switches given, option values, paths.
#[derive(Default)]
pub struct Args {
    switches: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    pub paths: Vec<PathBuf>,
}

impl Args {
    /// Whether `switch` was given.
    pub fn has(&self, switch: &str) -> bool {
        self.switches.contains(&switch)
    }

    /// The value of `option`, the last one when it was given twice.
    pub fn value(&self, option: &str) -> Option<&str> {
        let found = self.values.iter().rev().find(|(name, _)| *name == option);
        found.map(|(_, value)| value.as_str())
    }
}

/// Why a tool stops early.
#[derive(Debug)]
pub enum Stop {
    /// A usage error, or nothing to read: exit 2 after the message.
    Usage(String),
    /// The reader of the output went away (`| head`): exit quietly.
    Closed,
    /// The output could not be written: exit 4 after the error.
    Write(std::io::Error),
}

impl From<std::io::Error> for Stop {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Write(err)
        }
    }
}

/// One run of a tool: its arguments, its output, what was skipped.
pub struct Run {
    pub tool: &'static Tool,
    pub args: Args,
    out: BufWriter<StdoutLock<'static>>,
    /// The notes found, read or not.
    found: usize,
    skipped: usize,
}

impl Tool {
    /// Reads the command line, calls `work`, and turns what happened into
    /// the exit status: `work` gives 0 or [`FOUND`]; [`SKIPPED`] replaces
    /// either when a note was skipped. `println!` would panic on a closed
    /// pipe or a full disk, so every byte goes through [`Run::print`].
    pub fn main(&'static self, work: impl FnOnce(&mut Run) -> Result<u8, Stop>) -> ExitCode {
        let mut run = Run {
            tool: self,
            args: Args::default(),
            out: BufWriter::new(std::io::stdout().lock()),
            found: 0,
            skipped: 0,
        };
        let result = match self.args(std::env::args().skip(1)) {
            Ok(Some(args)) => {
                run.args = args;
                work(&mut run)
            }
            Ok(None) => run.print(&self.full_help()).map(|()| 0),
            Err(stop) => Err(stop),
        };
        let result = result.and_then(|code| run.out.flush().map(|()| code).map_err(Stop::from));
        let code = match result {
            Ok(code) => code,
            Err(Stop::Closed) => 0,
            Err(Stop::Usage(problem)) => {
                run.warn(&format!("{problem}\n(see {} --help)", self.name));
                return ExitCode::from(USAGE);
            }
            Err(Stop::Write(err)) => {
                run.warn(&format!("cannot write the output: {err}"));
                return ExitCode::from(WRITE_FAILED);
            }
        };
        if run.skipped > 0 {
            run.warn(&format!(
                "{} skipped (exit status {SKIPPED})",
                plural(run.skipped, "note")
            ));
            return ExitCode::from(SKIPPED);
        }
        ExitCode::from(code)
    }

    /// The help with the exit codes.
    fn full_help(&self) -> String {
        let found = if self.found.is_empty() {
            String::new()
        } else {
            format!("    1  {}\n", self.found)
        };
        format!(
            "{}\n\n{}\n",
            self.help.replace("{folders}", FOLDERS),
            EXIT_STATUS.replace("{found}", &found)
        )
    }

    /// The arguments, or `None` for `--help`. `--` ends the options.
    fn args(&self, mut args: impl Iterator<Item = String>) -> Result<Option<Args>, Stop> {
        let mut parsed = Args::default();
        while let Some(arg) = args.next() {
            if arg == "--" {
                parsed.paths.extend(args.by_ref().map(PathBuf::from));
                break;
            }
            if arg == "-h" || arg == "--help" {
                return Ok(None);
            }
            if !arg.starts_with('-') {
                parsed.paths.push(PathBuf::from(arg));
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (arg.as_str(), None),
            };
            if let Some(&switch) = self.switches.iter().find(|s| **s == name) {
                if inline.is_some() {
                    return Err(Stop::Usage(format!("{switch} takes no value")));
                }
                parsed.switches.push(switch);
            } else if let Some(&option) = self.options.iter().find(|o| **o == name) {
                let value = inline.or_else(|| args.next());
                let value = value.ok_or_else(|| Stop::Usage(format!("{option} needs a value")))?;
                parsed.values.push((option, value));
            } else {
                return Err(Stop::Usage(format!("unknown option {arg}")));
            }
        }
        Ok(Some(parsed))
    }
}

impl Run {
    /// Writes `text` to stdout (buffered; [`Tool::main`] flushes).
    pub fn print(&mut self, text: &str) -> Result<(), Stop> {
        self.out.write_all(text.as_bytes()).map_err(Stop::from)
    }

    /// Writes what the buffer holds, so a reader sees each line of a
    /// stream as it comes and a closed pipe stops the work early.
    pub fn flush(&mut self) -> Result<(), Stop> {
        self.out.flush().map_err(Stop::from)
    }

    /// Prints `tool: message` on stderr. A failure to do so has nowhere
    /// to be reported and is ignored (`eprintln!` would panic).
    pub fn warn(&self, message: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{}: {message}", self.tool.name);
    }

    /// Colour for stdout, see [`Style::detect`].
    pub fn style(&self) -> Style {
        Style::detect()
    }

    /// The notes under the paths (files, or every `*.md` below a
    /// directory), or the tool's samples when there is no path. A note or
    /// folder that cannot be read is reported and skipped; a path that does
    /// not exist, a directory without notes, or nothing readable at all is
    /// a usage error.
    pub fn notes(&mut self) -> Result<Vec<Note>, Stop> {
        if self.args.paths.is_empty() {
            self.found = self.tool.samples.len();
            let samples = self.tool.samples.iter();
            return Ok(samples.map(|(path, text)| Note::new(path, text)).collect());
        }
        let mut notes = Vec::new();
        let paths = std::mem::take(&mut self.args.paths);
        for path in &paths {
            let files = self.markdown_files(path)?;
            self.found += files.len();
            for file in files {
                let path = file.display().to_string();
                match std::fs::read(&file) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => notes.push(Note::new(&path, &text)),
                        Err(err) => {
                            let offset = err.utf8_error().valid_up_to();
                            self.skip(&format!("{path}: not UTF-8 at byte {offset}"));
                        }
                    },
                    Err(err) => self.skip(&format!("{path}: {err}")),
                }
            }
        }
        self.args.paths = paths;
        if notes.is_empty() {
            return Err(Stop::Usage("no note could be read".into()));
        }
        Ok(notes)
    }

    /// How many notes [`Run::notes`] found, skipped ones included (the
    /// samples count too): output shaped by the number of notes keeps its
    /// shape when one cannot be read.
    pub fn found(&self) -> usize {
        self.found
    }

    /// Reports what could not be read, and counts it for the exit status.
    fn skip(&mut self, what: &str) {
        self.warn(&format!("{what}; skipped"));
        self.skipped += 1;
    }

    /// `path` itself when it is a file; every `*.md` below it, sorted, when
    /// it is a directory (a subfolder that cannot be listed is skipped).
    fn markdown_files(&mut self, path: &Path) -> Result<Vec<PathBuf>, Stop> {
        let shown = path.display();
        let metadata =
            std::fs::metadata(path).map_err(|err| Stop::Usage(format!("{shown}: {err}")))?;
        if !metadata.is_dir() {
            return Ok(vec![path.to_path_buf()]);
        }
        let mut found = Vec::new();
        let mut pending = vec![path.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(err) => {
                    self.skip(&format!("{}: {err}", dir.display()));
                    continue;
                }
            };
            for entry in entries {
                let Ok(entry) = entry else { continue };
                let path = entry.path();
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    pending.push(path);
                } else if path
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
                {
                    found.push(path);
                }
            }
        }
        if found.is_empty() {
            return Err(Stop::Usage(format!("{shown}: no *.md files found")));
        }
        found.sort();
        Ok(found)
    }
}

/// A note read from disk (or the sample): its path, its folder and text.
pub struct Note {
    pub path: String,
    /// The folder whose notes make one series, see [`series_folder`].
    pub folder: String,
    pub text: String,
}

impl Note {
    fn new(path: &str, text: &str) -> Note {
        Note {
            path: path.to_string(),
            folder: series_folder(Path::new(path)),
            text: text.to_string(),
        }
    }

    /// Parses the note with the date its path carries as the hint.
    pub fn parse(&self) -> minutes::Meeting<'_> {
        self.parse_in(None)
    }

    /// As [`Note::parse`], with the repository that short references
    /// such as `#12` fall back to, as `(owner, repo)`.
    pub fn parse_in(&self, repo: Option<(&str, &str)>) -> minutes::Meeting<'_> {
        let mut options = minutes::Options::new();
        if let Some(date) = minutes::date_from_path(&self.path) {
            options = options.date_hint(date);
        }
        if let Some((owner, repo)) = repo {
            options = options.default_repository(owner, repo);
        }
        minutes::parse_with(&self.text, &options)
    }
}

/// The folder of a note for grouping: its parent, or the first one above
/// that is not named by a date or a year (`2025-10-14/README.md`,
/// `2018/CG-03-20.md`), where projects keep one folder per meeting or year.
pub fn series_folder(path: &Path) -> String {
    let mut folder = path.parent().unwrap_or(Path::new(""));
    while let (Some(name), Some(parent)) = (folder.file_name(), folder.parent()) {
        let dated = name.to_str().is_some_and(|n| {
            n.bytes().any(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit() || b"-_.".contains(&b))
        });
        if !dated {
            break;
        }
        folder = parent;
    }
    match folder.display().to_string() {
        empty if empty.is_empty() => ".".to_string(),
        folder => folder,
    }
}

/// The `--json` output of the series tools (`actions`, `timeline`): the
/// tool contract's version and one group per series (SCHEMA.md, "Tool
/// outputs"); `H` holds the histories the tool lists.
#[derive(serde::Serialize)]
pub struct SeriesOutput<'s, H> {
    pub version: u32,
    pub series: Vec<SeriesGroup<'s, H>>,
}

impl<H> SeriesOutput<'_, H> {
    pub fn new() -> Self {
        SeriesOutput {
            version: 1,
            series: Vec::new(),
        }
    }
}

/// One series: its folder, its notes, its meetings and the histories whose
/// meeting indexes point into them.
#[derive(serde::Serialize)]
pub struct SeriesGroup<'s, H> {
    /// `None` with `--merge`.
    pub folder: Option<&'s str>,
    /// The note paths; a meeting's `input` is a position in this list.
    pub notes: Vec<&'s str>,
    pub meetings: Vec<minutes::SeriesMeeting>,
    #[serde(flatten)]
    pub histories: H,
}

/// The notes in the groups that make one series each: one per folder in
/// the order first met, or all of them together with `merge` (the folder is
/// then `None`).
fn groups(notes: &[Note], merge: bool) -> Vec<(Option<&str>, Vec<&Note>)> {
    if merge {
        return vec![(None, notes.iter().collect())];
    }
    let mut groups: Vec<(Option<&str>, Vec<&Note>)> = Vec::new();
    let mut by_folder: HashMap<&str, usize> = HashMap::new();
    for note in notes {
        let at = *by_folder.entry(&note.folder).or_insert_with(|| {
            groups.push((Some(&note.folder), Vec::new()));
            groups.len() - 1
        });
        if let Some((_, group)) = groups.get_mut(at) {
            group.push(note);
        }
    }
    groups
}

/// One series of notes (see [`groups`]): its folder, its notes, their
/// meetings in the same order, and the series they make.
pub struct NoteSeries<'n> {
    /// `None` with `--merge`.
    pub folder: Option<&'n str>,
    pub notes: Vec<&'n Note>,
    pub meetings: Vec<minutes::Meeting<'n>>,
    pub series: minutes::Series,
}

impl<'n> NoteSeries<'n> {
    /// The series in the `--json` output, with the histories it lists.
    pub fn into_group<H>(self, histories: H) -> SeriesGroup<'n, H> {
        SeriesGroup {
            folder: self.folder,
            notes: self.notes.iter().map(|note| note.path.as_str()).collect(),
            meetings: self.series.meetings,
            histories,
        }
    }
}

/// Each group of [`groups`] parsed and made a series, one at a time.
pub fn series(notes: &[Note], merge: bool) -> impl Iterator<Item = NoteSeries<'_>> {
    groups(notes, merge).into_iter().map(|(folder, notes)| {
        let meetings: Vec<_> = notes.iter().map(|note| note.parse()).collect();
        let series = minutes::Series::new(&meetings);
        NoteSeries {
            folder,
            notes,
            meetings,
            series,
        }
    })
}

/// Starts a folder's part of a text output with its name in bold, a blank
/// line after the part before: `dragonfly/`.
pub fn folder_heading(text: &mut String, folder: Option<&str>, style: Style) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&style.bold(&format!("{}/", folder.unwrap_or("."))));
    text.push('\n');
}

/// `1 note`, `2 notes`: the count and the word, plural unless one.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let valid = text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    valid.then(|| minutes::date_from_path(text)).flatten()
}

/// ANSI colour, or plain text.
#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Colour only when stdout is a terminal that shows it: not with
    /// `NO_COLOR` set (no-color.org), nor `TERM=dumb`.
    pub fn detect() -> Style {
        Style::choose(std::io::stdout().is_terminal(), |name| {
            std::env::var_os(name)
        })
    }

    /// [`Style::detect`] for a terminal or not, with `env` for the
    /// environment (so that tests need no terminal).
    pub fn choose(terminal: bool, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Style {
        let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = env("TERM").is_some_and(|term| term == "dumb");
        Style {
            color: terminal && !no_color && !dumb,
        }
    }

    /// Whether escape codes are written.
    pub fn is_color(self) -> bool {
        self.color
    }

    /// No colour, for output that is not for a terminal.
    pub fn plain() -> Style {
        Style { color: false }
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
                format!(
                    "{cell:<width$}",
                    width = widths.get(c).copied().unwrap_or(0)
                )
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
