//! The wasm build's global allocator: free lists of power-of-two blocks over `memory.grow`,
//! in place of the standard library's dlmalloc, which is several kilobytes of the download.
//!
//! Every block is `2^k` bytes for the smallest `k` that holds the request (at least one word)
//! and is aligned to its size, or to a 64 KiB page when larger. A freed block goes on the front
//! of its size's list, its first word pointing to the next one, and is handed out again for the
//! next request of that size. Blocks are never split or merged: a widget repeats the same
//! allocations, so its memory stops growing once every size it uses has been freed once.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;

const PAGE: usize = 65536;
const WORD: usize = core::mem::size_of::<usize>();

/// The size class of a layout: `k` for a block of `2^k` bytes.
pub fn class(layout: Layout) -> usize {
    // A layout's size is at most isize::MAX, so the power of two cannot overflow.
    layout.size().max(layout.align()).max(WORD).next_power_of_two().trailing_zeros() as usize
}

pub struct Allocator {
    /// The first free block of each class, 0 for none.
    free: [Cell<usize>; usize::BITS as usize],
    /// Memory not yet handed out: from `next` up to `end`, the end of linear memory.
    next: Cell<usize>,
    end: Cell<usize>,
}

// SAFETY: wasm32 without the `atomics` feature (the only build that uses this, see lib.rs) runs
// one thread, so the cells are never touched from two threads.
unsafe impl Sync for Allocator {}

impl Allocator {
    pub const fn new() -> Allocator {
        Allocator { free: [const { Cell::new(0) }; usize::BITS as usize], next: Cell::new(0), end: Cell::new(0) }
    }

    /// A new block of class `k` from the end of memory, growing memory when it is used up.
    fn carve(&self, k: usize, align: usize) -> Option<usize> {
        let size = 1 << k;
        let step = size.min(PAGE);
        if align > step {
            return None; // alignment above 64 KiB: never asked for
        }
        loop {
            let start = self.next.get().checked_next_multiple_of(step)?;
            let stop = start.checked_add(size)?;
            if stop <= self.end.get() {
                self.next.set(stop);
                return Some(start);
            }
            let pages = (stop - self.end.get()).div_ceil(PAGE);
            let old = core::arch::wasm32::memory_grow::<0>(pages);
            if old == usize::MAX {
                return None;
            }
            let old_end = old.checked_mul(PAGE)?;
            if old_end != self.end.get() {
                // The first call, or memory that someone else grew: start afresh after it.
                self.next.set(old_end);
            }
            self.end.set(old_end.checked_add(pages * PAGE)?);
        }
    }
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(layout);
        let head = self.free[k].get();
        if head == 0 {
            return self.carve(k, layout.align()).unwrap_or(0) as *mut u8;
        }
        // SAFETY: `head` is a free block of this class; its first word links to the next one.
        self.free[k].set(unsafe { *(head as *const usize) });
        head as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let k = class(layout);
        // SAFETY: the caller gives back a block of this class, at least a word long and aligned.
        unsafe { *(ptr as *mut usize) = self.free[k].get() };
        self.free[k].set(ptr as usize);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees that `new_size` with this alignment is a valid layout.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr; // the block already has room
        }
        // SAFETY: as for any allocation; the old block is copied, then given back.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}
