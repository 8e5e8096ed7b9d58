// ActivityStore: saves and loads the activity model in the SQLite store.
// See docs/schema.md for the tables.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/period_window.h"
#include "core/result.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

struct ImportStats {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
};

// Which stored items to load. Bounds compare canonical time texts (see
// Timestamp::to_string), so they select a superset that callers refine with
// ReportWindow::contains.
struct ActivityQuery {
  std::optional<std::string> since;  // inclusive, e.g. "2026-02-25"
  std::optional<std::string> until;  // exclusive, e.g. "2026-02-28"
};

// Stored items by item id (store/history_index.h: row id * 4 + table), each
// with its id, and the pull requests the commits belong to.
struct ItemsById {
  std::vector<std::pair<long long, Commit>> commits;
  std::vector<std::pair<long long, PullRequest>> pull_requests;
  std::vector<std::pair<long long, Issue>> issues;
  std::vector<std::pair<long long, Release>> releases;
  // By (repo, number): the PR each commit names (its link, else "(#N)" in its title).
  std::map<std::pair<std::string, int>, PullRequest> commit_pulls;
};

class ActivityStore {
 public:
  explicit ActivityStore(Database& db) : db_(db) {}

  // Upserts everything in one BEGIN IMMEDIATE transaction: all or nothing.
  // An item equal to the stored one is left untouched (counted unchanged), so
  // importing the same snapshot twice changes nothing.
  Result<ImportStats> save(const Activity& activity);
  // save() without its own transaction, for callers that write other rows
  // atomically with the items (the sync: items + cursor + ETags). Links the
  // saved commits and merged PRs of each repository to each other
  // (model/pull_links.h): a link found is stored on the commit and replaces
  // only a weaker one.
  // REQUIRES: a Transaction is open on this Database.
  Result<ImportStats> upsert(const Activity& activity);

  // Loads items in the query's time range (all when unbounded), and every
  // commit of the PRs the range's commits belong to. Pull requests without
  // any time are always loaded: they are looked up by number.
  Result<Activity> load(const ActivityQuery& query = {});

  // The items with these ids; ids without a row are left out.
  Result<ItemsById> load_items(const std::vector<long long>& items);

  // Every repository the store has seen, by name.
  Result<std::vector<Repository>> repositories();

  // When each stored item of `repos` happened, as reports place it: commits
  // by landing time (a PR's commits once, by the last), issues by creation, releases by publication, merged PRs
  // by merge. Finds the days with activity without loading the items.
  Result<std::vector<Timestamp>> item_times(const std::vector<std::string>& repos);

  // Pull requests of each of `repos` merged in `window` (by PeriodWindow::contains).
  Result<std::map<std::string, int>> merged_pull_requests(const std::vector<std::string>& repos,
                                                          const PeriodWindow& window);

  // Commits whose SHA starts with `prefix` (lower-case hex, as stored), by
  // repository and SHA; at most `limit`, so callers can tell one from many.
  Result<std::vector<Commit>> commits_by_sha_prefix(const std::string& prefix, int limit = 20);

 private:
  Status link_pull_requests(const Activity& saved);
  // Adds the commits of the PRs `commits` belong to that it lacks: a change
  // is placed by its last commit, so its earlier ones come along.
  Status add_pull_mates(std::vector<Commit>& commits, SqlStatement& files);
  Result<long long> repo_id(const std::string& full_name);
  Database& db_;
};

}  // namespace infradigest
