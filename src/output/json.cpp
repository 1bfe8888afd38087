#include "news/json.h"

#include "base/text.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "text/decode.h"

namespace news {
namespace {

using Json = nlohmann::ordered_json;

// The one writer of a record: members in the contract's order, written
// straight into a string (building an ordered_json tree and serializing it
// cost a fifth of the whole pipeline; this costs a few percent). Its bytes are
// what nlohmann's compact dump() of the same record would be, so to_json()
// below is a parse of them.

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  // Hands `out` to `spill` whenever it holds kSpillBytes: a record of a huge
  // article is written in pieces, never held whole.
  JsonWriter(std::string& out, const JsonSink& spill) : out_(out), spill_(&spill) {}

  static constexpr std::size_t kSpillBytes = std::size_t{1} << 20;

  void open_object() { value_start(), out_ += '{', first_ = true; }
  void close_object() { out_ += '}', first_ = false; }
  void open_array() { value_start(), out_ += '[', first_ = true; }
  void close_array() { out_ += ']', first_ = false; }
  // The key of the next member.
  void key(std::string_view name) {
    if (!first_) out_ += ',';
    out_ += '"';
    out_ += name;  // our keys need no escaping
    out_ += "\":";
    after_key_ = true;
  }

  void string(std::string_view text) {
    value_start();
    escape(text);
  }
  void string_or_null(const std::optional<std::string>& text) {
    if (text)
      string(*text);
    else
      null();
  }
  void null() { value_start(), out_ += "null"; }
  void boolean(bool value) { value_start(), out_ += value ? "true" : "false"; }
  template <typename Integer>
  void integer(Integer value) {
    value_start();
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, end);
  }
  // Doubles as nlohmann prints them (shortest round-trip form, "1.0"); rare.
  void number(double value) { value_start(), out_ += Json(value).dump(); }
  // An exact decimal kept as text ("16850000000000", "11.5") as a JSON
  // number: an integer when it is one and fits, otherwise the nearest double.
  void decimal(const std::string& text) {
    if (text.find_first_of(".eE") == std::string::npos) {
      std::int64_t i = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), i);
      if (ec == std::errc() && end == text.data() + text.size()) return integer(i);
      std::uint64_t u = 0;
      auto [end_u, ec_u] = std::from_chars(text.data(), text.data() + text.size(), u);
      if (ec_u == std::errc() && end_u == text.data() + text.size()) return integer(u);
    }
    number(std::strtod(text.c_str(), nullptr));
  }
  void strings(const std::vector<std::string>& list) {
    open_array();
    for (const std::string& s : list) string(s);
    close_array();
  }

 private:
  // A comma before every value but the first of an array; none after a key.
  void value_start() {
    if (spill_ != nullptr && out_.size() >= kSpillBytes) {
      (*spill_)(out_);
      out_.clear();
    }
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }

  // nlohmann's escaping with ensure_ascii off: \" \\ \b \f \n \r \t, other
  // control characters as \u00xx, everything else as it is. Invalid UTF-8
  // (a file name, say) is rare: nlohmann's own replacement rules decide it.
  void escape(std::string_view text) {
    if (!is_valid_utf8(text)) {
      out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
  }

  std::string& out_;
  const JsonSink* spill_ = nullptr;
  bool first_ = true;
  bool after_key_ = false;
};

void write_location(JsonWriter& w, const Mention& where, const std::vector<CodePointIndex>& index) {
  const CodePointIndex& offsets = index.at(static_cast<std::size_t>(where.paragraph));
  w.key("paragraph"), w.integer(where.paragraph);
  w.key("start"), w.integer(offsets(where.start));
  w.key("end"), w.integer(offsets(where.end));
}

