// base/sha256.h — SHA-256 of the raw input, for `source.sha256`.
//
// A checksum lets a user join our output back to the file it came from and
// spot the same article scraped twice. Implemented here (FIPS 180-4) rather
// than pulling in a crypto library for one function.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace news {

// Lower-case hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace news
