#include "snapshot/snapshot_writer.h"

#include <algorithm>
#include <map>
#include <set>

#include "snapshot/activity_json.h"

namespace infradigest {

namespace {

void line(std::ostream& out, const OrderedJson& j) {
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict) << '\n';
}

template <class T, class Less>
std::vector<const T*> of_repo(const std::vector<T>& items, const std::string& repo, Less less) {
  std::vector<const T*> out;
  for (const auto& i : items)
    if (i.repo == repo) out.push_back(&i);
  std::sort(out.begin(), out.end(), [&](const T* a, const T* b) { return less(*a, *b); });
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

  for (const auto& repo : repos) {
    if (auto it = repo_rows.find(repo); it != repo_rows.end()) line(out, encode(*it->second));
    for (const auto* c : of_repo(a.commits, repo, [](const Commit& x, const Commit& y) {
           return std::pair(x.committed_at.to_string(), x.key()) <
                  std::pair(y.committed_at.to_string(), y.key());
         }))
      line(out, encode(*c));
    for (const auto* p : of_repo(a.pull_requests, repo, [](const auto& x, const auto& y) {
           return x.number < y.number;
         }))
      line(out, encode(*p));
    for (const auto* i : of_repo(a.issues, repo, [](const auto& x, const auto& y) {
           return x.number < y.number;
         }))
      line(out, encode(*i));
    for (const auto* r : of_repo(a.releases, repo, [](const Release& x, const Release& y) {
           return std::pair(x.published_at.to_string(), x.tag) <
                  std::pair(y.published_at.to_string(), y.tag);
         }))
      line(out, encode(*r));
  }
}

}  // namespace infradigest
