// The activity model: what happened in a watched repository. Fields a source
// does not give stay empty (std::optional) — never invented.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/timestamp.h"

namespace infradigest {

struct Repository {
  std::string full_name;                      // "owner/name"
  std::optional<std::string> default_branch;  // "main"
  friend bool operator==(const Repository&, const Repository&) = default;
};

struct FileChange {
  std::string filename;
  std::optional<std::string> status;  // added | modified | removed | renamed | ...
  std::optional<int> additions;       // absent when the source gives no line counts
  std::optional<int> deletions;
  std::optional<std::string> previous_filename;  // for renames
  // The file's unified diff from its first "@@" hunk header on, as GitHub's
  // commit detail gives it; absent for binary files, diffs GitHub leaves out, and
  // sources without patches. Bounded when stored (model/patch_bounds.h): a cut
  // or dropped patch sets patch_truncated, so fewer lines are never mistaken
  // for the whole change.
  std::optional<std::string> patch{};
  bool patch_truncated = false;
  friend bool operator==(const FileChange&, const FileChange&) = default;
};

// How a commit was tied to its pull request (docs/schema.md). A stronger
// link replaces a weaker one, never the other way round (stronger_link).
// Stored as text (pull_link_name): never rename.
enum class PullLink : int {
  kMergeCommit = 0,       // the PR's merge_commit_sha: its merge, squash or last rebased commit
  kMergedBranch = 1,      // brought in by that merge commit (reachable from its second parent only)
  kPullCommits = 2,       // a rebased commit matching the PR's own commits (GET /pulls/{n}/commits)
  kTitle = 3,             // "(#N)" at the end of its title
  kMergeTitle = 4,        // a merge commit titled "Merge pull request #N from ..."
  kMergeTitleBranch = 5,  // brought in by such a merge commit
  kGiven = 6,             // the source named the PR and not how (a snapshot's "pr")
};

struct Commit {
  std::string repo;                // "owner/name"
  std::optional<std::string> sha;  // full 40-hex; absent when the source names no SHA
  std::vector<std::string> parents;
  std::optional<std::string> author;
  std::optional<std::string> committer;
  std::optional<Timestamp> authored_at;
  Timestamp committed_at;          // when it landed (date-only when the source gives only a day)
  std::string message;             // full message; first line is the title
  std::vector<FileChange> files;
  // The source listed the files (a commit detail): an empty list then means a
  // commit that changes no file (+0/−0), not an unknown change.
  bool files_listed = false;
  std::optional<int> pr_number;    // the PR it belongs to (model/pull_links.h), e.g. "(#2740)" in the title
  std::optional<PullLink> pr_link;  // how pr_number was found; absent when pr_number is
  // Set only for a commit a sync found on the default branch after the report
  // covering its committed_at was already due (late push, rebase, mirror):
  // the start of the first report window still open then. Reports place a
  // commit by landing_time(), so it appears in exactly one daily report
  // (docs/sync.md).
  std::optional<Timestamp> landed_at;

  std::string title() const;       // first line of message, trimmed
  Timestamp landing_time() const { return landed_at.value_or(committed_at); }
  // Identity within the repo: the SHA, or "title:<title>" for SHA-less entries.
  std::string key() const;
  friend bool operator==(const Commit&, const Commit&) = default;
};

struct PullRequest {
  std::string repo;
  int number = 0;
  std::string title;
  std::optional<std::string> author;
  std::optional<std::string> state;  // open | closed | merged
  std::optional<Timestamp> created_at;
  std::optional<Timestamp> merged_at;
  std::optional<std::string> merge_commit_sha;
  std::vector<std::string> labels;
  std::optional<std::string> body;   // excerpt
  friend bool operator==(const PullRequest&, const PullRequest&) = default;
};

struct Issue {
  std::string repo;
  int number = 0;
  std::string title;
  std::optional<std::string> author;
  std::optional<std::string> state;  // open | closed
  Timestamp created_at;
  std::vector<std::string> labels;
  std::optional<std::string> body;   // excerpt
  friend bool operator==(const Issue&, const Issue&) = default;
};

struct Release {
  std::string repo;
  std::string tag;
  std::optional<std::string> name;
  Timestamp published_at;
  std::optional<bool> prerelease;
  std::optional<std::string> body;   // release notes excerpt
  std::optional<int> pr_number;      // the PR that made it, when named
  friend bool operator==(const Release&, const Release&) = default;
};

// Everything known, as imported or exported: one snapshot.
struct Activity {
  std::vector<Repository> repositories;
  std::vector<Commit> commits;
  std::vector<PullRequest> pull_requests;
  std::vector<Issue> issues;
  std::vector<Release> releases;
  friend bool operator==(const Activity&, const Activity&) = default;
};

// Canonical GitHub web URLs.
std::string repo_url(const std::string& repo);
std::string commit_url(const std::string& repo, const std::string& sha);
std::string pull_url(const std::string& repo, int number);
std::string issue_url(const std::string& repo, int number);
std::string release_url(const std::string& repo, const std::string& tag);

// Stable ids the report cites: "commit:owner/name@<sha or key>", "pr:owner/name#12",
// "issue:owner/name#7", "release:owner/name@v1.2".
std::string fact_id(const Commit& c);
std::string fact_id(const PullRequest& p);
std::string fact_id(const Issue& i);
std::string fact_id(const Release& r);

// "(#2740)" at the end of a title → 2740.
std::optional<int> pr_number_from_title(const std::string& title);

bool is_full_sha(const std::string& s);
bool is_repo_name(const std::string& s);  // "owner/name" with GitHub's allowed characters

}  // namespace infradigest
