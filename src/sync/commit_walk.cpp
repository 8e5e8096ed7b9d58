#include "sync/commit_walk.h"

#include <deque>
#include <set>

#include "github/api_url.h"
#include "github/github_json.h"

namespace infradigest {

namespace {

Error page_error(const Error& e, const std::string& repo) { return e.with_context(repo); }

// Walk state: which SHAs are still wanted, which were handled, what was found.
class Walk {
 public:
  Walk(GithubClient& github, const CommitWalkRequest& request, const KnownCommit& known)
      : github_(github), request_(request), known_(known),
        horizon_(request.cursor ? request.cursor->horizon : request.since) {}

  // Whether `sha` is already known to be old: stored, or the cursor's head.
  Result<bool> is_old(const std::string& sha) {
    if (request_.cursor && sha == request_.cursor->head_sha) return true;
    return known_(sha);
  }

  void want(const std::string& sha) { needed_.insert(sha); }
  bool wanted(const std::string& sha) const { return needed_.count(sha) > 0; }
  bool done() const { return needed_.empty(); }
  std::string next_wanted() const { return *needed_.begin(); }

  // Takes `c` (a wanted commit) into the result unless it is a boundary;
  // returns whether it was new.
  Result<bool> take(Commit c, bool detailed) {
    needed_.erase(*c.sha);
    handled_.insert(*c.sha);
    auto old = is_old(*c.sha);
    if (!old) return old.error();
    if (*old) return false;
    if (c.committed_at.instant < horizon_) {
      if (!request_.cursor) return false;  // a first sync goes by committer dates
      auto ancestor = is_ancestor_of_cursor(*c.sha);
      if (!ancestor) return ancestor.error();
      if (*ancestor) return false;
    }
    for (const auto& p : c.parents) {
      if (handled_.count(p)) continue;
      auto parent_old = is_old(p);
      if (!parent_old) return parent_old.error();
      if (!*parent_old) needed_.insert(p);
    }
    result.commits.push_back(std::move(c));
    result.detailed.push_back(detailed);
    if (result.commits.size() > kMaxNewCommitsPerWalk)
      return make_error("more than " + std::to_string(kMaxNewCommitsPerWalk) +
                        " new commits on the default branch since the last sync (history rewritten?); "
                        "nothing was stored for this repository");
    return true;
  }

  CommitWalkResult result;

 private:
  // GET /compare/{sha}...{cursor head}: "ahead" or "identical" means the
  // cursor's head contains `sha`.
  Result<bool> is_ancestor_of_cursor(const std::string& sha) {
    auto page = github_.get(github_.api("/repos/" + request_.repo + "/compare/" + sha + "..." +
                                        request_.cursor->head_sha + "?per_page=1"));
    if (!page) return page.error().with_context(request_.repo);
    const auto& status = page->body.is_object() ? page->body.value("status", "") : std::string();
    if (status.empty()) return make_error(request_.repo + ": a comparison without 'status'");
    return status == "ahead" || status == "identical";
  }

