//! `render` and `render_next` on arbitrary notes and dates: no panic, and
//! `parse(render(m))` gives `m` back up to spans, where render promises it.
//!
//! Arbitrary text can hold structure that the canonical form normalizes
//! (code, HTML, lazy lines, labels that then apply elsewhere), so the
//! equality is checked on `m1 = parse(render(m))`, whose text is already
//! canonical: `parse(render(m1)) == m1`, compared as `tests/render.rs`
//! compares (tests/support/round_trip.rs: spans and the diagnostics about
//! dropped source structure left out). `render` and `render_next` run on `m` itself, with dates over
//! `time`'s whole range, for the no-panic part.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use minutes::Options;
use time::Date;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    /// Day offsets: see `day`.
    hint: Option<i32>,
    next: Option<i32>,
    text: &'a str,
}

/// Any day from `first` to the last one `time` can represent, with the
/// last thousand days likely (negative offsets count from the end).
fn day(offset: i32, first: Date) -> Date {
    let min = first.to_julian_day();
    let max = Date::MAX.to_julian_day();
    let julian = if offset < 0 {
        max + 1 + offset.max(-1000)
    } else {
        min + offset % (max - min + 1)
    };
    Date::from_julian_day(julian).unwrap_or(Date::MAX)
}

/// Dates before year 1 serialize as `-005-01-01`, which the contract's
/// reader refuses (fuzz/README.md, known gaps), so they cannot round-trip.
fn year_one() -> Date {
    Date::from_calendar_date(1, time::Month::January, 1).unwrap_or(Date::MIN)
}

#[path = "../../tests/support/round_trip.rs"]
mod round_trip;

use round_trip::{comparable, first_difference};

fuzz_target!(|input: Input<'_>| {
    let mut options = Options::new();
    if let Some(hint) = input.hint {
        options = options.date_hint(day(hint, year_one()));
    }
    let meeting = minutes::parse_with(input.text, &options);
    let text = minutes::render(&meeting);
    let next = input.next.map(|next| day(next, Date::MIN));
    let draft = minutes::render_next(&meeting, next);
    let _ = minutes::parse(&draft);
    let _ = minutes::render_next(&meeting, None);

    // The round trip of canonical text (module docs).
    let canonical = minutes::parse_with(&text, &options);
    let text = minutes::render(&canonical);
    let again = minutes::parse_with(&text, &options);
    let (before, after) = (comparable(&canonical), comparable(&again));
    if before != after {
        let difference = first_difference(&before, &after, String::new()).unwrap_or_default();
        panic!(
            "parse(render(m)) != m at {difference}\n--- input ---\n{:?}\n--- render ---\n{text:?}",
            input.text
        );
    }
});
