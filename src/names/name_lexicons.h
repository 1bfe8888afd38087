// names/name_lexicons.h — the lexicons that name people, organizations and places.
//
// Loaded once from data/ (plain text, see each file's header comment) into
// hash maps, then shared read-only by every article. Takes the data
// directory (and optional user lexicons, `analyze --lexicon FILE`); gives
// look-ups by exact surface form (a word stem or several words joined by
// single spaces). A malformed line is a LexiconError naming file and line.
//
// Thread-safety: immutable after loading; share freely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/flat_string_map.h"
#include "base/lexicon.h"

namespace news {

// Look-ups by string_view without building a std::string, in flat arrays
// (news/flat_string_map.h): the lexicons are asked about every word.
template <typename Value>
using NameMap = FlatStringMap<Value>;
using NameSet = FlatStringMap<bool>;

enum class NameType { kPerson, kOrganization, kLocation };
const char* to_string(NameType type);

// A surface form the lexicons know: what it names and how sure we are.
struct KnownName {
  NameType type = NameType::kOrganization;
  std::string kind;  // organizations: company, media, …; locations: country, city, …
  std::string
      canonical;  // the full form an alias stands for (MS → 마이크로소프트); empty if itself
  double confidence = 1.0;  // curated 1.0; data-derived entries carry their measured precision
  bool derived = false;     // from data/name_gazetteer.txt (built from annotated corpora)
};

// How a title word relates to the name beside it.
enum class TitleClass {
  kRole,       // CEO, 대표, 장관: a position, reported in `roles`
  kHonorific,  // 씨, 군, 양: marks a person, not a role
};

struct TitleInfo {
  TitleClass title_class = TitleClass::kRole;
  bool attaches = false;  // may be written without a space: 김철수씨, 이재용회장
  bool weak = false;      // also a common noun (시장, 대표): evidence for Korean names only
};

// A word right before or after a name that hints at its type.
struct Cue {
  NameType type = NameType::kOrganization;
  bool after = true;  // the cue follows the name (마이크로소프트 주가) or precedes it
  std::string kind;   // organizations: the kind the cue implies (보도 → media), or empty
  // A legal form written before the name (법무법인 태평양, 재단법인 X): the
  // article means the organization wherever it writes the name.
  bool legal_form = false;
};

// Everything the single-word lexicons say about one word, in one look-up.
struct WordInfo {
  const KnownName* known = nullptr;
  const TitleInfo* title = nullptr;
  const Cue* cue = nullptr;
  bool stop = false;
  bool common = false;
  bool given = false;
  bool particle = false;
  bool phrase_head = false;  // starts_known_phrase(): some known surface of several words starts so
};

class NameLexicons {
 public:
  NameLexicons() = default;

  // Reads the name lexicons in `data_dir`; files that are absent are empty
  // (data/name_gazetteer.txt is optional).
  static NameLexicons load(const std::filesystem::path& data_dir);
  // Adds a user lexicon: `surface<TAB>person|organization|location[<TAB>kind[<TAB>alias|alias…]]`.
  // User entries override built-in ones.
  // `file` names the source in errors.
  void add_user_lexicon(const Lexicon& user, const std::string& file);
  // Builds the maps from lexicons already parsed (tests).
  void add_names(const Lexicon& names, NameType type, double confidence, bool with_type_column);

