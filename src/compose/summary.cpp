// 摘要: the counts line, then at most six ranked lines that say what matters
// today — releases with their notable notes, severe bug reports, new
// platforms and models, new or changed APIs, correctness fixes and reverts,
// performance work — each naming and linking its items. Docs, examples, CI,
// tests and chores never lead; every item appears in at most one line.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "compose/composer.h"
#include "compose/importance.h"
#include "compose/release_notes.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

constexpr size_t kMaxRankedLines = 6;
constexpr size_t kReleaseNotesQuoted = 2;
constexpr size_t kReleaseNoteBytes = 120;
constexpr size_t kMaxSevereIssues = 2;
// A severe bug report outranks every change but a release: users hit it today.
constexpr double kSevereIssueRank = 12;

std::string short_repo(const std::string& full_name) {
  const auto slash = full_name.find('/');
  return slash == std::string::npos ? full_name : full_name.substr(slash + 1);
}

bool has_facet(const Classification& c, TagFacet facet) {
  return std::any_of(c.tags.begin(), c.tags.end(), [&](const Tag& t) { return t.facet == facet; });
}

// Never a headline: the product does not change for users.
bool routine(const ReportItem& i) {
  const auto k = i.classification.kind;
  return k == ChangeKind::kDocs || k == ChangeKind::kCiBuild || k == ChangeKind::kChore ||
         k == ChangeKind::kTest || peripheral_only(i.classification, i.files);
}

struct Located {
  const ReportItem* item;
  const std::string* repo;
};

// One ranked line: which items it may claim, how many, and its label.
struct LineRule {
  std::string_view zh, en;
  size_t limit;
  std::function<bool(const ReportItem&)> claims;
  bool joins_previous = false;  // a clause of the previous rule's line, when both have items
};

const std::vector<LineRule>& line_rules() {
  static const std::vector<LineRule> rules{
      {"新平台与新模型", "New platforms and models", 8,
       [](const ReportItem& i) {
         const auto& c = i.classification;
         return c.new_support || (c.kind == ChangeKind::kFeature &&
                                  (has_facet(c, TagFacet::kHardware) || has_facet(c, TagFacet::kModel)));
       }},
      {"新接口与破坏性变更", "New and changed APIs", 3,
       [](const ReportItem& i) { return i.classification.new_api || i.classification.breaking; }},
      {"正确性修复", "Correctness fixes", 4, [](const ReportItem& i) { return i.classification.kind == ChangeKind::kFix; }},
      // A revert undoes shipped work: always named, however small.
      {"回滚", "Reverted", 3, [](const ReportItem& i) { return i.classification.kind == ChangeKind::kRevert; },
       true},
      {"性能", "Performance", 3, [](const ReportItem& i) { return i.classification.kind == ChangeKind::kPerf; }},
  };
  return rules;
}

struct RankedLine {
  double rank = 0;
  Statement statement;
};

// The repositories whose sync failed, said first: the counts after it are
// about the others, and a failed repository is never counted as quiet.
std::string unsynced_prefix(const Report& r, int watched) {
  if (r.incomplete_repos.empty()) return "";
  std::string names;
  for (const auto& n : r.incomplete_repos) names += (names.empty() ? "" : std::string(labels(r.language).list_separator)) + n;
  const int missing = static_cast<int>(r.incomplete_repos.size());
  if (r.language == Language::kZh)
    return fmt::format("{} 个关注仓库中 {} 个未同步（{}），其内容不在本报告中；", watched, missing, names);
  return fmt::format("{} of {} watched repositories were not synced ({}) and are missing from this report; ", missing,
                     watched, names);
}

