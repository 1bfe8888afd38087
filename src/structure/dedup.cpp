#include "structure/dedup.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "base/budget.h"
#include "base/hash.h"
#include "base/utf8.h"

namespace news {
namespace {

constexpr std::size_t kShingle = 3;
// A structure line (credit, link marker, copyright) is short: `그래픽=김하경
// 기자` has 10 comparable code points. `부산지법 동부지원. /연합뉴스` (14)
// describes a photo and collapses like any paragraph.
constexpr std::size_t kMaxStructureLine = 12;
// Extra lines of a repeated block are placed in the first copy only when the
// paragraphs around them are repeats of paragraphs this close in the input.
constexpr std::size_t kMaxAnchorGap = 4;
// ... and only inside a copy: most of the paragraphs this close on the side(s)
// that anchor them are repeats. A report that quotes itself (a letter printed
// in full after a report that paraphrases a few of its paragraphs) has near
// repeats here and there, and its other paragraphs keep their places.
constexpr std::size_t kCopyWindow = 4;

bool is_quote(char32_t c) {
  switch (c) {
    case U'"':
    case U'\'':
    case U'`':
    case U'\u00B4':
    case U'\u2018':
    case U'\u2019':
    case U'\u201A':
    case U'\u201B':
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u201F':
    case U'\u2032':
    case U'\u2033':
    case U'\u00AB':
    case U'\u00BB':
    case U'\u300C':
    case U'\u300D':
    case U'\u300E':
    case U'\u300F':
    case U'\u301D':
    case U'\u301E':
    case U'\u301F':
      return true;
    default:
      return false;
  }
}

bool is_space(char32_t c) {
  if (c == U' ' || (c >= U'\t' && c <= U'\r')) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP || category == UTF8PROC_CATEGORY_CF;
}

// The numbers of a comparable text, in order: `183차 공판(오전 10시)` → 183, 10.
std::vector<std::u32string_view> numbers(std::u32string_view text) {
  std::vector<std::u32string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] < U'0' || text[i] > U'9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] >= U'0' && text[j] <= U'9') ++j;
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// The distinct 3-gram shingles of `text`, hashed and sorted.
std::vector<std::uint64_t> shingles(std::u32string_view text) {
  std::vector<std::uint64_t> out;
  if (text.size() < kShingle) return out;
  out.reserve(text.size() - kShingle + 1);
  for (std::size_t i = 0; i + kShingle <= text.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingle; ++k) h = mix64(h ^ text[i + k]);
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Edit distance of a and b if it is at most `limit`, else limit + 1.
// Banded: only cells within `limit` of the diagonal are computed, so the
// cost is O(longer · limit).
std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  if (a.size() < b.size()) std::swap(a, b);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n - m > limit) return limit + 1;
  const std::size_t kFar = limit + 1;
  std::vector<std::size_t> previous(m + 1, kFar);
  std::vector<std::size_t> current(m + 1, kFar);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 0;
    const std::size_t hi = std::min(m, i + limit);
    std::fill(current.begin(), current.end(), kFar);
    if (lo == 0) current[0] = i;
    std::size_t row_best = lo == 0 ? current[0] : kFar;
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      const std::size_t substitute = previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0);
      const std::size_t remove = previous[j] + 1;
      const std::size_t insert = current[j - 1] + 1;
      current[j] = std::min({substitute, remove, insert, kFar});
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return kFar;
    std::swap(previous, current);
  }
  return std::min(previous[m], kFar);
}

double rounded(double x) {
  return std::round(x * 1000.0) / 1000.0;
}

