//! `schema/meeting-v1.schema.json` (JSON Schema draft 2020-12) describes what
//! the serializer really emits, and says what `SCHEMA.md` says: every model
//! of the corpus and every fixture validates, and both name the same fields.

#[path = "../common/mod.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use minutes::Status;
use serde_json::Value;

const SCHEMA: &str = include_str!("../../schema/meeting-v1.schema.json");
const DOC: &str = include_str!("../../SCHEMA.md");

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

    let manifest = common::crate_root();
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

## Issues

**WIP**:
- #7 @bo

## Next Meeting

Date: 2025-10-28 10:00 AM PT, host by @bo

```
never closed
";

#[test]
fn a_rich_note_validates_and_a_broken_one_does_not() {
    let validator = validator();
    let date = minutes::time::Date::from_calendar_date(2025, minutes::time::Month::October, 15)
        .expect("a date");
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
    let label = meeting.all_sections().find(|section| section.label);
    assert_eq!(
        label.map(|section| section.status),
        Some(Some(Status::InProgress))
    );
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
    use minutes::{BlockKind, ReferenceKind, SectionKind, Severity, TaskState};
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
        enum_of(&defs["ParagraphInfo"]["properties"]["kind"]),
        strings(&[BlockKind::Paragraph, BlockKind::Quote, BlockKind::Table])
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
/// Fields whose type says "absent" are left out of the JSON when unset; their
/// `Type.field` names go to `optional`.
fn documented_fields(optional: &mut BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
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
            let names: Vec<&str> = first_cell.split('`').skip(1).step_by(2).collect();
            let type_cell = line[1..].split('|').nth(1).unwrap_or("");
            if type_cell.contains("absent") {
                optional.extend(names.iter().map(|name| format!("{section}.{name}")));
            }
            types
                .entry(section.clone())
                .or_default()
                .extend(names.into_iter().map(String::from));
        }
    }
    types
}

#[test]
fn schema_and_schema_md_name_the_same_fields() {
    let mut optional = BTreeSet::new();
    let documented = documented_fields(&mut optional);
    assert!(optional.contains("Section.label"), "{optional:?}");
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
            let always: BTreeSet<String> = fields
                .iter()
                .filter(|field| !optional.contains(&format!("{name}.{field}")))
                .cloned()
                .collect();
            assert_eq!(
                always, required,
                "{name}: the serializer emits these fields"
            );
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

// The Series part of the contract: `schema/series-v1.schema.json`.

const SERIES_SCHEMA: &str = include_str!("../../schema/series-v1.schema.json");

fn series_schema() -> Value {
    serde_json::from_str(SERIES_SCHEMA).expect("the series schema is JSON")
}

fn series_validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&series_schema()).expect("the series schema compiles")
}

/// `SCHEMA.md` from its "Series" heading on.
fn series_doc() -> &'static str {
    &DOC[DOC
        .find("\n## Series\n")
        .expect("SCHEMA.md documents Series")..]
}

#[test]
fn the_series_schema_is_valid_and_the_series_example_validates() {
    let schema = series_schema();
    jsonschema::meta::validate(&schema).expect("valid against the meta-schema");
    let validator = series_validator();
    let example: Value =
        serde_json::from_str(fenced(series_doc(), "json")).expect("the example is JSON");
    let failures = errors(&validator, "SCHEMA.md series example", &example);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let mut broken = example.clone();
    broken["actions"][0]["status"] = "forgotten".into();
    assert!(!validator.is_valid(&broken), "an unknown action status");
    // A meeting is not a series.
    assert!(!validator.is_valid(&serde_json::to_value(minutes::parse("# x")).expect("json")));
}

