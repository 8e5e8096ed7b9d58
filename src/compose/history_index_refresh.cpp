#include "compose/history_index_refresh.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/taxonomy_extension.h"
#include "compose/composer.h"
#include "compose/importance.h"
#include "compose/repo_sections.h"
#include "store/activity_store.h"
#include "store/history_index.h"

namespace infradigest {

namespace {

// Bump when what a stored history row holds, or how it is derived here, changes.
constexpr int kHistoryIndexRevision = 1;

// Items loaded and classified at a time: a whole history (the first refresh
// after the migration, or after a taxonomy change) never sits in memory at once.
constexpr size_t kHistoryRefreshBatch = 512;

std::vector<std::string> history_tag_names(const std::vector<Tag>& tags) {
  std::vector<std::string> out;
  for (const auto& t : tags) out.push_back(t.name);
  return out;
}

std::string history_issue_kind_word(IssueKind kind) {
  std::string name(issue_kind_name(kind));
  std::replace(name.begin(), name.end(), ' ', '_');  // "feature request" → one shell word
  return name;
}

HistoryIndexRow history_change_row(long long item, const ReportItem& ri, const std::string& type, const std::string& repo,
                           const Timestamp& time) {
  HistoryIndexRow r;
  r.item = item;
  r.repo = repo;
  r.type = type;
  r.kind = std::string(kind_name(ri.classification.kind));
  r.at = time.to_string();
  r.fact_id = ri.id;
  r.title = ri.title;
  r.url = ri.url;
  r.sha = ri.sha;
  r.number = ri.pr;
  r.importance = importance(ri);
  r.tags = history_tag_names(ri.classification.tags);
  return r;
}

HistoryIndexRow history_issue_row(long long item, const Issue& i) {
  const IssueClassification cls = classify(i);
  HistoryIndexRow r;
  r.item = item;
  r.repo = i.repo;
  r.type = "issue";
  r.kind = history_issue_kind_word(cls.kind);
  r.at = i.created_at.to_string();
  r.fact_id = fact_id(i);
  r.title = i.title;
  r.url = issue_url(i.repo, i.number);
  r.number = i.number;
  r.tags = history_tag_names(cls.tags);
  return r;
}

HistoryIndexRow history_release_row(long long item, const Release& x) {
  HistoryIndexRow r;
  r.item = item;
  r.repo = x.repo;
  r.type = "release";
  r.kind = "release";
  r.at = x.published_at.to_string();
  r.fact_id = fact_id(x);
  r.title = x.name && *x.name != x.tag ? x.tag + " " + *x.name : x.tag;
  r.url = release_url(x.repo, x.tag);
  r.release_tag = x.tag;
  return r;
}

// Classifies `batch` into the index; items that are gone (or have no time to
// be placed at) leave it.
Status classify_history_batch(HistoryIndex& index, Database& db, const std::vector<long long>& batch) {
  auto items = ActivityStore(db).load_items(batch);
  if (!items) return items.error().with_context("classifying the stored history");
  std::set<long long> written;
  for (const auto& [item, c] : items->commits) {
    std::map<int, const PullRequest*> prs;
    const auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    if (pr)
      if (auto it = items->commit_pulls.find({c.repo, *pr}); it != items->commit_pulls.end())
        prs[*pr] = &it->second;
    INFRADIGEST_TRY(index.put(history_change_row(item, item_from_commit(c, prs), "commit", c.repo, c.landing_time())));
    written.insert(item);
  }
  for (const auto& [item, p] : items->pull_requests) {
    const auto time = p.merged_at ? p.merged_at : p.created_at;
    if (!time) continue;
    INFRADIGEST_TRY(index.put(history_change_row(item, item_from_pr(p), "pr", p.repo, *time)));
    written.insert(item);
  }
  for (const auto& [item, i] : items->issues) {
    INFRADIGEST_TRY(index.put(history_issue_row(item, i)));
    written.insert(item);
  }
  for (const auto& [item, x] : items->releases) {
    INFRADIGEST_TRY(index.put(history_release_row(item, x)));
    written.insert(item);
  }
  for (long long item : batch)
    if (!written.count(item)) INFRADIGEST_TRY(index.remove(item));
  return {};
}

}  // namespace

std::string history_classifier_version() {
  return fmt::format("{}/compose-{}/history-{}/taxonomy {}", INFRADIGEST_VERSION, kComposerRevision,
                     kHistoryIndexRevision, taxonomy_extension_fingerprint());
}

Result<int> refresh_history_index(Database& db) {
  HistoryIndex index(db);
  const std::string version = history_classifier_version();
  // Most calls find nothing to do: answer without taking the write lock.
  auto stored_version = index.classifier_version();
  if (!stored_version) return stored_version.error();
  if (*stored_version == version) {
    auto waiting = index.has_pending();
    if (!waiting) return waiting.error();
    if (!*waiting) return 0;
  }

  auto tx = Transaction::begin(db);
  if (!tx) return tx.error();
  stored_version = index.classifier_version();  // another process may have refreshed meanwhile
  if (!stored_version) return stored_version.error();
  if (*stored_version != version) INFRADIGEST_TRY(index.reclassify_all(version));
  auto pending = index.pending();
  if (!pending) return pending.error();
  for (size_t from = 0; from < pending->size(); from += kHistoryRefreshBatch) {
    const size_t to = std::min(pending->size(), from + kHistoryRefreshBatch);
    INFRADIGEST_TRY(classify_history_batch(
        index, db, std::vector<long long>(pending->begin() + static_cast<std::ptrdiff_t>(from),
                                      pending->begin() + static_cast<std::ptrdiff_t>(to))));
  }
  INFRADIGEST_TRY(tx->commit());
  return static_cast<int>(pending->size());
}

}  // namespace infradigest
