#include "structure/regex_prefilter.h"
#include "base/text.h"

#include <algorithm>
#include <optional>

namespace news {
namespace {

// The UTF-8 sequence at p[i] (patterns come from a validated lexicon).
std::string_view code_point_at(std::string_view p, std::size_t i) {
  const auto lead = static_cast<unsigned char>(p[i]);
  const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  return p.substr(i, std::min(length, p.size() - i));
}

char32_t decode(std::string_view cp) {
  if (cp.empty()) return 0;
  const auto b = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(cp[k]));
  };
  switch (cp.size()) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}


using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// Under (?i), the code points a literal may match, when they are sure: an
// ASCII letter and its other case. Letters that some other character folds
// to are not: k (Kelvin sign), s (ſ, ß), f i l t (ﬀ ﬁ ﬂ ﬅ), and h t w y a j
// n (ẖ ẗ ẘ ẙ ẚ ǰ ŉ).
std::optional<Ranges> caseless_first(char32_t c) {
  if (!is_ascii_alpha(c)) {
    if (c < 0x80) return Ranges{{c, c}};
    return std::nullopt;  // ⓒ matches Ⓒ, and so on
  }
  const char32_t lower = c | 0x20;
  if (std::u32string_view(U"bcdegmopqruvxz").find(lower) == std::u32string_view::npos)
    return std::nullopt;
  return Ranges{{lower, lower}, {lower - 0x20, lower - 0x20}};
}

// Under (?i): `members` with each ASCII letter in both cases, or nothing
// when one of them may match what this reader cannot name.
std::vector<std::string> caseless_members(const std::vector<std::string>& members) {
  std::vector<std::string> out;
  for (const std::string& m : members) {
    if (m.size() != 1) return {};
    const std::optional<Ranges> both = caseless_first(static_cast<unsigned char>(m[0]));
    if (!both) return {};
    for (const auto& range : *both) out.emplace_back(1, static_cast<char>(range.first));
  }
  return out;
}

// What reading one atom gave.
struct Atom {
  // Literal code points, one of which the atom matches; empty: unknown.
  std::vector<std::string> any_of;
  // The code points a match of the atom starts with (literals, sets with
  // ranges, groups of alternatives); nullopt: unknown.
  std::optional<Ranges> first;
  bool zero_width = false;  // ^, $, \b, a lookaround: consumes nothing
  bool give_up = false;     // a construct this reader does not understand
};

class Reader {
 public:
  Reader(std::string_view pattern, bool case_insensitive)
      : p_(pattern), case_insensitive_(case_insensitive) {}