Statement overview(const Report& r) {
  const Language lang = r.language;
  const auto& L = labels(lang);
  int active = 0, commits = 0, issues = 0, releases = 0;
  std::vector<const RepoSection*> busiest;
  for (const auto& s : r.repos) {
    // Counted over the synced repositories (an unsynced one may show a part of its day).
    if (std::find(r.incomplete_repos.begin(), r.incomplete_repos.end(), s.full_name) != r.incomplete_repos.end())
      continue;
    active += s.empty() ? 0 : 1;
    commits += static_cast<int>(s.items.size());
    issues += static_cast<int>(s.issues.size());
    releases += static_cast<int>(s.releases.size());
    if (!s.items.empty()) busiest.push_back(&s);
  }
  StatementBuilder b;
  if (!r.incomplete_repos.empty()) {
    const int all = static_cast<int>(r.repos.size());
    b.text(unsynced_prefix(r, all));
    const int synced = all - static_cast<int>(r.incomplete_repos.size());
    if (synced <= 0) return b.text(lang == Language::kZh ? "没有仓库同步成功。" : "none was synced.").build();
    if (active == 0)
      return b.text(lang == Language::kZh ? fmt::format("其余 {} 个均无更新。", synced)
                                          : fmt::format("the other {} did not move.", synced))
          .build();
    std::string counts = count_changes(commits, lang) + std::string(labels(lang).list_separator) +
                         count_issues(issues, lang) + std::string(labels(lang).list_separator) +
                         count_releases(releases, lang);
    return b.text(lang == Language::kZh ? fmt::format("其余 {} 个中 {} 个有更新：{}。", synced, active, counts)
                                        : fmt::format("{} of the other {} moved: {}.", active, synced, counts))
        .build();
  }
  const int watched = static_cast<int>(r.repos.size());
  if (active == 0)
    return b.text(lang == Language::kZh ? fmt::format("{} 个关注仓库均无更新。", watched)
                                        : fmt::format("None of the {} watched repositories moved.", watched))
        .build();
  std::string counts = count_changes(commits, lang) + std::string(L.list_separator) + count_issues(issues, lang) +
                       std::string(L.list_separator) + count_releases(releases, lang);
  b.text(lang == Language::kZh ? fmt::format("{} 个关注仓库中 {} 个有更新：{}", watched, active, counts)
                               : fmt::format("{} of {} watched repositories moved: {}", active, watched, counts));
  // The two busiest repositories, when the day has several: where to read first.
  std::stable_sort(busiest.begin(), busiest.end(),
                   [](const RepoSection* a, const RepoSection* x) { return a->items.size() > x->items.size(); });
  if (busiest.size() > 2) {
    b.text(lang == Language::kZh ? "；最活跃：" : "; busiest: ");
    for (size_t k = 0; k < 2; ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.text(fmt::format("{}{}{}{}", busiest[k]->full_name, L.open_paren,
                         count_changes(static_cast<int>(busiest[k]->items.size()), lang), L.close_paren));
    }
  }
  return b.text(std::string(L.period)).build();
}

// "**发布**：NVIDIA/cutlass [v4.4.1](…)——“Fixed segfault …”；“Fixed driver TMA …”。"
// Notes are quoted verbatim, never reworded. Nightly builds never lead.
std::optional<RankedLine> release_line(const Report& r, LinkLedger& ledger) {
  const bool zh = r.language == Language::kZh;
  const auto& L = labels(r.language);
  StatementBuilder b(&ledger);
  double rank = 0;
  for (const auto& s : r.repos)
    for (const auto& rel : s.releases) {
      if (is_nightly_release(rel.tag, rel.name.value_or(""))) continue;
      if (b.empty()) b.strong(zh ? "发布" : "Released").text(std::string(L.colon));
      else b.text(std::string(L.clause_separator));
      rank = std::max(rank, importance(rel));
      b.text(s.full_name + " ").link(rel.tag, rel.url, rel.id);
      auto notes = notable_release_notes(rel.notes.value_or(""), kReleaseNotesQuoted, kReleaseNoteBytes);
      for (size_t k = 0; k < notes.size(); ++k)
        b.text(k == 0 ? (zh ? "——“" : " — “") : (zh ? "”；“" : "”; “")).text(notes[k]);
      if (!notes.empty()) b.text("”");
    }
  if (rank == 0) return std::nullopt;
  return RankedLine{rank, b.text(std::string(L.period)).build()};
}

