//! The note formats of other projects, each in a few lines: attendees,
//! metadata fields, next meeting host, action lines, bare tasks.

use minutes::{Code, SectionKind, TaskState};

fn names(meeting: &minutes::Meeting<'_>) -> Vec<String> {
    meeting
        .attendees
        .iter()
        .map(|a| a.name.to_string())
        .collect()
}

#[test]
fn bold_pseudo_headings_group_attendees() {
    let note = "# Releases WG\n\n## Attendees\n\n**Members**\n* @ckerr\n* Charles (@ckerr2)\n\n**Visitors**\nNone\n\n## Agenda\n- item\n";
    let meeting = minutes::parse(note);
    assert_eq!(names(&meeting), ["ckerr", "Charles"]);
    assert_eq!(meeting.attendees[1].handle.as_deref(), Some("ckerr2"));
    assert!(meeting.attendees[1].affiliations.is_empty());
}

#[test]
fn attendees_label_outside_a_section_and_company_after_at() {
    let note = "# Replication WG\n\n**Date**: 2019/02/20\n\n**Attendees**:\n\n* Steven Z@VMware (coordinator),\n* Yan Wang@VMware\n\n**Minutes by**: Steven Z\n\n## Updates\n- x\n";
    let meeting = minutes::parse(note);
    assert_eq!(names(&meeting), ["Steven Z", "Yan Wang"]);
    // A role is no affiliation (issue 13).
    assert_eq!(meeting.attendees[0].affiliations, ["VMware"]);
    assert_eq!(meeting.attendees[0].roles, ["coordinator"]);
    assert_eq!(meeting.attendees[0].handle, None);
    assert_eq!(meeting.note_takers, ["Steven Z"]);
    assert_eq!(
        meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2019-02-20")
    );
}

#[test]
fn comma_separated_attendees_and_team_lists() {
    let meeting =
        minutes::parse("# WG\nDate: 2018/12/25\nAttendees: Wenkai yin@VMware, Lei Yuan@Huawei\n");
    assert_eq!(names(&meeting), ["Wenkai yin", "Lei Yuan"]);
    let meeting = minutes::parse("# T-lang\n\n## Attendance\n\n* Team members: nikomatsakis, pnkfelix\n* Others: dtolnay\n* Guests:\n");
    assert_eq!(names(&meeting), ["nikomatsakis", "pnkfelix", "dtolnay"]);
    // An event's participants inside a topic are not the meeting's.
    let meeting =
        minutes::parse("# M\n\n## Topics\n\n### Meetup\n\n- Participants: @LunaWhispers\n");
    assert!(meeting.attendees.is_empty());
}

#[test]
fn table_bare_lines_and_head_count() {
    let note = "## Attendees\n\n| Abbreviation | Name | Organization |\n|---|---|---|\n| KS | Karl Schimpf | Google, Inc. |\n| WS | Wink Saville | |\n";
    let meeting = minutes::parse(note);
    assert_eq!(names(&meeting), ["Karl Schimpf", "Wink Saville"]);
    assert_eq!(meeting.attendees[0].affiliations, ["Google, Inc."]);
    let meeting = minutes::parse("## Participants\n\nFrancis McCabe \nZalim Bashorov\n\nThanks all for coming to this call today.\n");
    assert_eq!(names(&meeting), ["Francis McCabe", "Zalim Bashorov"]);
    let meeting = minutes::parse("## 👥 Attendees\n\n- Community members, 9 participants\n");
    assert!(meeting.attendees.is_empty());
    assert_eq!(meeting.head_count, Some(9));
}

#[test]
fn metadata_fields_host_and_note_takers() {
    let note = "# Meeting Summary: 2025-09-04\n\n## 📅 Meeting Information\n\n- **Date & Time**: September 4, 2025, 19:00 - 20:00\n- **Host**: @lazyparser\n- **Note Taker**: @mingcheng\n\n## Topics\n- **Recommendation**: later\n";
    let meeting = minutes::parse(note);
    assert_eq!(meeting.host.as_deref(), Some("lazyparser"));
    assert_eq!(meeting.note_takers, ["mingcheng"]);
    let keys: Vec<&str> = meeting.metadata.iter().map(|f| f.key.as_ref()).collect();
    assert_eq!(keys, ["Date & Time", "Host", "Note Taker"]);
    assert_eq!(
        meeting.metadata[0].value,
        "September 4, 2025, 19:00 - 20:00"
    );
}

