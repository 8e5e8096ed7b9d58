#include "compose/period_statements.h"
#include "compose/release_notes.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include <map>

#include "document/period_language.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

constexpr std::size_t kLeadFacts = 3;       // cited by the period's overview line
constexpr std::size_t kKindsPerRepoLine = 4;

struct Fact {
  std::string text, url, id;
};

std::string month_day(SysDays day) { return format_date(day).substr(5); }

bool is_nightly(const PeriodRelease& r) { return is_nightly_release(r.release.tag, r.release.name.value_or("")); }

// What a line about some activity cites: its most important changes, else its
// releases, else its issues (severe first).
std::vector<Fact> lead_facts(std::vector<const PeriodItem*> items, const std::vector<const PeriodRelease*>& releases,
                             std::vector<const ReportIssue*> issues, std::size_t limit) {
  std::vector<Fact> out;
  std::stable_sort(items.begin(), items.end(),
                   [](const PeriodItem* a, const PeriodItem* b) { return a->item.importance > b->item.importance; });
  for (const auto* p : items) out.push_back(Fact{p->item.display_title, p->item.url, p->item.id});
  for (const auto* r : releases) out.push_back(Fact{r->repo + " " + r->release.tag, r->release.url, r->release.id});
  std::stable_partition(issues.begin(), issues.end(),
                        [](const ReportIssue* i) { return i->classification.severe; });
  for (const auto* i : issues) out.push_back(Fact{fmt::format("#{} {}", i->number, i->title), i->url, i->id});
  if (out.size() > limit) out.resize(limit);
  return out;
}

void cite_facts(StatementBuilder& b, const std::vector<Fact>& facts, Language lang) {
  for (size_t i = 0; i < facts.size(); ++i) {
    if (i > 0) b.text(std::string(labels(lang).list_separator));
    b.link(facts[i].text, facts[i].url, facts[i].id);
  }
}

// "新功能 20、问题修复 30": the repository's largest kinds.
std::string kind_breakdown(const PeriodCounts& counts, Language lang) {
  auto kinds = counts.by_kind;
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (kinds.size() > kKindsPerRepoLine) kinds.resize(kKindsPerRepoLine);
  std::string out;
  for (const auto& [kind, n] : kinds)
    out += (out.empty() ? "" : std::string(labels(lang).list_separator)) +
           fmt::format("{} {}", kind_label(kind, lang), n);
  return out;
}

// "80 项变更（上周 70 项；新功能 20、问题修复 30），12 个合并 PR，3 个新 issue（1 个严重），1 个发布"
std::string activity_text(const PeriodCounts& c, int previous_changes, PeriodKind kind, Language lang) {
  const auto& L = labels(lang);
  const auto& P = period_labels(kind, lang);
  const bool zh = lang == Language::kZh;
  std::string detail = zh ? fmt::format("{} {} 项", P.prev_period, previous_changes)
                          : fmt::format("{}: {}", P.prev_period, previous_changes);
  if (auto kinds = kind_breakdown(c, lang); !kinds.empty()) detail += std::string(L.clause_separator) + kinds;
  std::vector<std::string> parts{count_changes(c.changes, lang) + std::string(L.open_paren) + detail +
                                 std::string(L.close_paren)};
  if (c.merged_prs > 0) parts.push_back(count_merged_prs(c.merged_prs, lang));
  if (c.issues > 0) {
    std::string issues = count_issues(c.issues, lang);
    if (c.severe_issues > 0)
      issues += std::string(L.open_paren) +
                (zh ? fmt::format("{} 个严重", c.severe_issues) : fmt::format("{} severe", c.severe_issues)) +
                std::string(L.close_paren);
    parts.push_back(issues);
  }
  if (c.releases > 0) parts.push_back(count_releases(c.releases, lang));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : (zh ? "，" : ", ")) + p;
  return out;
}

Statement period_line(const PeriodReport& r) {
  const auto& L = labels(r.language);
  const auto& P = period_labels(r.window.kind, r.language);
  const bool zh = r.language == Language::kZh;
  PeriodCounts total;
  int previous = 0, active = 0;
  std::vector<const PeriodItem*> items;
  std::vector<const ReportIssue*> issues;
  std::vector<const PeriodRelease*> releases;
  for (const auto& repo : r.repos) {
    total.changes += repo.counts.changes;
    total.merged_prs += repo.counts.merged_prs;
    total.issues += repo.counts.issues;
    total.severe_issues += repo.counts.severe_issues;
    total.releases += repo.counts.releases;
    previous += repo.previous_changes;
    active += repo.empty() ? 0 : 1;
    for (const auto& t : repo.top) items.push_back(&t);
    for (const auto& i : repo.severe_issues) issues.push_back(&i);
  }
  for (const auto& rel : r.releases)
    if (!is_nightly(rel)) releases.push_back(&rel);  // routine builds never lead
  StatementBuilder b;
  const std::string range = zh ? fmt::format("{}（{} 至 {}）", P.this_period, format_date(r.window.first),
                                             format_date(r.window.last))
                               : fmt::format("{} ({} to {})", P.this_period, format_date(r.window.first),
                                             format_date(r.window.last));
  if (zh) {
    b.text(fmt::format("{}{} 个关注仓库中有 {} 个有更新：", range, r.repos.size(), active));
  } else {
    std::string cap = range;
    cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
    b.text(fmt::format("{} {} of {} watched repositories moved: ", cap, active, r.repos.size()));
  }
  b.text(activity_text(total, previous, r.window.kind, r.language));
  auto facts = lead_facts(items, releases, issues, kLeadFacts);
  if (!facts.empty()) {
    b.text(std::string(L.clause_separator) + (zh ? "最重要的变更：" : "most important: "));
    cite_facts(b, facts, r.language);
  }
  b.text(std::string(L.period));
  return b.build();
}

