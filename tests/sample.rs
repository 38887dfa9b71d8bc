//! The built-in sample (Dragonfly, 2025-10-28): a hand-checked golden file and
//! the facts a maintainer would ask of it.
//!
//! After a deliberate change to the model, re-bless the golden file with
//! `BLESS=1 cargo test --test sample` and review the diff line by line.

use minutes::{Meeting, ReferenceKind, SectionKind, Status, TaskState};

const SAMPLE: &str = include_str!("../examples/data/dragonfly-2025-10-28.md");
const GOLDEN: &str = "tests/sample.json";

fn sample() -> Meeting<'static> {
    let hint = minutes::date_from_path("2025-10-28.md").expect("the name carries a date");
    minutes::parse_with(SAMPLE, &minutes::Options::new().date_hint(hint))
}

#[test]
fn golden_json() {
    let actual = serde_json::to_string_pretty(&sample()).expect("serializes") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &actual).expect("golden file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("golden file exists");
    assert!(
        expected == actual,
        "the sample's model differs from {GOLDEN}; if the change is deliberate, run \
         `BLESS=1 cargo test --test sample` and review the diff"
    );
}

#[test]
fn attendees() {
    let meeting = sample();
    assert_eq!(meeting.attendees.len(), 13);
    let kaiyong = &meeting.attendees[0];
    assert_eq!(kaiyong.name, "Kaiyong Yang");
    assert_eq!(kaiyong.handle.as_deref(), Some("BraveY"));
    assert_eq!(kaiyong.affiliations, ["Ant Group", "Nydus"]);
    let xuejin = meeting
        .attendees
        .iter()
        .find(|a| a.name == "Xuejin He")
        .expect("listed");
    assert_eq!(xuejin.handle, None);
    assert_eq!(xuejin.affiliations, ["Ant Group"]);
}

#[test]
fn open_actions_and_owners() {
    let meeting = sample();
    // The two open tasks of the actions section, then the issues of the
    // TODO and WIP buckets, which are actions too (SCHEMA.md).
    let open: Vec<Vec<&str>> = meeting
        .open_actions()
        .map(|item| item.owners.iter().map(|o| o.as_ref()).collect())
        .collect();
    assert_eq!(open[..2], [vec!["chlins", "gaius-qi"], vec!["mingcheng"]]);
    assert_eq!(open.len(), 17);
    assert!(meeting
        .open_actions()
        .skip(2)
        .all(|item| item.task.is_none() && !item.references.is_empty()));
    let actions = meeting
        .all_sections()
        .find(|s| s.kind == SectionKind::Actions)
        .expect("an actions section");
    assert!(actions
        .items
        .iter()
        .all(|i| i.task.as_ref().is_some_and(|t| t.state == TaskState::Open)));
}

#[test]
fn issue_references_sit_in_their_buckets() {
    let meeting = sample();
    let statuses = |number: u64| -> Vec<Option<Status>> {
        meeting
            .all_items()
            .flat_map(|(item, status)| {
                item.references
                    .iter()
                    .filter(move |r| r.number == Some(number))
                    .map(move |_| status)
            })
            .collect()
    };
    assert_eq!(statuses(4345), [Some(Status::Done)]);
    assert_eq!(statuses(4379), [Some(Status::InProgress)]);
    assert_eq!(
        statuses(4025),
        [Some(Status::Todo), Some(Status::InProgress)]
    );

    let profiles = meeting.attendees.iter().filter(|a| a.url.is_some()).count();
    let issue_urls = SAMPLE.matches("https://github.com/").count() - profiles;
    let references: Vec<_> = meeting
        .all_items()
        .flat_map(|(item, _)| item.references.iter())
        .collect();
    assert_eq!(references.len(), issue_urls);
    for reference in references {
        let url = reference.url.as_deref().expect("written as a URL");
        let expected = format!(
            "https://github.com/{}/{}/issues/{}",
            reference.owner.as_deref().unwrap_or_default(),
            reference.repo.as_deref().unwrap_or_default(),
            reference.number.unwrap_or_default()
        );
        assert!(url.starts_with(&expected), "{url} vs {expected}");
        assert_eq!(reference.kind, ReferenceKind::Issue);
    }
}

#[test]
fn dates() {
    let meeting = sample();
    assert_eq!(
        meeting.date.map(|d| d.to_string()),
        Some("2025-10-28".into())
    );
    let next = meeting.next_meeting.as_ref().expect("announced");
    assert_eq!(next.date.map(|d| d.to_string()), Some("2025-11-25".into()));
    assert!(meeting.diagnostics.is_empty(), "{:?}", meeting.diagnostics);
}
