//! The Dragonfly maintainer notes read as one series: facts checked by hand
//! against `../shared/corpus/dragonfly/`.

mod common;

use minutes::{ActionHistory, ActionStatus, Meeting, Series, SeriesCode, Status, TaskState};

/// The dated Dragonfly notes (`YYYY-MM-DD.md`), sorted, with their text.
fn dragonfly() -> Option<Vec<(String, String)>> {
    let dir = common::corpus_dir()?.join("dragonfly");
    let files = common::corpus_files().into_iter();
    let dated = files.filter(|(path, _)| path.parent() == Some(&dir));
    let dated = dated.filter(|(path, _)| minutes::date_from_path(path).is_some());
    let named = dated.filter_map(|(path, text)| {
        let name = path.file_name()?.to_string_lossy().into_owned();
        Some((name, text))
    });
    Some(named.collect())
}

fn parse_all(files: &[(String, String)]) -> Vec<Meeting<'_>> {
    files
        .iter()
        .map(|(name, text)| common::parse_path(name.as_ref(), text))
        .collect()
}

/// The date of series meeting `index`, as text.
fn date(series: &Series, index: usize) -> String {
    series.meetings[index].date.unwrap().to_string()
}

fn action<'s>(series: &'s Series, starts_with: &str) -> &'s ActionHistory {
    let found: Vec<_> = series
        .actions
        .iter()
        .filter(|a| a.sightings[0].text.starts_with(starts_with))
        .collect();
    assert_eq!(found.len(), 1, "one action starts with {starts_with:?}");
    found[0]
}

#[test]
fn kubecon_action_stays_open_for_months_then_closes() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);
    assert_eq!(series.meetings.len(), 21);

    // 2025-10-14.md … 2026-03-24.md: "… KubeCon 2026", then "… KubeCon 2026 EU",
    // then "… EU." with gaius-qi added as owner, ticked in 2026-03-24.md.
    let kubecon = action(&series, "Organize topics and attendees for KubeCon 2026");
    assert_eq!(date(&series, kubecon.first_seen), "2025-10-14");
    assert_eq!(kubecon.sightings.len(), 9);
    assert_eq!(kubecon.status, ActionStatus::Closed);
    assert_eq!(date(&series, kubecon.closed_in.unwrap()), "2026-03-24");
    let states: Vec<TaskState> = kubecon.sightings.iter().map(|s| s.state).collect();
    assert_eq!(states[..8], [TaskState::Open; 8]);
    assert_eq!(states[8], TaskState::Done);
    assert_eq!(kubecon.sightings[0].owners, ["mingcheng"]);
    assert_eq!(kubecon.owners(), ["mingcheng", "gaius-qi"]);
    assert_eq!(
        kubecon.text,
        "Organize topics and attendees for KubeCon 2026 EU. @mingcheng @gaius-qi"
    );
}

#[test]
fn a_typo_fix_keeps_the_action_and_a_skipped_meeting_does_not_drop_it() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // `Update devlopment guideance` (2025-07-01, 2025-07-15), corrected in
    // 2025-07-29, ticked in 2025-08-26; 2025-08-12 is a skip notice.
    let guidance = action(&series, "Update devlopment guideance");
    let seen: Vec<String> = guidance
        .sightings
        .iter()
        .map(|s| date(&series, s.meeting))
        .collect();
    assert_eq!(
        seen,
        ["2025-07-01", "2025-07-15", "2025-07-29", "2025-08-26"]
    );
    assert_eq!(
        guidance.sightings[2].text,
        "Update development guidance @CooooolFrog"
    );
    assert_eq!(date(&series, guidance.closed_in.unwrap()), "2025-08-26");

    // Owners change over time: LunaWhispers, then mingcheng.
    let topics = action(&series, "Next meeting topic collection and organization");
    let owners: Vec<&[String]> = topics.sightings.iter().map(|s| &s.owners[..]).collect();
    assert_eq!(
        owners,
        [&["LunaWhispers"][..], &["mingcheng"], &["mingcheng"]]
    );
    assert_eq!(date(&series, topics.closed_in.unwrap()), "2025-07-29");

    // Ticked in 2025-07-01 as a subtask under Topics, with a link added:
    // `….([topics](https://github.com/dragonflyoss/community/issues/44)) @chlins`.
    let host = action(&series, "Collect the next meeting topics and host");
    assert_eq!(date(&series, host.first_seen), "2025-06-17");
    assert_eq!(date(&series, host.closed_in.unwrap()), "2025-07-01");

    // A note appended in 2025-07-01: `… processes. (refer: [#1599](…), [#1358](…)) @mingcheng`;
    // 2025-07-15 no longer lists it, open: dropped there.
    let governance = action(&series, "Improve governance community documentation");
    assert_eq!(governance.sightings.len(), 2);
    assert_eq!(governance.status, ActionStatus::Dropped);
    assert_eq!(date(&series, governance.dropped_in.unwrap()), "2025-07-15");
}

