//! Inputs and reference parsers shared by the benchmarks and the allocation
//! report, so that every number compares the same work on the same bytes.
#![allow(dead_code)] // each bench target uses a different part

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One typical note, embedded so that the benches run anywhere.
pub const NOTE: &str = include_str!("../../examples/data/dragonfly-2025-10-28.md");

/// Size of each pathological input.
pub const PATHOLOGICAL_SIZE: usize = 1 << 20;

/// The sizes of the scaling group.
pub const SCALING_SIZES: [(&str, usize); 4] = [
    ("100KB", 100_000),
    ("1MiB", 1 << 20),
    ("4MiB", 4 << 20),
    ("16MiB", 16 << 20),
];

/// The shared corpus concatenated (every `*.md`, sorted by path, a blank
/// line between notes). Without `../shared/corpus` it prints a note and
/// falls back to [`NOTE`] repeated to the corpus's size (0.9 MB).
pub fn corpus() -> String {
    let notes = corpus_notes();
    if notes.is_empty() {
        return repeat_to(NOTE, 915_000);
    }
    notes.into_iter().map(|(_, text)| text).collect()
}

/// Every note of the corpus, separated by NUL bytes (which no note holds),
/// for [`each_note`]: the corpus as a user reads it, one document per file.
/// Concatenated, one note's unclosed fence (rust-lang-team 2020-04-02)
/// turns the 56 % of the corpus after it into a single code block.
/// Without `../shared/corpus` it falls back to [`NOTE`] repeated.
pub fn notes() -> String {
    let notes = corpus_notes();
    if notes.is_empty() {
        return vec![NOTE; 300].join("\0");
    }
    let texts: Vec<String> = notes.into_iter().map(|(_, text)| text).collect();
    texts.join("\0")
}

/// Runs `parse` on each note of [`notes`]' output, as a document of its own.
pub fn each_note(notes: &str, parse: fn(&str) -> usize) -> usize {
    notes.split('\0').map(parse).sum()
}

/// The base of the scaling group: notes taken from each project in turn,
/// as many as fit in 100 KB. Every size repeats this same text (100 KB is
/// the base itself), so the time per byte compares the same content at
/// every size; a prefix of the corpus would be one project's notes only.
pub fn scaling_base() -> String {
    let notes = corpus_notes();
    let mut projects: Vec<(&Path, Vec<&str>)> = Vec::new();
    for (path, text) in &notes {
        let project = path.parent().unwrap_or(path);
        match projects.iter_mut().find(|(p, _)| *p == project) {
            Some((_, texts)) => texts.push(text),
            None => projects.push((project, vec![text])),
        }
    }
    let mut base = String::new();
    let longest = projects.iter().map(|(_, t)| t.len()).max().unwrap_or(0);
    for i in 0..longest {
        for (_, texts) in &projects {
            if let Some(text) = texts.get(i) {
                if base.len() + text.len() <= 100_000 {
                    base.push_str(text);
                }
            }
        }
    }
    if base.is_empty() {
        return repeat_to(NOTE, 100_000);
    }
    base
}

/// The corpus's notes with their paths, each followed by a blank line;
/// empty (with a printed note) when the folder is missing.
fn corpus_notes() -> Vec<(PathBuf, String)> {
    // This package is `benches/`; the corpus lies beside the crate.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut files = Vec::new();
    collect_markdown(&dir, &mut files);
    files.sort();
    let mut notes = Vec::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "README.md") && file.parent() == Some(&dir) {
            continue; // the corpus's own description, not a note
        }
        if let Ok(text) = std::fs::read_to_string(&file) {
            notes.push((file, text + "\n\n"));
        }
    }
    if notes.is_empty() {
        eprintln!(
            "note: {} not found; using the embedded sample repeated instead",
            dir.display()
        );
    }
    notes
}

