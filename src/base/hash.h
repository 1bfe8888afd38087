// src/hash.h — a fixed 64-bit mixer (MurmurHash3's finalizer), private to
// the library. Fixed and platform-independent on purpose, never std::hash:
// the NER model file's feature hashes and the dedup shingles must mean the
// same thing on every build and every run.
#pragma once

#include <cstdint>

namespace news {

inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace news