// Which kept paragraphs contain each shingle, in flat arrays: a node map
// allocated a node and a vector per shingle of every paragraph.
class ShingleIndex {
 public:
  // Calls f(paragraph) for every paragraph indexed under `shingle`.
  template <typename F>
  void for_each(std::uint64_t shingle, F f) const {
    const Slot* slot = find(shingle);
    if (slot == nullptr) return;
    for (int p = slot->last; p >= 0; p = postings_[static_cast<std::size_t>(p)].previous)
      f(postings_[static_cast<std::size_t>(p)].paragraph);
  }
  std::size_t postings() const { return postings_.size(); }
  // Indexes `paragraph` under `shingle` unless `max_posting` paragraphs are already there.
  void add(std::uint64_t shingle, int paragraph, std::size_t max_posting) {
    if (max_posting == 0) return;
    if ((used_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = place(shingle);
    if (slot.size == 0) {
      ++used_;
      slot.shingle = shingle;
    } else if (static_cast<std::size_t>(slot.size) >= max_posting) {
      return;
    }
    postings_.push_back(Posting{paragraph, slot.last});
    slot.last = static_cast<int>(postings_.size() - 1);
    ++slot.size;
  }

 private:
  struct Slot {
    std::uint64_t shingle = 0;
    int last = -1;  // the newest posting
    int size = 0;   // 0: an empty slot
  };
  struct Posting {
    int paragraph;
    int previous;  // the posting before it of the same shingle, or -1
  };

  const Slot* find(std::uint64_t shingle) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = shingle & mask;; i = (i + 1) & mask) {
      if (slots_[i].size == 0) return nullptr;
      if (slots_[i].shingle == shingle) return &slots_[i];
    }
  }
  Slot& place(std::uint64_t shingle) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = shingle & mask;
    while (slots_[i].size != 0 && slots_[i].shingle != shingle) i = (i + 1) & mask;
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.size != 0) place(slot.shingle) = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<Posting> postings_;
  std::size_t used_ = 0;
};

// A kept paragraph's comparable_text(), as UTF-8: the text later paragraphs
// are compared with. Stored in UTF-8 (1 to 3 bytes a code point, not 4) and
// without its shingles (the index has them): on one line of 16 MB, the
// UTF-32 copies, a second copy as the map's key and the shingles were 16
// bytes a code point, the most memory of the whole program.
struct Comparable {
  std::string text;
};

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : text) utf8::append(out, cp);
  return out;
}

void from_utf8(std::string_view text, std::u32string& out) {
  out.clear();
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    out.push_back(utf8::decode_at(text, i, length, utf8::Invalid::kByte));
  }
}

// What a paragraph became: kept, or a repeat of a kept one.
struct Fate {
  int kept = -1;  // index of the paragraph it repeats, -1 when kept
  double similarity = 1.0;
  bool exact = false;
};

// comparable_text() for the common paragraph made only of ASCII, Hangul
// syllables, · and curly quotes: NFKC with case folding leaves all of these as
// they are except ASCII capitals, so utf8proc is not needed. False (and `out`
// unspecified) for any other character.
bool comparable_fast(std::string_view text, std::u32string& out) {
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      const char32_t c = b0 >= 'A' && b0 <= 'Z' ? char32_t(b0 + ('a' - 'A')) : char32_t(b0);
      if (!is_space(c) && !is_quote(c)) out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 < text.size() && b0 == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xB7) {
      out.push_back(U'\u00B7');  // ·
      i += 2;
      continue;
    }
    if (i + 2 >= text.size() || (b0 & 0xF0) != 0xE0) return false;
    const char32_t c = (char32_t(b0 & 0x0F) << 12) |
                       (char32_t(static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                       (static_cast<unsigned char>(text[i + 2]) & 0x3F);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      out.push_back(c);
    } else if (c != 0x2018 && c != 0x2019 && c != 0x201C && c != 0x201D) {
      return false;  // quotes are dropped; anything else goes through utf8proc
    }
    i += 3;
  }
  return true;
}

