// analyze-eval-dedup — measures near-duplicate collapse on real articles.
//
// Takes real articles (default ../shared/data/corpus/ko/*/*.txt), injects
// repeats with a fixed seed and runs the dedup stage on each article:
//   exact    a paragraph copied unchanged
//   word     one Hangul word replaced by another word of the same article
//   spacing  the spaces around one word removed or one added
//   quotes   “…” / ‘…’ turned into "…" / '…' (or quotes added)
//   credit   a photo credit appended: ` (사진=연합뉴스)`, ` /뉴스1`, …
//   block    the whole article repeated, with 1–3 subheadings inserted and one
//            caption dropped (the shape of the seed article)
// Reports the recall of injected repeats (collapsed into the paragraph they
// copy), the false collapses (an original, distinct paragraph collapsed
// into another), and whether inserted subheadings land directly before the
// paragraph they head. Near variants are injected only into paragraphs of at
// least --min-length comparable code points (shorter ones must be exact, see
// news/dedup.h). Deterministic: same seed, same corpus → same report.
//
//   build/analyze-eval-dedup --articles 2000 --seed 20231118 [--show]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "resources.h"
#include "shared_corpus.h"
#include "structure/dedup.h"
#include "structure/roles.h"
#include "text/segment.h"

namespace fs = std::filesystem;
using news::Paragraph;
using news::Role;

namespace {

struct Rng {
  std::mt19937_64 engine;
  // Uniform in [0, n): plain modulo keeps the stream the same on every
  // standard library (std::uniform_int_distribution is not specified).
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(engine() % n); }
  bool chance(double p) { return static_cast<double>(engine() % 1000000) < p * 1000000.0; }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t j = text.find(' ', i);
    words.push_back(text.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += words[i];
  }
  return out;
}

bool has_hangul(const std::string& word) {
  for (std::size_t i = 0; i + 2 < word.size(); ++i) {
    const auto c0 = static_cast<unsigned char>(word[i]);
    if (c0 >= 0xEA && c0 <= 0xED) return true;  // U+A000..U+DFFF: Hangul syllables live here
  }
  return false;
}

bool has_digit(const std::string& word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Replaces `from` by `to` everywhere.
std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

enum Kind { kExact, kWord, kSpacing, kQuotes, kCredit, kBlock, kKinds };
const char* kKindNames[kKinds] = {"exact", "word", "spacing", "quotes", "credit", "block"};

// A variant of `text` of the given kind, or "" when the paragraph has no
// place for it (no Hangul word to change, a single word, …).
std::string variant(const std::string& text, Kind kind, const std::vector<std::string>& vocabulary,
                    Rng& rng) {
  std::vector<std::string> words = split_words(text);
  switch (kind) {
    case kExact:
    case kBlock:
      return text;
    case kWord: {
      std::vector<std::size_t> candidates;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (has_hangul(words[i]) && !has_digit(words[i])) candidates.push_back(i);
      }
      if (candidates.empty() || vocabulary.empty()) return "";
      const std::size_t at = candidates[rng.below(candidates.size())];
      for (int attempt = 0; attempt < 8; ++attempt) {
        const std::string& other = vocabulary[rng.below(vocabulary.size())];
        if (other != words[at]) {
          words[at] = other;
          return join(words);
        }
      }
      return "";
    }
    case kSpacing: {
      if (words.size() < 3) return "";
      const std::size_t at = rng.below(words.size() - 1);
      if (rng.chance(0.5)) {
        words[at] += words[at + 1];  // 국민 여러분 → 국민여러분
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(at) + 1);
      } else {
        words[at] += ' ';  // a double space that survives a careless copy
      }
      return join(words);
    }
    case kQuotes: {
      std::string out = replace_all(text, "\xE2\x80\x9C", "\"");
      out = replace_all(out, "\xE2\x80\x9D", "\"");
      out = replace_all(out, "\xE2\x80\x98", "'");
      out = replace_all(out, "\xE2\x80\x99", "'");
      if (out == text) out = "\"" + text + "\"";
      return out;
    }
    case kCredit: {
      static const char* kCredits[] = {" (사진=연합뉴스)", " 《사진=연합뉴스》",
                                       " /뉴스1",          " (그래픽=홍길동 기자)",
                                       " /홍길동 기자",    " [사진=게티이미지]"};
      return text + kCredits[rng.below(std::size(kCredits))];
    }
    case kKinds:
      break;
  }
  return "";
}

