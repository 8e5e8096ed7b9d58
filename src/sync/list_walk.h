// Reading a newest-first list endpoint (pulls, issues, releases) page by page
// until it is past the window, with a conditional first page.
//
// Lists sorted by `updated` reorder while they are read: an item updated
// mid-walk jumps to the first page, which was already read, and the item it
// displaced slides onto a page already read too. With catch_up, a walk of more
// than one page re-reads the first page (conditionally: usually a 304) and
// takes items until it meets one it already has with the same updated_at —
// everything that moved is above that point. Items seen twice (a page shifted
// down) are kept once, in their latest version.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "github/github_client.h"

namespace infradigest {

struct ListWalkRequest {
  std::string url;                  // the first page
  std::optional<std::string> etag;  // stored ETag of the first page
  // True for an item older than the window; the list is sorted so that all
  // later items are too: the walk reads no further page.
  std::function<bool(const nlohmann::json& item)> past_window;
  bool catch_up = false;
};

struct ListWalkResult {
  bool unchanged = false;             // the first page was 304: nothing to do
  std::vector<nlohmann::json> items;  // distinct by "id", newest version, list order
  std::optional<std::string> etag;    // of the first page, as finally read
  int pages = 0;
};

Result<ListWalkResult> walk_list(GithubClient& github, const ListWalkRequest& request);

}  // namespace infradigest
