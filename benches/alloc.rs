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

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use common::{minutes_parse, pulldown_events, pulldown_extract};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the wrapper only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        grew(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations per MB and peak bytes over input while `parse` runs, with the
/// result alive until the end (as a caller holding the model would have it).
fn count<T>(input: &str, parse: impl Fn(&str) -> T) -> (f64, f64) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    ALLOCATIONS.store(0, Relaxed);
    let result = black_box(parse(black_box(input)));
    let allocations = ALLOCATIONS.load(Relaxed);
    let peak = PEAK.load(Relaxed) - before;
    drop(result);
    let mb = input.len() as f64 / 1e6;
    (allocations as f64 / mb, peak as f64 / input.len() as f64)
}

fn report(name: &str, input: &str) {
    let rows = [
        ("minutes", count(input, minutes_parse)),
        ("pulldown-cmark-events", count(input, pulldown_events)),
        ("pulldown-cmark+extract", count(input, pulldown_extract)),
    ];
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
            input.len() as f64 / 1e6
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
    report("corpus-16MiB", &common::repeat_to(&corpus, 16 << 20));
    for (name, input) in common::pathological() {
        report(name, &input);
    }
}
