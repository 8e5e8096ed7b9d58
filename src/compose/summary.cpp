// 摘要: which repos moved, and the day's most important changes.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compose/composer.h"
#include "compose/importance.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

// Items worth a headline: not docs/CI/chores, most important first. Reverts
// are named in a clause of their own (reverts()), so they never compete.
std::vector<const ReportItem*> highlights(const RepoSection& s, size_t limit) {
  std::vector<const ReportItem*> out;
  for (const auto& i : s.items) {
    auto k = i.classification.kind;
    if (k == ChangeKind::kDocs || k == ChangeKind::kCiBuild || k == ChangeKind::kChore ||
        k == ChangeKind::kTest || k == ChangeKind::kRevert)
      continue;
    out.push_back(&i);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ReportItem* a, const ReportItem* b) { return a->importance > b->importance; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// A revert undoes shipped work: always worth naming, however small.
std::vector<const ReportItem*> reverts(const RepoSection& s) {
  std::vector<const ReportItem*> out;
  for (const auto& i : s.items)
    if (i.classification.kind == ChangeKind::kRevert) out.push_back(&i);
  return out;
}

// Busy repositories get more headlines: a day with 30 changes has more news.
size_t highlight_limit(const RepoSection& s) {
  if (s.items.size() > 20) return 5;
  if (s.items.size() > 10) return 3;
  return 2;
}

// "问题修复 3、文档 4": counts by kind in report order.
std::string kind_breakdown(const RepoSection& s, Language lang) {
  std::map<ChangeKind, int> counts;
  for (const auto& i : s.items) ++counts[i.classification.kind];
  std::string out;
  for (auto kind : all_change_kinds()) {
    if (!counts[kind]) continue;
    if (!out.empty()) out += labels(lang).list_separator;
    out += fmt::format("{} {}", kind_label(kind, lang), counts[kind]);
  }
  return out;
}

Statement overview(const Report& r) {
  const Language lang = r.language;
  int active = 0, commits = 0, issues = 0, releases = 0;
  for (const auto& s : r.repos) {
    active += s.empty() ? 0 : 1;
    commits += static_cast<int>(s.items.size());
    issues += static_cast<int>(s.issues.size());
    releases += static_cast<int>(s.releases.size());
  }
  StatementBuilder b;
  const int watched = static_cast<int>(r.repos.size());
  if (active == 0)
    return b.text(lang == Language::kZh ? fmt::format("{} 个关注仓库均无更新。", watched)
                                        : fmt::format("None of the {} watched repositories moved.", watched))
        .build();
  std::string counts = count_commits(commits, lang) + std::string(labels(lang).list_separator) +
                       count_issues(issues, lang) + std::string(labels(lang).list_separator) +
                       count_releases(releases, lang);
  b.text(lang == Language::kZh ? fmt::format("{} 个关注仓库中 {} 个有更新：{}。", watched, active, counts)
                               : fmt::format("{} of {} watched repositories moved: {}.", active, watched, counts));
  return b.build();
}

// A repository's best news of the day: its release, else its top change.
struct TopCandidate {
  const RepoSection* section = nullptr;
  const ReportRelease* release = nullptr;
  const ReportItem* item = nullptr;
  double importance = 0;
};

// The day at a glance: the best news of each of the three repos whose best
// news matters most (one per repo, so a busy repo cannot crowd out the
// others). A release is its repo's best news: it is what users install.
Statement top_changes(const Report& r) {
  std::vector<TopCandidate> all;
  for (const auto& s : r.repos) {
    TopCandidate best{&s};
    for (const auto& rel : s.releases)
      if (double score = importance(rel); !best.release || score > best.importance) best = {&s, &rel, nullptr, score};
    for (const auto* i : highlights(s, 1))
      if (!best.release && !best.item) best = {&s, nullptr, i, i->importance};
    if (best.release || best.item) all.push_back(best);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const TopCandidate& a, const TopCandidate& b) { return a.importance > b.importance; });
  if (all.size() > 3) all.resize(3);
  StatementBuilder b;
  if (all.empty()) return b.build();
  const auto& L = labels(r.language);
  b.strong(r.language == Language::kZh ? "今日要点" : "Top changes").text(std::string(L.colon));
  for (size_t k = 0; k < all.size(); ++k) {
    if (k) b.text(std::string(L.clause_separator));
    if (all[k].release) {
      const ReportRelease& rel = *all[k].release;
      b.text(r.language == Language::kZh ? "发布 " : "released ").link(rel.tag, rel.url, rel.id);
    } else {
      b.item(*all[k].item);
    }
    b.text(std::string(L.open_paren) + all[k].section->full_name + std::string(L.close_paren));
  }
  return b.text(std::string(L.period)).build();
}

Statement repo_line(const RepoSection& s, Language lang) {
  const auto& L = labels(lang);
  StatementBuilder b;
  b.strong(s.full_name).text(std::string(L.colon));
  bool first = true;
  auto clause = [&] {
    if (!first) b.text(std::string(L.clause_separator));
    first = false;
  };
  for (const auto& rel : s.releases) {
    clause();
    b.text(lang == Language::kZh ? "发布 " : "released ").link(rel.tag, rel.url, rel.id);
  }
  if (!s.items.empty()) {
    clause();
    b.text(count_commits(static_cast<int>(s.items.size()), lang) + std::string(L.open_paren) +
           kind_breakdown(s, lang) + std::string(L.close_paren));
  }
  if (!s.issues.empty()) {
    clause();
    b.text(count_issues(static_cast<int>(s.issues.size()), lang));
  }
  auto tops = highlights(s, highlight_limit(s));
  if (!tops.empty()) {
    b.text(std::string(L.period) + (lang == Language::kZh ? "重点：" : " Highlights: "));
    for (size_t k = 0; k < tops.size(); ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.item(*tops[k]);
    }
  }
  auto undone = reverts(s);
  if (!undone.empty()) {
    b.text(std::string(L.period) + (lang == Language::kZh ? "回滚：" : " Reverted: "));
    for (size_t k = 0; k < undone.size(); ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.item(*undone[k]);
    }
  }
  return b.text(std::string(L.period)).build();
}

}  // namespace

std::vector<Statement> compose_summary(const Report& r) {
  std::vector<Statement> out{overview(r)};
  Statement top = top_changes(r);
  if (!top.spans.empty()) out.push_back(std::move(top));
  for (const auto& s : r.repos)
    if (!s.empty()) out.push_back(repo_line(s, r.language));
  return out;
}

}  // namespace infradigest