  const KnownName* known(std::string_view surface) const;
  // known(), title(), cue() and the word lists at once; nullptr if no lexicon has the word.
  const WordInfo* word(std::string_view word) const;
  const TitleInfo* title(std::string_view word) const;
  // A role title of two or three syllables written on to the end of a
  // Hangul word of at least two more (석포제련소장 → 소장, 서울시장 → 시장),
  // the way news names a person's post at a workplace; empty if none. A weak
  // title (시장 also "market") counts only after a workplace: a known
  // organization or place, a word with such a suffix, or a longer uncommon
  // word (not 전통시장, 주식시장).
  std::string_view attached_role_title(std::string_view word) const;
  const Cue* cue(std::string_view word) const;
  // The organization kind of the longest suffix of `stem` in data/org_suffixes.txt
  // whose prefix keeps at least its minimum syllables (삼성전자 → company), or nullptr.
  const std::string* org_suffix_kind(std::string_view stem,
                                     std::size_t* suffix_bytes = nullptr) const;
  // False when no title that may be written on (`attaches`: 김철수씨) ends
  // with the last code point of `word`, so no suffix of it is one: the name
  // finder asks this before trying each suffix of each word.
  bool may_end_with_attached_title(std::string_view word) const;
  // The kind of a whole word that is an organization suffix (Inc, Corp, Group).
  const std::string* org_suffix_word(std::string_view word) const;
  bool is_surname(std::string_view syllables) const;
  bool is_given_name(std::string_view word) const { return given_names_.contains(word); }
  bool is_stopword(std::string_view word) const { return stopwords_.contains(word); }
  // A platform people post on (data/platforms.txt: 페이스북, 트위터).
  bool is_platform(std::string_view word) const { return platforms_.contains(word); }
  // Words seen often in annotated text and never as a name (data/common_words.txt).
  bool is_common(std::string_view word) const { return common_.contains(word); }
  // The mean log-odds that the Hangul syllables of `word` (after the first
  // `skip` syllables) belong to a person's name (data/name_syllables.txt);
  // unknown syllables count 0. 0 for a word without Hangul.
  double person_odds(std::string_view word, std::size_t skip = 0) const;
  // For a three-syllable Hangul word: the summed log-odds that its 2nd and
  // 3rd syllables are a Korean given name (김철수 high, 이사회 low); a
  // syllable the statistics never saw counts `unseen`.
  double given_name_odds(std::string_view word, double unseen = 0.0) const;
  // Ends in an administrative unit of data/place_units.txt (강남구, 신사동,
  // 랴오닝성, 의정부시), with at least two syllables before it.
  bool place_suffix(std::string_view word) const;
  bool is_particle(std::string_view word) const { return particle_set_.contains(word); }
  // Particles for the fallback splitter, longest first.
  const std::vector<std::string>& particles() const { return particles_; }
  // Whether some known surface of several words starts with this word.
  bool starts_known_phrase(std::string_view word) const { return phrase_heads_.contains(word); }
  // Whether some known place starts with these two syllables (6 bytes of Hangul).
  bool starts_place(std::string_view first_two_syllables) const {
    return place_heads_.contains(first_two_syllables);
  }
  // The particles that end with the same code point as `word`, longest first.
  const std::vector<std::string>* particles_ending_like(std::string_view word) const;
  // How many space-separated words the longest known surface has.
  std::size_t max_words() const { return max_words_; }
  // Drops what was derived from annotated corpora — name_gazetteer.txt,
  // name_syllables.txt, common_words.txt — to measure the rules alone.
  void drop_derived();

 private:
  void index_names();  // words_, phrase_heads_, place_heads_ from the other maps

  struct Suffix {
    std::string kind;
    std::size_t min_prefix = 1;  // syllables before the suffix
  };
  NameMap<KnownName> known_;
  NameMap<TitleInfo> titles_;
  NameMap<Cue> cues_;
  NameMap<Suffix> org_suffixes_;
  NameSet org_suffix_ends_;  // the last code point of every organization suffix
  // The same two sets for Hangul syllables as bits (U+AC00…U+D7A3): asked
  // for nearly every word, answered without hashing.
  std::vector<bool> org_suffix_end_syllables_;
  std::vector<bool> surname_syllables_;  // surnames of one syllable
  // The last code points of the titles that attach: Hangul syllables as bits
  // (U+AC00…U+D7A3), anything else in a short list.
  std::vector<bool> attached_title_hangul_ends_;
  std::vector<char32_t> attached_title_other_ends_;
  NameSet surnames_;
  NameSet given_names_;
  NameSet stopwords_;
  NameSet platforms_;  // data/platforms.txt
  NameSet common_;
  struct SyllableOdds {
    double foreign = 0, given2 = 0, given3 = 0;
  };
  NameMap<SyllableOdds> syllable_odds_;
  std::vector<std::string> particles_;
  NameSet particle_set_;
  std::vector<std::string> place_units_;  // data/place_units.txt
  NameMap<WordInfo> words_;               // built by index_names()
  NameSet phrase_heads_;
  NameSet place_heads_;
  NameMap<std::vector<std::string>> particles_by_last_;
  // particles_by_last_ for a Hangul syllable without hashing: 1 + an index
  // into particle_lists_by_syllable_, or 0 (asked for every word).
  std::vector<std::uint16_t> particle_list_of_syllable_;
  std::vector<std::vector<std::string>> particle_lists_by_syllable_;
  std::size_t max_words_ = 1;
  std::size_t max_suffix_chars_ = 0;
};

// How name-like the given-name syllables of a Korean word (given_name_odds)
// must be for a role title after a workplace to make it a name (박영민 영풍
// 석포제련소 대표이사): such a title is farther from the word than one beside
// it, and verb forms meet it by accident (남겨둔 채 이사를; a syllable the
// statistics never saw counts kWorkplaceUnseenSyllable: 이뤄진). The rules
// and the lexicon builder (which counts such titles in the corpus) share it.
inline constexpr double kWorkplaceNameOdds = 0.5;
inline constexpr double kWorkplaceUnseenSyllable = -2.0;

// Whether a Korean word ends like a verb or a connective (확대해서, 왔으며,
// 하고, 했다, 주관한, 소환된): no name does, unless a lexicon lists it.
bool has_verb_ending(std::string_view word);

// Parses a NameType spelling (person, organization, location); false if unknown.
bool parse_name_type(std::string_view text, NameType& type);

}  // namespace news
