//! The conformance rules on the real notes of `../shared/corpus`: the quirks
//! its README lists for handles, references, tasks and dates, checked where
//! they occur, and invariants that hold for every note.

mod common;

use std::path::Path;

use minutes::{Code, Item, Meeting, ReferenceKind, TaskState};

/// The corpus note `folder/file`, or `None` (with a note) without a corpus.
fn note(name: &str) -> Option<String> {
    let dir = common::corpus_dir()?;
    Some(std::fs::read_to_string(dir.join(name)).expect("the corpus has the note"))
}

fn parse<'a>(name: &str, text: &'a str) -> Meeting<'a> {
    common::parse_path(Path::new(name), text)
}

/// The first item whose text contains `needle`.
fn item<'m>(meeting: &'m Meeting<'_>, needle: &str) -> &'m Item<'m> {
    meeting
        .all_items()
        .map(|(item, _)| item)
        .find(|item| item.text.contains(needle))
        .unwrap_or_else(|| panic!("no item contains {needle:?}"))
}

fn is_login(login: &str) -> bool {
    (1..=39).contains(&login.len())
        && login
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--")
}

#[test]
fn dragonfly_owners_and_mentions() {
    let name = "dragonfly/2025-08-26.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let nomination = meeting
        .all_sections()
        .find(|s| s.heading.starts_with("Member Nomination for @Zephyrcf"))
        .expect("the nomination is a heading");
    assert_eq!(nomination.owners, ["BraveY"]);
    assert_eq!(nomination.mentions, ["Zephyrcf", "BraveY"]);
    let owned = item(&meeting, "nydus/issues/1715 @Zephyrcf");
    assert_eq!(owned.owners, ["Zephyrcf"]);
    let publish = item(&meeting, "completed by @fcgxz2003, publish it");
    assert_eq!(publish.owners, ["mingcheng"]);
    assert_eq!(publish.mentions, ["fcgxz2003", "mingcheng"]);
    assert!(meeting
        .all_items()
        .any(|(item, _)| item.mentions.iter().any(|m| m == "CooooolFrog")));
}

#[test]
fn dragonfly_trailing_comment_after_owner() {
    let name = "dragonfly/2026-01-13.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let stale = item(&meeting, "@fatelei # This issues is out of date");
    assert_eq!(stale.owners, ["fatelei"]);
    assert_eq!(stale.references[0].number, Some(1818));
}

#[test]
fn dragonfly_empty_task_marker() {
    let name = "dragonfly/2026-03-24.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    assert!(meeting
        .diagnostics
        .iter()
        .any(|d| d.code == Code::EmptyTaskMarker));
    assert!(meeting
        .all_items()
        .any(|(item, _)| item.task.as_ref().is_some_and(|t| t.marker.is_empty())));
}

#[test]
fn electron_owner_first_and_time_range() {
    let name = "electron/wg-releases-2020-05-06.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    assert_eq!(
        item(&meeting, "@VerteDinde to request vote").owners,
        ["VerteDinde"]
    );

    let name = "electron/wg-ecosystem-2020-06-25.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let json = serde_json::to_value(&meeting).expect("serializes");
    assert_eq!(json["date"], "2020-06-25");
    assert_eq!(json["time"]["start"], "10:00");
    assert_eq!(json["time"]["end"], "11:00");
    assert_eq!(json["time"]["zone"], "PT");
    let both = item(&meeting, "@erickzhao or @felixrieseberg:");
    assert_eq!(both.owners, ["erickzhao", "felixrieseberg"]);
}

#[test]
fn jeandle_month_name_date_with_time() {
    let name = "jeandle/20260226.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let json = serde_json::to_value(&meeting).expect("serializes");
    assert_eq!(json["date"], "2026-02-26");
    assert_eq!(json["time"]["start"], "19:00");
    assert_eq!(json["time"]["end"], "20:00");
    assert!(!meeting
        .diagnostics
        .iter()
        .any(|d| d.code == Code::DateMismatch));
}

#[test]
fn rust_lang_reference_definitions_resolve() {
    let name = "rust-lang-team/design-2022-03-30-lint-policy.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let cited = item(&meeting, "[#42326]");
    let numbers: Vec<_> = cited.references.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [Some(42326), Some(48919)]);
    assert!(cited
        .references
        .iter()
        .all(|r| r.repo.as_deref() == Some("rust")));
}

#[test]
fn rust_lang_tasks_without_list_markers() {
    let name = "rust-lang-team/minutes-2019-03-14.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    assert!(meeting
        .diagnostics
        .iter()
        .any(|d| d.code == Code::TaskWithoutListMarker));
    let prs = item(&meeting, "[Nominated PRs]");
    assert_eq!(prs.task.as_ref().map(|t| t.state), Some(TaskState::Open));
    let first = prs.children.first().expect("the PRs nest under the task");
    assert_eq!(first.references[0].number, Some(58739));
    assert_eq!(first.references[0].kind, ReferenceKind::Pull);
}

#[test]
fn nodejs_next_meeting_with_hour() {
    let name = "nodejs-tsc/2016-10-20.md";
    let Some(text) = note(name) else { return };
    let meeting = parse(name, &text);
    let json = serde_json::to_value(&meeting).expect("serializes");
    assert_eq!(json["next_meeting"]["date"], "2016-11-03");
    assert_eq!(json["next_meeting"]["time"]["start"], "13:00");
}

/// What every note satisfies, whatever its format.
#[test]
fn invariants_over_the_whole_corpus() {
    for (path, text) in &common::corpus_files() {
        let meeting = common::parse_path(path, text);
        let at = path.display();
        for (item, _) in meeting.all_items() {
            for login in item.mentions.iter().chain(&item.owners) {
                assert!(is_login(login), "{at}: {login:?} is not a GitHub login");
            }
            // An owner is written as a handle in the note, or is the login
            // of an attendee its name resolves to (issue 13), or an attendee
            // listed by login (`- pnkfelix`).
            for owner in &item.owners {
                let known = item.mentions.iter().any(|m| m.eq_ignore_ascii_case(owner))
                    || meeting.mentions().any(|m| m.eq_ignore_ascii_case(owner))
                    || meeting.attendees.iter().any(|a| {
                        a.handle
                            .as_deref()
                            .is_some_and(|h| h.eq_ignore_ascii_case(owner))
                            || a.name == *owner
                    });
                assert!(
                    known,
                    "{at}: owner {owner} of {:?} is neither written as a handle nor an attendee's login",
                    item.text
                );
            }
            for team in &item.teams {
                assert!(team.contains('/'), "{at}: team {team:?} has no slash");
            }
            for reference in &item.references {
                let source = &text[reference.span.start..reference.span.end];
                assert_eq!(
                    reference.number.is_none(),
                    reference.kind == ReferenceKind::Issues,
                    "{at}: {source:?}"
                );
                assert!(
                    !source.contains("GHSA-") && !source.contains("/commit/"),
                    "{at}: {source:?} is not an issue"
                );
                if let Some(url) = &reference.url {
                    assert!(
                        url.to_ascii_lowercase().contains("github.com/"),
                        "{at}: {url}"
                    );
                    assert!(!url.contains("?q="), "{at}: search link {url}");
                }
            }
        }
        for time in [
            &meeting.time,
            &meeting.next_meeting.as_ref().and_then(|n| n.time.clone()),
        ]
        .into_iter()
        .flatten()
        {
            assert!(time.span.end <= text.len() && text.is_char_boundary(time.span.start));
        }
    }
}