#[test]
fn next_meeting_host_and_list_form() {
    let meeting =
        minutes::parse("## Next Meeting Schedule\n\nDate: 2026-03-24 Host by @CooooolFrog\n");
    let next = meeting.next_meeting.expect("announced");
    assert_eq!(
        next.date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-24")
    );
    assert_eq!(next.host.as_deref(), Some("CooooolFrog"));
    let meeting = minutes::parse("## Next Meeting\n\n- Date: 2026-04-07\n- Host: @EvanCley\n");
    let next = meeting.next_meeting.expect("announced");
    assert_eq!(
        next.date.map(|d| d.to_string()).as_deref(),
        Some("2026-04-07")
    );
    assert_eq!(next.host.as_deref(), Some("EvanCley"));
    assert_eq!(
        meeting.date, None,
        "the next meeting's date is not the meeting's"
    );
}

#[test]
fn action_lines_and_action_labels() {
    let note = "# TC\n\n## Streams\n\nWe talked.\nAction: Mikeal to make the move happen\nin a coordinated way.\n\n- Action items:\n    - post summary\n- Action item: Josh to own fcp merge\n- plain\n";
    let meeting = minutes::parse(note);
    let actions: Vec<&str> = meeting
        .all_items()
        .filter(|(item, _)| item.action)
        .map(|(item, _)| item.text.as_ref())
        .collect();
    assert_eq!(
        actions,
        ["post summary", "Action item: Josh to own fcp merge"]
    );
    let lines: Vec<&str> = meeting
        .action_lines
        .iter()
        .map(|i| i.text.as_ref())
        .collect();
    assert_eq!(
        lines,
        ["Action: Mikeal to make the move happen\nin a coordinated way."]
    );
}

#[test]
fn tasks_without_list_marker() {
    let note = "# Triage\n[x] [Beta nominations](https://example.com)\n[ ] [Nominated PRs](https://example.com)\n  [ ] https://github.com/rust-lang/rust/pull/58739\n[1] not a task\n";
    let meeting = minutes::parse(note);
    let section = &meeting.sections[0];
    let states: Vec<_> = section
        .items
        .iter()
        .map(|i| i.task.as_ref().map(|t| t.state))
        .collect();
    assert_eq!(states, [Some(TaskState::Done), Some(TaskState::Open)]);
    assert_eq!(section.items[1].children.len(), 1);
    assert_eq!(
        section.items[1].children[0].references[0].number,
        Some(58739)
    );
    let codes: Vec<Code> = meeting.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::TaskWithoutListMarker; 3]);
    assert_eq!(meeting.diagnostics[0].span.slice(note), Some("[x]"));
}

#[test]
fn clean_notes_have_no_diagnostics_and_slips_have_one() {
    let clean = "# Maintainer Meeting 2025-10-28\n\n## Attendees\n\n- [Gaius](https://github.com/gaius-qi) (Ant Group/Dragonfly)\n\n## Actions\n\n- [ ] Review @gaius-qi\n";
    assert!(minutes::parse(clean).diagnostics.is_empty());
    let slip = "## Attendees\n\n- [mingcheng](https://github.com/mingcheng) (The Apache Software Foundation\n- [Gaius](https://github.com/gaius-qi) (Ant Group)\n";
    let meeting = minutes::parse(slip);
    assert_eq!(meeting.diagnostics.len(), 1);
    assert_eq!(meeting.diagnostics[0].code, Code::UnclosedAffiliation);
    assert_eq!(
        meeting.diagnostics[0].span.slice(slip),
        Some("(The Apache Software Foundation")
    );
}

#[test]
fn block_quotes_and_labels_do_not_swallow_lists() {
    let note = "## Actions\n\n> quoted answer\n2. second\n\n**Todo Items:**\n- write docs\n";
    let meeting = minutes::parse(note);
    let section = &meeting.sections[0];
    assert_eq!(section.kind, SectionKind::Actions);
    let texts: Vec<&str> = section.items.iter().map(|i| i.text.as_ref()).collect();
    assert_eq!(texts, ["second", "write docs"]);
}
