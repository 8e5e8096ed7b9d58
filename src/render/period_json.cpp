#include "render/period_json.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "render/markdown_renderer.h"
#include "render/markdown_text.h"
#include "render/report_json_parts.h"

namespace infradigest {

namespace {

using namespace report_json;  // Json, optional, tags, statement(s)

Json window(const PeriodWindow& w) {
  return Json{{"label", w.label()},
              {"first", format_date(w.first)},
              {"last", format_date(w.last)},
              {"start", w.local_rfc3339(w.start)},
              {"end", w.local_rfc3339(w.end)}};
}

Json counts(const PeriodCounts& c, int previous_changes) {
  Json by_kind = Json::object();
  for (const auto& [kind, n] : c.by_kind) by_kind[std::string(kind_name(kind))] = n;
  return Json{{"changes", c.changes},         {"previous_changes", previous_changes},
              {"commits", c.commits},         {"merged_prs", c.merged_prs},
              {"issues", c.issues},           {"severe_issues", c.severe_issues},
              {"releases", c.releases},       {"by_kind", by_kind}};
}

Json top_item(const PeriodItem& p, const Statement& s) {
  const ReportItem& i = p.item;
  return Json{{"id", i.id},
              {"sha", optional(i.sha)},
              {"title", sanitize_text(i.title)},
              {"url", i.url.empty() ? Json(nullptr) : Json(i.url)},
              {"pr", optional(i.pr)},
              {"date", format_date(p.day)},
              {"kind", kind_name(i.classification.kind)},
              {"tags", tags(i.classification.tags)},
              {"breaking", i.classification.breaking},
              {"importance", std::round(i.importance * 100) / 100},
              {"statement", statement(s)}};
}

Json repo(const PeriodRepo& r) {
  Json top = Json::array(), issues = Json::array();
  for (size_t i = 0; i < r.top.size(); ++i) top.push_back(top_item(r.top[i], r.highlights[i]));
  for (size_t i = 0; i < r.severe_issues.size(); ++i) {
    const ReportIssue& issue = r.severe_issues[i];
    issues.push_back(Json{{"id", issue.id},
                          {"number", issue.number},
                          {"title", sanitize_text(issue.title)},
                          {"url", issue.url},
                          {"tags", tags(issue.classification.tags)},
                          {"statement", statement(r.issue_lines[i])}});
  }
  return Json{{"full_name", r.full_name}, {"url", r.url}, {"counts", counts(r.counts, r.previous_changes)},
              {"top", top}, {"severe_issues", issues}};
}

Json trends(const std::vector<TagTrend>& list) {
  Json out = Json::array();
  for (const auto& t : list) {
    Json examples = Json::array();
    for (const auto& e : t.examples)
      examples.push_back(Json{{"id", e.id},
                              {"title", sanitize_text(e.title)},
                              {"url", e.url.empty() ? Json(nullptr) : Json(e.url)},
                              {"period", e.previous ? "previous" : "current"}});
    out.push_back(Json{{"facet", facet_name(t.tag.facet)},
                       {"name", t.tag.name},
                       {"now", t.now},
                       {"before", t.before},
                       {"delta", t.now - t.before},
                       {"examples", examples},
                       {"statement", statement(t.statement)}});
  }
  return out;
}

}  // namespace

std::string render_period_json(const PeriodReport& r) {
  Json releases = Json::array();
  for (size_t i = 0; i < r.releases.size(); ++i) {
    const PeriodRelease& p = r.releases[i];
    releases.push_back(Json{{"id", p.release.id},
                            {"repo", p.repo},
                            {"tag", p.release.tag},
                            {"name", optional(p.release.name)},
                            {"url", p.release.url},
                            {"prerelease", optional(p.release.prerelease)},
                            {"date", format_date(p.day)},
                            {"statement", statement(r.release_statements[i])}});
  }
  Json repos = Json::array();
  for (const auto& p : r.repos) repos.push_back(repo(p));
  Json out{{"format_version", 1},
           {"period", period_kind_name(r.window.kind)},
           {"timezone", r.window.timezone},
           {"language", language_code(r.language)},
           {"window", window(r.window)},
           {"previous", window(r.previous)},
           {"date_only_items", r.date_only_items},
           {"summary", statements(r.summary)},
           {"repos", repos},
           {"trends", Json{{"rising", trends(r.rising)}, {"falling", trends(r.falling)}}},
           {"releases", releases}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace infradigest
