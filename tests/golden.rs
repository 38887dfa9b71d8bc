//! Golden files: the JSON model of every note in `../shared/corpus/`,
//! reviewed by hand against the source, one pretty JSON file per note in
//! `tests/golden/<project>/<note>.json`. Any difference fails.
//!
//! After a deliberate change, re-bless and review the diff before committing:
//!
//! ```text
//! BLESS=1 cargo test --test golden && git diff --stat tests/golden
//! ```
//!
//! The date hint comes from the file name, as `notes2json` passes it.

mod common;

use std::path::Path;

#[test]
fn corpus_matches_golden_files() {
    let manifest = common::crate_root();
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let notes = common::corpus_files();
    for (path, text) in &notes {
        let (Some(project), Some(stem)) =
            (path.parent().and_then(Path::file_name), path.file_stem())
        else {
            continue;
        };
        let golden = manifest
            .join("tests/golden")
            .join(project)
            .join(format!("{}.json", stem.to_string_lossy()));
        let meeting = common::parse_path(path, text);
        let json = serde_json::to_string_pretty(&meeting).expect("the model serializes") + "\n";
        if bless {
            std::fs::create_dir_all(golden.parent().expect("golden files have a folder"))
                .expect("golden folder is writable");
            std::fs::write(&golden, &json).expect("golden file is writable");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == json => {}
            Ok(want) => {
                let line = want
                    .lines()
                    .zip(json.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(want.lines().count().min(json.lines().count()));
                failures.push(format!(
                    "{}: differs from {} at line {}:\n  golden: {}\n  now:    {}",
                    path.display(),
                    golden.display(),
                    line + 1,
                    want.lines().nth(line).unwrap_or("(end)"),
                    json.lines().nth(line).unwrap_or("(end)")
                ));
            }
            Err(err) => failures.push(format!("{}: {}: {err}", path.display(), golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} notes differ from their golden files (re-bless with `BLESS=1 cargo test --test golden` after review):\n{}",
        failures.len(),
        notes.len(),
        failures.join("\n")
    );
}
