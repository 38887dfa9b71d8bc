//! The quick mode: one line per comparison, under a minute on two cores.
//!
//! ```text
//! cargo bench --bench quick
//! ```
//!
//! Contenders on one input run in alternating rounds and each keeps its
//! fastest round, so noise from other processes hits all of them alike and
//! the ratios stay readable on a busy machine. Criterion (`--bench parse`)
//! gives the full distributions.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use common::{minutes_parse, pulldown_events, pulldown_extract};

/// Rounds per measurement; each round times a batch of about `ROUND`.
const ROUNDS: usize = 11;
const ROUND: Duration = Duration::from_millis(40);

type Contender = (&'static str, fn(&str) -> usize);

const MINUTES: Contender = ("minutes", minutes_parse);
const EVENTS: Contender = ("pulldown-cmark-events", pulldown_events);
const EXTRACT: Contender = ("pulldown-cmark+extract", |s| {
    pulldown_extract(s).tasks.len()
});

/// Best seconds per iteration of each contender on `input`.
fn measure(input: &str, contenders: &[Contender]) -> Vec<f64> {
    // Calibrate a batch size per contender from one run.
    let batches: Vec<u32> = contenders
        .iter()
        .map(|(_, f)| {
            let start = Instant::now();
            black_box(f(black_box(input)));
            let once = start.elapsed().max(Duration::from_micros(1));
            (ROUND.as_secs_f64() / once.as_secs_f64()).clamp(1.0, 100_000.0) as u32
        })
        .collect();
    let mut best = vec![f64::INFINITY; contenders.len()];
    for _ in 0..ROUNDS {
        for (i, (_, f)) in contenders.iter().enumerate() {
            let start = Instant::now();
            for _ in 0..batches[i] {
                black_box(f(black_box(input)));
            }
            let per_iter = start.elapsed().as_secs_f64() / f64::from(batches[i]);
            best[i] = best[i].min(per_iter);
        }
    }
    best
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / secs / 1e6
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "NOT met"
    }
}

/// Measures all contenders on `input`, prints their throughput and the
/// ratios of minutes to the others; returns minutes' MB/s.
fn compare(name: &str, input: &str, contenders: &[Contender], goal: Option<f64>) -> f64 {
    let times = measure(input, contenders);
    let speeds: Vec<f64> = times.iter().map(|&t| mb_per_s(input.len(), t)).collect();
    let list: Vec<String> = contenders
        .iter()
        .zip(&speeds)
        .map(|((n, _), s)| format!("{n} {s:.0} MB/s"))
        .collect();
    println!(
        "{name} ({:.2} MB): {}",
        input.len() as f64 / 1e6,
        list.join(", ")
    );
    for ((other, _), speed) in contenders.iter().zip(&speeds).skip(1) {
        let ratio = speeds[0] / speed;
        let goal = match goal.filter(|_| *other == EVENTS.0) {
            Some(g) => format!("  (goal >= {g:.2}: {})", verdict(ratio >= g)),
            None => String::new(),
        };
        println!("ratio minutes/{other}: {ratio:.2}  [{name}]{goal}");
    }
    speeds[0]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter word runs only matching parts.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |part: &str| filter.as_deref().is_none_or(|f| part.contains(f));
    let started = Instant::now();
    let corpus = common::corpus();
    let all = [MINUTES, EVENTS, EXTRACT];

    if wanted("note") {
        compare("note", common::NOTE, &all, Some(3.0));
    }
    let corpus_speed = compare("corpus", &corpus, &all, Some(3.0));
    if wanted("notes") {
        let notes = common::notes();
        let each: [Contender; 3] = [
            ("minutes", |s| common::each_note(s, minutes_parse)),
            ("pulldown-cmark-events", |s| {
                common::each_note(s, pulldown_events)
            }),
            ("pulldown-cmark+extract", |s| {
                common::each_note(s, |note| pulldown_extract(note).tasks.len())
            }),
        ];
        compare("notes", &notes, &each, Some(3.0));
    }
    if wanted("16MiB") {
        let big = common::repeat_to(&corpus, 16 << 20);
        compare("corpus-16MiB", &big, &all, Some(3.0));
    }

    if wanted("scaling") {
        let base = common::scaling_base();
        let mut per_byte = Vec::new();
        for (name, size) in common::SCALING_SIZES {
            let input = common::repeat_to(&base, size);
            let secs = measure(&input, &[MINUTES])[0];
            println!(
                "scaling {name}: minutes {:.0} MB/s",
                mb_per_s(input.len(), secs)
            );
            per_byte.push(secs / input.len() as f64);
        }
        if let (Some(first), Some(last)) = (per_byte.first(), per_byte.last()) {
            let ratio = last / first;
            println!(
                "ratio time-per-byte 16MiB/100KB: {ratio:.2}  (goal <= 1.25: {})",
                verdict(ratio <= 1.25)
            );
        }
    }

    if wanted("pathological") {
        for (name, input) in common::pathological() {
            let speed = compare(name, &input, &[MINUTES, EVENTS], None);
            let ratio = speed / corpus_speed;
            println!(
                "ratio pathological/corpus: {ratio:.2}  [{name}]  (goal >= 0.10: {})",
                verdict(ratio >= 0.10)
            );
        }
    }
    println!("quick mode took {:.1} s", started.elapsed().as_secs_f64());
}