// "**需警惕**：sgl-project/sglang [#19449 …](…)（输出异常）。"
std::optional<RankedLine> severe_issues_line(const Report& r, LinkLedger& ledger) {
  const bool zh = r.language == Language::kZh;
  const auto& L = labels(r.language);
  StatementBuilder b(&ledger);
  size_t named = 0;
  for (const auto& s : r.repos)
    for (const auto& i : s.issues) {
      if (named == kMaxSevereIssues || !i.classification.severe || i.classification.kind != IssueKind::kBug) continue;
      if (named++ == 0) b.strong(zh ? "需警惕" : "Watch out").text(std::string(L.colon));
      else b.text(std::string(L.clause_separator));
      b.text(s.full_name + " ").link(fmt::format("#{} {}", i.number, i.title), i.url, i.id);
      if (auto symptom = detect_symptom(i.title))
        b.text(std::string(L.open_paren) + std::string(symptom_label(*symptom, r.language)) +
               std::string(L.close_paren));
    }
  if (!named) return std::nullopt;
  return RankedLine{kSevereIssueRank, b.text(std::string(L.period)).build()};
}

// The `limit` most important hits, but each repository's best one first, so a
// busy repository cannot crowd the others out of a line. Most important first.
std::vector<Located> most_important_across_repos(std::vector<Located> hits, size_t limit) {
  auto by_importance = [](const Located& a, const Located& x) { return a.item->importance > x.item->importance; };
  std::stable_sort(hits.begin(), hits.end(), by_importance);
  std::vector<Located> picked, rest;
  std::set<const std::string*> repos;
  for (const auto& h : hits) (repos.insert(h.repo).second ? picked : rest).push_back(h);
  if (picked.size() > limit) picked.resize(limit);
  for (size_t k = 0; k < rest.size() && picked.size() < limit; ++k) picked.push_back(rest[k]);
  std::stable_sort(picked.begin(), picked.end(), by_importance);
  return picked;
}

// Items of one rule not claimed by an earlier line, most important first.
std::optional<RankedLine> item_line(const Report& r, const LineRule& rule, std::set<std::string>& claimed,
                                    LinkLedger& ledger) {
  std::vector<Located> hits;
  for (const auto& s : r.repos)
    for (const auto& i : s.items)
      if (!routine(i) && !claimed.count(i.id) && rule.claims(i)) hits.push_back({&i, &s.full_name});
  if (hits.empty()) return std::nullopt;
  hits = most_important_across_repos(std::move(hits), rule.limit);
  const auto& L = labels(r.language);
  StatementBuilder b(&ledger);
  b.strong(std::string(r.language == Language::kZh ? rule.zh : rule.en)).text(std::string(L.colon));
  for (size_t k = 0; k < hits.size(); ++k) {
    if (k) b.text(std::string(L.list_separator));
    claimed.insert(hits[k].item->id);
    b.item(*hits[k].item).text(std::string(L.open_paren) + short_repo(*hits[k].repo) + std::string(L.close_paren));
  }
  return RankedLine{hits.front().item->importance, b.text(std::string(L.period)).build()};
}

}  // namespace

std::vector<Statement> compose_summary(const Report& r, LinkLedger& ledger) {
  std::vector<RankedLine> lines;
  if (auto l = release_line(r, ledger)) lines.push_back(std::move(*l));
  if (auto l = severe_issues_line(r, ledger)) lines.push_back(std::move(*l));
  std::set<std::string> claimed;
  bool previous_has_items = false;
  for (const auto& rule : line_rules()) {
    auto l = item_line(r, rule, claimed, ledger);
    if (l && rule.joins_previous && previous_has_items) {
      RankedLine& joined = lines.back();
      Statement& s = joined.statement;
      s.spans.back().text = std::string(labels(r.language).clause_separator);  // was the period
      s.spans.insert(s.spans.end(), l->statement.spans.begin(), l->statement.spans.end());
      for (auto& id : l->statement.cites)
        if (std::find(s.cites.begin(), s.cites.end(), id) == s.cites.end()) s.cites.push_back(id);
      joined.rank = std::max(joined.rank, l->rank);
    } else if (l) {
      lines.push_back(std::move(*l));
    }
    previous_has_items = l.has_value();
  }
  std::stable_sort(lines.begin(), lines.end(), [](const RankedLine& a, const RankedLine& b) { return a.rank > b.rank; });
  if (lines.size() > kMaxRankedLines) lines.resize(kMaxRankedLines);
  std::vector<Statement> out{overview(r)};
  for (auto& l : lines) out.push_back(std::move(l.statement));
  return out;
}

std::vector<Statement> compose_summary(const Report& r) {
  LinkLedger ledger;
  return compose_summary(r, ledger);
}

}  // namespace infradigest
