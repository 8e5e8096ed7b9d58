#include "store/activity_store.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/ascii_text.h"
#include "store/history_index.h"
#include "model/pull_links.h"

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

// Row decoders shared by load() and the lookups of save(). Each statement
// selects the columns named by the matching k*Columns, in that order.
constexpr const char* kCommitColumns =
    "c.id, r.full_name, c.sha, c.parents, c.author, c.committer, c.authored_at, c.committed_at, c.message, "
    "c.pr_number, c.landed_at, c.pr_link, c.files_listed";
// The files of one commit id (?1), in order; read_commit decodes its rows.
constexpr const char* kCommitFilesQuery = R"sql(
    SELECT filename, status, additions, deletions, previous_filename, patch, patch_truncated
    FROM commit_files WHERE commit_id = ?1 ORDER BY position)sql";
constexpr const char* kPullColumns =
    "r.full_name, p.number, p.title, p.author, p.state, p.created_at, p.merged_at, p.merge_commit_sha, p.labels, "
    "p.body";
constexpr const char* kIssueColumns =
    "r.full_name, i.number, i.title, i.author, i.state, i.created_at, i.labels, i.body";
constexpr const char* kReleaseColumns =
    "r.full_name, x.tag, x.name, x.published_at, x.prerelease, x.body, x.pr_number";

// A commit row without its files (read_commit_files adds them).
Result<Commit> read_commit_row(const SqlStatement& row) {
  Commit c;
  c.repo = row.text_or_empty(1);
  c.sha = row.text(2);
  c.parents = from_json_list(row.text_or_empty(3));
  c.author = row.text(4);
  c.committer = row.text(5);
  auto authored = stored_optional_time(row.text(6), "commits.authored_at");
  if (!authored) return authored.error();
  c.authored_at = *authored;
  auto committed = stored_time(row.text(7), "commits.committed_at");
  if (!committed) return committed.error();
  c.committed_at = *committed;
  c.message = row.text_or_empty(8);
  c.pr_number = to_int(row.integer(9));
  auto landed = stored_optional_time(row.text(10), "commits.landed_at");
  if (!landed) return landed.error();
  c.landed_at = *landed;
  if (c.pr_number) c.pr_link = pull_link_from_name(row.text(11).value_or("")).value_or(PullLink::kGiven);
  c.files_listed = row.integer(12).value_or(0) != 0;
  return c;
}

// `files` selects the files of one commit id (?1), in order: those of `row`'s commit.
Status read_commit_files(const SqlStatement& row, SqlStatement& files, Commit& c) {
  files.bind(1, *row.integer(0));
  return files.for_each_row([&]() -> Status {
    FileChange f{files.text_or_empty(0), files.text(1), to_int(files.integer(2)), to_int(files.integer(3)),
                 files.text(4)};
    f.patch = files.text(5);
    f.patch_truncated = files.integer(6).value_or(0) != 0;
    c.files.push_back(std::move(f));
    return {};
  });
}

Result<Commit> read_commit(const SqlStatement& row, SqlStatement& files) {
  auto c = read_commit_row(row);
  if (!c) return c.error();
  INFRADIGEST_TRY(read_commit_files(row, files, *c));
  return c;
}

Result<PullRequest> read_pull(const SqlStatement& row) {
  PullRequest p;
  p.repo = row.text_or_empty(0);
  p.number = static_cast<int>(*row.integer(1));
  p.title = row.text_or_empty(2);
  p.author = row.text(3);
  p.state = row.text(4);
  auto created = stored_optional_time(row.text(5), "pull_requests.created_at");
  if (!created) return created.error();
  p.created_at = *created;
  auto merged = stored_optional_time(row.text(6), "pull_requests.merged_at");
  if (!merged) return merged.error();
  p.merged_at = *merged;
  p.merge_commit_sha = row.text(7);
  p.labels = from_json_list(row.text_or_empty(8));
  p.body = row.text(9);
  return p;
}

Result<Issue> read_issue(const SqlStatement& row) {
  Issue i;
  i.repo = row.text_or_empty(0);
  i.number = static_cast<int>(*row.integer(1));
  i.title = row.text_or_empty(2);
  i.author = row.text(3);
  i.state = row.text(4);
  auto created = stored_time(row.text(5), "issues.created_at");
  if (!created) return created.error();
  i.created_at = *created;
  i.labels = from_json_list(row.text_or_empty(6));
  i.body = row.text(7);
  return i;
}

