#include "text/sentences.h"

#include <algorithm>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "base/budget.h"
#include "base/text.h"

namespace news {
namespace {

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}


// A quotation: [open, close] are the byte offsets of its quote marks.
struct Quotation {
  std::size_t open = 0;
  std::size_t close = 0;
};

// The double quotations of a paragraph: “…”, "…" (paired in order), 「…」,
// 『…』. Single quotes are left alone: they are apostrophes as often.
std::vector<Quotation> find_quotations(std::string_view text) {
  std::vector<Quotation> quotations;
  std::vector<std::size_t> curly, corner, white_corner;
  std::size_t straight = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    // Every quote mark starts with one of these bytes: skip the rest.
    const char lead = text[i];
    if (lead != '"' && lead != '\xE2' && lead != '\xE3') {
      ++i;
      continue;
    }
    std::size_t length = 1;
    const char32_t cp = utf8::decode_at(text, i, length, utf8::Invalid::kByte);
    const auto close = [&](std::vector<std::size_t>& opened) {
      if (!opened.empty()) {
        quotations.push_back({opened.back(), i});
        opened.pop_back();
      }
    };
    switch (cp) {
      case '"':
        if (straight == std::string_view::npos) {
          straight = i;
        } else {
          quotations.push_back({straight, i});
          straight = std::string_view::npos;
        }
        break;
      case 0x201C:
        curly.push_back(i);
        break;
      case 0x201D:
        close(curly);
        break;
      case 0x300C:
        corner.push_back(i);
        break;
      case 0x300D:
        close(corner);
        break;
      case 0x300E:
        white_corner.push_back(i);
        break;
      case 0x300F:
        close(white_corner);
        break;
      default:
        break;
    }
    i += length;
  }
  return quotations;
}

// Whether a Hangul syllable is glued to byte `at` (the closing quote's end):
// the quotation is part of a longer sentence (…”고 말했다, …”며).
bool connective_follows(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  std::size_t length = 0;
  return is_hangul_syllable(utf8::decode_at(text, at, length, utf8::Invalid::kByte));
}

// The word that ends just before the dot at `dot`: letters and inner dots
// (Mr, U.S, Nov), lower-cased.
std::string word_before_dot(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0) {
    const char c = text[start - 1];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && c != '.') break;
    --start;
  }
  std::string word(text.substr(start, dot - start));
  for (char& c : word) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return word;
}

// A break at `at` after "Mr. ", "U.S. ", "J. ": not a sentence end.
bool after_abbreviation(std::string_view text, std::size_t at, const Lexicon& abbreviations) {
  std::size_t end = at;
  while (end > 0 && is_space_byte(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '.') return false;
  const std::string word = word_before_dot(text, end - 1);
  if (word.empty()) return false;
  if (word.size() == 1 && text[end - 2] >= 'A' && text[end - 2] <= 'Z') return true;  // J. Smith
  return abbreviations.contains(word);
}

// When text[from, to) opens with a bracketed group — (사진=X 캡처),
// [편집자주] — the end of that group, else 0.
std::size_t parenthetical_end(std::string_view text, std::size_t from, std::size_t to) {
  if (from >= to) return 0;
  const char open = text[from];
  const char close = open == '(' ? ')' : open == '[' ? ']' : '\0';
  if (close == '\0') return 0;
  int depth = 0;
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] == open) ++depth;
    if (text[i] == close && --depth == 0) return i + 1;
  }
  return 0;
}

}  // namespace