  GithubClient& github_;
  const CommitWalkRequest& request_;
  const KnownCommit& known_;
  const SysSeconds horizon_;
  std::set<std::string> needed_;
  std::set<std::string> handled_;
};

}  // namespace

std::string branch_commits_url(const GithubClient& github, const std::string& repo) {
  return github.api("/repos/" + repo + "/commits?per_page=100");
}

Result<Commit> fetch_commit_detail(GithubClient& github, const std::string& repo, const std::string& sha) {
  auto page = github.get(github.api("/repos/" + repo + "/commits/" + sha));
  if (!page) return page_error(page.error(), repo);
  auto commit = commit_from_json(repo, page->body);
  if (!commit) return commit.error().with_context(repo);
  if (commit->sha != sha) return make_error(repo + ": asked for commit " + sha + ", got " + commit->sha.value_or("?"));
  for (auto next = page->next; next;) {
    auto more = github.get(*next);
    if (!more) return page_error(more.error(), repo);
    if (!more->body.is_object() || !more->body.contains("files"))
      return make_error(repo + ": commit " + sha + ": a files page without 'files'");
    auto files = files_from_json(more->body["files"]);
    if (!files) return files.error().with_context(repo + ": commit " + sha);
    commit->files.insert(commit->files.end(), files->begin(), files->end());
    next = more->next;
  }
  return commit;
}

Result<CommitWalkResult> walk_new_commits(GithubClient& github, const CommitWalkRequest& request,
                                          const KnownCommit& known) {
  Walk walk(github, request, known);
  walk.result.first_page_url = branch_commits_url(github, request.repo);
  auto page = github.get(walk.result.first_page_url, request.cursor ? request.etag : std::nullopt);
  if (!page) return page_error(page.error(), request.repo);
  walk.result.etag = page->etag;
  if (page->not_modified) {
    walk.result.unchanged = true;
    walk.result.head_sha = request.cursor->head_sha;
    return std::move(walk.result);
  }

  // Pages of the listing, while they still bring new commits.
  std::set<std::string> listed;
  for (bool first = true;; first = false) {
    if (!page->body.is_array()) return make_error(request.repo + ": the commits list is not a JSON array");
    if (first && !page->body.empty()) {
      auto head = commit_from_json(request.repo, page->body.front());
      if (!head) return head.error().with_context(request.repo);
      walk.result.head_sha = head->sha;
      walk.want(*head->sha);
    }
    // Parse the whole page before using it: a malformed page is rejected whole.
    std::vector<Commit> items;
    for (const auto& j : page->body) {
      auto c = commit_from_json(request.repo, j);
      if (!c) return c.error().with_context(request.repo);
      items.push_back(std::move(*c));
    }
    int fresh = 0;
    for (auto& c : items) {
      if (!listed.insert(*c.sha).second || !walk.wanted(*c.sha)) continue;
      auto taken = walk.take(std::move(c), false);
      if (!taken) return taken.error().with_context(request.repo);
      fresh += *taken ? 1 : 0;
    }
    if (walk.done() || !page->next || fresh == 0) break;
    page = github.get(*page->next);
    if (!page) return page_error(page.error(), request.repo);
  }

  // Whatever the listing did not show: one detail each, which the sync needs anyway.
  while (!walk.done()) {
    const std::string sha = walk.next_wanted();
    auto c = fetch_commit_detail(github, request.repo, sha);
    if (!c) return c.error();
    auto taken = walk.take(std::move(*c), true);
    if (!taken) return taken.error().with_context(request.repo);
  }
  return std::move(walk.result);
}

Result<std::vector<Commit>> list_commits_between(GithubClient& github, const std::string& repo, SysSeconds since,
                                                 SysSeconds until, const KnownCommit& known) {
  std::vector<Commit> out;
  std::set<std::string> listed;
  std::optional<std::string> url = github.api("/repos/" + repo + "/commits?since=" +
                                              percent_encode(format_rfc3339_utc(since)) +
                                              "&until=" + percent_encode(format_rfc3339_utc(until)) + "&per_page=100");
  while (url) {
    auto page = github.get(*url);
    if (!page) return page_error(page.error(), repo);
    if (!page->body.is_array()) return make_error(repo + ": the commits list is not a JSON array");
    std::vector<Commit> items;
    for (const auto& j : page->body) {
      auto c = commit_from_json(repo, j);
      if (!c) return c.error().with_context(repo);
      items.push_back(std::move(*c));
    }
    for (auto& c : items) {
      if (!listed.insert(*c.sha).second) continue;
      auto old = known(*c.sha);
      if (!old) return old.error();
      if (!*old) out.push_back(std::move(c));
    }
    if (out.size() > kMaxNewCommitsPerWalk)
      return make_error(repo + ": more than " + std::to_string(kMaxNewCommitsPerWalk) +
                        " commits in the backfill window; sync a shorter window");
    url = page->next;
  }
  return out;
}

}  // namespace infradigest
