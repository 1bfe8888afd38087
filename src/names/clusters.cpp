#include "names/clusters.h"
#include "base/text.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

namespace news {
namespace {


struct Cluster {
  NameType type;
  std::string key;
  std::string kind;
  std::vector<std::size_t> members;  // indices into the mentions
};

std::string surface_of(const NameCandidate& m, const std::vector<Paragraph>& paragraphs) {
  return paragraphs[static_cast<std::size_t>(m.paragraph)].text.substr(m.start, m.end - m.start);
}

// The space-separated words of a cluster key, as views: how many, the first
// and the last (all that step 2 asks, for every one-word person against
// every cluster, so no vector of strings is built each time).
struct KeyWords {
  std::size_t count = 0;
  std::string_view first, last;
};

KeyWords key_words(std::string_view s) {
  KeyWords words;
  std::size_t begin = 0;
  while (begin <= s.size()) {
    std::size_t space = s.find(' ', begin);
    if (space == std::string_view::npos) space = s.size();
    if (space > begin) {
      const std::string_view word = s.substr(begin, space - begin);
      if (words.count++ == 0) words.first = word;
      words.last = word;
    }
    begin = space + 1;
  }
  return words;
}

// A place chain's words as the article means them: a city or province
// written with its unit before a smaller place (대구시 동구, 서울특별시 강남구,
// 경기도 수원시) is the same city as without it.
std::vector<std::string_view> place_words(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t begin = 0;
  while (begin <= key.size()) {
    std::size_t space = key.find(' ', begin);
    if (space == std::string_view::npos) space = key.size();
    if (space > begin) words.push_back(key.substr(begin, space - begin));
    begin = space + 1;
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    for (const std::string_view unit : {"특별시", "광역시", "시", "도"}) {
      std::string_view& w = words[i];
      if (w.ends_with(unit) && count_code_points(w) >= count_code_points(unit) + 2) {
        w.remove_suffix(unit.size());
        break;
      }
    }
  }
  return words;
}

void join_places(std::vector<Cluster>& clusters) {
  std::vector<std::size_t> places;
  std::vector<std::vector<std::string_view>> words;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    if (clusters[k].type != NameType::kLocation) continue;
    places.push_back(k);
    words.push_back(place_words(clusters[k].key));
  }
  // Each place joins the longest chain it belongs to (the first such on a
  // tie), and that chain whatever it joins in turn: the result does not
  // depend on the order of the clusters.
  std::vector<std::size_t> into(places.size(), SIZE_MAX);
  for (std::size_t a = 0; a < places.size(); ++a) {
    const std::vector<std::string_view>& wa = words[a];
    for (std::size_t b = 0; b < places.size(); ++b) {
      const std::vector<std::string_view>& wb = words[b];
      if (b == a || wb.size() < wa.size()) continue;
      if (wb.size() == wa.size() && (wb != wa || b > a)) continue;  // equal: the first keeps them
      const bool part = wa.size() == 1
                            ? wb.size() >= 2 && wb.back() == wa.front()
                            : std::equal(wa.begin(), wa.end(), wb.begin());
      if (part && (into[a] == SIZE_MAX || wb.size() > words[into[a]].size())) into[a] = b;
    }
  }
  for (std::size_t a = 0; a < places.size(); ++a) {
    std::size_t end = a;
    // Each step goes to a longer chain or an equal one listed earlier: it ends.
    while (into[end] != SIZE_MAX) end = into[end];
    if (end == a) continue;
    std::vector<std::size_t>& from = clusters[places[a]].members;
    std::vector<std::size_t>& to = clusters[places[end]].members;
    to.insert(to.end(), from.begin(), from.end());
    from.clear();
  }
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The token index range of each mention, per paragraph, to find what stands
// beside a person.
struct Neighbourhood {
  const std::vector<NameCandidate>& mentions;
  const std::vector<Paragraph>& paragraphs;
  const std::vector<std::vector<Token>>& tokens;
  const NameLexicons& lex;