// Pass 1: what each paragraph repeats, if anything. Only kept paragraphs are
// indexed, so every repeat points at a first occurrence.
std::vector<Fate> find_repeats(const std::vector<Paragraph>& paragraphs,
                               const RolePatterns& patterns, const DedupOptions& options) {
  const std::size_t count = paragraphs.size();
  std::vector<Fate> fate(count);
  std::unordered_map<std::string_view, int> by_text;
  std::unordered_map<std::string_view, int> by_comparable;  // views of comparable[k].text
  std::u32string other_text;
  ShingleIndex by_shingle;
  std::vector<Comparable> comparable(count);
  std::vector<std::size_t> shared(count, 0);  // candidate → shingles in common
  std::vector<int> candidates;                // the paragraphs with shared > 0
  for (std::size_t i = 0; i < count; ++i) {
    check_budget();
    const Paragraph& p = paragraphs[i];
    if (const auto it = by_text.find(p.text); it != by_text.end()) {
      fate[i] = Fate{it->second, 1.0, true};
      continue;
    }
    struct {
      std::u32string text;
      std::vector<std::uint64_t> shingles;
    } c;
    c.text = comparable_text(p.text, patterns);
    std::string key = to_utf8(c.text);
    if (const auto it = by_comparable.find(key); it != by_comparable.end() && !c.text.empty()) {
      fate[i] = Fate{it->second, 1.0, false};
      continue;
    }
    // Near matching needs a paragraph of prose: not the title (a lede that
    // restates it is still a paragraph of its own), not a byline or notice
    // (`박수연 기자 …` and `한수현 기자 …` differ in a few characters and name
    // two people), not one token (two short links differ in a character and
    // are still two links).
    const bool prose =
        (p.role == Role::kBody || p.role == Role::kSubheading || p.role == Role::kCaption) &&
        p.text.find(' ') != std::string::npos;
    if (prose && c.text.size() >= options.min_near_length &&
        c.text.size() <= options.max_near_length) {
      c.shingles = shingles(c.text);
      for (int k : candidates) shared[static_cast<std::size_t>(k)] = 0;
      candidates.clear();
      for (std::uint64_t s : c.shingles) {
        by_shingle.for_each(s, [&](int k) {
          if (shared[static_cast<std::size_t>(k)]++ == 0) candidates.push_back(k);
        });
      }
      // The candidates with the most shingles in common, best first; ties
      // to the earlier paragraph (deterministic).
      std::vector<std::pair<std::size_t, int>> ranked;
      ranked.reserve(candidates.size());
      for (int k : candidates) ranked.emplace_back(shared[static_cast<std::size_t>(k)], k);
      const std::size_t keep = std::min(ranked.size(), options.max_candidates);
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                        ranked.end(), [](const auto& x, const auto& y) {
                          return x.first != y.first ? x.first > y.first : x.second < y.second;
                        });
      ranked.resize(keep);
      const auto my_numbers = numbers(c.text);
      double best = 0.0;
      int best_index = -1;
      for (const auto& [n, k] : ranked) {
        from_utf8(comparable[static_cast<std::size_t>(k)].text, other_text);
        if (numbers(other_text) != my_numbers) continue;
        const double s = similarity(c.text, other_text, options.near_threshold);
        if (s >= options.near_threshold && (s > best || (s == best && k < best_index))) {
          best = s;
          best_index = k;
        }
      }
      if (best_index >= 0) {
        fate[i] = Fate{best_index, rounded(best), false};
        continue;
      }
      if (by_shingle.postings() + c.shingles.size() <= options.max_postings) {
        for (std::uint64_t s : c.shingles)
          by_shingle.add(s, static_cast<int>(i), options.max_posting);
      }
    }
    by_text.emplace(p.text, static_cast<int>(i));
    comparable[i].text = std::move(key);
    if (!c.text.empty()) by_comparable.emplace(comparable[i].text, static_cast<int>(i));
  }
  return fate;
}

// Pass 2: a short structure line repeated on its own is kept in place (two
// graphics, two credits); inside a repeated block it collapses.
void keep_lone_structure_lines(const std::vector<Paragraph>& paragraphs,
                               const RolePatterns& patterns, std::vector<Fate>& fate) {
  const std::size_t count = paragraphs.size();
  const auto repeated = [&](std::size_t i) { return fate[i].kept >= 0; };
  for (std::size_t i = 0; i < count; ++i) {
    if (!repeated(i)) continue;
    if (!is_structure_line(paragraphs[i], patterns)) continue;
    const bool block = (i > 0 && repeated(i - 1)) || (i + 1 < count && repeated(i + 1));
    if (!block) fate[i] = Fate{};
  }
}

