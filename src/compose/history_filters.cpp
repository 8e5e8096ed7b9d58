// Resolving the names a user gives `query` (repositories, tags, kinds, types)
// to the canonical ones, with did-you-mean errors for typos.
#include <algorithm>
#include <cctype>

#include "compose/history_query.h"
#include "config/did_you_mean.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

// The candidate equal to `word` ignoring case, else an error naming the
// closest candidate (or listing them all when they are few).
Result<std::string> resolve_name(const std::string& what, const std::string& word,
                                 const std::vector<std::string>& candidates) {
  for (const auto& c : candidates)
    if (ascii_lower(c) == ascii_lower(word)) return c;
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  std::string message = "unknown " + what + " '" + word + "'";
  if (auto guess = did_you_mean(word, views)) {
    message += ": did you mean '" + std::string(*guess) + "'?";
  } else if (candidates.size() <= 16) {
    std::string list;
    for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
    message += " (one of: " + list + ")";
  }
  return make_error(message);
}

Status resolve_all(const std::string& what, std::vector<std::string>& words,
                   const std::vector<std::string>& candidates) {
  for (auto& word : words) {
    auto name = resolve_name(what, word, candidates);
    if (!name) return name.error();
    word = *name;
  }
  return {};
}

}  // namespace

std::vector<std::string> history_kind_names() {
  std::vector<std::string> out;
  for (ChangeKind kind : all_change_kinds()) out.emplace_back(kind_name(kind));
  for (IssueKind kind : {IssueKind::kBug, IssueKind::kFeatureRequest, IssueKind::kQuestion, IssueKind::kOther}) {
    std::string name(issue_kind_name(kind));
    std::replace(name.begin(), name.end(), ' ', '_');  // "feature request" → one shell word
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

std::vector<std::string> history_type_names() { return {"commit", "pr", "issue", "release"}; }

Result<HistoryQuery> resolve_history_query(HistoryQuery query, const std::vector<Repository>& known_repos) {
  std::vector<std::string> repos;
  for (const auto& r : known_repos) repos.push_back(r.full_name);
  if (auto s = resolve_all("repository", query.repos, repos); !s)
    return s.error().with_context("--repo");
  std::vector<std::string> tags;
  for (const auto& t : canonical_tags()) tags.push_back(t.name);
  if (auto s = resolve_all("tag", query.tags, tags); !s) return s.error().with_context("--tag");
  if (auto s = resolve_all("kind", query.kinds, history_kind_names()); !s) return s.error().with_context("--kind");
  if (auto s = resolve_all("type", query.types, history_type_names()); !s) return s.error().with_context("--type");
  if (query.since && query.until && *query.since > *query.until)
    return make_error("--since " + format_date(*query.since) + " is after --until " + format_date(*query.until));
  if (query.limit < 1) return make_error("--limit must be at least 1");
  if (query.text && query.text->find_first_not_of(" \t") == std::string::npos)
    return make_error("--text is empty: give words to search for");
  return query;
}

}  // namespace infradigest
