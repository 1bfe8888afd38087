// libFuzzer target: --jsonl input. Each line of the input is one record as
// the CLI reads it (analyze_record): broken JSON, missing or odd-typed
// fields, escapes, invalid UTF-8 and huge numbers must give an error record
// or a document, never a crash, and print valid JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "batch/input.h"
#include "cli_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const news::Options options = cli_support::cli_options();
  std::size_t number = 0;
  for (std::size_t start = 0; start <= input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    ++number;
    const news::Document document = news::analyze_record(input.substr(start, end - start), number,
                                                         options, cli_support::resources());
    cli_support::check_output(document);
    start = end + 1;
  }
  return 0;
}
