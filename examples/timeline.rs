//! Shows how issues (or actions) moved across a series of meeting notes.
//!
//! ```text
//! cargo run --example timeline                         # the built-in sample
//! cargo run --example timeline -- meetings/            # every issue, one row each
//! cargo run --example timeline -- --actions meetings/  # every action
//! cargo run --example timeline -- --issue dragonflyoss/dragonfly#4025 meetings/
//! cargo run --example timeline -- --action "KubeCon 2026" meetings/
//! ```

mod common;

use std::process::ExitCode;

use common::{Run, Stop, Style, Tool};
use minutes::{
    ActionHistory, ActionSighting, IssueHistory, IssueSighting, Series, Status, TaskState,
};

static TOOL: Tool = Tool {
    name: "timeline",
    help: "\
timeline: the history of issues or actions across meeting notes

USAGE:
    timeline [--actions | --issue OWNER/REPO#N | --action TEXT]
             [--json | --svg] [--merge] [PATH...]

With no PATH, reads a built-in sample (two Dragonfly notes).
A directory PATH is searched recursively for *.md files; the notes are
ordered by date.

Without --issue or --action, prints one row per issue (or per action
with --actions) and one column per meeting:
    issues:  T todo, W in progress, D done, ? tbd, B blocked, . not listed
    actions: o open, / in progress, x done, - cancelled, . not listed
With --issue or --action, prints that one's history meeting by meeting.

{folders}

OPTIONS:
    --actions           actions instead of issues
    --issue NAME        one issue, as owner/repo#number
    --action TEXT       the actions whose text contains TEXT
                        (case-insensitive)
    --json              print the meetings and the histories as JSON,
                        one series per folder
                        (schema/timeline-v1.schema.json, SCHEMA.md)
    --svg               draw the rows and meetings as an SVG picture
                        (one per folder, stacked), the bucket or state
                        as colour; redirect it to a .svg file
    --merge             one series of all notes, not one per folder
    -h, --help          print this help",
    found: "--issue or --action matched nothing",
    switches: &["--actions", "--json", "--svg", "--merge"],
    options: &["--issue", "--action"],
    samples: common::SAMPLES,
};

/// What the rows are.
enum Selection {
    Issues,
    Actions,
    Issue(String),
    Action(String),
}

fn main() -> ExitCode {
    TOOL.main(run)
}

fn run(run: &mut Run) -> Result<u8, Stop> {
    let args = &run.args;
    let selection = match (args.value("--issue"), args.value("--action")) {
        (Some(_), Some(_)) => return Err(Stop::Usage("--issue or --action, not both".into())),
        (Some(name), None) => Selection::Issue(name.to_string()),
        (None, Some(text)) => Selection::Action(text.to_lowercase()),
        (None, None) if args.has("--actions") => Selection::Actions,
        (None, None) => Selection::Issues,
    };
    let (json, svg) = (args.has("--json"), args.has("--svg"));
    if json && svg {
        return Err(Stop::Usage("--json or --svg, not both".into()));
    }
    let notes = run.notes()?;
    let style = run.style();
    let all: Vec<_> = common::series(&notes, run.args.has("--merge")).collect();
    let titled = all.len() > 1;
    let mut output = common::SeriesOutput::new();
    let mut pictures = Vec::new();
    let mut text = String::new();
    for one in all {
        let series = &one.series;
        let (issues, actions): (Vec<&IssueHistory>, Vec<&ActionHistory>) = match &selection {
            Selection::Issues => (series.issues.iter().collect(), Vec::new()),
            Selection::Actions => (Vec::new(), series.actions.iter().collect()),
            Selection::Issue(name) => (
                series
                    .issues
                    .iter()
                    .filter(|i| i.name().eq_ignore_ascii_case(name))
                    .collect(),
                Vec::new(),
            ),
            Selection::Action(needle) => (
                Vec::new(),
                series
                    .actions
                    .iter()
                    .filter(|a| {
                        a.sightings
                            .iter()
                            .any(|s| s.text.to_lowercase().contains(needle))
                    })
                    .collect(),
            ),
        };
        let picked = matches!(selection, Selection::Issue(_) | Selection::Action(_));
        if picked && issues.is_empty() && actions.is_empty() {
            continue;
        }
        let part = match &selection {
            Selection::Issues => issue_matrix(series, style),
            Selection::Actions => action_matrix(series, style),
            Selection::Issue(_) => issues
                .iter()
                .map(|issue| issue_detail(series, issue, style))
                .collect::<Vec<_>>()
                .join("\n"),
            Selection::Action(_) => actions
                .iter()
                .map(|action| action_detail(series, action, style))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if titled {
            common::folder_heading(&mut text, one.folder, style);
        }
        text.push_str(&part);
        if svg {
            let title = one.folder.unwrap_or("all notes");
            pictures.push(svg::Picture::new(series, title, &issues, &actions));
        }
        let actions_listed = matches!(selection, Selection::Actions | Selection::Action(_));
        let histories = Histories {
            issues: (!actions_listed).then(|| issues.into_iter().cloned().collect()),
            actions: actions_listed.then(|| actions.into_iter().cloned().collect()),
        };
        output.series.push(one.into_group(histories));
    }
    if output.series.is_empty() {
        match &selection {
            Selection::Issue(name) => {
                run.warn(&format!(
                    "no issue {name} in a status bucket of these notes"
                ));
            }
            _ => run.warn(&format!(
                "no action contains {:?}",
                run.args.value("--action").unwrap_or_default()
            )),
        }
        return Ok(common::FOUND);
    }
    let printed = if json {
        common::json(&output, true)
    } else if svg {
        svg::document(&pictures)
    } else {
        text
    };
    run.print(&printed)?;
    if !printed.ends_with('\n') {
        run.print("\n")?;
    }
    Ok(0)
}

/// What `timeline --json` lists of each series: its issues, or its actions.
#[derive(serde::Serialize)]
struct Histories {
    #[serde(skip_serializing_if = "Option::is_none")]
    issues: Option<Vec<IssueHistory>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actions: Option<Vec<ActionHistory>>,
}

fn status_letter(status: Status) -> &'static str {
    match status {
        Status::Todo => "T",
        Status::InProgress => "W",
        Status::Done => "D",
        Status::Tbd => "?",
        Status::Blocked => "B",
        _ => "*",
    }
}

fn state_letter(state: TaskState) -> &'static str {
    match state {
        TaskState::Open => "o",
        TaskState::InProgress => "/",
        TaskState::Done => "x",
        TaskState::Cancelled => "-",
        _ => "*",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Todo => "todo",
        Status::InProgress => "in progress",
        Status::Done => "done",
        Status::Tbd => "tbd",
        Status::Blocked => "blocked",
        _ => "other",
    }
}

