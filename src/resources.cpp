#include "resources.h"

#include <dlfcn.h>

#include <cstdlib>
#include <exception>
#include <future>
#include <system_error>

namespace news {
namespace fs = std::filesystem;

Resources Resources::load(const fs::path& data_dir, bool with_ner_model) {
  // The name lexicons are about half of start-up; everything else loads
  // beside them on a second thread (start-up is most of a small run).
  Resources resources;
  auto the_rest = std::async(std::launch::async, [&resources, &data_dir, with_ner_model] {
    resources.sections = Lexicon::load(data_dir / "sections.txt", 0, 0);
    resources.particles = Particles::load(data_dir / "particles.txt");
    resources.abbreviations = Lexicon::load(data_dir / "abbreviations.txt", 0, 0);
    resources.roles = RolePatterns::load(data_dir / "roles.txt");
    resources.currencies = Lexicon::load(data_dir / "currencies.txt", 2, 4);
    resources.value_words = ValueWords::load(data_dir / "value-words.txt");
    resources.counters = Lexicon::load(data_dir / "counters.txt", 0, 1);
    resources.date_vocabulary = DateVocabulary::load(
        data_dir / "date-vocabulary.txt", Lexicon::load(data_dir / "date-words.txt", 2, 2));
    if (with_ner_model) resources.ner_model = NerModel::load(data_dir / "ner-model.bin");
  });
  std::exception_ptr names_error;
  try {
    resources.names = NameLexicons::load(data_dir);
  } catch (...) {
    names_error = std::current_exception();
  }
  the_rest.get();  // its error first, where both threads met one
  if (names_error) std::rethrow_exception(names_error);
  return resources;
}

fs::path find_data_dir(const std::optional<fs::path>& explicit_dir) {
  std::error_code ec;
  const auto usable = [&](const fs::path& dir) {
    return fs::is_directory(dir / "samples", ec) || fs::is_regular_file(dir / "sections.txt", ec);
  };
  if (explicit_dir) {
    if (!usable(*explicit_dir))
      throw LexiconError(explicit_dir->string() + ": not a data directory");
    return *explicit_dir;
  }
  if (const char* env = std::getenv("ANALYZE_DATA"); env != nullptr && *env != '\0') {
    if (!usable(env))
      throw LexiconError(std::string(env) + " (from ANALYZE_DATA): not a data directory");
    return env;
  }
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {exe.parent_path().parent_path() / "data",
          exe.parent_path().parent_path() / "share" / "analyze" / "data"}) {
      if (usable(candidate)) return candidate;
    }
  }
  // A program that links the library (a C program, the Python module) finds
  // the data the library was installed with: share/analyze/data relative to
  // libnews.so's own folder (for the static library, the program's file).
  Dl_info library{};
  if (dladdr(reinterpret_cast<const void*>(&find_data_dir), &library) != 0 &&
      library.dli_fname != nullptr) {
    const fs::path candidate = fs::weakly_canonical(fs::path(library.dli_fname), ec).parent_path() /
                               ANALYZE_DATA_FROM_LIBRARY;
    if (!ec && usable(candidate)) return candidate.lexically_normal();
  }
  const fs::path built_from = ANALYZE_DATA_DIR;
  if (usable(built_from)) return built_from;
  throw LexiconError("cannot find the data directory; set ANALYZE_DATA or pass --data-dir");
}

}  // namespace news