fn collect_markdown(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_markdown(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// `text` repeated up to `size` bytes, cut after the last whole line.
pub fn repeat_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size {
        out.push_str(text);
    }
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = out[..cut].rfind('\n').map_or(cut, |nl| nl + 1);
    out.truncate(cut);
    out
}

/// Hostile inputs of about [`PATHOLOGICAL_SIZE`] bytes each: the repeated
/// pieces sit inside one list item, since only items are scanned for inlines,
/// and one long line is the worst case for the inline scanner.
pub fn pathological() -> Vec<(&'static str, String)> {
    let item = |piece: &str| format!("- {}\n", piece.repeat(PATHOLOGICAL_SIZE / piece.len()));
    let mut inputs: Vec<(&'static str, String)> = [
        ("open-brackets", "["),
        ("link-openers", "]("),
        ("angles", "<"),
        ("backticks", "`"),
        ("stars", "*"),
        ("hashes", "#"),
        ("at-signs", "@"),
        ("github-urls", "https://github.com/"),
    ]
    .into_iter()
    .map(|(name, piece)| (name, item(piece)))
    .collect();
    // List items nested 1000 deep (the indentation makes it ~1 MB).
    let lists: String = (0..1000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    inputs.push(("nested-lists", lists));
    inputs.push((
        "nested-quotes",
        repeat_to(&format!("{}x\n", "> ".repeat(1000)), PATHOLOGICAL_SIZE),
    ));
    inputs.push((
        "nested-brackets",
        repeat_to(
            &format!("- {}x{}\n", "[".repeat(1000), "](u)".repeat(1000)),
            PATHOLOGICAL_SIZE,
        ),
    ));
    inputs
}

/// pulldown-cmark's bare event stream with task lists, every event consumed.
pub fn pulldown_events(input: &str) -> usize {
    Parser::new_ext(input, Options::ENABLE_TASKLISTS).count()
}

/// A task as a pulldown-cmark user would collect it.
#[derive(Debug, Default)]
pub struct UserTask {
    pub done: bool,
    pub text: String,
    pub owners: Vec<String>,
}

/// What a user extracts from pulldown-cmark's events.
#[derive(Debug, Default)]
pub struct Extracted {
    pub tasks: Vec<UserTask>,
    pub handles: Vec<String>,
    pub issue_urls: Vec<String>,
}

/// pulldown-cmark plus the extraction a user would write: tasks with their
/// text and trailing `@owners`, every `@handle`, and GitHub issue and pull
/// request URLs from links and text.
pub fn pulldown_extract(input: &str) -> Extracted {
    let mut out = Extracted::default();
    // Open items: `Some(task index)` when the item is a task.
    let mut items: Vec<Option<usize>> = Vec::new();
    let mut in_code = false;
    for event in Parser::new_ext(input, Options::ENABLE_TASKLISTS) {
        match event {
            Event::Start(Tag::Item) => items.push(None),
            Event::End(TagEnd::Item) => {
                if let Some(Some(task)) = items.pop() {
                    let task = &mut out.tasks[task];
                    task.owners = trailing_handles(&task.text);
                }
            }
            Event::TaskListMarker(done) => {
                if let Some(slot) = items.last_mut() {
                    *slot = Some(out.tasks.len());
                    out.tasks.push(UserTask {
                        done,
                        ..UserTask::default()
                    });
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { dest_url, .. }) if is_issue_url(&dest_url) => {
                out.issue_urls.push(dest_url.to_string());
            }
            Event::Text(text) if !in_code => {
                for word in text.split_whitespace() {
                    if let Some(handle) = handle(word) {
                        out.handles.push(handle.to_string());
                    } else if let Some(start) = word.find("https://github.com/") {
                        let url = word[start..].trim_end_matches(['.', ',', ')', '>']);
                        if is_issue_url(url) {
                            out.issue_urls.push(url.to_string());
                        }
                    }
                }
                if let Some(Some(task)) = items.last() {
                    out.tasks[*task].text.push_str(&text);
                }
            }
            Event::Code(code) => {
                if let Some(Some(task)) = items.last() {
                    out.tasks[*task].text.push_str(&code);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(Some(task)) = items.last() {
                    out.tasks[*task].text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// `@login` at the start of a word (after an opening parenthesis at most).
fn handle(word: &str) -> Option<&str> {
    let rest = word.trim_start_matches('(').strip_prefix('@')?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    (len > 0).then(|| &rest[..len])
}

fn trailing_handles(text: &str) -> Vec<String> {
    let mut owners: Vec<String> = text
        .split_whitespace()
        .rev()
        .map_while(handle)
        .map(str::to_string)
        .collect();
    owners.reverse();
    owners
}

fn is_issue_url(url: &str) -> bool {
    let Some(path) = url.strip_prefix("https://github.com/") else {
        return false;
    };
    let mut parts = path.split('/');
    let (Some(_owner), Some(_repo), Some(kind), Some(number)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    matches!(kind, "issues" | "pull")
        && number
            .split(['#', '?'])
            .next()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `minutes::parse`, with its result kept alive until the work is counted.
pub fn minutes_parse(input: &str) -> usize {
    let meeting = minutes::parse(input);
    meeting.items.len() + meeting.sections.len() + meeting.diagnostics.len()
}
