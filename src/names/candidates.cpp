#include "names/candidates.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "base/budget.h"
#include "base/text.h"
#include "text/tokenize.h"

namespace news {
namespace {

// ---- characters ---------------------------------------------------------

enum class CharClass { kSpace, kHangul, kLatin, kDigit, kHan, kJoiner, kPunct };

// Decodes the code point at s[i]; sets `length`. Invalid bytes count as one
// punctuation byte (the text is valid UTF-8 by the time it gets here).
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& length) {
  return utf8::decode_at(s, i, length, utf8::Invalid::kReplacement);
}

CharClass classify(char32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B))
    return CharClass::kSpace;
  if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E)) return CharClass::kHangul;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
      (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
    return CharClass::kLatin;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return CharClass::kHan;
  if (c == '-' || c == '&' || c == '\'' || c == '.' || c == 0x2019) return CharClass::kJoiner;
  return CharClass::kPunct;
}

// Byte offset of the code point after the first `n` of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    std::size_t len = 0;
    decode_at(s, i, len);
    i += len;
    --n;
  }
  return i;
}

bool all_hangul(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (!is_hangul_syllable(decode_at(s, i, len))) return false;
    i += len;
  }
  return true;
}

bool starts_upper(std::string_view s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

// ---- the fallback splitter ----------------------------------------------

std::vector<Token> split_words(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    const CharClass cls = classify(decode_at(text, i, len));
    if (cls == CharClass::kSpace) {
      i += len;
      continue;
    }
    if (cls == CharClass::kPunct || cls == CharClass::kJoiner) {
      tokens.push_back(Token{i, i + len, TokenKind::kPunctuation, i + len});
      i += len;
      continue;
    }
    // A word: letters and digits, with - & ' . inside between Latin letters
    // or digits (GPT-4, AT&T, U.S).
    const std::size_t start = i;
    bool hangul = false, latin = false, digit = false, other = false;
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t l = 0;
      const CharClass c = classify(decode_at(text, end, l));
      if (c == CharClass::kHangul)
        hangul = true;
      else if (c == CharClass::kLatin)
        latin = true;
      else if (c == CharClass::kDigit)
        digit = true;
      else if (c == CharClass::kHan)
        other = true;
      else if (c == CharClass::kJoiner) {
        std::size_t l2 = 0;
        const bool prev_ok =
            end > start && (classify(decode_at(text, end - 1, l2)) == CharClass::kLatin ||
                            classify(decode_at(text, end - 1, l2)) == CharClass::kDigit);
        if (!prev_ok || end + l >= text.size()) break;
        const CharClass next = classify(decode_at(text, end + l, l2));
        if (next != CharClass::kLatin && next != CharClass::kDigit) break;
      } else {
        break;
      }
      end += l;
    }
    TokenKind kind = TokenKind::kOther;
    const int scripts = int(hangul) + int(latin) + int(digit) + int(other);
    if (scripts > 1)
      kind = TokenKind::kMixed;
    else if (hangul)
      kind = TokenKind::kHangul;
    else if (latin)
      kind = TokenKind::kLatin;
    else if (digit)
      kind = TokenKind::kNumber;
    tokens.push_back(Token{start, end, kind, end});
    i = end;
  }
  return tokens;
}

// The byte length of the longest particle `word` ends with, keeping a stem
// of at least one character.
std::size_t particle_length(std::string_view word, const NameLexicons& lexicons) {
  const std::vector<std::string>* particles = lexicons.particles_ending_like(word);
  if (particles == nullptr) return 0;
  for (const std::string& p : *particles) {
    if (p.size() >= word.size() || word.substr(word.size() - p.size()) != p) continue;
    return p.size();
  }
  return 0;
}

// ---- one paragraph's view --------------------------------------------------

// What the lexicons say about one token's stem, looked up once.
struct TokenInfo {
  WordInfo lexicon;                         // the single-word lexicons' answer for the stem
  const std::string* org_suffix = nullptr;  // kind of the organization suffix it ends in
  // What has been filled in: the lexicon look-up, the suffix look-up, and
  // name_like() (-1: not yet, else 0/1). One byte each instead of separate
  // bit vectors: they are read several times per token.
  bool ready = false;
  bool suffix_ready = false;
  std::int8_t name_like = -1;
};

struct View {
  const std::string& text;
  const std::vector<Token>& tokens;
  const NameLexicons& lexicons;
  // Filled on first use of a token: selection looks at few tokens, proposal at all.
  mutable std::vector<TokenInfo> info_;

  View(const std::string& paragraph_text, const std::vector<Token>& paragraph_tokens,
       const NameLexicons& lex)
      : text(paragraph_text),
        tokens(paragraph_tokens),
        lexicons(lex),
        info_(paragraph_tokens.size()) {}

  const TokenInfo& info(std::size_t i) const {
    TokenInfo& t = info_[i];
    if (!t.ready) {
      t.ready = true;
      if (is_word(i)) {
        if (const WordInfo* w = lexicons.word(stem(i))) t.lexicon = *w;
      }
    }
    return t;
  }
  const std::string* org_suffix(std::size_t i) const {
    if (!info_[i].suffix_ready) {
      info_[i].suffix_ready = true;
      if (is_word(i)) info_[i].org_suffix = lexicons.org_suffix_kind(stem(i));
    }
    return info_[i].org_suffix;
  }
  const KnownName* known(std::size_t i) const { return info(i).lexicon.known; }
  const TitleInfo* title(std::size_t i) const { return info(i).lexicon.title; }
  const Cue* cue(std::size_t i) const { return info(i).lexicon.cue; }
  bool stop(std::size_t i) const { return info(i).lexicon.stop; }
  bool common(std::size_t i) const { return info(i).lexicon.common; }
  bool given(std::size_t i) const { return info(i).lexicon.given; }
  std::size_t size() const { return tokens.size(); }
  bool is_word(std::size_t i) const {
    return i < tokens.size() && tokens[i].kind != TokenKind::kPunctuation &&
           tokens[i].kind != TokenKind::kSymbol;
  }
  std::string_view stem(std::size_t i) const {
    const Token& t = tokens[i];
    return std::string_view(text).substr(t.start, t.stem_end - t.start);
  }
  std::string_view word(std::size_t i) const {
    const Token& t = tokens[i];
    return std::string_view(text).substr(t.start, t.end - t.start);
  }
  bool particle(std::size_t i) const { return tokens[i].has_particle(); }
  // Tokens i and i+1 are separate words with one space between them.
  bool spaced(std::size_t i) const {
    return i + 1 < tokens.size() && tokens[i + 1].start == tokens[i].end + 1 &&
           text[tokens[i].end] == ' ';
  }
  // Tokens i and i+1 touch (CEO(…), 뉴욕타임스(NYT)).
  bool touching(std::size_t i) const {
    return i + 1 < tokens.size() && tokens[i + 1].start == tokens[i].end;
  }
  bool is_punct(std::size_t i, std::string_view p) const {
    return i < tokens.size() && !is_word(i) && word(i) == p;
  }
  // The surface of words [first, last]: last one's stem.
  std::string_view span(std::size_t first, std::size_t last) const {
    return std::string_view(text).substr(tokens[first].start,
                                         tokens[last].stem_end - tokens[first].start);
  }
  // Words [first, last] form one name: spaced, no particle before the last.
  bool joinable(std::size_t first, std::size_t last) const {
    for (std::size_t k = first; k <= last; ++k) {
      if (!is_word(k)) return false;
      if (k < last && (particle(k) || !spaced(k))) return false;
    }
    return true;
  }
};

NameCandidate make(int paragraph, const View& v, std::size_t first, std::size_t last, NameType type,
                   double score, std::string evidence, std::string kind = {}) {
  NameCandidate c;
  c.paragraph = paragraph;
  c.first_token = first;
  c.last_token = last;
  c.start = v.tokens[first].start;
  c.end = v.tokens[last].stem_end;
  c.type = type;
  c.kind = std::move(kind);
  c.score = score;
  c.evidence = std::move(evidence);
  return c;
}

// A word that may be part of a name: not a title, not a stop word, not a
// cue, not a number or punctuation.
// A noun with the copula's adnominal 인 written on (공무원인 오모 씨, 책임자인
// 원청 대표이사: "X, who is a civil servant"): no name.
bool copula_adnominal(std::string_view s, const NameLexicons& lex) {
  if (s.size() < 9 || !s.ends_with("인")) return false;
  const std::string_view noun = s.substr(0, s.size() - 3);
  return lex.is_common(noun) || lex.title(noun) != nullptr || lex.is_stopword(noun);
}

