#include "news/regex_prefilter.h"

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

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

// What reading one atom gave.
struct Atom {
  std::vector<std::string>
      any_of;            // literal code points, one of which the atom matches; empty: unknown
  bool give_up = false;  // a construct this reader does not understand
};

class Reader {
 public:
  explicit Reader(std::string_view pattern) : p_(pattern) {}

  RegexPrefilter read() {
    RegexPrefilter filter;
    bool case_insensitive = false;
    if (p_.starts_with("(?i)")) {
      case_insensitive = true;
      i_ = 4;
    }
    bool anchored = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      anchored = true;
      ++i_;
    }
    bool first_atom = true;
    while (i_ < p_.size()) {
      Atom atom = read_atom();
      if (atom.give_up) return {};
      const std::optional<bool> optional = read_quantifier();
      if (!optional) return {};
      // (?i): a letter matches its other case too (and ⓒ matches Ⓒ), so only
      // ASCII characters without case are kept.
      if (case_insensitive &&
          std::any_of(atom.any_of.begin(), atom.any_of.end(), [](const std::string& s) {
            return s.size() != 1 || is_ascii_letter(s[0]);
          })) {
        atom.any_of.clear();
      }
      if (!*optional && !atom.any_of.empty()) {
        if (anchored && first_atom) filter.first = atom.any_of;
        filter.required.push_back(std::move(atom.any_of));
      }
      first_atom = false;
    }
    return filter;
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
      case '^':
      case '$':
        ++i_;
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
      return atom;
    }
    constexpr std::string_view kClasses = "sSdDwWhHvVRXbBAGZz";
    if (kClasses.find(e) != std::string_view::npos) return atom;
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

  // A bracket set: literal members are kept; ranges, escaped classes,
  // nested sets and negation make it unknown (but it is still skipped).
  Atom read_set() {
    Atom atom;
    ++i_;  // [
    bool simple = true;
    if (i_ < p_.size() && p_[i_] == '^') {
      simple = false;
      ++i_;
    }
    int depth = 1;
    std::vector<std::string> members;
    while (i_ < p_.size() && depth > 0) {
      const char c = p_[i_];
      if (c == '\\') {
        if (i_ + 1 >= p_.size()) break;
        const char e = p_[i_ + 1];
        if (static_cast<unsigned char>(e) < 0x80 && !is_ascii_alnum(e)) {
          members.emplace_back(1, e);
          i_ += 2;
        } else if ((e == 'p' || e == 'P') && i_ + 2 < p_.size() && p_[i_ + 2] == '{') {
          simple = false;
          const std::size_t close = p_.find('}', i_);
          i_ = close == std::string_view::npos ? p_.size() : close + 1;
        } else {
          simple = false;
          i_ += 1 + code_point_at(p_, i_ + 1).size();
        }
        continue;
      }
      if (c == '[') {
        simple = false;
        ++depth;
        ++i_;
        continue;
      }
      if (c == ']') {
        --depth;
        ++i_;
        continue;
      }
      // Ranges, set operations, properties, strings and white space (which
      // ICU may ignore inside a set) are beyond this reader.
      if (c == '-' || c == '&' || c == ':' || c == '$' || c == '{' || c == ' ') simple = false;
      const std::string_view cp = code_point_at(p_, i_);
      members.emplace_back(cp);
      i_ += cp.size();
    }
    if (depth != 0) {
      atom.give_up = true;
      return atom;
    }
    if (simple && !members.empty()) atom.any_of = std::move(members);
    return atom;
  }

  // A group of any kind is skipped as an unknown atom; flags that change how
  // the rest of the pattern reads ((?x), (?m)…) make the whole filter empty.
  Atom read_group() {
    Atom atom;
    if (p_.substr(i_, 2) == "(?") {
      const char kind = i_ + 2 < p_.size() ? p_[i_ + 2] : '\0';
      if (kind != ':' && kind != '=' && kind != '!' && kind != '<' && kind != '>') {
        atom.give_up = true;
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
        ++i_;
        return atom;
      }
      i_ += code_point_at(p_, i_).size();
    }
    atom.give_up = true;  // unbalanced
    return atom;
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
  std::size_t i_ = 0;
};

}  // namespace

bool RegexPrefilter::may_match(std::string_view text) const {
  if (!first.empty() && std::none_of(first.begin(), first.end(),
                                     [&](const std::string& s) { return text.starts_with(s); })) {
    return false;
  }
  for (const std::vector<std::string>& group : required) {
    if (std::none_of(group.begin(), group.end(), [&](const std::string& s) {
          return text.find(s) != std::string_view::npos;
        })) {
      return false;
    }
  }
  return true;
}

RegexPrefilter prefilter_for(std::string_view pattern) {
  return Reader(pattern).read();
}

}  // namespace news
