// In-process sync against a FakeGithub: a temporary store, a fake clock (no
// real waits), and helpers to make commits, run a sync for a window and read
// back what was stored. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/day_report.h"
#include "fake_clock.h"
#include "fake_github.h"
#include "github/github_client.h"
#include "net/http_client.h"
#include "store/activity_store.h"
#include "sync/sync_runner.h"
#include "test_support.h"

namespace infradigest::testing {

inline SysSeconds at(const std::string& rfc3339) { return parse_timestamp(rfc3339)->instant; }

// The one repository the sync tests watch.
inline const std::vector<std::string> kRepo = {"o/r"};

class SyncFixture {
 public:
  SyncFixture() {
    github.start();
    auto opened = Database::open(dir.file("store.db"));
    if (!opened) throw std::runtime_error(opened.error().message);
    db.emplace(std::move(*opened));
  }

  // Pushes a linear commit on top of `repo`'s branch, dated `date`; returns its SHA.
  std::string commit(const std::string& repo, const std::string& title, const std::string& date, int files = 1) {
    std::string parent;
    github.edit(repo, [&](FakeRepo& r) {
      if (!r.commits.empty()) parent = r.commits.front()["sha"];
    });
    const std::string sha = FakeGithub::sha_of(repo + title + date + std::to_string(serial_++));
    github.push(repo, FakeGithub::commit(sha, parent.empty() ? std::vector<std::string>{} : std::vector{parent}, title,
                                         date, files));
    return sha;
  }

  GithubClientOptions client_options() const {
    GithubClientOptions o;
    o.api_url = github.url();
    o.token = "ghp_fixture_token";
    o.concurrency = concurrency;
    o.timeouts = timeouts;
    return o;
  }

  // Syncs `repos` for [since, until) at logical time `now`.
  SyncReport sync(const std::vector<std::string>& repos, const std::string& since, const std::string& until,
                  const std::string& now) {
    GithubClient client(*http, clock, client_options());
    SyncStore store(*db);
    SyncRequest request{repos, at(since), at(until), at(now), concurrency};
    auto report = sync_repositories(store, client, request);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return std::move(*report);
  }

  // Syncs the UTC day `date` (as `run` would the day before `now`).
  SyncReport sync_day(const std::vector<std::string>& repos, const std::string& date, const std::string& now) {
    const std::string next = format_date(*parse_date(date) + std::chrono::days{1});
    return sync(repos, date + "T00:00:00Z", next + "T00:00:00Z", now);
  }

  // What `run` does after syncing a day: publish it (the reported-through mark).
  void mark_reported(const std::string& date) {
    SyncStore store(*db);
    ASSERT_TRUE(store.advance_reported_through(at(format_date(*parse_date(date) + std::chrono::days{1}) + "T00:00:00Z")));
  }

  // SHAs of the commits the daily report for `date` (UTC) shows.
  std::set<std::string> reported_commits(const std::vector<std::string>& repos, const std::string& date) {
    DayReportRequest request;
    request.date = *parse_date(date);
    request.language = Language::kEn;
    request.repos = repos;
    auto day = day_report(*db, request);
    EXPECT_TRUE(day.ok());
    std::set<std::string> out;
    for (const auto& s : day->report.repos)
      for (const auto& i : s.items)
        out.insert(i.shas.begin(), i.shas.end());  // every commit of each change
    return out;
  }

  Activity stored() {
    auto a = ActivityStore(*db).load();
    EXPECT_TRUE(a.ok());
    return std::move(*a);
  }

  TempDir dir;
  FakeGithub github;
  FakeClock clock;
  std::unique_ptr<HttpClient> http = make_http_client();
  std::optional<Database> db;
  int concurrency = 4;
  HttpTimeouts timeouts;  // the client's (stall tests shorten the stall timeout)

 private:
  int serial_ = 0;
};

}  // namespace infradigest::testing
