#include "site/search_index.h"

#include <nlohmann/json.hpp>

#include "core/text_sanitizer.h"
#include "document/language.h"

namespace infradigest {

namespace {

std::string tag_list(const std::vector<Tag>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : " ") + t.name;
  return out;
}

// JSON is JavaScript, except that old engines reject U+2028/U+2029 in
// strings. '<', '>' and '&' are escaped too, so no text from GitHub appears
// in the file as markup, even to a tool that greps it.
std::string js_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string search_shard_path(SysDays date) { return "assets/search/" + format_date(date).substr(0, 7) + ".js"; }

std::string render_search_shard_js(const std::vector<const Report*>& reports) {
  using Json = nlohmann::ordered_json;
  Json all = Json::array();
  for (const Report* r : reports) {
    const std::string date = format_date(r->window.date);
    for (const auto& s : r->repos) {
      auto add = [&](const std::string& title, std::string_view kind, const std::string& tags) {
        all.push_back(Json{{"d", date}, {"r", s.full_name}, {"t", sanitize_text(title)}, {"k", kind}, {"g", tags}});
      };
      for (const auto& rel : s.releases)
        add(rel.name && *rel.name != rel.tag ? rel.tag + " " + *rel.name : rel.tag, labels(r->language).releases, "");
      for (const auto& i : s.items)
        add(i.display_title, kind_label(i.classification.kind, r->language), tag_list(i.classification.tags));
      for (const auto& i : s.issues)
        add("#" + std::to_string(i.number) + " " + i.title, issue_kind_label(i.classification.kind, r->language),
            tag_list(i.classification.tags));
    }
  }
  return "window.INFRADIGEST_SEARCH = (window.INFRADIGEST_SEARCH || []).concat(" +
         js_safe(all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + ");\n";
}

}  // namespace infradigest
