// 影响评估: the day's changes by theme, naming repos and items, plus
// cross-repo signals (cross_repo_signals.h).
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "compose/composer.h"
#include "compose/cross_repo_signals.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

using ItemFilter = std::function<bool(const ReportItem&)>;
constexpr size_t kLinksPerRepo = 3;

bool has_tag(const ReportItem& i, const Tag& t) {
  return std::find(i.classification.tags.begin(), i.classification.tags.end(), t) !=
         i.classification.tags.end();
}

// "repo 6 项（a、b、c 等）；repo2 1 项（d）": items matching `filter`, by repo.
// Cites every item counted, including those past the link limit.
bool append_by_repo(StatementBuilder& b, const Report& r, const ItemFilter& filter) {
  const auto& L = labels(r.language);
  bool any = false;
  for (const auto& s : r.repos) {
    std::vector<const ReportItem*> hits;
    for (const auto& i : s.items)
      if (filter(i)) hits.push_back(&i);
    if (hits.empty()) continue;
    std::stable_sort(hits.begin(), hits.end(),
                     [](const ReportItem* a, const ReportItem* x) { return a->importance > x->importance; });
    if (any) b.text(std::string(L.clause_separator));
    any = true;
    b.text(s.full_name + " " + count_items(static_cast<int>(hits.size()), r.language) +
           std::string(L.open_paren));
    for (size_t k = 0; k < hits.size(); ++k) {
      if (k < kLinksPerRepo) {
        if (k) b.text(std::string(L.list_separator));
        b.item(*hits[k]);
      } else {
        b.cite(hits[k]->id);
      }
    }
    if (hits.size() > kLinksPerRepo) b.text(r.language == Language::kZh ? " 等" : ", …");
    b.text(std::string(L.close_paren));
  }
  return any;
}

// One statement per tag of `facet`, most active tag first.
std::vector<Statement> by_tag(const Report& r, TagFacet facet) {
  std::map<Tag, int> counts;
  for (const auto& s : r.repos)
    for (const auto& i : s.items)
      for (const auto& t : i.classification.tags)
        if (t.facet == facet) ++counts[t];
  std::vector<std::pair<Tag, int>> tags(counts.begin(), counts.end());
  std::stable_sort(tags.begin(), tags.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Statement> out;
  for (const auto& tag_count : tags) {
    const Tag& tag = tag_count.first;  // a named variable: clang 14 cannot capture a structured binding
    StatementBuilder b;
    b.strong(tag_label(tag, r.language)).text(std::string(labels(r.language).colon));
    append_by_repo(b, r, [&](const ReportItem& i) { return has_tag(i, tag); });
    out.push_back(b.text(std::string(labels(r.language).period)).build());
  }
  return out;
}

std::vector<Statement> by_kinds(const Report& r, const std::set<ChangeKind>& kinds) {
  std::vector<Statement> out;
  for (auto kind : all_change_kinds()) {
    if (!kinds.count(kind)) continue;
    StatementBuilder b;
    b.strong(std::string(kind_label(kind, r.language))).text(std::string(labels(r.language).colon));
    if (append_by_repo(b, r, [&](const ReportItem& i) { return i.classification.kind == kind; }))
      out.push_back(b.text(std::string(labels(r.language).period)).build());
  }
  return out;
}

std::vector<Statement> reliability(const Report& r) {
  std::vector<Statement> out = by_kinds(r, {ChangeKind::kFix, ChangeKind::kRevert});
  StatementBuilder b;
  const auto& L = labels(r.language);
  bool any = false;
  for (const auto& s : r.repos) {
    std::vector<const ReportIssue*> bugs;
    for (const auto& i : s.issues)
      if (i.classification.kind == IssueKind::kBug) bugs.push_back(&i);
    if (bugs.empty()) continue;
    if (!any) b.strong(r.language == Language::kZh ? "新缺陷报告" : "New bug reports").text(std::string(L.colon));
    else b.text(std::string(L.clause_separator));
    any = true;
    b.text(s.full_name + " " + count_items(static_cast<int>(bugs.size()), r.language) + std::string(L.open_paren));
    for (size_t k = 0; k < bugs.size(); ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.link("#" + std::to_string(bugs[k]->number), bugs[k]->url, bugs[k]->id);
    }
    b.text(std::string(L.close_paren));
  }
  if (any) out.push_back(b.text(std::string(L.period)).build());
  return out;
}

}  // namespace

std::vector<ImpactTheme> compose_impact(const Report& r) {
  const auto& L = labels(r.language);
  std::vector<ImpactTheme> themes{
      {"hardware", std::string(L.theme_hardware), by_tag(r, TagFacet::kHardware)},
      {"performance", std::string(L.theme_performance), by_kinds(r, {ChangeKind::kPerf})},
      {"models", std::string(L.theme_models), by_tag(r, TagFacet::kModel)},
      {"reliability", std::string(L.theme_reliability), reliability(r)},
      {"maintainability", std::string(L.theme_maintainability),
       by_kinds(r, {ChangeKind::kRefactor, ChangeKind::kDocs, ChangeKind::kTest, ChangeKind::kCiBuild,
                    ChangeKind::kDeps})},
      {"cross_repo", std::string(L.theme_cross_repo), compose_cross_repo_signals(r)},
  };
  std::erase_if(themes, [](const ImpactTheme& t) { return t.statements.empty(); });
  return themes;
}

}  // namespace infradigest
