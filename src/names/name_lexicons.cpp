#include "names/name_lexicons.h"

#include <algorithm>
#include <system_error>

#include "base/text.h"

namespace news {
namespace fs = std::filesystem;
namespace {

std::size_t count_words(std::string_view s) {
  return 1 + static_cast<std::size_t>(std::count(s.begin(), s.end(), ' '));
}

// Every list is required: a list missing from a data folder would leave the
// program running without it, on worse output no one asked for.
Lexicon load_required(const fs::path& path, std::size_t min_fields, std::size_t max_fields) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw LexiconError(path.string() + ": missing from the data folder");
  return Lexicon::load(path, min_fields, max_fields);
}

std::string where(const std::string& file, const LexiconEntry& entry) {
  return file + ":" + std::to_string(entry.line) + ": ";
}

std::string_view last_code_point(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  return s.substr(i);
}

// The last code point of `s` (not empty, valid UTF-8).
char32_t decode_last(std::string_view s) {
  const std::string_view last = last_code_point(s);
  std::size_t length = 0;
  return utf8::decode_at(last, 0, length, utf8::Invalid::kReplacement);
}

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// The Hangul syllable `s` is made of (exactly one, three bytes), or 0.
char32_t hangul_syllable(std::string_view s) {
  if (s.size() != 3) return 0;
  std::size_t length = 0;
  const char32_t c = utf8::decode_at(s, 0, length, utf8::Invalid::kReplacement);
  return length == 3 && c >= kFirstSyllable && c <= kLastSyllable ? c : 0;
}

std::vector<std::string> split_aliases(std::string_view text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t bar = text.find('|', begin);
    if (bar == std::string_view::npos) bar = text.size();
    std::string_view alias = text.substr(begin, bar - begin);
    while (!alias.empty() && alias.front() == ' ') alias.remove_prefix(1);
    while (!alias.empty() && alias.back() == ' ') alias.remove_suffix(1);
    if (!alias.empty()) out.emplace_back(alias);
    begin = bar + 1;
  }
  return out;
}

}  // namespace

const char* to_string(NameType type) {
  switch (type) {
    case NameType::kPerson:
      return "person";
    case NameType::kOrganization:
      return "organization";
    case NameType::kLocation:
      return "location";
  }
  return "organization";
}

bool has_verb_ending(std::string_view word) {
  // The last group: past adnominals of passive and giving verbs (이뤄진,
  // 여겨진, 알려진, 안겨준, 남겨둔), whose last syllable alone (진, 준)
  // ends many given names.
  static constexpr std::string_view kEndings[] = {
      "서",   "며",   "고",   "다",   "면",   "게",   "는데", "지만", "니까", "도록",
      "려고", "한",   "된",   "할",   "될",   "했",   "않",   "없이", "처럼", "어진",
      "려진", "뤄진", "겨진", "워진", "눠진", "겨준", "겨둔", "려준", "워준", "눠준"};
  for (std::string_view e : kEndings) {
    if (word.size() > e.size() && word.ends_with(e)) return true;
  }
  return false;
}

bool parse_name_type(std::string_view text, NameType& type) {
  if (text == "person")
    type = NameType::kPerson;
  else if (text == "organization")
    type = NameType::kOrganization;
  else if (text == "location")
    type = NameType::kLocation;
  else
    return false;
  return true;
}

void NameLexicons::add_names(const Lexicon& names, NameType type, double confidence,
                             bool with_type_column) {
  // Columns: [type] kind aliases (confidence for the gazetteer).
  for (const LexiconEntry& entry : names.entries()) {
    KnownName known;
    known.type = type;
    known.confidence = confidence;
    std::size_t column = 0;
    if (with_type_column) {
      if (entry.fields.empty() || !parse_name_type(entry.fields[0], known.type)) {
        throw LexiconError(entry.key +
                           ": the second column must be person, organization or location");
      }
      column = 1;
    }
    if (entry.fields.size() > column) known.kind = entry.fields[column];
    const std::vector<std::string> aliases = entry.fields.size() > column + 1
                                                 ? split_aliases(entry.fields[column + 1])
                                                 : std::vector<std::string>{};
    known_[entry.key] = known;
    max_words_ = std::max(max_words_, count_words(entry.key));
    for (const std::string& alias : aliases) {
      KnownName a = known;
      a.canonical = entry.key;
      known_[alias] = a;
      max_words_ = std::max(max_words_, count_words(alias));
    }
  }
}