#[test]
fn fluid_action_is_dropped_and_vllm_closed() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // 2025-06-17.md lists the VLLM action twice, the second with
    // `@chlins @gaius-qi`; from 2025-07-01.md that one reads "in Fluid".
    // VLLM is ticked in 2025-10-14.md; Fluid is last listed, open, in
    // 2025-10-28.md and missing from 2025-11-25.md, which has tasks.
    let in_vllm = |a: &&ActionHistory| a.text.contains("in VLLM");
    let vllm: Vec<&ActionHistory> = series.actions.iter().filter(in_vllm).collect();
    assert_eq!(vllm.len(), 1);
    assert_eq!(date(&series, vllm[0].closed_in.unwrap()), "2025-10-14");
    let fluid = action(&series, "Support Model Artifact by OCI Spec in VLLM, and Dragonfly needs to support P2P distribution of Model layers. @chlins");
    assert_eq!(date(&series, fluid.first_seen), "2025-06-17");
    assert!(fluid.text.contains("in Fluid"));
    assert_eq!(fluid.status, ActionStatus::Dropped);
    assert_eq!(date(&series, fluid.last_seen), "2025-10-28");
    assert_eq!(date(&series, fluid.dropped_in.unwrap()), "2025-11-25");
}

#[test]
fn helm_chart_363_vanishes_without_reaching_done() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // Under `#### TODO` in 2025-07-01.md, WIP from 2025-07-15.md to
    // 2025-09-09.md, absent from 2025-09-23.md. (2025-06-17.md lists it
    // under `### Github Issue` with no bucket, which is not a sighting.)
    let issue = series.issue("dragonflyoss", "helm-charts", 363).unwrap();
    assert_eq!(date(&series, issue.sightings[0].meeting), "2025-07-01");
    assert_eq!(issue.sightings[0].statuses, [Status::Todo]);
    assert_eq!(issue.sightings.len(), 5);
    assert_eq!(date(&series, issue.vanished_in.unwrap()), "2025-09-23");
    assert!(!issue.went_back);
    // No Dragonfly issue goes back from Done.
    assert!(series.issues.iter().all(|i| !i.went_back));
}

#[test]
fn went_back_and_vanished_on_small_notes() {
    let notes = [
        "# A 2025-01-07\n\n### Done\n\n- o/r#1\n\n### TODO\n\n- o/r#2\n",
        "# B 2025-01-14\n\n### WIP\n\n- o/r#1\n\n### Done\n",
        "# C 2025-01-21\n\n### WIP\n\n- o/r#1\n",
    ];
    let meetings: Vec<Meeting<'_>> = notes.iter().map(|n| minutes::parse(n)).collect();
    let series = Series::new(&meetings);
    let one = series.issue("o", "r", 1).unwrap();
    assert!(one.went_back);
    assert_eq!(one.vanished_in, None);
    let two = series.issue("o", "r", 2).unwrap();
    assert_eq!(two.vanished_in, Some(1));
}