  RegexPrefilter read() {
    RegexPrefilter filter;
    bool anchored = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      anchored = true;
      ++i_;
    }
    // The first code point of a match, from the atoms before the first
    // required one (optional ones may be skipped): only when anchored.
    Ranges first;
    bool first_open = anchored, first_known = false;
    while (i_ < p_.size()) {
      Atom atom = read_atom();
      if (atom.give_up) return {};
      const std::optional<bool> optional = read_quantifier();
      if (!optional) return {};
      if (first_open && !atom.zero_width) {
        if (!atom.first) {
          first_open = false;
        } else {
          first.insert(first.end(), atom.first->begin(), atom.first->end());
          if (!*optional) first_open = false, first_known = true;
        }
      }
      // (?i): a letter matches its other case too, so it stands for both
      // when no other character folds to it; other letters, strings and
      // non-ASCII characters (ⓒ matches Ⓒ) are dropped.
      if (case_insensitive_) atom.any_of = caseless_members(atom.any_of);
      if (!*optional && !atom.any_of.empty()) filter.required.push_back(std::move(atom.any_of));
    }
    if (first_known) filter.first = std::move(first);
    // Telling tests first: ASCII punctuation (few paragraphs have `/` or
    // `@`), then words, then single syllables (every Korean paragraph has
    // 기 and 자 somewhere). Eight are enough to rule out nearly every
    // paragraph that can be ruled out.
    const auto cost = [](const std::vector<std::string>& group) {
      if (std::all_of(group.begin(), group.end(),
                      [](const std::string& m) { return m.size() == 1; }))
        return 0;
      if (std::all_of(group.begin(), group.end(),
                      [](const std::string& m) { return m.size() > 4; }))
        return 1;
      return 2;
    };
    std::stable_sort(filter.required.begin(), filter.required.end(),
                     [&](const auto& a, const auto& b) { return cost(a) < cost(b); });
    if (filter.required.size() > 8) filter.required.resize(8);
    return filter;
  }

  // The code points a match of the whole text (a group's content, one
  // alternative or several) may start with; nullopt when unknown or when it
  // may match nothing.
  std::optional<Ranges> first_of_alternatives() {
    Ranges all;
    while (true) {
      Ranges first;
      bool known = false;
      while (i_ < p_.size() && p_[i_] != '|') {
        Atom atom = read_atom();
        if (atom.give_up) return std::nullopt;
        const std::optional<bool> optional = read_quantifier();
        if (!optional) return std::nullopt;
        if (known || atom.zero_width) continue;
        if (!atom.first) return std::nullopt;
        first.insert(first.end(), atom.first->begin(), atom.first->end());
        if (!*optional) known = true;
      }
      if (!known) return std::nullopt;
      all.insert(all.end(), first.begin(), first.end());
      if (i_ >= p_.size()) return all;
      ++i_;  // |
    }
  }

 private:
  Atom read_atom() {
    Atom atom;
    const char c = p_[i_];
    switch (c) {
      case '|':
      case ')':
      case ']':
      case '{':
      case '}':
      case '?':
      case '*':
      case '+':
        atom.give_up = true;  // a top-level alternative, or something unbalanced
        return atom;
      case '.':
        ++i_;
        return atom;
      case '^':
      case '$':
        ++i_;
        atom.zero_width = true;
        return atom;
      case '\\':
        return read_escape();
      case '[':
        return read_set();
      case '(':
        return read_group();
      default: {
        const std::string_view cp = code_point_at(p_, i_);
        i_ += cp.size();
        atom.any_of.emplace_back(cp);
        const char32_t code = decode(cp);
        atom.first = case_insensitive_ ? caseless_first(code) : Ranges{{code, code}};
        return atom;
      }
    }
  }

  // After `\`: a literal punctuation character, a class (\s \d \p{L}…), an
  // assertion (\b), or something not understood.
  Atom read_escape() {
    Atom atom;
    if (i_ + 1 >= p_.size()) {
      atom.give_up = true;
      return atom;
    }
    const char e = p_[i_ + 1];
    i_ += 2;
    if (static_cast<unsigned char>(e) < 0x80 && !is_ascii_alnum(e)) {
      atom.any_of.emplace_back(1, e);
      atom.first = Ranges{{char32_t(e), char32_t(e)}};
      return atom;
    }
    if (std::string_view("bBAGZz").find(e) != std::string_view::npos) {
      atom.zero_width = true;
      return atom;
    }
    if (std::string_view("sSdDwWhHvVRX").find(e) != std::string_view::npos) return atom;
    if (e == 'p' || e == 'P') {
      if (i_ < p_.size() && p_[i_] == '{') {
        const std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos) {
          atom.give_up = true;
        } else {
          i_ = close + 1;
        }
      } else if (i_ < p_.size()) {
        i_ += code_point_at(p_, i_).size();  // \pL
      }
      return atom;
    }
    atom.give_up = true;  // \x, \u, \Q, \1, \n…: not needed by the patterns we have
    return atom;
  }

  // A bracket set: literal members are kept; a set of literals and ranges
  // gives the first code points; escaped classes, nested sets, properties
  // and negation make it unknown (but it is still skipped).
  Atom read_set() {
    Atom atom;
    ++i_;                   // [
    bool simple = true;     // only literal members
    bool rangeable = true;  // only literal members and ranges
    if (i_ < p_.size() && p_[i_] == '^') {
      simple = rangeable = false;
      ++i_;
    }
    int depth = 1;
    std::vector<std::string> members;
    Ranges ranges;
    bool after_member = false;  // a literal member just read: `-` may make it a range
    while (i_ < p_.size() && depth > 0) {
      const char c = p_[i_];
      if (c == '\\') {
        if (i_ + 1 >= p_.size()) break;
        const char e = p_[i_ + 1];
        if (static_cast<unsigned char>(e) < 0x80 && !is_ascii_alnum(e)) {
          members.emplace_back(1, e);
          ranges.emplace_back(char32_t(e), char32_t(e));
          after_member = true;
          i_ += 2;
        } else if ((e == 'p' || e == 'P') && i_ + 2 < p_.size() && p_[i_ + 2] == '{') {
          simple = rangeable = false;
          const std::size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else {
          simple = rangeable = false;
          i_ += 1 + code_point_at(p_, i_ + 1).size();
        }
        if (!(static_cast<unsigned char>(e) < 0x80 && !is_ascii_alnum(e))) after_member = false;
        continue;
      }
      if (c == '[') {
        simple = rangeable = false;
        after_member = false;
        ++depth;
        ++i_;
        continue;
      }
      if (c == ']') {
        after_member = false;
        --depth;
        ++i_;
        continue;
      }
      if (c == '-' && depth == 1 && after_member && i_ + 1 < p_.size() && p_[i_ + 1] != ']' &&
          p_[i_ + 1] != '\\' && p_[i_ + 1] != '[') {
        // a-z, 가-힣: a range from the member before to the one after.
        simple = false;
        const std::string_view to = code_point_at(p_, i_ + 1);
        ranges.back().second = decode(to);
        if (ranges.back().second < ranges.back().first) rangeable = false;
        after_member = false;
        i_ += 1 + to.size();
        continue;
      }
      // Set operations, properties, strings and white space (which ICU may
      // ignore inside a set) are beyond this reader.
      const bool posix = c == ':' && p_[i_ - 1] == '[';  // [:alpha:]
      if (c == '-' || c == '&' || posix || c == '$' || c == '{' || c == ' ')
        simple = rangeable = false;
      const std::string_view cp = code_point_at(p_, i_);
      members.emplace_back(cp);
      ranges.emplace_back(decode(cp), decode(cp));
      after_member = true;
      i_ += cp.size();
    }
    if (depth != 0) {
      atom.give_up = true;
      return atom;
    }
    if (case_insensitive_) {
      rangeable = rangeable && std::all_of(ranges.begin(), ranges.end(), [](const auto& r) {
                    return r.second < 0x80 && !(r.first <= 'z' && r.second >= 'A');
                  });
    }
    if (simple && !members.empty()) atom.any_of = std::move(members);
    if (rangeable && !ranges.empty()) atom.first = std::move(ranges);
    return atom;
  }

  // A group: its content is read for the code points a match starts with
  // (capturing, (?: and (?<name> groups); a lookaround consumes nothing.
  // Flags that change how the rest of the pattern reads ((?x), (?m)…) make
  // the whole filter empty.
  Atom read_group() {
    Atom atom;
    std::size_t content = i_ + 1;
    bool lookaround = false;
    if (p_.substr(i_, 2) == "(?") {
      const std::string_view kind = p_.substr(i_ + 2, 2);
      if (kind.starts_with(':')) {
        content = i_ + 3;
      } else if (kind.starts_with('=') || kind.starts_with('!') || kind == "<=" || kind == "<!") {
        lookaround = true;
      } else if (kind.starts_with('<') && kind.size() == 2 &&
                 is_ascii_alpha(static_cast<unsigned char>(kind[1]))) {
        const std::size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) {
          atom.give_up = true;
          return atom;
        }
        content = close + 1;  // (?<name>…)
      } else {
        atom.give_up = true;  // (?x), (?i), (?>…), …
        return atom;
      }
    }
    int depth = 0;
    while (i_ < p_.size()) {
      const char c = p_[i_];
      if (c == '\\') {
        i_ += 1 + (i_ + 1 < p_.size() ? code_point_at(p_, i_ + 1).size() : 0);
        continue;
      }
      if (c == '[') {
        const Atom set = read_set();
        if (set.give_up) return set;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) {
        if (lookaround) {
          atom.zero_width = true;
        } else {
          const std::string_view inside_text = p_.substr(content, i_ - content);
          Reader inside(inside_text, case_insensitive_);
          atom.first = inside.first_of_alternatives();
          atom.any_of = literal_alternatives(inside_text);
        }
        ++i_;
        return atom;
      }
      i_ += code_point_at(p_, i_).size();
    }
    atom.give_up = true;  // unbalanced
    return atom;
  }

  // `기자|특파원|논설위원`: alternatives that are plain text, one of which
  // any match contains; empty when one of them is not plain text.
  static std::vector<std::string> literal_alternatives(std::string_view content) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    while (true) {
      const std::size_t bar = content.find('|', begin);
      const std::string_view alternative = content.substr(begin, bar - begin);
      if (alternative.empty() ||
          alternative.find_first_of("\\[](){}.*+?^$") != std::string_view::npos)
        return {};
      out.emplace_back(alternative);
      if (bar == std::string_view::npos) return out;
      begin = bar + 1;
    }
  }

  // After an atom: whether a quantifier lets it match nothing (? * {0,…});
  // nullopt for a malformed quantifier.
  std::optional<bool> read_quantifier() {
    if (i_ >= p_.size()) return false;
    bool optional = false;
    const char c = p_[i_];
    if (c == '?' || c == '*') {
      optional = true;
      ++i_;
    } else if (c == '+') {
      ++i_;
    } else if (c == '{') {
      const std::size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return std::nullopt;
      const std::string_view inside = p_.substr(i_ + 1, close - i_ - 1);
      if (inside.empty() || inside[0] < '0' || inside[0] > '9') return std::nullopt;
      std::size_t digits = 0;
      while (digits < inside.size() && inside[digits] == '0') ++digits;
      // {0}, {0,n}, {00,n}: the minimum is zero when only zeros precede `,` or `}`.
      optional = digits == inside.size() || inside[digits] == ',';
      i_ = close + 1;
    } else {
      return false;
    }
    if (i_ < p_.size() && (p_[i_] == '?' || p_[i_] == '+')) ++i_;  // lazy, possessive
    return optional;
  }

  std::string_view p_;
  bool case_insensitive_ = false;
  std::size_t i_ = 0;
};

}  // namespace