struct Counts {
  std::size_t injected[kKinds] = {};
  std::size_t recalled[kKinds] = {};
  std::size_t distinct = 0;         // original distinct paragraphs (after exact dedup)
  std::size_t false_collapses = 0;  // of those, collapsed into another (upper bound)
  std::size_t subheadings = 0;      // inserted subheadings
  std::size_t subheadings_placed = 0;
  std::size_t articles = 0;
};

// An injected paragraph: which original it copies (-1: an original; -2: an
// inserted subheading) and how.
struct Item {
  std::string text;
  int copies = -1;
  Kind kind = kExact;
  int heads = -1;  // a subheading: the original it heads
};

struct Settings {
  std::string corpus = news::tools::default_korean_corpus().string();
  std::size_t articles = 2000;
  std::uint64_t seed = 20231118;
  std::size_t repeats_per_article = 4;
  double block_share = 0.25;
  std::string data_dir;
  bool show = false;
  news::DedupOptions options;
};

// The sample: every article under the corpus folder, shuffled with the seed,
// the first `articles` of them.
std::vector<fs::path> sample_articles(const Settings& settings, Rng& rng) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(settings.corpus, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt" &&
        it->path().filename() != "README.txt") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  for (std::size_t i = files.size(); i > 1; --i) std::swap(files[i - 1], files[rng.below(i)]);
  files.resize(std::min(files.size(), settings.articles));
  return files;
}

// Single-paragraph repeats, each somewhere after the paragraph it copies.
void inject_repeats(const std::vector<std::string>& original,
                    const std::vector<std::string>& vocabulary, const Settings& settings,
                    const news::Resources& resources, Rng& rng, std::vector<Item>& items) {
  for (std::size_t r = 0; r < settings.repeats_per_article; ++r) {
    const std::size_t source = 1 + rng.below(original.size() - 1);  // not the title
    const auto kind = static_cast<Kind>(rng.below(kCredit + 1));
    const std::string text = variant(original[source], kind, vocabulary, rng);
    if (text.empty() || text == original[source]) {
      if (kind != kExact) continue;
    }
    news::Paragraph as_paragraph;
    as_paragraph.text = original[source];
    if (auto role = resources.roles.match(original[source])) as_paragraph.role = *role;
    if (news::is_structure_line(as_paragraph, resources.roles))
      continue;  // kept in place by design
    if (kind != kExact && news::comparable_text(original[source], resources.roles).size() <
                              settings.options.min_near_length) {
      continue;  // short lines collapse only when equal (documented)
    }
    std::size_t at = 0;
    while (at < items.size() && !(items[at].copies == -1 && items[at].text == original[source]))
      ++at;
    ++at;
    at += rng.below(items.size() - at + 1);
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(at),
                 Item{text, static_cast<int>(source), kind, -1});
  }
}

// A second copy of the body with subheadings inserted and one caption left out.
void inject_block(const std::vector<std::string>& original, const news::Resources& resources,
                  Rng& rng, std::vector<Item>& items) {
  std::vector<std::size_t> captions;
  for (std::size_t i = 1; i < original.size(); ++i) {
    if (resources.roles.match(original[i]) == Role::kCaption) captions.push_back(i);
  }
  const std::size_t dropped = captions.empty() ? 0 : captions[rng.below(captions.size())];
  std::vector<std::size_t> heads;
  const std::size_t subheadings = 1 + rng.below(3);
  for (std::size_t s = 0; s < subheadings; ++s) heads.push_back(2 + rng.below(original.size() - 2));
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  for (std::size_t i = 1; i < original.size(); ++i) {
    if (std::binary_search(heads.begin(), heads.end(), i) && !resources.roles.match(original[i]) &&
        news::ends_like_sentence(original[i])) {
      // A made-up subheading: a few words of the paragraph it heads, no sentence ending.
      std::vector<std::string> words = split_words(original[i]);
      words.resize(std::min<std::size_t>(words.size(), 3 + rng.below(3)));
      std::string heading = join(words);
      while (!heading.empty() && (heading.back() == '.' || heading.back() == ','))
        heading.pop_back();
      heading += " 쟁점은";
      items.push_back(Item{heading, -2, kBlock, static_cast<int>(i)});
    }
    if (i == dropped) continue;
    items.push_back(Item{original[i], static_cast<int>(i), kBlock, -1});
  }
}