/// One row per issue or action, one narrow column per meeting under a
/// two-line `MM`/`DD` heading. Only the latest meetings that fit in
/// `$COLUMNS` (default 100) are shown; `none` is the line printed when
/// there is no row.
fn matrix(
    series: &Series,
    title: &str,
    rows: Vec<(String, Vec<String>)>,
    none: &str,
    style: Style,
) -> String {
    if rows.is_empty() {
        return format!("{none}\n");
    }
    let name_width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .chain([title.len()])
        .max()
        .unwrap_or(0);
    let columns: usize = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    let fit = (columns.saturating_sub(name_width + 2) / 3).max(1);
    let skip = series.meetings.len().saturating_sub(fit);
    let shown = series.meetings.get(skip..).unwrap_or_default();

    let mut out = String::new();
    if skip > 0 {
        out.push_str(&style.dim(&format!(
            "({} not shown: widen $COLUMNS or use --json)\n",
            common::plural(skip, "earlier meeting")
        )));
    }
    let heading = |part: fn(time::Date) -> u8, first: &str| {
        let mut line = format!("{first:<name_width$}");
        for meeting in shown {
            let cell = meeting
                .date
                .map_or("??".into(), |d| format!("{:02}", part(d)));
            line.push(' ');
            line.push_str(&cell);
        }
        style.dim(line.trim_end()) + "\n"
    };
    out.push_str(&heading(|d| u8::from(d.month()), ""));
    out.push_str(&heading(|d| d.day(), title));
    for (name, cells) in rows {
        let mut line = style.bold(&format!("{name:<name_width$}"));
        for cell in cells.iter().skip(skip) {
            let cell = format!("{cell:<2}");
            line.push(' ');
            line.push_str(&if cell.trim() == "." {
                style.dim(&cell)
            } else {
                cell
            });
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One cell per meeting: what `at` says for that meeting, or `.`.
fn cells<T>(
    series: &Series,
    sightings: &[T],
    meeting: fn(&T) -> usize,
    at: impl Fn(&T) -> String,
) -> Vec<String> {
    let mut sightings = sightings.iter().peekable();
    (0..series.meetings.len())
        .map(|index| match sightings.next_if(|s| meeting(s) == index) {
            Some(s) => at(s),
            None => ".".to_string(),
        })
        .collect()
}

fn issue_matrix(series: &Series, style: Style) -> String {
    let row = |issue: &IssueHistory| {
        let letters = |s: &IssueSighting| s.statuses.iter().map(|&st| status_letter(st)).collect();
        (
            issue.name(),
            cells(series, &issue.sightings, |s| s.meeting, letters),
        )
    };
    let rows = series.issues.iter().map(row).collect();
    matrix(series, "ISSUE", rows, "no issues in status buckets", style)
}

fn action_matrix(series: &Series, style: Style) -> String {
    let row = |action: &ActionHistory| {
        let letter = |s: &ActionSighting| state_letter(s.state).to_string();
        let name = common::short(&action.text, 40);
        (
            name,
            cells(series, &action.sightings, |s| s.meeting, letter),
        )
    };
    let rows = series.actions.iter().map(row).collect();
    matrix(series, "ACTION", rows, "no actions", style)
}

fn date(series: &Series, index: usize) -> String {
    series
        .meetings
        .get(index)
        .and_then(|m| m.date)
        .map_or("undated".into(), |d| d.to_string())
}

fn issue_detail(series: &Series, issue: &IssueHistory, style: Style) -> String {
    let mut out = format!("{}\n", style.bold(&issue.name()));
    let mut rows = vec![["MEETING", "BUCKETS", "OWNERS"].map(String::from).to_vec()];
    for sighting in &issue.sightings {
        let buckets: Vec<&str> = sighting.statuses.iter().map(|&s| status_name(s)).collect();
        let owners: Vec<String> = sighting.owners.iter().map(|o| format!("@{o}")).collect();
        rows.push(vec![
            date(series, sighting.meeting),
            buckets.join(", "),
            owners.join(" "),
        ]);
    }
    out.push_str(&common::table(&rows, |row, _, cell| {
        if row == 0 {
            style.dim(&cell)
        } else {
            cell
        }
    }));
    for period in &issue.periods {
        let left = period.left.map_or("still there".to_string(), |m| {
            format!("left {}", date(series, m))
        });
        out.push_str(&format!(
            "{}: entered {}, {left}\n",
            status_name(period.status),
            date(series, period.entered)
        ));
    }
    if issue.went_back {
        out.push_str(&style.yellow("went back after Done"));
        out.push('\n');
    }
    if let Some(meeting) = issue.vanished_in {
        out.push_str(&style.yellow(&format!(
            "vanished without reaching Done ({})",
            date(series, meeting)
        )));
        out.push('\n');
    }
    out
}

fn action_detail(series: &Series, action: &ActionHistory, style: Style) -> String {
    let mut out = format!("{}\n", style.bold(&common::short(&action.text, 100)));
    let mut rows = vec![["MEETING", "STATE", "OWNERS", "TEXT"]
        .map(String::from)
        .to_vec()];
    for sighting in &action.sightings {
        let owners: Vec<String> = sighting.owners.iter().map(|o| format!("@{o}")).collect();
        rows.push(vec![
            date(series, sighting.meeting),
            common::json(&sighting.state, false)
                .trim_matches('"')
                .to_string(),
            owners.join(" "),
            common::short(&sighting.text, 60),
        ]);
    }
    out.push_str(&common::table(&rows, |row, _, cell| {
        if row == 0 {
            style.dim(&cell)
        } else {
            cell
        }
    }));
    let status = match (action.closed_in, action.dropped_in) {
        (Some(m), _) => format!("closed {}", date(series, m)),
        (_, Some(m)) => format!("dropped {} without being closed", date(series, m)),
        _ => format!(
            "open since {} ({})",
            date(series, action.first_seen),
            common::plural(action.meetings_seen(), "meeting")
        ),
    };
    out.push_str(&status);
    out.push('\n');
    out
}

/// `timeline --svg`: one picture per series, stacked in one document.
/// Hand-written SVG, because a picture of rows, columns and a legend needs
/// no library.
mod svg {
    use minutes::{ActionHistory, IssueHistory, Series, Status, TaskState};

    /// Glyph width of the 12px monospace font, to size the label column.
    const CHAR: f64 = 7.5;
    const ROW: f64 = 22.0;
    const COLUMN: f64 = 26.0;
    const GAP: f64 = 12.0;
    /// Room for the dates, written at an angle above the columns.
    const HEADER: f64 = 84.0;
    /// Longest row label, in characters.
    const LABEL: usize = 48;

    /// Colours told apart by colour-blind readers too (Okabe and Ito).
    const TODO: &str = "#56B4E9";
    const BUSY: &str = "#E69F00";
    const DONE: &str = "#009E73";
    const TBD: &str = "#CC79A7";
    const BLOCKED: &str = "#D55E00";
    const GREY: &str = "#999999";
    const OTHER: &str = "#F0E442";

    /// A row's cell in one meeting: the colours of its buckets or state
    /// (an issue may sit in two buckets), and a tooltip.
    struct Cell {
        colours: Vec<&'static str>,
        tip: String,
    }

    /// One series drawn: title, column dates, rows, legend.
    pub struct Picture {
        title: String,
        dates: Vec<String>,
        rows: Vec<(String, Vec<Option<Cell>>)>,
        legend: &'static [(&'static str, &'static str)],
    }

    const ISSUE_LEGEND: &[(&str, &str)] = &[
        (TODO, "todo"),
        (BUSY, "in progress"),
        (DONE, "done"),
        (TBD, "tbd"),
        (BLOCKED, "blocked"),
    ];

    const ACTION_LEGEND: &[(&str, &str)] = &[
        (TODO, "open"),
        (BUSY, "in progress"),
        (DONE, "done"),
        (GREY, "cancelled, not applicable"),
        (TBD, "deferred"),
        (OTHER, "other mark"),
    ];

    fn status_colour(status: Status) -> &'static str {
        match status {
            Status::Todo => TODO,
            Status::InProgress => BUSY,
            Status::Done => DONE,
            Status::Tbd => TBD,
            Status::Blocked => BLOCKED,
            _ => OTHER,
        }
    }

    fn state_colour(state: TaskState) -> &'static str {
        match state {
            TaskState::Open => TODO,
            TaskState::InProgress => BUSY,
            TaskState::Done => DONE,
            TaskState::Cancelled | TaskState::NotApplicable => GREY,
            TaskState::Deferred => TBD,
            _ => OTHER,
        }
    }

    impl Picture {
        /// The issues when there are any, else the actions.
        pub fn new(
            series: &Series,
            title: &str,
            issues: &[&IssueHistory],
            actions: &[&ActionHistory],
        ) -> Picture {
            let dates: Vec<String> = series
                .meetings
                .iter()
                .map(|m| m.date.map_or("undated".into(), |d| d.to_string()))
                .collect();
            let blank = || -> Vec<Option<Cell>> { dates.iter().map(|_| None).collect() };
            let mut rows = Vec::new();
            for issue in issues {
                let name = issue.name();
                let mut cells = blank();
                for sighting in &issue.sightings {
                    let names: Vec<&str> = sighting
                        .statuses
                        .iter()
                        .map(|&s| super::status_name(s))
                        .collect();
                    if let Some(cell) = cells.get_mut(sighting.meeting) {
                        *cell = Some(Cell {
                            colours: sighting
                                .statuses
                                .iter()
                                .map(|&s| status_colour(s))
                                .collect(),
                            tip: format!("{name}: {}", names.join(", ")),
                        });
                    }
                }
                rows.push((name, cells));
            }
            for action in actions {
                let name = crate::common::short(&action.text, LABEL);
                let mut cells = blank();
                for sighting in &action.sightings {
                    let state = crate::common::json(&sighting.state, false);
                    if let Some(cell) = cells.get_mut(sighting.meeting) {
                        *cell = Some(Cell {
                            colours: vec![state_colour(sighting.state)],
                            tip: format!("{}: {}", sighting.text, state.trim_matches('"')),
                        });
                    }
                }
                rows.push((name, cells));
            }
            let (what, legend) = if actions.is_empty() {
                ("issue", ISSUE_LEGEND)
            } else {
                ("action", ACTION_LEGEND)
            };
            Picture {
                title: format!("{title}: {}", crate::common::plural(rows.len(), what)),
                dates,
                rows,
                legend,
            }
        }

        fn label_width(&self) -> f64 {
            let longest = self.rows.iter().map(|(name, _)| name.chars().count());
            longest.max().unwrap_or(0).min(LABEL) as f64 * CHAR + GAP
        }

        fn width(&self) -> f64 {
            let legend: usize = self.legend.iter().map(|(_, name)| name.len() + 5).sum();
            let grid = GAP + self.label_width() + self.dates.len() as f64 * COLUMN;
            let title = self.title.chars().count() as f64 * CHAR;
            // The last date leans out to the right of its column.
            (grid + 48.0).max(legend as f64 * CHAR).max(title) + 2.0 * GAP
        }

        fn height(&self) -> f64 {
            30.0 + HEADER + self.rows.len().max(1) as f64 * ROW + GAP + 30.0
        }

        /// The picture's elements, with its top at `top`.
        fn draw(&self, top: f64, out: &mut String) {
            let left = GAP + self.label_width();
            out.push_str(&format!(
                "<text x=\"{GAP}\" y=\"{}\" class=\"title\">{}</text>\n",
                top + 20.0,
                escape(&self.title)
            ));
            let grid_top = top + 30.0 + HEADER;
            for (column, date) in self.dates.iter().enumerate() {
                let x = left + column as f64 * COLUMN + COLUMN / 2.0;
                out.push_str(&format!(
                    "<text x=\"{x}\" y=\"{}\" transform=\"rotate(-55 {x} {})\" class=\"date\">{}</text>\n",
                    grid_top - 6.0,
                    grid_top - 6.0,
                    escape(date)
                ));
            }
            if self.rows.is_empty() {
                out.push_str(&format!(
                    "<text x=\"{GAP}\" y=\"{}\" class=\"label\">nothing to show</text>\n",
                    grid_top + 15.0
                ));
            }
            for (row, (name, cells)) in self.rows.iter().enumerate() {
                let y = grid_top + row as f64 * ROW;
                if row % 2 == 1 {
                    out.push_str(&format!(
                        "<rect x=\"{GAP}\" y=\"{y}\" width=\"{}\" height=\"{ROW}\" class=\"stripe\"/>\n",
                        left - GAP + self.dates.len() as f64 * COLUMN
                    ));
                }
                out.push_str(&format!(
                    "<text x=\"{GAP}\" y=\"{}\" class=\"label\">{}</text>\n",
                    y + 15.0,
                    escape(name)
                ));
                for (column, cell) in cells.iter().enumerate() {
                    let x = left + column as f64 * COLUMN;
                    let Some(cell) = cell else {
                        out.push_str(&format!(
                            "<circle cx=\"{}\" cy=\"{}\" r=\"1.5\" class=\"absent\"/>\n",
                            x + COLUMN / 2.0,
                            y + ROW / 2.0
                        ));
                        continue;
                    };
                    // Two buckets at once: the cell split in stripes.
                    let part = (ROW - 6.0) / cell.colours.len().max(1) as f64;
                    out.push_str(&format!(
                        "<g><title>{} ({})</title>",
                        escape(&cell.tip),
                        escape(self.dates.get(column).map_or("", String::as_str))
                    ));
                    for (n, colour) in cell.colours.iter().enumerate() {
                        out.push_str(&format!(
                            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{part}\" fill=\"{colour}\"/>",
                            x + 2.0,
                            y + 3.0 + n as f64 * part,
                            COLUMN - 4.0
                        ));
                    }
                    out.push_str("</g>\n");
                }
            }
            let mut x = GAP;
            let y = grid_top + self.rows.len().max(1) as f64 * ROW + GAP;
            for (colour, name) in self.legend {
                out.push_str(&format!(
                    "<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{colour}\"/>\n<text x=\"{}\" y=\"{}\" class=\"label\">{}</text>\n",
                    x + 19.0,
                    y + 12.0,
                    escape(name)
                ));
                x += (name.len() + 5) as f64 * CHAR;
            }
        }
    }

    /// The SVG document of `pictures`, one under the other; series with
    /// nothing to draw are left out, unless all are empty.
    pub fn document(pictures: &[Picture]) -> String {
        let drawn: Vec<&Picture> = pictures.iter().filter(|p| !p.rows.is_empty()).collect();
        let pictures = match drawn.as_slice() {
            [] => pictures.iter().take(1).collect(),
            _ => drawn,
        };
        let width = pictures.iter().map(|p| p.width()).fold(320.0, f64::max);
        let height: f64 = pictures.iter().map(|p| p.height()).sum();
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n\
             <style>\n\
             text {{ font: 12px ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace; fill: #222; }}\n\
             .title {{ font-size: 14px; font-weight: bold; }}\n\
             .date {{ fill: #555; }}\n\
             .stripe {{ fill: #f3f3f3; }}\n\
             .absent {{ fill: #bbb; }}\n\
             </style>\n\
             <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        );
        let mut top = 0.0;
        for picture in pictures {
            picture.draw(top, &mut out);
            top += picture.height();
        }
        out.push_str("</svg>\n");
        out
    }

    /// Text as XML character data or attribute value.
    pub fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                // Control characters other than tab and newline are not XML.
                c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{fffd}'),
                c => out.push(c),
            }
        }
        out
    }
}