#[test]
fn corpus_series_validate() {
    let validator = series_validator();
    let files = common::corpus_files();
    let mut projects: BTreeMap<PathBuf, Vec<minutes::Meeting<'_>>> = BTreeMap::new();
    for (path, text) in &files {
        let project = path.parent().expect("in a folder").to_path_buf();
        projects
            .entry(project)
            .or_default()
            .push(common::parse_path(path, text));
    }
    // Undated meetings and a repeated date give the series diagnostics.
    let extra = [
        minutes::parse("# Sync\n\n- [ ] a task @ann\n"),
        minutes::parse("# Sync 2025-01-02\n\n## WIP\n\n- #12 @bo\n"),
        minutes::parse("# Sync 2025-01-02\n\n## Done\n\n- #12 @bo\n"),
    ];
    let mut failures = Vec::new();
    let extra_series = minutes::Series::new(&extra);
    assert_eq!(extra_series.diagnostics.len(), 2);
    let all = projects
        .iter()
        .map(|(path, meetings)| (path.display().to_string(), minutes::Series::new(meetings)))
        .chain([("extra".to_string(), extra_series)]);
    for (name, series) in all {
        let value = serde_json::to_value(&series).expect("serializes");
        failures.extend(errors(&validator, &name, &value));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn series_schema_and_schema_md_name_the_same_fields() {
    let doc = series_doc();
    let doc = &doc[..doc.find("\nExample").unwrap_or(doc.len())];
    let schema = series_schema();
    let mut in_schema = BTreeSet::new();
    for (name, def) in schema["$defs"].as_object().expect("$defs") {
        let Some(properties) = def["properties"].as_object() else {
            continue;
        };
        let required = def["required"].as_array().expect("required fields");
        assert_eq!(properties.len(), required.len(), "{name}: all required");
        for field in properties.keys() {
            assert!(
                doc.contains(&format!("`{field}`")),
                "{name}.{field} is not in SCHEMA.md's Series part"
            );
            in_schema.insert(field.clone());
        }
    }
    // Every field in the first column of a Series table is in the schema.
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let first_cell = line[1..].split('|').next().unwrap_or("");
        for field in first_cell.split('`').skip(1).step_by(2) {
            assert!(in_schema.contains(field), "{field} is not in the schema");
        }
    }
    let code = &schema["$defs"]["SeriesDiagnostic"]["properties"]["code"]["description"];
    for series_code in [
        minutes::SeriesCode::UndatedMeeting,
        minutes::SeriesCode::DuplicateDate,
    ] {
        let name = serde_json::to_value(series_code).expect("serializes");
        let name = name.as_str().expect("a string");
        assert!(code.as_str().expect("text").contains(name), "{name}");
        assert!(doc.contains(&format!("`{name}`")), "{name}");
    }
}

// The `--json` outputs of the example tools: `schema/actions-v1.schema.json`,
// `schema/timeline-v1.schema.json` and `schema/lint-v1.schema.json`, which
// refer to the series schema by its `$id`.

#[path = "../support/examples.rs"]
mod examples;

const TOOL_SCHEMAS: [(&str, &str); 3] = [
    (
        "actions",
        include_str!("../../schema/actions-v1.schema.json"),
    ),
    (
        "timeline",
        include_str!("../../schema/timeline-v1.schema.json"),
    ),
    ("lint", include_str!("../../schema/lint-v1.schema.json")),
];

fn tool_validator(tool: &str) -> jsonschema::Validator {
    let (_, text) = TOOL_SCHEMAS
        .iter()
        .find(|(name, _)| *name == tool)
        .expect("a tool schema");
    let schema: Value = serde_json::from_str(text).expect("the tool schema is JSON");
    jsonschema::meta::validate(&schema).expect("valid against the meta-schema");
    let series = jsonschema::Resource::from_contents(series_schema()).expect("a resource");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_resource("urn:minutes:schema:series:v1", series)
        .build(&schema)
        .expect("the tool schema compiles")
}

/// The JSON documents `tool` prints with `args` (one per line for lint).
fn tool_json(tool: &str, args: &[&str]) -> Vec<Value> {
    let output = examples::tool(tool).args(args).output().expect("runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    if tool == "lint" {
        text.lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    } else {
        vec![serde_json::from_str(&text).expect("JSON")]
    }
}

#[test]
fn tool_outputs_validate() {
    let corpus = common::corpus_dir().map(|dir| dir.display().to_string());
    let mut paths: Vec<Vec<&str>> = vec![vec![]];
    if let Some(corpus) = &corpus {
        paths.push(vec![corpus]);
        paths.push(vec!["--merge", corpus]);
    }
    let runs: [(&str, &[&str]); 7] = [
        ("actions", &["--json"]),
        ("actions", &["--json", "--owner", "gaius-qi"]),
        ("timeline", &["--json"]),
        ("timeline", &["--json", "--actions"]),
        (
            "timeline",
            &["--json", "--issue", "dragonflyoss/dragonfly#4025"],
        ),
        ("timeline", &["--json", "--action", "kubecon"]),
        ("lint", &["--format", "json"]),
    ];
    let mut failures = Vec::new();
    let mut lint_lines = 0;
    for (tool, args) in runs {
        let validator = tool_validator(tool);
        for extra in &paths {
            let mut args = args.to_vec();
            args.extend(extra);
            for (n, value) in tool_json(tool, &args).iter().enumerate() {
                failures.extend(errors(&validator, &format!("{tool} {args:?} #{n}"), value));
                lint_lines += usize::from(tool == "lint");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if corpus.is_some() {
        assert!(lint_lines > 20, "{lint_lines} lint diagnostics");
    }
}

#[test]
fn tool_schemas_reject_what_the_outputs_never_are() {
    let actions = &tool_json("actions", &["--json"])[0];
    let timeline = &tool_json("timeline", &["--json"])[0];
    type Breakage = (&'static str, &'static str, fn(&mut Value));
    let broken: [Breakage; 6] = [
        ("actions", "no version", |v| {
            v.as_object_mut().expect("object").remove("version");
        }),
        ("actions", "version 2", |v| v["version"] = 2.into()),
        ("actions", "a series of the library", |v| {
            *v = serde_json::to_value(minutes::Series::new([&minutes::parse("# x")])).expect("json")
        }),
        ("timeline", "issues and actions", |v| {
            v["series"][0]["actions"] = serde_json::json!([])
        }),
        ("timeline", "an unknown bucket", |v| {
            v["series"][0]["issues"][0]["periods"][0]["status"] = "someday".into()
        }),
        ("lint", "a column of 0", |v| v["column"] = 0.into()),
    ];
    let lint = serde_json::json!({
        "version": 1, "path": "a.md", "line": 1, "column": 1, "end_line": 1,
        "end_column": 3, "span": [0, 2], "severity": "warning",
        "code": "empty-task-marker", "message": "m"
    });
    assert!(tool_validator("lint").is_valid(&lint));
    for (tool, what, break_it) in broken {
        let mut value = match tool {
            "actions" => actions.clone(),
            "timeline" => timeline.clone(),
            _ => lint.clone(),
        };
        assert!(tool_validator(tool).is_valid(&value), "{tool} as printed");
        break_it(&mut value);
        assert!(
            !tool_validator(tool).is_valid(&value),
            "{tool} accepted: {what}"
        );
    }
}

/// `SCHEMA.md` from its "Tool outputs" heading on.
fn tools_doc() -> &'static str {
    &DOC[DOC
        .find("\n## Tool outputs\n")
        .expect("SCHEMA.md documents the tool outputs")..]
}

#[test]
fn tool_schemas_and_schema_md_name_the_same_fields() {
    let doc = tools_doc();
    let mut in_schemas = BTreeSet::new();
    for (tool, text) in TOOL_SCHEMAS {
        assert!(
            doc.contains(&format!("schema/{tool}-v1.schema.json")),
            "{tool}"
        );
        let schema: Value = serde_json::from_str(text).expect("JSON");
        for def in schema["$defs"].as_object().expect("$defs").values() {
            if let Some(properties) = def["properties"].as_object() {
                in_schemas.extend(properties.keys().cloned());
            }
        }
    }
    // The names in the first column of the tables.
    let mut documented = BTreeSet::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let first_cell = line[1..].split('|').next().unwrap_or("");
        documented.extend(first_cell.split('`').skip(1).step_by(2).map(String::from));
    }
    assert_eq!(documented, in_schemas);
}
