// cli/huge_pages.h — start-up on 2 MB pages instead of 4 KB ones.
//
// Loading the lexicons and the model builds about 40 MB of small objects.
// On the virtual machines this tool runs on, every first touch of a 4 KB
// page is a fault that costs ~9 µs in the hypervisor: 12,000 faults, about
// 90 ms of the 210 ms a one-line article took from start to end. With the
// heap grown in one step and marked for transparent huge pages, the same
// start-up takes ~900 faults.
//
// Process-wide malloc settings belong to the program, not to the library
// (the Python module and other hosts keep theirs): only the CLI calls this.
// Call it first thing in main(), before any large allocation.
#pragma once

namespace analyze_cli {

// Grows the heap by 64 MB at once (M_TOP_PAD), uses the one heap for every
// thread (M_ARENA_MAX 1), keeps freed memory instead
// of returning it between articles (M_TRIM_THRESHOLD), keeps allocations up
// to 32 MB in the heap, and advises the kernel to back the heap with huge
// pages (MADV_HUGEPAGE; a no-op where THP is off). Harmless where any step is
// unavailable (not glibc, a sanitizer's allocator).
void prefer_huge_pages();

}  // namespace analyze_cli
