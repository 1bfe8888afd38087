#include "huge_pages.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace analyze_cli {

void prefer_huge_pages() {
#if defined(__GLIBC__)
  constexpr std::size_t kPad = std::size_t{64} << 20;
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // One arena: start-up loads on two threads, and a second thread's arena
  // would be grown 4 KB page by page (3,700 more faults); the workers'
  // small allocations are served by their thread caches without the lock.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kPad));
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // One allocation makes malloc grow the heap by the pad; volatile keeps
  // the compiler from eliding the pair.
  void* volatile grow = std::malloc(std::size_t{1} << 20);
  if (grow == nullptr) return;
  static_cast<char*>(grow)[0] = 0;
  std::free(grow);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // Only where the heap really grew by brk (not under a sanitizer's allocator).
  if (after <= before || after - before < kPad / 2) return;
  const std::uintptr_t begin = (before + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = after & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace analyze_cli
