// text/sentences.h — sentence boundaries inside a paragraph.
//
// ICU's sentence BreakIterator (Unicode UAX #29), given each paragraph in
// UTF-16 with a map from its units back to bytes (ICU reads an array of
// UTF-16 several times faster than UTF-8 through its UText adapter), then
// corrected by rules for news text:
//   * a quotation closed by a connective stays one sentence with what
//     follows: “좋았다. 세상을 바꿨다”고 전했다, “…”며 “…”고 말했다,
//     "…"라고 밝혔다 — no break inside the quotation nor right after it;
//   * a parenthetical credit after a sentence stays with it:
//     소식을 알렸다. (사진=X 캡처);
//   * abbreviations (data/abbreviations.txt: Mr., Nov., vs., U.S.) and
//     single initials (J. K. Rowling) end no sentence; decimals (3.5) and
//     numbers (1.2배) never did.
// Sentence ranges are byte ranges of the text, trailing spaces excluded.
//
// Thread-safety: a SentenceSplitter holds an ICU iterator and buffers with
// state: one per thread (it is cheap: ICU clones a cached prototype).
// split_sentences() makes its own. A paragraph of 2 GiB or more gets no ICU
// boundaries (ICU indexes with 32-bit integers), only the rules'.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

#include "news/document.h"
#include "base/lexicon.h"

namespace news {

class SentenceSplitter {
 public:
  // `abbreviations`: lower-case words without their final dot (mr, u.s);
  // it must outlive the splitter.
  explicit SentenceSplitter(const Lexicon& abbreviations);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // The sentences of one paragraph, in order; empty for an empty text.
  std::vector<Sentence> split(std::string_view text);

 private:
  const Lexicon& abbreviations_;
  std::unique_ptr<icu::BreakIterator> iterator_;  // null if ICU failed
  // The paragraph in UTF-16 for ICU and the byte offset of each unit, kept
  // between paragraphs so that their memory is reused.
  std::u16string utf16_;
  std::vector<std::uint32_t> byte_of_unit_;
};

// One-off convenience: a splitter for one text.
std::vector<Sentence> split_sentences(std::string_view text, const Lexicon& abbreviations);

// Fills `sentences` of every paragraph.
void split_article(std::vector<Paragraph>& paragraphs, const Lexicon& abbreviations);

}  // namespace news
