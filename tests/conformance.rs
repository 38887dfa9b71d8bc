//! The conformance suite: table-driven cases for handles, references, task
//! states and dates, read from `tests/conformance/*.json`.
//!
//! Each file is a JSON array of cases:
//!
//! ```json
//! {
//!   "description": "what the case shows",
//!   "input": "- [ ] fix it @alice",
//!   "options": { "default_repository": "owner/repo", "task_dialect": "gfm", "date_hint": "2025-10-14" },
//!   "expect": { "/items/0/owners": ["alice"] },
//!   "diagnostics": ["empty-task-marker"],
//!   "done_with_subtasks": [false],
//!   "open_actions": ["fix it @alice"]
//! }
//! ```
//!
//! `expect` maps JSON pointers into the serialized model (the public JSON
//! contract) to the value expected there. Objects match when every key they
//! name matches (other keys are ignored), arrays match element by element and
//! must have the same length, other values must be equal. A pointer that does
//! not exist matches only `null`. `diagnostics`, when present, lists the codes
//! of all diagnostics in order; `done_with_subtasks` lists
//! [`Item::is_done_with_subtasks`](minutes::Item::is_done_with_subtasks) for
//! each top-level item; `open_actions` the texts of
//! [`Meeting::open_actions`](minutes::Meeting::open_actions).
//!
//! `mentions.json` and `peer_references.json` port the cases of peers
//! (GitHub's mention and issue-reference filters as in html-pipeline,
//! rust-lang/triagebot, conventional-changelog's commit parser, GitHub's
//! documented autolinked references). Each such case agrees with GitHub, or
//! says why it does not in `"difference": "reason"`: the case then asserts
//! our behaviour, and the runner prints how many deliberate differences there
//! are (`cargo test --test conformance -- --nocapture` shows them).
//! `"source"` names the peer a case comes from.

use std::path::Path;

use minutes::{Meeting, Options, TaskDialect};
use serde_json::Value;

const MIN_CASES: usize = 150;

#[test]
fn conformance() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/conformance exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();

    let mut cases = 0;
    let mut differences = Vec::new();
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable case file");
        let table: Vec<Value> = serde_json::from_str(&text)
            .unwrap_or_else(|err| panic!("{}: not a JSON array of cases: {err}", file.display()));
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for case in &table {
            cases += 1;
            let description = case["description"].as_str().unwrap_or("(no description)");
            match case.get("difference") {
                Some(Value::String(why)) if !why.trim().is_empty() => {
                    differences.push(format!("{name}: {description}: {why}"));
                }
                Some(_) => failures.push(format!(
                    "{name}: {description}: `difference` must be a non-empty reason"
                )),
                None => {}
            }
            for problem in run_case(case) {
                failures.push(format!("{name}: {description}: {problem}"));
            }
        }
    }
    println!(
        "{cases} conformance cases, {} deliberate differences from GitHub:",
        differences.len()
    );
    for difference in &differences {
        println!("  {difference}");
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} conformance cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        cases >= MIN_CASES,
        "only {cases} conformance cases; the suite promises {MIN_CASES}"
    );
}

/// Runs one case and returns what did not match.
fn run_case(case: &Value) -> Vec<String> {
    let Some(input) = case["input"].as_str() else {
        return vec!["case has no string `input`".into()];
    };
    let options = match options(&case["options"]) {
        Ok(options) => options,
        Err(err) => return vec![err],
    };
    let meeting = minutes::parse_with(input, &options);
    let model = serde_json::to_value(&meeting).expect("the model serializes");

    let mut problems = Vec::new();
    let Some(expect) = case["expect"].as_object() else {
        return vec!["case has no `expect` object".into()];
    };
    for (pointer, expected) in expect {
        let actual = model.pointer(pointer).unwrap_or(&Value::Null);
        if let Err(why) = matches(expected, actual, pointer) {
            problems.push(format!("{why}\n    actual {pointer} = {actual}"));
        }
    }
    if let Some(codes) = case.get("diagnostics") {
        let actual: Vec<Value> = meeting
            .diagnostics
            .iter()
            .map(|d| Value::from(d.code.as_str()))
            .collect();
        if codes != &Value::Array(actual.clone()) {
            problems.push(format!(
                "diagnostics: expected {codes}, got {}",
                Value::Array(actual)
            ));
        }
    }
    if let Some(expected) = case.get("done_with_subtasks") {
        let actual = done_with_subtasks(&meeting);
        if expected != &actual {
            problems.push(format!(
                "done_with_subtasks: expected {expected}, got {actual}"
            ));
        }
    }
    if let Some(expected) = case.get("open_actions") {
        let actual: Value = meeting
            .open_actions()
            .map(|item| Value::from(item.text.as_ref()))
            .collect();
        if expected != &actual {
            problems.push(format!("open_actions: expected {expected}, got {actual}"));
        }
    }
    problems
}

fn done_with_subtasks(meeting: &Meeting<'_>) -> Value {
    let items = meeting
        .items
        .iter()
        .chain(meeting.all_sections().flat_map(|s| s.items.iter()));
    Value::Array(
        items
            .map(|item| Value::Bool(item.is_done_with_subtasks()))
            .collect(),
    )
}

fn options(value: &Value) -> Result<Options, String> {
    let mut options = Options::new();
    let Some(map) = value.as_object() else {
        return Ok(options);
    };
    for (key, value) in map {
        let text = value
            .as_str()
            .ok_or_else(|| format!("option {key} is not a string"))?;
        options = match key.as_str() {
            "default_repository" => {
                let (owner, repo) = text
                    .split_once('/')
                    .ok_or_else(|| format!("default_repository {text:?} is not owner/repo"))?;
                options.default_repository(owner, repo)
            }
            "task_dialect" => match text {
                "gfm" => options.task_dialect(TaskDialect::Gfm),
                "extended" => options.task_dialect(TaskDialect::Extended),
                other => return Err(format!("unknown task_dialect {other:?}")),
            },
            "date_hint" => {
                let date = minutes::date_from_path(text)
                    .ok_or_else(|| format!("date_hint {text:?} is not a date"))?;
                options.date_hint(date)
            }
            other => return Err(format!("unknown option {other:?}")),
        };
    }
    Ok(options)
}

/// Whether `actual` has what `expected` asks for (see the module docs).
fn matches(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(want), Value::Object(have)) => {
            for (key, value) in want {
                matches(
                    value,
                    have.get(key).unwrap_or(&Value::Null),
                    &format!("{path}/{key}"),
                )?;
            }
            Ok(())
        }
        (Value::Array(want), Value::Array(have)) => {
            if want.len() != have.len() {
                return Err(format!(
                    "{path}: expected {} elements, got {}",
                    want.len(),
                    have.len()
                ));
            }
            for (i, (w, h)) in want.iter().zip(have).enumerate() {
                matches(w, h, &format!("{path}/{i}"))?;
            }
            Ok(())
        }
        (want, have) if want == have => Ok(()),
        (want, have) => Err(format!("{path}: expected {want}, got {have}")),
    }
}