bool name_like_uncached(const View& v, std::size_t i) {
  const std::string_view s = v.stem(i);
  if (v.info(i).lexicon.particle) return false;  // '나를 돌아봐'에서: a particle after a quote
  if (v.common(i)) return false;
  // Latin names are capitalized (OpenAI, Sam Altman, eBay aside).
  if (v.tokens[i].kind == TokenKind::kLatin && !starts_upper(s)) return false;
  if (v.tokens[i].kind == TokenKind::kHangul && v.known(i) == nullptr &&
      (has_verb_ending(s) || copula_adnominal(s, v.lexicons)))
    return false;
  if (v.tokens[i].kind == TokenKind::kNumber || v.tokens[i].kind == TokenKind::kOther) return false;
  return !v.stop(i) && v.title(i) == nullptr && v.cue(i) == nullptr;
}

// Asked up to five times per token while proposing: remembered in the view.
bool name_like(const View& v, std::size_t i, const NameLexicons& /*lex: cached in v*/) {
  if (!v.is_word(i)) return false;
  std::int8_t& cached = v.info_[i].name_like;
  if (cached < 0) cached = name_like_uncached(v, i) ? 1 : 0;
  return cached != 0;
}

// Is word i a known organization (lexicon or suffix)?
bool organization_at(const View& v, std::size_t i, const NameLexicons& /*lex: cached in v*/) {
  if (!v.is_word(i)) return false;
  if (const KnownName* k = v.known(i)) return k->type == NameType::kOrganization;
  return !v.stop(i) && v.org_suffix(i) != nullptr;
}

const TitleInfo* title_at(const View& v, std::size_t i, const NameLexicons& /*lex: cached in v*/) {
  if (!v.is_word(i)) return nullptr;
  return v.title(i);
}

// A role title after words [.., last]: right after, or after an organization
// (이재용 삼성전자 부회장, 사티아 나델라 마이크로소프트 CEO).
// The token after a parenthesis opened right after token i, e.g. 김부선(51) 씨,
// 안지만(32·삼성) 선수: the parenthesis is skipped; returns i when there is none.
std::size_t skip_parenthesis(const View& v, std::size_t i) {
  if (!v.is_punct(i + 1, "(") || !v.touching(i)) return i;
  for (std::size_t k = i + 2; k < v.size() && k < i + 8; ++k) {
    if (v.is_punct(k, ")")) return k;
  }
  return i;
}

const TitleInfo* title_after(const View& v, std::size_t last, const NameLexicons& lex,
                             bool particle_ok) {
  if (!particle_ok && v.particle(last)) return nullptr;
  if (v.particle(last)) return nullptr;
  if (const std::size_t closing = skip_parenthesis(v, last); closing != last) {
    if (const TitleInfo* t = title_at(v, closing + 1, lex); t != nullptr && !v.particle(closing))
      return t;
    return nullptr;
  }
  if (const TitleInfo* t = title_at(v, last + 1, lex); t != nullptr && v.spaced(last)) return t;
  if (v.spaced(last) && !v.particle(last + 1) && organization_at(v, last + 1, lex) &&
      v.spaced(last + 1)) {
    return title_at(v, last + 2, lex);
  }
  return nullptr;
}

// title_after_workplace() on a paragraph's view: up to three words between
// the name and the title, none with a particle; the first may be 전/현
// (former, current).
const TitleInfo* title_after_workplace(const View& v, std::size_t last, const NameLexicons& lex) {
  if (v.particle(last)) return nullptr;
  // An age or career in parentheses may come between: 고창환(67) 세모 대표,
  // 장민수(47·사법연수원 30기) 서울중앙지법 부장판사.
  if (const std::size_t closing = skip_parenthesis(v, last); closing != last) last = closing;
  if (!v.spaced(last)) return nullptr;
  for (std::size_t k = last + 1; k < v.size() && k <= last + 4; ++k) {
    if (!v.is_word(k)) return nullptr;
    if (const TitleInfo* t = title_at(v, k, lex); t != nullptr) {
      return k > last + 1 && t->title_class == TitleClass::kRole ? t : nullptr;
    }
    if (v.tokens[k].kind == TokenKind::kHangul) {
      if (const std::string_view t = lex.attached_role_title(v.stem(k)); !t.empty())
        return lex.title(t);
    }
    // The workplace: words of two syllables or more, known ones (서초경찰서,
    // 경기고: no verbs though they end like one) or else neither common nor
    // verb-like (신규, 전문 say what kind of person, not where: 노동법 전문
    // 변호사).
    const std::string_view stem = v.stem(k);
    const bool tense = k == last + 1 && (stem == "전" || stem == "현");
    const bool hangul = v.tokens[k].kind == TokenKind::kHangul;
    const bool word = (hangul && count_code_points(stem) >= 2) ||
                      v.tokens[k].kind == TokenKind::kMixed ||
                      (v.tokens[k].kind == TokenKind::kLatin && starts_upper(stem));
    const bool known_place = v.known(k) != nullptr || organization_at(v, k, lex);
    const bool plain_word = !v.stop(k) && !has_verb_ending(stem) && !v.common(k);
    if (!tense && (!word || !(known_place || plain_word))) return nullptr;
    if (v.particle(k) || !v.spaced(k)) return nullptr;
  }
  return nullptr;
}

// Whether the rules so far found a person (score >= 0.8) in paragraph `p`
// that ends right before word i, with no particle and one space between:
// the words after such a name and before a title are where the person works
// (에릭 하트먼 노바텍 CEO, 박영민 영풍 석포제련소 대표이사), not another name.
bool person_right_before(const std::vector<NameCandidate>& out, const View& v, int p,
                         std::size_t i) {
  for (auto c = out.rbegin(); c != out.rend() && c->paragraph == p && c->last_token + 4 > i; ++c) {
    if (c->type == NameType::kPerson && c->score >= 0.8 && c->last_token + 1 == i &&
        !v.particle(c->last_token) && v.spaced(c->last_token))
      return true;
  }
  return false;
}

// A role title right before word `first` (오픈AI 공동설립자 그렉 브록만, 기자 홍길동).
const TitleInfo* title_before(const View& v, std::size_t first, const NameLexicons& lex) {
  if (first == 0 || !v.spaced(first - 1) || v.particle(first - 1)) return nullptr;
  const TitleInfo* t = title_at(v, first - 1, lex);
  return t != nullptr && t->title_class == TitleClass::kRole ? t : nullptr;
}

// 채 after an adnominal verb form is the bound noun "as it was" (짐을 남겨둔
// 채 이사를 갔다, 모른 채), not the surname 채 before a title.
bool bound_noun_chae(const View& v, std::size_t i) {
  if (v.stem(i) != "채" || i == 0 || !v.spaced(i - 1) || v.tokens[i - 1].kind != TokenKind::kHangul)
    return false;
  const std::string_view before = v.word(i - 1);
  if (before.size() < 3) return false;
  std::size_t length = 0;
  const char32_t last = decode_at(before, before.size() - 3, length);
  if (!is_hangul_syllable(last)) return false;
  const int final = static_cast<int>((last - 0xAC00) % 28);
  return final == 4 || final == 8;  // ㄴ (남겨둔, 앉은) or ㄹ (할)
}

// An anonymized Korean name: a surname and 모 (홍모씨, 김모 교감, 오모 씨).
bool anonymized_name(std::string_view word, const NameLexicons& lex) {
  return word.size() == 6 && word.ends_with("모") && lex.is_surname(word.substr(0, 3));
}

// Korean names: 김철수, 남궁민수 — a surname, then one or two syllables.
// Returns the byte length of the name at the start of `stem`, or 0.
std::size_t korean_name_length(std::string_view stem, const NameLexicons& lex) {
  // Two to four Hangul syllables, three bytes each: the length rules out
  // most words before any decoding.
  if (stem.size() < 6 || stem.size() > 12 || !all_hangul(stem)) return 0;
  const std::size_t n = stem.size() / 3;
  if (n == 4) return lex.is_surname(stem.substr(0, 6)) ? stem.size() : 0;
  return lex.is_surname(stem.substr(0, 3)) ? stem.size() : 0;
}

// How name-like syllables must be (mean log-odds, data/name_syllables.txt)
// for a name without a title: a Korean given name, each word of a foreign one.
constexpr double kKoreanNameOdds = 1.0;
constexpr double kForeignNameOdds = 1.0;
// Below this, a three-syllable word is no Korean name even with a title (이사회 -2.9).
constexpr double kKoreanWordOdds = -2.0;
// A name after its legal form (법무법인 태평양) is an organization beyond
// doubt: above the model (0.96–0.99) and a curated place (0.95).
constexpr double kLegalFormScore = 0.995;
// The longest name (in code points) looked for glued to a word before or
// after it (하락오픈AI, 중국영화): longer than any curated name, and it keeps
// those scans linear on a word of any length.
constexpr std::size_t kMaxGluedNameChars = 40;

