#include "sync/repo_sync.h"

#include <atomic>
#include <mutex>
#include <set>

#include "github/api_url.h"
#include "github/github_json.h"
#include "sync/landing_rule.h"
#include "sync/list_walk.h"
#include "sync/pull_commits.h"
#include "core/parallel_for.h"

namespace infradigest {

namespace {

using nlohmann::json;

bool before(const json& item, const char* key, SysSeconds since) {
  auto t = optional_json_time(item, key);
  return t.ok() && t->has_value() && (*t)->instant < since;
}

class RepoSync {
 public:
  RepoSync(GithubClient& github, const RepoSyncRequest& request, const RepoSyncLookups& lookups)
      : github_(github), req_(request), lookups_(lookups) {
    out_.repo = request.repo;
    out_.since = request.since;
  }

  RepoSyncOutput run() {
    // The default branch, the branch walk and the three lists are independent reads.
    Status results[5];
    parallel_for(5, 5, [&](size_t task) {
      switch (task) {
        case 0: results[0] = fetch_repository(); break;
        case 1: results[1] = walk_branch(); break;
        case 2: results[2] = fetch_pull_requests(); break;
        case 3: results[3] = fetch_issues(); break;
        default: results[4] = fetch_releases(); break;
      }
    });
    // Without the repository (gone, no access) nothing of it is kept.
    if (!results[0]) {
      for (SyncList list : kSyncLists) fail(list, results[0].error(), "repository");
      return RepoSyncOutput{req_.repo, req_.since, {}, {}, {}, {}, std::move(out_.failures)};
    }
    Status commits = results[1] ? fetch_details() : results[1];
    if (commits) {
      for (auto& c : commits_) bound_patches(c, req_.patch_limits);
      out_.activity.commits = std::move(commits_);
      finish_cursor();
      keep(SyncList::kCommits, commit_etags_);
    } else {
      fail(SyncList::kCommits, commits.error());
    }
    // Rebase-merged PRs: their commits, looked up only when needed
    // (sync/pull_commits.h); a failed lookup leaves the PR list incomplete.
    if (commits && results[2]) {
      auto rebased = link_rebased_commits(github_, req_.repo, out_.activity.pull_requests, out_.activity.commits);
      if (!rebased) results[2] = rebased.error();
    }
    const SyncList lists[] = {SyncList::kPullRequests, SyncList::kIssues, SyncList::kReleases};
    for (int i = 0; i < 3; ++i) {
      if (results[i + 2]) keep(lists[i], list_etags_[i]);
      else fail(lists[i], results[i + 2].error());
    }
    return std::move(out_);
  }

 private:
  Result<std::optional<std::string>> stored_etag(const std::string& key) { return lookups_.etag(key); }

  void keep(SyncList list, std::vector<EtagEntry>& etags) {
    out_.synced.push_back(list);
    for (auto& e : etags) out_.etags.push_back(std::move(e));
  }

  void fail(SyncList list, const Error& e, const char* what = nullptr) {
    out_.failures.push_back(ListFailure{list, e.with_context(req_.repo + " " + (what ? what : std::string(sync_list_label(list))))});
  }

  // Where a newest-first list is read down to: the window start, or the last
  // successful read of the list when that is earlier (a read that failed, or
  // days skipped), so nothing published since then is missed.
  SysSeconds stop_of(SyncList list) const {
    auto it = req_.state.lists.find(list);
    if (it == req_.state.lists.end() || !it->second.through) return req_.since;
    return std::min(req_.since, *it->second.through);
  }

  // ETags are kept per list, and stored only when their list was read completely.
  static void keep_etag(std::vector<EtagEntry>& to, const std::string& key, const std::optional<std::string>& etag) {
    if (etag) to.push_back(EtagEntry{key, *etag});
  }

