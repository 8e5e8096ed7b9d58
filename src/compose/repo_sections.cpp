#include "compose/repo_sections.h"

#include <algorithm>
#include <map>
#include <set>

#include "compose/code_changes.h"
#include "compose/changes.h"
#include "compose/importance.h"
#include "analysis/issue_problem.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

// A bug report: the classifier says so, or a label does ("bug", "type: bug").
bool is_bug_report(const Issue& issue, const IssueClassification& classification) {
  if (classification.kind == IssueKind::kBug) return true;
  return std::any_of(issue.labels.begin(), issue.labels.end(),
                     [](const std::string& label) { return ascii_lower(label).find("bug") != std::string::npos; });
}

}  // namespace

namespace {

// "Fix X (#12)" shows as "Fix X" when the item links PR 12 on its own.
std::string display_title(const std::string& title, std::optional<int> pr) {
  static const std::string kOpen = " (#";
  if (!pr || !title.ends_with(")")) return title;
  const std::string suffix = kOpen + std::to_string(*pr) + ")";
  if (title.size() > suffix.size() && title.ends_with(suffix)) return title.substr(0, title.size() - suffix.size());
  return title;
}

void order_items(std::vector<ReportItem>& items) {
  std::map<ChangeKind, size_t> rank;
  for (size_t i = 0; i < all_change_kinds().size(); ++i) rank[all_change_kinds()[i]] = i;
  std::stable_sort(items.begin(), items.end(), [&](const ReportItem& a, const ReportItem& b) {
    auto ra = rank[a.classification.kind], rb = rank[b.classification.kind];
    if (ra != rb) return ra < rb;
    return a.importance > b.importance;
  });
}

}  // namespace

ReportItem item_from_commit(const Commit& c, const std::map<int, const PullRequest*>& prs) {
  ReportItem item;
  item.id = fact_id(c);
  item.sha = c.sha;
  if (c.sha) item.shas = {*c.sha};
  item.title = c.title();
  item.pr = c.pr_number ? c.pr_number : pr_number_from_title(item.title);
  item.display_title = display_title(item.title, item.pr);
  item.author = c.author;
  if (c.sha) item.url = commit_url(c.repo, *c.sha);
  else if (item.pr) item.url = pull_url(c.repo, *item.pr);
  // The PR's labels and body sharpen classification when we have them.
  Classification cls = classify(c);
  if (item.pr) {
    if (auto it = prs.find(*item.pr); it != prs.end() && !it->second->labels.empty()) {
      Classification from_pr = classify(*it->second);
      for (const auto& t : from_pr.tags)
        if (std::find(cls.tags.begin(), cls.tags.end(), t) == cls.tags.end()) cls.tags.push_back(t);
      std::sort(cls.tags.begin(), cls.tags.end());
    }
  }
  item.classification = std::move(cls);
  item.files = static_cast<int>(c.files.size());
  for (const auto& f : c.files) {
    if (f.additions) item.additions = item.additions.value_or(0) + *f.additions;
    if (f.deletions) item.deletions = item.deletions.value_or(0) + *f.deletions;
  }
  // A listed empty file list is a change of nothing, not an unknown one.
  if (c.files_listed && c.files.empty()) item.additions = item.deletions = 0;
  item.date_only = c.landing_time().date_only();
  attach_code_facts(item, c);
  return item;
}

ReportItem item_from_pr(const PullRequest& p) {
  ReportItem item;
  item.id = fact_id(p);
  item.title = p.title;
  item.pr = p.number;
  item.display_title = display_title(item.title, item.pr);
  item.author = p.author;
  item.url = pull_url(p.repo, p.number);
  item.classification = classify(p);
  item.date_only = p.merged_at && p.merged_at->date_only();
  return item;
}

namespace {

// The day's items of one repository: grouped once, so building every
// section costs time linear in the day's items, however many repositories.
struct RepoItems {
  std::map<int, const PullRequest*> prs;
  std::vector<Change> changes;
  std::vector<const Issue*> issues;
  std::vector<const Release*> releases;
};

std::map<std::string, RepoItems, std::less<>> group_by_repo(const Activity& day) {
  std::map<std::string, RepoItems, std::less<>> out;
  for (const auto& p : day.pull_requests) out[p.repo].prs[p.number] = &p;
  for (auto& change : group_changes(day.commits)) out[change.repo].changes.push_back(std::move(change));
  for (const auto& i : day.issues) out[i.repo].issues.push_back(&i);
  for (const auto& r : day.releases) out[r.repo].releases.push_back(&r);
  return out;
}

}  // namespace

std::vector<RepoSection> build_repo_sections(const Activity& day, const ReportWindow& window,
                                             const std::vector<std::string>& watchlist) {
  std::vector<RepoSection> sections;
  const auto grouped = group_by_repo(day);
  static const RepoItems kNone;
  for (const auto& repo : watchlist) {
    RepoSection s;
    s.full_name = repo;
    s.url = repo_url(repo);
    auto found = grouped.find(repo);
    const RepoItems& mine = found == grouped.end() ? kNone : found->second;
    const auto& prs = mine.prs;

    for (const Release* r : mine.releases)
      s.releases.push_back(ReportRelease{fact_id(*r), r->tag, r->name, release_url(repo, r->tag), r->prerelease,
                                         r->body, r->pr_number});

    std::set<int> prs_with_commits;
    for (const Change& change : mine.changes) {
      ReportItem item = item_from_change(change, prs);
      if (item.pr) prs_with_commits.insert(*item.pr);
      // A change lands with its last commit: that one's committer date is the one to name.
      const Commit& c = *change.commits.back();
      if (c.landed_at) {
        const auto committed = c.committed_at.date_only() ? Result<SysDays>(c.committed_at.date())
                                                          : local_date(c.committed_at.instant, window.timezone);
        if (committed && *committed < window.date) item.committed_on = *committed;
      }
      item.importance = importance(item);
      s.items.push_back(std::move(item));
    }
    for (const auto& [number, p] : prs) {
      // A merged PR whose commit is not in the window's commits, and that is
      // not the PR behind a release, is still news of the day.
      bool merged_today = p->merged_at && window.contains(*p->merged_at);
      bool behind_release = std::any_of(s.releases.begin(), s.releases.end(),
                                        [pr = number](const ReportRelease& r) { return r.pr == pr; });
      if (!merged_today || prs_with_commits.count(number) || behind_release) continue;
      ReportItem item = item_from_pr(*p);
      item.importance = importance(item);
      s.items.push_back(std::move(item));
    }
    order_items(s.items);

    for (const Issue* i : mine.issues) {
      ReportIssue issue{fact_id(*i), i->number, i->title, issue_url(repo, i->number), i->author, classify(*i), {}};
      if (i->body && is_bug_report(*i, issue.classification)) issue.problem = describe_problem(*i->body);
      s.issues.push_back(std::move(issue));
    }
    std::sort(s.issues.begin(), s.issues.end(),
              [](const ReportIssue& a, const ReportIssue& b) { return a.number < b.number; });
    sections.push_back(std::move(s));
  }
  return sections;
}

}  // namespace infradigest