// Where a candidate rule looks: token `i` of paragraph `p`, with its stem
// and the stem's length in code points, which most rules ask.
struct RuleSite {
  int p;
  const View& v;
  const NameLexicons& lex;
  std::size_t n;  // tokens in the paragraph
  std::size_t i;
  std::string_view stem;
  std::size_t stem_chars;
};

// Lexicon names, the longest first (조디악 에어로스페이스, Goldman Sachs).
// Word i written as the place something is posted: with 에, 에서, (으)로,
// 에는, or with 을/를 통해 (페이스북을 통해).
bool posted_on(const View& v, std::size_t i) {
  const Token& t = v.tokens[i];
  const std::string_view particle = std::string_view(v.text).substr(t.stem_end, t.end - t.stem_end);
  if (particle.starts_with("에") || particle == "로" || particle == "으로" ||
      particle == "로는" || particle == "으로는")
    return true;
  return (particle == "을" || particle == "를") && v.spaced(i) && i + 1 < v.size() &&
         v.stem(i + 1) == "통해";
}

void propose_lexicon_names(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  const std::size_t longest = v.info(i).lexicon.phrase_head ? std::min(lex.max_words(), n - i) : 1;
  for (std::size_t k = longest; k >= 1; --k) {
    if (!v.joinable(i, i + k - 1)) continue;
    if (const KnownName* known = k == 1 ? v.known(i) : lex.known(v.span(i, i + k - 1))) {
      // Derived entries go through the same filters as rules: no stop
      // words, and Latin names capitalized (MultiCoNER text is lower-cased).
      if (known->derived && (lex.is_stopword(v.span(i, i + k - 1)) ||
                             (v.tokens[i].kind == TokenKind::kLatin && !starts_upper(v.stem(i))))) {
        break;
      }
      // A platform written as where something was posted is no organization:
      // 자신의 페이스북에 (글을 올렸다), 트위터로, 인스타그램에서, 유튜브를 통해.
      if (known->type == NameType::kOrganization && k == 1 && lex.is_platform(v.stem(i)) &&
          posted_on(v, i))
        break;
      NameCandidate c =
          make(p, v, i, i + k - 1, known->type, known->derived ? known->confidence * 0.75 : 0.95,
               known->derived ? "gazetteer" : "lexicon", known->kind);
      c.canonical = known->canonical;
      out.push_back(std::move(c));
      break;
    }
  }
}

// A curated name glued to the word before it, in scraped run-on text
//  where a headline ran into the body (…1% 하락오픈AI 이사회가): the name
//  alone, when what precedes it is a common word or ends a sentence.
void propose_glued_lexicon_name(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if ((v.tokens[i].kind == TokenKind::kMixed ||
       (v.tokens[i].kind == TokenKind::kHangul && stem_chars >= 5)) &&
      v.known(i) == nullptr) {
    // Only the last kMaxGluedNameChars can be the name: a scan over every
    // head of a 100,000-syllable run was quadratic (docs/complexity.md).
    const std::size_t first_head =
        stem_chars > kMaxGluedNameChars + 2 ? stem_chars - kMaxGluedNameChars : 2;
    for (std::size_t head = first_head; head + 2 <= stem_chars; ++head) {
      const std::size_t bytes = prefix_bytes(stem, head);
      const KnownName* known = lex.known(stem.substr(bytes));
      if (known == nullptr || known->derived) continue;
      const std::string_view before = stem.substr(0, bytes);
      if (lex.is_common(before) || has_verb_ending(before)) {
        NameCandidate c = make(p, v, i, i, known->type, 0.9, "lexicon-glued", known->kind);
        c.start += bytes;
        c.canonical = known->canonical;
        out.push_back(std::move(c));
      }
      break;
    }
  }
}

// Korean people: a surname and a given name, with a title beside it
// (김철수 대표, 김철수씨, 기자 김철수, 이재용 삼성전자 부회장).
void propose_korean_person(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (v.tokens[i].kind == TokenKind::kHangul && !v.stop(i)) {
    // A title written on: 김철수씨 → 김철수.
    const bool attached_title = lex.may_end_with_attached_title(stem);
    for (std::size_t cut = 1; attached_title && cut <= 3; ++cut) {
      const std::size_t chars = stem_chars;
      if (chars <= cut + 1) break;
      const std::size_t name_bytes = prefix_bytes(stem, chars - cut);
      const TitleInfo* t = lex.title(stem.substr(name_bytes));
      if (t == nullptr || !t->attaches) continue;
      if (korean_name_length(stem.substr(0, name_bytes), lex) == name_bytes &&
          count_code_points(stem.substr(0, name_bytes)) >= 3) {
        NameCandidate c = make(p, v, i, i, NameType::kPerson, 0.85,
                               "title:" + std::string(stem.substr(name_bytes)));
        c.end = c.start + name_bytes;
        out.push_back(std::move(c));
      }
      break;
    }
    const KnownName* known_stem = v.known(i);
    const bool anonymized = anonymized_name(stem, lex);  // 홍모씨: see 2b
    if (korean_name_length(stem, lex) == stem.size() && !anonymized &&
        (known_stem == nullptr || known_stem->type == NameType::kPerson)) {
      const std::size_t chars = stem_chars;
      const TitleInfo* after = title_after(v, i, lex, false);
      const TitleInfo* before = title_before(v, i, lex);
      // 이사회 임원, 서둘러 시장에: common words and syllables no name has.
      const bool after_person = person_right_before(out, v, p, i);
      // A title is no name, even one shaped like it (부친상 after 대표: 부 + 친상).
      const bool word_like = v.common(i) || v.title(i) != nullptr ||
                             (chars == 3 && lex.given_name_odds(stem) < kKoreanWordOdds) ||
                             (i > 0 && v.joinable(i - 1, i) && v.given(i - 1)) ||  // 사티아 나델라
                             after_person;
      // An honorific makes a person of a word the corpus saw only without
      // a title (유병호(61)씨, 유병호 씨): 씨 follows no common noun.
      const bool honorific_after = after != nullptr && chars == 3 && !after_person &&
                                   after->title_class == TitleClass::kHonorific;
      if (word_like && !honorific_after) {
        // no person
      } else if (after != nullptr && (chars >= 3 || after->title_class == TitleClass::kHonorific)) {
        out.push_back(make(p, v, i, i, NameType::kPerson, 0.85, "title"));
      } else if (chars == 3 && v.title(i) == nullptr &&
                 (!has_verb_ending(stem) || lex.given_name_odds(stem) >= kKoreanNameOdds) &&
                 starts_word(v.tokens, i) &&
                 lex.given_name_odds(stem, kWorkplaceUnseenSyllable) >= kWorkplaceNameOdds &&
                 title_after_workplace(v, i, lex) != nullptr) {
        out.push_back(make(p, v, i, i, NameType::kPerson, 0.8, "title-after-workplace"));
      } else if (before != nullptr && chars >= 3) {
        out.push_back(make(p, v, i, i, NameType::kPerson, 0.7, "title-before"));
      } else if (chars == 3 && !v.common(i) && lex.given_name_odds(stem) >= kKoreanNameOdds) {
        // No title, but the given name's syllables are those of names (엄기준, 오달수).
        out.push_back(make(p, v, i, i, NameType::kPerson, 0.5, "syllables"));
      }
    }
  }
}

