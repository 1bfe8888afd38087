// Turning the trained model's spans into name candidates, and combining them
// with the rules' (see news/candidates.h).
#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "base/budget.h"
#include "base/text.h"
#include "names/candidates.h"

namespace news {
namespace {

// Chosen on KLUE lines with index % 10 == 1, with a model and name lexicons
// built without them (docs/names.md, "Combining with the model"). The model
// is the better judge of a span it read in its sentence: its spans score
// 0.96 (a tie, confidence 0.5) to 0.99 (sure), above a curated lexicon hit
// (0.95) where the two disagree (북한 acting is a state; 충남 아산경찰서 is
// one police station, not a province and a station). Scores of 0.80–0.94,
// below the lexicon, cost 1.3 points of organization F1 and 1.8 of place F1
// on the tuning fold.
constexpr double kScoreAtTie = 0.96;
constexpr double kScoreWhenSure = 0.99;
// A model span that swallows a curated name of another kind scores as the
// model did before it outranked the lexicon: 0.80–0.83, below a lexicon hit.
constexpr double kScoreYielding = 0.80;
// A rule candidate the model agrees with (same span, same type).
constexpr double kAgreementBonus = 0.1;
// A person the rules guessed from its syllables alone (score 0.5) needs the
// model's agreement where the model read the paragraph: on KLUE such guesses
// were wrong as often as right (한마디, 이것만). Weak organization and place
// evidence (a suffix, a cue word: 한빛배터리 주가) stays: the model misses
// new company names the rules catch, and dropping it gained nothing.
constexpr double kWeakPerson = 0.55;

bool has_hangul(std::string_view text) {
  // Hangul syllables are U+AC00–U+D7A3: lead bytes 0xEA–0xED.
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xEA && c <= 0xED) return true;
  }
  return false;
}

std::optional<NameType> name_type_of(NerType type) {
  switch (type) {
    case NerType::kPerson:
      return NameType::kPerson;
    case NerType::kOrganization:
      return NameType::kOrganization;
    case NerType::kLocation:
      return NameType::kLocation;
    default:
      return std::nullopt;
  }
}

// A law or a bill (공정거래법, 인플레이션감축법, 중대재해처벌법안) is no organization;
// the model, trained on KLUE where laws are mostly untagged, still takes some
// long ones. The courts written short are organizations: 서울중앙지법, 고법, 대법.
bool law_name(std::string_view surface) {
  std::string_view s = surface;
  if (s.ends_with("법안")) s.remove_suffix(std::string_view("안").size());
  if (!s.ends_with("법") || count_code_points(s) < 3) return false;
  return !s.ends_with("지법") && !s.ends_with("고법") && !s.ends_with("대법");
}

// A span the rules' lexicons say cannot be a name on its own; `words` is
// what they say of the whole surface (NameLexicons::word), or nullptr.
bool one_hangul_syllable(std::string_view surface) {
  return surface.size() == 3 && static_cast<unsigned char>(surface[0]) >= 0xEA &&
         static_cast<unsigned char>(surface[0]) <= 0xED;
}

// A surname written alone before a title or honorific, the way news names a
// person again (조 전 부사장, 김 총장, 이 모 씨): word `last` is the surname
// with nothing written on to it.
bool surname_before_title(std::string_view text, const std::vector<Token>& words,
                          std::size_t last, const NameLexicons& lexicons) {
  const Token& name = words[last];
  const std::string_view surname = text.substr(name.start, name.end - name.start);
  // 이, 전, 현, 한 before a title are more often "this", "former", "current",
  // "a" (한 변호사는 "a lawyer said"): the stop words the rules skip too.
  if (name.has_particle() || !lexicons.is_surname(surname)) return false;
  std::size_t next = last + 1;
  const auto stem = [&](std::size_t i) {
    return text.substr(words[i].start, words[i].stem_end - words[i].start);
  };
  // 전 (former), 현 (current), 모 (a name withheld) before the title.
  bool tense = false;
  if (next < words.size() && !words[next].has_particle() &&
      (stem(next) == "전" || stem(next) == "현" || stem(next) == "모")) {
    ++next;
    tense = true;
  }
  // But 이 전 의원, 한 전 대표, 전 전 대통령 are people: "this former" or
  // "a former" is seldom written so.
  // 이 alone before a title is the surname too in news (이 회장은, 이 대통령의),
  // which writes "this" before a post as 해당 or 그.
  if (lexicons.is_stopword(surname) && !tense && surname != "이") return false;
  return next < words.size() && lexicons.title(stem(next)) != nullptr;
}

