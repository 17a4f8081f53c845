//! WebAssembly only: the global allocator. It is std's own (`System`, dlmalloc), which grows the
//! module's memory by just what a request lacks, 64 KiB at a time for small ones; every
//! `memory.grow` of a large memory costs V8 about 0.5 ms, and a 10 MB text, which needs 60 to
//! 100 MiB, grew it thousands of times and spent a second doing so (issue 12). Here, whenever a
//! request has grown the memory, the allocator is asked at once for a block of a quarter of the
//! new size, which it takes from the host in one step and keeps when the block is freed: the
//! memory grows geometrically, about 20 steps from start to 100 MiB, and ends about as large as
//! the call needed (WebAssembly memory never shrinks; the page keeps what it took). A half
//! overshot by 10 to 60% (`bench/hostile.mjs`, 10 MB: prose-distinct 366 MiB, a quarter 207,
//! std's allocator alone 225); an eighth gave no less (241).
//!
//! The one module allowed `unsafe`: a `GlobalAlloc` has to be an `unsafe impl`.
#![allow(unsafe_code)]

use core::arch::wasm32::memory_size;
use std::alloc::{GlobalAlloc, Layout, System};

#[global_allocator]
static GROW: Grow = Grow;

struct Grow;

/// Bytes of a WebAssembly page.
const PAGE: usize = 64 << 10;

// SAFETY: each method passes its arguments unchanged to `System`'s method of the same name, so
// the caller's guarantees are `System`'s and `System`'s results are returned unchanged. The
// only other allocation, in `ahead`, is a block of its own, freed with the layout it was
// allocated with before anything else runs (WebAssembly here is single-threaded).
unsafe impl GlobalAlloc for Grow {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pages = memory_size::<0>();
        let block = unsafe { System.alloc(layout) };
        ahead(pages);
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let pages = memory_size::<0>();
        let block = unsafe { System.alloc_zeroed(layout) };
        ahead(pages);
        block
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let pages = memory_size::<0>();
        let block = unsafe { System.realloc(ptr, layout, new_size) };
        ahead(pages);
        block
    }
}

/// When the memory has grown past `pages`, takes a quarter of its new size more from the host
/// (when the host will not give it, nothing happens). The block is freed at once: dlmalloc merges it
/// into its top chunk, from which the next requests are served without growing the memory.
fn ahead(pages: usize) {
    let now = memory_size::<0>();
    if now == pages {
        return;
    }
    // At most 2^16 pages of 2^16 bytes: a quarter of them in bytes fits a 32-bit usize.
    if let Ok(layout) = Layout::from_size_align(now * (PAGE / 4), 1) {
        // SAFETY: the layout's size is not zero (`now` counts at least the page just grown),
        // and the block is freed with that layout, untouched.
        unsafe {
            let block = System.alloc(layout);
            if !block.is_null() {
                System.dealloc(block, layout);
            }
        }
    }
}
