//! The extension's global allocator: mimalloc, asked for a plain block
//! whenever the alignment wanted is one every mimalloc block has.
//!
//! Why not `mimalloc::MiMalloc`: it asks for an aligned block on every
//! allocation, whose path (checks of the alignment, a search for a block
//! that happens to be aligned) costs about 15 instructions more than a
//! plain one; a graded item makes a dozen or so allocations. Trees,
//! strings and vectors want 1-, 4- or 8-byte alignment, which every mimalloc
//! block already has (its smallest size class is one machine word).

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned};

/// Every block mimalloc hands out is aligned to at least a machine word.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: every method passes its arguments through to mimalloc, whose
// blocks are aligned to a word at least (mi_malloc, mi_zalloc, mi_realloc)
// or to the alignment asked for (the _aligned calls); `Layout` guarantees a
// power-of-two alignment and a size that does not overflow when rounded up
// to it, and the standard library never asks for zero bytes.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
