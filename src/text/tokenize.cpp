#include "text/tokenize.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <utf8proc.h>

#include "base/budget.h"
#include "base/text.h"

namespace news {

const char* to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kHangul:
      return "hangul";
    case TokenKind::kLatin:
      return "latin";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kMixed:
      return "mixed";
    case TokenKind::kPunctuation:
      return "punctuation";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kOther:
      return "other";
  }
  return "other";
}

namespace {

enum class CharClass { kSpace, kHangul, kLatin, kDigit, kOtherLetter, kMark, kPunct, kSymbol };

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLatin;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp <= 0x20 || cp == 0x7F) return CharClass::kSpace;
    switch (cp) {
      case '$':
      case '%':
      case '+':
      case '<':
      case '=':
      case '>':
      case '^':
      case '`':
      case '|':
      case '~':
      case '#':
      case '&':
      case '@':
      case '*':
      case '\\':
        return CharClass::kSymbol;
      default:
        return CharClass::kPunct;
    }
  }
  if (is_hangul_syllable(cp) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3131 && cp <= 0x318E) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
    return CharClass::kHangul;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF)) return CharClass::kLatin;
      return CharClass::kOtherLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kOtherLetter;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return CharClass::kSymbol;
    default:
      return CharClass::kSpace;  // separators, controls, unassigned
  }
}

bool is_word_char(CharClass c) {
  return c == CharClass::kHangul || c == CharClass::kLatin || c == CharClass::kDigit ||
         c == CharClass::kOtherLetter || c == CharClass::kMark;
}

// Closing brackets and quotes: a particle right after one belongs to what
// they enclose (“오픈AI”는, (CEO)를).
bool is_closing(char32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case 0x201D:
    case 0x2019:
    case 0x300D:
    case 0x300F:
    case 0x3009:
    case 0x300B:
    case 0x3011:
    case 0x3015:
    case '>':
      return true;
    default:
      return false;
  }
}

// Final consonant (종성) index of a Hangul syllable: 0 none, 8 ㄹ.
int final_consonant(char32_t syllable) {
  return static_cast<int>((syllable - 0xAC00) % 28);
}

bool sound_rule_fits(Particles::After after, std::string_view stem) {
  if (after == Particles::After::kAny) return true;
  std::size_t length = 0;
  const char32_t last = decode_before(stem, stem.size(), length);
  if (!is_hangul_syllable(last)) return true;  // 오픈AI는, GPT-4와: the sound is not written
  const int final = final_consonant(last);
  switch (after) {
    case Particles::After::kConsonant:
      return final != 0;
    case Particles::After::kVowel:
      return final == 0;
    case Particles::After::kVowelOrRieul:
      return final == 0 || final == 8;
    case Particles::After::kConsonantNotRieul:
      return final != 0 && final != 8;
    case Particles::After::kAny:
      return true;
  }
  return true;
}