  Status fetch_repository() {
    const std::string url = github_.api("/repos/" + req_.repo);
    auto etag = stored_etag(url);
    if (!etag) return etag.error();
    // A 304 says "as stored"; without a stored branch there is nothing to reuse.
    if (!req_.state.default_branch) *etag = std::nullopt;
    auto page = github_.get(url, *etag);
    if (!page) return page.error();
    std::optional<std::string> kept = *etag;
    if (page->not_modified) {
      branch_ = *req_.state.default_branch;
    } else {
      if (!page->body.is_object() || !page->body.contains("default_branch") || !page->body["default_branch"].is_string())
        return make_error("the repository has no 'default_branch'");
      branch_ = page->body["default_branch"].get<std::string>();
      kept = page->etag;
    }
    std::lock_guard lock(mutex_);
    keep_etag(commit_etags_, url, kept);
    out_.activity.repositories.push_back(Repository{req_.repo, branch_});
    return {};
  }

  Status walk_branch() {
    const auto& cursor = req_.state.cursor;
    CommitWalkRequest walk_request{req_.repo, cursor, req_.since, std::nullopt};
    if (cursor) {
      auto etag = stored_etag(branch_commits_url(github_, req_.repo));
      if (!etag) return etag.error();
      walk_request.etag = *etag;
    }
    auto walk = walk_new_commits(github_, walk_request, lookups_.known_commit);
    if (!walk) return walk.error();
    {
      std::lock_guard lock(mutex_);
      keep_etag(commit_etags_, walk->first_page_url, walk->etag);
    }
    head_ = walk->head_sha;
    std::vector<Commit> walked = std::move(walk->commits);
    if (cursor) attribute_landing(walked, req_.floor);
    for (size_t i = 0; i < walked.size(); ++i) add_commit(std::move(walked[i]), walk->detailed[i]);

    // Days before the horizon were never walked: take them by committer date.
    if (cursor && req_.since < cursor->horizon) {
      auto older = list_commits_between(github_, req_.repo, req_.since, std::min(req_.until, cursor->horizon),
                                        lookups_.known_commit);
      if (!older) return older.error();
      for (auto& c : *older) add_commit(std::move(c), false);
    }
    return {};
  }

  void add_commit(Commit c, bool detailed) {
    if (!seen_commits_.insert(*c.sha).second) return;
    commits_.push_back(std::move(c));
    detailed_.push_back(detailed);
  }

  Status fetch_details() {
    std::atomic<bool> failed{false};
    std::atomic<long long> fetched{0};
    std::vector<Status> errors(commits_.size());
    parallel_for(commits_.size(), static_cast<size_t>(req_.detail_threads), [&](size_t i) {
      if (detailed_[i] || failed) return;
      auto detail = fetch_commit_detail(github_, req_.repo, *commits_[i].sha);
      if (!detail) {
        errors[i] = detail.error();
        failed = true;
        return;
      }
      detail->landed_at = commits_[i].landed_at;  // the walk's attribution, not the detail's
      commits_[i] = std::move(*detail);
      ++fetched;
      if (lookups_.on_commit) lookups_.on_commit();
    });
    for (auto& e : errors)
      if (!e) return e.error();
    out_.commit_details = fetched;
    return {};
  }

  Status fetch_pull_requests() {
    // /pulls has no `since`: sorted by update, newest first, it is read down
    // to the window start (a PR merged in the window was updated then too).
    const SysSeconds stop = stop_of(SyncList::kPullRequests);
    ListWalkRequest list{github_.api("/repos/" + req_.repo + "/pulls?state=closed&sort=updated&direction=desc&per_page=100"),
                         std::nullopt, [&](const json& j) { return before(j, "updated_at", stop); }, true};
    auto walk = walk_windowed(SyncList::kPullRequests, list, stop, list_etags_[0]);
    if (!walk) return walk.error();
    std::vector<PullRequest> prs;
    for (const auto& j : walk->items) {
      auto p = pull_request_from_json(req_.repo, j);
      if (!p) return p.error();
      if (p->merged_at && p->merged_at->instant >= stop) prs.push_back(std::move(*p));
    }
    std::lock_guard lock(mutex_);
    out_.activity.pull_requests = std::move(prs);
    return {};
  }

