//! A global allocator that counts, shared through `#[path]` by
//! `tests/memory.rs`, `benches/alloc.rs` and the fuzz target `linear`, so
//! that all three measure the same way: allocations (a `realloc` is one) and
//! the peak of live heap bytes. Nothing is timed, so a count replays exactly.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    ALLOCATIONS.fetch_add(1, Relaxed);
    let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Relaxed);
        grew(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What a closure cost the heap.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// Calls to `alloc` and `realloc`.
    pub allocations: usize,
    /// The most bytes live at once, above what was live before the call.
    pub peak_bytes: usize,
}

/// Runs `run` and counts its heap use; its result is returned alive (as a
/// caller holding the model would have it) and counted in the peak.
/// Only meaningful when no other thread allocates meanwhile.
pub fn measure<T>(run: impl FnOnce() -> T) -> (T, Usage) {
    let live = LIVE.load(Relaxed);
    PEAK.store(live, Relaxed);
    let allocations = ALLOCATIONS.load(Relaxed);
    let result = run();
    let usage = Usage {
        allocations: ALLOCATIONS.load(Relaxed) - allocations,
        peak_bytes: PEAK.load(Relaxed).saturating_sub(live),
    };
    (result, usage)
}
