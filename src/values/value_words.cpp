#include "values/value_words.h"

#include "base/lexicon.h"
#include "base/text.h"

namespace news {
namespace {

std::string lowered(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = to_lower_ascii(c);
  return out;
}

void note_first_syllable(ValueWords& words, std::string_view word) {
  std::size_t length = 0;
  const char32_t first = utf8::decode_at(word, 0, length, utf8::Invalid::kReplacement);
  if (is_hangul_syllable(first)) words.first_syllables.set(first - 0xAC00);
}

[[noreturn]] void fail(const LexiconEntry& entry, const std::string& name,
                       const std::string& message) {
  throw LexiconError(name + ":" + std::to_string(entry.line) + ": " + entry.key + ": " + message);
}

// 영하<TAB>sign<TAB>negative<TAB>temperature
void add_sign(ValueWords& words, const LexiconEntry& entry, const std::string& name) {
  if (entry.fields.size() != 3 ||
      (entry.fields[1] != "negative" && entry.fields[1] != "positive") ||
      (entry.fields[2] != "percent" && entry.fields[2] != "temperature"))
    fail(entry, name, "a sign needs negative|positive, then percent|temperature");
  words.signs.push_back(
      SignWord{entry.key, entry.fields[1] == "negative", entry.fields[2] == "temperature"});
  note_first_syllable(words, entry.key);
}

// about<TAB>approximate_before, 약<TAB>approximate_before<TAB>glued
void add_approximate_before(ValueWords& words, const LexiconEntry& entry, const std::string& name) {
  const bool glued = entry.fields.size() == 2 && entry.fields[1] == "glued";
  if (entry.fields.size() > 1 && !glued)
    fail(entry, name, "approximate_before takes nothing or `glued` after it");
  const std::string word = lowered(entry.key);
  words.approximate_before.push_back(word + " ");
  if (glued) words.approximate_before.push_back(word);
  words.approximate_before_firsts.set(static_cast<unsigned char>(word[0]));
  note_first_syllable(words, word);
}

ValueWords from_lexicon(const Lexicon& lexicon, const std::string& name) {
  ValueWords words;
  for (const LexiconEntry& entry : lexicon.entries()) {
    const std::string& section = entry.fields[0];
    if (section == "approximate_before") {
      add_approximate_before(words, entry, name);
      continue;
    }
    if (section == "sign") {
      add_sign(words, entry, name);
      continue;
    }
    std::vector<std::string>* list = section == "approximate_after" ? &words.approximate_after
                                     : section == "counter_suffix"  ? &words.counter_suffixes
                                     : section == "machine"         ? &words.machines
                                                                    : nullptr;
    if (list == nullptr)
      fail(entry, name,
           "unknown section `" + section +
               "` (approximate_before, approximate_after, counter_suffix, machine, sign)");
    if (entry.fields.size() > 1) fail(entry, name, section + " takes nothing after it");
    list->push_back(entry.key);
  }
  return words;
}

}  // namespace

ValueWords ValueWords::parse(std::string_view text, const std::string& name) {
  return from_lexicon(Lexicon::parse(text, name, 1, 3), name);
}

ValueWords ValueWords::load(const std::filesystem::path& path) {
  return from_lexicon(Lexicon::load(path, 1, 3), path.string());
}

}  // namespace news
