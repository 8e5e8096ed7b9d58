#include "synthetic_activity.h"

#include <sstream>

#include "core/sha256.h"
#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"

namespace infradigest::bench {

namespace {

std::string rename(const std::string& repo, int copy) {
  if (copy == 0) return repo;
  const size_t slash = repo.find('/');
  return repo.substr(0, slash) + "-c" + std::to_string(copy) + repo.substr(slash);
}

Timestamp shift(Timestamp t, int days) {
  t.instant += std::chrono::days{days};
  return t;
}

// A distinct number per (day, copy): far above the template's numbers.
int renumber(int n, int day_offset, int copy) { return n + 100000 * (day_offset + 1) + 1000 * copy; }

}  // namespace

std::vector<std::string> copied_repos(const Activity& day, int repo_copy) {
  std::vector<std::string> out;
  for (const auto& r : day.repositories) out.push_back(rename(r.full_name, repo_copy));
  return out;
}

Activity copy_day(const Activity& day, int d, int copy) {
  Activity out;
  const std::string salt = "/" + std::to_string(d) + "/" + std::to_string(copy);
  for (auto r : day.repositories) {
    r.full_name = rename(r.full_name, copy);
    out.repositories.push_back(std::move(r));
  }
  for (auto c : day.commits) {
    c.repo = rename(c.repo, copy);
    if (c.sha) c.sha = sha256_hex(*c.sha + salt).substr(0, 40);
    else c.message += " [" + salt + "]";  // SHA-less items are keyed by title
    for (auto& p : c.parents) p = sha256_hex(p + salt).substr(0, 40);
    c.committed_at = shift(c.committed_at, d);
    if (c.authored_at) c.authored_at = shift(*c.authored_at, d);
    if (c.landed_at) c.landed_at = shift(*c.landed_at, d);
    if (c.pr_number) c.pr_number = renumber(*c.pr_number, d, copy);
    out.commits.push_back(std::move(c));
  }
  for (auto p : day.pull_requests) {
    p.repo = rename(p.repo, copy);
    p.number = renumber(p.number, d, copy);
    if (p.created_at) p.created_at = shift(*p.created_at, d);
    if (p.merged_at) p.merged_at = shift(*p.merged_at, d);
    if (p.merge_commit_sha) p.merge_commit_sha = sha256_hex(*p.merge_commit_sha + salt).substr(0, 40);
    out.pull_requests.push_back(std::move(p));
  }
  for (auto i : day.issues) {
    i.repo = rename(i.repo, copy);
    i.number = renumber(i.number, d, copy);
    i.created_at = shift(i.created_at, d);
    out.issues.push_back(std::move(i));
  }
  for (auto r : day.releases) {
    r.repo = rename(r.repo, copy);
    r.tag += "-d" + std::to_string(d);
    r.published_at = shift(r.published_at, d);
    out.releases.push_back(std::move(r));
  }
  return out;
}

Result<Activity> reference_day() {
  return read_snapshot(std::string(INFRADIGEST_SOURCE_DIR) + "/examples/2026-02-26");
}

Result<Database> history_store(const std::filesystem::path& dir, const Activity& day, int days) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = Database::open((dir / "store.db").string());
  if (!db) return db.error();
  for (int d = 0; d < days; ++d)
    if (auto s = ActivityStore(*db).save(copy_day(day, d)); !s) return s.error();
  return db;
}

std::vector<int> month_list(const std::string& text) {
  std::vector<int> months;
  std::istringstream list(text);
  for (std::string m; std::getline(list, m, ',');) months.push_back(std::stoi(m));
  return months;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace infradigest::bench
