//! The allocation report: allocations per MB of input and peak heap over
//! input size, for `minutes` and for pulldown-cmark, counted by a global
//! allocator that wraps the system one.
//!
//! ```text
//! cargo bench --bench alloc
//! ```
//!
//! `realloc` counts as an allocation; the peak is the most bytes live at once
//! during the parse, above what was live before it (the input itself is not
//! counted).

mod common;

use std::hint::black_box;

use common::{minutes_parse, pulldown_events, pulldown_extract};

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;

/// Allocations per MB and peak bytes over input while `parse` runs, with the
/// result alive until the end (as a caller holding the model would have it).
fn count<T>(input: &str, parse: impl Fn(&str) -> T) -> (f64, f64) {
    let (result, usage) = counting_alloc::measure(|| black_box(parse(black_box(input))));
    drop(result);
    let mb = input.len() as f64 / 1e6;
    (
        usage.allocations as f64 / mb,
        usage.peak_bytes as f64 / input.len() as f64,
    )
}

/// [`count`] over each note of `notes` (see `common::notes`) parsed on its
/// own: allocations per MB of all notes, and each note's peak summed over
/// their total size (the mean peak over input, weighted by size).
fn count_each<T>(notes: &str, parse: impl Fn(&str) -> T) -> (f64, f64) {
    let (mut allocations, mut peaks, mut bytes) = (0.0, 0.0, 0.0);
    for note in notes.split('\0') {
        let (per_mb, peak) = count(note, &parse);
        let len = note.len() as f64;
        allocations += per_mb * len / 1e6;
        peaks += peak * len;
        bytes += len;
    }
    (allocations / (bytes / 1e6), peaks / bytes)
}

fn report(name: &str, input: &str) {
    let rows = [
        ("minutes", count(input, minutes_parse)),
        ("pulldown-cmark-events", count(input, pulldown_events)),
        ("pulldown-cmark+extract", count(input, pulldown_extract)),
    ];
    print_rows(name, input.len(), rows);
}

fn report_each(name: &str, notes: &str) {
    let rows = [
        ("minutes", count_each(notes, minutes_parse)),
        ("pulldown-cmark-events", count_each(notes, pulldown_events)),
        (
            "pulldown-cmark+extract",
            count_each(notes, pulldown_extract),
        ),
    ];
    print_rows(name, notes.len(), rows);
}

fn print_rows(name: &str, len: usize, rows: [(&str, (f64, f64)); 3]) {
    for (who, (per_mb, peak)) in rows {
        let goals = if who == "minutes" {
            format!(
                "  (goals <= 15000/MB: {}, <= 4x: {})",
                verdict(per_mb <= 15_000.0),
                verdict(peak <= 4.0)
            )
        } else {
            String::new()
        };
        println!(
            "{name} ({:.2} MB) {who}: {per_mb:.0} allocations/MB, peak heap {peak:.2}x input{goals}",
            len as f64 / 1e6
        );
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "NOT met"
    }
}

fn main() {
    let corpus = common::corpus();
    report("note", common::NOTE);
    report("corpus", &corpus);
    report_each("notes", &common::notes());
    report("corpus-16MiB", &common::repeat_to(&corpus, 16 << 20));
    for (name, input) in common::pathological() {
        report(name, &input);
    }
}
