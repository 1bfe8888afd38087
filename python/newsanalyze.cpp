// newsanalyze — the Python module over news::Analyzer (pybind11).
//
// Records cross into Python as the CLI's JSON text, parsed by Python's own
// json module: a dict from analyze() is json.loads of `analyze`'s output
// line, by construction, with no second serializer to keep in step.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "news/analyzer.h"

namespace py = pybind11;

namespace {

// "auto" (by content), "text" or "html", as the CLI's --input-format.
news::InputFormat input_format_of(const std::string& name) {
  if (name == "auto") return news::InputFormat::kAuto;
  if (name == "text") return news::InputFormat::kText;
  if (name == "html") return news::InputFormat::kHtml;
  throw py::value_error("input_format must be \"auto\", \"text\" or \"html\", not \"" + name +
                        "\"");
}

news::Options options_from(std::optional<std::string> published, bool tokens, bool strict,
                           std::optional<std::string> encoding,
                           const std::string& input_format = "auto") {
  news::Options options;
  options.input_format = input_format_of(input_format);
  options.published = std::move(published);
  options.tokens = tokens;
  options.strict = strict;
  options.encoding = std::move(encoding);
  return options;
}

// json.loads of one record (the json module is cached in sys.modules).
news::Analyzer::PathOrigin origin_of(bool from_folder) {
  return from_folder ? news::Analyzer::PathOrigin::kFromFolder : news::Analyzer::PathOrigin::kGiven;
}

py::object parse(const std::string& record) {
  return py::module_::import("json").attr("loads")(py::str(record));
}

unsigned thread_count(int jobs, std::size_t tasks) {
  unsigned n = jobs > 0 ? static_cast<unsigned>(jobs) : std::thread::hardware_concurrency();
  if (n == 0) n = 1;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, tasks)));
}

// Runs `work(i)` for every i < count on `threads` threads, without the GIL;
// the first exception is rethrown once all have finished.
template <typename Work>
void run_parallel(std::size_t count, unsigned threads, Work work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  const auto worker = [&] {
    for (std::size_t i; !failed.load() && (i = next.fetch_add(1)) < count;) {
      try {
        work(i);
      } catch (...) {
        if (!failed.exchange(true)) failure = std::current_exception();
      }
    }
  };
  {
    py::gil_scoped_release no_gil;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
}

py::list parse_all(const std::vector<std::string>& records) {
  const py::object loads = py::module_::import("json").attr("loads");
  py::list out;
  for (const std::string& record : records) out.append(loads(py::str(record)));
  return out;
}

}  // namespace

