// 影响评估: one or two sentences per theme — how many items, in which repos,
// its best one to three examples — then "另有 N 项" for the rest, about 15
// lines on a busy day. The full per-kind lists live in 具体内容分析; this
// section only says where the day's weight lies. Cross-repo signals follow
// (cross_repo_signals.h).
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "compose/code_changes.h"
#include "compose/composer.h"
#include "compose/cross_repo_signals.h"
#include "compose/importance.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

using ItemFilter = std::function<bool(const ReportItem&)>;
constexpr size_t kExamples = 3;
constexpr size_t kTagExamples = 2;
constexpr size_t kTagsNamed = 2;       // per facet; the rest go into one "另有" line
constexpr size_t kImpactLines = 15;    // the whole section, about; 跨仓库信号 gives way

struct Hit {
  const ReportItem* item;
  const RepoSection* repo;
};

std::vector<Hit> matching(const Report& r, const ItemFilter& filter) {
  std::vector<Hit> hits;
  for (const auto& s : r.repos)
    for (const auto& i : s.items)
      if (filter(i)) hits.push_back({&i, &s});
  return hits;
}

bool has_tag(const ReportItem& i, const Tag& t) {
  return std::find(i.classification.tags.begin(), i.classification.tags.end(), t) != i.classification.tags.end();
}

// "**AMD** 8 项（sgl-project/sglang 6、vllm-project/vllm 2），如 [a]、[b]。"
// Cites every item counted. Examples are the most important items the day's
// sections have not linked yet, so the reader meets new ones here.
Statement theme_statement(const Report& r, std::string label, std::vector<Hit> hits, size_t examples,
                          LinkLedger& ledger) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  StatementBuilder b(&ledger);
  b.strong(std::move(label)).text(" " + count_items(static_cast<int>(hits.size()), r.language));
  std::vector<std::pair<const RepoSection*, int>> per_repo;
  for (const auto& h : hits) {
    b.cite(h.item->id);
    auto it = std::find_if(per_repo.begin(), per_repo.end(), [&](const auto& p) { return p.first == h.repo; });
    if (it == per_repo.end()) per_repo.push_back({h.repo, 1});
    else ++it->second;
  }
  if (per_repo.size() > 1) {
    std::stable_sort(per_repo.begin(), per_repo.end(), [](const auto& a, const auto& x) { return a.second > x.second; });
    b.text(std::string(L.open_paren));
    for (size_t k = 0; k < per_repo.size(); ++k)
      b.text(fmt::format("{}{} {}", k ? std::string(L.list_separator) : "", per_repo[k].first->full_name,
                         per_repo[k].second));
    b.text(std::string(L.close_paren));
  } else {
    b.text(zh ? "（" + per_repo.front().first->full_name + "）" : " in " + per_repo.front().first->full_name);
  }
  std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& x) {
    const bool a_new = !ledger.count(a.item->id), x_new = !ledger.count(x.item->id);
    if (a_new != x_new) return a_new;
    return a.item->importance > x.item->importance;
  });
  if (hits.size() > examples) hits.resize(examples);
  b.text(zh ? "，如 " : ", e.g. ");
  for (size_t k = 0; k < hits.size(); ++k) {
    if (k) b.text(std::string(L.list_separator));
    b.item(*hits[k].item);
  }
  return b.text(std::string(L.period)).build();
}