// A surname alone with an honorific: 김씨, 조 씨, 이 여사, 홍모(57)씨,
//  and the anonymized A씨, B양.
void propose_surname_with_honorific(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  {
    const std::string_view word = stem;
    const bool latin_letter =
        v.tokens[i].kind == TokenKind::kLatin && word.size() == 1 && starts_upper(word);
    const bool mixed_letter = v.tokens[i].kind == TokenKind::kMixed && word.size() >= 2 &&
                              starts_upper(word) && !(word[1] >= 'A' && word[1] <= 'Z') &&
                              !(word[1] >= 'a' && word[1] <= 'z');
    std::size_t name_bytes = 0;
    bool honorific = false;
    if (latin_letter ||
        (v.tokens[i].kind == TokenKind::kHangul && stem_chars == 1 && lex.is_surname(word))) {
      name_bytes = word.size();
      // An age in parentheses between: A(78)씨, 김(45) 경위.
      const std::size_t closing = v.particle(i) ? i : skip_parenthesis(v, i);
      const TitleInfo* t = closing != i  ? title_at(v, closing + 1, lex)
                           : v.spaced(i) ? title_at(v, i + 1, lex)
                                         : nullptr;
      honorific = t != nullptr && t->title_class == TitleClass::kHonorific && !v.particle(i);
      // A 경위, A 일병: an anonymized letter with a rank or post.
      if (!honorific && latin_letter && !v.particle(i) && t != nullptr &&
          t->title_class == TitleClass::kRole && !t->weak)
        honorific = true;
      // 이 모씨, 이 모 씨: the name withheld, written apart from the surname.
      if (!honorific && t == nullptr && v.spaced(i) && !v.particle(i) && i + 1 < v.size() &&
          v.tokens[i + 1].kind == TokenKind::kHangul) {
        const std::string_view next = v.stem(i + 1);
        const TitleInfo* after = v.spaced(i + 1) ? title_at(v, i + 2, lex) : nullptr;
        honorific = next == "모씨" || (next == "모" && !v.particle(i + 1) && after != nullptr &&
                                       after->title_class == TitleClass::kHonorific);
      }
      if (!honorific && v.tokens[i].kind == TokenKind::kHangul && stem_chars == 1 &&
          !v.particle(i) && t != nullptr && t->title_class == TitleClass::kRole && !v.stop(i) &&
          !bound_noun_chae(v, i)) {
        honorific =
            true;  // 김 의원, 진 교수 (but not 이 대표 "this", 전 대표 "former": stop words)
      }
    } else if (latin_letter || mixed_letter || v.tokens[i].kind == TokenKind::kHangul) {
      // The honorific written on: 김씨, A씨, 홍모씨.
      const std::size_t chars = stem_chars;
      const bool attached_title = lex.may_end_with_attached_title(word);
      for (std::size_t cut = 1; attached_title && cut <= 2 && cut < chars; ++cut) {
        const std::size_t head = prefix_bytes(word, chars - cut);
        const TitleInfo* t = lex.title(word.substr(head));
        if (t == nullptr || t->title_class != TitleClass::kHonorific || !t->attaches) continue;
        std::string_view name = word.substr(0, head);
        // 양, 군 written on only after a letter (A양, B군) or an anonymized
        // name (윤모양, 김모군): 모양, 장군, 육군 are words.
        if (t->weak && !(name.size() == 1 && starts_upper(name)) && !anonymized_name(name, lex))
          break;
        if (name.ends_with("모") && count_code_points(name) == 2) {
          if (word.substr(head) == "님") break;  // 부모님, 이모님: parents, aunt
          name = name.substr(0, name.size() - 3);  // 홍모씨
        }
        if ((name.size() == 1 && starts_upper(name)) ||
            (count_code_points(name) == 1 && lex.is_surname(name))) {
          name_bytes = name.size();
          honorific = true;
        }
        break;
      }
      if (!honorific && anonymized_name(word, lex)) {
        // 홍모(57)씨, 김모 교감
        const std::size_t closing = skip_parenthesis(v, i);
        const TitleInfo* t = closing != i  ? title_at(v, closing + 1, lex)
                             : v.spaced(i) ? title_at(v, i + 1, lex)
                                           : nullptr;
        if (t != nullptr) {
          name_bytes = word.size() - 3;
          honorific = true;
        }
      }
    }
    if (honorific && name_bytes > 0) {
      NameCandidate c = make(p, v, i, i, NameType::kPerson, 0.75, "surname+honorific");
      c.end = c.start + name_bytes;
      out.push_back(std::move(c));
    }
  }
}

// Foreign names in Hangul or Latin script, two words (three when the
// first two are given names): 샘 알트먼, 매큐 파트허스트 안티메탈 CEO,
// 오픈AI 공동설립자 그렉 브록만, Sam Altman.
void propose_foreign_person(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (i + 1 < n && name_like(v, i, lex) && name_like(v, i + 1, lex) && v.joinable(i, i + 1)) {
    const bool hangul =
        v.tokens[i].kind == TokenKind::kHangul && v.tokens[i + 1].kind == TokenKind::kHangul;
    const bool latin = v.tokens[i].kind == TokenKind::kLatin &&
                       v.tokens[i + 1].kind == TokenKind::kLatin && starts_upper(v.stem(i)) &&
                       starts_upper(v.stem(i + 1));
    // A loop, not a lambda: clang 14 cannot capture structured bindings.
    bool known_other = false;
    for (std::size_t k : {i, i + 1}) {
      const KnownName* kn = v.known(k);
      known_other = known_other ||
                    (kn != nullptr && kn->type != NameType::kPerson && !kn->derived);
    }
    // After a person's name, or where the rules found a Korean name with a
    // title (김태규 권익위 부위원장), no foreign name starts; nor with an
    // anonymized name (공무원인 오모 씨).
    const bool korean_name_here = !out.empty() && out.back().paragraph == p &&
                                  out.back().first_token == i && out.back().last_token == i &&
                                  out.back().type == NameType::kPerson && out.back().score >= 0.8;
    const bool no_pair = person_right_before(out, v, p, i) || korean_name_here ||
                         anonymized_name(v.stem(i + 1), lex);
    if ((hangul || latin) && !known_other && !no_pair) {
      std::size_t last = i + 1;
      if (v.given(i + 1) && i + 2 < n && !v.particle(i + 1) && name_like(v, i + 2, lex) &&
          v.joinable(i, i + 2) && v.tokens[i + 2].kind == v.tokens[i].kind) {
        last = i + 2;  // 존 폴 존스
      }
      const std::size_t syllables_first = stem_chars;
      const std::size_t syllables_last = count_code_points(v.stem(last));
      const bool plausible = latin || (syllables_first <= 4 && syllables_last >= 2 &&
                                       syllables_last <= 6 && (syllables_first >= 2 || v.given(i)));
      // A title also follows an organization (영풍 석포제련소 대표이사, 책임자인
      // 원청 대표이사): an unknown pair of Hangul words takes it as a name only
      // when one of them sounds like a transliteration (알트먼, 후미오).
      const bool sounds_foreign =
          latin || std::max(lex.person_odds(v.stem(i)), lex.person_odds(v.stem(last))) >= 0;
      if (plausible) {
        if (v.given(i)) {
          out.push_back(make(p, v, i, last, NameType::kPerson, 0.85, "given-name"));
        } else if (const TitleInfo* t = title_after(v, last, lex, false);
                   t != nullptr && !t->weak && sounds_foreign) {
          out.push_back(make(p, v, i, last, NameType::kPerson, 0.75, "title"));
        } else if (const TitleInfo* b = title_before(v, i, lex);
                   b != nullptr && !b->weak && sounds_foreign) {
          out.push_back(make(p, v, i, last, NameType::kPerson, 0.7, "title-before"));
        } else if (hangul && last == i + 1 && syllables_first >= 2 && !v.common(i) &&
                   !v.common(i + 1) && v.known(i) == nullptr &&
                   std::min(lex.person_odds(v.stem(i)), lex.person_odds(v.stem(i + 1))) >=
                       kForeignNameOdds) {
          // No evidence beside it, but both words sound like a name (에디 머피).
          out.push_back(make(p, v, i, last, NameType::kPerson, 0.5, "syllables"));
        }
      }
    }
  }
}

// One given name with a title: 스콧 CTO, 스콧 씨.
void propose_given_name_with_title(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (v.given(i) && !v.particle(i) && title_after(v, i, lex, false) != nullptr && stem_chars >= 2) {
    out.push_back(make(p, v, i, i, NameType::kPerson, 0.7, "given-name+title"));
  }
}

// Places: an administrative unit after a place (서울 강남구 신사동, 중국 랴오닝성,
//  경기도 의정부시); the chain is merged into one place in select_mentions().
void propose_place_after_place(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (i > 0 && v.tokens[i].kind == TokenKind::kHangul && v.spaced(i - 1) && !v.particle(i - 1) &&
      stem_chars >= 2 && !v.common(i) && !v.stop(i)) {
    const KnownName* before = v.known(i - 1);
    const bool after_place =
        (before != nullptr && before->type == NameType::kLocation) ||
        (i > 1 && lex.place_suffix(v.stem(i - 1)) && v.known(i - 2) != nullptr &&
         v.known(i - 2)->type == NameType::kLocation);
    // 서울 서초구 이명현 특검: a Korean name ending in a unit (현, 시) is a name.
    const bool name_shaped = (v.known(i) != nullptr && v.known(i)->type == NameType::kPerson) ||
                             (stem_chars == 3 && korean_name_length(stem, lex) == stem.size() &&
                              lex.given_name_odds(stem) >= kKoreanNameOdds);
    // A unit that is also a common ending, cut off by a particle split, ends
    // no place: 고속도로 (고속도 + 로), 분데스리가 (분데스리 + 가); nor do
    // conditional verb forms (재밌으면, 국민이라면).
    // A copy, not the structured binding: clang 14 refuses a lambda capturing one.
    const std::string_view word = stem;
    const auto ends = [word](std::initializer_list<std::string_view> endings) {
      return std::any_of(endings.begin(), endings.end(),
                         [word](std::string_view e) { return word.ends_with(e); });
    };
    const bool doubtful = (v.particle(i) && ends({"리", "로", "가", "길", "면", "도", "현", "주"})) ||
                          ends({"으면", "라면", "다면", "하면", "이면"});
    if (after_place && lex.place_suffix(stem) && !name_shaped && !doubtful) {
      out.push_back(make(p, v, i, i, NameType::kLocation, 0.65, "place-suffix"));
    }
  }
}