// Pass 3: where each kept paragraph goes, as the indices of the kept
// paragraphs in output order. Most stay in reading order; a run of new lines
// inside a repeated block goes into the first copy.
std::vector<int> reading_order(const std::vector<Paragraph>& paragraphs,
                               const std::vector<Fate>& fate) {
  const std::size_t count = paragraphs.size();
  const auto repeated = [&](std::size_t i) { return fate[i].kept >= 0; };
  // How many kept paragraphs precede each paragraph: the distance between
  // two first occurrences as a reader of the first copy sees it.
  std::vector<std::size_t> kept_rank(count + 1, 0);
  for (std::size_t i = 0; i < count; ++i) kept_rank[i + 1] = kept_rank[i] + (repeated(i) ? 0 : 1);
  const auto close = [&](int from, int to) {
    return from < to &&
           kept_rank[static_cast<std::size_t>(to)] - kept_rank[static_cast<std::size_t>(from)] <=
               kMaxAnchorGap;
  };

  // Whether most of the paragraphs in [from, to) (clipped to the article) are
  // repeats: the mark of a copy, not of a text that quotes itself.
  struct Share {
    std::ptrdiff_t repeats = 0, paragraphs = 0;
    bool mostly() const { return 2 * repeats > paragraphs; }
    Share operator+(const Share& other) const {
      return {repeats + other.repeats, paragraphs + other.paragraphs};
    }
  };
  const auto repeat_share = [&](std::ptrdiff_t from, std::ptrdiff_t to) {
    from = std::max<std::ptrdiff_t>(from, 0);
    to = std::min<std::ptrdiff_t>(to, static_cast<std::ptrdiff_t>(count));
    Share share;
    for (std::ptrdiff_t r = from; r < to; ++r) {
      share.repeats += repeated(static_cast<std::size_t>(r));
      ++share.paragraphs;
    }
    return share;
  };
  constexpr auto window = static_cast<std::ptrdiff_t>(kCopyWindow);

  std::vector<std::vector<int>> before(count);
  std::vector<std::vector<int>> after(count);
  std::vector<int> roots;
  for (std::size_t i = 0; i < count;) {
    if (repeated(i)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < count && !repeated(end)) ++end;  // the run [i, end) of kept lines
    // The subheadings that close the run head what follows it.
    std::size_t headings = end;
    while (headings > i && paragraphs[headings - 1].role == Role::kSubheading) --headings;
    const bool prev_repeated = i >= 1 && repeated(i - 1);
    const int j = prev_repeated ? fate[i - 1].kept : -1;
    // The repeat after the run must copy a paragraph before the lines placed
    // by it: `A B A' C D C'` is not a block around C D.
    const int k = end < count && fate[end].kept < static_cast<int>(headings) ? fate[end].kept : -1;
    // Inside a block: the repeats on both sides copy neighbouring paragraphs
    // that both come before the run.
    const auto first = static_cast<std::ptrdiff_t>(i), last = static_cast<std::ptrdiff_t>(end);
    const Share share_before = repeat_share(first - window, first);
    const Share share_after = repeat_share(last, last + window);
    const bool between = prev_repeated && k >= 0 && k < static_cast<int>(i) && close(j, k) &&
                         (share_before + share_after).mostly();
    // A block continues before the run (`… B' C' | run`) or after it (`run | A' B' …`).
    const bool block_before = prev_repeated && i >= 2 && repeated(i - 2) &&
                              close(fate[i - 2].kept, j) && share_before.mostly();
    const bool block_after = k >= 0 && end + 1 < count && repeated(end + 1) &&
                             close(k, fate[end + 1].kept) && share_after.mostly();
    const bool place_headings = headings < end && (between || block_after);
    const std::size_t body_end = place_headings ? headings : end;
    for (std::size_t r = i; r < body_end; ++r) {
      if (between || block_before) {
        after[static_cast<std::size_t>(j)].push_back(static_cast<int>(r));  // after what it follows
      } else {
        roots.push_back(static_cast<int>(r));  // where it stands
      }
    }
    for (std::size_t r = body_end; r < end; ++r) {
      before[static_cast<std::size_t>(k)].push_back(static_cast<int>(r));  // before what it heads
    }
    i = end;
  }

  // Emit in order: for each root, what goes before it, itself, what goes
  // after it (recursively: an inserted line may anchor others).
  std::vector<int> order;
  order.reserve(count);
  struct Frame {
    int index;
    bool expanded;
  };
  std::vector<Frame> stack;
  for (auto root = roots.rbegin(); root != roots.rend(); ++root) stack.push_back({*root, false});
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    if (frame.expanded) {
      order.push_back(frame.index);
      continue;
    }
    const auto u = static_cast<std::size_t>(frame.index);
    for (auto it = after[u].rbegin(); it != after[u].rend(); ++it) stack.push_back({*it, false});
    stack.push_back({frame.index, true});
    for (auto it = before[u].rbegin(); it != before[u].rend(); ++it) stack.push_back({*it, false});
  }
  return order;
}

}  // namespace