void write_named(JsonWriter& w, const std::vector<NamedEntity>& list,
                 const std::vector<CodePointIndex>& index, bool person, bool organization) {
  w.open_array();
  for (const NamedEntity& entity : list) {
    w.open_object();
    w.key("name"), w.string(entity.name);
    w.key("aliases"), w.strings(entity.aliases);
    if (person) {
      w.key("roles"), w.strings(entity.roles);
      w.key("organizations"), w.strings(entity.organizations);
    }
    if (organization && !entity.kind.empty()) w.key("kind"), w.string(entity.kind);
    if (organization && entity.listing) {
      w.key("listing"), w.open_object();
      w.key("code"), w.string(entity.listing->code);
      w.key("market"), w.string(entity.listing->market);
      w.close_object();
    }
    w.key("mentions"), w.open_array();
    for (const Mention& mention : entity.mentions) {
      w.open_object();
      write_location(w, mention, index);
      w.key("text"), w.string(mention.text);
      w.close_object();
    }
    w.close_array();
    w.close_object();
  }
  w.close_array();
}

void write_entities(JsonWriter& w, const Entities& e, const std::vector<CodePointIndex>& index) {
  w.open_object();
  w.key("people"), write_named(w, e.people, index, true, false);
  w.key("organizations"), write_named(w, e.organizations, index, false, true);
  w.key("locations"), write_named(w, e.locations, index, false, false);

  w.key("dates"), w.open_array();
  for (const DateEntity& d : e.dates) {
    w.open_object();
    w.key("text"), w.string(d.where.text);
    w.key("value"), w.string_or_null(d.value);
    w.key("grain"), w.string(d.grain);
    if (d.unresolved) w.key("unresolved"), w.string(*d.unresolved);
    if (d.local_time) w.key("local_time"), w.boolean(true);
    if (d.until) w.key("until"), w.string(*d.until);
    write_location(w, d.where, index);
    w.close_object();
  }
  w.close_array();

  w.key("money"), w.open_array();
  for (const MoneyEntity& m : e.money) {
    w.open_object();
    w.key("text"), w.string(m.where.text);
    w.key("amount"), w.decimal(m.amount);
    w.key("currency"), w.string(m.currency);
    w.key("approximate"), w.boolean(m.approximate);
    if (m.converted_from) w.key("converted_from"), w.integer(*m.converted_from);
    write_location(w, m.where, index);
    w.close_object();
  }
  w.close_array();

  w.key("percentages"), w.open_array();
  for (const PercentageEntity& p : e.percentages) {
    w.open_object();
    w.key("text"), w.string(p.where.text);
    w.key("value"), w.decimal(p.value);
    if (p.points) w.key("points"), w.boolean(true);
    if (p.approximate) w.key("approximate"), w.boolean(true);
    write_location(w, p.where, index);
    w.close_object();
  }
  w.close_array();

  w.key("durations"), w.open_array();
  for (const DurationEntity& d : e.durations) {
    w.open_object();
    w.key("text"), w.string(d.where.text);
    w.key("value"), w.string(d.value);
    write_location(w, d.where, index);
    w.close_object();
  }
  w.close_array();

  w.key("quantities"), w.open_array();
  for (const QuantityEntity& q : e.quantities) {
    w.open_object();
    w.key("text"), w.string(q.where.text);
    w.key("value"), w.decimal(q.value);
    w.key("unit"), w.string(q.unit);
    if (q.approximate) w.key("approximate"), w.boolean(true);
    write_location(w, q.where, index);
    w.close_object();
  }
  w.close_array();
  w.close_object();
}

void write_record(const Document& document, const JsonOptions& options, JsonWriter& w);

}  // namespace

void write_json(const Document& document, const JsonOptions& options, std::string& out) {
  JsonWriter w(out);
  write_record(document, options, w);
}

void write_json(const Document& document, const JsonOptions& options, const JsonSink& sink) {
  std::string piece;
  JsonWriter w(piece, sink);
  write_record(document, options, w);
  if (!piece.empty()) sink(piece);
}