// A place written on to a common word: 중국영화, 한국시간, 베트남전쟁 → 중국, 한국, 베트남.
void propose_place_glued_to_word(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (v.tokens[i].kind == TokenKind::kHangul && stem.size() >= 12 &&
      lex.starts_place(stem.substr(0, 6))) {
    const std::size_t chars = stem_chars;
    // A place is no longer than kMaxGluedNameChars (bounds the scan).
    for (std::size_t head = std::min(chars - 1, kMaxGluedNameChars); head >= 2 && chars >= 4;
         --head) {
      const std::size_t bytes = prefix_bytes(stem, head);
      const KnownName* k = lex.known(stem.substr(0, bytes));
      if (k == nullptr || k->type != NameType::kLocation || k->derived) continue;
      const std::string_view rest = stem.substr(bytes);
      if (lex.is_common(rest) || lex.is_stopword(rest) || lex.cue(rest) != nullptr) {
        NameCandidate c = make(p, v, i, i, NameType::kLocation, 0.6, "place-prefix", k->kind);
        c.end = c.start + bytes;
        out.push_back(std::move(c));
      }
      break;
    }
  }
}

// Organizations by suffix: 삼성전자, 서울중앙지법, KB증권.
void propose_organization_by_suffix(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (v.tokens[i].kind == TokenKind::kHangul || v.tokens[i].kind == TokenKind::kMixed) {
    // A suffix word right before a known organization describes it: 미국
    // 항공우주그룹 보잉 is "the US aerospace group Boeing" (issue 14).
    const bool descriptor = !v.particle(i) && v.spaced(i) && v.known(i + 1) != nullptr &&
                            v.known(i + 1)->type == NameType::kOrganization;
    if (!v.stop(i) && v.known(i) == nullptr && !descriptor) {
      if (const std::string* kind = v.org_suffix(i)) {
        out.push_back(make(p, v, i, i, NameType::kOrganization, 0.7, "suffix", *kind));
      }
    }
  }
}

// capitalized words ending in a suffix word (Goldman Sachs Group, Apple Inc).
void propose_latin_organization_by_suffix(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (v.tokens[i].kind == TokenKind::kLatin && i > 0 && lex.org_suffix_word(stem) != nullptr &&
      starts_upper(stem)) {
    std::size_t first = i;
    while (first > 0 && i - first < 4 && v.tokens[first - 1].kind == TokenKind::kLatin &&
           starts_upper(v.stem(first - 1)) && v.joinable(first - 1, i) && !v.stop(first - 1)) {
      --first;
    }
    if (first < i)
      out.push_back(
          make(p, v, first, i, NameType::kOrganization, 0.7, "suffix", *lex.org_suffix_word(stem)));
  }
}

// Cues: 마이크로소프트 주가, 오픈AI 측은, 오픈AI 이사회, 디인포메이션 보도.
void propose_by_cue(const RuleSite& at, std::vector<NameCandidate>& out) {
  [[maybe_unused]] const auto& [p, v, lex, n, i, stem, stem_chars] = at;
  if (i + 1 < n && !v.particle(i) && v.spaced(i) && name_like(v, i, lex) && v.is_word(i + 1)) {
    const Cue* cue = v.cue(i + 1);
    if (cue == nullptr) {
      // A role title also marks an organization before it (안티메탈 CEO),
      // when the word is no person's given name.
      const TitleInfo* t = title_at(v, i + 1, lex);
      // Only a Hangul title or an acronym (CEO): "Ohio Governor" names a place.
      const std::string_view title_word = i + 1 < n ? v.stem(i + 1) : std::string_view();
      const bool acronym =
          !title_word.empty() && std::all_of(title_word.begin(), title_word.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (static_cast<unsigned char>(ch) & 0x80) != 0;
          });
      // A Hangul title after a Hangul word is as often after a descriptor (영장
      // 전담 부장판사, 주무 부처 장관): it marks a Latin or mixed name only.
      const bool latin_title = !title_word.empty() && (title_word[0] & 0x80) == 0;
      if (t != nullptr && acronym && t->title_class == TitleClass::kRole && !t->weak &&
          !v.given(i) && (latin_title || v.tokens[i].kind != TokenKind::kHangul) &&
          (v.tokens[i].kind != TokenKind::kHangul || stem_chars >= 2)) {
        static const Cue kTitleCue{NameType::kOrganization, true, {}};
        cue = &kTitleCue;
      }
    }
    if (cue != nullptr && cue->after && stem_chars >= 2 &&
        (v.tokens[i].kind != TokenKind::kNumber)) {
      out.push_back(
          make(p, v, i, i, cue->type, 0.6, "cue:" + std::string(v.stem(i + 1)), cue->kind));
    }
  }
  if (i > 0 && v.spaced(i - 1) && !v.particle(i - 1) && v.is_word(i - 1) && name_like(v, i, lex)) {
    const Cue* cue = v.cue(i - 1);
    if (cue != nullptr && cue->legal_form) {
      // The legal form is part of the name as written (법무법인 태평양, as
      // KLUE spans it); one syllable is enough after it (법무법인 린).
      out.push_back(make(p, v, i - 1, i, cue->type, kLegalFormScore,
                         "legal-form:" + std::string(v.stem(i - 1)), cue->kind));
    } else if (cue != nullptr && !cue->after && stem_chars >= 2) {
      out.push_back(
          make(p, v, i, i, cue->type, 0.6, "cue:" + std::string(v.stem(i - 1)), cue->kind));
    }
  }
}

// The rules, in the order they run at each token: a later rule may look at
// what an earlier one proposed there (a Korean name with a title stops a
// foreign pair from starting at it).
using CandidateRule = void (*)(const RuleSite&, std::vector<NameCandidate>&);
constexpr CandidateRule kCandidateRules[] = {
    propose_lexicon_names,
    propose_glued_lexicon_name,
    propose_korean_person,
    propose_surname_with_honorific,
    propose_foreign_person,
    propose_given_name_with_title,
    propose_place_after_place,
    propose_place_glued_to_word,
    propose_organization_by_suffix,
    propose_latin_organization_by_suffix,
    propose_by_cue,
};

void propose_in_paragraph(int p, const View& v, const NameLexicons& lex,
                          std::vector<NameCandidate>& out) {
  const std::size_t n = v.size();
  for (std::size_t i = 0; i < n; ++i) {
    check_budget();
    if (!v.is_word(i)) continue;
    const std::string_view stem = v.stem(i);
    const RuleSite at{p, v, lex, n, i, stem, count_code_points(stem)};
    for (const CandidateRule rule : kCandidateRules) rule(at, out);
  }
}

// ---- English: runs of capitalized words -------------------------------------
//
// English news writes every name capitalized, most of them in no lexicon
// (Hans Straberg, Metlife, Newton Aycliffe). A run of capitalized words that
// does not start a sentence is a name; its type comes from the words around
// and inside it. Without any such evidence a run of two or three words is
// taken as a person (in news most unknown two-word names are people).

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The word without a possessive: Electrolux's → Electrolux.
std::string_view without_possessive(std::string_view w) {
  if (w.ends_with("'s")) return w.substr(0, w.size() - 2);
  if (w.ends_with("\u2019s")) return w.substr(0, w.size() - 4);
  return w;
}

bool possessive(std::string_view w) {
  return without_possessive(w).size() != w.size();
}

std::string lower_ascii(std::string_view w) {
  std::string out(w);
  for (char& ch : out) ch = to_lower_ascii(ch);
  return out;
}

