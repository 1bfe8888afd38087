#include "train/conllu.h"

#include <string_view>

namespace news {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t at = text.find(separator, begin);
    parts.push_back(text.substr(begin, at - begin));
    if (at == std::string_view::npos) break;
    begin = at + 1;
  }
  return parts;
}

}  // namespace

std::vector<ConlluWord> read_conllu(std::istream& in) {
  std::vector<ConlluWord> words;
  std::string line;
  std::size_t sentence = 0;
  bool in_sentence = false;  // a word was read since the last blank line
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (in_sentence) ++sentence;
      in_sentence = false;
      continue;
    }
    if (line.front() == '#') continue;
    const std::vector<std::string_view> columns = split(line, '\t');
    if (columns.size() < 5) continue;
    // 3-4 is a multiword token, 5.1 an empty node: neither is a word.
    if (columns[0].find_first_of("-.") != std::string_view::npos) continue;
    words.push_back(ConlluWord{std::string(columns[1]), std::string(columns[2]),
                               std::string(columns[4]), sentence});
    in_sentence = true;
  }
  return words;
}

ParticleSplitGold gold_particle_split(const ConlluWord& word) {
  using Kind = ParticleSplitGold::Kind;
  const std::vector<std::string_view> tags = split(word.xpos, '+');
  const bool ends_in_particle = !tags.empty() && !tags.back().empty() && tags.back()[0] == 'J';
  if (!ends_in_particle) return {Kind::kNoParticle, word.form.size()};
  // A lemma with a literal '+' (C++) does not line up with its tags.
  const std::vector<std::string_view> morphemes = split(word.lemma, '+');
  if (morphemes.size() != tags.size()) return {Kind::kSkipped, 0};
  std::string spelled;
  for (std::string_view m : morphemes) spelled += m;
  if (spelled != word.form) return {Kind::kSkipped, 0};
  std::size_t first_particle = tags.size();
  while (first_particle > 0 && tags[first_particle - 1][0] == 'J') --first_particle;
  if (first_particle == 0) return {Kind::kSkipped, 0};
  std::size_t stem_bytes = 0;
  for (std::size_t i = 0; i < first_particle; ++i) stem_bytes += morphemes[i].size();
  return {Kind::kParticle, stem_bytes};
}

}  // namespace news
