// A fake GitHub REST API for tests and the sync benchmark, on FakeHttpServer
// (127.0.0.1, records every request). It serves what the sync reads —
// /repos/{o}/{r}, /commits (list and detail, files paged by 300), /pulls, /pulls/{n}/commits,
// /issues (PRs included, as on GitHub), /releases, /rate_limit — with GitHub's paging
// (per_page, page, Link rel="next"), weak ETags and 304s, rate-limit headers,
// and fault injection: any status/headers/body, truncated bodies, delays.
// Header-only, so tests and bench binaries can both use it.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fake_http_server.h"

namespace infradigest::testing {

using nlohmann::json;

// One repository's data. Lists are kept in the order GitHub would serve them
// only where that order is "as pushed" (commits: newest first); the others
// are sorted when served.
struct FakeRepo {
  std::string default_branch = "main";
  std::vector<json> commits;   // the default branch, head first; each may hold "files" (served by the detail only)
  std::vector<json> pulls;     // served closed-only, by updated_at, newest first
  std::vector<json> issues;    // issues and PRs (with "pull_request"); by created_at, newest first
  std::vector<json> releases;  // by created_at, newest first
  std::map<int, std::vector<json>> pull_commits;  // GET /pulls/{n}/commits: the PR's own commits, oldest first
  int status = 0;              // non-zero: every endpoint of this repository answers it (404: gone)
};

// A canned answer that replaces the normal one.
struct FakeFault {
  int status = 500;
  std::string body = R"({"message":"Server Error"})";
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds delay{0};  // before answering (timeouts, stalls)
  bool truncate = false;               // the normal body, cut in half, with status 200
  bool reset = false;                  // the normal body announced whole, the connection closed half-way
};

class FakeGithub {
 public:
  // Serves HTTPS with `tls` (which must outlive this), plain HTTP without.
  explicit FakeGithub(const SelfSignedCertificate* tls = nullptr) : server_(tls) {
    server_.get(R"(/repos/([^/]+)/([^/]+))", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return repo_json(q, repo); });
    });
    // Not counted against the limit, as on GitHub.
    server_.get("/rate_limit", [this](const httplib::Request&, httplib::Response& r) {
      const json core{{"limit", 5000}, {"remaining", rate_remaining.load()}, {"reset", rate_reset.load()},
                      {"used", 5000 - rate_remaining.load()}};
      r.set_content(json{{"resources", {{"core", core}}}, {"rate", core}}.dump(), "application/json; charset=utf-8");
    });
    server_.get(R"(/repos/([^/]+)/([^/]+)/commits)", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return commit_list(q, repo); });
    });
    server_.get(R"(/repos/([^/]+)/([^/]+)/commits/([0-9a-f]{40}))",
                [this](const httplib::Request& q, httplib::Response& r) {
                  serve(q, r, [&](FakeRepo& repo) { return commit_detail(q, repo); });
                });
    server_.get(R"(/repos/([^/]+)/([^/]+)/compare/([0-9a-f]{40})\.\.\.([0-9a-f]{40}))",
                [this](const httplib::Request& q, httplib::Response& r) {
                  serve(q, r, [&](FakeRepo& repo) { return compare(q, repo); });
                });
    server_.get(R"(/repos/([^/]+)/([^/]+)/pulls)", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return pull_list(q, repo); });
    });
    server_.get(R"(/repos/([^/]+)/([^/]+)/pulls/(\d+)/commits)", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return page_of(q, repo.pull_commits[std::stoi(q.matches[3].str())]); });
    });
    server_.get(R"(/repos/([^/]+)/([^/]+)/issues)", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return issue_list(q, repo); });
    });
    server_.get(R"(/repos/([^/]+)/([^/]+)/releases)", [this](const httplib::Request& q, httplib::Response& r) {
      serve(q, r, [&](FakeRepo& repo) { return release_list(q, repo); });
    });
  }

  // Releases held requests first: the server (destroyed first) joins its handlers.
  ~FakeGithub() { release_held(); }
  FakeGithub(const FakeGithub&) = delete;
  FakeGithub& operator=(const FakeGithub&) = delete;

  void start() { server_.start(); }
  std::string url() const { return server_.base_url(); }
  FakeHttpServer& server() { return server_; }

  // --- data -------------------------------------------------------------
  // Runs `edit` on a repository's data (created on first use) under the lock.
  void edit(const std::string& name, const std::function<void(FakeRepo&)>& edit_fn) {
    std::lock_guard lock(mutex_);
    edit_fn(repos_[name]);
  }
  // Pushes a commit on top of the default branch.
  void push(const std::string& name, json commit) {
    edit(name, [&](FakeRepo& r) { r.commits.insert(r.commits.begin(), std::move(commit)); });
  }

  // --- behaviour --------------------------------------------------------
  // Largest per_page honoured (GitHub: 100); small values force paging.
  std::atomic<int> max_per_page{100};
  // Added to every answer (the benchmark's network latency).
  std::atomic<int> latency_ms{0};
  // Requests after the first `n` wait until release_held() (at most 120 s), so
  // a test can stop a client at a known point of its run on any machine.
  void hold_after(size_t n) { hold_after_ = n; }
  void release_held() {
    {
      std::lock_guard lock(gate_mutex_);
      released_ = true;
    }
    gate_.notify_all();
  }
  // Called before a list page is served, outside the lock: tests change the
  // data there to move items between pages mid-walk.
  // Set it with on_before_page: the server's threads call it under a lock, so
  // replacing it (even with nullptr) also orders what it wrote before the caller's reads.
  using PageHook = std::function<void(const std::string& path, int page)>;
  void on_before_page(PageHook hook) {
    std::lock_guard lock(hook_mutex_);
    before_page_ = std::move(hook);
  }

  // The next `times` requests whose path contains `path_part` (and whose
  // `page` parameter is `page`, when given) get `fault` instead.
  void fail(const std::string& path_part, FakeFault fault, int times = 1, std::optional<int> page = std::nullopt) {
    std::lock_guard lock(mutex_);
    faults_.push_back(Pending{path_part, page, std::move(fault), times});
  }

  // Rate limit: the budget left (each answer but a 304 costs 1) and when it resets.
  std::atomic<long long> rate_remaining{5000};
  std::atomic<long long> rate_reset{1'900'000'000};

  // --- what happened ----------------------------------------------------
  std::vector<RecordedRequest> requests() const { return server_.requests(); }
  size_t request_count() const { return server_.request_count(); }
  // Requests whose path contains `part`.
  size_t count(const std::string& part) const {
    size_t n = 0;
    for (const auto& r : server_.requests()) n += r.path.find(part) != std::string::npos ? 1 : 0;
    return n;
  }
  size_t not_modified() const { return not_modified_; }
  size_t commit_details() const {
    size_t n = 0;
    for (const auto& r : server_.requests())
      n += (r.path.find("/commits/") != std::string::npos && r.params.count("page") == 0) ? 1 : 0;
    return n;
  }

  // --- JSON builders ----------------------------------------------------
  static std::string sha_of(const std::string& seed) {
    // 40 hex digits derived from `seed`: stable, distinct enough for tests.
    std::string out;
    size_t h = std::hash<std::string>{}(seed);
    for (int round = 0; out.size() < 40; ++round) {
      h = std::hash<std::string>{}(seed + std::to_string(h) + std::to_string(round));
      char buf[17];
      std::snprintf(buf, sizeof buf, "%016zx", h);
      out += buf;
    }
    return out.substr(0, 40);
  }
  static json commit(const std::string& sha, const std::vector<std::string>& parents, const std::string& message,
                     const std::string& committed_at, int files = 1, const std::string& login = "alice") {
    json p = json::array();
    for (const auto& s : parents) p.push_back({{"sha", s}});
    json f = json::array();
    for (int i = 0; i < files; ++i)
      f.push_back({{"filename", "src/file" + std::to_string(i) + ".cc"}, {"status", "modified"},
                   {"additions", 3}, {"deletions", 1}});
    return {{"sha", sha},
            {"commit",
             {{"author", {{"name", login}, {"email", login + "@example.com"}, {"date", committed_at}}},
              {"committer", {{"name", "GitHub"}, {"email", "noreply@github.com"}, {"date", committed_at}}},
              {"message", message}}},
            {"author", {{"login", login}}},
            {"committer", {{"login", "web-flow"}}},
            {"parents", p},
            {"files", f}};
  }
  static json pull(int number, const std::string& title, const std::optional<std::string>& merged_at,
                   const std::string& updated_at, const std::string& created_at = "2026-01-01T00:00:00Z") {
    return {{"id", 100000 + number}, {"number", number}, {"title", title}, {"state", "closed"},
            {"user", {{"login", "bob"}}}, {"created_at", created_at}, {"updated_at", updated_at},
            {"merged_at", merged_at ? json(*merged_at) : json(nullptr)},
            {"merge_commit_sha", sha_of("merge" + std::to_string(number))},
            {"labels", json::array({{{"name", "performance"}}})}, {"body", "Body of #" + std::to_string(number)}};
  }
  static json issue(int number, const std::string& title, const std::string& created_at, bool is_pr = false) {
    json j{{"id", 200000 + number}, {"number", number}, {"title", title}, {"state", "open"},
           {"user", {{"login", "carol"}}}, {"created_at", created_at}, {"updated_at", created_at},
           {"labels", json::array({{{"name", "bug"}}})}, {"body", "Steps to reproduce"}};
    if (is_pr) j["pull_request"] = {{"url", "https://api.github.com/pulls/" + std::to_string(number)}};
    return j;
  }
  static json release(const std::string& tag, const std::string& published_at, bool prerelease = false) {
    return {{"id", std::hash<std::string>{}(tag) % 1000000}, {"tag_name", tag}, {"name", "Release " + tag},
            {"draft", false}, {"prerelease", prerelease}, {"created_at", published_at},
            {"published_at", published_at}, {"body", "- Faster kernels\n- Bug fixes"}};
  }

 private:
  struct Pending {
    std::string path_part;
    std::optional<int> page;
    FakeFault fault;
    int times;
  };
  // The body and Link of one answer.
  struct Answer {
    int status = 200;
    json body;
    std::string link;
  };

  std::optional<FakeFault> take_fault(const httplib::Request& q) {
    std::lock_guard lock(mutex_);
    const int page = q.has_param("page") ? std::stoi(q.get_param_value("page")) : 1;
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
      if (q.path.find(it->path_part) == std::string::npos || (it->page && *it->page != page)) continue;
      FakeFault f = it->fault;
      if (--it->times <= 0) faults_.erase(it);
      return f;
    }
    return std::nullopt;
  }

  void wait_at_gate() {
    if (++arrivals_ <= hold_after_) return;
    std::unique_lock lock(gate_mutex_);
    gate_.wait_for(lock, std::chrono::seconds(120), [this] { return released_; });
  }

  void serve(const httplib::Request& q, httplib::Response& r, const std::function<Answer(FakeRepo&)>& make) {
    wait_at_gate();
    if (int ms = latency_ms; ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    auto fault = take_fault(q);
    if (fault && fault->delay.count() > 0) std::this_thread::sleep_for(fault->delay);
    if (fault && !fault->truncate && !fault->reset) {
      r.status = fault->status;
      for (const auto& [k, v] : fault->headers) r.set_header(k, v);
      r.set_content(fault->body, fault->body.starts_with("<") ? "text/html" : "application/json");
      return;
    }
    const int page = q.has_param("page") ? std::stoi(q.get_param_value("page")) : 1;
    {
      // Called under the lock: what the hook writes is visible to a test that
      // calls on_before_page() again before reading it (TSan sees no order
      // through the socket between this thread and the client's).
      std::lock_guard lock(hook_mutex_);
      if (before_page_ && q.path.find("/commits/") == std::string::npos) before_page_(q.path, page);
    }
    Answer a;
    {
      std::lock_guard lock(mutex_);
      const std::string name = q.matches[1].str() + "/" + q.matches[2].str();
      auto it = repos_.find(name);
      if (it == repos_.end() || it->second.status != 0) {
        a.status = it == repos_.end() ? 404 : it->second.status;
        a.body = {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest"}};
      } else {
        a = make(it->second);
      }
    }
    std::string body = a.body.dump();
    const std::string etag = "W/\"" + std::to_string(std::hash<std::string>{}(body + a.link)) + "\"";
    if (!a.link.empty()) r.set_header("Link", a.link);
    r.set_header("X-RateLimit-Limit", "5000");
    r.set_header("X-RateLimit-Reset", std::to_string(rate_reset.load()));
    if (a.status == 200 && q.get_header_value("If-None-Match") == etag) {
      ++not_modified_;
      r.set_header("X-RateLimit-Remaining", std::to_string(rate_remaining.load()));
      r.set_header("ETag", etag);
      r.status = 304;
      return;
    }
    r.set_header("X-RateLimit-Remaining", std::to_string(std::max(0LL, --rate_remaining)));
    r.status = a.status;
    if (a.status == 200) r.set_header("ETag", etag);
    if (fault && fault->truncate) body = body.substr(0, body.size() / 2);
    if (fault && fault->reset) {
      // Content-Length says the whole body; half of it is sent, then the server
      // drops the connection (the provider's false), as a reset peer would.
      auto half = std::make_shared<std::string>(body.substr(0, body.size() / 2));
      r.set_content_provider(body.size(), "application/json; charset=utf-8",
                             [half](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset == 0) sink.write(half->data(), half->size());
                               return false;
                             });
      return;
    }
    r.set_content(body, "application/json; charset=utf-8");
  }

  // Paging as GitHub does it: ?per_page (default 30, capped) and ?page, with
  // Link rel="next"/"last" carrying the other parameters unchanged.
  Answer page_of(const httplib::Request& q, const std::vector<json>& all) {
    int per_page = q.has_param("per_page") ? std::stoi(q.get_param_value("per_page")) : 30;
    per_page = std::clamp(per_page, 1, max_per_page.load());
    const int page = q.has_param("page") ? std::max(1, std::stoi(q.get_param_value("page"))) : 1;
    const size_t from = static_cast<size_t>(page - 1) * per_page;
    Answer a;
    a.body = json::array();
    for (size_t i = from; i < all.size() && i < from + per_page; ++i) a.body.push_back(all[i]);
    const int last = std::max<int>(1, static_cast<int>((all.size() + per_page - 1) / per_page));
    if (page < last) a.link = "<" + page_url(q, page + 1) + ">; rel=\"next\", <" + page_url(q, last) + ">; rel=\"last\"";
    return a;
  }

  std::string page_url(const httplib::Request& q, int page) const {
    std::string query;
    for (const auto& [k, v] : q.params) {
      if (k == "page") continue;
      query += (query.empty() ? "?" : "&") + k + "=" + httplib::detail::encode_query_param(v);
    }
    query += (query.empty() ? "?" : "&") + std::string("page=") + std::to_string(page);
    return url() + q.path + query;
  }

  static std::string text_at(const json& j, std::initializer_list<const char*> path) {
    const json* cur = &j;
    for (const char* k : path) {
      if (!cur->is_object() || !cur->contains(k)) return "";
      cur = &(*cur)[k];
    }
    return cur->is_string() ? cur->get<std::string>() : "";
  }

  Answer repo_json(const httplib::Request& q, FakeRepo& repo) {
    Answer a;
    a.body = {{"full_name", q.matches[1].str() + "/" + q.matches[2].str()}, {"default_branch", repo.default_branch},
              {"private", false}};
    return a;
  }

  Answer commit_list(const httplib::Request& q, FakeRepo& repo) {
    std::vector<json> items;
    const std::string since = q.has_param("since") ? q.get_param_value("since") : "";
    const std::string until = q.has_param("until") ? q.get_param_value("until") : "";
    for (const auto& c : repo.commits) {
      const std::string date = text_at(c, {"commit", "committer", "date"});
      if ((!since.empty() && date < since) || (!until.empty() && date > until)) continue;
      json item = c;
      item.erase("files");
      items.push_back(std::move(item));
    }
    return page_of(q, items);
  }

  Answer commit_detail(const httplib::Request& q, FakeRepo& repo) {
    const std::string sha = q.matches[3].str();
    for (const auto& c : repo.commits) {
      if (c["sha"] != sha) continue;
      json files = c.value("files", json::array());
      const int page = q.has_param("page") ? std::stoi(q.get_param_value("page")) : 1;
      constexpr size_t kFilesPerPage = 300;
      json out = c;
      out["files"] = json::array();
      int additions = 0, deletions = 0;
      for (size_t i = 0; i < files.size(); ++i) {
        additions += files[i].value("additions", 0);
        deletions += files[i].value("deletions", 0);
        if (i >= (page - 1) * kFilesPerPage && i < page * kFilesPerPage) out["files"].push_back(files[i]);
      }
      out["stats"] = {{"additions", additions}, {"deletions", deletions}, {"total", additions + deletions}};
      Answer a;
      a.body = out;
      const int last = std::max<int>(1, static_cast<int>((files.size() + kFilesPerPage - 1) / kFilesPerPage));
      if (page < last) a.link = "<" + page_url(q, page + 1) + ">; rel=\"next\", <" + page_url(q, last) + ">; rel=\"last\"";
      return a;
    }
    Answer a;
    a.status = 422;
    a.body = {{"message", "No commit found for SHA: " + sha}};
    return a;
  }

  // Every commit reachable from `sha` through parents, itself included.
  static std::set<std::string> ancestors(const FakeRepo& repo, const std::string& sha) {
    std::map<std::string, const json*> by_sha;
    for (const auto& c : repo.commits) by_sha[c["sha"].get<std::string>()] = &c;
    std::set<std::string> seen;
    std::vector<std::string> todo{sha};
    while (!todo.empty()) {
      std::string s = todo.back();
      todo.pop_back();
      if (!seen.insert(s).second || !by_sha.count(s)) continue;
      for (const auto& p : (*by_sha[s])["parents"]) todo.push_back(p["sha"]);
    }
    return seen;
  }

  Answer compare(const httplib::Request& q, FakeRepo& repo) {
    const std::string base = q.matches[3].str(), head = q.matches[4].str();
    std::string status = "diverged";
    if (base == head) status = "identical";
    else if (ancestors(repo, head).count(base)) status = "ahead";
    else if (ancestors(repo, base).count(head)) status = "behind";
    Answer a;
    a.body = {{"status", status}, {"commits", json::array()}, {"files", json::array()}};
    return a;
  }

  static std::vector<json> sorted_by(std::vector<json> items, const char* key) {
    std::stable_sort(items.begin(), items.end(),
                     [&](const json& x, const json& y) { return text_at(x, {key}) > text_at(y, {key}); });
    return items;
  }

  Answer pull_list(const httplib::Request& q, FakeRepo& repo) {
    std::vector<json> closed;
    for (const auto& p : repo.pulls)
      if (p.value("state", "") == "closed") closed.push_back(p);
    return page_of(q, sorted_by(closed, "updated_at"));
  }

  Answer issue_list(const httplib::Request& q, FakeRepo& repo) {
    const std::string since = q.has_param("since") ? q.get_param_value("since") : "";
    std::vector<json> items;
    for (const auto& i : repo.issues)
      if (since.empty() || text_at(i, {"updated_at"}) >= since) items.push_back(i);
    return page_of(q, sorted_by(items, "created_at"));
  }

  Answer release_list(const httplib::Request& q, FakeRepo& repo) {
    return page_of(q, sorted_by(repo.releases, "created_at"));
  }

  std::mutex mutex_;
  std::map<std::string, FakeRepo> repos_;
  std::deque<Pending> faults_;
  std::atomic<size_t> not_modified_{0};
  std::atomic<size_t> hold_after_{SIZE_MAX}, arrivals_{0};
  std::mutex hook_mutex_;
  PageHook before_page_;
  std::mutex gate_mutex_;
  std::condition_variable gate_;
  bool released_ = false;
  // Last: destroyed first, so no handler still running can touch a member destroyed before it.
  FakeHttpServer server_;
};

}  // namespace infradigest::testing