// One syllable with an honorific, written on or apart: 이군이, 박양이, 팽씨,
// 쑨 씨 — a person by a surname the list may lack (쑨, 톈).
bool syllable_with_honorific(std::string_view text, const std::vector<Token>& words,
                             std::size_t last, std::size_t end, const NameLexicons& lexicons) {
  const Token& word = words[last];
  const auto honorific = [&](std::string_view s) {
    const TitleInfo* t = lexicons.title(s);
    return t != nullptr && t->title_class == TitleClass::kHonorific;
  };
  if (end < word.stem_end) return honorific(text.substr(end, word.stem_end - end));
  if (end != word.end || word.has_particle() || last + 1 >= words.size()) return false;
  const Token& next = words[last + 1];
  return next.start == word.end + 1 && honorific(text.substr(next.start, next.stem_end - next.start));
}

// A surname and a two-syllable given name the statistics find name-like
// (송중기, 김동화): informal text writes such a name on to the next word
// (송중기팬이라, 김동화선생님의), and the model's cut there is the name's end.
bool korean_full_name(std::string_view surface, const NameLexicons& lexicons) {
  if (surface.size() != 9 || count_code_points(surface) != 3) return false;
  for (std::size_t i = 0; i < surface.size(); i += 3) {
    if (!one_hangul_syllable(surface.substr(i, 3))) return false;
  }
  return lexicons.is_surname(surface.substr(0, 3)) &&
         lexicons.given_name_odds(surface, kWorkplaceUnseenSyllable) >= kWorkplaceNameOdds;
}

bool country(std::string_view text, const Token& word, const NameLexicons& lexicons) {
  const KnownName* known = lexicons.known(text.substr(word.start, word.stem_end - word.start));
  return known != nullptr && known->type == NameType::kLocation && known->kind == "country";
}

bool not_a_name(std::string_view surface, NameType type, const WordInfo* words) {
  // One Hangul syllable as a person (한 장, 이 사건): the model alone is
  // wrong there; a surname before a title is taken before this is asked.
  if (type == NameType::kPerson && one_hangul_syllable(surface)) return true;
  if (type == NameType::kOrganization && law_name(surface)) return true;
  if (words == nullptr) return false;
  if (words->stop || words->common) return true;
  if (words->title != nullptr) return true;  // CEO, 대표: a role, not who holds it
  if (words->known != nullptr && !words->known->derived) {
    // A country acting is its state (북한은 … 발사했다, 이스라엘이 공습했다):
    // the model reads which from the sentence.
    if (words->known->type == NameType::kLocation && words->known->kind == "country" &&
        type == NameType::kOrganization)
      return false;
    return words->known->type != type;  // a curated name of another type
  }
  return false;
}

// The model's spans of a paragraph, labelled sentence by sentence (the unit it
// was trained on) and in pieces of at most kMaxPiece bytes cut at spaces, so a
// megabyte line costs time in proportion and memory in kilobytes.
constexpr std::size_t kMaxPiece = 4096;