// The named tags of one facet, then "另有 Ascend NPU 3 项、CPU 2 项。"
std::vector<Statement> by_tag(const Report& r, TagFacet facet, size_t named, LinkLedger& ledger) {
  std::map<Tag, int> counts;
  for (const auto& s : r.repos)
    for (const auto& i : s.items)
      for (const auto& t : i.classification.tags)
        if (t.facet == facet) ++counts[t];
  std::vector<std::pair<Tag, int>> tags(counts.begin(), counts.end());
  std::stable_sort(tags.begin(), tags.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<Statement> out;
  for (size_t k = 0; k < tags.size() && k < named; ++k) {
    const Tag tag = tags[k].first;
    out.push_back(theme_statement(r, tag_label(tag, r.language),
                                  matching(r, [&](const ReportItem& i) { return has_tag(i, tag); }), kTagExamples,
                                  ledger));
  }
  if (tags.size() > named) {
    const auto& L = labels(r.language);
    StatementBuilder b;
    b.text(r.language == Language::kZh ? "另有 " : "Also ");
    for (size_t k = named; k < tags.size(); ++k) {
      const Tag tag = tags[k].first;
      if (k > named) b.text(std::string(L.list_separator));
      b.text(tag_label(tag, r.language) + " " + count_items(tags[k].second, r.language));
      for (const auto& h : matching(r, [&](const ReportItem& i) { return has_tag(i, tag); })) b.cite(h.item->id);
    }
    out.push_back(b.text(std::string(L.period)).build());
  }
  return out;
}

std::optional<Statement> by_kind(const Report& r, ChangeKind kind, size_t examples, LinkLedger& ledger) {
  auto hits = matching(r, [&](const ReportItem& i) { return i.classification.kind == kind; });
  if (hits.empty()) return std::nullopt;
  return theme_statement(r, std::string(kind_label(kind, r.language)), std::move(hits), examples, ledger);
}

std::vector<Statement> reliability(const Report& r, LinkLedger& ledger) {
  std::vector<Statement> out;
  for (auto kind : {ChangeKind::kFix, ChangeKind::kRevert})
    if (auto s = by_kind(r, kind, kExamples, ledger)) out.push_back(std::move(*s));
  const auto& L = labels(r.language);
  std::vector<std::pair<const ReportIssue*, const std::string*>> bugs;
  for (const auto& s : r.repos)
    for (const auto& i : s.issues)
      if (i.classification.kind == IssueKind::kBug) bugs.push_back({&i, &s.full_name});
  if (!bugs.empty()) {
    StatementBuilder b(&ledger);
    b.strong(r.language == Language::kZh ? "新缺陷报告" : "New bug reports")
        .text(" " + count_items(static_cast<int>(bugs.size()), r.language) + std::string(L.colon));
    for (size_t k = 0; k < bugs.size(); ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.text(*bugs[k].second + " ").link("#" + std::to_string(bugs[k].first->number), bugs[k].first->url,
                                         bugs[k].first->id);
    }
    out.push_back(b.text(std::string(L.period)).build());
  }
  return out;
}

// "重构 12 项、测试 3 项、CI/构建 5 项、文档 7 项，详见各仓库。": counts only —
// the lists are in 具体内容分析.
std::vector<Statement> maintainability(const Report& r) {
  const auto& L = labels(r.language);
  StatementBuilder b;
  bool any = false;
  for (auto kind : {ChangeKind::kRefactor, ChangeKind::kDeps, ChangeKind::kTest, ChangeKind::kCiBuild,
                    ChangeKind::kDocs}) {
    auto hits = matching(r, [&](const ReportItem& i) { return i.classification.kind == kind; });
    if (hits.empty()) continue;
    b.text(fmt::format("{}{} {}", any ? std::string(L.list_separator) : "", kind_label(kind, r.language),
                       count_items(static_cast<int>(hits.size()), r.language)));
    for (const auto& h : hits) b.cite(h.item->id);
    any = true;
  }
  if (!any) return {};
  b.text(r.language == Language::kZh ? "，详见各仓库。" : "; see each repository below.");
  return {b.build()};
}

}  // namespace

std::vector<ImpactTheme> compose_impact(const Report& r, LinkLedger& ledger) {
  const auto& L = labels(r.language);
  std::vector<ImpactTheme> themes;
  themes.push_back({"hardware", std::string(L.theme_hardware), by_tag(r, TagFacet::kHardware, kTagsNamed, ledger)});
  std::vector<Statement> perf;
  if (auto s = by_kind(r, ChangeKind::kPerf, kExamples, ledger)) perf.push_back(std::move(*s));
  themes.push_back({"performance", std::string(L.theme_performance), std::move(perf)});
  themes.push_back({"models", std::string(L.theme_models), by_tag(r, TagFacet::kModel, kTagsNamed, ledger)});
  themes.push_back({"reliability", std::string(L.theme_reliability), reliability(r, ledger)});
  themes.push_back({"api_config", std::string(L.theme_api_config), api_config_changes(r, ledger)});
  themes.push_back({"maintainability", std::string(L.theme_maintainability), maintainability(r)});
  // About 15 lines in all: 跨仓库信号 comes last and names fewer signals when the themes above are full.
  size_t used = 0;
  for (const auto& t : themes) used += t.statements.size();
  themes.push_back({"cross_repo", std::string(L.theme_cross_repo),
                    compose_cross_repo_signals(r, ledger, used < kImpactLines ? kImpactLines - used : 0)});
  std::erase_if(themes, [](const ImpactTheme& t) { return t.statements.empty(); });
  return themes;
}

std::vector<ImpactTheme> compose_impact(const Report& r) {
  LinkLedger ledger;
  return compose_impact(r, ledger);
}

}  // namespace infradigest
