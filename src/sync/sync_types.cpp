#include "sync/sync_types.h"

namespace infradigest {

std::string_view sync_list_key(SyncList list) {
  switch (list) {
    case SyncList::kCommits: return "commits";
    case SyncList::kPullRequests: return "pull_requests";
    case SyncList::kIssues: return "issues";
    case SyncList::kReleases: return "releases";
  }
  return "commits";
}

std::string_view sync_list_label(SyncList list) {
  return list == SyncList::kPullRequests ? "pull requests" : sync_list_key(list);
}

std::optional<SyncList> parse_sync_list_key(std::string_view key) {
  for (SyncList l : kSyncLists)
    if (sync_list_key(l) == key) return l;
  return std::nullopt;
}

}  // namespace infradigest
