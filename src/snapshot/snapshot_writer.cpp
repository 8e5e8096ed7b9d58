#include "snapshot/snapshot_writer.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "snapshot/activity_json.h"
#include "snapshot/compact_json.h"

namespace infradigest {

namespace {

void line(std::ostream& out, const OrderedJson& j) {
  std::string text;
  append_compact_json(j, text);
  text += '\n';
  out << text;
}

// Each repository's items, in the order of `items`, found in one pass: a
// scan of every item per repository made a 1,000-repository day's
// fingerprint quadratic.
template <class T>
std::unordered_map<std::string_view, std::vector<const T*>> snapshot_items_by_repo(const std::vector<T>& items) {
  std::unordered_map<std::string_view, std::vector<const T*>> out;
  for (const auto& i : items) out[i.repo].push_back(&i);
  return out;
}

// One repository's items sorted by `key_of` (computed once per item, not per
// comparison; the same order as comparing the keys directly).
template <class T, class KeyOf>
std::vector<const T*> of_repo(const std::unordered_map<std::string_view, std::vector<const T*>>& grouped,
                              const std::string& repo, KeyOf key_of) {
  auto it = grouped.find(repo);
  if (it == grouped.end()) return {};
  using Key = decltype(key_of(*it->second.front()));
  std::vector<std::pair<Key, const T*>> keyed;
  keyed.reserve(it->second.size());
  for (const T* item : it->second) keyed.emplace_back(key_of(*item), item);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const T*> out;
  out.reserve(keyed.size());
  for (auto& [key, item] : keyed) out.push_back(item);
  return out;
}

}  // namespace

void write_snapshot(const Activity& a, std::ostream& out) {
  line(out, OrderedJson{{"type", "meta"},
                        {"format_version", 1},
                        {"description", "exported by infradigest"}});
  std::set<std::string> repos;
  std::map<std::string, const Repository*> repo_rows;
  for (const auto& r : a.repositories) {
    repos.insert(r.full_name);
    repo_rows[r.full_name] = &r;
  }
  for (const auto& c : a.commits) repos.insert(c.repo);
  for (const auto& p : a.pull_requests) repos.insert(p.repo);
  for (const auto& i : a.issues) repos.insert(i.repo);
  for (const auto& r : a.releases) repos.insert(r.repo);

  const auto commits = snapshot_items_by_repo(a.commits);
  const auto pulls = snapshot_items_by_repo(a.pull_requests);
  const auto issues = snapshot_items_by_repo(a.issues);
  const auto releases = snapshot_items_by_repo(a.releases);
  for (const auto& repo : repos) {
    if (auto it = repo_rows.find(repo); it != repo_rows.end()) line(out, encode(*it->second));
    for (const auto* c : of_repo(commits, repo, [](const Commit& x) { return std::pair(x.committed_at.to_string(), x.key()); }))
      line(out, encode(*c));
    for (const auto* p : of_repo(pulls, repo, [](const PullRequest& x) { return x.number; })) line(out, encode(*p));
    for (const auto* i : of_repo(issues, repo, [](const Issue& x) { return x.number; })) line(out, encode(*i));
    for (const auto* r : of_repo(releases, repo, [](const Release& x) { return std::pair(x.published_at.to_string(), x.tag); }))
      line(out, encode(*r));
  }
}

}  // namespace infradigest
