#include "train/ner_tables.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "base/lexicon.h"

namespace news::ner {

WordClusters build_stem_lexicon(const std::filesystem::path& data_dir) {
  std::map<std::uint64_t, std::uint16_t> flags;
  auto add = [&](std::string_view text, std::uint16_t flag, bool whole_words) {
    const CodePoints points = decode(text);
    const std::vector<char32_t>& c = points.chars;
    if (!whole_words) {
      if (!c.empty()) flags[stem_key(c.data(), c.size())] |= flag;
      return;
    }
    std::size_t i = 0;
    while (i < c.size()) {
      std::size_t j = i;
      while (j < c.size() && c[j] != U' ') ++j;
      if (j > i) {
        flags[stem_key(&c[i], j - i)] |= flag;
        const StemRange stem = stem_of(&c[i], j - i);
        if (stem.begin < stem.end)
          flags[stem_key(&c[i + stem.begin], stem.end - stem.begin)] |= flag;
      }
      i = j + 1;
    }
  };
  auto names = [&](const char* file, std::uint16_t flag, int alias_field) {
    const Lexicon lexicon = Lexicon::load(data_dir / file);
    for (const LexiconEntry& e : lexicon.entries()) {
      add(e.key, flag, true);
      if (alias_field < 0 || static_cast<int>(e.fields.size()) <= alias_field) continue;
      std::string_view aliases = e.fields[static_cast<std::size_t>(alias_field)];
      while (!aliases.empty()) {
        const std::size_t bar = aliases.find('|');
        add(aliases.substr(0, bar), flag, true);
        aliases = bar == std::string_view::npos ? "" : aliases.substr(bar + 1);
      }
    }
  };
  names("people.txt", kLexiconPerson, 1);
  names("given_names.txt", kLexiconGivenName, -1);
  names("organizations.txt", kLexiconOrganization, 1);
  names("locations.txt", kLexiconLocation, 1);
  const Lexicon titles = Lexicon::load(data_dir / "person_titles.txt");
  for (const LexiconEntry& e : titles.entries()) {
    const bool honorific = !e.fields.empty() && e.fields[0] == "honorific";
    add(e.key, honorific ? kLexiconHonorific : kLexiconRole, false);
  }
  auto edges = [&](const char* file, std::uint16_t flag) {
    const Lexicon lexicon = Lexicon::load(data_dir / file);
    for (const LexiconEntry& e : lexicon.entries()) add(e.key, flag, false);
  };
  edges("surnames.txt", kLexiconSurname);
  edges("org_suffixes.txt", kLexiconOrgSuffix);
  edges("place_units.txt", kLexiconPlaceUnit);
  return WordClusters({flags.begin(), flags.end()});
}

namespace {

// The keys a word is known by: its stem, and the word as written less edge
// punctuation (MultiCoNER keeps particles in its spans: 살레르노도), at most
// two, none for a word without a letter or digit.
std::vector<std::uint64_t> word_keys(const char32_t* word, std::size_t length) {
  const StemRange stem = stem_of(word, length);
  if (stem.begin == stem.end) return {};
  const std::uint64_t written = stem_key(word + stem.begin, stem.particle_end - stem.begin);
  const std::uint64_t stemmed = stem_key(word + stem.begin, stem.end - stem.begin);
  if (written == stemmed) return {stemmed};
  return {stemmed, written};
}

}  // namespace

void count_gazetteer(const AnnotatedSentence& sentence, GazetteerCounts& counts,
                     const WordClusters* stem_lexicon) {
  const CodePoints points = decode(sentence.text);
  const std::vector<char32_t>& c = points.chars;
  // The words of [begin, end): 나탈리 포트만 → 나탈리, 포트만.
  auto words_of = [&](std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> words;
    std::size_t i = begin;
    while (i < end) {
      while (i < end && c[i] == U' ') ++i;
      std::size_t j = i;
      while (j < end && c[j] != U' ') ++j;
      if (j > i) words.emplace_back(i, j);
      i = j;
    }
    return words;
  };
  for (const auto& [begin, end] : words_of(0, c.size())) {
    for (std::uint64_t key : word_keys(&c[begin], end - begin)) ++counts[key].as_word;
  }
  for (const GoldEntity& e : sentence.entities) {
    if (static_cast<int>(e.type) >= kGazetteerTypes || e.end > c.size()) continue;
    const auto words = words_of(e.start, e.end);
    const auto korean_name = [&](std::size_t begin, std::size_t end) {
      const StemRange stem = stem_of(&c[begin], end - begin);
      const std::size_t n = stem.end - stem.begin;
      if (stem_lexicon == nullptr || n < 2 || n > 4) return false;
      for (std::size_t k = begin + stem.begin; k < begin + stem.end; ++k) {
        if (c[k] < 0xAC00 || c[k] > 0xD7A3) return false;
      }
      return (stem_lexicon->find(stem_key(&c[begin + stem.begin], 1)) & kLexiconSurname) != 0 ||
             (n >= 3 &&
              (stem_lexicon->find(stem_key(&c[begin + stem.begin], 2)) & kLexiconSurname) != 0);
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (e.type == NerType::kPerson && korean_name(words[w].first, words[w].second)) continue;
      const int place = words.size() == 1 ? 0 : (w == 0 ? 1 : 2);
      const int slot = static_cast<int>(e.type) + kGazetteerTypes * place;
      for (std::uint64_t key : word_keys(&c[words[w].first], words[w].second - words[w].first))
        ++counts[key].as_span[slot];
    }
  }
}

void add_counts(const GazetteerCounts& from, GazetteerCounts& into) {
  for (const auto& [key, count] : from) {
    GazetteerCount& sum = into[key];
    for (int k = 0; k < 9; ++k) sum.as_span[k] += count.as_span[k];
    sum.as_word += count.as_word;
  }
}

WordClusters build_gazetteer(const GazetteerCounts& counts, double min_share,
                             const WordClusters& stem_lexicon) {
  std::vector<std::pair<std::uint64_t, std::uint16_t>> entries;
  for (const auto& [key, count] : counts) {
    if (stem_lexicon.find(key) & (kLexiconRole | kLexiconHonorific)) continue;
    // A span word inside an eojeol (삼성 of [삼성]전자) may be counted as a
    // span more often than as a word.
    const double words = std::max<double>(1.0, count.as_word);
    std::uint16_t flags = 0;
    std::uint32_t named = 0;
    for (int k = 0; k < 9; ++k) {
      named += count.as_span[k];
      if (count.as_span[k] > 0 && count.as_span[k] >= min_share * words)
        flags |= static_cast<std::uint16_t>(1u << k);
    }
    if (flags == 0) continue;
    const double share = std::min(1.0, named / words);
    const std::uint16_t level = share >= 0.8 ? 3 : (share >= 0.5 ? 2 : 1);
    entries.emplace_back(key, static_cast<std::uint16_t>(flags | level << 9));
  }
  return WordClusters(std::move(entries));
}

}  // namespace news::ner
