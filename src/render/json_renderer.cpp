#include "render/json_renderer.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "render/markdown_renderer.h"
#include "render/markdown_text.h"
#include "render/report_json_parts.h"
#include "snapshot/compact_json.h"

namespace infradigest {

namespace {

using namespace report_json;  // Json, optional, tags, statement(s)

Json item(const ReportItem& i, bool llm) {
  Json out{{"id", i.id},
           {"sha", optional(i.sha)},
           {"shas", i.shas},
           {"title", sanitize_text(i.title)},
           {"display_title", sanitize_text(i.display_title)},
           {"url", i.url.empty() ? Json(nullptr) : Json(i.url)},
           {"pr", optional(i.pr)},
           {"author", optional(i.author)},
           {"kind", kind_name(i.classification.kind)},
           {"tags", tags(i.classification.tags)},
           {"breaking", i.classification.breaking},
           {"files", i.files},
           {"additions", optional(i.additions)},
           {"deletions", optional(i.deletions)},
           {"importance", std::round(i.importance * 100) / 100},
           {"date_only", i.date_only},
           {"committed_on", i.committed_on ? Json(format_date(*i.committed_on)) : Json(nullptr)}};
  if (llm) out["translated_title"] = optional(i.translated_title);
  Json facts = Json::array();
  for (const auto& f : i.code_facts) {
    Json fj{{"kind", code_fact_kind_name(f.kind)}, {"name", f.name}, {"file", f.file}};
    if (!f.scope.empty()) fj["scope"] = f.scope;
    if (f.before) fj["before"] = *f.before;
    if (f.after) fj["after"] = *f.after;
    fj["rule"] = f.rule;
    facts.push_back(std::move(fj));
  }
  out["code_facts"] = std::move(facts);
  if (i.code_facts_total > static_cast<int>(i.code_facts.size())) out["code_facts_total"] = i.code_facts_total;
  out["code_change"] = i.code_change ? statement(*i.code_change) : Json(nullptr);
  return out;
}

// 问题描述: each part only when the body has it.
Json issue_problem_json(const ProblemDescription& p) {
  Json out = Json::object();
  if (p.symptom) out["symptom"] = *p.symptom;
  if (!p.environment.empty()) out["environment"] = p.environment;
  if (p.repro) out["repro"] = *p.repro;
  return out;
}

Json repo(const RepoSection& s, bool llm) {
  Json commits = Json::array(), issues = Json::array(), releases = Json::array();
  for (const auto& i : s.items) commits.push_back(item(i, llm));
  for (const auto& i : s.issues) {
    issues.push_back(Json{{"id", i.id},
                          {"number", i.number},
                          {"title", sanitize_text(i.title)},
                          {"url", i.url},
                          {"author", optional(i.author)},
                          {"kind", i.classification.kind == IssueKind::kBug              ? "bug"
                                   : i.classification.kind == IssueKind::kFeatureRequest ? "feature_request"
                                   : i.classification.kind == IssueKind::kQuestion       ? "question"
                                                                                         : "other"},
                          {"severe", i.classification.severe},
                          {"tags", tags(i.classification.tags)}});
    if (i.problem) issues.back()["problem"] = issue_problem_json(*i.problem);
  }
  for (const auto& r : s.releases)
    releases.push_back(Json{{"id", r.id},
                            {"tag", r.tag},
                            {"name", optional(r.name)},
                            {"url", r.url},
                            {"prerelease", optional(r.prerelease)},
                            {"pr", optional(r.pr)},
                            {"notes", optional(r.notes)}});
  Json out{{"full_name", s.full_name},
           {"url", s.url},
           {"updated", !s.empty()},
           {"releases", std::move(releases)},
           {"commits", std::move(commits)},
           {"issues", std::move(issues)}};
  if (llm) out["analysis"] = statements(s.analysis);
  return out;
}

Json impact_themes(const std::vector<ImpactTheme>& themes) {
  Json out = Json::array();
  for (const auto& t : themes)
    out.push_back(Json{{"theme", t.key}, {"title", t.title}, {"statements", statements(t.statements)}});
  return out;
}

Json llm_note(const LlmNote& note) {
  Json fallbacks = Json::array();
  for (const auto& f : note.fallbacks)
    fallbacks.push_back(Json{{"section", f.section}, {"reason", llm_fallback_reason_name(f.reason)}});
  return Json{{"models", note.models},
              {"fallbacks", std::move(fallbacks)},
              {"unavailable", note.unavailable.empty() ? Json(nullptr) : Json(note.unavailable)},
              {"summary", statements(note.summary)},
              {"impact", impact_themes(note.impact)},
              {"outlook", statements(note.outlook)}};
}

}  // namespace

std::string_view llm_fallback_reason_name(LlmFallbackReason reason) {
  switch (reason) {
    case LlmFallbackReason::kNoAnswer: return "no_answer";
    case LlmFallbackReason::kRejectedBefore: return "rejected_before";
    case LlmFallbackReason::kRejected: break;
  }
  return "rejected";
}

// Parts are moved into the document, not copied (nlohmann's initializer
// lists copy lvalues): a 1,000-repository day's DOM is large.
std::string render_json(const Report& r, JsonLayout layout) {
  Json impact = impact_themes(r.impact);
  Json repos = Json::array();
  for (const auto& s : r.repos) repos.push_back(repo(s, r.llm.has_value()));
  Json figures = Json::array();
  for (const auto& f : r.figures)
    figures.push_back(Json{{"repo", f.repo},
                           {"change", statement(f.change)},
                           {"quote", sanitize_text(f.quote)},
                           {"source", f.source}});
  Json dependency_updates = Json::array();
  for (const auto& u : r.dependency_updates)
    dependency_updates.push_back(Json{{"repo", u.repo},
                                      {"id", u.item_id},
                                      {"upstream", u.upstream},
                                      {"version", optional(u.version)},
                                      {"release", optional(u.release_id)},
                                      {"picks_up", u.picked_up_ids}});
  Json out{{"format_version", kReportJsonVersion},
           {"date", format_date(r.window.date)},
           {"timezone", r.window.timezone},
           {"language", language_code(r.language)},
           {"window", Json{{"start", r.window.local_rfc3339(r.window.start)},
                           {"end", r.window.local_rfc3339(r.window.end)}}},
           {"date_only_items", r.date_only_items},
           {"summary", statements(r.summary)},
           {"impact", std::move(impact)},
           {"figures", std::move(figures)},
           {"dependency_updates", std::move(dependency_updates)},
           {"repos", std::move(repos)},
           {"outlook", statements(r.outlook)}};
  if (r.llm) out["llm"] = llm_note(*r.llm);
  if (!r.incomplete_repos.empty()) out["incomplete_repos"] = r.incomplete_repos;
  if (layout == JsonLayout::kIndented)
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::string compact;  // the bytes of out.dump(-1, ...), written faster
  append_compact_json(out, compact, nlohmann::json::error_handler_t::replace);
  return compact + "\n";
}

}  // namespace infradigest
