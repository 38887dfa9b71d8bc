//! Structured input: arbitrary `Options` and text. Beyond the span
//! invariants, each option keeps its promise: the size limit refuses exactly
//! the longer inputs, nesting never exceeds `max_depth`, the GFM dialect
//! makes only `[ ]` and `[x]` tasks, a default repository resolves every
//! reference, and a valid date hint always dates the meeting.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use minutes::{Options, TaskDialect, TaskState};

#[path = "../../tests/support/invariants.rs"]
mod invariants;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    hint: Option<(i16, u8, u8)>,
    repository: Option<(&'a str, &'a str)>,
    gfm: bool,
    max_depth: u16,
    max_input_len: Option<u16>,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let mut options = Options::new().max_depth(usize::from(input.max_depth));
    let hint = input.hint.and_then(|(year, month, day)| {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(i32::from(year), month, day).ok()
    });
    if let Some(date) = hint {
        options = options.date_hint(date);
    }
    if let Some((owner, repo)) = input.repository {
        options = options.default_repository(owner, repo);
    }
    if input.gfm {
        options = options.task_dialect(TaskDialect::Gfm);
    }
    if let Some(limit) = input.max_input_len {
        options = options.max_input_len(usize::from(limit));
    }
    let text = input.text;

    let result = minutes::parse_bytes_with(text.as_bytes(), &options);
    let too_long = options
        .values()
        .max_input_len
        .is_some_and(|limit| text.len() > limit);
    match result {
        Err(minutes::Error::InputTooLarge { len, .. }) => {
            assert!(too_long);
            assert_eq!(len, text.len());
            return;
        }
        Err(err) => panic!("valid UTF-8 refused: {err}"),
        Ok(_) => assert!(!too_long),
    }

    let meeting = minutes::parse_with(text, &options);
    invariants::check(text, &meeting);
    assert!(hint.is_none() || meeting.date.is_some());
    let mut stack: Vec<_> = meeting.all_items().map(|(item, _)| (item, 1)).collect();
    while let Some((item, depth)) = stack.pop() {
        assert!(depth <= options.values().max_depth, "item at depth {depth}");
        if input.gfm {
            let state = item.task.as_ref().map(|t| t.state);
            assert!(matches!(
                state,
                None | Some(TaskState::Open | TaskState::Done)
            ));
        }
        if input.repository.is_some() {
            assert!(item
                .references
                .iter()
                .all(|r| r.owner.is_some() && r.repo.is_some()));
        }
        stack.extend(item.children.iter().map(|c| (c, depth + 1)));
    }
});
