// Resolving the names a user gives `query` (repositories, tags, kinds, types)
// to the canonical ones, with did-you-mean errors for typos.
#include <algorithm>
#include <cctype>

#include "compose/history_query.h"
#include "config/did_you_mean.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

// Words people use for a kind that is named otherwise here ("bugfix" is a fix).
struct HistoryKindAlias {
  std::string_view alias, kind;
};
constexpr HistoryKindAlias kHistoryKindAliases[] = {
    {"bugfix", "fix"},        {"bug-fix", "fix"},        {"fixes", "fix"},       {"hotfix", "fix"},
    {"performance", "perf"},  {"optimization", "perf"},  {"optimisation", "perf"}, {"speedup", "perf"},
    {"feat", "feature"},      {"features", "feature"},   {"enhancement", "feature"},
    {"doc", "docs"},          {"documentation", "docs"}, {"tests", "test"},     {"testing", "test"},
    {"ci", "ci/build"},       {"build", "ci/build"},     {"dependency", "deps"}, {"dependencies", "deps"},
    {"bump", "deps"},         {"reverts", "revert"},     {"releases", "release"}, {"bugs", "bug"},
};

// The part of "owner/name" after the slash (all of it when there is none).
std::string_view history_name_part(std::string_view name) {
  auto slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// Candidates a word plausibly abbreviates, case-insensitively: with
// `whole_name_part`, those whose name part is the word ("vllm" of
// "vllm-project/vllm"); else those whose full name or name part starts or
// ends with it ("flash", "NVIDIA").
std::vector<std::string> history_affix_matches(const std::string& word, const std::vector<std::string>& candidates,
                                               bool whole_name_part) {
  const std::string w = ascii_lower(word);
  std::vector<std::string> out;
  if (w.size() < 2) return out;
  for (const auto& c : candidates) {
    const std::string full = ascii_lower(c);
    const std::string part(history_name_part(full));
    if (whole_name_part ? part == w : (full.starts_with(w) || full.ends_with(w) || part.starts_with(w)))
      out.push_back(c);
  }
  return out;
}

// The candidate equal to `word` ignoring case, else an error naming the
// closest candidate(s): a known alias, a repository by its name, the
// smallest edit distance, a prefix or suffix — or listing them all when they are few.
Result<std::string> resolve_name(const std::string& what, const std::string& word,
                                 const std::vector<std::string>& candidates) {
  for (const auto& c : candidates)
    if (ascii_lower(c) == ascii_lower(word)) return c;
  std::string message = "unknown " + what + " '" + word + "'";
  std::vector<std::string> guesses;
  for (const auto& a : kHistoryKindAliases)
    if (a.alias == ascii_lower(word) && std::find(candidates.begin(), candidates.end(), a.kind) != candidates.end())
      guesses.emplace_back(a.kind);
  if (guesses.empty()) guesses = history_affix_matches(word, candidates, true);
  if (guesses.empty()) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    if (auto guess = did_you_mean(word, views)) guesses.emplace_back(*guess);
  }
  if (guesses.empty()) guesses = history_affix_matches(word, candidates, false);
  auto joined = [](const std::vector<std::string>& names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return list;
  };
  if (guesses.empty()) {  // a typo of an alias ("perfomance")
    std::vector<std::string_view> aliases;
    for (const auto& a : kHistoryKindAliases)
      if (std::find(candidates.begin(), candidates.end(), a.kind) != candidates.end()) aliases.push_back(a.alias);
    if (auto alias = did_you_mean(word, aliases))
      for (const auto& a : kHistoryKindAliases)
        if (a.alias == *alias) guesses.emplace_back(a.kind);
  }
  if (guesses.size() == 1) return make_error(message + ": did you mean '" + guesses.front() + "'?");
  if (guesses.size() > 1 && guesses.size() <= 8) return make_error(message + ": did you mean one of " + joined(guesses) + "?");
  if (candidates.size() <= 16) message += " (one of: " + joined(candidates) + ")";
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
