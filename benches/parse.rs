//! Criterion benchmarks: `minutes::parse` next to pulldown-cmark in the same
//! groups, so the report reads as ratios measured in the same run.
//!
//! ```text
//! cargo bench --bench parse                                   # everything
//! cargo bench --bench parse -- corpus --warm-up-time 1 --measurement-time 3
//! ```

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

use common::{minutes_parse, pulldown_events, pulldown_extract};

/// The three contenders on one input.
fn contenders<M: criterion::measurement::Measurement>(
    group: &mut BenchmarkGroup<'_, M>,
    input: &str,
) {
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function("minutes", |b| b.iter(|| minutes_parse(black_box(input))));
    group.bench_function("pulldown-cmark-events", |b| {
        b.iter(|| pulldown_events(black_box(input)))
    });
    group.bench_function("pulldown-cmark+extract", |b| {
        b.iter(|| pulldown_extract(black_box(input)))
    });
}

/// minutes and pulldown-cmark's bare events on `input`, as `name/...`.
fn minutes_and_events<M: criterion::measurement::Measurement>(
    group: &mut BenchmarkGroup<'_, M>,
    name: &str,
    input: &str,
) {
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function(format!("{name}/minutes"), |b| {
        b.iter(|| minutes_parse(black_box(input)))
    });
    group.bench_function(format!("{name}/pulldown-cmark-events"), |b| {
        b.iter(|| pulldown_events(black_box(input)))
    });
}

fn inputs(c: &mut Criterion) {
    let corpus = common::corpus();
    let mut group = c.benchmark_group("note");
    contenders(&mut group, common::NOTE);
    group.finish();

    let mut group = c.benchmark_group("corpus");
    contenders(&mut group, &corpus);
    group.finish();

    let notes = common::notes();
    let mut group = c.benchmark_group("notes");
    group.throughput(Throughput::Bytes(notes.len() as u64));
    group.bench_function("minutes", |b| {
        b.iter(|| common::each_note(black_box(&notes), minutes_parse))
    });
    group.bench_function("pulldown-cmark-events", |b| {
        b.iter(|| common::each_note(black_box(&notes), pulldown_events))
    });
    group.bench_function("pulldown-cmark+extract", |b| {
        b.iter(|| common::each_note(black_box(&notes), |note| pulldown_extract(note).tasks.len()))
    });
    group.finish();

    let big = common::repeat_to(&corpus, 16 << 20);
    let mut group = c.benchmark_group("corpus-16MiB");
    group.sample_size(10);
    contenders(&mut group, &big);
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, input) in common::pathological() {
        minutes_and_events(&mut group, name, &input);
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let base = common::scaling_base();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for (name, size) in common::SCALING_SIZES {
        minutes_and_events(&mut group, name, &common::repeat_to(&base, size));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = inputs, pathological, scaling
}
criterion_main!(benches);