// Words written before a person's name: honorifics, offices and the nouns
// news puts in front of a name (sprinter Michelle Collins, chief executive
// Hans Straberg). Lower-cased.
bool person_word_before(std::string_view w) {
  return one_of(lower_ascii(w), {"mr",
                                 "mrs",
                                 "ms",
                                 "miss",
                                 "dr",
                                 "sir",
                                 "dame",
                                 "lord",
                                 "lady",
                                 "prince",
                                 "princess",
                                 "king",
                                 "queen",
                                 "rabbi",
                                 "rev",
                                 "reverend",
                                 "judge",
                                 "president",
                                 "chairman",
                                 "chairwoman",
                                 "minister",
                                 "secretary",
                                 "senator",
                                 "governor",
                                 "director",
                                 "executive",
                                 "manager",
                                 "analyst",
                                 "leader",
                                 "spokesman",
                                 "spokeswoman",
                                 "correspondent",
                                 "editor",
                                 "coach",
                                 "striker",
                                 "midfielder",
                                 "defender",
                                 "goalkeeper",
                                 "singer",
                                 "actor",
                                 "actress",
                                 "star",
                                 "critic",
                                 "sprinter",
                                 "champion",
                                 "player",
                                 "captain",
                                 "lawyer",
                                 "reporter",
                                 "founder",
                                 "boss",
                                 "presenter",
                                 "host",
                                 "author",
                                 "writer",
                                 "designer",
                                 "economist",
                                 "professor",
                                 "officer",
                                 "commissioner",
                                 "colonel",
                                 "compatriot",
                                 "official",
                                 "chancellor",
                                 "mayor",
                                 "said",
                                 "rapper",
                                 "comedian",
                                 "director-general"});
}

// Words after a name that say it is a person: Cragg said, Bekele battled.
bool person_word_after(std::string_view w) {
  return one_of(w, {"said", "says", "told", "added", "explained", "admitted", "insisted", "argued",
                    "warned", "claimed"});
}

// Nouns before a company or body: US banking giant Citigroup, the firm X.
bool organization_word_before(std::string_view w) {
  return one_of(w,
                {"firm",         "company", "giant",     "rival",       "bank",      "insurer",
                 "carrier",      "maker",   "retailer",  "broker",      "publisher", "agency",
                 "group",        "club",    "side",      "developer",   "operator",  "airline",
                 "network",      "channel", "newspaper", "broadcaster", "regulator", "conglomerate",
                 "manufacturer", "label"});
}

// Words after a company: Electrolux chief executive, Metlife's chairman, X shares.
bool organization_word_after(std::string_view w) {
  return one_of(w, {"chairman", "chief", "boss", "shares", "subsidiary", "executives", "spokesman",
                    "spokeswoman", "board", "profits", "profit", "sales", "stock", "officials",
                    "bosses", "unit", "founder", "employees", "staff"});
}

// The last word of an organization's name.
bool organization_last_word(std::string_view w) {
  return one_of(
      w,
      {"Court",       "Congress",  "Party",      "Agency",        "Center",       "Centre",
       "Commission",  "Committee", "School",     "Federation",    "League",       "Union",
       "Club",        "Times",     "News",       "Post",          "Journal",      "Digest",
       "Arts",        "Police",    "Yard",       "Office",        "Department",   "Board",
       "Service",     "Trust",     "Authority",  "Parliament",    "Assembly",     "Senate",
       "Fund",        "Exchange",  "Records",    "Studios",       "Network",      "Press",
       "Television",  "Radio",     "Supplement", "Organisation",  "Organization", "Society",
       "Institution", "Bureau",    "Council",    "United",        "Rovers",       "City",
       "Athletic",    "Telegraph", "Guardian",   "Herald",        "Tribune",      "Monitor",
       "Partners",    "Capital",   "Media",      "Entertainment", "Pictures",     "Communications",
       "Energy",      "Oil",       "Petroleum",  "Telecom",       "Mobile",       "Software",
       "Games",       "Project",   "Institute",  "Foundation",    "Association",  "Ministry"});
}

// The first or last word of a place's name.
bool place_first_word(std::string_view w) {
  return one_of(
      w, {"San", "Santa", "St", "Lake", "Mount", "Port", "Fort", "Cape", "County", "Gulf", "Isle"});
}
bool place_last_word(std::string_view w) {
  return one_of(
      w, {"Bay",       "Hall",   "Palace",  "Square", "Island",   "Islands", "River",   "Lake",
          "Valley",    "County", "Park",    "Street", "Road",     "Avenue",  "Bridge",  "Airport",
          "Mountains", "Sea",    "Ocean",   "Coast",  "Province", "Region",  "Village", "Castle",
          "Cathedral", "Abbey",  "Stadium", "Beach",  "Heights",  "Hill",    "Town",    "Forest",
          "Desert",    "Canyon", "Harbour", "Harbor", "Peninsula"});
}

// A capitalized word that may be part of a name.
bool capitalized_word(const View& v, std::size_t i) {
  if (!v.is_word(i) || v.tokens[i].kind != TokenKind::kLatin) return false;
  const std::string_view w = without_possessive(v.stem(i));
  if (w.empty() || !starts_upper(w) || v.stop(i) || v.title(i) != nullptr) return false;
  // San Francisco-based, Oscar-winning: an adjective made of a name.
  if (const std::size_t dash = w.find('-');
      dash != std::string_view::npos && dash + 1 < w.size() && !starts_upper(w.substr(dash + 1)))
    return false;
  return !person_word_before(w) || w.size() == 1;
}

// A middle initial at token i inside a run: H. of Sidney H. Stein, W. of
// George W. Bush — one capital, its period, then the run's next word.
bool middle_initial(const View& v, std::size_t i) {
  if (i + 2 >= v.size() || v.tokens[i].kind != TokenKind::kLatin) return false;
  const std::string_view letter = v.word(i);
  return letter.size() == 1 && letter[0] >= 'A' && letter[0] <= 'Z' && v.touching(i) &&
         v.is_punct(i + 1, ".") && v.spaced(i + 1) && capitalized_word(v, i + 2) &&
         v.stem(i + 2).size() >= 2;
}