// The compatibility jamo of each final consonant index (1..27): ㄱ ㄲ ㄳ …
constexpr char32_t kFinalConsonantJamo[28] = {
    0,      0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136, 0x3137, 0x3139, 0x313A,
    0x313B, 0x313C, 0x313D, 0x313E, 0x313F, 0x3140, 0x3141, 0x3142, 0x3144, 0x3145,
    0x3146, 0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

// Start of the final run of Hangul syllables and jamo in `text`.
std::size_t hangul_tail_start(std::string_view text) {
  std::size_t start = text.size();
  while (start >= 3) {
    // Hangul syllables and jamo are three bytes: test those before decoding.
    const auto lead = static_cast<unsigned char>(text[start - 3]);
    if (lead < 0xE1 || lead > 0xED) break;
    std::size_t length = 0;
    const char32_t cp = utf8::decode_at(text, start - 3, length);
    if (length != 3 || (!is_hangul_syllable(cp) && classify(cp) != CharClass::kHangul)) break;
    start -= 3;
  }
  return start;
}

// The second statistics level of a split (see Particles::context_keys): how
// the stem ends. 0 `=-` (a syllable without final consonant), 1–27 `=ㄱ` …
// `=ㅎ` (its final consonant: ㅆ ends past-tense verbs, 미쳤을, 했을, and
// almost no noun), 28 `~` (no Hangul tail: 오픈AI는). `tail` is where the
// stem's final Hangul run starts.
constexpr std::size_t kStemEndings = Particles::kStemEndings;
std::size_t stem_ending(std::string_view stem, std::size_t tail) {
  if (tail >= stem.size()) return kStemEndings - 1;
  std::size_t length = 0;
  const char32_t last = decode_before(stem, stem.size(), length);
  return is_hangul_syllable(last) ? static_cast<std::size_t>(final_consonant(last)) : 0;
}

std::string stem_ending_key(std::size_t ending) {
  if (ending == kStemEndings - 1) return "~";
  std::string key = "=";
  if (ending == 0) return key + "-";
  utf8::append(key, kFinalConsonantJamo[ending]);
  return key;
}

// Calls f(key) for each statistics key made of the stem's last syllables
// (see Particles::context_keys), shortest first, until f returns false:
// each was counted in training only together with the shorter one before
// it, so when one is missing the longer ones are too. Keys are built in a
// stack buffer: no allocation.
template <typename F>
void for_each_syllable_key(std::string_view stem, std::string_view particle, bool word_start,
                           std::size_t tail, F f) {
  std::array<char, 96> buffer;
  std::size_t syllables = 0;
  for (std::size_t from = stem.size(); from > tail && syllables < 3; ++syllables) {
    std::size_t length = 0;
    decode_before(stem, from, length);
    from -= length;
    const std::string_view context = stem.substr(from);
    // `^` marks the whole stem: 회의 is not 회 + 의, but 사회의 is 사회 + 의.
    const bool whole = word_start && from == 0;
    if (context.size() + particle.size() + 2 > buffer.size()) return;
    std::size_t n = 0;
    if (whole) buffer[n++] = '^';
    n = static_cast<std::size_t>(std::copy(context.begin(), context.end(), buffer.begin() + n) -
                                 buffer.begin());
    buffer[n++] = '|';
    n = static_cast<std::size_t>(std::copy(particle.begin(), particle.end(), buffer.begin() + n) -
                                 buffer.begin());
    if (!f(std::string_view(buffer.data(), n))) return;
  }
}

// The share of real splits assumed for a particle never seen in training,
// and how many observations the estimate of the level above counts as.
constexpr double kUnseenSplitShare = 0.5;
constexpr double kSmoothing = 1;

Particles::After parse_after(const LexiconEntry& entry, const std::string& name) {
  const std::string& rule = entry.fields.empty() ? std::string("any") : entry.fields[0];
  if (rule == "any") return Particles::After::kAny;
  if (rule == "consonant") return Particles::After::kConsonant;
  if (rule == "vowel") return Particles::After::kVowel;
  if (rule == "vowel_or_rieul") return Particles::After::kVowelOrRieul;
  if (rule == "consonant_not_rieul") return Particles::After::kConsonantNotRieul;
  throw LexiconError(name + ":" + std::to_string(entry.line) + ": unknown sound rule \"" + rule +
                     "\" (any, consonant, vowel, vowel_or_rieul, consonant_not_rieul)");
}

int parse_count(const std::string& field, const LexiconEntry& entry, const std::string& name) {
  int value = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size() || value < 0) {
    throw LexiconError(name + ":" + std::to_string(entry.line) + ": \"" + field +
                       "\" is not a count");
  }
  return value;
}

}  // namespace

Particles Particles::from(const Lexicon& lexicon, const std::string& name) {
  Particles particles;
  for (const LexiconEntry& entry : lexicon.entries()) {
    particles.entries_.push_back(Entry{entry.key, parse_after(entry, name)});
  }
  particles.index();
  return particles;
}

Particles Particles::load(const std::filesystem::path& particles_file) {
  return load(particles_file, particles_file.parent_path());
}

Particles Particles::load(const std::filesystem::path& particles_file,
                          const std::filesystem::path& statistics_dir) {
  Particles particles = from(Lexicon::load(particles_file, 0, 2), particles_file.string());
  const std::filesystem::path contexts = statistics_dir / "particle_contexts.txt";
  const std::filesystem::path stems = statistics_dir / "noun_stems.txt";
  // The statistics beside the list are part of it: without them particles
  // would split on their form alone, which no one would notice but readers.
  for (const std::filesystem::path& required : {contexts, stems}) {
    std::error_code ec;
    if (!std::filesystem::exists(required, ec))
      throw LexiconError(required.string() + ": missing from the data folder");
  }
  particles.set_statistics(Lexicon::load(contexts, 2, 2), Lexicon::load(stems, 0, 1));
  return particles;
}

