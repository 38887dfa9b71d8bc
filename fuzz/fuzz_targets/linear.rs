//! Super-linear detector (after comrak's): a fuzzed fragment is repeated,
//! sandwiched or nested into inputs of about N, 2N and 4N bytes, and the
//! target fails when the work per byte grows by more than 40 % at both
//! doublings (a quadratic path doubles it at each).
//! N is 4 KiB: bounded windows (a link destination looks across at most 32
//! parentheses, here up to 32 fragments of 32 bytes) must fit well inside N,
//! or their linear cost looks super-linear (the first run, at N = 1 KiB,
//! stopped on exactly that).
//!
//! Work is counted, never timed, so a finding replays exactly:
//! - always: allocations and peak live heap bytes, by a counting allocator;
//! - when built with `RUSTFLAGS="-Cinstrument-coverage --cfg minutes_work_counter"`
//!   (see fuzz/README.md): every executed coverage region, from LLVM's 64-bit
//!   profile counters, which catches loops that allocate nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/counting_alloc.rs"]
mod counting_alloc;

mod work;

use work::{super_linear, Work};

#[derive(Debug)]
enum Shape {
    /// `a b b b … b c`
    Repeat,
    /// `a a a … b … c c c`
    Sandwich,
    /// Lines `b`, `a b`, `a a b`, …: nesting that deepens with N.
    Nest,
}

/// The input format is plain so that findings can be written by hand: the
/// first byte picks the shape (`% 3`: repeat, sandwich, nest), the rest is
/// `a`, `b` and `c` separated by `0xFF` (never part of UTF-8). With one part
/// it is `b`, with two `a` and `b`.
fn decode(data: &[u8]) -> Option<(Shape, String, String, String)> {
    let (&first, rest) = data.split_first()?;
    let shape = match first % 3 {
        0 => Shape::Repeat,
        1 => Shape::Sandwich,
        _ => Shape::Nest,
    };
    let mut parts: Vec<String> = rest
        .split(|&b| b == 0xff)
        .take(3)
        .map(|part| clip(&String::from_utf8_lossy(part)).to_string())
        .collect();
    if parts.len() == 1 {
        parts.insert(0, String::new());
    }
    parts.resize(3, String::new());
    let c = parts.pop()?;
    let b = parts.pop()?;
    let a = parts.pop()?;
    Some((shape, a, b, c))
}

const N: usize = 4096;
const MAX_FRAGMENT: usize = 32;

fn clip(text: &str) -> &str {
    let mut end = text.len().min(MAX_FRAGMENT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The input of the smallest size `k` that reaches `target` bytes.
fn build(shape: &Shape, a: &str, b: &str, c: &str, target: usize) -> String {
    let make = |k: usize| -> String {
        match shape {
            Shape::Repeat => [a, &b.repeat(k), c].concat(),
            Shape::Sandwich => [a.repeat(k), b.to_string(), c.repeat(k)].concat(),
            Shape::Nest => (0..k)
                .map(|i| [a.repeat(i), b.to_string(), "\n".into()].concat())
                .collect(),
        }
    };
    let len = |k: usize| -> usize {
        match shape {
            Shape::Repeat => a.len() + k * b.len() + c.len(),
            Shape::Sandwich => k * (a.len() + c.len()) + b.len(),
            Shape::Nest => k * (k.saturating_sub(1)) / 2 * a.len() + k * (b.len() + 1),
        }
    };
    let mut k = 1;
    while len(k) < target {
        k *= 2;
    }
    let (mut low, mut high) = (k / 2, k);
    while low + 1 < high {
        let mid = (low + high) / 2;
        if len(mid) < target {
            low = mid;
        } else {
            high = mid;
        }
    }
    make(high)
}

fn measure(text: &str) -> Work {
    Work::measure(text.len(), || minutes::parse(text))
}

fuzz_target!(|data: &[u8]| {
    let Some((shape, a, b, c)) = decode(data) else {
        return;
    };
    let grows_with_k = match shape {
        Shape::Repeat | Shape::Nest => !b.is_empty(),
        Shape::Sandwich => !(a.is_empty() && c.is_empty()),
    };
    if !grows_with_k {
        return;
    }
    let texts = [N, 2 * N, 4 * N].map(|size| build(&shape, &a, &b, &c, size));
    let work = texts.each_ref().map(|text| measure(text));
    if std::env::var_os("LINEAR_VERBOSE").is_some() {
        eprintln!("{work:?}");
    }
    let grows = super_linear(&work, |w| w.allocations as u64, 64)
        || super_linear(&work, |w| w.peak_bytes as u64, 4096)
        || super_linear(&work, |w| w.regions, 4096);
    assert!(!grows, "work per byte grows with the input: {work:#?}");
});