Result<Release> read_release(const SqlStatement& row) {
  Release rel;
  rel.repo = row.text_or_empty(0);
  rel.tag = row.text_or_empty(1);
  rel.name = row.text(2);
  auto published = stored_time(row.text(3), "releases.published_at");
  if (!published) return published.error();
  rel.published_at = *published;
  if (auto pre = row.integer(4)) rel.prerelease = *pre != 0;
  rel.body = row.text(5);
  rel.pr_number = to_int(row.integer(6));
  return rel;
}

std::optional<std::string> link_text(const Commit& c) {
  if (!c.pr_number) return std::nullopt;
  return std::string(pull_link_name(c.pr_link.value_or(PullLink::kGiven)));
}

// `incoming`, or a copy carrying the stored commit's stronger PR link.
const Commit& keep_stronger_link(const std::optional<Commit>& stored, const Commit& incoming, Commit& merged) {
  if (!stored || !stored->pr_number) return incoming;
  std::optional<PullLink> incoming_link;
  if (incoming.pr_number) incoming_link = incoming.pr_link.value_or(PullLink::kGiven);
  if (!stronger_link(stored->pr_link, incoming_link)) return incoming;
  merged = incoming;
  merged.pr_number = stored->pr_number;
  merged.pr_link = stored->pr_link;
  return merged;
}

// Runs a lookup prepared with its key bound: the stored item, if any.
template <class T, class Read>
Result<std::optional<T>> lookup(SqlStatement& st, Read read) {
  auto row = st.step();
  if (!row) return row.error();
  if (!*row) {
    st.reset();
    return std::optional<T>{};
  }
  auto item = read(st);
  st.reset();
  if (!item) return item.error();
  return std::optional<T>{std::move(*item)};
}