Particles Particles::parse(std::string_view text, const std::string& name) {
  return from(Lexicon::parse(text, name, 0, 2), name);
}

void Particles::index() {
  if (entries_.size() > kMaxParticles) {
    throw LexiconError("the particle lexicon has " + std::to_string(entries_.size()) +
                       " entries; at most " + std::to_string(kMaxParticles) + " are supported");
  }
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.text.size() > b.text.size(); });
  constexpr std::size_t kSyllables = 0xD7A4 - 0xAC00;
  std::vector<std::vector<std::uint16_t>> by_last(kSyllables);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::string& text = entries_[i].text;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t length = 0;
      if (!is_hangul_syllable(utf8::decode_at(text, at, length))) {
        throw LexiconError("particle \"" + text + "\": a particle is written in Hangul syllables");
      }
      at += length;
    }
    std::size_t length = 0;
    by_last[decode_before(text, text.size(), length) - 0xAC00].push_back(
        static_cast<std::uint16_t>(i));
  }
  last_start_.assign(kSyllables + 1, 0);
  entries_by_last_.clear();
  for (std::size_t k = 0; k < kSyllables; ++k) {
    last_start_[k] = static_cast<std::uint32_t>(entries_by_last_.size());
    entries_by_last_.insert(entries_by_last_.end(), by_last[k].begin(), by_last[k].end());
  }
  last_start_[kSyllables] = static_cast<std::uint32_t>(entries_by_last_.size());
}

void Particles::set_statistics(const Lexicon& contexts, const Lexicon& noun_stems) {
  const std::string name = "particle_contexts.txt";
  std::vector<std::pair<std::string_view, HashedCounts::Counts>> entries;
  entries.reserve(contexts.size());
  for (const LexiconEntry& entry : contexts.entries()) {
    entries.emplace_back(entry.key,
                         HashedCounts::Counts{parse_count(entry.fields[0], entry, name),
                                              parse_count(entry.fields[1], entry, name)});
  }
  contexts_.build(entries);
  general_counts_.assign(entries_.size(), GeneralCounts{});
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::string& particle = entries_[i].text;
    if (const auto counts = contexts_.find(std::string("|").append(particle)))
      general_counts_[i].any_stem = *counts;
    for (std::size_t ending = 0; ending < kStemEndings; ++ending) {
      if (const auto counts = contexts_.find(stem_ending_key(ending).append("|").append(particle)))
        general_counts_[i].by_stem_ending[ending] = *counts;
    }
  }
  entries.clear();
  for (const LexiconEntry& entry : noun_stems.entries())
    entries.emplace_back(entry.key, HashedCounts::Counts{0, 1});
  noun_stems_.build(entries);
}

std::uint32_t Particles::HashedCounts::check_of(std::uint64_t hash) {
  const auto check = static_cast<std::uint32_t>(hash >> 32);
  return check == 0 ? 1 : check;
}

void Particles::HashedCounts::build(
    const std::vector<std::pair<std::string_view, Counts>>& entries) {
  std::size_t capacity = 16;
  while (capacity * 3 < entries.size() * 4) capacity *= 2;
  slots_.assign(capacity, Slot{});
  size_ = 0;
  constexpr std::int32_t kMaxCount = 65535;
  for (const auto& [key, given] : entries) {
    Counts counts = given;
    if (counts.seen > kMaxCount) {  // a larger training corpus: keep the share
      counts.split = static_cast<std::int32_t>(static_cast<std::int64_t>(counts.split) * kMaxCount /
                                               counts.seen);
      counts.seen = kMaxCount;
    }
    counts.split = std::clamp(counts.split, 0, counts.seen);
    const std::uint64_t h = word_hash(key);
    const std::uint32_t check = check_of(h);
    std::size_t i = h & (capacity - 1);
    while (slots_[i].check != 0 && slots_[i].check != check) i = (i + 1) & (capacity - 1);
    if (slots_[i].check == 0) ++size_;
    slots_[i] = Slot{check, static_cast<std::uint16_t>(counts.split),
                     static_cast<std::uint16_t>(counts.seen)};
  }
}