#[test]
fn open_actions_are_oldest_first_and_dropped_ones_are_not_open() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);
    let last = series.meetings.len() - 1;
    let mut previous = 0;
    for open in series.open_actions() {
        assert_eq!(open.last_seen, last, "{}", open.text);
        assert!(open.first_seen >= previous);
        previous = open.first_seen;
        assert!(open.sightings.last().unwrap().state.is_open());
    }
    for dropped in series
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Dropped)
    {
        assert!(dropped.last_seen < last && dropped.dropped_in.unwrap() > dropped.last_seen);
    }
    // 2026-03-24.md ticks every task; its open actions are the issues of
    // its TODO and WIP buckets and two links that lost their indentation
    // under a task of its Actions section. The topic `- [] Nomination: …`
    // names no owner at its end, so it is no action.
    let (issues, others): (Vec<&str>, Vec<&str>) = series
        .open_actions()
        .map(|a| a.text.as_str())
        .partition(|text| {
            text.trim_start_matches('<')
                .starts_with("https://github.com/")
        });
    let others: Vec<&str> = others.iter().map(|t| &t[..5]).collect();
    assert_eq!(others, ["[PR1]", "[PR2]"]);
    assert!(!issues.is_empty());
    assert!(!series
        .actions
        .iter()
        .any(|a| a.text.starts_with("Nomination")));
}

#[test]
fn issue_4025_sits_in_todo_and_in_progress() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // TODO alone in 2025-09-09; TODO and WIP from 2025-09-23 to 2025-11-25;
    // WIP alone from 2025-12-16 to 2026-03-24.
    let issue = series.issue("dragonflyoss", "dragonfly", 4025).unwrap();
    assert_eq!(issue.name(), "dragonflyoss/dragonfly#4025");
    let first = &issue.sightings[0];
    assert_eq!(date(&series, first.meeting), "2025-09-09");
    assert_eq!(first.statuses, [Status::Todo]);
    let both: Vec<String> = issue
        .sightings
        .iter()
        .filter(|s| s.statuses == [Status::Todo, Status::InProgress])
        .map(|s| date(&series, s.meeting))
        .collect();
    assert_eq!(
        both,
        ["2025-09-23", "2025-10-14", "2025-10-28", "2025-11-25"]
    );
    let last = issue.sightings.last().unwrap();
    assert_eq!(date(&series, last.meeting), "2026-03-24");
    assert_eq!(last.statuses, [Status::InProgress]);
    assert_eq!(last.owners, ["gaius-qi"]);

    let todo = issue
        .periods
        .iter()
        .find(|p| p.status == Status::Todo)
        .unwrap();
    assert_eq!(date(&series, todo.entered), "2025-09-09");
    assert_eq!(date(&series, todo.left.unwrap()), "2025-12-16");
    let wip = issue
        .periods
        .iter()
        .find(|p| p.status == Status::InProgress)
        .unwrap();
    assert_eq!(date(&series, wip.entered), "2025-09-23");
    assert_eq!(wip.left, None);
    assert!(!issue.went_back);
    assert_eq!(issue.vanished_in, None);
}

#[test]
fn issue_4345_moves_from_wip_to_done() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // WIP in 2025-10-14.md, Done in 2025-10-28.md, gone afterwards.
    let issue = series.issue("dragonflyoss", "dragonfly", 4345).unwrap();
    let moves: Vec<(Status, String, Option<String>)> = issue
        .periods
        .iter()
        .map(|p| {
            (
                p.status,
                date(&series, p.entered),
                p.left.map(|m| date(&series, m)),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            (
                Status::InProgress,
                "2025-10-14".into(),
                Some("2025-10-28".into())
            ),
            (Status::Done, "2025-10-28".into(), Some("2025-11-25".into())),
        ]
    );
    assert_eq!(issue.vanished_in, None);
    assert!(issue.sightings.iter().all(|s| s.owners == ["CooooolFrog"]));
}

#[test]
fn attendance_by_login_and_by_name() {
    let Some(files) = dragonfly() else { return };
    let meetings = parse_all(&files);
    let series = Series::new(&meetings);

    // gaius-qi is listed in 18 of the 21 dated notes (not in 2024-04-25,
    // 2024-06-27 and the 2025-08-12 skip notice).
    let gaius = series
        .attendance
        .iter()
        .find(|p| p.handle.as_deref() == Some("gaius-qi"))
        .unwrap();
    assert_eq!(gaius.meetings.len(), 18);
    // `- Xuejin He (Ant Group)` has no login: 2025-09-23, 2025-10-14, 2025-10-28.
    let xuejin = series
        .attendance
        .iter()
        .find(|p| p.name == "Xuejin He")
        .unwrap();
    assert_eq!(xuejin.handle, None);
    let dates: Vec<String> = xuejin.meetings.iter().map(|&m| date(&series, m)).collect();
    assert_eq!(dates, ["2025-09-23", "2025-10-14", "2025-10-28"]);
}

