//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The crate's folder, also from the test packages of the workspace
/// (`tests/schema`): the nearest folder up that has `src/lib.rs`.
pub fn crate_root() -> &'static Path {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|dir| dir.join("src/lib.rs").is_file())
        .unwrap_or(manifest)
}

/// `../shared/corpus`, or `None` when this checkout has no shared folder
/// beside it, as when the crate is cloned alone. Then the corpus tests pass
/// without checking anything, so the note goes straight to the terminal:
/// `eprintln!` would be captured and shown only for failing tests.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = crate_root().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    static NOTE: std::sync::Once = std::sync::Once::new();
    NOTE.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "note: {} is missing: the tests that read the shared corpus of real notes are \
             skipped (see the README's set-up)",
            dir.display()
        );
    });
    None
}

/// Every `*.md` file of the corpus except its README, sorted, with its text.
pub fn corpus_files() -> Vec<(PathBuf, String)> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus folder is readable") {
            let path = entry.expect("corpus entry is readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && path.file_name().is_some_and(|n| n != "README.md")
            {
                let text = std::fs::read_to_string(&path).expect("corpus files are UTF-8");
                files.push((path, text));
            }
        }
    }
    files.sort();
    files
}

/// Parses `text` with the date hint its path carries, as `notes2json` does.
pub fn parse_path<'a>(path: &Path, text: &'a str) -> minutes::Meeting<'a> {
    let mut options = minutes::Options::new();
    if let Some(date) = minutes::date_from_path(path) {
        options = options.date_hint(date);
    }
    minutes::parse_with(text, &options)
}
