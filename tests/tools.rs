//! The example tools in pipes, on full disks, on unreadable notes and on
//! folders of several projects (issue 14), and `lint --format` (issue 16).
//!
//! The binaries come from `support/examples.rs`.

#[path = "../examples/common/mod.rs"]
mod tool_common;

#[path = "support/examples.rs"]
mod examples;

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use examples::tool;
use std::process::{Output, Stdio};

const NOTE: &str = include_str!("../examples/data/dragonfly-2025-10-28.md");

fn run(name: &str, args: &[&str]) -> Output {
    tool(name).args(args).output().expect("the tool runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder under the system's temporary folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("minutes-tools-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        Scratch(dir)
    }

    fn write(&self, path: &str, bytes: &[u8]) -> &Scratch {
        let path = self.0.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(path, bytes).expect("a note");
        self
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary folder")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every tool, with arguments that make it print something.
const TOOLS: [(&str, &[&str]); 5] = [
    ("notes2json", &[]),
    ("lint", &[]),
    ("actions", &[]),
    ("timeline", &[]),
    ("next", &["--date", "2025-11-25"]),
];

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let notes = Scratch::new("pipe");
    // Far more JSON than a pipe buffers, so writes go on after the close.
    for n in 1..=60 {
        notes.write(&format!("n{n:02}.md"), NOTE.as_bytes());
    }
    let mut child = tool("notes2json")
        .args(["--jsonl", notes.path()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("notes2json runs");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    // `head -1`: the reader goes away after one line.
    assert!(first.starts_with("{\"version\":1,"), "{first}");
    let output = child.wait_with_output().expect("it ends");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
}

#[test]
#[cfg(target_os = "linux")]
fn a_failed_write_is_a_message_and_exit_4_for_every_tool() {
    for (name, args) in TOOLS.iter().chain([("lint", &["--help"][..])].iter()) {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let output = tool(name)
            .args(*args)
            .stdout(full)
            .output()
            .expect("the tool runs");
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(4), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("{name}: cannot write the output: ")),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn an_unreadable_note_is_reported_and_skipped_with_exit_3() {
    let notes = Scratch::new("unreadable");
    notes
        .write("dragonfly/2025-10-28.md", NOTE.as_bytes())
        .write("dragonfly/2025-11-11.md", b"# Sync\n\n- [ ] caf\xe9 @ann\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent", notes.0.join("dragonfly/gone.md"))
        .expect("a dangling link");
    for (name, args) in TOOLS {
        let mut args = args.to_vec();
        args.push(notes.path());
        let output = run(name, &args);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{name}: {stderr}");
        assert!(
            stderr.contains("2025-11-11.md: not UTF-8 at byte 17; skipped"),
            "{name}: {stderr}"
        );
        if cfg!(unix) {
            assert!(stderr.contains("gone.md: "), "{name}: {stderr}");
        }
        assert!(
            stderr.contains("skipped (exit status 3)"),
            "{name}: {stderr}"
        );
        // The readable note was processed.
        assert!(!output.stdout.is_empty(), "{name}");
    }
    let json = text(&run("notes2json", &[notes.path()]).stdout);
    assert!(json.contains("\"title\":\"Maintainer Meeting\""));
    // Several notes found make an array, however many could be read.
    assert!(json.starts_with('['), "{json}");
    // Nothing readable at all is a usage error.
    let bad = Scratch::new("nothing-readable");
    bad.write("a.md", b"\xff");
    assert_eq!(run("lint", &[bad.path()]).status.code(), Some(2));
    assert_eq!(run("lint", &["/no/such/notes"]).status.code(), Some(2));
}

#[test]
fn each_folder_is_a_series_unless_merged() {
    let notes = Scratch::new("folders");
    let note = |title: &str| format!("# {title} 2025-10-28\n\n## Actions\n\n- [ ] ship it @ann\n");
    notes
        .write("alpha/2025-10-28.md", note("Alpha").as_bytes())
        .write("beta/2025-10-28/README.md", note("Beta").as_bytes());

    let lint = run("lint", &[notes.path()]);
    assert_eq!(lint.status.code(), Some(0));
    let report = text(&lint.stdout);
    assert!(!report.contains("duplicate-date"), "{report}");
    assert!(
        report.ends_with("2 notes checked: 0 errors, 0 warnings\n"),
        "{report}"
    );
    let merged = text(&run("lint", &["--merge", notes.path()]).stdout);
    assert!(merged.contains("duplicate-date"), "{merged}");
    assert!(merged.ends_with("0 errors, 1 warning\n"), "{merged}");

    let json = |args: &[&str]| -> serde_json::Value {
        serde_json::from_slice(&run("actions", args).stdout).expect("JSON")
    };
    let split = json(&["--json", notes.path()]);
    let folders: Vec<String> = split["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|s| s["folder"].as_str().expect("a folder").replace('\\', "/"))
        .collect();
    // The dated folder `2025-10-28/` belongs to `beta`.
    assert_eq!(folders.len(), 2, "{folders:?}");
    assert!(folders[0].ends_with("/alpha") && folders[1].ends_with("/beta"));
    assert_eq!(
        split["series"][0]["open_actions"].as_array().map(Vec::len),
        Some(1)
    );
    let one = json(&["--json", "--merge", notes.path()]);
    assert_eq!(one["series"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["series"][0]["folder"], serde_json::Value::Null);
    // One action in both folders, at the same date: two tracks.
    assert_eq!(
        one["series"][0]["meetings"].as_array().map(Vec::len),
        Some(2)
    );

    // `next` drafts one project's note.
    assert_eq!(run("next", &[notes.path()]).status.code(), Some(2));
    assert_eq!(
        run("next", &["--merge", notes.path()]).status.code(),
        Some(0)
    );
}

#[test]
fn counts_are_singular_for_one() {
    let notes = Scratch::new("plural");
    notes.write("a.md", b"# Sync 2025-01-02\n\n- [] x\n");
    let lint = run("lint", &[notes.path()]);
    assert!(
        text(&lint.stdout).ends_with("1 note checked: 0 errors, 1 warning\n"),
        "{}",
        text(&lint.stdout)
    );
    assert_eq!(tool_common::plural(0, "note"), "0 notes");
    assert_eq!(tool_common::plural(2, "error"), "2 errors");
}

#[test]
fn colour_only_on_a_terminal_without_no_color_or_term_dumb() {
    use tool_common::Style;
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            let found = pairs.iter().find(|(key, _)| *key == name);
            found.map(|(_, value)| OsString::from(value))
        }
    };
    assert!(Style::choose(true, env(&[("TERM", "xterm-256color")])).is_color());
    assert!(Style::choose(true, env(&[])).is_color());
    assert!(!Style::choose(false, env(&[("TERM", "xterm")])).is_color());
    assert!(!Style::choose(true, env(&[("TERM", "dumb")])).is_color());
    assert!(!Style::choose(true, env(&[("NO_COLOR", "1")])).is_color());
    // An empty NO_COLOR does not count (no-color.org).
    assert!(Style::choose(true, env(&[("NO_COLOR", "")])).is_color());
    // Not a terminal here: no escape codes whatever TERM says.
    let lint = tool("lint").env("TERM", "xterm").output().expect("lint");
    assert!(!lint.stdout.contains(&0x1b));
}

#[test]
fn series_folders_skip_date_and_year_folders() {
    let folder = |path: &str| tool_common::series_folder(Path::new(path)).replace('\\', "/");
    assert_eq!(
        folder("notes/dragonfly/2025-10-14/README.md"),
        "notes/dragonfly"
    );
    assert_eq!(folder("wasm/main/2018/CG-03-20.md"), "wasm/main");
    assert_eq!(folder("harbor/20251016.md"), "harbor");
    assert_eq!(folder("2025-10-14.md"), ".");
    assert_eq!(folder("2025/10/14.md"), ".");
}

#[test]
fn help_lists_the_exit_codes() {
    for (name, _) in TOOLS {
        let help = run(name, &["--help"]);
        assert_eq!(help.status.code(), Some(0));
        let help = text(&help.stdout);
        for code in ["    0  ", "    2  ", "    3  ", "    4  "] {
            assert!(help.contains(code), "{name} --help: {code}");
        }
    }
    assert!(text(&run("lint", &["--help"]).stdout).contains("    1  an error was found"));
    let unknown = run("actions", &["--frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown option --frobnicate"));
}

#[test]
fn lint_exits_1_on_an_error() {
    let notes = Scratch::new("lint-error");
    let mut deep = String::from("# Deep 2025-01-02\n\n");
    for level in 0..40 {
        deep.push_str(&"  ".repeat(level));
        deep.push_str("- item\n");
    }
    notes.write("deep.md", deep.as_bytes());
    let lint = run("lint", &[notes.path()]);
    assert_eq!(lint.status.code(), Some(1), "{}", text(&lint.stdout));
    assert!(text(&lint.stdout).contains("error[nesting-too-deep]"));
}

#[test]
fn lint_speaks_github_workflow_commands() {
    let notes = Scratch::new("github");
    notes.write(
        "odd, name: 100%.md",
        "# Sync 2025-01-02\n\nAttendees:\n\n- Ann (Acme\n\n## x\n\n- [] é\r\n".as_bytes(),
    );
    let lint = run("lint", &["--format", "github", notes.path()]);
    assert_eq!(lint.status.code(), Some(0));
    let out = text(&lint.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    for line in &lines {
        assert!(line.starts_with("::warning file="), "{line}");
        assert!(line.contains("odd%2C name%3A 100%25.md,line="), "{line}");
    }
    assert!(
        lines[1].ends_with(",line=9,col=3,endLine=9,endColumn=5,title=empty-task-marker::task checkbox `[]` has no space inside; read as open (`[ ]`)"),
        "{}",
        lines[1]
    );
    // The summary goes to stderr, so stdout holds commands only.
    assert!(text(&lint.stderr).contains("1 note checked: 0 errors, 2 warnings"));
    let json = run("lint", &["--format", "json", notes.path()]);
    let objects: Vec<serde_json::Value> = text(&json.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[1]["version"], 1);
    assert_eq!(objects[1]["line"], 9);
    assert_eq!(objects[1]["column"], 3);
    assert_eq!(objects[1]["code"], "empty-task-marker");
    assert_eq!(run("lint", &["--format", "xml"]).status.code(), Some(2));
}

/// `timeline --svg` on the built-in sample is `tests/snapshots/timeline-sample.svg`
/// (`BLESS=1` rewrites it; look at it, e.g. `rsvg-convert` it to PNG, before
/// committing).
#[test]
fn timeline_svg_matches_its_snapshot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/timeline-sample.svg");
    let svg = run("timeline", &["--svg"]);
    assert_eq!(svg.status.code(), Some(0));
    let svg = text(&svg.stdout);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &svg).expect("the snapshot is written");
    }
    let expected = std::fs::read_to_string(&path).expect("the snapshot");
    assert!(
        svg == expected,
        "timeline --svg differs from {}",
        path.display()
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for part in [
        "2025-10-14",
        "dragonflyoss/dragonfly#4025",
        "in progress",
        "</svg>",
    ] {
        assert!(svg.contains(part), "{part}");
    }
}

#[test]
fn timeline_svg_escapes_text_and_draws_every_folder() {
    let notes = Scratch::new("svg");
    notes
        .write(
            "a/2025-01-02.md",
            b"# A\n\n- [ ] fix <b>&\"quotes\" 'too'</b> @ann\n",
        )
        .write("b/2025-01-09.md", b"# B\n\n- [x] other @bo\n");
    let svg = text(&run("timeline", &["--svg", "--actions", notes.path()]).stdout);
    assert!(
        svg.contains("fix &lt;b&gt;&amp;&quot;quotes&quot; &apos;too&apos;&lt;/b&gt; @ann"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    assert_eq!(
        svg.matches("class=\"title\"").count(),
        2,
        "one picture per folder"
    );
    let both = run("timeline", &["--svg", "--json"]);
    assert_eq!(both.status.code(), Some(2));
}