std::vector<NerSpan> label_by_sentence(const NerModel& model, const Paragraph& paragraph) {
  const std::vector<Sentence> whole = {Sentence{0, paragraph.text.size()}};
  const std::vector<Sentence>& sentences =
      paragraph.sentences.empty() ? whole : paragraph.sentences;
  const std::string_view text = paragraph.text;
  std::vector<NerSpan> out;
  for (const Sentence& sentence : sentences) {
    std::size_t start = sentence.start;
    while (start < sentence.end) {
      check_budget_now();  // a piece is a model call: look at the clock each time
      std::size_t end = sentence.end;
      if (end - start > kMaxPiece) {
        // Look back within the piece only: a search back to the start of the
        // text made a line with no space quadratic.
        end = text.substr(start, kMaxPiece + 1).rfind(' ');
        if (end != std::string_view::npos) end += start;
        if (end == std::string_view::npos || end <= start) {
          end = start + kMaxPiece;  // no space: cut before a UTF-8 lead byte
          while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
          if (end == start) end = start + kMaxPiece;
        }
      }
      for (NerSpan span : model.label(text.substr(start, end - start))) {
        span.start += start;
        span.end += start;
        out.push_back(span);
      }
      start = end;
    }
  }
  return out;
}

}  // namespace

bool model_reads(const Paragraph& paragraph) {
  const Role role = paragraph.role;
  return (role == Role::kTitle || role == Role::kBody || role == Role::kSubheading ||
          role == Role::kCaption) &&
         has_hangul(paragraph.text);
}

