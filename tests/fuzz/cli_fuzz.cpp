// libFuzzer target: the whole CLI path on arbitrary bytes — decode (any
// encoding, BOMs, invalid UTF-8), every stage, the JSON Lines writer — must
// never crash or hang, and must print the same bytes as the JSON tree.
// The first byte picks the CLI's options (--strict, a forced encoding), so
// those paths are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  news::Options options = cli_support::cli_options();
  const std::uint8_t mode = data[0];
  options.strict = (mode & 1) != 0;
  if ((mode & 6) == 2) options.encoding = "EUC-KR";
  if ((mode & 6) == 4) options.encoding = "UTF-16LE";
  if ((mode & 8) != 0) options.published.reset();
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  news::Source source;
  source.path = "fuzz.txt";
  cli_support::check_output(news::analyze(bytes, source, options, cli_support::resources()));
  return 0;
}
