#include "model/pull_links.h"

#include <array>
#include <regex>
#include <unordered_map>
#include <unordered_set>

namespace infradigest {

namespace {

struct LinkKind {
  PullLink link;
  std::string_view name;
  std::string_view description;
};

constexpr std::array<LinkKind, 7> kLinkKinds = {{
    {PullLink::kMergeCommit, "merge_commit", "it is the PR's merge_commit_sha (its merge, squash or last rebased commit)"},
    {PullLink::kMergedBranch, "merged_branch",
     "the PR's merge commit brought it in (reachable from its second parent, not its first)"},
    {PullLink::kPullCommits, "pull_commits", "it is one of the PR's own commits, rebased onto the branch"},
    {PullLink::kTitle, "title", "its title ends with (#N)"},
    {PullLink::kMergeTitle, "merge_title", "it is a merge commit titled \"Merge pull request #N from ...\""},
    {PullLink::kMergeTitleBranch, "merge_title_branch",
     "a merge commit titled \"Merge pull request #N from ...\" brought it in"},
    {PullLink::kGiven, "given", "the imported snapshot named the PR"},
}};

using GraphIndex = std::unordered_map<std::string_view, const CommitNode*>;

// Everything reachable from `start` inside the graph.
std::unordered_set<std::string_view> reachable(const GraphIndex& index, const std::string& start) {
  std::unordered_set<std::string_view> seen;
  std::vector<std::string_view> todo{start};
  while (!todo.empty()) {
    auto sha = todo.back();
    todo.pop_back();
    auto it = index.find(sha);
    if (it == index.end() || !seen.insert(sha).second) continue;
    for (const auto& p : it->second->parents) todo.push_back(p);
  }
  return seen;
}

// The commits merge commit `m` brought in: reachable from its other parents
// and not from its first. Empty for a single-parent commit or too large a set.
std::vector<std::string_view> merged_in(const GraphIndex& index, const CommitNode& m) {
  if (m.parents.size() < 2) return {};
  const auto mainline = reachable(index, m.parents[0]);
  std::unordered_set<std::string_view> seen;
  std::vector<std::string_view> out;
  std::vector<std::string_view> todo(m.parents.begin() + 1, m.parents.end());
  while (!todo.empty()) {
    auto sha = todo.back();
    todo.pop_back();
    auto it = index.find(sha);
    if (it == index.end() || mainline.count(sha) || !seen.insert(sha).second) continue;
    out.push_back(sha);
    if (out.size() > kMaxMergedBranchCommits) return {};
    for (const auto& p : it->second->parents) todo.push_back(p);
  }
  return out;
}

class LinkSet {
 public:
  void propose(std::string_view sha, int pr, PullLink how) {
    auto it = links_.find(std::string(sha));
    if (it == links_.end()) links_.emplace(std::string(sha), FoundLink{pr, how});
    else if (stronger_link(how, it->second.how)) it->second = FoundLink{pr, how};
  }
  std::map<std::string, FoundLink> take() { return std::move(links_); }

 private:
  std::map<std::string, FoundLink> links_;
};

}  // namespace

std::string_view pull_link_name(PullLink link) {
  for (const auto& k : kLinkKinds)
    if (k.link == link) return k.name;
  return "given";
}

std::string_view pull_link_description(PullLink link) {
  for (const auto& k : kLinkKinds)
    if (k.link == link) return k.description;
  return "";
}

std::optional<PullLink> pull_link_from_name(std::string_view name) {
  for (const auto& k : kLinkKinds)
    if (k.name == name) return k.link;
  return std::nullopt;
}

std::optional<int> pr_number_from_merge_title(const std::string& title) {
  static const std::regex re(R"(^Merge pull request #(\d{1,7}) from \S)");
  std::smatch m;
  if (std::regex_search(title, m, re)) return std::stoi(m[1].str());
  return std::nullopt;
}

// Strongest first. A snapshot's named PR ranks above a title's "(#N)": the
// source said so, and usually from better data than a title.
int link_rank(PullLink link) {
  switch (link) {
    case PullLink::kMergeCommit: return 0;
    case PullLink::kMergedBranch: return 1;
    case PullLink::kPullCommits: return 2;
    case PullLink::kGiven: return 3;
    case PullLink::kTitle: return 4;
    case PullLink::kMergeTitle: return 5;
    case PullLink::kMergeTitleBranch: return 6;
  }
  return 7;
}

bool stronger_link(std::optional<PullLink> candidate, std::optional<PullLink> current) {
  if (!candidate) return false;
  return !current || link_rank(*candidate) < link_rank(*current);
}

std::map<std::string, FoundLink> find_pull_links(const std::vector<CommitNode>& graph,
                                                 const std::vector<MergedPull>& pulls,
                                                 const std::set<std::string>* fresh) {
  GraphIndex index;
  for (const auto& c : graph) index.emplace(c.sha, &c);
  auto wanted = [&](const std::string& sha) { return !fresh || fresh->count(sha) > 0; };
  LinkSet links;
  for (const auto& p : pulls) {
    auto it = index.find(p.merge_commit_sha);
    if (it == index.end() || !wanted(p.merge_commit_sha)) continue;  // merged elsewhere, not synced yet, or old
    links.propose(p.merge_commit_sha, p.number, PullLink::kMergeCommit);
    for (auto sha : merged_in(index, *it->second)) links.propose(sha, p.number, PullLink::kMergedBranch);
  }
  for (const auto& c : graph) {
    if (!wanted(c.sha)) continue;
    if (auto n = pr_number_from_title(c.title)) links.propose(c.sha, *n, PullLink::kTitle);
    if (auto n = pr_number_from_merge_title(c.title); n && c.parents.size() >= 2) {
      links.propose(c.sha, *n, PullLink::kMergeTitle);
      for (auto sha : merged_in(index, c)) links.propose(sha, *n, PullLink::kMergeTitleBranch);
    }
  }
  return links.take();
}

}  // namespace infradigest