Statement repo_line(const PeriodRepo& repo, const PeriodReport& r) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  std::vector<const PeriodItem*> items;
  for (const auto& t : repo.top) items.push_back(&t);
  std::vector<const PeriodRelease*> releases;
  for (const auto& rel : r.releases)
    if (rel.repo == repo.full_name && !is_nightly(rel)) releases.push_back(&rel);
  std::vector<const ReportIssue*> issues;
  for (const auto& i : repo.severe_issues) issues.push_back(&i);
  StatementBuilder b;
  b.strong(repo.full_name).text(std::string(L.colon));
  b.text(activity_text(repo.counts, repo.previous_changes, r.window.kind, r.language));
  auto facts = lead_facts(items, releases, issues, 1);
  if (!facts.empty()) {
    b.text(std::string(L.clause_separator) + (zh ? "重点：" : "top: "));
    cite_facts(b, facts, r.language);
  }
  b.text(std::string(L.period));
  return b.build();
}

}  // namespace

std::vector<Statement> compose_period_summary(const PeriodReport& report) {
  std::vector<const PeriodRepo*> active;
  for (const auto& repo : report.repos)
    if (!repo.empty()) active.push_back(&repo);
  if (active.empty()) return {};
  std::vector<Statement> out{period_line(report)};
  std::stable_sort(active.begin(), active.end(),
                   [](const PeriodRepo* a, const PeriodRepo* b) { return a->counts.changes > b->counts.changes; });
  for (const auto* repo : active) out.push_back(repo_line(*repo, report));
  return out;
}

Statement compose_highlight(const PeriodItem& p, Language lang) {
  const auto& L = labels(lang);
  StatementBuilder b;
  b.strong(std::string(kind_label(p.item.classification.kind, lang))).text(std::string(L.colon)).item(p.item);
  if (p.item.pr) b.text(fmt::format(" (#{})", *p.item.pr));
  b.text(" · " + month_day(p.day));
  if (!p.item.classification.tags.empty()) {
    std::string tags;
    for (const auto& t : p.item.classification.tags)
      tags += (tags.empty() ? "" : std::string(L.list_separator)) + t.name;
    b.text(std::string(" · ") + (lang == Language::kZh ? "标签：" : "tags: ") + tags);
  }
  return b.build();
}

Statement compose_issue_line(const ReportIssue& issue, Language lang) {
  const auto& L = labels(lang);
  StatementBuilder b;
  b.link(fmt::format("#{} {}", issue.number, issue.title), issue.url, issue.id);
  b.text(std::string(" · ") + std::string(issue_kind_label(issue.classification.kind, lang)));
  if (!issue.classification.tags.empty()) {
    std::string tags;
    for (const auto& t : issue.classification.tags)
      tags += (tags.empty() ? "" : std::string(L.list_separator)) + t.name;
    b.text(std::string(" · ") + (lang == Language::kZh ? "标签：" : "tags: ") + tags);
  }
  return b.build();
}

Statement compose_nightly_line(const std::vector<const PeriodRelease*>& builds, Language lang) {
  const PeriodRelease& newest = *builds.back();
  StatementBuilder b;
  b.strong(newest.repo)
      .text(lang == Language::kZh
                ? fmt::format(" {} 个 nightly 构建（{} 至 {}），最新 ", builds.size(), month_day(builds.front()->day),
                              month_day(newest.day))
                : fmt::format(" {} nightly build{} ({} to {}), newest ", builds.size(), builds.size() == 1 ? "" : "s",
                              month_day(builds.front()->day), month_day(newest.day)))
      .link(newest.release.tag, newest.release.url, newest.release.id);
  for (const auto* r : builds) b.cite(r->release.id);
  return b.build();
}

std::vector<Statement> compose_release_lines(const std::vector<PeriodRelease>& releases, Language lang) {
  std::vector<Statement> out;
  std::map<std::string, std::vector<const PeriodRelease*>> nightlies;  // by repo, oldest first
  for (const auto& r : releases) {
    if (is_nightly(r)) nightlies[r.repo].push_back(&r);
    else out.push_back(compose_release_line(r, lang));
  }
  for (const auto& [repo, builds] : nightlies) out.push_back(compose_nightly_line(builds, lang));
  return out;
}

Statement compose_release_line(const PeriodRelease& r, Language lang) {
  const auto& name = r.release.name;
  StatementBuilder b;
  b.strong(r.repo).text(" ");
  b.link(name && *name != r.release.tag ? r.release.tag + " " + *name : r.release.tag, r.release.url, r.release.id);
  if (r.release.prerelease.value_or(false)) b.text(lang == Language::kZh ? "（预发布）" : " (pre-release)");
  b.text(" · " + month_day(r.day));
  return b.build();
}

}  // namespace infradigest
