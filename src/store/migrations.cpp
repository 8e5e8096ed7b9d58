#include "store/migrations.h"

#include <string>
#include <vector>

#include "store/database.h"

namespace infradigest {

namespace {

// Step N brings the schema from version N-1 to N.
const std::vector<const char*>& steps() {
  static const std::vector<const char*> kSteps = {
      // 1: the activity model.
      R"sql(
CREATE TABLE repositories (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL UNIQUE,
  default_branch TEXT
);
CREATE TABLE commits (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  item_key TEXT NOT NULL,
  sha TEXT,
  parents TEXT NOT NULL DEFAULT '[]',
  author TEXT,
  committer TEXT,
  authored_at TEXT,
  committed_at TEXT NOT NULL,
  message TEXT NOT NULL,
  pr_number INTEGER,
  UNIQUE (repo_id, item_key)
);
CREATE INDEX commits_by_time ON commits (committed_at);
CREATE TABLE commit_files (
  commit_id INTEGER NOT NULL REFERENCES commits(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  filename TEXT NOT NULL,
  status TEXT,
  additions INTEGER,
  deletions INTEGER,
  previous_filename TEXT,
  PRIMARY KEY (commit_id, position)
);
CREATE TABLE pull_requests (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  author TEXT,
  state TEXT,
  created_at TEXT,
  merged_at TEXT,
  merge_commit_sha TEXT,
  labels TEXT NOT NULL DEFAULT '[]',
  body TEXT,
  UNIQUE (repo_id, number)
);
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  author TEXT,
  state TEXT,
  created_at TEXT NOT NULL,
  labels TEXT NOT NULL DEFAULT '[]',
  body TEXT,
  UNIQUE (repo_id, number)
);
CREATE INDEX issues_by_time ON issues (created_at);
CREATE TABLE releases (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repositories(id),
  tag TEXT NOT NULL,
  name TEXT,
  published_at TEXT NOT NULL,
  prerelease INTEGER,
  body TEXT,
  pr_number INTEGER,
  UNIQUE (repo_id, tag)
);
)sql",
      // 2: GitHub sync state — landing attribution, branch cursors, ETags (docs/sync.md).
      R"sql(
ALTER TABLE commits ADD COLUMN landed_at TEXT;
ALTER TABLE commits ADD COLUMN first_seen_at TEXT;
CREATE INDEX commits_by_landing ON commits (COALESCE(landed_at, committed_at));
CREATE TABLE github_cursors (
  repo_id INTEGER PRIMARY KEY REFERENCES repositories(id),
  branch TEXT NOT NULL,
  head_sha TEXT NOT NULL,
  horizon TEXT NOT NULL,
  synced_at TEXT NOT NULL
);
CREATE TABLE http_etags (
  cache_key TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  used_at TEXT NOT NULL
);
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql",
      // 3: the LLM writer — verified answers by (model, prompt hash), token usage per run.
      R"sql(
CREATE TABLE llm_responses (
  model TEXT NOT NULL,
  prompt_hash TEXT NOT NULL,
  content TEXT NOT NULL,
  finish_reason TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (model, prompt_hash)
);
CREATE TABLE llm_runs (
  id INTEGER PRIMARY KEY,
  run_at TEXT NOT NULL,
  report_date TEXT NOT NULL,
  language TEXT NOT NULL,
  requests INTEGER NOT NULL,
  cache_hits INTEGER NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  sections INTEGER NOT NULL,
  verified INTEGER NOT NULL
);
)sql",
      // 4: chat delivery — one row per report day x webhook target x piece (docs/publishing.md).
      R"sql(
CREATE TABLE deliveries (
  report_date TEXT NOT NULL,
  target TEXT NOT NULL,
  target_type TEXT NOT NULL,
  piece INTEGER NOT NULL,
  pieces INTEGER NOT NULL,
  content TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  planned_at TEXT NOT NULL,
  delivered_at TEXT,
  PRIMARY KEY (report_date, target, piece)
);
)sql",
      // 5: full-text search for `query` (docs/schema.md): a contentless FTS5 index
      // over commit messages, PR/issue titles and bodies, release names and notes,
      // kept in sync by triggers and backfilled from the rows already stored.
      // rowid = row id * 4 + table (0 commits, 1 pull_requests, 2 issues, 3 releases).
      // Contentless: the text lives once, in its table; a 'delete' must repeat the
      // indexed values exactly, which the triggers do from OLD.
      R"sql(
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER commits_search_insert AFTER INSERT ON commits BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES
    (NEW.id * 4, substr(NEW.message, 1, instr(NEW.message || char(10), char(10)) - 1), NEW.message);
END;
CREATE TRIGGER commits_search_delete AFTER DELETE ON commits BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4, substr(OLD.message, 1, instr(OLD.message || char(10), char(10)) - 1), OLD.message);
END;
CREATE TRIGGER commits_search_update AFTER UPDATE OF message ON commits BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4, substr(OLD.message, 1, instr(OLD.message || char(10), char(10)) - 1), OLD.message);
  INSERT INTO search_fts(rowid, title, body) VALUES
    (NEW.id * 4, substr(NEW.message, 1, instr(NEW.message || char(10), char(10)) - 1), NEW.message);
