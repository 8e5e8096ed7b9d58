#include "store/activity_store.h"

#include <map>
#include <nlohmann/json.hpp>

namespace infradigest {

namespace {

using Json = nlohmann::json;

std::string to_json_list(const std::vector<std::string>& v) { return Json(v).dump(); }

std::vector<std::string> from_json_list(const std::string& text) {
  return Json::parse(text).get<std::vector<std::string>>();
}

std::optional<std::string> time_text(const std::optional<Timestamp>& t) {
  return t ? std::optional<std::string>(t->to_string()) : std::nullopt;
}

// Stored times were validated on the way in; a failure here means the file
// was edited by hand, which we report rather than hide.
Result<Timestamp> stored_time(const std::optional<std::string>& text, const char* column) {
  auto t = parse_timestamp(text.value_or(""));
  if (!t) return t.error().with_context(std::string("stored ") + column);
  return t;
}

Result<std::optional<Timestamp>> stored_optional_time(const std::optional<std::string>& text,
                                                      const char* column) {
  if (!text) return std::optional<Timestamp>{};
  auto t = stored_time(text, column);
  if (!t) return t.error();
  return std::optional<Timestamp>{*t};
}

std::optional<int> to_int(std::optional<long long> v) {
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

// Index of items already stored, by fact id, to tell new/changed/unchanged.
struct Existing {
  std::map<std::string, const Repository*> repos;
  std::map<std::string, const Commit*> commits;
  std::map<std::string, const PullRequest*> prs;
  std::map<std::string, const Issue*> issues;
  std::map<std::string, const Release*> releases;

  explicit Existing(const Activity& a) {
    for (const auto& r : a.repositories) repos[r.full_name] = &r;
    for (const auto& c : a.commits) commits[fact_id(c)] = &c;
    for (const auto& p : a.pull_requests) prs[fact_id(p)] = &p;
    for (const auto& i : a.issues) issues[fact_id(i)] = &i;
    for (const auto& r : a.releases) releases[fact_id(r)] = &r;
  }
};

// Counts the outcome and tells whether `item` must be written.
template <class T>
bool needs_write(const std::map<std::string, const T*>& existing, const std::string& id, const T& item,
                 ImportStats& stats) {
  auto it = existing.find(id);
  if (it == existing.end()) {
    ++stats.added;
    return true;
  }
  if (*it->second == item) {
    ++stats.unchanged;
    return false;
  }
  ++stats.updated;
  return true;
}

}  // namespace

Result<long long> ActivityStore::repo_id(const std::string& full_name) {
  auto insert =
      db_.prepare("INSERT INTO repositories(full_name) VALUES (?1) ON CONFLICT(full_name) DO NOTHING");
  if (!insert) return insert.error();
  INFRADIGEST_TRY(insert->bind(1, full_name).run());
  auto select = db_.prepare("SELECT id FROM repositories WHERE full_name = ?1");
  if (!select) return select.error();
  select->bind(1, full_name);
  auto row = select->step();
  if (!row) return row.error();
  return *select->integer(0);
}

Result<ImportStats> ActivityStore::save(const Activity& a) {
  auto tx = Transaction::begin(db_);
  if (!tx) return tx.error();
  auto stored = load();
  if (!stored) return stored.error();
  Existing existing(*stored);
  ImportStats stats;

  for (const auto& r : a.repositories) {
    if (!needs_write(existing.repos, r.full_name, r, stats)) continue;
    auto id = repo_id(r.full_name);
    if (!id) return id.error();
    auto st = db_.prepare("UPDATE repositories SET default_branch = ?2 WHERE id = ?1");
    if (!st) return st.error();
    INFRADIGEST_TRY(st->bind(1, *id).bind(2, r.default_branch).run());
  }

  for (const auto& c : a.commits) {
    if (!needs_write(existing.commits, fact_id(c), c, stats)) continue;
    auto rid = repo_id(c.repo);
    if (!rid) return rid.error();
    auto st = db_.prepare(R"sql(
      INSERT INTO commits(repo_id, item_key, sha, parents, author, committer, authored_at,
                          committed_at, message, pr_number)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
      ON CONFLICT(repo_id, item_key) DO UPDATE SET
        sha = excluded.sha, parents = excluded.parents, author = excluded.author,
        committer = excluded.committer, authored_at = excluded.authored_at,
        committed_at = excluded.committed_at, message = excluded.message,
        pr_number = excluded.pr_number
      RETURNING id)sql");
    if (!st) return st.error();
    st->bind(1, *rid)
        .bind(2, c.key())
        .bind(3, c.sha)
        .bind(4, to_json_list(c.parents))
        .bind(5, c.author)
        .bind(6, c.committer)
        .bind(7, time_text(c.authored_at))
        .bind(8, c.committed_at.to_string())
        .bind(9, c.message)
        .bind(10, c.pr_number);
    auto row = st->step();
    if (!row) return row.error();
    long long commit_id = *st->integer(0);
    INFRADIGEST_TRY(st->run());
    auto del = db_.prepare("DELETE FROM commit_files WHERE commit_id = ?1");
    if (!del) return del.error();
    INFRADIGEST_TRY(del->bind(1, commit_id).run());
    auto ins = db_.prepare(R"sql(
      INSERT INTO commit_files(commit_id, position, filename, status, additions, deletions,
                               previous_filename) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    if (!ins) return ins.error();
    for (size_t i = 0; i < c.files.size(); ++i) {
      const auto& f = c.files[i];
      INFRADIGEST_TRY(ins->bind(1, commit_id)
                          .bind(2, static_cast<long long>(i))
                          .bind(3, f.filename)
                          .bind(4, f.status)
                          .bind(5, f.additions)
                          .bind(6, f.deletions)
                          .bind(7, f.previous_filename)
                          .run());
    }
  }

  for (const auto& p : a.pull_requests) {
    if (!needs_write(existing.prs, fact_id(p), p, stats)) continue;
    auto rid = repo_id(p.repo);
    if (!rid) return rid.error();
    auto st = db_.prepare(R"sql(
      INSERT INTO pull_requests(repo_id, number, title, author, state, created_at, merged_at,
                                merge_commit_sha, labels, body)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
      ON CONFLICT(repo_id, number) DO UPDATE SET
        title = excluded.title, author = excluded.author, state = excluded.state,
        created_at = excluded.created_at, merged_at = excluded.merged_at,
        merge_commit_sha = excluded.merge_commit_sha, labels = excluded.labels,
        body = excluded.body)sql");
    if (!st) return st.error();
    INFRADIGEST_TRY(st->bind(1, *rid)
                        .bind(2, p.number)
                        .bind(3, p.title)
                        .bind(4, p.author)
                        .bind(5, p.state)
                        .bind(6, time_text(p.created_at))
                        .bind(7, time_text(p.merged_at))
                        .bind(8, p.merge_commit_sha)
                        .bind(9, to_json_list(p.labels))
                        .bind(10, p.body)
                        .run());
  }

  for (const auto& i : a.issues) {
    if (!needs_write(existing.issues, fact_id(i), i, stats)) continue;
    auto rid = repo_id(i.repo);
    if (!rid) return rid.error();
    auto st = db_.prepare(R"sql(
      INSERT INTO issues(repo_id, number, title, author, state, created_at, labels, body)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
      ON CONFLICT(repo_id, number) DO UPDATE SET
        title = excluded.title, author = excluded.author, state = excluded.state,
        created_at = excluded.created_at, labels = excluded.labels, body = excluded.body)sql");
    if (!st) return st.error();
    INFRADIGEST_TRY(st->bind(1, *rid)
                        .bind(2, i.number)
                        .bind(3, i.title)
                        .bind(4, i.author)
                        .bind(5, i.state)
                        .bind(6, i.created_at.to_string())
                        .bind(7, to_json_list(i.labels))
                        .bind(8, i.body)
                        .run());
  }

  for (const auto& r : a.releases) {
    if (!needs_write(existing.releases, fact_id(r), r, stats)) continue;
    auto rid = repo_id(r.repo);
    if (!rid) return rid.error();
    auto st = db_.prepare(R"sql(
      INSERT INTO releases(repo_id, tag, name, published_at, prerelease, body, pr_number)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
      ON CONFLICT(repo_id, tag) DO UPDATE SET
        name = excluded.name, published_at = excluded.published_at,
        prerelease = excluded.prerelease, body = excluded.body,
        pr_number = excluded.pr_number)sql");
    if (!st) return st.error();
    std::optional<long long> pre;
    if (r.prerelease) pre = *r.prerelease ? 1 : 0;
    INFRADIGEST_TRY(st->bind(1, *rid)
                        .bind(2, r.tag)
                        .bind(3, r.name)
                        .bind(4, r.published_at.to_string())
                        .bind(5, pre)
                        .bind(6, r.body)
                        .bind(7, r.pr_number)
                        .run());
  }

  INFRADIGEST_TRY(tx->commit());
  return stats;
}

Result<std::vector<Repository>> ActivityStore::repositories() {
  std::vector<Repository> out;
  auto st = db_.prepare("SELECT full_name, default_branch FROM repositories ORDER BY full_name");
  if (!st) return st.error();
  INFRADIGEST_TRY(st->for_each_row([&]() -> Status {
    out.push_back(Repository{st->text_or_empty(0), st->text(1)});
    return {};
  }));
  return out;
}

Result<Activity> ActivityStore::load(const ActivityQuery& q) {
  Activity a;
  // Unbounded queries use sentinels that sort before/after any time text.
  const std::string since = q.since.value_or("");
  const std::string until = q.until.value_or("\x7f");

  auto repos = repositories();
  if (!repos) return repos.error();
  a.repositories = std::move(*repos);

  auto commits = db_.prepare(R"sql(
    SELECT c.id, r.full_name, c.sha, c.parents, c.author, c.committer, c.authored_at,
           c.committed_at, c.message, c.pr_number
    FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE c.committed_at >= ?1 AND c.committed_at < ?2
    ORDER BY r.full_name, c.committed_at, c.item_key)sql");
  if (!commits) return commits.error();
  commits->bind(1, since).bind(2, until);
  auto files = db_.prepare(R"sql(
    SELECT filename, status, additions, deletions, previous_filename
    FROM commit_files WHERE commit_id = ?1 ORDER BY position)sql");
  if (!files) return files.error();
  INFRADIGEST_TRY(commits->for_each_row([&]() -> Status {
    Commit c;
    c.repo = commits->text_or_empty(1);
    c.sha = commits->text(2);
    c.parents = from_json_list(commits->text_or_empty(3));
    c.author = commits->text(4);
    c.committer = commits->text(5);
    auto authored = stored_optional_time(commits->text(6), "commits.authored_at");
    if (!authored) return authored.error();
    c.authored_at = *authored;
    auto committed = stored_time(commits->text(7), "commits.committed_at");
    if (!committed) return committed.error();
    c.committed_at = *committed;
    c.message = commits->text_or_empty(8);
    c.pr_number = to_int(commits->integer(9));
    files->bind(1, *commits->integer(0));
    INFRADIGEST_TRY(files->for_each_row([&]() -> Status {
      c.files.push_back(FileChange{files->text_or_empty(0), files->text(1), to_int(files->integer(2)),
                                   to_int(files->integer(3)), files->text(4)});
      return {};
    }));
    a.commits.push_back(std::move(c));
    return {};
  }));

  auto prs = db_.prepare(R"sql(
    SELECT r.full_name, p.number, p.title, p.author, p.state, p.created_at, p.merged_at,
           p.merge_commit_sha, p.labels, p.body
    FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
    WHERE (p.merged_at >= ?1 AND p.merged_at < ?2)
       OR (p.merged_at IS NULL AND p.created_at >= ?1 AND p.created_at < ?2)
       OR (p.merged_at IS NULL AND p.created_at IS NULL)
    ORDER BY r.full_name, p.number)sql");
  if (!prs) return prs.error();
  prs->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(prs->for_each_row([&]() -> Status {
    PullRequest p;
    p.repo = prs->text_or_empty(0);
    p.number = static_cast<int>(*prs->integer(1));
    p.title = prs->text_or_empty(2);
    p.author = prs->text(3);
    p.state = prs->text(4);
    auto created = stored_optional_time(prs->text(5), "pull_requests.created_at");
    if (!created) return created.error();
    p.created_at = *created;
    auto merged = stored_optional_time(prs->text(6), "pull_requests.merged_at");
    if (!merged) return merged.error();
    p.merged_at = *merged;
    p.merge_commit_sha = prs->text(7);
    p.labels = from_json_list(prs->text_or_empty(8));
    p.body = prs->text(9);
    a.pull_requests.push_back(std::move(p));
    return {};
  }));

  auto issues = db_.prepare(R"sql(
    SELECT r.full_name, i.number, i.title, i.author, i.state, i.created_at, i.labels, i.body
    FROM issues i JOIN repositories r ON r.id = i.repo_id
    WHERE i.created_at >= ?1 AND i.created_at < ?2
    ORDER BY r.full_name, i.number)sql");
  if (!issues) return issues.error();
  issues->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(issues->for_each_row([&]() -> Status {
    Issue i;
    i.repo = issues->text_or_empty(0);
    i.number = static_cast<int>(*issues->integer(1));
    i.title = issues->text_or_empty(2);
    i.author = issues->text(3);
    i.state = issues->text(4);
    auto created = stored_time(issues->text(5), "issues.created_at");
    if (!created) return created.error();
    i.created_at = *created;
    i.labels = from_json_list(issues->text_or_empty(6));
    i.body = issues->text(7);
    a.issues.push_back(std::move(i));
    return {};
  }));

  auto releases = db_.prepare(R"sql(
    SELECT r.full_name, x.tag, x.name, x.published_at, x.prerelease, x.body, x.pr_number
    FROM releases x JOIN repositories r ON r.id = x.repo_id
    WHERE x.published_at >= ?1 AND x.published_at < ?2
    ORDER BY r.full_name, x.published_at, x.tag)sql");
  if (!releases) return releases.error();
  releases->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(releases->for_each_row([&]() -> Status {
    Release rel;
    rel.repo = releases->text_or_empty(0);
    rel.tag = releases->text_or_empty(1);
    rel.name = releases->text(2);
    auto published = stored_time(releases->text(3), "releases.published_at");
    if (!published) return published.error();
    rel.published_at = *published;
    if (auto pre = releases->integer(4)) rel.prerelease = *pre != 0;
    rel.body = releases->text(5);
    rel.pr_number = to_int(releases->integer(6));
    a.releases.push_back(std::move(rel));
    return {};
  }));
  return a;
}

}  // namespace infradigest
