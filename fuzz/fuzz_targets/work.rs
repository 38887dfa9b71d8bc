//! The work of one run against its size, for the `linear` (bytes) and
//! `series` (tasks) targets: allocations and peak heap always, and executed
//! coverage regions when built with
//! `RUSTFLAGS="-Cinstrument-coverage --cfg minutes_work_counter"`
//! (fuzz/README.md). Each target has `mod counting_alloc` at its root.

/// What one run cost, and its size in the target's unit.
#[derive(Debug, Clone, Copy)]
pub struct Work {
    pub size: usize,
    pub allocations: usize,
    pub peak_bytes: usize,
    pub regions: u64,
}

impl Work {
    /// The work of `run` on an input of `size` units; its result is
    /// dropped after the count.
    pub fn measure<T>(size: usize, run: impl FnOnce() -> T) -> Work {
        let regions = executed();
        let (result, usage) = crate::counting_alloc::measure(run);
        let work = Work {
            size,
            allocations: usage.allocations,
            peak_bytes: usage.peak_bytes,
            regions: executed() - regions,
        };
        drop(result);
        work
    }
}

/// Whether the work per unit grew by more than 40 % from `small` to `big`
/// (twice the size), after `slack` units of fixed cost.
fn step_grows(small: u64, big: u64, small_size: usize, big_size: usize, slack: u64) -> bool {
    big * 10 * small_size as u64 > 14 * (small + slack) * big_size as u64
}

/// Super-linear work grows per unit at both doublings; a one-time jump (a
/// small-list fast path giving way to a hash set at 16 entries, a vector
/// doubling its capacity) grows at one of them only.
pub fn super_linear(work: &[Work; 3], measure: impl Fn(&Work) -> u64, slack: u64) -> bool {
    work.windows(2)
        .all(|w| step_grows(measure(&w[0]), measure(&w[1]), w[0].size, w[1].size, slack))
}

#[cfg(minutes_work_counter)]
extern "C" {
    fn __llvm_profile_begin_counters() -> *const u64;
    fn __llvm_profile_end_counters() -> *const u64;
}

/// The sum of all coverage counters: executed regions so far.
#[cfg(minutes_work_counter)]
fn executed() -> u64 {
    // SAFETY: the profiler runtime linked by `-Cinstrument-coverage`
    // returns the bounds of its counter section, an array of u64 that
    // lives as long as the process; this thread is the only writer.
    unsafe {
        let begin = __llvm_profile_begin_counters();
        let end = __llvm_profile_end_counters();
        let len = (end as usize - begin as usize) / 8;
        std::slice::from_raw_parts(begin, len)
            .iter()
            .fold(0u64, |a, &c| a.wrapping_add(c))
    }
}

/// Without the work counter, no work is counted.
#[cfg(not(minutes_work_counter))]
fn executed() -> u64 {
    0
}
