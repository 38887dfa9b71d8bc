//! `schema/meeting-v1.schema.json` (JSON Schema draft 2020-12) describes what
//! the serializer really emits, and says what `SCHEMA.md` says: every model
//! of the corpus and every fixture validates, and both name the same fields.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

const SCHEMA: &str = include_str!("../schema/meeting-v1.schema.json");
const DOC: &str = include_str!("../SCHEMA.md");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

/// The errors of `instance`, one line each, prefixed with `name`.
fn errors(validator: &jsonschema::Validator, name: &str, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|err| format!("{name}: {} at {}", err, err.instance_path))
        .collect()
}

fn fenced<'a>(doc: &'a str, info: &str) -> &'a str {
    let open = format!("```{info}\n");
    let start = doc.find(&open).expect("SCHEMA.md has the example block") + open.len();
    let len = doc[start..].find("\n```").expect("the block is closed");
    &doc[start..start + len + 1]
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::meta::validate(&schema).expect("valid against the meta-schema");
}

#[test]
fn fixtures_validate() {
    let validator = validator();
    let mut failures = Vec::new();
    let example: Value = serde_json::from_str(fenced(DOC, "json")).expect("the example is JSON");
    failures.extend(errors(&validator, "SCHEMA.md example", &example));

    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![manifest.join("tests/sample.json")];
    // The golden files are left out of the published package.
    json_files(&manifest.join("tests/golden"), &mut files);
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let value: Value = serde_json::from_str(&text).expect("fixture is JSON");
        failures.extend(errors(&validator, &path.display().to_string(), &value));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_models_validate() {
    let validator = validator();
    let mut failures = Vec::new();
    for (path, text) in common::corpus_files() {
        let meeting = common::parse_path(&path, &text);
        let value = serde_json::to_value(&meeting).expect("serializes");
        failures.extend(errors(&validator, &path.display().to_string(), &value));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A note that fills the fields the small fixtures leave null or empty.
const RICH: &str = "\
# Sync 2025-10-14 19:00 - 20:00 UTC+8

Host: @gaius-qi
Note Taker: Ann, Bo

## Attendees

- [Gaius](https://github.com/gaius-qi) (Ant Group/Dragonfly
- Community members, 9 participants

## Actions

- [ ] fix #12 and https://github.com/o/r/pull/3#pullrequestreview-9 @ann [pending]
  - [>] later @org/team
- [/] half done
- [~] not needed
- []  empty
- [?] odd

Action: Bo to write the docs

### Done

- <https://github.com/o/r/issues/4#issuecomment-5>

## Next Meeting

Date: 2025-10-28 10:00 AM PT, host by @bo

```
never closed
";

#[test]
fn a_rich_note_validates_and_a_broken_one_does_not() {
    let validator = validator();
    let date = time::Date::from_calendar_date(2025, time::Month::October, 15).expect("a date");
    let options = minutes::Options::new()
        .date_hint(date)
        .default_repository("o", "r");
    let meeting = minutes::parse_with(RICH, &options);
    let value = serde_json::to_value(&meeting).expect("serializes");
    assert!(value["time"].is_object(), "{:#}", value["time"]);
    assert!(!value["diagnostics"].as_array().expect("array").is_empty());
    let first_task = &value["sections"][0]["sections"][1]["items"][0]["task"];
    assert_eq!(first_task["state"], "open");
    assert!(value["next_meeting"]["time"].is_object());
    let failures = errors(&validator, "rich note", &value);
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The schema is not vacuous: it rejects what the contract forbids.
    type Breakage = (&'static str, fn(&mut Value));
    let broken: [Breakage; 6] = [
        ("missing version", |v| {
            v.as_object_mut().expect("object").remove("version");
        }),
        ("version 2", |v| v["version"] = 2.into()),
        ("unknown task state", |v| {
            v["sections"][0]["sections"][1]["items"][0]["task"]["state"] = "maybe".into()
        }),
        ("date not ISO", |v| v["date"] = "14.10.2025".into()),
        ("span of three", |v| {
            v["span"] = serde_json::json!([0, 1, 2])
        }),
        ("diagnostic code in camel case", |v| {
            v["diagnostics"][0]["code"] = "dateMismatch".into()
        }),
    ];
    for (what, break_it) in broken {
        let mut value = value.clone();
        break_it(&mut value);
        assert!(!validator.is_valid(&value), "accepted: {what}");
    }
    // Fields added in a later minor release are allowed.
    let mut grown = value.clone();
    grown["a_field_from_the_future"] = true.into();
    assert!(validator.is_valid(&grown));
}

#[test]
fn enums_match_the_serializer() {
    use minutes::{ReferenceKind, SectionKind, Severity, Status, TaskState};
    fn strings<T: serde::Serialize>(values: &[T]) -> Vec<Value> {
        values
            .iter()
            .map(|v| serde_json::to_value(v).expect("serializes"))
            .collect()
    }
    let schema = schema();
    let defs = &schema["$defs"];
    let enum_of = |value: &Value| value["enum"].as_array().expect("an enum").clone();
    assert_eq!(
        enum_of(&defs["Section"]["properties"]["kind"]),
        strings(&[
            SectionKind::Attendees,
            SectionKind::Topics,
            SectionKind::Actions,
            SectionKind::Status,
            SectionKind::NextMeeting,
            SectionKind::Other,
        ])
    );
    assert_eq!(
        enum_of(&defs["Status"]),
        strings(&[
            Status::Todo,
            Status::InProgress,
            Status::Done,
            Status::Tbd,
            Status::Blocked,
        ])
    );
    assert_eq!(
        enum_of(&defs["TaskState"]),
        strings(&[
            TaskState::Open,
            TaskState::Done,
            TaskState::InProgress,
            TaskState::Cancelled,
            TaskState::NotApplicable,
            TaskState::Deferred,
            TaskState::Other,
        ])
    );
    assert_eq!(
        enum_of(&defs["Reference"]["properties"]["kind"]),
        strings(&[
            ReferenceKind::Issue,
            ReferenceKind::Pull,
            ReferenceKind::Discussion,
            ReferenceKind::Issues,
        ])
    );
    assert_eq!(
        enum_of(&defs["Diagnostic"]["properties"]["severity"]),
        strings(&[Severity::Warning, Severity::Error])
    );
}

#[test]
fn every_diagnostic_code_is_in_the_schema_and_in_schema_md() {
    let schema = schema();
    let code = &schema["$defs"]["Diagnostic"]["properties"]["code"];
    let description = code["description"].as_str().expect("a description");
    let pattern = code["pattern"].as_str().expect("a pattern");
    let code_schema = serde_json::json!({ "type": "string", "pattern": pattern });
    for code in minutes::Code::ALL {
        let name = code.as_str();
        assert!(
            description.contains(&format!(" {name},"))
                || description.contains(&format!(" {name}.")),
            "{name} is not listed in the schema's description of code"
        );
        assert!(
            jsonschema::is_valid(&code_schema, &Value::from(name)),
            "{name} does not match {pattern}"
        );
        assert!(
            DOC.contains(&format!("| `{name}` |")),
            "{name} is not in SCHEMA.md's table of codes"
        );
    }
}

/// The field names of each table in `SCHEMA.md`, by the type the section
/// documents, up to the Series part (which this schema does not cover).
/// `Field` and `Task` are documented by a JSON-like code span instead of a table.
fn documented_fields() -> BTreeMap<String, BTreeSet<String>> {
    let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut section = String::new();
    let mut in_field_table = false;
    for line in DOC.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            if heading == "Series" {
                break;
            }
            section = heading.trim_start_matches("Dates and ").to_string();
            continue;
        }
        if line.starts_with("| field |") {
            in_field_table = true;
            continue;
        }
        if !line.starts_with('|') {
            in_field_table = false;
        }
        for prose in ["Field", "Task"] {
            if let Some(rest) = line.strip_prefix(&format!("{prose}: `{{")) {
                let keys = rest.split('"').skip(1).step_by(2);
                let keys = keys.filter(|k| rest.contains(&format!("\"{k}\":")));
                types
                    .entry(prose.to_string())
                    .or_default()
                    .extend(keys.map(String::from));
            }
        }
        if in_field_table && line.starts_with("| `") {
            let first_cell = line[1..].split('|').next().unwrap_or("");
            let names = first_cell.split('`').skip(1).step_by(2);
            types
                .entry(section.clone())
                .or_default()
                .extend(names.map(String::from));
        }
    }
    types
}

#[test]
fn schema_and_schema_md_name_the_same_fields() {
    let documented = documented_fields();
    let schema = schema();
    let defs = schema["$defs"].as_object().expect("$defs");
    let mut in_schema = BTreeMap::new();
    for (name, def) in defs {
        if let Some(properties) = def["properties"].as_object() {
            let fields: BTreeSet<String> = properties.keys().cloned().collect();
            let required: BTreeSet<String> = def["required"]
                .as_array()
                .expect("objects list their required fields")
                .iter()
                .map(|v| v.as_str().expect("a name").to_string())
                .collect();
            assert_eq!(fields, required, "{name}: the serializer emits every field");
            in_schema.insert(name.clone(), fields);
        }
    }
    assert_eq!(
        documented.keys().collect::<Vec<_>>(),
        in_schema.keys().collect::<Vec<_>>(),
        "the same types"
    );
    for (name, fields) in &in_schema {
        assert_eq!(&documented[name], fields, "fields of {name}");
    }
}