void NameLexicons::add_user_lexicon(const Lexicon& user, const std::string& file) {
  for (const LexiconEntry& entry : user.entries()) {
    NameType type;
    if (entry.fields.empty() || !parse_name_type(entry.fields[0], type)) {
      throw LexiconError(where(file, entry) + "\"" + entry.key +
                         "\": the second column must be person, organization or location");
    }
  }
  add_names(user, NameType::kPerson, 1.0, true);
  index_names();
}

NameLexicons NameLexicons::load(const fs::path& dir) {
  NameLexicons lex;
  // Known names: organizations.txt (kind, aliases), locations.txt (kind, aliases),
  // people.txt (role, aliases). The GeoNames list first: a curated entry of the
  // same surface replaces it.
  const Lexicon world_places = load_required(dir / "world_places.txt", 1, 2);
  const Lexicon organizations = load_required(dir / "organizations.txt", 1, 2);
  const Lexicon locations = load_required(dir / "locations.txt", 1, 2);
  const Lexicon people = load_required(dir / "people.txt", 0, 2);
  const fs::path gazetteer_path = dir / "name_gazetteer.txt";
  const Lexicon gazetteer = load_required(gazetteer_path, 2, 2);
  // Aliases come on top of the entries; room for one per entry is plenty.
  lex.known_.reserve(
      2 * (world_places.size() + organizations.size() + locations.size() + people.size()) +
      gazetteer.size());
  lex.add_names(world_places, NameType::kLocation, 1.0, false);
  lex.add_names(organizations, NameType::kOrganization, 1.0, false);
  lex.add_names(locations, NameType::kLocation, 1.0, false);
  lex.add_names(people, NameType::kPerson, 1.0, false);

  // The gazetteer: surface, type, precision; curated entries win over it.
  for (const LexiconEntry& entry : gazetteer.entries()) {
    KnownName known;
    if (!parse_name_type(entry.fields[0], known.type)) {
      throw LexiconError(where(gazetteer_path.string(), entry) +
                         "the type must be person, organization or location");
    }
    try {
      known.confidence = std::stod(entry.fields[1]);
    } catch (const std::exception&) {
      throw LexiconError(where(gazetteer_path.string(), entry) + "the precision must be a number");
    }
    known.derived = true;
    if (lex.known_.emplace(entry.key, known)) {
      lex.max_words_ = std::max(lex.max_words_, count_words(entry.key));
    }
  }

  const fs::path titles_path = dir / "person_titles.txt";
  const Lexicon file_1 = load_required(titles_path, 1, 2);
  for (const LexiconEntry& entry : file_1.entries()) {
    TitleInfo info;
    if (entry.fields[0] == "role")
      info.title_class = TitleClass::kRole;
    else if (entry.fields[0] == "honorific")
      info.title_class = TitleClass::kHonorific;
    else
      throw LexiconError(where(titles_path.string(), entry) +
                         "the class must be role or honorific");
    if (entry.fields.size() > 1) {
      std::string flags = entry.fields[1];
      std::size_t begin = 0;
      while (begin <= flags.size()) {
        std::size_t comma = flags.find(',', begin);
        if (comma == std::string::npos) comma = flags.size();
        const std::string flag = flags.substr(begin, comma - begin);
        if (flag == "attaches")
          info.attaches = true;
        else if (flag == "weak")
          info.weak = true;
        else if (!flag.empty())
          throw LexiconError(where(titles_path.string(), entry) + "unknown flag \"" + flag +
                             "\" (attaches, weak)");
        begin = comma + 1;
      }
    }
    lex.titles_[entry.key] = info;
  }
  // Obituary words read like an honorific after a name (홍길동 별세, 김영희
  // 남편상); a title of the same spelling keeps its own entry.
  const Lexicon obituary = load_required(dir / "obituary_words.txt", 0, 0);
  for (const LexiconEntry& entry : obituary.entries()) {
    lex.titles_.emplace(entry.key, TitleInfo{TitleClass::kHonorific, false, false});
  }
  lex.attached_title_hangul_ends_.assign(kLastSyllable - kFirstSyllable + 1, false);
  for (const auto& [title, info] : lex.titles_) {
    if (!info.attaches || title.empty()) continue;
    const char32_t end = decode_last(title);
    if (end >= kFirstSyllable && end <= kLastSyllable)
      lex.attached_title_hangul_ends_[end - kFirstSyllable] = true;
    else
      lex.attached_title_other_ends_.push_back(end);
  }

  const fs::path cues_path = dir / "name_cues.txt";
  const Lexicon file_2 = load_required(cues_path, 2, 4);
  for (const LexiconEntry& entry : file_2.entries()) {
    Cue cue;
    if (!parse_name_type(entry.fields[0], cue.type)) {
      throw LexiconError(where(cues_path.string(), entry) +
                         "the type must be person, organization or location");
    }
    if (entry.fields[1] == "after")
      cue.after = true;
    else if (entry.fields[1] == "before")
      cue.after = false;
    else
      throw LexiconError(where(cues_path.string(), entry) + "the position must be after or before");
    if (entry.fields.size() > 2) cue.kind = entry.fields[2];
    if (entry.fields.size() > 3) {
      if (entry.fields[3] != "legal-form" || cue.after || cue.type != NameType::kOrganization)
        throw LexiconError(where(cues_path.string(), entry) +
                           "the fourth column may only be legal-form, on an organization cue "
                           "written before the name");
      cue.legal_form = true;
    }
    lex.cues_[entry.key] = cue;
  }

  const fs::path suffix_path = dir / "org_suffixes.txt";
  const Lexicon file_3 = load_required(suffix_path, 1, 2);
  for (const LexiconEntry& entry : file_3.entries()) {
    Suffix suffix;
    suffix.kind = entry.fields[0];
    if (entry.fields.size() > 1) {
      try {
        suffix.min_prefix = static_cast<std::size_t>(std::stoul(entry.fields[1]));
      } catch (const std::exception&) {
        throw LexiconError(where(suffix_path.string(), entry) +
                           "the minimum prefix must be a number");
      }
    }
    lex.max_suffix_chars_ = std::max(lex.max_suffix_chars_, count_code_points(entry.key));
    lex.org_suffixes_[entry.key] = suffix;
    lex.org_suffix_ends_.emplace(last_code_point(entry.key), true);
  }

  const Lexicon file_4 = load_required(dir / "surnames.txt", 0, 0);
  for (const LexiconEntry& entry : file_4.entries()) lex.surnames_.emplace(entry.key, true);
  lex.surname_syllables_.assign(kLastSyllable - kFirstSyllable + 1, false);
  for (const auto& [surname, unused] : lex.surnames_) {
    if (const char32_t c = hangul_syllable(surname))
      lex.surname_syllables_[c - kFirstSyllable] = true;
  }
  lex.org_suffix_end_syllables_.assign(kLastSyllable - kFirstSyllable + 1, false);
  for (const auto& [end, unused] : lex.org_suffix_ends_) {
    if (const char32_t c = hangul_syllable(end))
      lex.org_suffix_end_syllables_[c - kFirstSyllable] = true;
  }
  const Lexicon file_5 = load_required(dir / "given_names.txt", 0, 1);
  for (const LexiconEntry& entry : file_5.entries()) lex.given_names_.emplace(entry.key, true);
  const Lexicon file_6 = load_required(dir / "name_stopwords.txt", 0, 0);
  for (const LexiconEntry& entry : file_6.entries()) lex.stopwords_.emplace(entry.key, true);
  const Lexicon platforms = load_required(dir / "platforms.txt", 0, 0);
  for (const LexiconEntry& entry : platforms.entries()) lex.platforms_.emplace(entry.key, true);
  const Lexicon units = load_required(dir / "place_units.txt", 0, 0);
  for (const LexiconEntry& entry : units.entries()) lex.place_units_.push_back(entry.key);
  const Lexicon common = load_required(dir / "common_words.txt", 0, 0);
  lex.common_.reserve(common.size());
  for (const LexiconEntry& entry : common.entries()) lex.common_.emplace(entry.key, true);
  const fs::path syllables_path = dir / "name_syllables.txt";
  const Lexicon syllables = load_required(syllables_path, 3, 3);
  for (const LexiconEntry& entry : syllables.entries()) {
    try {
      lex.syllable_odds_[entry.key] = SyllableOdds{
          std::stod(entry.fields[0]), std::stod(entry.fields[1]), std::stod(entry.fields[2])};
    } catch (const std::exception&) {
      throw LexiconError(where(syllables_path.string(), entry) + "the log-odds must be a number");
    }
  }
  const Lexicon file_7 = load_required(dir / "name_particles.txt", 0, 0);
  for (const LexiconEntry& entry : file_7.entries()) {
    lex.particles_.push_back(entry.key);
    lex.particle_set_.emplace(entry.key, true);
  }
  std::stable_sort(lex.particles_.begin(), lex.particles_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& particle : lex.particles_) {
    lex.particles_by_last_[last_code_point(particle)].push_back(particle);
  }
  lex.particle_list_of_syllable_.assign(kLastSyllable - kFirstSyllable + 1, 0);
  for (const auto& [last, list] : lex.particles_by_last_) {
    const char32_t c = decode_last(last);
    if (c < kFirstSyllable || c > kLastSyllable) continue;
    lex.particle_lists_by_syllable_.push_back(list);
    lex.particle_list_of_syllable_[c - kFirstSyllable] =
        static_cast<std::uint16_t>(lex.particle_lists_by_syllable_.size());
  }
  lex.index_names();
  return lex;
}