std::optional<Particles::HashedCounts::Counts> Particles::HashedCounts::find(
    std::string_view key) const {
  return find_hashed(word_hash(key));
}

std::optional<Particles::HashedCounts::Counts> Particles::HashedCounts::find_hashed(
    std::uint64_t hash) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint32_t check = check_of(hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i].check == check) return Counts{slots_[i].split, slots_[i].seen};
    if (slots_[i].check == 0) return std::nullopt;
  }
}

bool Particles::is_particle(std::string_view text) const {
  if (text.empty() || last_start_.empty()) return false;
  std::size_t length = 0;
  const char32_t last = decode_before(text, text.size(), length);
  if (!is_hangul_syllable(last)) return false;
  for (std::uint32_t k = last_start_[last - 0xAC00]; k < last_start_[last - 0xAC00 + 1]; ++k) {
    if (entries_[entries_by_last_[k]].text == text) return true;
  }
  return false;
}

template <typename F>
void Particles::for_each_candidate(std::string_view word, F f) const {
  if (word.empty()) return;
  std::size_t length = 0;
  const char32_t last = decode_before(word, word.size(), length);
  if (!is_hangul_syllable(last) || last_start_.empty()) return;
  const std::uint32_t first = last_start_[last - 0xAC00];
  const std::uint32_t end = last_start_[last - 0xAC00 + 1];
  if (first == end) return;
  const std::size_t tail = hangul_tail_start(word);
  for (std::uint32_t k = first; k < end; ++k) {  // longest first
    const std::size_t i = entries_by_last_[k];
    const Entry& entry = entries_[i];
    if (entry.text.size() >= word.size() || word.size() - entry.text.size() < tail) continue;
    if (word.substr(word.size() - entry.text.size()) != entry.text) continue;
    const std::string_view stem = word.substr(0, word.size() - entry.text.size());
    if (!sound_rule_fits(entry.after, stem)) continue;
    f(Candidate{stem.size(), word.substr(stem.size()), i, tail});
  }
}

std::vector<Particles::Candidate> Particles::candidates(std::string_view word) const {
  std::vector<Candidate> out;
  for_each_candidate(word, [&](const Candidate& c) { out.push_back(c); });
  return out;
}

std::vector<std::string> Particles::context_keys(std::string_view stem, std::string_view particle,
                                                 bool word_start) {
  const std::size_t tail = hangul_tail_start(stem);
  std::vector<std::string> keys;
  keys.push_back(std::string("|").append(particle));
  keys.push_back(stem_ending_key(stem_ending(stem, tail)).append("|").append(particle));
  for_each_syllable_key(stem, particle, word_start, tail, [&](std::string_view key) {
    keys.emplace_back(key);
    return true;
  });
  return keys;
}

