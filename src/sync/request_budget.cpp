#include "sync/request_budget.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace infradigest {

namespace {

constexpr long long kFirstPagesPerRepo = 5;
constexpr auto kCommitRateWindow = std::chrono::days{7};

double days_between(SysSeconds from, SysSeconds to) {
  return std::max(0.0, std::chrono::duration<double, std::ratio<86400>>(to - from).count());
}

}  // namespace

Result<std::vector<RepoRequestPlan>> plan_requests(SyncStore& store, const std::vector<std::string>& repos,
                                                   SysSeconds since, SysSeconds until, SysSeconds now) {
  std::vector<RepoRequestPlan> plans;
  plans.reserve(repos.size());
  for (const auto& repo : repos) {
    auto state = store.repo_state(repo);
    if (!state) return state.error();
    RepoRequestPlan plan;
    bool every_list_read = true;
    plan.covers_window = true;
    for (SyncList list : kSyncLists) {
      auto it = state->lists.find(list);
      if (it == state->lists.end() || !it->second.through) {
        every_list_read = false;
        plan.covers_window = false;
        continue;
      }
      const ListCoverage& c = it->second;
      if (!plan.last_read || *c.through < *plan.last_read) plan.last_read = *c.through;
      if (c.from > since || *c.through < std::min(until, now)) plan.covers_window = false;
    }
    if (!every_list_read) plan.last_read.reset();

    double rate = kFirstSyncCommitsPerDay;
    double days = days_between(since, now);  // a first sync walks the window's commits
    auto commits = state->lists.find(SyncList::kCommits);
    if (state->cursor && commits != state->lists.end() && commits->second.through) {
      const SysSeconds read = *commits->second.through;
      const SysSeconds rate_from = std::max(commits->second.from, now - kCommitRateWindow);
      auto seen = store.commits_first_seen_since(repo, rate_from);
      if (!seen) return seen.error();
      rate = static_cast<double>(*seen) / std::max(1.0, days_between(rate_from, now));
      days = days_between(read, now);
    }
    plan.requests = kFirstPagesPerRepo + static_cast<long long>(std::ceil(rate * days));
    plans.push_back(plan);
  }
  return plans;
}

std::vector<size_t> budget_order(const std::vector<RepoRequestPlan>& plans) {
  std::vector<size_t> order(plans.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = plans[a].last_read;
    const auto& y = plans[b].last_read;
    if (!x || !y) return !x && y;  // never read first
    return *x < *y;
  });
  return order;
}

}  // namespace infradigest