// Compares what the dedup stage made of `items` with what was injected.
void score(const fs::path& path, const std::vector<std::string>& original,
           const std::vector<Item>& items, const news::Collapsed& collapsed, bool show,
           Counts& counts) {
  // Which item each output paragraph is, and what each item collapsed into.
  std::vector<int> collapsed_into(items.size(), -1);  // item → kept item
  std::vector<int> position(items.size(), -1);        // item → output index
  for (std::size_t o = 0; o < collapsed.paragraphs.size(); ++o) {
    const Paragraph& p = collapsed.paragraphs[o];
    position[static_cast<std::size_t>(p.first_line - 1)] = static_cast<int>(o);
    for (const news::Duplicate& d : p.duplicates) {
      collapsed_into[static_cast<std::size_t>(d.first_line - 1)] = p.first_line - 1;
    }
  }
  const auto original_item = [&](int original_index) {
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].copies == -1 &&
          items[k].text == original[static_cast<std::size_t>(original_index)])
        return static_cast<int>(k);
    }
    return -1;
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    if (item.copies >= 0) {
      ++counts.injected[item.kind];
      // The paragraph it copies, or where that one collapsed to when the
      // corpus already repeats it (a caption that restates the lede).
      int target = original_item(item.copies);
      if (target >= 0 && collapsed_into[static_cast<std::size_t>(target)] >= 0)
        target = collapsed_into[static_cast<std::size_t>(target)];
      if (collapsed_into[k] == target) {
        ++counts.recalled[item.kind];
      } else if (show) {
        std::cout << "MISS " << kKindNames[item.kind] << " " << path.string() << " (item " << k
                  << " → " << collapsed_into[k] << ", expected " << target << ")\n";
        std::cout << "  kept: " << original[static_cast<std::size_t>(item.copies)]
                  << "\n  copy: " << item.text << "\n";
      }
    } else if (item.copies == -1) {
      ++counts.distinct;
      if (collapsed_into[k] >= 0) {
        ++counts.false_collapses;
        if (show) {
          std::cout << "COLLAPSED " << path.string()
                    << "\n  kept: " << items[static_cast<std::size_t>(collapsed_into[k])].text
                    << "\n  lost: " << item.text << "\n";
        }
      }
    } else {
      ++counts.subheadings;
      const int headed = original_item(item.heads);
      const int at = position[k];
      if (at >= 0 && headed >= 0 && position[static_cast<std::size_t>(headed)] == at + 1) {
        ++counts.subheadings_placed;
      } else if (show) {
        std::cout << "MISPLACED " << path.string() << "\n  subheading: " << item.text << " ("
                  << (at >= 0
                          ? news::to_string(collapsed.paragraphs[static_cast<std::size_t>(at)].role)
                          : "lost")
                  << ")\n  heads: " << original[static_cast<std::size_t>(item.heads)] << "\n";
        if (at >= 0 && static_cast<std::size_t>(at) + 1 < collapsed.paragraphs.size()) {
          std::cout << "  followed by: "
                    << collapsed.paragraphs[static_cast<std::size_t>(at) + 1].text << "\n";
        }
      }
    }
  }
}

double share(std::size_t part, std::size_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 1.0;
}

void print_report(const Settings& settings, const Counts& counts) {
  std::size_t injected = 0;
  std::size_t recalled = 0;
  std::printf("articles %zu (seed %llu, threshold %.2f, min length %zu)\n", counts.articles,
              static_cast<unsigned long long>(settings.seed), settings.options.near_threshold,
              settings.options.min_near_length);
  std::printf("%-8s %8s %8s %8s\n", "kind", "injected", "collapsed", "recall");
  for (int k = 0; k < kKinds; ++k) {
    injected += counts.injected[k];
    recalled += counts.recalled[k];
    std::printf("%-8s %8zu %8zu %8.4f\n", kKindNames[k], counts.injected[k], counts.recalled[k],
                share(counts.recalled[k], counts.injected[k]));
  }
  std::printf("%-8s %8zu %8zu %8.4f\n", "all", injected, recalled, share(recalled, injected));
  const double distinct = static_cast<double>(std::max<std::size_t>(counts.distinct, 1));
  // An upper bound of false collapses: some are repeats the scraper already
  // left in the corpus (--show lists them to read).
  std::printf("distinct original paragraphs %zu: collapsed %zu (%.4f%%)\n", counts.distinct,
              counts.false_collapses,
              100.0 * static_cast<double>(counts.false_collapses) / distinct);
  std::printf(
      "inserted subheadings %zu: placed directly before the paragraph they head %zu (%.4f)\n",
      counts.subheadings, counts.subheadings_placed,
      share(counts.subheadings_placed, counts.subheadings));
}