// Counts the outcome and tells whether `item` must be written.
template <class T>
bool needs_write(const std::optional<T>& stored, const T& item, ImportStats& stats) {
  if (!stored) {
    ++stats.added;
    return true;
  }
  if (*stored == item) {
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
  auto stats = upsert(a);
  if (!stats) return stats.error();
  INFRADIGEST_TRY(tx->commit());
  return stats;
}

Result<ImportStats> ActivityStore::upsert(const Activity& a) {
  ImportStats stats;
  // Each incoming item is compared with its stored version, looked up by
  // identity: the cost follows the input, not the size of the store.
  auto find_repo = db_.prepare("SELECT full_name, default_branch FROM repositories WHERE full_name = ?1");
  if (!find_repo) return find_repo.error();
  auto find_commit = db_.prepare(std::string("SELECT ") + kCommitColumns +
                                 " FROM commits c JOIN repositories r ON r.id = c.repo_id"
                                 " WHERE r.full_name = ?1 AND c.item_key = ?2");
  if (!find_commit) return find_commit.error();
  auto commit_files = db_.prepare(kCommitFilesQuery);
  if (!commit_files) return commit_files.error();
  auto find_pull = db_.prepare(std::string("SELECT ") + kPullColumns +
                               " FROM pull_requests p JOIN repositories r ON r.id = p.repo_id"
                               " WHERE r.full_name = ?1 AND p.number = ?2");
  if (!find_pull) return find_pull.error();
  auto find_issue = db_.prepare(std::string("SELECT ") + kIssueColumns +
                                " FROM issues i JOIN repositories r ON r.id = i.repo_id"
                                " WHERE r.full_name = ?1 AND i.number = ?2");
  if (!find_issue) return find_issue.error();
  auto find_release = db_.prepare(std::string("SELECT ") + kReleaseColumns +
                                  " FROM releases x JOIN repositories r ON r.id = x.repo_id"
                                  " WHERE r.full_name = ?1 AND x.tag = ?2");
  if (!find_release) return find_release.error();

  for (const auto& r : a.repositories) {
    find_repo->bind(1, r.full_name);
    auto stored = lookup<Repository>(*find_repo, [](const SqlStatement& row) -> Result<Repository> {
      return Repository{row.text_or_empty(0), row.text(1)};
    });
    if (!stored) return stored.error();
    if (!needs_write(*stored, r, stats)) continue;
    auto id = repo_id(r.full_name);
    if (!id) return id.error();
    auto st = db_.prepare("UPDATE repositories SET default_branch = ?2 WHERE id = ?1");
    if (!st) return st.error();
    INFRADIGEST_TRY(st->bind(1, *id).bind(2, r.default_branch).run());
  }

  for (const auto& incoming : a.commits) {
    find_commit->bind(1, incoming.repo).bind(2, incoming.key());
    auto stored =
        lookup<Commit>(*find_commit, [&](const SqlStatement& row) { return read_commit(row, *commit_files); });
    if (!stored) return stored.error();
    // A link found before (a merge commit's, the PR's commits') is kept
    // against a weaker one the source gives again: links only get stronger.
    Commit with_link;
    const Commit& c = keep_stronger_link(*stored, incoming, with_link);
    if (!needs_write(*stored, c, stats)) continue;
    auto rid = repo_id(c.repo);
    if (!rid) return rid.error();
    auto st = db_.prepare(R"sql(
      INSERT INTO commits(repo_id, item_key, sha, parents, author, committer, authored_at,
                          committed_at, message, pr_number, landed_at, pr_link, files_listed)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
      ON CONFLICT(repo_id, item_key) DO UPDATE SET
        sha = excluded.sha, parents = excluded.parents, author = excluded.author,
        committer = excluded.committer, authored_at = excluded.authored_at,
        committed_at = excluded.committed_at, message = excluded.message,
        pr_number = excluded.pr_number, landed_at = excluded.landed_at,
        pr_link = excluded.pr_link, files_listed = excluded.files_listed
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
        .bind(10, c.pr_number)
        .bind(11, time_text(c.landed_at))
        .bind(12, link_text(c))
        .bind(13, c.files_listed ? 1LL : 0LL);
    auto row = st->step();
    if (!row) return row.error();
    long long commit_id = *st->integer(0);
    INFRADIGEST_TRY(st->run());
    auto del = db_.prepare("DELETE FROM commit_files WHERE commit_id = ?1");
    if (!del) return del.error();
    INFRADIGEST_TRY(del->bind(1, commit_id).run());
    auto ins = db_.prepare(R"sql(
      INSERT INTO commit_files(commit_id, position, filename, status, additions, deletions,
                               previous_filename, patch, patch_truncated)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql");
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
                          .bind(8, f.patch)
                          .bind(9, f.patch_truncated ? 1 : 0)
                          .run());
    }
  }

  for (const auto& p : a.pull_requests) {
    find_pull->bind(1, p.repo).bind(2, p.number);
    auto stored = lookup<PullRequest>(*find_pull, read_pull);
    if (!stored) return stored.error();
    if (!needs_write(*stored, p, stats)) continue;
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
    find_issue->bind(1, i.repo).bind(2, i.number);
    auto stored = lookup<Issue>(*find_issue, read_issue);
    if (!stored) return stored.error();
    if (!needs_write(*stored, i, stats)) continue;
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
    find_release->bind(1, r.repo).bind(2, r.tag);
    auto stored = lookup<Release>(*find_release, read_release);
    if (!stored) return stored.error();
    if (!needs_write(*stored, r, stats)) continue;
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
  INFRADIGEST_TRY(link_pull_requests(a));
  return stats;
}

Status ActivityStore::link_pull_requests(const Activity& a) {
  // What this save brought, per repository: its commits and the merge commits of its PRs.
  std::map<std::string, std::set<std::string>> fresh;
  for (const auto& c : a.commits)
    if (c.sha) fresh[c.repo].insert(*c.sha);
  for (const auto& p : a.pull_requests)
    if (p.merged_at && p.merge_commit_sha) fresh[p.repo].insert(*p.merge_commit_sha);
  auto graph_rows = db_.prepare(R"sql(
    SELECT c.id, c.sha, c.parents, substr(c.message, 1, instr(c.message || char(10), char(10)) - 1),
           c.pr_number, c.pr_link
    FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE r.full_name = ?1 AND c.sha IS NOT NULL)sql");
  if (!graph_rows) return graph_rows.error();
  auto pull_rows = db_.prepare(R"sql(
    SELECT p.number, p.merge_commit_sha FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
    WHERE r.full_name = ?1 AND p.merged_at IS NOT NULL AND p.merge_commit_sha IS NOT NULL)sql");
  if (!pull_rows) return pull_rows.error();
  auto update = db_.prepare("UPDATE commits SET pr_number = ?2, pr_link = ?3 WHERE id = ?1");
  if (!update) return update.error();
  for (const auto& [repo, shas] : fresh) {
    struct Current {
      long long id;
      std::optional<PullLink> link;
    };
    std::vector<CommitNode> graph;
    std::map<std::string, Current, std::less<>> current;
    graph_rows->bind(1, repo);
    INFRADIGEST_TRY(graph_rows->for_each_row([&]() -> Status {
      CommitNode node{graph_rows->text_or_empty(1), from_json_list(graph_rows->text_or_empty(2)),
                      std::string(trim_ascii_space(graph_rows->text_or_empty(3)))};
      std::optional<PullLink> link;
      if (graph_rows->integer(4)) link = pull_link_from_name(graph_rows->text(5).value_or("")).value_or(PullLink::kGiven);
      current[node.sha] = Current{*graph_rows->integer(0), link};
      graph.push_back(std::move(node));
      return {};
    }));
    std::vector<MergedPull> pulls;
    pull_rows->bind(1, repo);
    INFRADIGEST_TRY(pull_rows->for_each_row([&]() -> Status {
      pulls.push_back(MergedPull{static_cast<int>(*pull_rows->integer(0)), pull_rows->text_or_empty(1)});
      return {};
    }));
    for (const auto& [sha, found] : find_pull_links(graph, pulls, &shas)) {
      const Current& now = current.at(sha);
      if (!stronger_link(found.how, now.link)) continue;
      INFRADIGEST_TRY(update->bind(1, now.id)
                          .bind(2, found.pr)
                          .bind(3, std::string(pull_link_name(found.how)))
                          .run());
    }
  }
  return {};
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

  // Commits are placed by landing time (landed_at when a sync set it, else
  // committed_at); the expression matches the commits_by_landing index.
  auto commits = db_.prepare(std::string("SELECT ") + kCommitColumns + R"sql(
    FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE COALESCE(c.landed_at, c.committed_at) >= ?1 AND COALESCE(c.landed_at, c.committed_at) < ?2
    ORDER BY r.full_name, c.committed_at, c.item_key)sql");
  if (!commits) return commits.error();
  commits->bind(1, since).bind(2, until);
  auto files = db_.prepare(kCommitFilesQuery);
  if (!files) return files.error();
  INFRADIGEST_TRY(commits->for_each_row([&]() -> Status {
    auto c = read_commit(*commits, *files);
    if (!c) return c.error();
    a.commits.push_back(std::move(*c));
    return {};
  }));
  INFRADIGEST_TRY(add_pull_mates(a.commits, *files));

  auto prs = db_.prepare(std::string("SELECT ") + kPullColumns + R"sql(
    FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
    WHERE (p.merged_at >= ?1 AND p.merged_at < ?2)
       OR (p.merged_at IS NULL AND p.created_at >= ?1 AND p.created_at < ?2)
       OR (p.merged_at IS NULL AND p.created_at IS NULL)
    ORDER BY r.full_name, p.number)sql");
  if (!prs) return prs.error();
  prs->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(prs->for_each_row([&]() -> Status {
    auto p = read_pull(*prs);
    if (!p) return p.error();
    a.pull_requests.push_back(std::move(*p));
    return {};
  }));

  auto issues = db_.prepare(std::string("SELECT ") + kIssueColumns + R"sql(
    FROM issues i JOIN repositories r ON r.id = i.repo_id
    WHERE i.created_at >= ?1 AND i.created_at < ?2
    ORDER BY r.full_name, i.number)sql");
  if (!issues) return issues.error();
  issues->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(issues->for_each_row([&]() -> Status {
    auto i = read_issue(*issues);
    if (!i) return i.error();
    a.issues.push_back(std::move(*i));
    return {};
  }));

  auto releases = db_.prepare(std::string("SELECT ") + kReleaseColumns + R"sql(
    FROM releases x JOIN repositories r ON r.id = x.repo_id
    WHERE x.published_at >= ?1 AND x.published_at < ?2
    ORDER BY r.full_name, x.published_at, x.tag)sql");
  if (!releases) return releases.error();
  releases->bind(1, since).bind(2, until);
  INFRADIGEST_TRY(releases->for_each_row([&]() -> Status {
    auto r = read_release(*releases);
    if (!r) return r.error();
    a.releases.push_back(std::move(*r));
    return {};
  }));
  return a;
}

Result<ItemsById> ActivityStore::load_items(const std::vector<long long>& items) {
  auto commit = db_.prepare(std::string("SELECT ") + kCommitColumns +
                            " FROM commits c JOIN repositories r ON r.id = c.repo_id WHERE c.id = ?1");
  if (!commit) return commit.error();
  auto files = db_.prepare(kCommitFilesQuery);
  if (!files) return files.error();
  auto pull = db_.prepare(std::string("SELECT ") + kPullColumns +
                          " FROM pull_requests p JOIN repositories r ON r.id = p.repo_id WHERE p.id = ?1");
  if (!pull) return pull.error();
  auto pull_by_number = db_.prepare(std::string("SELECT ") + kPullColumns + R"sql(
    FROM pull_requests p JOIN repositories r ON r.id = p.repo_id WHERE r.full_name = ?1 AND p.number = ?2)sql");
  if (!pull_by_number) return pull_by_number.error();
  auto issue = db_.prepare(std::string("SELECT ") + kIssueColumns +
                           " FROM issues i JOIN repositories r ON r.id = i.repo_id WHERE i.id = ?1");
  if (!issue) return issue.error();
  auto release = db_.prepare(std::string("SELECT ") + kReleaseColumns +
                             " FROM releases x JOIN repositories r ON r.id = x.repo_id WHERE x.id = ?1");
  if (!release) return release.error();

  ItemsById out;
  auto read_commit_row = [&](const SqlStatement& row) { return read_commit(row, *files); };
  for (long long item : items) {
    const long long id = item_row_id(item);
    switch (item_table(item)) {
      case ItemTable::kCommit: {
        commit->bind(1, id);
        auto c = lookup<Commit>(*commit, read_commit_row);
        if (!c) return c.error();
        if (!*c) break;
        if (auto pr = (*c)->pr_number ? (*c)->pr_number : pr_number_from_title((*c)->title());
            pr && !out.commit_pulls.count({(*c)->repo, *pr})) {
          pull_by_number->bind(1, (*c)->repo).bind(2, *pr);
          auto p = lookup<PullRequest>(*pull_by_number, read_pull);
          if (!p) return p.error();
          if (*p) out.commit_pulls.emplace(std::make_pair((*c)->repo, *pr), std::move(**p));
        }
        out.commits.emplace_back(item, std::move(**c));
        break;
      }
      case ItemTable::kPullRequest: {
        pull->bind(1, id);
        auto p = lookup<PullRequest>(*pull, read_pull);
        if (!p) return p.error();
        if (*p) out.pull_requests.emplace_back(item, std::move(**p));
        break;
      }
      case ItemTable::kIssue: {
        issue->bind(1, id);
        auto i = lookup<Issue>(*issue, read_issue);
        if (!i) return i.error();
        if (*i) out.issues.emplace_back(item, std::move(**i));
        break;
      }
      case ItemTable::kRelease: {
        release->bind(1, id);
        auto r = lookup<Release>(*release, read_release);
        if (!r) return r.error();
        if (*r) out.releases.emplace_back(item, std::move(**r));
        break;
      }
    }
  }
  return out;
}

Status ActivityStore::add_pull_mates(std::vector<Commit>& commits, SqlStatement& files) {
  std::set<std::pair<std::string, int>> pulls;
  std::set<std::pair<std::string, std::string>> have;
  for (const auto& c : commits) {
    have.emplace(c.repo, c.key());
    if (c.pr_number) pulls.emplace(c.repo, *c.pr_number);
  }
  auto mates = db_.prepare(std::string("SELECT ") + kCommitColumns + R"sql(
    FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE r.full_name = ?1 AND c.pr_number = ?2
    ORDER BY c.committed_at, c.item_key)sql");
  if (!mates) return mates.error();
  std::vector<Commit> more;
  for (const auto& [repo, number] : pulls) {
    mates->bind(1, repo).bind(2, number);
    INFRADIGEST_TRY(mates->for_each_row([&]() -> Status {
      // Most mates are the day's own commits: their files are not read twice.
      auto c = read_commit_row(*mates);
      if (!c) return c.error();
      if (!have.emplace(c->repo, c->key()).second) return {};
      INFRADIGEST_TRY(read_commit_files(*mates, files, *c));
      more.push_back(std::move(*c));
      return {};
    }));
  }
  for (auto& c : more) commits.push_back(std::move(c));
  return {};
}

Result<std::vector<Commit>> ActivityStore::commits_by_sha_prefix(const std::string& prefix,
                                                                  int limit) {
  auto commits = db_.prepare(std::string("SELECT ") + kCommitColumns + R"sql(
    FROM commits c JOIN repositories r ON r.id = c.repo_id
    WHERE c.sha IS NOT NULL AND substr(c.sha, 1, length(?1)) = ?1
    ORDER BY r.full_name, c.sha LIMIT ?2)sql");
  if (!commits) return commits.error();
  commits->bind(1, prefix).bind(2, static_cast<long long>(limit));
  auto files = db_.prepare(kCommitFilesQuery);
  if (!files) return files.error();
  std::vector<Commit> out;
  INFRADIGEST_TRY(commits->for_each_row([&]() -> Status {
    auto c = read_commit(*commits, *files);
    if (!c) return c.error();
    out.push_back(std::move(*c));
    return {};
  }));
  return out;
}

Result<std::vector<Timestamp>> ActivityStore::item_times(const std::vector<std::string>& repos) {
  // A PR's commits count once, when the last of them landed (compose/day_activity.h).
  auto commit_times = db_.prepare(R"sql(
    SELECT COALESCE(c.landed_at, c.committed_at), c.pr_number FROM commits c JOIN repositories r ON r.id = c.repo_id
      WHERE r.full_name = ?1)sql");
  if (!commit_times) return commit_times.error();
  auto times = db_.prepare(R"sql(
    SELECT i.created_at FROM issues i JOIN repositories r ON r.id = i.repo_id WHERE r.full_name = ?1
    UNION ALL SELECT x.published_at FROM releases x JOIN repositories r ON r.id = x.repo_id WHERE r.full_name = ?1
    UNION ALL SELECT p.merged_at FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
      WHERE r.full_name = ?1 AND p.merged_at IS NOT NULL)sql");
  if (!times) return times.error();
  std::vector<Timestamp> out;
  for (const auto& repo : repos) {
    std::map<int, Timestamp> pull_landed;
    commit_times->bind(1, repo);
    INFRADIGEST_TRY(commit_times->for_each_row([&]() -> Status {
      auto t = parse_timestamp(commit_times->text_or_empty(0));
      if (!t) return t.error().with_context("stored time of " + repo);
      auto pr = commit_times->integer(1);
      if (!pr) {
        out.push_back(*t);
        return {};
      }
      auto [it, added] = pull_landed.emplace(static_cast<int>(*pr), *t);
      if (!added && it->second.instant < t->instant) it->second = *t;
      return {};
    }));
    for (const auto& [pr, t] : pull_landed) out.push_back(t);
    times->bind(1, repo);
    INFRADIGEST_TRY(times->for_each_row([&]() -> Status {
      auto t = parse_timestamp(times->text_or_empty(0));
      if (!t) return t.error().with_context("stored time of " + repo);
      out.push_back(*t);
      return {};
    }));
  }
  return out;
}

Result<std::map<std::string, int>> ActivityStore::merged_pull_requests(const std::vector<std::string>& repos,
                                                                       const PeriodWindow& window) {
  // A superset by text (UTC offsets span -12h..+14h), refined by the window.
  auto merged = db_.prepare(R"sql(
    SELECT p.merged_at FROM pull_requests p JOIN repositories r ON r.id = p.repo_id
    WHERE r.full_name = ?1 AND p.merged_at >= ?2 AND p.merged_at < ?3)sql");
  if (!merged) return merged.error();
  std::map<std::string, int> out;
  for (const auto& repo : repos) {
    merged->bind(1, repo)
        .bind(2, format_date(window.first - std::chrono::days{1}))
        .bind(3, format_date(window.last + std::chrono::days{2}));
    int n = 0;
    INFRADIGEST_TRY(merged->for_each_row([&]() -> Status {
      auto t = parse_timestamp(merged->text_or_empty(0));
      if (!t) return t.error().with_context("stored merge time of " + repo);
      n += window.contains(*t) ? 1 : 0;
      return {};
    }));
    out[repo] = n;
  }
  return out;
}

}  // namespace infradigest
