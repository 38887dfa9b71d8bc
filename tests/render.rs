//! `render` writes a meeting back as Markdown that parses to the same model,
//! and `render_next` drafts the next meeting from the latest one.

mod common;

use minutes::{Code, Meeting, Options};
use serde_json::Value;

/// Diagnostics about source structure the model does not keep, which the
/// canonical form therefore cannot reproduce.
const NORMALIZED_CODES: &[Code] = &[
    Code::UnclosedFence,
    Code::UnclosedFrontMatter,
    Code::NestingTooDeep,
];

/// Corpus files that cannot round-trip because of the parser, with the reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

/// The model as JSON without spans (they index the source, which differs)
/// and without the diagnostics the canonical form normalizes away.
fn comparable(meeting: &Meeting<'_>) -> Value {
    let mut value = serde_json::to_value(meeting).expect("serializes");
    if let Some(Value::Array(diagnostics)) = value.get_mut("diagnostics") {
        let normalized: Vec<&str> = NORMALIZED_CODES.iter().map(|c| c.as_str()).collect();
        diagnostics.retain(|d| {
            d.get("code")
                .and_then(Value::as_str)
                .map_or(true, |code| !normalized.contains(&code))
        });
    }
    let mut stack = vec![&mut value];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                map.remove("span");
                stack.extend(map.values_mut());
            }
            Value::Array(values) => stack.extend(values.iter_mut()),
            _ => {}
        }
    }
    value
}

fn options_for(path: &std::path::Path) -> Options {
    let mut options = Options::new();
    if let Some(date) = minutes::date_from_path(path) {
        options = options.date_hint(date);
    }
    options
}

/// The first place two JSON values differ, for a readable failure.
fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                let other = y.get(key).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(value, other, format!("{path}.{key}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| first_difference(u, v, format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} != {b}")),
    }
}

#[test]
fn every_corpus_file_round_trips_through_render() {
    let mut failures = Vec::new();
    for (path, text) in &common::corpus_files() {
        let options = options_for(path);
        let meeting = minutes::parse_with(text, &options);
        let rendered = minutes::render(&meeting);
        let again = minutes::parse_with(&rendered, &options);
        let name = path.display().to_string();
        let known = KNOWN_DIFFERENCES
            .iter()
            .any(|(file, _)| name.ends_with(file));
        let (before, after) = (comparable(&meeting), comparable(&again));
        if before != after && !known {
            let diff = first_difference(&before, &after, String::new()).unwrap_or_default();
            failures.push(format!("{name}: {diff}"));
        }
        // Rendering is canonical: a second round changes nothing.
        if minutes::render(&again) != rendered && !known {
            failures.push(format!("{name}: a second render differs"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
