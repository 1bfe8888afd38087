// analyze-eval-model — precision, recall and F1 of the NER model on annotated JSONL.
//
//   analyze-eval-model --klue ../shared/data/klue-ner/train.first5000.jsonl
//   analyze-eval-model --multiconer ../shared/data/multiconer-ko/dev.jsonl
//   analyze-eval-model --speed ../shared/data/corpus/ko/lawtimes   (labelling MB/s, CPU time)
//
// Exact span and type, per type and micro. For KLUE only the hold-out lines
// (0-based index % 10 == 0, never trained on) are scored unless --all-lines.
// MultiCoNER is scored on person, organization and location only (it does not
// annotate the other types), its CW and PROD spans are not ours.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "train/ner_corpus.h"
#include "names/ner_model.h"
#include "resources.h"

int main(int argc, char** argv) {
  using namespace news;
  CLI::App app{"Score the NER model on KLUE-style or MultiCoNER JSONL."};
  std::string model_path;
  std::string klue_path, multiconer_path;
  bool all_lines = false, show_errors = false;
  std::string speed_corpus;
  app.add_option("--model", model_path,
                 "Model file (default: ner-model.bin in the data directory)");
  app.add_option("--klue", klue_path, "KLUE NER JSONL (scored on lines with index % 10 == 0)");
  app.add_option("--multiconer", multiconer_path, "MultiCoNER JSONL (dev)");
  app.add_flag("--all-lines", all_lines, "Score every KLUE line, not only the hold-out");
  app.add_flag("--errors", show_errors, "Print each sentence with a wrong or missed span");
  app.add_option("--speed", speed_corpus,
                 "Also label every line of the .txt files under this folder and print the "
                 "throughput in CPU time (a plain loop, one thread)");
  CLI11_PARSE(app, argc, argv);
  if (klue_path.empty() && multiconer_path.empty() && speed_corpus.empty()) {
    std::cerr << "analyze-eval-model: give --klue, --multiconer and/or --speed\n";
    return 2;
  }
  try {
    if (model_path.empty()) model_path = (find_data_dir(std::nullopt) / "ner-model.bin").string();
    auto started = std::chrono::steady_clock::now();
    const NerModel model = NerModel::load(model_path);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    std::printf("model %s: 2^%d rows, %zu stored, loaded in %.1f ms\n", model_path.c_str(),
                model.table_bits(), model.stored_rows(), load_ms);
    auto run = [&](const std::string& path, Annotation annotation, const char* title) {
      if (path.empty()) return;
      NerScore score;
      std::size_t sentences = 0;
      // Reliability: how often a prediction with this confidence is right.
      const double bounds[] = {0.5, 0.7, 0.9, 0.99, 0.999, 1.01};
      std::size_t bucket_right[5] = {}, bucket_all[5] = {};
      for (const AnnotatedSentence& s : read_annotated(path, annotation)) {
        if (annotation == Annotation::kKlue && !all_lines && s.line % 10 != 0) continue;
        const std::vector<GoldEntity> predicted = predict(model, s);
        NerScore one;
        one.add(s, predicted);
        if (show_errors && (one.micro().false_positives + one.micro().false_negatives) > 0) {
          const ner::CodePoints points = ner::decode(s.text);
          auto surface = [&](const GoldEntity& e) {
            return s.text.substr(points.offsets[e.start],
                                 points.offsets[e.end] - points.offsets[e.start]) +
                   "/" + to_string(e.type);
          };
          std::printf("%s\n  gold:", s.text.c_str());
          for (const auto& e : s.entities) std::printf(" [%s]", surface(e).c_str());
          std::printf("\n  model:");
          for (const auto& e : predicted) std::printf(" [%s]", surface(e).c_str());
          std::printf("\n");
        }
        score.add(s, predicted);
        ++sentences;
        const auto known = known_types(annotation);
        for (const GoldEntity& p : predicted) {
          if (!known[static_cast<int>(p.type)]) continue;
          int b = 0;
          while (b < 4 && p.confidence >= bounds[b + 1]) ++b;
          ++bucket_all[b];
          for (const GoldEntity& g : s.entities) {
            if (g.start == p.start && g.end == p.end && g.type == p.type) ++bucket_right[b];
          }
        }
      }
      std::printf("\n%s (%zu sentences):\n%s", title, sentences, score.table().c_str());
      std::printf("precision by confidence:");
      for (int b = 0; b < 5; ++b) {
        std::printf("  [%.3g, %.3g) %.3f of %zu", bounds[b], std::min(bounds[b + 1], 1.0),
                    bucket_all[b]
                        ? static_cast<double>(bucket_right[b]) / static_cast<double>(bucket_all[b])
                        : 0.0,
                    bucket_all[b]);
      }
      std::printf("\n");
    };
    run(klue_path, Annotation::kKlue,
        all_lines ? "KLUE, all lines" : "KLUE hold-out (index % 10 == 0)");
    run(multiconer_path, Annotation::kMultiConer, "MultiCoNER (person, organization, location)");
    if (!speed_corpus.empty()) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(speed_corpus)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt")
          files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      std::vector<std::string> lines;
      std::size_t bytes = 0;
      for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        for (std::string line; std::getline(in, line);) {
          if (line.empty()) continue;
          bytes += line.size();
          lines.push_back(std::move(line));
        }
      }
      std::size_t spans = 0;
      const std::clock_t cpu_start = std::clock();
      for (const std::string& line : lines) spans += model.label(line).size();
      const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
      std::printf("\nspeed: %zu files, %zu lines, %.1f MB, %zu spans in %.2f s of CPU: %.2f MB/s\n",
                  files.size(), lines.size(), static_cast<double>(bytes) / 1e6, spans, cpu,
                  static_cast<double>(bytes) / 1e6 / cpu);
    }
  } catch (const std::exception& e) {
    std::cerr << "analyze-eval-model: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
