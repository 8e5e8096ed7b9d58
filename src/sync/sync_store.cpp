#include "sync/sync_store.h"

#include <algorithm>

namespace infradigest {

namespace {

constexpr auto kEtagRetention = std::chrono::days{30};

Result<SysSeconds> stored_instant(const std::optional<std::string>& text, const char* column) {
  auto t = parse_timestamp(text.value_or(""));
  if (!t) return t.error().with_context(std::string("stored ") + column);
  return t->instant;
}

}  // namespace

Result<std::vector<SyncStore::ListRow>> SyncStore::read_lists(const std::string& repo) {
  auto st = db_.prepare("SELECT list, synced_from, synced_through, attempted_at FROM sync_lists WHERE repo = ?1");
  if (!st) return st.error();
  st->bind(1, repo);
  std::vector<ListRow> rows;
  Status read = st->for_each_row([&]() -> Status {
    auto list = parse_sync_list_key(st->text_or_empty(0));
    if (!list) return make_error("stored sync_lists.list '" + st->text_or_empty(0) + "' is unknown");
    auto from = stored_instant(st->text(1), "sync_lists.synced_from");
    if (!from) return from.error();
    auto attempted = stored_instant(st->text(3), "sync_lists.attempted_at");
    if (!attempted) return attempted.error();
    ListRow row{*list, ListCoverage{*from, std::nullopt}, *attempted};
    if (st->text(2)) {
      auto through = stored_instant(st->text(2), "sync_lists.synced_through");
      if (!through) return through.error();
      row.coverage.through = *through;
    }
    rows.push_back(row);
    return {};
  });
  if (!read) return read.error();
  return rows;
}

Result<std::vector<RepoGap>> SyncStore::gaps(const std::vector<std::string>& repos, SysSeconds start, SysSeconds end) {
  std::lock_guard lock(mutex_);
  std::vector<RepoGap> out;
  for (const auto& repo : repos) {
    auto rows = read_lists(repo);
    if (!rows) return rows.error();
    if (rows->empty()) continue;  // never read by a sync: what the store holds was imported
    RepoGap gap{repo, {}};
    for (SyncList list : kSyncLists) {
      auto it = std::find_if(rows->begin(), rows->end(), [&](const ListRow& r) { return r.list == list; });
      if (it == rows->end()) {
        gap.lists.push_back(list);
        continue;
      }
      const ListCoverage& c = it->coverage;
      if (end <= c.from) continue;  // the day predates the sync of this list
      // Read through the day's end, or — for a day not over when last read —
      // through that latest read (it succeeded).
      const SysSeconds needed = std::min(end, it->attempted_at);
      if (!c.through || c.from > start || *c.through < needed) gap.lists.push_back(list);
    }
    if (!gap.lists.empty()) out.push_back(std::move(gap));
  }
  return out;
}

Result<bool> SyncStore::never_synced() {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(R"sql(
    SELECT EXISTS(SELECT 1 FROM github_cursors) OR EXISTS(SELECT 1 FROM sync_lists)
        OR EXISTS(SELECT 1 FROM sync_state WHERE key = 'reported_through'))sql");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return st->integer(0).value_or(0) == 0;
}

SyncItemStats& SyncItemStats::operator+=(const SyncItemStats& o) {
  for (auto [mine, theirs] : {std::pair{&commits, &o.commits}, std::pair{&pull_requests, &o.pull_requests},
                              std::pair{&issues, &o.issues}, std::pair{&releases, &o.releases}}) {
    mine->added += theirs->added;
    mine->updated += theirs->updated;
    mine->unchanged += theirs->unchanged;
  }
  return *this;
}

Result<RepoState> SyncStore::repo_state(const std::string& repo) {
  std::lock_guard lock(mutex_);
  RepoState state;
  auto st = db_.prepare(R"sql(
    SELECT r.default_branch, g.branch, g.head_sha, g.horizon
    FROM repositories r LEFT JOIN github_cursors g ON g.repo_id = r.id
    WHERE r.full_name = ?1)sql");
  if (!st) return st.error();
  st->bind(1, repo);
  Status read = st->for_each_row([&]() -> Status {
    state.default_branch = st->text(0);
    if (!st->text(1)) return {};
    auto horizon = stored_instant(st->text(3), "github_cursors.horizon");
    if (!horizon) return horizon.error();
    state.cursor = BranchCursor{st->text_or_empty(1), st->text_or_empty(2), *horizon};
    return {};
  });
  if (!read) return read.error();
  auto lists = read_lists(repo);
  if (!lists) return lists.error();
  for (const auto& l : *lists) state.lists[l.list] = l.coverage;
  return state;
}

Result<bool> SyncStore::has_commit(const std::string& repo, const std::string& sha) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(R"sql(
    SELECT 1 FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE r.full_name = ?1 AND c.item_key = ?2)sql");
  if (!st) return st.error();
  st->bind(1, repo).bind(2, sha);
  auto row = st->step();
  if (!row) return row.error();
  return *row;
}

