//! The worker's allocator: talc, growing the module's memory by what an
//! allocation lacks, not by its whole size.
//!
//! Rust's default allocator for wasm (dlmalloc), like talc's own wasm
//! source, asks the engine for an allocation's whole size when it does not
//! fit, even where the free end of the heap already holds most of it: the
//! memory grows by the whole size, and as much as was free stays free, for
//! good (a module's memory never shrinks). The worker makes one big
//! allocation per body (its bytes) just after its warm-up has freed what
//! it used, and so kept the warm-up's peak beside the body: 1.63 MiB for
//! the 1 MB feed, 1.44 with this source (docs/performance.md, stop 35).

use core::alloc::Layout;
use core::arch::wasm32::memory_grow;
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

/// The engine's unit of memory.
const PAGE: usize = 64 << 10;

/// The module's allocator (talc's wasm set-up, with [`GrowByShortfall`]).
pub(crate) type WorkerTalc = TalcSyncCell<GrowByShortfall, WasmBinning>;

/// A new [`WorkerTalc`], for `#[global_allocator]`.
pub(crate) const fn worker_allocator() -> WorkerTalc {
    TalcSyncCell::new_wasm(GrowByShortfall { end: None })
}

/// A talc source that grows the module's memory by what the free end of
/// the heap lacks for an allocation, and extends the heap over it.
#[derive(Debug)]
pub(crate) struct GrowByShortfall {
    /// Where the heap ends: the memory's end, once anything was claimed.
    end: Option<NonNull<u8>>,
}

// SAFETY: `acquire` allocates nothing; the memory it hands talc is the
// engine's new pages, which nothing else uses.
unsafe impl Source for GrowByShortfall {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // The allocation with talc's tags and alignment, counted generously:
        // were it short, talc would ask again and get another page.
        let needed = layout.size() + 2 * CHUNK_UNIT + layout.align();
        // SAFETY: `end` is the end of the heap as this source last made it.
        let free_end = talc.source.end.map_or(0, |end| end.as_ptr() as usize - unsafe { talc.reserved(end) }.up_to.as_ptr() as usize);
        let pages = needed.saturating_sub(free_end).div_ceil(PAGE).max(1);
        let old_pages = memory_grow::<0>(pages);
        if old_pages == usize::MAX {
            return Err(());
        }
        let base = (old_pages * PAGE) as *mut u8;
        let new_end = base.wrapping_add(pages * PAGE);
        talc.source.end = match talc.source.end.take() {
            // SAFETY: the new pages follow the heap's end and are talc's alone.
            Some(end) if end.as_ptr() == base => Some(unsafe { talc.extend(end, new_end) }),
            // The first heap, or memory grown by someone else in between: a
            // heap of its own (whose free end the next call measures).
            // SAFETY: the new pages are talc's alone.
            _ => unsafe { talc.claim(base, pages * PAGE) },
        };
        Ok(())
    }
}