END;
CREATE TRIGGER pull_requests_search_insert AFTER INSERT ON pull_requests BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id * 4 + 1, NEW.title, COALESCE(NEW.body, ''));
END;
CREATE TRIGGER pull_requests_search_delete AFTER DELETE ON pull_requests BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 1, OLD.title, COALESCE(OLD.body, ''));
END;
CREATE TRIGGER pull_requests_search_update AFTER UPDATE OF title, body ON pull_requests BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 1, OLD.title, COALESCE(OLD.body, ''));
  INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id * 4 + 1, NEW.title, COALESCE(NEW.body, ''));
END;
CREATE TRIGGER issues_search_insert AFTER INSERT ON issues BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id * 4 + 2, NEW.title, COALESCE(NEW.body, ''));
END;
CREATE TRIGGER issues_search_delete AFTER DELETE ON issues BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 2, OLD.title, COALESCE(OLD.body, ''));
END;
CREATE TRIGGER issues_search_update AFTER UPDATE OF title, body ON issues BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 2, OLD.title, COALESCE(OLD.body, ''));
  INSERT INTO search_fts(rowid, title, body) VALUES (NEW.id * 4 + 2, NEW.title, COALESCE(NEW.body, ''));
END;
CREATE TRIGGER releases_search_insert AFTER INSERT ON releases BEGIN
  INSERT INTO search_fts(rowid, title, body) VALUES
    (NEW.id * 4 + 3, NEW.tag || ' ' || COALESCE(NEW.name, ''), COALESCE(NEW.body, ''));
END;
CREATE TRIGGER releases_search_delete AFTER DELETE ON releases BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 3, OLD.tag || ' ' || COALESCE(OLD.name, ''), COALESCE(OLD.body, ''));
END;
CREATE TRIGGER releases_search_update AFTER UPDATE OF tag, name, body ON releases BEGIN
  INSERT INTO search_fts(search_fts, rowid, title, body) VALUES
    ('delete', OLD.id * 4 + 3, OLD.tag || ' ' || COALESCE(OLD.name, ''), COALESCE(OLD.body, ''));
  INSERT INTO search_fts(rowid, title, body) VALUES
    (NEW.id * 4 + 3, NEW.tag || ' ' || COALESCE(NEW.name, ''), COALESCE(NEW.body, ''));
END;
INSERT INTO search_fts(rowid, title, body)
  SELECT id * 4, substr(message, 1, instr(message || char(10), char(10)) - 1), message FROM commits;
INSERT INTO search_fts(rowid, title, body)
  SELECT id * 4 + 1, title, COALESCE(body, '') FROM pull_requests;
INSERT INTO search_fts(rowid, title, body)
  SELECT id * 4 + 2, title, COALESCE(body, '') FROM issues;
INSERT INTO search_fts(rowid, title, body)
  SELECT id * 4 + 3, tag || ' ' || COALESCE(name, ''), COALESCE(body, '') FROM releases;
)sql",
      // 6: the stored day report (docs/schema.md): each day's report document, composed
      // once and rendered by every output, with what produced it.
      R"sql(
CREATE TABLE day_reports (
  report_date TEXT NOT NULL,
  language TEXT NOT NULL,
  timezone TEXT NOT NULL,
  document TEXT NOT NULL,
  inputs TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  producer TEXT NOT NULL CHECK (producer IN ('rules', 'llm')),
  complete INTEGER NOT NULL,
  synced_at TEXT,
  composed_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (report_date, language)
);
)sql",
      // 7: LLM requests whose every answer was rejected, per report day (docs/llm.md).
      R"sql(
CREATE TABLE llm_rejections (
  model TEXT NOT NULL,
  prompt_hash TEXT NOT NULL,
  report_date TEXT NOT NULL,
  reasons TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (model, prompt_hash, report_date)
);
)sql",
      // 8: how far each list of each watched repository is known complete (docs/sync.md,
      // "Complete days"): a day is published only when every list covers its window.
      // synced_from: the start of the first window the list was read for (a failed first
      // attempt sets it too, with no synced_through); synced_through: the latest run
      // time at which a read of the list from the head succeeded; attempted_at: the
      // latest run time it was read, successfully or not. Stores that synced
      // before this step are seeded from their branch cursors (one transaction per
      // repository then stored all four lists or none).
      R"sql(