  std::string_view stem(int p, std::size_t i) const {
    const Token& t = tokens[static_cast<std::size_t>(p)][i];
    return std::string_view(paragraphs[static_cast<std::size_t>(p)].text)
        .substr(t.start, t.stem_end - t.start);
  }
  bool word(int p, std::size_t i) const {
    const auto& ts = tokens[static_cast<std::size_t>(p)];
    return i < ts.size() && ts[i].kind != TokenKind::kPunctuation &&
           ts[i].kind != TokenKind::kSymbol;
  }
  bool particle(int p, std::size_t i) const {
    return tokens[static_cast<std::size_t>(p)][i].has_particle();
  }
  // The organization mention covering exactly token i, or nullptr.
  const NameCandidate* organization_at(
      int p, std::size_t i,
      const std::map<std::pair<int, std::size_t>, std::size_t>& by_token) const {
    const auto it = by_token.find({p, i});
    if (it == by_token.end()) return nullptr;
    const NameCandidate& m = mentions[it->second];
    return m.type == NameType::kOrganization ? &m : nullptr;
  }
  // A role title at token i (not an honorific like 씨).
  bool role_at(int p, std::size_t i) const {
    if (!word(p, i)) return false;
    const TitleInfo* t = lex.title(stem(p, i));
    return t != nullptr && t->title_class == TitleClass::kRole;
  }
  // The token where what is written after a person's name (token `last`)
  // starts: past an age or career in parentheses (장민수(47·사법연수원 30기)
  // 서울중앙지법 부장판사) and past the other people of a shared byline or list
  // (이가람·정나래 기자: the title is both reporters'). Returns last + 1
  // when there is neither; the caller checks the bounds.
  std::size_t after_name(int p, std::size_t last,
                         const std::map<std::pair<int, std::size_t>, std::size_t>& by_token) const {
    const auto& ts = tokens[static_cast<std::size_t>(p)];
    const std::string& text = paragraphs[static_cast<std::size_t>(p)].text;
    const auto is = [&](std::size_t i, std::string_view mark) {
      return i < ts.size() && text.compare(ts[i].start, ts[i].end - ts[i].start, mark) == 0;
    };
    // Bounded: a byline lists a handful of names, a parenthesis a few words.
    for (int step = 0; step < 8; ++step) {
      if (ts[last].has_particle()) return last + 1;
      const std::size_t next = last + 1;
      if (is(next, "(") && ts[next].start == ts[last].end) {
        std::size_t close = next + 1;
        while (close < ts.size() && close < next + 12 && !is(close, ")") && !is(close, "("))
          ++close;
        if (!is(close, ")")) return next;
        last = close;
        continue;
      }
      if ((is(next, "\xC2\xB7") || is(next, ",")) && next + 1 < ts.size()) {
        const auto it = by_token.find({p, next + 1});
        if (it == by_token.end()) return next;
        const NameCandidate& other = mentions[it->second];
        if (other.type != NameType::kPerson || other.end != ts[next + 1].stem_end) return next;
        last = next + 1;
        continue;
      }
      return next;
    }
    return last + 1;
  }
  // The acronym in parentheses right after token i: 최고기술책임자(CTO).
  std::string paired_title(int p, std::size_t i) const {
    const auto& ts = tokens[static_cast<std::size_t>(p)];
    const std::string& text = paragraphs[static_cast<std::size_t>(p)].text;
    if (i + 2 >= ts.size() || ts[i].has_particle()) return {};
    if (text.compare(ts[i + 1].start, ts[i + 1].end - ts[i + 1].start, "(") != 0) return {};
    if (!role_at(p, i + 2)) return {};
    return std::string(stem(p, i + 2));
  }
};

// The stock listing of an organization by any name the article gives it,
// the fullest first; a legal form before the name is not part of the listed
// name (주식회사 한빛전자 → 한빛전자).
std::optional<StockListing> listing_of(const NamedEntity& entity, const NameLexicons& lexicons) {
  std::vector<std::string_view> names{entity.name};
  names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
  for (std::string_view name : names) {
    if (const StockListing* listed = lexicons.listing(name)) return *listed;
    const std::size_t space = name.find(' ');
    if (space == std::string_view::npos) continue;
    const Cue* form = lexicons.cue(name.substr(0, space));
    if (form == nullptr || !form->legal_form) continue;
    if (const StockListing* listed = lexicons.listing(name.substr(space + 1))) return *listed;
  }
  return std::nullopt;
}

}  // namespace

void cluster_names(const std::vector<NameCandidate>& mentions,
                   const std::vector<Paragraph>& paragraphs,
                   const std::vector<std::vector<Token>>& tokens, const NameLexicons& lexicons,
                   Entities& entities) {
  // 1. Whole-name clusters, keyed by type and full form.
  std::vector<Cluster> clusters;
  std::map<std::pair<NameType, std::string>, std::size_t> by_key;
  std::vector<std::size_t> cluster_of(mentions.size(), SIZE_MAX);
  std::vector<std::size_t> single_people;  // one-word person mentions, decided later
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const NameCandidate& c = mentions[m];
    const std::string surface = surface_of(c, paragraphs);
    if (c.type == NameType::kPerson && c.first_token == c.last_token && c.canonical.empty()) {
      single_people.push_back(m);
      continue;
    }
    const std::string key = c.canonical.empty() ? surface : c.canonical;
    auto [it, inserted] = by_key.emplace(std::make_pair(c.type, key), clusters.size());
    if (inserted) clusters.push_back(Cluster{c.type, key, c.kind, {}});
    Cluster& cluster = clusters[it->second];
    if (cluster.kind.empty()) cluster.kind = c.kind;
    cluster.members.push_back(m);
    cluster_of[m] = it->second;
  }