std::u32string comparable_text(std::string_view text, const RolePatterns& patterns) {
  // Cut trailing credits, even two (`…전경./삼성디스플레이 제공 /홍길동 기자`),
  // and the closing quotes after one (`"…사망률은 달라지지 않았다. (출처: Ahn 2014)"`).
  // A paragraph that is only a credit stays whole: there is nothing else to compare.
  for (int cuts = 0; cuts < 3; ++cuts) {
    std::string_view trimmed = text;
    while (!trimmed.empty()) {
      const char last = trimmed.back();
      if (last == ' ' || last == '"' || last == '\'') {
        trimmed.remove_suffix(1);
      } else if (trimmed.size() >= 3 &&
                 (trimmed.ends_with("\u201D") || trimmed.ends_with("\u2019"))) {
        trimmed.remove_suffix(3);
      } else {
        break;
      }
    }
    const std::size_t credit = patterns.credit_start(trimmed);
    if (credit == 0 || credit == trimmed.size()) break;
    text = trimmed.substr(0, credit);
  }
  if (std::u32string fast; comparable_fast(text, fast)) return fast;
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                      UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  std::u32string out;
  if (n < 0) return out;  // invalid UTF-8 cannot reach here: decode() repaired it
  out.reserve(static_cast<std::size_t>(n));
  utf8proc_ssize_t i = 0;
  while (i < n) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(mapped + i, n - i, &c);
    if (step <= 0) break;
    i += step;
    const auto cp = static_cast<char32_t>(c);
    if (!is_space(cp) && !is_quote(cp)) out.push_back(cp);
  }
  std::free(mapped);
  return out;
}

bool is_structure_line(const Paragraph& paragraph, const RolePatterns& patterns) {
  const Role role = paragraph.role;
  if (role != Role::kCaption && role != Role::kBoilerplate && role != Role::kByline) return false;
  // Only a credit (`/연합뉴스`, `《사진=연합뉴스》`), or a few code points.
  return patterns.credit_start(paragraph.text) == 0 ||
         comparable_text(paragraph.text, RolePatterns{}).size() <= kMaxStructureLine;
}

double similarity(std::u32string_view a, std::u32string_view b, double floor) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 1.0;
  const auto limit =
      static_cast<std::size_t>(std::floor((1.0 - floor) * static_cast<double>(longer)));
  const std::size_t distance = bounded_edit_distance(a, b, limit);
  if (distance > limit) return 0.0;
  return 1.0 - static_cast<double>(distance) / static_cast<double>(longer);
}

Collapsed collapse_repeats(std::vector<Paragraph> paragraphs) {
  return collapse_repeats(std::move(paragraphs), RolePatterns{});
}

Collapsed collapse_repeats(std::vector<Paragraph> paragraphs, const RolePatterns& patterns,
                           const DedupOptions& options) {
  const std::size_t count = paragraphs.size();
  std::vector<Fate> fate = find_repeats(paragraphs, patterns, options);
  keep_lone_structure_lines(paragraphs, patterns, fate);
  const std::vector<int> order = reading_order(paragraphs, fate);
  const auto repeated = [&](std::size_t i) { return fate[i].kept >= 0; };

  Collapsed out;
  out.stats.paragraphs_in = static_cast<int>(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!repeated(i)) continue;
    const Paragraph& p = paragraphs[i];
    paragraphs[static_cast<std::size_t>(fate[i].kept)].duplicates.push_back(
        Duplicate{p.first_line, p.last_line, fate[i].similarity});
    ++(fate[i].exact ? out.stats.exact : out.stats.near);
  }
  out.paragraphs.reserve(order.size());
  for (int index : order)
    out.paragraphs.push_back(std::move(paragraphs[static_cast<std::size_t>(index)]));
  out.stats.paragraphs_out = static_cast<int>(out.paragraphs.size());
  return out;
}

}  // namespace news