PYBIND11_MODULE(newsanalyze, m) {
  m.doc() =
      "News-article analysis (Korean and English): metadata, deduplicated paragraphs and "
      "entities.\n\nEach record is the dict that json.loads gives for the `analyze` command "
      "line's output for the same article (docs/output.md). An article that cannot be analyzed "
      "(binary, unreadable) is a record with an \"error\" field, not an exception.";

  static py::exception<news::OptionsError> options_error(m, "OptionsError", PyExc_ValueError);
  static py::exception<news::DataError> data_error(m, "DataError", PyExc_OSError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const news::OptionsError& e) {
      options_error(e.what());
    } catch (const news::DataError& e) {
      if (e.missing()) {
        PyErr_SetString(PyExc_FileNotFoundError, e.what());
      } else {
        data_error(e.what());
      }
    }
  });

  py::class_<news::Analyzer>(m, "Analyzer",
                             "Opens the data (lexicons, NER model) once; analyze from many "
                             "threads.")
      .def(py::init([](std::optional<std::filesystem::path> data_dir, bool model,
                       std::vector<std::filesystem::path> lexicons) {
             news::AnalyzerConfig config;
             config.data_dir = std::move(data_dir);
             config.use_model = model;
             config.user_lexicons = std::move(lexicons);
             py::gil_scoped_release no_gil;
             return news::Analyzer(config);
           }),
           py::arg("data_dir") = py::none(), py::arg("model") = true,
           py::arg("lexicons") = std::vector<std::filesystem::path>{},
           "data_dir=None: $ANALYZE_DATA, else the installed data. model=False: names from the "
           "lexicons and rules alone (--no-model). lexicons: user name lexicons (--lexicon).\n"
           "Raises FileNotFoundError when there is no data directory, newsanalyze.DataError "
           "(an OSError) when a data file is malformed.")
      .def_property_readonly(
          "data_dir", [](const news::Analyzer& a) { return a.data_dir(); },
          "The directory the data was read from.")
      .def(
          "analyze_json",
          [](const news::Analyzer& a, const std::string& text, std::optional<std::string> published,
             std::optional<std::string> id, bool tokens, bool strict,
             std::optional<std::string> encoding, const std::string& input_format) {
            const news::Options options = options_from(std::move(published), tokens, strict,
                                                       std::move(encoding), input_format);
            py::gil_scoped_release no_gil;
            return a.analyze_json(text, options, std::move(id));
          },
          py::arg("text"), py::kw_only(), py::arg("published") = py::none(),
          py::arg("id") = py::none(), py::arg("tokens") = false, py::arg("strict") = false,
          py::arg("encoding") = py::none(), py::arg("input_format") = "auto",
          "The CLI's compact JSON record (one line) for the article `text` (str, or bytes in "
          "any encoding the CLI detects). Raises ValueError for a `published` that is not "
          "ISO 8601.")
      .def(
          "analyze",
          [](const news::Analyzer& a, const std::string& text, std::optional<std::string> published,
             std::optional<std::string> id, bool tokens, bool strict,
             std::optional<std::string> encoding, const std::string& input_format) {
            const news::Options options = options_from(std::move(published), tokens, strict,
                                                       std::move(encoding), input_format);
            std::string record;
            {
              py::gil_scoped_release no_gil;
              record = a.analyze_json(text, options, std::move(id));
            }
            return parse(record);
          },
          py::arg("text"), py::kw_only(), py::arg("published") = py::none(),
          py::arg("id") = py::none(), py::arg("tokens") = false, py::arg("strict") = false,
          py::arg("encoding") = py::none(), py::arg("input_format") = "auto",
          "The record of one article as a dict: json.loads(analyze_json(...)).")
      .def(
          "analyze_file",
          [](const news::Analyzer& a, const std::filesystem::path& path,
             std::optional<std::string> published, bool tokens, bool strict,
             std::optional<std::string> encoding, bool from_folder,
             const std::string& input_format) {
            const news::Options options = options_from(std::move(published), tokens, strict,
                                                       std::move(encoding), input_format);
            std::string record;
            {
              py::gil_scoped_release no_gil;
              record = a.analyze_file_json(path, options, origin_of(from_folder));
            }
            return parse(record);
          },
          py::arg("path"), py::kw_only(), py::arg("published") = py::none(),
          py::arg("tokens") = false, py::arg("strict") = false, py::arg("encoding") = py::none(),
          py::arg("from_folder") = false, py::arg("input_format") = "auto",
          "The record `analyze PATH` prints, as a dict (source.path is `path` as given). A file "
          "that cannot be read gives an error record, not an exception. from_folder=True: the "
          "path was listed from a folder; a FIFO, socket or device is then a not_regular_file "
          "record instead of a read that may block, as in the CLI's folder walks.")
      .def(
          "analyze_file_json",
          [](const news::Analyzer& a, const std::filesystem::path& path,
             std::optional<std::string> published, bool tokens, bool strict,
             std::optional<std::string> encoding, bool from_folder,
             const std::string& input_format) {
            const news::Options options = options_from(std::move(published), tokens, strict,
                                                       std::move(encoding), input_format);
            py::gil_scoped_release no_gil;
            return a.analyze_file_json(path, options, origin_of(from_folder));
          },
          py::arg("path"), py::kw_only(), py::arg("published") = py::none(),
          py::arg("tokens") = false, py::arg("strict") = false, py::arg("encoding") = py::none(),
          py::arg("from_folder") = false, py::arg("input_format") = "auto",
          "The line `analyze PATH` prints for the file (compact JSON, no newline).")
      .def(
          "analyze_many",
          [](const news::Analyzer& a, const std::vector<std::string>& texts, int jobs,
             std::optional<std::string> published, bool tokens, const std::string& input_format) {
            const news::Options options =
                options_from(std::move(published), tokens, false, {}, input_format);
            std::vector<std::string> records(texts.size());
            run_parallel(texts.size(), thread_count(jobs, texts.size()),
                         [&](std::size_t i) { records[i] = a.analyze_json(texts[i], options); });
            return parse_all(records);
          },
          py::arg("texts"), py::arg("jobs") = 0, py::kw_only(), py::arg("published") = py::none(),
          py::arg("tokens") = false, py::arg("input_format") = "auto",
          "The records of many articles, in order, analyzed on `jobs` threads (0: every core) "
          "without the GIL.")
      .def(
          "analyze_files",
          [](const news::Analyzer& a, const std::vector<std::filesystem::path>& paths, int jobs,
             std::optional<std::string> published, bool tokens, bool from_folder,
             const std::string& input_format) {
            const news::Options options =
                options_from(std::move(published), tokens, false, {}, input_format);
            std::vector<std::string> records(paths.size());
            run_parallel(paths.size(), thread_count(jobs, paths.size()), [&](std::size_t i) {
              records[i] = a.analyze_file_json(paths[i], options, origin_of(from_folder));
            });
            return parse_all(records);
          },
          py::arg("paths"), py::arg("jobs") = 0, py::kw_only(), py::arg("published") = py::none(),
          py::arg("tokens") = false, py::arg("from_folder") = false,
          py::arg("input_format") = "auto",
          "analyze_file for many paths, in order, on `jobs` threads (0: every core) without the "
          "GIL.");

  m.def(
      "error_record",
      [](std::optional<std::string> path, const std::string& code, const std::string& message) {
        news::Document document;
        document.source.path = std::move(path);
        document.error = news::Error{code, message};
        return parse(news::Analyzer::to_json(document));
      },
      py::arg("path"), py::arg("code"), py::arg("message"),
      "An error record in the CLI's shape, for an input that could not be analyzed at all "
      "(e.g. a worker lost in a distributed run).");
}
