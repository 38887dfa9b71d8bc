//! Peak memory is a small constant times the input, measured by a counting
//! global allocator (deterministic: no timing, no RSS sampling).
//!
//! The constants asserted here are the ones documented in `fuzz/README.md`.
//! Everything runs in one test so that no other test thread allocates while
//! a parse is measured.

mod common;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;

/// Peak heap bytes that parsing `input` adds (the model included), per
/// input byte.
fn peak_per_byte(input: &str) -> f64 {
    let (meeting, usage) = counting_alloc::measure(|| minutes::parse(input));
    drop(meeting);
    usage.peak_bytes as f64 / input.len() as f64
}

/// `piece` repeated to at least `len` bytes.
fn fill(piece: &str, len: usize) -> String {
    piece.repeat(len.div_ceil(piece.len()))
}

/// The crate's sample and every note of the shared corpus (when it is there).
fn notes() -> Vec<String> {
    let sample =
        std::fs::read_to_string(common::crate_root().join("examples/data/dragonfly-2025-10-28.md"))
            .expect("the sample is readable");
    let corpus = common::corpus_files().into_iter().map(|(_, text)| text);
    std::iter::once(sample).chain(corpus).collect()
}

#[test]
fn peak_memory_is_a_small_constant_times_the_input() {
    const MIB: usize = 1 << 20;
    let each = notes();
    // The allocation goal of the benchmarks (BENCHMARKS.md), on real notes
    // parsed one by one as a user does.
    let (mut allocations, mut bytes) = (0, 0);
    for note in &each {
        let (meeting, usage) = counting_alloc::measure(|| minutes::parse(note));
        drop(meeting);
        allocations += usage.allocations;
        bytes += note.len();
    }
    let per_mb = allocations as f64 / (bytes as f64 / 1e6);
    println!("real notes, one by one: {per_mb:.0} allocations per MB");
    // The goal is for real notes of every size; the sample alone is one
    // small note, whose fixed costs per parse dominate.
    let real_notes = common::corpus_dir().is_some();
    if real_notes {
        assert!(per_mb <= 15_000.0, "{per_mb:.0} allocations per MB");
    }
    // (what, input, bound on peak bytes per input byte)
    let mut cases = vec![
        (
            "one 16 MiB item",
            format!(
                "- [ ] {}",
                fill(
                    "word @alice #12 [x](https://github.com/a/b/pull/3) ",
                    16 * MIB
                )
            ),
            32.0,
        ),
        ("a million headings", "# h\n".repeat(1_000_000), 64.0),
        ("a million @", "@".repeat(1_000_000), 1.0),
        (
            "a million @a in one item",
            format!("- {}", "@a ".repeat(1_000_000)),
            32.0,
        ),
        (
            "a million references in one item",
            format!("- {}", fill("#1 a/b#2 ", 9_000_000)),
            128.0,
        ),
        ("a million one-line items", "-\n".repeat(1_000_000), 160.0),
        (
            "a million empty checkboxes",
            "- []\n".repeat(1_000_000),
            128.0,
        ),
        (
            "a million paragraphs under one heading",
            // 82 since issue 17: a section's paragraphs are gathered in a
            // shared buffer and split off at their exact size at its close.
            format!("# h\n\n{}", "a\n\n".repeat(1_000_000)),
            128.0,
        ),
        (
            "a million attendees",
            format!("# Attendees\n{}", "- a (\n".repeat(1_000_000)),
            128.0,
        ),
    ];
    if real_notes {
        cases.push(("real notes, 64 MiB", fill(&each.join("\n"), 64 * MIB), 4.0));
    }
    for (what, input, bound) in &cases {
        let per_byte = peak_per_byte(input);
        // A quarter of the input must not need more per byte: the constant is
        // a constant, not a slowly growing factor.
        let quarter = input.get(..input.len() / 4).unwrap_or(input);
        let quarter_per_byte = peak_per_byte(quarter);
        println!("{what}: {} bytes, peak {per_byte:.2} bytes per byte ({quarter_per_byte:.2} at a quarter)", input.len());
        assert!(
            per_byte <= *bound,
            "{what}: {per_byte:.2} bytes per input byte"
        );
        assert!(
            per_byte <= 2.0 * quarter_per_byte + 0.5,
            "{what}: grows with the input"
        );
    }
}
