#include "sync/sync_summary.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string_view>
#include <vector>

namespace infradigest {

std::string format_sync_summary(const SyncReport& r) {
  const auto& api = r.api;
  std::string limit = "unknown";
  if (api.rate_remaining)
    limit = api.rate_limit ? fmt::format("{}/{}", *api.rate_remaining, *api.rate_limit)
                           : std::to_string(*api.rate_remaining);
  std::string line = fmt::format(
      "synced {} repositor{} in {:.1f} s: {} requests ({} not modified, {} retried){}, "
      "rate limit left {}; new: {} commits, {} pull requests, {} issues, {} releases; {} updated",
      r.repos.size(), r.repos.size() == 1 ? "y" : "ies", static_cast<double>(r.elapsed.count()) / 1000.0,
      api.requests, api.not_modified, api.retries,
      r.new_connections ? fmt::format(" on {} new connection{}{}", *r.new_connections, *r.new_connections == 1 ? "" : "s",
                                      r.tls_handshakes ? fmt::format(" ({} TLS)", *r.tls_handshakes) : std::string())
                        : std::string(),
      limit, r.items.commits.added, r.items.pull_requests.added,
      r.items.issues.added, r.items.releases.added, r.items.updated());
  if (auto bad = r.incomplete(); !bad.empty()) line += fmt::format("; incomplete: {}", fmt::join(bad, ", "));
  return line;
}

std::string format_repo_failure(const RepoOutcome& outcome) {
  if (!outcome.error) return "";
  std::vector<std::string_view> lists;
  for (SyncList l : outcome.failed_lists) lists.push_back(sync_list_label(l));
  const Error& last = outcome.last_error ? *outcome.last_error : *outcome.error;
  // One line whatever the error text holds (a response body may span lines).
  std::string why = last.message;
  for (char& c : why)
    if (c == '\n' || c == '\r') c = ' ';
  if (lists.empty()) return fmt::format("{}: {}", outcome.repo, why);
  return fmt::format("{}: {} list{} not read ({}); last error: {}", outcome.repo, lists.size(),
                     lists.size() == 1 ? "" : "s", fmt::join(lists, ", "), why);
}

}  // namespace infradigest