// Injects repeats into every sampled article, collapses it and scores the
// result. Exit code 1 when the stage lost a paragraph, 2 on bad input.
int run(const Settings& settings) {
  news::Resources resources;
  try {
    resources = news::Resources::load(news::tools::data_dir_or_default(settings.data_dir),
                                      /*with_ner_model=*/false);
  } catch (const std::exception& e) {
    std::cerr << "analyze-eval-dedup: " << e.what() << "\n";
    return 2;
  }
  Rng rng{std::mt19937_64(settings.seed)};
  const std::vector<fs::path> files = sample_articles(settings, rng);
  if (files.empty()) {
    std::cerr << "analyze-eval-dedup: no articles under " << settings.corpus << "\n";
    return 2;
  }
  Counts counts;
  for (const fs::path& path : files) {
    const std::vector<news::Line> lines = news::split_lines(read_file(path));
    if (lines.size() < 2) continue;
    ++counts.articles;
    // The original article, exact repeats removed: every paragraph is distinct.
    std::vector<std::string> original;
    std::map<std::string, bool> seen;
    for (const news::Line& line : lines) {
      if (seen.emplace(line.text, true).second) original.push_back(line.text);
    }
    std::vector<std::string> vocabulary;
    for (const std::string& text : original) {
      for (const std::string& w : split_words(text)) {
        if (has_hangul(w) && !has_digit(w)) vocabulary.push_back(w);
      }
    }
    std::vector<Item> items;
    for (const std::string& text : original) items.push_back({text, -1, kExact, -1});
    inject_repeats(original, vocabulary, settings, resources, rng, items);
    if (rng.chance(settings.block_share) && original.size() >= 4)
      inject_block(original, resources, rng, items);

    std::vector<Paragraph> paragraphs;
    for (std::size_t k = 0; k < items.size(); ++k) {
      Paragraph p;
      p.role = k == 0 ? Role::kTitle : Role::kBody;
      p.text = items[k].text;
      p.first_line = p.last_line = static_cast<int>(k) + 1;  // line k+1 is item k
      paragraphs.push_back(std::move(p));
    }
    news::assign_roles(paragraphs, resources.roles);
    const news::Collapsed collapsed =
        news::collapse_repeats(std::move(paragraphs), resources.roles, settings.options);
    if (collapsed.paragraphs.size() +
            static_cast<std::size_t>(collapsed.stats.exact + collapsed.stats.near) !=
        items.size()) {
      std::cerr << "analyze-eval-dedup: paragraphs lost in " << path.string() << "\n";
      return 1;
    }
    score(path, original, items, collapsed, settings.show, counts);
  }
  print_report(settings, counts);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures near-duplicate collapse on real articles with injected repeats."};
  Settings s;
  app.add_option("--corpus", s.corpus, "folder of articles (*.txt, searched recursively)");
  app.add_option("--articles", s.articles, "articles to sample");
  app.add_option("--seed", s.seed, "random seed of the sample and the injection");
  app.add_option("--repeats", s.repeats_per_article,
                 "single-paragraph repeats injected per article");
  app.add_option("--block-share", s.block_share, "share of articles repeated whole");
  app.add_option("--threshold", s.options.near_threshold, "near-repeat similarity threshold");
  app.add_option("--min-length", s.options.min_near_length,
                 "shortest paragraph (comparable code points) for near repeats");
  app.add_option("--data-dir", s.data_dir, "data/ folder (default: found like analyze does)");
  app.add_flag("--show", s.show, "print each miss and false collapse");
  CLI11_PARSE(app, argc, argv);
  return run(s);
}
