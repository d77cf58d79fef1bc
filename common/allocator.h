// Process-wide allocator settings for the long-running search processes.
#pragma once

namespace ayc {

// Keeps freed memory in the process for reuse instead of handing it back to
// the kernel. A search allocates and frees match lists of up to a few
// hundred KiB; with glibc's defaults those went back to the kernel (mmap and
// munmap, heap trimming) and were faulted in again by the next search: ~4%
// of the server's CPU under load. The process's size is set by its caches
// anyway. Call once at start, before any thread.
void keep_freed_memory();

}  // namespace ayc