double NameLexicons::person_odds(std::string_view word, std::size_t skip) const {
  double sum = 0;
  std::size_t n = 0, index = 0;
  for (std::size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (len == 3 && index++ >= skip) {
      const SyllableOdds* odds = syllable_odds_.find(word.substr(i, len));
      sum += odds == nullptr ? 0.0 : odds->foreign;
      ++n;
    }
    i += len;
  }
  return n == 0 ? 0.0 : sum / double(n);
}

bool NameLexicons::place_suffix(std::string_view word) const {
  if (count_code_points(word) < 3) return false;  // 농구, 연구: two syllables are words
  for (const std::string& unit : place_units_) {
    if (word.ends_with(unit)) return true;
  }
  return false;
}

const std::vector<std::string>* NameLexicons::particles_ending_like(std::string_view word) const {
  if (word.empty()) return nullptr;
  const std::string_view last = last_code_point(word);
  if (last.size() == 3 && !particle_list_of_syllable_.empty()) {
    if (const char32_t c = decode_last(last); c >= kFirstSyllable && c <= kLastSyllable) {
      const std::uint16_t list = particle_list_of_syllable_[c - kFirstSyllable];
      return list == 0 ? nullptr : &particle_lists_by_syllable_[list - 1];
    }
  }
  return particles_by_last_.find(last);
}

