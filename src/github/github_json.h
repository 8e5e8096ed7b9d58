// GitHub REST JSON → the activity model. Fields GitHub leaves null or out
// stay absent (never guessed); text is sanitized (text_sanitizer.h); long
// bodies are cut to excerpts. Errors say which item and which field, so a
// malformed page is rejected whole instead of stored in part.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "model/activity.h"

namespace infradigest {

constexpr size_t kBodyExcerptBytes = 2000;          // PR and issue bodies
constexpr size_t kReleaseNotesExcerptBytes = 4000;  // release notes

// A commit from GET /repos/{o}/{r}/commits (list item: no files) or
// GET /repos/{o}/{r}/commits/{sha} (detail: the files of that page).
// `author`/`committer` are GitHub logins when the commit is linked to an
// account, else the git names; `pr_number` comes from a "(#123)" title.
Result<Commit> commit_from_json(const std::string& repo, const nlohmann::json& j);

// The "files" array of a commit detail page.
Result<std::vector<FileChange>> files_from_json(const nlohmann::json& files);

// A pull request from GET /repos/{o}/{r}/pulls; state "merged" when merged_at is set.
Result<PullRequest> pull_request_from_json(const std::string& repo, const nlohmann::json& j);

// True for entries of the issues list that are pull requests (they carry "pull_request").
bool is_pull_request(const nlohmann::json& issue);

// An issue from GET /repos/{o}/{r}/issues. REQUIRES: !is_pull_request(j).
Result<Issue> issue_from_json(const std::string& repo, const nlohmann::json& j);

// A published release from GET /repos/{o}/{r}/releases; drafts (no
// published_at) are an error — callers skip them with is_published_release.
Result<Release> release_from_json(const std::string& repo, const nlohmann::json& j);
bool is_published_release(const nlohmann::json& j);

// `j[key]` as a timestamp when present and not null; an error names the key.
Result<std::optional<Timestamp>> optional_json_time(const nlohmann::json& j, const char* key);

}  // namespace infradigest