Result<long long> SyncStore::commits_first_seen_since(const std::string& repo, SysSeconds since) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(R"sql(
    SELECT COUNT(*) FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE r.full_name = ?1 AND c.first_seen_at >= ?2)sql");
  if (!st) return st.error();
  st->bind(1, repo).bind(2, format_rfc3339_utc(since));
  auto row = st->step();
  if (!row) return row.error();
  return st->integer(0).value_or(0);
}

Result<std::optional<SysSeconds>> SyncStore::last_synced_at(const std::vector<std::string>& repos) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(R"sql(
    SELECT g.synced_at FROM github_cursors g JOIN repositories r ON r.id = g.repo_id
    WHERE r.full_name = ?1)sql");
  if (!st) return st.error();
  std::optional<SysSeconds> latest;
  for (const auto& repo : repos) {
    st->bind(1, repo);
    Status read = st->for_each_row([&]() -> Status {
      auto t = stored_instant(st->text(0), "github_cursors.synced_at");
      if (!t) return t.error();
      if (!latest || *t > *latest) latest = *t;
      return {};
    });
    if (!read) return read.error();
  }
  return latest;
}

Result<std::optional<std::string>> SyncStore::etag(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT etag FROM http_etags WHERE cache_key = ?1");
  if (!st) return st.error();
  st->bind(1, key);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return st->text(0);
}

Result<std::optional<SysSeconds>> SyncStore::reported_through() {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT value FROM sync_state WHERE key = 'reported_through'");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<SysSeconds>{};
  auto t = stored_instant(st->text(0), "sync_state.reported_through");
  if (!t) return t.error();
  return std::optional<SysSeconds>{*t};
}

Status SyncStore::advance_reported_through(SysSeconds end) {
  std::lock_guard lock(mutex_);
  return write_reported_through(end);
}

Status SyncStore::write_reported_through(SysSeconds end) {
  // Canonical UTC texts compare in time order, so MAX keeps the later mark.
  auto st = db_.prepare(R"sql(
    INSERT INTO sync_state(key, value) VALUES ('reported_through', ?1)
    ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value))sql");
  if (!st) return st.error();
  return st->bind(1, format_rfc3339_utc(end)).run();
}