TextSignature::TextSignature(std::string_view text) : text_(text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view cp = code_point_at(text, i);
    const char32_t c = decode(cp);
    if (i == 0) first_ = c;
    const std::uint32_t bit = slot(c);
    bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    i += cp.size();
  }
}

bool TextSignature::contains(std::string_view word) const {
  for (std::size_t i = 0; i < word.size();) {
    const std::string_view cp = code_point_at(word, i);
    if (!may_have(decode(cp))) return false;
    i += cp.size();
  }
  return text_.find(word) != std::string_view::npos;
}

bool RegexPrefilter::may_match(const TextSignature& text) const {
  if (!first.empty()) {
    if (text.empty()) return false;
    const char32_t c = text.first();
    if (std::none_of(first.begin(), first.end(),
                     [&](const auto& range) { return c >= range.first && c <= range.second; })) {
      return false;
    }
  }
  for (const std::vector<std::string>& group : required) {
    if (std::none_of(group.begin(), group.end(),
                     [&](const std::string& member) { return text.contains(member); })) {
      return false;
    }
  }
  return true;
}

RegexPrefilter prefilter_for(std::string_view pattern) {
  const bool case_insensitive = pattern.starts_with("(?i)");
  if (case_insensitive) pattern.remove_prefix(4);
  return Reader(pattern, case_insensitive).read();
}

}  // namespace news
