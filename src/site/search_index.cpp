#include "site/search_index.h"

#include <nlohmann/json.hpp>

#include "core/text_sanitizer.h"
#include "document/language.h"
#include "site/item_anchors.h"

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
    const std::vector<SectionAnchors> anchors = item_anchors(*r);  // the day page's item ids
    for (size_t n = 0; n < r->repos.size(); ++n) {
      const RepoSection& s = r->repos[n];
      const SectionAnchors& a = anchors[n];
      auto add = [&](const std::string& title, std::string_view kind, const std::string& tags, const std::string& anchor) {
        Json entry{{"d", date}, {"r", s.full_name}, {"t", sanitize_text(title)}, {"k", kind}, {"g", tags}};
        if (!anchor.empty()) entry["a"] = anchor;
        all.push_back(std::move(entry));
      };
      for (size_t k = 0; k < s.releases.size(); ++k) {
        const ReportRelease& rel = s.releases[k];
        add(rel.name && *rel.name != rel.tag ? rel.tag + " " + *rel.name : rel.tag, labels(r->language).releases, "",
            a.releases[k]);
      }
      for (size_t k = 0; k < s.items.size(); ++k)
        add(s.items[k].display_title, kind_label(s.items[k].classification.kind, r->language),
            tag_list(s.items[k].classification.tags), a.items[k]);
      for (size_t k = 0; k < s.issues.size(); ++k) {
        const ReportIssue& i = s.issues[k];
        add("#" + std::to_string(i.number) + " " + i.title, issue_kind_label(i.classification.kind, r->language),
            tag_list(i.classification.tags), a.issues[k]);
      }
    }
  }
  return "window.INFRADIGEST_SEARCH = (window.INFRADIGEST_SEARCH || []).concat(" +
         js_safe(all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + ");\n";
}

}  // namespace infradigest