std::vector<NameCandidate> propose_from_model(const std::vector<Paragraph>& paragraphs,
                                              const std::vector<std::vector<Token>>& tokens,
                                              const NerModel& model, const NameLexicons& lexicons) {
  // People are not where things happen: a word the article writes with 에서
  // or 에 is a place, an event or an organization (오픈AI 데브데이에서), never
  // a person, wherever else it stands.
  std::unordered_set<std::string_view> places;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const std::string_view text = paragraphs[p].text;
    for (const Token& t : tokens[p]) {
      const std::string_view particle = text.substr(t.stem_end, t.end - t.stem_end);
      if (particle.starts_with("에서") || particle == "에" || particle == "에는" ||
          particle == "에도")
        places.insert(text.substr(t.start, t.stem_end - t.start));
    }
  }
  std::vector<NameCandidate> out;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& paragraph = paragraphs[p];
    if (!model_reads(paragraph)) continue;
    const std::vector<Token>& words = tokens[p];
    for (const NerSpan& span : label_by_sentence(model, paragraph)) {
      const std::optional<NameType> type = name_type_of(span.type);
      if (!type) continue;
      auto first =
          std::lower_bound(words.begin(), words.end(), span.start,
                           [](const Token& t, std::size_t offset) { return t.start < offset; });
      if (first == words.end() || first->start != span.start) continue;  // starts inside a word
      // The model sometimes takes in a slash or bracket before a name
      // (사진/인천경제청): the name starts at its first word.
      auto is_mark = [](const Token& t) {
        return t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kSymbol;
      };
      while (first != words.end() && first->start < span.end && is_mark(*first)) ++first;
      if (first == words.end() || first->start >= span.end) continue;
      auto last = first;
      while (last + 1 != words.end() && (last + 1)->start < span.end) ++last;
      if (span.end > last->end) continue;
      const std::string_view text = paragraph.text;
      // A credit the model read as one name (사진=수원지검, 일러스트=조선디자인랩):
      // the name is what follows the last '='.
      for (auto k = first; k != last; ++k) {
        if (is_mark(*k) && text.substr(k->start, k->end - k->start) == "=") first = k + 1;
      }
      // Inside a stem the model may end a name before a particle ([알트먼]이),
      // an honorific ([김]씨는) or the rest of a compound ([한국]영화); one
      // syllable of nothing known left of the stem is a name cut short:
      // [나델]라는 (나델라 + 는), [매케]인.
      // A chain of places whose last word the model cut inside ([경남 사천시
      // 한국]항공우주산업, the aircraft maker in Sacheon) ends at the word
      // before: the place is 경남 사천시.
      std::size_t span_end = span.end;
      if (*type == NameType::kLocation && span_end < last->stem_end && last != first &&
          !lexicons.is_particle(text.substr(span_end, last->stem_end - span_end)) &&
          !(last - 1)->has_particle()) {
        --last;
        span_end = last->stem_end;
      }
      if (span_end < last->stem_end) {
        const std::string_view rest = text.substr(span_end, last->stem_end - span_end);
        if (rest.size() == 3 && !lexicons.is_particle(rest) && lexicons.title(rest) == nullptr)
          continue;
        // A person's name goes on into no other word: what follows it inside
        // the word is a particle or a title (김철수씨, 이재용회장), else the
        // name was cut short ([일리야 수츠]케버가).
        if (*type == NameType::kPerson && !lexicons.is_particle(rest) &&
            lexicons.title(rest) == nullptr && !lexicons.may_end_with_attached_title(rest) &&
            !korean_full_name(text.substr(first->start, span_end - first->start), lexicons))
          continue;
        // Nor does a name stop inside a word that is an organization as a
        // whole: [서울 강동경]찰서는, [서울 양천]세무서장과.
        const std::string_view whole = text.substr(last->start, last->stem_end - last->start);
        if (*type != NameType::kPerson && !lexicons.is_particle(rest) &&
            lexicons.org_suffix_kind(whole) != nullptr)
          continue;
      }
      // An organization word right before a known organization describes it:
      // [프랑스 항공우주그룹] 조디악 에어로스페이스 is "the French aerospace
      // group Zodiac Aerospace", one organization named after its description.
      if (*type == NameType::kOrganization && span_end == last->end && !last->has_particle() &&
          last + 1 != words.end() && (last + 1)->start == last->end + 1) {
        const std::string_view next = text.substr((last + 1)->start,
                                                  (last + 1)->stem_end - (last + 1)->start);
        const KnownName* known = lexicons.known(next);
        if ((known != nullptr && known->type == NameType::kOrganization && !known->derived) ||
            lexicons.starts_known_phrase(next))
          continue;
      }
      // Two countries are no one place ([미국 인도]: extradition to the US);
      // the lexicon's candidates and the chain rule of select_mentions decide.
      if (*type == NameType::kLocation && last == first + 1 && country(text, *first, lexicons) &&
          country(text, *last, lexicons))
        continue;
      std::size_t end = span_end;
      // A person ends before a title the model took in: [메르켈 총리] → 메르켈.
      while (*type == NameType::kPerson && last != first && end == last->stem_end &&
             lexicons.title(text.substr(last->start, last->stem_end - last->start)) != nullptr) {
        --last;
        end = last->stem_end;
      }
      const std::size_t start = first->start;
      const std::string_view surface = text.substr(start, end - start);
      const WordInfo* said = lexicons.word(surface);
      const std::size_t last_index = static_cast<std::size_t>(last - words.begin());
      const bool surname =
          *type == NameType::kPerson && first == last && one_hangul_syllable(surface) &&
          ((end == last->end && surname_before_title(text, words, last_index, lexicons)) ||
           syllable_with_honorific(text, words, last_index, end, lexicons));
      if (!surname && not_a_name(surface, *type, said)) continue;
      if (*type == NameType::kPerson && places.count(surface) > 0) continue;

      NameCandidate c;
      c.paragraph = static_cast<int>(p);
      c.start = start;
      c.end = end;
      c.first_token = static_cast<std::size_t>(first - words.begin());
      c.last_token = static_cast<std::size_t>(last - words.begin());
      c.type = *type;
      if (const KnownName* known = said ? said->known : nullptr; known && known->type == *type) {
        c.kind = known->kind;
        c.canonical = known->canonical;
      } else if (*type == NameType::kOrganization) {
        if (const std::string* kind = lexicons.org_suffix_kind(surface)) c.kind = *kind;
      }
      const double sureness = std::clamp((span.confidence - 0.5) / 0.5, 0.0, 1.0);
      c.score = kScoreAtTie + (kScoreWhenSure - kScoreAtTie) * sureness;
      // A place that takes in a curated organization (서울 서초구
      // 서울중앙지방법원: KLUE writes the address and the court as one place)
      // yields to the lexicon: the reader wants the court and the district.
      for (auto k = first; k <= last && *type == NameType::kLocation; ++k) {
        const std::string_view word = text.substr(k->start, std::min(k->stem_end, end) - k->start);
        const KnownName* inside = lexicons.known(word);
        if ((inside != nullptr && inside->type == NameType::kOrganization) ||
            (inside == nullptr && lexicons.org_suffix_kind(word) != nullptr)) {
          c.score = kScoreYielding + (kScoreWhenSure - kScoreAtTie) * sureness;
          break;
        }
      }
      c.evidence = "model";
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<NameCandidate> combine_candidates(const std::vector<Paragraph>& paragraphs,
                                              std::vector<NameCandidate> rules,
                                              std::vector<NameCandidate> model) {
  using Key = std::tuple<int, std::size_t, std::size_t, NameType>;
  std::map<Key, double> model_score;
  for (const NameCandidate& c : model) {
    double& s = model_score[Key{c.paragraph, c.start, c.end, c.type}];
    s = std::max(s, c.score);
  }
  std::map<Key, bool> agreed;
  for (NameCandidate& c : rules) {
    const Key key{c.paragraph, c.start, c.end, c.type};
    const auto it = model_score.find(key);
    if (it == model_score.end()) {
      if (c.type == NameType::kPerson && c.score < kWeakPerson &&
          model_reads(paragraphs[static_cast<std::size_t>(c.paragraph)])) {
        c.score = 0.0;  // dropped below
      }
      continue;
    }
    c.score = std::min(1.0, std::max(c.score, it->second) + kAgreementBonus);
    c.evidence += "+model";
    agreed[key] = true;
  }
  // One surface, one type in an article: the model's span of another type
  // than the article's best candidate for the same words goes (알트먼 tagged
  // as an organization beside 샘 알트먼 the person).
  // A person's last word counts as the person too (수츠케버 tagged as an
  // organization where 일리야 수츠케버 stands elsewhere): the article
  // calls the person by it.
  struct Best {
    NameType type = NameType::kPerson;
    double score = -1;
  };
  std::map<std::string_view, Best> best_of_surface;
  const auto surface_of = [&](const NameCandidate& c) {
    return std::string_view(paragraphs[static_cast<std::size_t>(c.paragraph)].text)
        .substr(c.start, c.end - c.start);
  };
  const auto offer = [&](std::string_view surface, NameType type, double score) {
    Best& best = best_of_surface[surface];
    if (score > best.score) best = Best{type, score};
  };
  for (const std::vector<NameCandidate>* list : {&rules, &model}) {
    for (const NameCandidate& c : *list) {
      const std::string_view surface = surface_of(c);
      offer(surface, c.type, c.score);
      if (const std::size_t space = surface.rfind(' ');
          c.type == NameType::kPerson && space != std::string_view::npos) {
        offer(surface.substr(space + 1), c.type, c.score);
      }
    }
  }
  std::vector<NameCandidate> kept_model;
  for (NameCandidate& c : model) {
    if (agreed.count(Key{c.paragraph, c.start, c.end, c.type})) continue;
    if (best_of_surface[surface_of(c)].type != c.type) continue;
    kept_model.push_back(std::move(c));
  }
  for (NameCandidate& c : kept_model) rules.push_back(std::move(c));
  std::erase_if(rules, [](const NameCandidate& c) { return c.score <= 0.0; });
  return rules;
}

}  // namespace news