  // 2. One-word people join a full name that has the word as its last or
  //    first word; the most salient such name wins.
  for (std::size_t m : single_people) {
    const std::string surface = surface_of(mentions[m], paragraphs);
    std::size_t best = SIZE_MAX;
    for (std::size_t k = 0; k < clusters.size(); ++k) {
      if (clusters[k].type != NameType::kPerson) continue;
      const KeyWords words = key_words(clusters[k].key);
      bool matches = words.count >= 2 && (words.last == surface || words.first == surface);
      // 김 의원, 김씨 → 김철수 (a Korean name that starts with the surname).
      if (!matches && words.count == 1 && count_code_points(surface) == 1 &&
          count_code_points(words.first) >= 2 &&
          words.first.compare(0, surface.size(), surface) == 0) {
        matches = true;
      }
      // Korean: 김철수 and a later 김 대표? Only the full name is reliable;
      // a 3-syllable name never contains another name as a word.
      if (!matches) continue;
      if (best == SIZE_MAX || clusters[k].members.size() > clusters[best].members.size()) best = k;
    }
    if (best == SIZE_MAX) {
      auto [it, inserted] =
          by_key.emplace(std::make_pair(NameType::kPerson, surface), clusters.size());
      if (inserted) clusters.push_back(Cluster{NameType::kPerson, surface, {}, {}});
      best = it->second;
    }
    clusters[best].members.push_back(m);
    cluster_of[m] = best;
  }

  // 2b. One place written several ways is one place: 대구 동구, 대구시 동구,
  //     대구시 동구 방촌동 and a later 동구 are the one district the article
  //     is about. Chains join when one's words (a city's 시 or 광역시 left
  //     off: 대구시 → 대구) start the other's; a single word joins a chain
  //     that ends with it (동구 → 대구 동구, not 대구 → 대구 동구).
  join_places(clusters);