CREATE TABLE sync_lists (
  repo TEXT NOT NULL,
  list TEXT NOT NULL CHECK (list IN ('commits', 'pull_requests', 'issues', 'releases')),
  synced_from TEXT NOT NULL,
  synced_through TEXT,
  attempted_at TEXT NOT NULL,
  PRIMARY KEY (repo, list)
);
INSERT INTO sync_lists(repo, list, synced_from, synced_through, attempted_at)
  SELECT r.full_name, l.list, g.horizon, g.synced_at, g.synced_at
  FROM github_cursors g JOIN repositories r ON r.id = g.repo_id,
       (SELECT 'commits' AS list UNION ALL SELECT 'pull_requests' UNION ALL SELECT 'issues'
        UNION ALL SELECT 'releases') l;
)sql",
      // 9: each file's patch, bounded (docs/schema.md); stores made before keep NULL
      // patches until their commits are synced again.
      R"sql(
ALTER TABLE commit_files ADD COLUMN patch TEXT;
ALTER TABLE commit_files ADD COLUMN patch_truncated INTEGER NOT NULL DEFAULT 0;
)sql",
      // 10: pull request links (docs/schema.md): commits.pr_number is the PR a commit
      // belongs to and pr_link how that was found (model/pull_links.h); files_listed
      // tells an empty file list (+0/-0) from an unknown one. Links of rows stored
      // before are what their source named.
      R"sql(
ALTER TABLE commits ADD COLUMN pr_link TEXT;
ALTER TABLE commits ADD COLUMN files_listed INTEGER NOT NULL DEFAULT 0;
UPDATE commits SET pr_link = 'given' WHERE pr_number IS NOT NULL;
UPDATE commits SET files_listed = 1 WHERE EXISTS (SELECT 1 FROM commit_files f WHERE f.commit_id = commits.id);
CREATE INDEX commits_by_pull ON commits (repo_id, pr_number);
)sql",
      // 11: the classified history behind `query` (docs/schema.md, "History index"):
      // one row per item (item = row id * 4 + table, as search_fts) with what a hit
      // shows, its kind, the time it is placed at and its tags, so every filter is an
      // index lookup (the indexes, and history_tags, repeat the columns a query filters
      // and orders by, so finding the matches reads no table row). Rows are classified in C++ (compose/history_index_refresh.h):
      // the triggers only queue the items whose inputs changed (a commit, its files,
      // its PR) in history_pending, checking first (under the store's upserts, a
      // trigger's INSERT OR IGNORE still fails on a conflict), and history_classifier
      // records which classifier and taxonomy wrote the rows; a different one queues
      // everything again.
      // Every item stored before this step is queued here (the backfill).
      R"sql(
CREATE TABLE history_items (
  item INTEGER PRIMARY KEY,
  repo TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('commit', 'pr', 'issue', 'release')),
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  fact_id TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL,
  sha TEXT,
  number INTEGER,
  release_tag TEXT,
  importance REAL NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX history_items_by_time ON history_items (at, repo, fact_id, type, number, kind);
CREATE INDEX history_items_by_kind ON history_items (kind, at, repo, fact_id, type, number);
CREATE INDEX history_items_by_repo ON history_items (repo, at, fact_id, type, number, kind);
CREATE INDEX history_items_by_type ON history_items (type, at, repo, fact_id, number, kind);
CREATE INDEX history_items_by_number ON history_items (repo, number, type);
CREATE TABLE history_tags (
  tag TEXT NOT NULL,
  at TEXT NOT NULL,
  item INTEGER NOT NULL,
  repo TEXT NOT NULL,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  number INTEGER,
  fact_id TEXT NOT NULL,
  PRIMARY KEY (tag, at, item)
) WITHOUT ROWID;
CREATE INDEX history_tags_by_item ON history_tags (item, tag);
CREATE TABLE history_pending (item INTEGER PRIMARY KEY);
CREATE TABLE history_classifier (version TEXT NOT NULL);
CREATE TRIGGER commits_history_insert AFTER INSERT ON commits BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4);
END;
CREATE TRIGGER commits_history_update AFTER UPDATE ON commits BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4);
END;
CREATE TRIGGER commits_history_delete AFTER DELETE ON commits BEGIN
  INSERT INTO history_pending SELECT OLD.id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = OLD.id * 4);
END;
CREATE TRIGGER commit_files_history_insert AFTER INSERT ON commit_files BEGIN
  INSERT INTO history_pending SELECT NEW.commit_id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.commit_id * 4);