bool NameLexicons::is_surname(std::string_view syllables) const {
  if (const char32_t c = hangul_syllable(syllables); c != 0 && !surname_syllables_.empty())
    return surname_syllables_[c - kFirstSyllable];
  return surnames_.contains(syllables);
}

bool NameLexicons::may_end_with_attached_title(std::string_view word) const {
  if (word.empty()) return false;
  const char32_t end = decode_last(word);
  if (end >= kFirstSyllable && end <= kLastSyllable)
    return !attached_title_hangul_ends_.empty() &&
           attached_title_hangul_ends_[end - kFirstSyllable];
  return std::find(attached_title_other_ends_.begin(), attached_title_other_ends_.end(), end) !=
         attached_title_other_ends_.end();
}

const WordInfo* NameLexicons::word(std::string_view word) const {
  return words_.find(word);
}

void NameLexicons::index_names() {
  words_.clear();
  words_.reserve(known_.size() + titles_.size() + cues_.size() + stopwords_.size() +
                 common_.size() + given_names_.size() + particle_set_.size());
  for (const auto& [key, value] : known_) words_[key].known = &value;
  for (const auto& [key, value] : titles_) words_[key].title = &value;
  for (const auto& [key, value] : cues_) words_[key].cue = &value;
  for (const auto& [key, unused] : stopwords_) words_[key].stop = true;
  for (const auto& [key, unused] : common_) words_[key].common = true;
  for (const auto& [key, unused] : given_names_) words_[key].given = true;
  for (const auto& [key, unused] : particle_set_) words_[key].particle = true;
  phrase_heads_.clear();
  place_heads_.clear();
  for (const auto& [surface, name] : known_) {
    const std::size_t space = surface.find(' ');
    if (space != std::string::npos) {
      phrase_heads_.emplace(std::string_view(surface).substr(0, space), true);
      words_[std::string_view(surface).substr(0, space)].phrase_head = true;
    }
    if (name.type == NameType::kLocation && !name.derived && surface.size() >= 6 &&
        (static_cast<unsigned char>(surface[0]) & 0xF0) == 0xE0) {
      place_heads_.emplace(std::string_view(surface).substr(0, 6), true);
    }
  }
}

