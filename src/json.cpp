#include "news/json.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>

namespace news {
namespace {

using Json = nlohmann::ordered_json;

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// An exact decimal kept as text ("16850000000000", "11.5") as a JSON number:
// an integer when it is one and fits, otherwise the nearest double.
Json decimal(const std::string& text) {
  if (text.find_first_of(".eE") == std::string::npos) {
    std::int64_t i = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
    if (ec == std::errc() && end == text.data() + text.size()) return Json(i);
    std::uint64_t u = 0;
    auto [end_u, ec_u] = std::from_chars(text.data(), text.data() + text.size(), u);
    if (ec_u == std::errc() && end_u == text.data() + text.size()) return Json(u);
  }
  return Json(std::strtod(text.c_str(), nullptr));
}

Json lines(int first, int last) { return Json::array({first, last}); }

// Appends the location of a mention in code points.
void locate(Json& out, const Mention& where, const std::vector<Paragraph>& paragraphs,
            bool with_paragraph) {
  const std::string& text = paragraphs.at(static_cast<std::size_t>(where.paragraph)).text;
  if (with_paragraph) out["paragraph"] = where.paragraph;
  const std::size_t start = code_points(text, where.start);
  out["start"] = start;
  out["end"] = start + code_points(std::string_view(text).substr(where.start), where.end - where.start);
}

Json value_head(const Mention& where) {
  Json out;
  out["text"] = where.text;
  return out;
}

Json named(const NamedEntity& entity, const std::vector<Paragraph>& paragraphs, bool person,
           bool organization) {
  Json out;
  out["name"] = entity.name;
  out["aliases"] = entity.aliases;
  if (person) {
    out["roles"] = entity.roles;
    out["organizations"] = entity.organizations;
  }
  if (organization && !entity.kind.empty()) out["kind"] = entity.kind;
  Json mentions = Json::array();
  for (const Mention& mention : entity.mentions) {
    Json m;
    locate(m, mention, paragraphs, true);
    m["text"] = mention.text;
    mentions.push_back(std::move(m));
  }
  out["mentions"] = std::move(mentions);
  return out;
}

Json entities_json(const Entities& e, const std::vector<Paragraph>& paragraphs) {
  Json out;
  const auto cluster_list = [&](const std::vector<NamedEntity>& list, bool person, bool organization) {
    Json array = Json::array();
    for (const NamedEntity& entity : list) array.push_back(named(entity, paragraphs, person, organization));
    return array;
  };
  out["people"] = cluster_list(e.people, true, false);
  out["organizations"] = cluster_list(e.organizations, false, true);
  out["locations"] = cluster_list(e.locations, false, false);

  Json dates = Json::array();
  for (const DateEntity& d : e.dates) {
    Json j = value_head(d.where);
    j["value"] = optional_string(d.value);
    j["grain"] = d.grain;
    if (d.unresolved) j["unresolved"] = *d.unresolved;
    if (d.local_time) j["local_time"] = true;
    if (d.until) j["until"] = *d.until;  // end of a span (내일 저녁, 지난 주말), exclusive
    locate(j, d.where, paragraphs, true);
    dates.push_back(std::move(j));
  }
  out["dates"] = std::move(dates);

  Json money = Json::array();
  for (const MoneyEntity& m : e.money) {
    Json j = value_head(m.where);
    j["amount"] = decimal(m.amount);
    j["currency"] = m.currency;
    j["approximate"] = m.approximate;
    if (m.converted_from) j["converted_from"] = *m.converted_from;
    locate(j, m.where, paragraphs, true);
    money.push_back(std::move(j));
  }
  out["money"] = std::move(money);

  Json percentages = Json::array();
  for (const PercentageEntity& p : e.percentages) {
    Json j = value_head(p.where);
    j["value"] = decimal(p.value);
    if (p.points) j["points"] = true;
    if (p.approximate) j["approximate"] = true;
    locate(j, p.where, paragraphs, true);
    percentages.push_back(std::move(j));
  }
  out["percentages"] = std::move(percentages);

  Json durations = Json::array();
  for (const DurationEntity& d : e.durations) {
    Json j = value_head(d.where);
    j["value"] = d.value;
    locate(j, d.where, paragraphs, true);
    durations.push_back(std::move(j));
  }
  out["durations"] = std::move(durations);

  Json quantities = Json::array();
  for (const QuantityEntity& q : e.quantities) {
    Json j = value_head(q.where);
    j["value"] = decimal(q.value);
    j["unit"] = q.unit;
    if (q.approximate) j["approximate"] = true;
    locate(j, q.where, paragraphs, true);
    quantities.push_back(std::move(j));
  }
  out["quantities"] = std::move(quantities);
  return out;
}

Json source_json(const Source& source) {
  Json out;
  out["path"] = optional_string(source.path);
  out["id"] = optional_string(source.id);
  out["bytes"] = source.bytes;
  if (!source.encoding.empty()) out["encoding"] = source.encoding;
  if (!source.sha256.empty()) out["sha256"] = source.sha256;
  return out;
}

}  // namespace

std::size_t code_points(std::string_view text, std::size_t byte_offset) {
  std::size_t n = 0;
  const std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
  for (std::size_t i = 0; i < end; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

nlohmann::ordered_json to_json(const Document& document, const JsonOptions& options) {
  Json out;
  out["schema_version"] = kSchemaVersion;
  out["source"] = source_json(document.source);
  if (document.error) {
    out["error"] = {{"code", document.error->code}, {"message", document.error->message}};
    if (!document.warnings.empty()) out["warnings"] = document.warnings;
    return out;
  }
  out["language"] = optional_string(document.language);

  Json metadata = Json::object();
  const Metadata& meta = document.metadata;
  const auto put = [&](const char* name, const std::optional<std::string>& value) {
    if (value) metadata[name] = *value;
  };
  put("title", meta.title);
  put("subtitle", meta.subtitle);
  put("author", meta.author);
  put("section", meta.section);
  put("published", meta.published);
  put("updated", meta.updated);
  out["metadata"] = std::move(metadata);

  Json paragraphs = Json::array();
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    const Paragraph& p = document.paragraphs[i];
    Json j;
    j["id"] = i;
    j["role"] = to_string(p.role);
    j["text"] = p.text;
    j["lines"] = lines(p.first_line, p.last_line);
    if (!p.duplicates.empty()) {
      Json duplicates = Json::array();
      for (const Duplicate& d : p.duplicates) {
        duplicates.push_back({{"lines", lines(d.first_line, d.last_line)}, {"similarity", d.similarity}});
      }
      j["duplicates"] = std::move(duplicates);
    }
    if (options.tokens) {
      Json tokens = Json::array();
      for (const Token& t : p.tokens) {
        Json token;
        const std::string_view view(p.text);
        token["text"] = std::string(view.substr(t.start, t.end - t.start));
        const std::size_t start = code_points(view, t.start);
        token["start"] = start;
        token["end"] = start + code_points(view.substr(t.start), t.end - t.start);
        token["kind"] = to_string(t.kind);
        if (t.has_particle()) {
          token["stem"] = std::string(view.substr(t.start, t.stem_end - t.start));
          token["particle"] = std::string(view.substr(t.stem_end, t.end - t.stem_end));
        }
        tokens.push_back(std::move(token));
      }
      j["tokens"] = std::move(tokens);
      Json sentences = Json::array();
      const std::string_view text(p.text);
      for (const Sentence& s : p.sentences) {
        const std::size_t start = code_points(text, s.start);
        sentences.push_back(
            Json::array({start, start + code_points(text.substr(s.start), s.end - s.start)}));
      }
      j["sentences"] = std::move(sentences);
    }
    paragraphs.push_back(std::move(j));
  }
  out["paragraphs"] = std::move(paragraphs);

  const DedupStats& d = document.dedup;
  out["dedup"] = {{"paragraphs_in", d.paragraphs_in},
                  {"paragraphs_out", d.paragraphs_out},
                  {"exact", d.exact},
                  {"near", d.near}};
  if (document.entities) out["entities"] = entities_json(*document.entities, document.paragraphs);
  out["warnings"] = document.warnings;
  return out;
}

}  // namespace news
