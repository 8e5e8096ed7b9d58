#include "sync/pull_commits.h"

#include <map>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

// The PR's own commit titles, oldest first, as GitHub lists them.
Result<std::vector<std::string>> pull_commit_titles(GithubClient& github, const std::string& repo, int number) {
  std::vector<std::string> titles;
  std::optional<std::string> url =
      github.api("/repos/" + repo + "/pulls/" + std::to_string(number) + "/commits?per_page=100");
  for (int page = 0; url && page < kMaxPullCommitPages; ++page) {
    auto got = github.get(*url);
    if (!got) return got.error().with_context(repo + " pull request #" + std::to_string(number));
    if (!got->body.is_array())
      return make_error(repo + " pull request #" + std::to_string(number) + ": its commit list is not an array");
    for (const auto& c : got->body) {
      const auto* message = c.is_object() && c.contains("commit") && c["commit"].is_object() &&
                                    c["commit"].contains("message") && c["commit"]["message"].is_string()
                                ? &c["commit"]["message"]
                                : nullptr;
      const std::string text = message ? message->get<std::string>() : "";
      titles.emplace_back(trim_ascii_space(text.substr(0, text.find('\n'))));
    }
    url = got->next;
  }
  return titles;
}

bool needs_lookup(const PullRequest& p, const std::map<std::string, Commit*>& by_sha) {
  if (!p.merged_at || !p.merge_commit_sha) return false;
  auto it = by_sha.find(*p.merge_commit_sha);
  if (it == by_sha.end()) return false;
  const Commit& m = *it->second;
  return m.parents.size() == 1 && by_sha.count(m.parents[0]) && pr_number_from_title(m.title()) != p.number;
}

}  // namespace

Result<PullCommitsStats> link_rebased_commits(GithubClient& github, const std::string& repo,
                                              const std::vector<PullRequest>& pulls, std::vector<Commit>& commits) {
  std::map<std::string, Commit*> by_sha;
  for (auto& c : commits)
    if (c.sha) by_sha[*c.sha] = &c;
  PullCommitsStats stats;
  for (const auto& p : pulls) {
    if (static_cast<size_t>(stats.lookups) >= kMaxPullCommitLookups) break;
    if (!needs_lookup(p, by_sha)) continue;
    ++stats.lookups;
    auto titles = pull_commit_titles(github, repo, p.number);
    if (!titles) return titles.error();
    // Newest first on both sides: the merge commit is the PR's last commit.
    auto it = by_sha.find(*p.merge_commit_sha);
    for (auto t = titles->rbegin(); t != titles->rend() && it != by_sha.end(); ++t) {
      Commit& c = *it->second;
      if (c.title() != *t || c.parents.size() != 1 || c.pr_link == PullLink::kMergeCommit) break;
      if (&c != by_sha.at(*p.merge_commit_sha)) {
        c.pr_number = p.number;
        c.pr_link = PullLink::kPullCommits;
        ++stats.linked;
      }
      it = by_sha.find(c.parents[0]);
    }
  }
  return stats;
}

}  // namespace infradigest