double NameLexicons::given_name_odds(std::string_view word, double unseen) const {
  if (word.size() != 9) return 0.0;  // three Hangul syllables, three bytes each
  const SyllableOdds* second = syllable_odds_.find(word.substr(3, 3));
  const SyllableOdds* third = syllable_odds_.find(word.substr(6, 3));
  return (second == nullptr ? unseen : second->given2) +
         (third == nullptr ? unseen : third->given3);
}

void NameLexicons::drop_derived() {
  known_.erase_if([](const auto& item) { return item.second.derived; });
  common_.clear();
  syllable_odds_.clear();
  index_names();
}

const KnownName* NameLexicons::known(std::string_view surface) const {
  return known_.find(surface);
}

const TitleInfo* NameLexicons::title(std::string_view word) const {
  return titles_.find(word);
}

std::string_view NameLexicons::attached_role_title(std::string_view word) const {
  // Hangul syllables only (U+AC00–U+D7A3, three bytes each).
  if (word.size() % 3 != 0) return {};
  for (std::size_t i = 0; i < word.size(); i += 3) {
    const auto lead = static_cast<unsigned char>(word[i]);
    if (lead < 0xEA || lead > 0xED) return {};
  }
  for (std::size_t title_bytes = 9; title_bytes >= 6; title_bytes -= 3) {
    if (word.size() < title_bytes + 6) continue;
    const std::string_view tail = word.substr(word.size() - title_bytes);
    const TitleInfo* t = titles_.find(tail);
    if (t == nullptr || t->title_class != TitleClass::kRole) continue;
    // A weak title is also a common noun (시장 market, 회장 hall, 이사
    // moving): written on to a word, it is a post only after a workplace —
    // a known organization or place, one with an organization or place
    // suffix, or a longer word that is not a common one (석포제련소장), not
    // 전통시장, 주식시장, 전시회장, 포장이사.
    const std::string_view front = word.substr(0, word.size() - title_bytes);
    if (t->weak) {
      const KnownName* k = known(front);
      const bool workplace = (k != nullptr && k->type != NameType::kPerson) ||
                             org_suffix_kind(front) != nullptr || place_suffix(front) ||
                             (front.size() >= 9 && !is_common(front));
      if (!workplace) return {};
    }
    return tail;
  }
  return {};
}

const Cue* NameLexicons::cue(std::string_view word) const {
  return cues_.find(word);
}

const std::string* NameLexicons::org_suffix_word(std::string_view word) const {
  const Suffix* suffix = org_suffixes_.find(word);
  return suffix == nullptr ? nullptr : &suffix->kind;
}

const std::string* NameLexicons::org_suffix_kind(std::string_view stem,
                                                 std::size_t* suffix_bytes) const {
  // Most words end in a code point no suffix ends in: one look-up instead
  // of one per suffix length.
  if (stem.empty()) return nullptr;
  const std::string_view end = last_code_point(stem);
  if (const char32_t c = hangul_syllable(end); c != 0 && !org_suffix_end_syllables_.empty()) {
    if (!org_suffix_end_syllables_[c - kFirstSyllable]) return nullptr;
  } else if (!org_suffix_ends_.contains(end)) {
    return nullptr;
  }
  // Walk back over code points, the shortest suffix first, and keep the
  // longest that fits.
  const std::size_t chars = count_code_points(stem);
  const Suffix* best = nullptr;
  std::size_t best_bytes = 0;
  std::size_t start = stem.size();
  for (std::size_t len = 1; len <= max_suffix_chars_ && len <= chars; ++len) {
    do {
      --start;
    } while (start > 0 && (static_cast<unsigned char>(stem[start]) & 0xC0) == 0x80);
    const Suffix* suffix = org_suffixes_.find(stem.substr(start));
    if (suffix != nullptr && chars - len >= suffix->min_prefix) {
      best = suffix;
      best_bytes = stem.size() - start;
    }
  }
  if (best == nullptr) return nullptr;
  if (suffix_bytes != nullptr) *suffix_bytes = best_bytes;
  return &best->kind;
}

}  // namespace news
