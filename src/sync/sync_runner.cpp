#include "sync/sync_runner.h"

#include <mutex>
#include <numeric>

#include "sync/landing_rule.h"
#include "core/parallel_for.h"
#include "sync/repo_sync.h"
#include "sync/request_budget.h"

namespace infradigest {

std::vector<std::string> SyncReport::incomplete() const {
  std::vector<std::string> out;
  for (const auto& r : repos)
    if (r.error) out.push_back(r.repo);
  return out;
}

std::vector<std::string> SyncReport::remaining() const {
  std::vector<std::string> out;
  for (const auto& r : repos)
    if (r.stopped) out.push_back(r.repo);
  return out;
}

namespace {

Error budget_spent_error() {
  return make_error("the request budget is spent; stopped — run the same command again later to resume");
}

// Admits repositories while their expected cost fits in the budget: what was
// spent so far, plus what those in flight are expected to cost, plus theirs.
class BudgetAdmission {
 public:
  BudgetAdmission(GithubClient& github, long long budget)
      : github_(github), budget_(budget), charged_at_start_(github.stats().charged) {}

  bool admit(long long expected) {
    std::lock_guard lock(mutex_);
    if (closed_ || github_.stopped()) return false;
    const long long spent = github_.stats().charged - charged_at_start_;
    if (spent + in_flight_ + expected > budget_) {
      closed_ = true;  // a stable order: nothing after the first that does not fit
      return false;
    }
    in_flight_ += expected;
    return true;
  }
  void done(long long expected) {
    std::lock_guard lock(mutex_);
    in_flight_ -= expected;
  }

 private:
  GithubClient& github_;
  const long long budget_;
  const long long charged_at_start_;
  mutable std::mutex mutex_;
  long long in_flight_ = 0;
  bool closed_ = false;
};

RepoOutcome sync_one(SyncStore& store, GithubClient& github, const SyncRequest& request, SysSeconds floor,
                     const std::string& repo, SyncObserver* observer) {
  RepoOutcome outcome;
  outcome.repo = repo;
  auto state = store.repo_state(repo);
  if (!state) {
    outcome.error = state.error().with_context(repo);
    outcome.last_error = outcome.error;
    outcome.failed_lists.assign(kSyncLists.begin(), kSyncLists.end());
    return outcome;
  }
  RepoSyncRequest repo_request{repo, request.since, request.until, floor, *state, request.concurrency,
                                   request.patch_limits};
  RepoSyncLookups lookups{
      [&](const std::string& sha) { return store.has_commit(repo, sha); },
      [&](const std::string& key) { return store.etag(key); },
      [&] {
        if (observer) observer->commit_fetched();
      }};
  RepoSyncOutput output = sync_repo(github, repo_request, lookups);
  // Stopped by the rate limit: nothing of this repository is kept, to resume whole.
  if (!output.failures.empty() && github.stopped()) {
    outcome.error = output.failures.front().error;
    outcome.stopped = true;
    return outcome;
  }
  for (const auto& f : output.failures) outcome.failed_lists.push_back(f.list);
  if (!output.failures.empty()) {
    std::string message;
    for (size_t i = 0; i < output.failures.size(); ++i) {
      // A failed repository request fails every list with the same error: said once.
      if (i > 0 && output.failures[i].error.message == output.failures[i - 1].error.message) continue;
      message += (message.empty() ? "" : "; ") + output.failures[i].error.message;
    }
    outcome.error = Error{message, output.failures.front().error.code};
    outcome.last_error = output.failures.back().error;
  }
  auto saved = store.save(output, request.now);
  if (!saved) {
    outcome.error = saved.error().with_context(repo + ": storing");
    outcome.last_error = outcome.error;
    outcome.failed_lists.assign(kSyncLists.begin(), kSyncLists.end());
    return outcome;
  }
  outcome.items = *saved;
  outcome.commit_details = output.commit_details;
  return outcome;
}

}  // namespace

Result<SyncReport> sync_repositories(SyncStore& store, GithubClient& github, const SyncRequest& request,
                                   SyncObserver* observer) {
  const auto started = std::chrono::steady_clock::now();
  auto reported = store.reported_through();
  if (!reported) return reported.error();
  const SysSeconds floor = landing_floor(request.since, *reported);

  SyncReport report;
  report.repos.resize(request.repos.size());
  std::vector<size_t> order(request.repos.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::vector<RepoRequestPlan> plans;
  std::optional<BudgetAdmission> admission;
  if (request.budget) {
    auto planned = plan_requests(store, request.repos, request.since, request.until, request.now);
    if (!planned) return planned.error();
    plans = std::move(*planned);
    for (const auto& p : plans) report.estimated += p.requests;
    order = budget_order(plans);
    github.limit_requests(*request.budget);
    admission.emplace(github, *request.budget);
  }
  parallel_for(order.size(), static_cast<size_t>(std::max(1, request.concurrency)), [&](size_t k) {
    const size_t i = order[k];
    const std::string& repo = request.repos[i];
    if (admission && !admission->admit(plans[i].requests)) {
      // Left for the next run; one that already covers the window leaves no gap.
      RepoOutcome skipped;
      skipped.repo = repo;
      skipped.started = false;
      if (!plans[i].covers_window) {
        skipped.error = skipped.last_error = budget_spent_error();
        skipped.failed_lists.assign(kSyncLists.begin(), kSyncLists.end());
        skipped.stopped = true;
      }
      report.repos[i] = std::move(skipped);
      return;
    }
    if (observer) observer->repo_started(repo);
    report.repos[i] = sync_one(store, github, request, floor, repo, observer);
    if (admission) admission->done(plans[i].requests);
    if (observer) observer->repo_finished(report.repos[i]);
  });

  for (const auto& r : report.repos) report.items += r.items;
  report.stopped = github.stop_reason();
  if (admission && (!report.remaining().empty() || github.budget_spent())) {
    report.budget_spent = true;
    if (!report.stopped) report.stopped = budget_spent_error();
  }
  report.api = github.stats();
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return report;
}

}  // namespace infradigest