double Particles::score(std::string_view word, const Candidate& candidate, bool word_start,
                        const StemEvidence* evidence, WordFacts facts) const {
  const std::string_view stem = word.substr(0, candidate.stem_bytes);
  // The share of real splits in each context, from the most general (any
  // stem before this particle) to the most specific (this exact stem), each
  // level smoothed towards the one above it: a context seen twice moves the
  // estimate a little, one seen two hundred times decides it.
  double score = kUnseenSplitShare;
  const auto refine = [&](HashedCounts::Counts counts) {
    score = (counts.split + kSmoothing * score) / (counts.seen + kSmoothing);
  };
  // The stem's Hangul tail starts where the word's does (the particle is
  // inside the word's tail), unless the stem has none.
  const std::size_t tail = std::min(candidate.tail_start, stem.size());
  // The two general levels were looked up when the statistics were loaded.
  if (candidate.index < general_counts_.size()) {
    const GeneralCounts& general = general_counts_[candidate.index];
    if (general.any_stem.seen >= 0) refine(general.any_stem);
    const HashedCounts::Counts ending = general.by_stem_ending[stem_ending(stem, tail)];
    if (ending.seen >= 0) refine(ending);
  }
  for_each_syllable_key(stem, candidate.particle, word_start, tail, [&](std::string_view key) {
    const std::optional<HashedCounts::Counts> counts = contexts_.find(key);
    if (counts) refine(*counts);
    return counts.has_value();
  });
  // A stem known as a noun makes the split likelier, unless the whole word
  // is a known noun too (회의: 회 is a noun, but so is 회의).
  const std::size_t stem_hash = word_hash(stem);
  if (!facts.known_noun && noun_stems_.find_hashed(stem_hash).has_value()) score += kStemBonus;
  if (evidence != nullptr) {
    const auto stem_is_seen = [&] {
      if (const int* bare = evidence->bare.find(stem, stem_hash); bare != nullptr && *bare > 0)
        return true;
      // With another particle elsewhere (나델라는 … 나델라가); one-syllable
      // stems only when seen bare (하는 … 하도 says nothing about 하).
      if (stem.size() < 6) return false;
      const std::bitset<kMaxParticles>* seen = evidence->particles.find(stem, stem_hash);
      if (seen == nullptr) return false;
      std::bitset<kMaxParticles> others = *seen;
      others.reset(candidate.index);
      return others.any();
    };
    // The article's own evidence multiplies the odds: 나델라는 splits although
    // most words ending in 라는 do not (…이라는), when 나델라 stands alone
    // elsewhere; 했다는 stays whole although 했다 stands alone everywhere,
    // because its own statistics are far lower. The word itself seen before
    // a particle elsewhere (주가 … 주가는, 주가에) divides them: 주가 is whole.
    double factor = 1;
    if (stem_is_seen()) factor *= kArticleEvidenceOdds;
    if (facts.is_stem) factor /= kArticleEvidenceOdds;
    if (factor != 1) {
      const double p = std::clamp(score, 0.01, 0.99);
      const double odds = p / (1 - p) * factor;
      score = odds / (1 + odds);
    }
  }
  return score;
}

std::size_t Particles::stem_length(std::string_view word, bool word_start,
                                   const StemEvidence* evidence) const {
  std::array<Candidate, 32> found;
  std::size_t count = 0;
  for_each_candidate(word, [&](const Candidate& c) {
    if (count < found.size()) found[count++] = c;
  });
  return choose(word, word_start, evidence, found.data(), count);
}

std::size_t Particles::choose(std::string_view word, bool word_start, const StemEvidence* evidence,
                              const Candidate* found, std::size_t count) const {
  std::size_t best = word.size();
  double best_score = kSplitThreshold;
  if (count == 0) return best;
  WordFacts facts;
  const std::size_t hash_of_word = word_hash(word);
  facts.known_noun = noun_stems_.find_hashed(hash_of_word).has_value();
  facts.is_stem = evidence != nullptr && evidence->particles.find(word, hash_of_word) != nullptr;
  // Candidates come longest particle first; on a tie the shorter particle
  // wins (에서는 vs 는: the statistics speak for each).
  for (std::size_t i = 0; i < count; ++i) {
    const double s = score(word, found[i], word_start, evidence, facts);
    if (s > best_score || (s == best_score && best != word.size())) {
      best_score = s;
      best = found[i].stem_bytes;
    }
  }
  return best;
}