namespace {

void write_record(const Document& document, const JsonOptions& options, JsonWriter& w) {
  w.open_object();
  w.key("schema_version"), w.integer(kSchemaVersion);
  const Source& source = document.source;
  w.key("source"), w.open_object();
  w.key("path"), w.string_or_null(source.path);
  w.key("id"), w.string_or_null(source.id);
  w.key("bytes"), w.integer(source.bytes);
  if (!source.encoding.empty()) w.key("encoding"), w.string(source.encoding);
  if (!source.sha256.empty()) w.key("sha256"), w.string(source.sha256);
  if (source.format) w.key("format"), w.string(*source.format);
  w.close_object();
  if (document.error) {
    w.key("error"), w.open_object();
    w.key("code"), w.string(document.error->code);
    w.key("message"), w.string(document.error->message);
    w.close_object();
    if (!document.warnings.empty()) w.key("warnings"), w.strings(document.warnings);
  } else {
    w.key("language"), w.string_or_null(document.language);
    w.key("metadata"), w.open_object();
    const Metadata& meta = document.metadata;
    const auto put = [&](const char* name, const std::optional<std::string>& value) {
      if (value) w.key(name), w.string(*value);
    };
    put("title", meta.title);
    put("subtitle", meta.subtitle);
    put("author", meta.author);
    put("section", meta.section);
    put("published", meta.published);
    put("updated", meta.updated);
    put("site_name", meta.site_name);
    put("canonical_url", meta.canonical_url);
    put("language", meta.language);
    w.close_object();

    std::vector<CodePointIndex> index;
    index.reserve(document.paragraphs.size());
    for (const Paragraph& p : document.paragraphs) index.emplace_back(p.text);

    w.key("paragraphs"), w.open_array();
    for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
      const Paragraph& p = document.paragraphs[i];
      const CodePointIndex& offsets = index[i];
      w.open_object();
      w.key("id"), w.integer(i);
      w.key("role"), w.string(to_string(p.role));
      w.key("text"), w.string(p.text);
      w.key("lines"), w.open_array(), w.integer(p.first_line), w.integer(p.last_line),
          w.close_array();
      if (!p.duplicates.empty()) {
        w.key("duplicates"), w.open_array();
        for (const Duplicate& d : p.duplicates) {
          w.open_object();
          w.key("lines"), w.open_array(), w.integer(d.first_line), w.integer(d.last_line),
              w.close_array();
          w.key("similarity"), w.number(d.similarity);
          w.close_object();
        }
        w.close_array();
      }
      if (options.tokens) {
        const std::string_view view(p.text);
        w.key("tokens"), w.open_array();
        for (const Token& t : p.tokens) {
          w.open_object();
          w.key("text"), w.string(view.substr(t.start, t.end - t.start));
          w.key("start"), w.integer(offsets(t.start));
          w.key("end"), w.integer(offsets(t.end));
          w.key("kind"), w.string(to_string(t.kind));
          if (t.has_particle()) {
            w.key("stem"), w.string(view.substr(t.start, t.stem_end - t.start));
            w.key("particle"), w.string(view.substr(t.stem_end, t.end - t.stem_end));
          }
          w.close_object();
        }
        w.close_array();
        w.key("sentences"), w.open_array();
        for (const Sentence& s : p.sentences) {
          w.open_array(), w.integer(offsets(s.start)), w.integer(offsets(s.end)), w.close_array();
        }
        w.close_array();
      }
      w.close_object();
    }
    w.close_array();

    const DedupStats& d = document.dedup;
    w.key("dedup"), w.open_object();
    w.key("paragraphs_in"), w.integer(d.paragraphs_in);
    w.key("paragraphs_out"), w.integer(d.paragraphs_out);
    w.key("exact"), w.integer(d.exact);
    w.key("near"), w.integer(d.near);
    w.close_object();
    if (document.entities) w.key("entities"), write_entities(w, *document.entities, index);
    w.key("warnings"), w.strings(document.warnings);
  }
  w.close_object();
}

}  // namespace

nlohmann::ordered_json to_json(const Document& document, const JsonOptions& options) {
  std::string text;
  write_json(document, options, text);
  return Json::parse(text);
}

}  // namespace news