bool acronym(std::string_view w) {
  return w.size() >= 2 &&
         std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// The paragraph also writes `word` in lower case (a sentence's first word
// that is an ordinary word: "Yesterday", "Greater").
bool written_lowercase(const View& v, std::string_view word) {
  const std::string low = lower_ascii(word);
  for (std::size_t at = v.text.find(low); at != std::string::npos; at = v.text.find(low, at + 1)) {
    const bool left = at == 0 || !is_ascii_alpha(v.text[at - 1]);
    const bool right = at + low.size() >= v.text.size() || !is_ascii_alpha(v.text[at + low.size()]);
    if (left && right) return true;
  }
  return false;
}

// Whether token i opens a sentence (or the paragraph): its capital says nothing.
bool sentence_start(const View& v, std::size_t i) {
  if (i == 0) return true;
  if (v.is_word(i - 1)) return false;
  const std::string_view mark = v.word(i - 1);
  return one_of(mark, {".", "!", "?", "\"", "\u201c", ":", "-", "(", "'", "\u2018"}) &&
         (i < 2 || !v.is_word(i - 2) || mark != "\"" || v.word(i - 2).ends_with("."));
}

// The type a run [first, last] of capitalized words has, with its score; 0 for none.
std::pair<NameType, double> type_of_run(const View& v, std::size_t first, std::size_t last) {
  const std::size_t words = last - first + 1;
  const std::string_view first_word = v.stem(first);
  const std::string_view last_word = without_possessive(v.stem(last));
  const std::string_view before = first > 0 && v.is_word(first - 1) ? v.stem(first - 1) : "";
  const std::string_view after =
      last + 1 < v.size() && v.is_word(last + 1) && v.spaced(last) ? v.stem(last + 1) : "";
  // Above a lexicon hit (0.95) on one of its words: Llanelli Grammar School
  // is a school, not the town.
  if (words >= 2 &&
      (v.lexicons.org_suffix_word(last_word) != nullptr || organization_last_word(last_word)))
    return {NameType::kOrganization, 0.96};
  if (words >= 2 && (place_first_word(first_word) || place_last_word(last_word)))
    return {NameType::kLocation, 0.65};
  if (organization_word_before(before) || organization_word_after(after) ||
      (possessive(v.stem(last)) && organization_word_after(after)))
    return {NameType::kOrganization, 0.65};
  if (v.given(first) && words >= 2) return {NameType::kPerson, 0.85};
  if (words == 1 && acronym(last_word)) return {NameType::kOrganization, 0.55};
  const bool numbered =
      last + 1 < v.size() && v.tokens[last + 1].kind == TokenKind::kNumber && v.spaced(last);
  // Swedish, Japanese, Canadian: a people's adjective, not a person.
  const bool demonym = words == 1 && (last_word.ends_with("ish") || last_word.ends_with("ese") ||
                                      last_word.ends_with("ian") || last_word.ends_with("ean"));
  if ((person_word_before(before) || person_word_after(after)) && !numbered && !demonym) {
    return {NameType::kPerson, words >= 2 ? 0.75 : 0.6};
  }
  // No evidence: two or three words are most often a person, but not after
  // an article (the Motorcycle Diaries, the World Cinema Award) or before a
  // number (Halo 2, Doom 3). Below 0.6: not established, so its words do not
  // spread to other mentions.
  const bool article = one_of(before, {"the", "The", "a", "A", "an", "An"});
  if (words >= 2 && words <= 3 && !article && !numbered) return {NameType::kPerson, 0.55};
  return {NameType::kPerson, 0.0};
}

void propose_capitalized_runs(int p, const View& v, std::vector<NameCandidate>& out) {
  // English text only: in a Korean paragraph a Latin word is an acronym or a
  // brand among Hangul words, and the capital there says little (KLUE's
  // organizations lost 0.6 point of F1 when the rule read them).
  if (std::any_of(v.tokens.begin(), v.tokens.end(),
                  [](const Token& t) { return t.kind == TokenKind::kHangul; }))
    return;
  const std::size_t n = v.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!capitalized_word(v, i) ||
        (i > 0 && capitalized_word(v, i - 1) && v.spaced(i - 1) && !possessive(v.stem(i - 1)))) {
      continue;
    }
    std::size_t last = i;
    std::size_t initials = 0;  // tokens of middle initials: H and its period
    while (last + 1 < n && v.spaced(last) && !possessive(v.stem(last))) {
      if (middle_initial(v, last + 1)) {
        last += 3;
        initials += 2;
      } else if (capitalized_word(v, last + 1)) {
        ++last;
      } else {
        break;
      }
    }
    std::size_t first = i;
    // A sentence's first word is capitalized anyway: a one-word run there says
    // nothing, a longer one may start with an ordinary word (Yesterday Hans Straberg).
    if (sentence_start(v, first)) {
      if (first == last) continue;
      if (!v.given(first) && v.known(first) == nullptr &&
          written_lowercase(v, without_possessive(v.stem(first)))) {
        ++first;
      }
    }
    // Runs of single letters (the A, U S) and runs of more than four words are no names here.
    if (last - first - initials >= 4 || v.stem(first).size() < 2 || v.stem(last).size() < 2)
      continue;
    if (v.lexicons.known(v.span(first, last)) != nullptr) continue;  // the lexicon rule's
    const auto [type, score] = type_of_run(v, first, last);
    if (score <= 0.0) continue;
    NameCandidate c = make(p, v, first, last, type, score, "capitalized");
    if (const std::string* kind = v.lexicons.org_suffix_word(without_possessive(v.stem(last)));
        kind != nullptr && type == NameType::kOrganization) {
      c.kind = *kind;  // Kestrel Airlines: a company
    }
    c.end = c.start + (v.tokens[last].start - v.tokens[first].start) +
            without_possessive(v.stem(last)).size();
    out.push_back(std::move(c));
  }
}

}  // namespace

namespace {

// A set of views of the article's text, for the splitter's word lists and
// the established names: the tokenizer's open-addressing WordMap, no node
// per word. Only asked "is it there?"; an empty view is never a member.
class ViewSet {
 public:
  explicit ViewSet(std::size_t expected) { words_.reserve(expected); }
  void insert(std::string_view word) {
    if (!word.empty()) words_[word] = true;
  }
  bool contains(std::string_view word) const { return words_.find(word) != nullptr; }

 private:
  WordMap<bool> words_;
};

// The name splitter's own tokens: split, then take particles off, except
// where the article shows the longer form is itself a stem (브록만도
// elsewhere keeps 브록만 whole). Views of the paragraph texts: no copies.
std::vector<std::vector<Token>> split_name_tokens(const std::vector<std::string_view>& texts,
                                                  const NameLexicons& lexicons) {
  std::vector<std::vector<Token>> out(texts.size());
  std::size_t words = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    out[i] = split_words(texts[i]);
    words += out[i].size();
  }
  ViewSet stems_with_particle(words / 4);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (Token& t : out[i]) {
      if (t.kind != TokenKind::kHangul && t.kind != TokenKind::kMixed &&
          t.kind != TokenKind::kLatin)
        continue;
      const std::string_view word = texts[i].substr(t.start, t.end - t.start);
      if (t.kind == TokenKind::kLatin) {
        // Possessive: Microsoft's → Microsoft.
        if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("\xE2\x80\x99s"))) {
          t.stem_end = t.end - (word.ends_with("'s") ? 2 : 4);
        }
        continue;
      }
      const std::size_t len = particle_length(word, lexicons);
      if (len == 0) continue;
      t.stem_end = t.end - len;
      stems_with_particle.insert(word.substr(0, word.size() - len));
    }
  }
  // Words written bare: 나델라 beside 나델라는 says the particle is 는, not 라는.
  ViewSet bare_words(words / 2);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (const Token& t : out[i]) {
      if (!t.has_particle() && t.kind == TokenKind::kHangul)
        bare_words.insert(texts[i].substr(t.start, t.end - t.start));
    }
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (Token& t : out[i]) {
      if (!t.has_particle()) continue;
      const std::string_view word = texts[i].substr(t.start, t.end - t.start);
      if (stems_with_particle.contains(word) || lexicons.known(word) != nullptr ||
          lexicons.is_given_name(word)) {
        t.stem_end = t.end;  // the whole word is a stem
        continue;
      }
      // A shorter particle whose longer stem the article writes elsewhere.
      for (std::size_t stem_end = t.stem_end + 1; stem_end < t.end; ++stem_end) {
        const std::string_view stem = word.substr(0, stem_end - t.start);
        const std::string_view rest = word.substr(stem_end - t.start);
        if ((static_cast<unsigned char>(rest[0]) & 0xC0) == 0x80) continue;  // mid-character
        if (lexicons.is_particle(rest) &&
            (bare_words.contains(stem) || stems_with_particle.contains(stem))) {
          t.stem_end = stem_end;
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<Token>> name_tokens(const std::vector<Paragraph>& paragraphs,
                                            const NameLexicons& lexicons) {
  std::vector<std::string_view> texts;
  texts.reserve(paragraphs.size());
  bool tokenized = true;
  for (const Paragraph& p : paragraphs) {
    tokenized &= !p.tokens.empty() || p.text.empty();
    texts.emplace_back(p.text);
  }
  if (!tokenized) return split_name_tokens(texts, lexicons);
  // The tokenizer's token boundaries, with the particle decision of the
  // name splitter where both see the same word: it knows the name lexicons
  // and the article (브록만도: 브록만 + 도, not 브록 + 만도), and it is what
  // the figures in docs/names.md were measured with.
  const std::vector<std::vector<Token>> own = split_name_tokens(texts, lexicons);
  std::vector<std::vector<Token>> out(paragraphs.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    out[i] = paragraphs[i].tokens;
    std::size_t k = 0;
    for (Token& t : out[i]) {
      while (k < own[i].size() && own[i][k].start < t.start) ++k;
      if (k < own[i].size() && own[i][k].start == t.start && own[i][k].end == t.end) {
        t.stem_end = own[i][k].stem_end;
      }
    }
  }
  return out;
}

std::vector<NameCandidate> propose_names(const std::vector<Paragraph>& paragraphs,
                                         const std::vector<std::vector<Token>>& tokens,
                                         const NameLexicons& lexicons) {
  std::vector<NameCandidate> out;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const View v(paragraphs[p].text, tokens[p], lexicons);
    propose_in_paragraph(static_cast<int>(p), v, lexicons, out);
    propose_capitalized_runs(static_cast<int>(p), v, out);
  }
  return out;
}

namespace {

bool better(const NameCandidate& a, const NameCandidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
  if (a.paragraph != b.paragraph) return a.paragraph < b.paragraph;
  return a.start < b.start;
}

// The best candidates that do not overlap, best first. The spans taken so far
// in each paragraph are disjoint, so an ordered map of start → end answers
// "does this overlap?" with one look on either side: a one-line article of
// megabytes has hundreds of thousands of candidates in one paragraph.
// The name after the legal form of a legal-form candidate: 태평양 of 법무법인 태평양.
std::string_view firm_name(const NameCandidate& c, const std::vector<Paragraph>& paragraphs,
                           const std::vector<std::vector<Token>>& tokens) {
  const std::size_t p = static_cast<std::size_t>(c.paragraph);
  const std::size_t start = tokens[p][c.last_token].start;
  return std::string_view(paragraphs[p].text).substr(start, c.end - start);
}

// A name written after its legal form (법무법인 태평양) is that organization
// everywhere in the article: 태평양 alone is then the firm, not the ocean,
// whatever the place lexicon or the model say of it.
void drop_other_readings_of_firms(std::vector<NameCandidate>& candidates,
                                  const std::vector<Paragraph>& paragraphs,
                                  const std::vector<std::vector<Token>>& tokens) {
  const auto surface = [&](const NameCandidate& c) {
    return std::string_view(paragraphs[static_cast<std::size_t>(c.paragraph)].text)
        .substr(c.start, c.end - c.start);
  };
  std::set<std::string_view> firms;
  for (const NameCandidate& c : candidates) {
    if (!c.evidence.starts_with("legal-form:")) continue;
    firms.insert(surface(c));
    firms.insert(firm_name(c, paragraphs, tokens));
  }
  if (firms.empty()) return;
  std::erase_if(candidates, [&](const NameCandidate& c) {
    return c.type != NameType::kOrganization && firms.count(surface(c)) > 0;
  });
}

std::vector<NameCandidate> choose(std::vector<NameCandidate> candidates) {
  // Sorted by index, not by moving the candidates (three strings each):
  // std::sort makes the same comparisons and the same moves either way, so
  // the order, ties included, is the one sorting the candidates gives.
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return better(candidates[a], candidates[b]); });
  std::vector<NameCandidate> kept;
  kept.reserve(candidates.size());
  int paragraphs = 0;
  for (const NameCandidate& c : candidates) paragraphs = std::max(paragraphs, c.paragraph + 1);
  // paragraph → start → end; indexed by paragraph, no search for it.
  std::vector<std::map<std::size_t, std::size_t>> taken(static_cast<std::size_t>(paragraphs));
  for (std::size_t k : order) {
    NameCandidate& c = candidates[k];
    auto& spans = taken[static_cast<std::size_t>(c.paragraph)];
    const auto next = spans.lower_bound(c.start);
    bool clash = next != spans.end() && next->first < c.end;
    if (!clash && next != spans.begin()) clash = std::prev(next)->second > c.start;
    if (clash) continue;
    if (c.start < c.end) spans.emplace(c.start, c.end);
    kept.push_back(std::move(c));
  }
  return kept;
}

constexpr double kEstablished = 0.6;

}  // namespace