SentenceSplitter::SentenceSplitter(const Lexicon& abbreviations) : abbreviations_(abbreviations) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(), status));
  if (U_FAILURE(status)) iterator_.reset();
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view text) {
  std::vector<Sentence> sentences;
  if (text.empty()) return sentences;
  std::vector<std::size_t> breaks;  // ICU's boundaries inside the text
  if (iterator_ && text.size() < std::size_t{1} << 31) {
    // ICU reads UTF-16 from an array several times faster than UTF-8
    // through its UText adapter (which rebuilds index maps chunk by chunk),
    // so the paragraph is converted here, remembering each unit's byte.
    utf16_.clear();
    byte_of_unit_.clear();
    for (std::size_t i = 0; i < text.size();) {
      std::size_t length = 0;
      const char32_t cp = utf8::decode_at(text, i, length);
      if (cp < 0x10000) {
        utf16_.push_back(static_cast<char16_t>(cp));
        byte_of_unit_.push_back(static_cast<std::uint32_t>(i));
      } else {
        utf16_.push_back(static_cast<char16_t>(0xD7C0 + (cp >> 10)));
        utf16_.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
        byte_of_unit_.insert(byte_of_unit_.end(), 2, static_cast<std::uint32_t>(i));
      }
      i += length;
    }
    byte_of_unit_.push_back(static_cast<std::uint32_t>(text.size()));
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUChars(&utext, utf16_.data(), static_cast<int64_t>(utf16_.size()), &status);
    if (U_SUCCESS(status)) {
      iterator_->setText(&utext, status);
      if (U_SUCCESS(status)) {
        for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
          check_budget();
          const std::size_t at = byte_of_unit_[static_cast<std::size_t>(b)];
          if (at > 0 && at < text.size()) breaks.push_back(at);
        }
      }
    }
    utext_close(&utext);
  }

  // Quotations that continue into a longer sentence: no break inside them.
  std::vector<Quotation> embedded;
  for (const Quotation& q : find_quotations(text)) {
    std::size_t length = 0;
    utf8::decode_at(text, q.close, length, utf8::Invalid::kByte);
    if (connective_follows(text, q.close + length)) embedded.push_back({q.open, q.close + length});
  }
  // Merged into disjoint spans and searched by halving: a scan of every
  // quotation at every break was quadratic on a paragraph of many quotes.
  std::sort(embedded.begin(), embedded.end(),
            [](const Quotation& x, const Quotation& y) { return x.open < y.open; });
  std::vector<Quotation> covered;
  for (const Quotation& q : embedded) {
    if (!covered.empty() && q.open < covered.back().close) {
      covered.back().close = std::max(covered.back().close, q.close);
    } else {
      covered.push_back(q);
    }
  }
  const auto inside_embedded = [&](std::size_t at) {
    // The last span opening before `at` is the only one that can hold it.
    auto it = std::lower_bound(covered.begin(), covered.end(), at,
                               [](const Quotation& q, std::size_t x) { return q.open < x; });
    if (it == covered.begin()) return false;
    --it;
    return at <= it->close;
  };

  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < breaks.size(); ++k) {
    check_budget();
    const std::size_t at = breaks[k];
    if (inside_embedded(at)) continue;
    // Hangul glued to what precedes the break: ."고, .”며 — a connective.
    if (!is_space_byte(text[at - 1]) && connective_follows(text, at)) continue;
    if (after_abbreviation(text, at, abbreviations_)) continue;
    // 알렸다. (사진=X 캡처): the credit stays with its sentence, and what
    // follows it (if anything) starts the next one.
    const std::size_t next = k + 1 < breaks.size() ? breaks[k + 1] : text.size();
    if (const std::size_t group_end = parenthetical_end(text, at, next); group_end > 0) {
      std::size_t after = group_end;
      while (after < next && is_space_byte(text[after])) ++after;
      if (after < next && after > group_end) kept.push_back(after);
      continue;
    }
    kept.push_back(at);
  }

  std::size_t start = 0;
  kept.push_back(text.size());
  for (const std::size_t end : kept) {
    std::size_t trimmed = end;
    while (trimmed > start && is_space_byte(text[trimmed - 1])) --trimmed;
    if (trimmed > start) sentences.push_back(Sentence{start, trimmed});
    start = end;
    while (start < text.size() && is_space_byte(text[start])) ++start;
  }
  return sentences;
}

std::vector<Sentence> split_sentences(std::string_view text, const Lexicon& abbreviations) {
  SentenceSplitter splitter(abbreviations);
  return splitter.split(text);
}

void split_article(std::vector<Paragraph>& paragraphs, const Lexicon& abbreviations) {
  SentenceSplitter splitter(abbreviations);
  for (Paragraph& paragraph : paragraphs) {
    check_budget();
    paragraph.sentences = splitter.split(paragraph.text);
  }
}

}  // namespace news
