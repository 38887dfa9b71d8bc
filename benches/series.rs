//! How `Series::new` scales: weekly notes of 50 new actions each at N, 2N
//! and 4N meetings (the time per meeting should stay flat), and two notes
//! of 4,000 tasks each whose texts all look alike (the second ticks every
//! task and rewords it), the shape that made the old pairwise matching
//! take 16 s and 758 MB. The notes are generated here, deterministically.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use minutes::{time, Meeting, Series};

/// Actions per weekly note.
const PER_NOTE: usize = 50;
/// Meetings in the smallest weekly series.
const N: usize = 100;

/// A pseudo-random six-letter word per call (xorshift), so that actions
/// share few words, as real ones do.
struct Words(u64);

impl Words {
    fn next(&mut self) -> String {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let mut x = self.0;
        (0..6)
            .map(|_| {
                let c = char::from(b'a' + (x % 26) as u8);
                x /= 26;
                c
            })
            .collect()
    }
}

/// `notes` weekly notes, each with `PER_NOTE` new open actions.
pub fn weekly(notes: usize) -> Vec<String> {
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    let start = time::Date::from_calendar_date(2000, time::Month::January, 3).expect("a date");
    (0..notes)
        .map(|week| {
            let date = start + time::Duration::weeks(week as i64);
            let mut note = format!("# Sync {date}\n\n## Actions\n\n");
            for _ in 0..PER_NOTE {
                let text = [words.next(), words.next(), words.next(), words.next()].join(" ");
                note.push_str(&format!("- [ ] {text} @ann\n"));
            }
            note
        })
        .collect()
}

/// Two notes of `tasks` tasks each, all alike: `Update the deployment
/// guide for component 0001` and so on, then each ticked and reworded
/// (`Updated …`). Every pair of the two notes scores at least 0.8, which
/// the old matcher kept in full (16 M pairs).
pub fn two_big(tasks: usize) -> Vec<String> {
    let open: String = (0..tasks)
        .map(|i| format!("- [ ] Update the deployment guide for component {i:04}\n"))
        .collect();
    let done: String = (0..tasks)
        .map(|i| format!("- [x] Updated the deployment guide for component {i:04}\n"))
        .collect();
    vec![
        format!("# Sync 2025-01-01\n\n## Actions\n\n{open}"),
        format!("# Sync 2025-01-08\n\n## Actions\n\n{done}"),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("series_weekly_50");
    group.sample_size(10);
    for notes in [N, 2 * N, 4 * N] {
        let texts = weekly(notes);
        let meetings: Vec<Meeting<'_>> = texts.iter().map(|t| minutes::parse(t)).collect();
        group.throughput(Throughput::Elements(notes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(notes), &meetings, |b, m| {
            b.iter(|| Series::new(m))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("series_two_notes");
    group.sample_size(10);
    let texts = two_big(4000);
    let meetings: Vec<Meeting<'_>> = texts.iter().map(|t| minutes::parse(t)).collect();
    group.bench_function("4000_tasks_each", |b| b.iter(|| Series::new(&meetings)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
