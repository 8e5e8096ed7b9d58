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
