#include "sync/list_walk.h"

#include <map>

namespace infradigest {

namespace {

constexpr int kMaxCatchUpPages = 3;

using nlohmann::json;

std::string id_of(const json& item) {
  if (item.is_object() && item.contains("id")) return item["id"].dump();
  return item.dump();  // no id: the whole item is its identity
}

std::string updated_of(const json& item) {
  if (item.is_object() && item.contains("updated_at") && item["updated_at"].is_string())
    return item["updated_at"].get<std::string>();
  return "";
}

class Collected {
 public:
  // Adds or replaces; returns false when the same version was already there.
  bool put(const json& item) {
    const std::string id = id_of(item);
    auto it = index_.find(id);
    if (it == index_.end()) {
      index_[id] = items_.size();
      items_.push_back(item);
      return true;
    }
    if (updated_of(items_[it->second]) == updated_of(item)) return false;
    items_[it->second] = item;
    return true;
  }
  std::vector<json> take() { return std::move(items_); }

 private:
  std::map<std::string, size_t> index_;
  std::vector<json> items_;
};

Error not_a_list(const std::string& url) { return make_error("GET " + url + ": the answer is not a JSON array"); }

}  // namespace

Result<ListWalkResult> walk_list(GithubClient& github, const ListWalkRequest& request) {
  ListWalkResult result;
  auto page = github.get(request.url, request.etag);
  if (!page) return page.error();
  result.etag = page->etag;
  if (page->not_modified) {
    result.unchanged = true;
    result.etag = request.etag;
    return result;
  }
  Collected collected;
  for (;;) {
    ++result.pages;
    if (!page->body.is_array()) return not_a_list(request.url);
    bool past = false;
    for (const auto& item : page->body) {
      collected.put(item);
      past = past || request.past_window(item);
    }
    if (past || !page->next) break;
    page = github.get(*page->next);
    if (!page) return page.error();
  }

  if (request.catch_up && result.pages > 1) {
    auto again = github.get(request.url, result.etag);
    if (!again) return again.error();
    for (int n = 0; !again->not_modified; ++n) {
      if (n == 0) result.etag = again->etag;
      if (!again->body.is_array()) return not_a_list(request.url);
      bool met_known = false;
      for (const auto& item : again->body) {
        if (!collected.put(item)) {
          met_known = true;
          break;
        }
        if (request.past_window(item)) met_known = true;
      }
      if (met_known || !again->next || n + 1 >= kMaxCatchUpPages) break;
      again = github.get(*again->next);
      if (!again) return again.error();
    }
  }
  result.items = collected.take();
  return result;
}

}  // namespace infradigest