Result<SyncItemStats> SyncStore::save(const RepoSyncOutput& out, SysSeconds now) {
  std::lock_guard lock(mutex_);
  const std::string now_text = format_rfc3339_utc(now);
  auto tx = Transaction::begin(db_);
  if (!tx) return tx.error();
  ActivityStore store(db_);
  SyncItemStats stats;
  const Activity& a = out.activity;
  // One upsert per kind, so the summary can say what was new of each.
  auto upsert_part = [&](auto member) -> Result<ImportStats> {
    Activity part;
    part.*member = a.*member;
    return store.upsert(part);
  };
  if (auto r = upsert_part(&Activity::repositories); !r) return r.error();
  auto commits = upsert_part(&Activity::commits);
  if (!commits) return commits.error();
  stats.commits = *commits;
  auto prs = upsert_part(&Activity::pull_requests);
  if (!prs) return prs.error();
  stats.pull_requests = *prs;
  auto issues = upsert_part(&Activity::issues);
  if (!issues) return issues.error();
  stats.issues = *issues;
  auto releases = upsert_part(&Activity::releases);
  if (!releases) return releases.error();
  stats.releases = *releases;

  auto seen = db_.prepare(R"sql(
    UPDATE commits SET first_seen_at = ?3
    WHERE repo_id = (SELECT id FROM repositories WHERE full_name = ?1) AND item_key = ?2
      AND first_seen_at IS NULL)sql");
  if (!seen) return seen.error();
  for (const auto& c : a.commits) INFRADIGEST_TRY(seen->bind(1, out.repo).bind(2, c.key()).bind(3, now_text).run());

  if (out.cursor) {
    auto st = db_.prepare(R"sql(
      INSERT INTO github_cursors(repo_id, branch, head_sha, horizon, synced_at)
      VALUES ((SELECT id FROM repositories WHERE full_name = ?1), ?2, ?3, ?4, ?5)
      ON CONFLICT(repo_id) DO UPDATE SET branch = excluded.branch, head_sha = excluded.head_sha,
        horizon = excluded.horizon, synced_at = excluded.synced_at)sql");
    if (!st) return st.error();
    INFRADIGEST_TRY(st->bind(1, out.repo)
                        .bind(2, out.cursor->branch)
                        .bind(3, out.cursor->head_sha)
                        .bind(4, format_rfc3339_utc(out.cursor->horizon))
                        .bind(5, now_text)
                        .run());
  }

  auto put = db_.prepare(R"sql(
    INSERT INTO http_etags(cache_key, etag, used_at) VALUES (?1, ?2, ?3)
    ON CONFLICT(cache_key) DO UPDATE SET etag = excluded.etag, used_at = excluded.used_at)sql");
  if (!put) return put.error();
  for (const auto& e : out.etags) INFRADIGEST_TRY(put->bind(1, e.key).bind(2, e.etag).bind(3, now_text).run());
  auto prune = db_.prepare("DELETE FROM http_etags WHERE used_at < ?1");
  if (!prune) return prune.error();
  INFRADIGEST_TRY(prune->bind(1, format_rfc3339_utc(now - kEtagRetention)).run());

  // A list read completely is covered from where the read started through
  // `now`; one that failed keeps its coverage (a first attempt records where
  // the sync began, so the days after it count as missing).
  auto covered = db_.prepare(R"sql(
    INSERT INTO sync_lists(repo, list, synced_from, synced_through, attempted_at) VALUES (?1, ?2, ?3, ?4, ?4)
    ON CONFLICT(repo, list) DO UPDATE SET
      synced_from = CASE WHEN synced_through IS NULL THEN excluded.synced_from
                         ELSE MIN(synced_from, excluded.synced_from) END,
      synced_through = MAX(COALESCE(synced_through, ''), excluded.synced_through),
      attempted_at = MAX(attempted_at, excluded.attempted_at))sql");
  if (!covered) return covered.error();
  for (SyncList list : out.synced) {
    // The branch walk covers everything since the horizon; the other lists were
    // read down to the window start or further.
    const SysSeconds from = list == SyncList::kCommits && out.cursor ? std::min(out.cursor->horizon, out.since) : out.since;
    INFRADIGEST_TRY(covered->bind(1, out.repo)
                        .bind(2, std::string(sync_list_key(list)))
                        .bind(3, format_rfc3339_utc(from))
                        .bind(4, now_text)
                        .run());
  }
  auto failed = db_.prepare(R"sql(
    INSERT INTO sync_lists(repo, list, synced_from, synced_through, attempted_at) VALUES (?1, ?2, ?3, NULL, ?4)
    ON CONFLICT(repo, list) DO UPDATE SET attempted_at = MAX(attempted_at, excluded.attempted_at))sql");
  if (!failed) return failed.error();
  for (const auto& f : out.failures)
    INFRADIGEST_TRY(failed->bind(1, out.repo)
                        .bind(2, std::string(sync_list_key(f.list)))
                        .bind(3, format_rfc3339_utc(out.since))
                        .bind(4, now_text)
                        .run());

  INFRADIGEST_TRY(tx->commit());
  return stats;
}

}  // namespace infradigest