  Status fetch_issues() {
    // Sorted by creation, the list is read down to the window start. No
    // `since` (it filters on the update time, a superset of "opened since"):
    // the URL stays the same from day to day, so its ETag can answer 304.
    const SysSeconds stop = stop_of(SyncList::kIssues);
    ListWalkRequest list{github_.api("/repos/" + req_.repo + "/issues?state=all&sort=created&direction=desc&per_page=100"),
                         std::nullopt, [&](const json& j) { return before(j, "created_at", stop); }, false};
    auto walk = walk_windowed(SyncList::kIssues, list, stop, list_etags_[1]);
    if (!walk) return walk.error();
    std::vector<Issue> issues;
    for (const auto& j : walk->items) {
      if (is_pull_request(j)) continue;  // the issues list holds PRs too
      auto i = issue_from_json(req_.repo, j);
      if (!i) return i.error();
      if (i->created_at.instant >= stop) issues.push_back(std::move(*i));
    }
    std::lock_guard lock(mutex_);
    out_.activity.issues = std::move(issues);
    return {};
  }

  Status fetch_releases() {
    const SysSeconds stop = stop_of(SyncList::kReleases);
    ListWalkRequest list{github_.api("/repos/" + req_.repo + "/releases?per_page=100"), std::nullopt,
                         [&](const json& j) { return before(j, "created_at", stop); }, false};
    auto walk = walk_windowed(SyncList::kReleases, list, stop, list_etags_[2]);
    if (!walk) return walk.error();
    std::vector<Release> releases;
    for (const auto& j : walk->items) {
      if (!is_published_release(j)) continue;  // drafts
      auto r = release_from_json(req_.repo, j);
      if (!r) return r.error();
      if (r->published_at.instant >= stop) releases.push_back(std::move(*r));
    }
    std::lock_guard lock(mutex_);
    out_.activity.releases = std::move(releases);
    return {};
  }

  // A list's ETag is stored under its URL (the same every day) by a read that
  // covered the list down to its start and through that read's time. A 304
  // says nothing changed since that read, so everything from the coverage's
  // start on is already stored: the walk is skipped and the list counts as
  // read (sync_lists). That holds only when the coverage reaches down to where
  // this read must go — not for a backfill of days before the list was first
  // read, which walks the list unconditionally.
  Result<ListWalkResult> walk_windowed(SyncList which, ListWalkRequest list, SysSeconds stop,
                                       std::vector<EtagEntry>& etags) {
    const std::string key = list.url;
    auto etag = stored_etag(key);
    if (!etag) return etag.error();
    auto covered = req_.state.lists.find(which);
    const bool covers_stop = covered != req_.state.lists.end() && covered->second.through && covered->second.from <= stop;
    if (covers_stop) list.etag = *etag;
    auto walk = walk_list(github_, list);
    if (!walk) return walk.error();
    keep_etag(etags, key, walk->etag);
    return walk;
  }

  void finish_cursor() {
    const auto& old = req_.state.cursor;
    if (!head_) return;  // an empty repository: nothing to walk from next time
    SysSeconds horizon = old ? old->horizon : req_.since;
    // A backfill that reached the horizon extends what the store covers.
    if (old && req_.since < old->horizon && req_.until >= old->horizon) horizon = req_.since;
    out_.cursor = BranchCursor{branch_, *head_, horizon};
  }

  GithubClient& github_;
  const RepoSyncRequest& req_;
  const RepoSyncLookups& lookups_;
  std::mutex mutex_;
  RepoSyncOutput out_;
  std::string branch_;
  std::optional<std::string> head_;
  std::vector<Commit> commits_;
  std::vector<bool> detailed_;
  std::vector<EtagEntry> commit_etags_;      // the repository's and the branch's first pages
  std::vector<EtagEntry> list_etags_[3];     // pull requests, issues, releases
  std::set<std::string> seen_commits_;
};

}  // namespace

RepoSyncOutput sync_repo(GithubClient& github, const RepoSyncRequest& request, const RepoSyncLookups& lookups) {
  return RepoSync(github, request, lookups).run();
}

}  // namespace infradigest