END;
CREATE TRIGGER commit_files_history_update AFTER UPDATE ON commit_files BEGIN
  INSERT INTO history_pending SELECT NEW.commit_id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.commit_id * 4);
END;
CREATE TRIGGER commit_files_history_delete AFTER DELETE ON commit_files BEGIN
  INSERT INTO history_pending SELECT OLD.commit_id * 4 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = OLD.commit_id * 4);
END;
CREATE TRIGGER pull_requests_history_insert AFTER INSERT ON pull_requests BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 1 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 1);
  INSERT INTO history_pending
    SELECT id * 4 FROM commits WHERE repo_id = NEW.repo_id AND pr_number = NEW.number
      AND id * 4 NOT IN (SELECT item FROM history_pending);
  INSERT INTO history_pending
    SELECT item FROM history_items
    WHERE repo = (SELECT full_name FROM repositories WHERE id = NEW.repo_id) AND number = NEW.number
      AND type = 'commit'
      AND item NOT IN (SELECT item FROM history_pending);
END;
CREATE TRIGGER pull_requests_history_update AFTER UPDATE ON pull_requests BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 1 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 1);
  INSERT INTO history_pending
    SELECT id * 4 FROM commits WHERE repo_id = NEW.repo_id AND pr_number IN (NEW.number, OLD.number)
      AND id * 4 NOT IN (SELECT item FROM history_pending);
  INSERT INTO history_pending
    SELECT item FROM history_items
    WHERE repo = (SELECT full_name FROM repositories WHERE id = NEW.repo_id) AND number IN (NEW.number, OLD.number)
      AND type = 'commit'
      AND item NOT IN (SELECT item FROM history_pending);
END;
CREATE TRIGGER pull_requests_history_delete AFTER DELETE ON pull_requests BEGIN
  INSERT INTO history_pending SELECT OLD.id * 4 + 1 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = OLD.id * 4 + 1);
  INSERT INTO history_pending
    SELECT id * 4 FROM commits WHERE repo_id = OLD.repo_id AND pr_number = OLD.number
      AND id * 4 NOT IN (SELECT item FROM history_pending);
  INSERT INTO history_pending
    SELECT item FROM history_items
    WHERE repo = (SELECT full_name FROM repositories WHERE id = OLD.repo_id) AND number = OLD.number
      AND type = 'commit'
      AND item NOT IN (SELECT item FROM history_pending);
END;
CREATE TRIGGER issues_history_insert AFTER INSERT ON issues BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 2 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 2);
END;
CREATE TRIGGER issues_history_update AFTER UPDATE ON issues BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 2 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 2);
END;
CREATE TRIGGER issues_history_delete AFTER DELETE ON issues BEGIN
  INSERT INTO history_pending SELECT OLD.id * 4 + 2 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = OLD.id * 4 + 2);
END;
CREATE TRIGGER releases_history_insert AFTER INSERT ON releases BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 3 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 3);
END;
CREATE TRIGGER releases_history_update AFTER UPDATE ON releases BEGIN
  INSERT INTO history_pending SELECT NEW.id * 4 + 3 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = NEW.id * 4 + 3);
END;
CREATE TRIGGER releases_history_delete AFTER DELETE ON releases BEGIN
  INSERT INTO history_pending SELECT OLD.id * 4 + 3 WHERE NOT EXISTS (SELECT 1 FROM history_pending WHERE item = OLD.id * 4 + 3);
END;
INSERT INTO history_pending SELECT id * 4 FROM commits;
INSERT INTO history_pending SELECT id * 4 + 1 FROM pull_requests;
INSERT INTO history_pending SELECT id * 4 + 2 FROM issues;
INSERT INTO history_pending SELECT id * 4 + 3 FROM releases;
)sql",
  };
  return kSteps;
}

Result<int> user_version(Database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return static_cast<int>(stmt->integer(0).value_or(0));
}

}  // namespace

int current_schema_version() { return static_cast<int>(steps().size()); }

Status migrate(Database& db) {
  auto version = user_version(db);
  if (!version) return version.error();
  if (*version > current_schema_version())
    return make_error("schema version " + std::to_string(*version) +
                      " is newer than this infradigest understands (" +
                      std::to_string(current_schema_version()) + "); upgrade infradigest");
  for (int v = *version; v < current_schema_version(); ++v) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    INFRADIGEST_TRY(db.exec(steps()[static_cast<size_t>(v)]));
    INFRADIGEST_TRY(db.exec("PRAGMA user_version = " + std::to_string(v + 1)));
    INFRADIGEST_TRY(tx->commit());
  }
  return {};
}

}  // namespace infradigest
