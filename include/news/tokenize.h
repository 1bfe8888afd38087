// news/tokenize.h — a Korean-aware tokenizer.
//
// Splits a paragraph into tokens with kinds and byte offsets (news::Token in
// news/document.h). A Hangul or mixed-script word that ends in a particle
// (조사) is split into stem and particle: 알트먼이 → 알트먼 + 이, 오픈AI는 →
// 오픈AI + 는. Words whose last syllables only look like a particle stay
// whole (이사회, 나델라, 테슬라). The extractors take name stems from here.
//
// Thread-safety: a `Particles` lexicon is immutable after loading and may be
// shared between threads; the functions are pure.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace news {

// The particle lexicon (data/particles.txt) and what the splitter needs to
// decide whether a word's ending is a particle.
class Particles {
 public:
  Particles() = default;
  static Particles load(const std::filesystem::path& path);
  static Particles parse(std::string_view text, const std::string& name);

 private:
  std::vector<std::string> particles_;  // longest first
};

// Tokens of one text, particles split by the lexicon and word-internal rules.
std::vector<Token> tokenize(std::string_view text, const Particles& particles);

// Tokenizes every paragraph of an article, using the article itself as
// evidence (a stem seen bare or with other particles elsewhere in it).
void tokenize_article(std::vector<Paragraph>& paragraphs, const Particles& particles);

}  // namespace news