namespace {

// The tokens of `text` without particle splitting.
std::vector<Token> scan(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);  // about one token per four bytes of Korean
  std::size_t i = 0;
  while (i < text.size()) {
    check_budget();
    std::size_t length = 0;
    const char32_t cp = utf8::decode_at(text, i, length);
    const CharClass c = classify(cp);
    if (c == CharClass::kSpace) {
      i += length;
      continue;
    }
    if (!is_word_char(c)) {
      tokens.push_back(Token{i, i + length,
                             c == CharClass::kSymbol ? TokenKind::kSymbol : TokenKind::kPunctuation,
                             i + length});
      i += length;
      continue;
    }
    // A word: letters, digits and the joiners inside them.
    const std::size_t start = i;
    bool hangul = false, latin = false, digit = false, other = false;
    CharClass previous = c;
    while (i < text.size()) {
      // Runs of Hangul syllables, the common case, without the general path.
      if (i + 2 < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0xEA && lead <= 0xED) {
          std::size_t n = 0;
          if (is_hangul_syllable(utf8::decode_at(text, i, n)) && n == 3) {
            hangul = true;
            previous = CharClass::kHangul;
            i += 3;
            continue;
          }
        }
      }
      std::size_t n = 0;
      const char32_t here = utf8::decode_at(text, i, n);
      const CharClass k = classify(here);
      if (is_word_char(k)) {
        hangul |= k == CharClass::kHangul;
        latin |= k == CharClass::kLatin;
        digit |= k == CharClass::kDigit;
        other |= k == CharClass::kOtherLetter;
        previous = k == CharClass::kMark ? previous : k;
        i += n;
        continue;
      }
      // A joiner stays inside when a letter or digit follows it.
      if (i + n >= text.size()) break;
      std::size_t m = 0;
      const CharClass next = classify(utf8::decode_at(text, i + n, m));
      bool joins = false;
      if (here == '-' || here == 0x2010 || here == 0x2011) {  // GPT-4, K-팝, e-gima
        joins =
            is_word_char(next) && (previous == CharClass::kLatin || previous == CharClass::kDigit ||
                                   next == CharClass::kLatin || next == CharClass::kDigit);
      } else if (here == '.' || here == ',') {  // 1,234.5; e-gima.com
        joins = (previous == CharClass::kDigit && next == CharClass::kDigit) ||
                (here == '.' && previous == CharClass::kLatin && next == CharClass::kLatin);
      } else if (here == '\'' || here == 0x2019 || here == '&') {  // O'Brien, AT&T
        joins = previous == CharClass::kLatin && next == CharClass::kLatin;
      }
      if (!joins) break;
      i += n;
    }
    const std::string_view word = text.substr(start, i - start);
    // A number glued to Hangul is two tokens: 16명 → 16 + 명, 1.2배에서 → 1.2 + 배에서.
    if (digit && hangul && !latin && !other &&
        classify(utf8::decode_at(text, start, length)) == CharClass::kDigit) {
      std::size_t split = 0;
      while (split < word.size()) {
        std::size_t n = 0;
        const CharClass k = classify(utf8::decode_at(word, split, n));
        if (k == CharClass::kHangul) break;
        split += n;
      }
      const std::string_view number = word.substr(0, split);
      const bool plain_number = std::all_of(number.begin(), number.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '.' || ch == ',';
      });
      const bool hangul_rest = hangul_tail_start(word) == split;
      if (plain_number && hangul_rest) {
        tokens.push_back(Token{start, start + split, TokenKind::kNumber, start + split});
        tokens.push_back(Token{start + split, i, TokenKind::kHangul, i});
        continue;
      }
    }
    TokenKind kind = TokenKind::kOther;
    const int scripts = int(hangul) + int(latin) + int(other);
    if (scripts == 0) {
      kind = TokenKind::kNumber;
    } else if (scripts > 1 || digit) {
      kind = TokenKind::kMixed;
    } else if (hangul) {
      kind = TokenKind::kHangul;
    } else if (latin) {
      kind = TokenKind::kLatin;
    }
    tokens.push_back(Token{start, i, kind, i});
  }
  return tokens;
}

// Whether the character right before byte `at` closes a bracket or a
// quotation. A straight quote closes only when it is glued to what it
// follows (…"는 closes, "이 사건 opens).
bool closes_something(std::string_view text, std::size_t at) {
  if (at == 0) return false;
  std::size_t length = 0;
  const char32_t cp = decode_before(text, at, length);
  if (!is_closing(cp)) return false;
  if (cp != '"' && cp != '\'') return true;
  return at > length && text[at - length - 1] != ' ';
}

}  // namespace

bool may_have_particle(TokenKind kind) {
  return kind == TokenKind::kHangul || kind == TokenKind::kMixed;
}

bool starts_word(const std::vector<Token>& tokens, std::size_t i) {
  return !(i > 0 && tokens[i].kind == TokenKind::kHangul &&
           tokens[i - 1].kind == TokenKind::kNumber && tokens[i - 1].end == tokens[i].start);
}

// The tokenizer's access to Particles' allocation-free candidate search.
struct ParticlesInternals {
  template <typename F>
  static void for_each_candidate(const Particles& particles, std::string_view word, F f) {
    particles.for_each_candidate(word, f);
  }
  static std::size_t choose(const Particles& particles, std::string_view word, bool word_start,
                            const StemEvidence* evidence, const Particles::Candidate* candidates,
                            std::size_t count) {
    return particles.choose(word, word_start, evidence, candidates, count);
  }
};