  // 3. Records: name = the fullest surface (most code points, then most
  //    frequent, then first), the others aliases; mentions in text order.
  std::map<std::pair<int, std::size_t>, std::size_t> by_token;  // (paragraph, token) → mention
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].first_token == mentions[m].last_token)
      by_token[{mentions[m].paragraph, mentions[m].first_token}] = m;
  }
  const Neighbourhood around{mentions, paragraphs, tokens, lexicons};

  std::vector<std::pair<std::pair<int, std::size_t>, std::size_t>>
      order;  // first mention → cluster
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    if (clusters[k].members.empty()) continue;  // joined another place
    std::sort(clusters[k].members.begin(), clusters[k].members.end());
    const NameCandidate& first = mentions[clusters[k].members.front()];
    order.push_back({{first.paragraph, first.start}, k});
  }
  std::sort(order.begin(), order.end());

  for (const auto& [position, k] : order) {
    const Cluster& cluster = clusters[k];
    NamedEntity entity;
    entity.kind = cluster.type == NameType::kPerson ? std::string() : cluster.kind;
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> surfaces;  // first-seen order
    for (std::size_t m : cluster.members) {
      const NameCandidate& c = mentions[m];
      const std::string surface = surface_of(c, paragraphs);
      if (counts[surface]++ == 0) surfaces.push_back(surface);
      entity.mentions.push_back(Mention{c.paragraph, c.start, c.end, surface});
    }
    {
      // The fullest form written in the article: a lexicon's canonical form
      // (마이크로소프트 for MS) names it only when the article writes it too,
      // so an English article keeps "Reuters", not 로이터.
      entity.name = surfaces.front();
      for (const std::string& s : surfaces) {
        const std::size_t a = count_code_points(s), b = count_code_points(entity.name);
        if (a > b || (a == b && counts[s] > counts[entity.name])) entity.name = s;
      }
    }
    for (const std::string& s : surfaces) {
      if (s != entity.name) entity.aliases.push_back(s);
    }
    if (cluster.type == NameType::kOrganization) entity.listing = listing_of(entity, lexicons);

    if (cluster.type == NameType::kPerson) {
      // Roles and organizations written beside the person.
      for (std::size_t m : cluster.members) {
        const NameCandidate& c = mentions[m];
        const int p = c.paragraph;
        const auto& ts = tokens[static_cast<std::size_t>(p)];
        const bool whole_last = c.end == ts[c.last_token].stem_end;
        std::size_t after = around.after_name(p, c.last_token, by_token);
        const NameCandidate* org_after = nullptr;
        if (whole_last && !ts[c.last_token].has_particle() && after < ts.size()) {
          // 류석춘 전 연세대 교수: former (전) or current (현) before the post;
          // a former post is reported so (전 교수).
          std::string tense;
          if (around.word(p, after) && !around.particle(p, after) &&
              (around.stem(p, after) == "전" || around.stem(p, after) == "현")) {
            if (around.stem(p, after) == "전") tense = "전 ";
            ++after;
          }
          if ((org_after = around.organization_at(p, after, by_token)) != nullptr &&
              !around.particle(p, org_after->last_token))
            after = org_after->last_token + 1;
          // 배상윤 석포제련소장: the post written on to the workplace.
          if (around.word(p, after) && !around.role_at(p, after)) {
            if (const std::string_view attached =
                    around.lex.attached_role_title(around.stem(p, after));
                !attached.empty()) {
              add_unique(entity.roles, tense + std::string(attached));
            }
          }
          if (around.role_at(p, after)) {
            const std::string role = tense + std::string(around.stem(p, after));
            add_unique(entity.roles, role);
            const std::string pair = around.paired_title(p, after);
            if (!pair.empty()) add_unique(entity.roles, pair);
            if (org_after != nullptr) {
              add_unique(entity.organizations, org_after->canonical.empty()
                                                   ? surface_of(*org_after, paragraphs)
                                                   : org_after->canonical);
            }
          }
        }
        if (c.first_token >= 1) {
          std::size_t before = c.first_token - 1;
          if (around.role_at(p, before) && !around.particle(p, before)) {
            add_unique(entity.roles, std::string(around.stem(p, before)));
            if (before >= 1) {
              if (const NameCandidate* org = around.organization_at(p, before - 1, by_token);
                  org != nullptr && !around.particle(p, before - 1)) {
                add_unique(entity.organizations,
                           org->canonical.empty() ? surface_of(*org, paragraphs) : org->canonical);
              }
            }
          } else if (const NameCandidate* org = around.organization_at(p, before, by_token);
                     org != nullptr && !around.particle(p, before) &&
                     around.role_at(p, c.last_token + 1)) {
            // 오픈AI 미라 무라티 CTO
            add_unique(entity.organizations,
                       org->canonical.empty() ? surface_of(*org, paragraphs) : org->canonical);
          }
        }
      }
      entities.people.push_back(std::move(entity));
    } else if (cluster.type == NameType::kOrganization) {
      entities.organizations.push_back(std::move(entity));
    } else {
      entities.locations.push_back(std::move(entity));
    }
  }
}

}  // namespace news
