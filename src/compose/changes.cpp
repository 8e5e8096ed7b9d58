#include "compose/changes.h"

#include <algorithm>
#include <set>

#include "compose/repo_sections.h"
#include "model/pull_links.h"

namespace infradigest {

namespace {

bool landed_before(const Commit* a, const Commit* b) {
  if (a->landing_time().instant != b->landing_time().instant)
    return a->landing_time().instant < b->landing_time().instant;
  return a->key() < b->key();
}

const Commit* main_commit(const Change& change) {
  for (const Commit* c : change.commits)
    if (c->pr_link == PullLink::kMergeCommit || c->pr_link == PullLink::kMergeTitle) return c;
  return change.commits.back();
}

// The commits whose diffs make the change: all but merge commits, unless
// there are only merge commits.
std::vector<const Commit*> diff_commits(const Change& change) {
  std::vector<const Commit*> out;
  for (const Commit* c : change.commits)
    if (c->parents.size() < 2) out.push_back(c);
  return out.empty() ? change.commits : out;
}

std::string change_title(const Change& change, const PullRequest* pr) {
  if (pr) return pr->title;
  const Commit* main = change.main;
  if (pr_number_from_merge_title(main->title()))
    for (auto it = change.commits.rbegin(); it != change.commits.rend(); ++it)
      if ((*it)->parents.size() < 2) return (*it)->title();
  return main->title();
}

void add_tags(Classification& into, const Classification& from) {
  for (const auto& t : from.tags)
    if (std::find(into.tags.begin(), into.tags.end(), t) == into.tags.end()) into.tags.push_back(t);
  std::sort(into.tags.begin(), into.tags.end());
}

}  // namespace

std::vector<Change> group_changes(const std::vector<Commit>& commits) {
  std::map<std::pair<std::string, std::string>, Change> by_key;
  for (const auto& c : commits) {
    const std::string key = c.pr_number ? "#" + std::to_string(*c.pr_number) : c.key();
    Change& change = by_key[{c.repo, key}];
    change.repo = c.repo;
    change.pr = c.pr_number;
    change.commits.push_back(&c);
  }
  std::vector<Change> out;
  for (auto& [key, change] : by_key) {
    std::sort(change.commits.begin(), change.commits.end(), landed_before);
    change.main = main_commit(change);
    out.push_back(std::move(change));
  }
  std::stable_sort(out.begin(), out.end(), [](const Change& a, const Change& b) {
    if (a.repo != b.repo) return a.repo < b.repo;
    return landed_before(a.commits.back(), b.commits.back());
  });
  return out;
}

ReportItem item_from_change(const Change& change, const std::map<int, const PullRequest*>& prs) {
  if (change.commits.size() == 1) {
    return item_from_commit(*change.main, prs);
  }
  const Commit& main = *change.main;
  const PullRequest* pr = nullptr;
  if (change.pr)
    if (auto it = prs.find(*change.pr); it != prs.end()) pr = it->second;
  ReportItem item;
  item.id = fact_id(main);
  item.sha = main.sha;
  item.title = change_title(change, pr);
  item.pr = change.pr;
  item.display_title = item.title;
  if (change.pr) {
    const std::string suffix = " (#" + std::to_string(*change.pr) + ")";
    if (item.title.size() > suffix.size() && item.title.ends_with(suffix))
      item.display_title = item.title.substr(0, item.title.size() - suffix.size());
  }
  item.author = pr && pr->author ? pr->author : main.author;
  item.url = change.pr ? pull_url(change.repo, *change.pr) : main.sha ? commit_url(change.repo, *main.sha) : "";
  if (main.sha) item.shas.push_back(*main.sha);
  for (const Commit* c : change.commits)
    if (c != &main && c->sha) item.shas.push_back(*c->sha);

  // Classified as one change: the PR's title (else the change's), every
  // commit's message and files, then the PR's labels.
  const auto diffs = diff_commits(change);
  std::string body = pr && pr->body ? *pr->body : "";
  std::vector<FileChange> files;
  std::set<std::string> paths;
  bool counted = false;
  for (const Commit* c : diffs) {
    body += "\n" + c->message;
    for (const auto& f : c->files) {
      files.push_back(f);
      paths.insert(f.filename);
      if (f.additions) item.additions = item.additions.value_or(0) + *f.additions;
      if (f.deletions) item.deletions = item.deletions.value_or(0) + *f.deletions;
    }
    counted = counted || c->files_listed;
  }
  if (counted) {
    item.additions = item.additions.value_or(0);
    item.deletions = item.deletions.value_or(0);
  }
  Classification cls = classify_text(item.title, body, files);
  if (pr && !pr->labels.empty()) add_tags(cls, classify(*pr));
  item.classification = std::move(cls);
  item.files = static_cast<int>(paths.size());
  item.date_only = change.landed().date_only();
  return item;
}

}  // namespace infradigest