std::vector<NameCandidate> select_mentions(std::vector<NameCandidate> candidates,
                                           const std::vector<Paragraph>& paragraphs,
                                           const std::vector<std::vector<Token>>& tokens,
                                           const NameLexicons& lexicons) {
  drop_other_readings_of_firms(candidates, paragraphs, tokens);
  std::vector<NameCandidate> kept = choose(std::move(candidates));
  std::vector<View> views;
  views.reserve(paragraphs.size());
  for (std::size_t p = 0; p < paragraphs.size(); ++p)
    views.emplace_back(paragraphs[p].text, tokens[p], lexicons);

  // What the article established: surface → the best candidate naming it.
  struct Established {
    NameType type;
    std::string kind;
    std::string canonical;
    std::size_t words;
    bool part;  // a word of a person's full name
  };
  // Transparent comparison: every word of the article is looked up below,
  // by a view of the text, without building a std::string for it.
  std::map<std::string, Established, std::less<>> established;
  for (const NameCandidate& c : kept) {
    if (c.score < kEstablished) continue;
    const View& v = views[static_cast<std::size_t>(c.paragraph)];
    const std::string surface(std::string_view(v.text).substr(c.start, c.end - c.start));
    const std::size_t words = c.last_token - c.first_token + 1;
    // A surname alone (이 in 이씨, 김 in 김 의원) names someone only with its
    // honorific or title, which the rules read at each occurrence: spread
    // as a word it takes 이 사건 ("this case"), the copula of 것"이라고 and
    // other people of the same surname.
    const bool bare_surname = c.type == NameType::kPerson && all_hangul(surface) &&
                              count_code_points(surface) == 1;
    if (!bare_surname)
      established.emplace(surface, Established{c.type, c.kind, c.canonical, words, false});
    // 태평양 alone, after 법무법인 태평양, is the firm.
    if (c.evidence.starts_with("legal-form:")) {
      const std::string name(firm_name(c, paragraphs, tokens));
      established.emplace(name, Established{c.type, c.kind, surface, 1, false});
    }
    if (c.type == NameType::kPerson && words >= 2) {
      for (std::size_t k : {c.last_token, c.first_token}) {
        const std::string part(v.stem(k));
        if (count_code_points(part) >= 2 && !lexicons.is_stopword(part)) {
          established.emplace(part, Established{c.type, {}, {}, 1, true});
        }
      }
    }
    // 뉴욕타임스(NYT), 최고경영자(CEO) is not a name: only a name's pair.
    const std::size_t after = c.last_token + 1;
    if (c.end == v.tokens[c.last_token].end && v.is_punct(after, "(") && v.touching(c.last_token) &&
        v.is_word(after + 1) && v.is_punct(after + 2, ")") && !v.particle(after + 1)) {
      const std::string inner(v.stem(after + 1));
      const TokenKind inner_kind = v.tokens[after + 1].kind;
      if (lexicons.title(inner) == nullptr && inner != surface && count_code_points(inner) >= 2 &&
          (inner_kind == TokenKind::kLatin || inner_kind == TokenKind::kMixed ||
           inner_kind == TokenKind::kHangul) &&
          c.type != NameType::kPerson) {
        const std::string full = c.canonical.empty() ? surface : c.canonical;
        established.emplace(inner, Established{c.type, c.kind, full, 1, false});
      }
    }
  }

  // Every other occurrence of an established name. Up to three spans of
  // every word are asked: a hash set of the names (views of the map's keys,
  // which stay put) answers most of them before the ordered map is searched.
  ViewSet established_names(established.size());
  for (const auto& [name, unused] : established) {
    if (!name.empty()) established_names.insert(name);
  }
  std::vector<NameCandidate> more;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const View& v = views[p];
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v.is_word(i)) continue;
      for (std::size_t k = std::min<std::size_t>(3, v.size() - i); k >= 1; --k) {
        if (!v.joinable(i, i + k - 1)) continue;
        const std::string_view span = v.span(i, i + k - 1);
        if (!span.empty() && !established_names.contains(span)) continue;
        const auto it = established.find(span);
        if (it == established.end()) continue;
        // 페이스북은 (the company) … 자신의 페이스북에 (where it was posted).
        if (it->second.type == NameType::kOrganization && k == 1 && lexicons.is_platform(span) &&
            posted_on(v, i))
          break;
        NameCandidate c = make(static_cast<int>(p), v, i, i + k - 1, it->second.type,
                               it->second.part ? 0.65 : 0.62, it->second.part ? "part" : "article",
                               it->second.kind);
        c.canonical = it->second.canonical;
        more.push_back(std::move(c));
        break;
      }
    }
  }
  kept.insert(kept.end(), more.begin(), more.end());
  kept = choose(std::move(kept));
  std::sort(kept.begin(), kept.end(), [](const NameCandidate& a, const NameCandidate& b) {
    return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.start < b.start;
  });

  // A chain of places is one place: 서울 강남구 신사동, 미국 뉴욕.
  std::vector<NameCandidate> merged;
  for (NameCandidate& c : kept) {
    if (!merged.empty()) {
      NameCandidate& last = merged.back();
      const View& v = views[static_cast<std::size_t>(c.paragraph)];
      const bool adjacent_places =
          last.type == NameType::kLocation && c.type == NameType::kLocation &&
          last.paragraph == c.paragraph && c.first_token == last.last_token + 1 &&
          v.joinable(last.first_token, c.last_token) && last.end == v.tokens[last.last_token].end;
      // A country right after a country is no chain and, written so, seldom a
      // country: 미국 인도 is extradition to the United States (KLUE train
      // writes two countries so once in 21,001 sentences).
      if (adjacent_places && last.kind == "country" && c.kind == "country") continue;
      if (adjacent_places) {
        last.last_token = c.last_token;
        last.end = c.end;
        last.canonical.clear();
        last.kind = c.kind;
        last.evidence += "+chain";
        continue;
      }
    }
    merged.push_back(std::move(c));
  }
  return merged;
}

const TitleInfo* title_after_workplace(const std::string& text, const std::vector<Token>& tokens,
                                       std::size_t last, const NameLexicons& lexicons) {
  const View view(text, tokens, lexicons);
  return title_after_workplace(view, last, lexicons);
}

}  // namespace news
