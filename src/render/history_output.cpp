#include "render/history_output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "render/markdown_text.h"
#include "render/report_json_parts.h"

namespace infradigest {

namespace {

using report_json::Json;

// How a reader finds the item again: a short SHA, #number, or the release tag.
std::string reference(const HistoryHit& h) {
  if (h.type == "commit" && h.sha) return h.sha->substr(0, 9);
  if (h.type == "release" && h.release_tag) return *h.release_tag;
  if (h.number) return fmt::format("#{}", *h.number);
  return "-";
}

std::string tag_list(const std::vector<Tag>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ", ") + t.name;
  return out;
}

}  // namespace

std::string render_history_table(const HistoryResult& result) {
  if (result.hits.empty()) return "No stored item matches.\n";
  constexpr size_t kColumns = 5;
  std::vector<std::array<std::string, kColumns>> rows;
  rows.push_back({"DATE", "TYPE", "REPO", "KIND", "REF"});
  for (const auto& h : result.hits) rows.push_back({format_date(h.day), h.type, h.repo, h.kind, reference(h)});
  std::array<size_t, kColumns> width{};
  for (const auto& row : rows)
    for (size_t i = 0; i < kColumns; ++i) width[i] = std::max(width[i], row[i].size());

  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < kColumns; ++i) out += fmt::format("{:<{}}  ", rows[r][i], width[i]);
    if (r == 0) {
      out += "TITLE\n";
      continue;
    }
    const HistoryHit& h = result.hits[r - 1];
    // Titles come from GitHub: no terminal escapes, one line.
    out += sanitize_text(h.title);
    if (!h.tags.empty()) out += "  [" + tag_list(h.tags) + "]";
    out += "\n";
  }
  out += fmt::format("{} of {} matching item{}\n", result.hits.size(), result.total, result.total == 1 ? "" : "s");
  return out;
}

std::string render_history_json(const HistoryResult& result, const HistoryQuery& q) {
  Json items = Json::array();
  for (const auto& h : result.hits) {
    const bool change = h.type == "commit" || h.type == "pr";
    items.push_back(Json{{"type", h.type},
                         {"id", h.id},
                         {"repo", h.repo},
                         {"date", format_date(h.day)},
                         {"time", h.time.to_string()},
                         {"kind", h.kind},
                         {"tags", report_json::tags(h.tags)},
                         {"title", sanitize_text(h.title)},
                         {"url", h.url.empty() ? Json(nullptr) : Json(h.url)},
                         {"sha", report_json::optional(h.sha)},
                         {"number", report_json::optional(h.number)},
                         {"tag", report_json::optional(h.release_tag)},
                         {"importance", change ? Json(std::round(h.importance * 100) / 100) : Json(nullptr)}});
  }
  Json filters{{"repos", q.repos},
               {"tags", q.tags},
               {"kinds", q.kinds},
               {"types", q.types},
               {"text", report_json::optional(q.text)},
               {"since", q.since ? Json(format_date(*q.since)) : Json(nullptr)},
               {"until", q.until ? Json(format_date(*q.until)) : Json(nullptr)},
               {"timezone", q.timezone},
               {"limit", q.limit}};
  Json out{{"format_version", 1}, {"filters", filters}, {"total", result.total}, {"count", result.hits.size()},
           {"items", items}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace infradigest
