//! Executed coverage regions: the work measure of the `linear` and `series`
//! targets when they are built with
//! `RUSTFLAGS="-Cinstrument-coverage --cfg minutes_work_counter"`
//! (fuzz/README.md), and 0 otherwise.

#[cfg(minutes_work_counter)]
extern "C" {
    fn __llvm_profile_begin_counters() -> *const u64;
    fn __llvm_profile_end_counters() -> *const u64;
}

/// The sum of all coverage counters: executed regions so far.
#[cfg(minutes_work_counter)]
pub fn executed() -> u64 {
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
pub fn executed() -> u64 {
    0
}