namespace {

// The candidates of every token of an article, found once while collecting
// the evidence and used again to split: token k of the article has
// candidates[first[k] .. first[k + 1]).
struct CandidateCache {
  std::vector<Particles::Candidate> candidates;
  std::vector<std::uint32_t> first;
};

}  // namespace

namespace {

// Sets the stem_end of every token of `text` that ends in a particle.
// `cache` (optional) holds the candidates of these tokens from token
// `offset` of the article on.
void split_particles(std::string_view text, std::vector<Token>& tokens, const Particles& particles,
                     const StemEvidence* evidence, const CandidateCache* cache,
                     std::size_t offset) {
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    check_budget();
    Token& token = tokens[t];
    if (!may_have_particle(token.kind)) continue;
    const std::string_view word = text.substr(token.start, token.end - token.start);
    const bool word_start = starts_word(tokens, t);
    // “오픈AI”는, (CEO)를: a particle alone after a closing bracket or quote;
    // 8로, 520에: after a number (but 30도 is thirty degrees, 13만 is 130 000).
    if (token.kind == TokenKind::kHangul) {
      const bool after_closing =
          closes_something(text, token.start) ||
          (t > 0 && tokens[t - 1].kind == TokenKind::kSymbol && tokens[t - 1].end == token.start);
      const bool after_number = !word_start && word != "도" && word != "만";
      if ((after_closing || after_number) && particles.is_particle(word)) {
        token.stem_end = token.start;
        continue;
      }
    }
    if (cache != nullptr) {
      const std::uint32_t first = cache->first[offset + t];
      const std::uint32_t end = cache->first[offset + t + 1];
      token.stem_end =
          token.start + ParticlesInternals::choose(particles, word, word_start, evidence,
                                                   cache->candidates.data() + first, end - first);
    } else {
      token.stem_end = token.start + particles.stem_length(word, word_start, evidence);
    }
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const Particles& particles,
                            const StemEvidence* evidence) {
  std::vector<Token> tokens = scan(text);
  split_particles(text, tokens, particles, evidence, nullptr, 0);
  return tokens;
}

namespace {

// Adds what one paragraph's tokens show to `evidence`.
void add_evidence(std::string_view text, const std::vector<Token>& tokens,
                  const Particles& particles, StemEvidence& evidence, CandidateCache* cache) {
  for (const Token& token : tokens) {
    check_budget();
    if (cache != nullptr)
      cache->first.push_back(static_cast<std::uint32_t>(cache->candidates.size()));
    if (!may_have_particle(token.kind) && token.kind != TokenKind::kLatin) continue;
    const std::string_view word = text.substr(token.start, token.end - token.start);
    ++evidence.bare[word];
    ParticlesInternals::for_each_candidate(
        particles, word, [&](const Particles::Candidate& candidate) {
          evidence.particles[word.substr(0, candidate.stem_bytes)].set(candidate.index);
          if (cache != nullptr) cache->candidates.push_back(candidate);
        });
  }
}

}  // namespace

StemEvidence collect_evidence(const std::vector<Paragraph>& paragraphs,
                              const Particles& particles) {
  StemEvidence evidence;
  for (const Paragraph& paragraph : paragraphs) {
    add_evidence(paragraph.text, scan(paragraph.text), particles, evidence, nullptr);
  }
  return evidence;
}

void tokenize_article(std::vector<Paragraph>& paragraphs, const Particles& particles) {
  // One scan per paragraph; the evidence needs every paragraph's words
  // before the first split is decided.
  std::size_t words = 0;
  for (Paragraph& paragraph : paragraphs) {
    paragraph.tokens = scan(paragraph.text);
    words += paragraph.tokens.size();
  }
  StemEvidence evidence;
  evidence.bare.reserve(words);
  evidence.particles.reserve(words / 2);
  CandidateCache cache;
  cache.first.reserve(words + 1);
  for (const Paragraph& paragraph : paragraphs) {
    add_evidence(paragraph.text, paragraph.tokens, particles, evidence, &cache);
  }
  cache.first.push_back(static_cast<std::uint32_t>(cache.candidates.size()));
  std::size_t offset = 0;
  for (Paragraph& paragraph : paragraphs) {
    split_particles(paragraph.text, paragraph.tokens, particles, &evidence, &cache, offset);
    offset += paragraph.tokens.size();
  }
}

}  // namespace news