#[test]
fn ordering_by_date_with_hints_and_diagnostics() {
    let a = minutes::parse("# Sync 2025-07-29\n\n## Actions\n\n- [ ] b\n");
    let b = minutes::parse("# Sync\n\n## Actions\n\n- [ ] a\n");
    let c = minutes::parse("# Sync 2025-07-15\n");
    let d = minutes::parse("# Sync\n");
    let hint = time::Date::from_calendar_date(2025, time::Month::July, 1).unwrap();
    let series = Series::with_hints([(&a, None), (&b, Some(hint)), (&c, None), (&d, None)]);
    let order: Vec<usize> = series.meetings.iter().map(|m| m.input).collect();
    // b by its hint, c and a by their dates, d undated after c (its input predecessor).
    assert_eq!(order, [1, 2, 3, 0]);
    assert_eq!(series.diagnostics.len(), 1);
    assert_eq!(series.diagnostics[0].code, SeriesCode::UndatedMeeting);
    assert_eq!(series.diagnostics[0].meeting, 2);
    // b's task is gone from a, the last meeting with tasks: dropped there.
    assert_eq!(series.actions[0].text, "a");
    assert_eq!(series.actions[0].status, ActionStatus::Dropped);
    assert_eq!(series.actions[0].dropped_in, Some(3));
    assert_eq!(series.actions[1].status, ActionStatus::Open);
}

#[test]
fn the_series_serializes_with_dates_and_snake_case_states() {
    let a = minutes::parse("# Sync 2025-07-29\n\n## Actions\n\n- [/] ship @ann\n\n### WIP\n\n- dragonflyoss/dragonfly#12\n");
    let series = Series::new([&a]);
    let json = serde_json::to_value(&series).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["meetings"][0]["date"], "2025-07-29");
    assert_eq!(json["actions"][0]["status"], "open");
    assert_eq!(json["actions"][0]["sightings"][0]["state"], "in_progress");
    assert_eq!(
        json["issues"][0]["sightings"][0]["statuses"][0],
        "in_progress"
    );
    assert_eq!(
        json["issues"][0]["periods"][0]["left"],
        serde_json::Value::Null
    );
    let back: Series = serde_json::from_value(json).unwrap();
    assert_eq!(back, series);
}

#[test]
fn schema_example_matches_the_series() {
    let doc = include_str!("../SCHEMA.md");
    let section = &doc[doc
        .find("\n## Series\n")
        .expect("SCHEMA.md has a Series section")..];
    let blocks: Vec<&str> = section
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|block| block.split_once('\n').unwrap().1)
        .collect();
    assert_eq!(blocks.len(), 3, "two notes and the JSON");
    let (a, b) = (minutes::parse(blocks[0]), minutes::parse(blocks[1]));
    let expected: serde_json::Value = serde_json::from_str(blocks[2]).expect("valid JSON");
    let actual = serde_json::to_value(Series::new([&a, &b])).unwrap();
    assert_eq!(actual, expected);
}

/// Issue 14: candidates come from an index; a typo that changes every word
/// of a short action (`Topics` → `Toics`) must still continue it, as the
/// pairwise comparison did.
#[test]
fn a_typo_in_every_word_of_a_short_action_still_continues_it() {
    let notes = [
        "# A 2025-01-07\n\n## Actions\n\n- [ ] Topics\n- [ ] release notes\n- [ ] Publish the blog post\n",
        "# B 2025-01-14\n\n## Actions\n\n- [ ] Toics\n- [ ] relase nots\n- [ ] Publish the blog post now\n",
        "# C 2025-01-21\n\n## Actions\n\n- [x] Toics\n- [x] relase notes\n- [x] Pblish teh blog post now\n",
    ];
    let meetings: Vec<Meeting<'_>> = notes.iter().map(|n| minutes::parse(n)).collect();
    let series = Series::new(&meetings);
    let seen: Vec<(usize, ActionStatus)> = series
        .actions
        .iter()
        .map(|a| (a.sightings.len(), a.status))
        .collect();
    assert_eq!(
        seen,
        [(3, ActionStatus::Closed); 3],
        "{:#?}",
        series.actions
    );
}
