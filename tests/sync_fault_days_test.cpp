// Fault injection over several simulated days (issue 17): one repository's
// one list fails for one run — a truncated JSON page, an HTML 503 page, a
// connection reset, a stall — and the daily job goes on day after day. Every
// commit, merged pull request, issue and release must be published exactly
// once, on its own day, and no day may be published while a list is missing
// from it. The job here is `run`'s loop (cli/command_run.cpp) over the same
// pieces: sync a day, ask the store for gaps, publish only a complete day.
#include <gtest/gtest.h>

#include <map>

#include "sync/sync_store.h"
#include "sync_fixture.h"

namespace infradigest {
namespace {

using testing::FakeFault;
using testing::FakeGithub;
using testing::FakeRepo;
using testing::SyncFixture;

const std::vector<std::string> kFaultRepos = {"o/a", "o/b", "o/c"};
const std::vector<std::string> kFaultDays = {"2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"};

std::string next_day(const std::string& day) { return format_date(*parse_date(day) + std::chrono::days{1}); }

// What one simulated deployment published: item -> the days it was in.
class DailyJob {
 public:
  explicit DailyJob(SyncFixture& f) : f_(f) {}

  // Adds `day`'s activity to the fake GitHub: per repository one commit at
  // 10:00, a PR merged at 11:00, an issue opened at 12:00, and on the 2nd a release.
  void happen(const std::string& day) {
    for (const auto& repo : kFaultRepos) {
      const int n = ++serial_;
      const std::string sha = f_.commit(repo, "Change " + std::to_string(n), day + "T10:00:00Z");
      expected_[repo + " commit " + sha] = day;
      f_.github.edit(repo, [&](FakeRepo& r) {
        r.pulls.push_back(FakeGithub::pull(n, "PR " + std::to_string(n), day + "T11:00:00Z", day + "T11:00:00Z"));
        r.issues.push_back(FakeGithub::issue(1000 + n, "Issue " + std::to_string(n), day + "T12:00:00Z"));
        if (day == "2026-03-02") r.releases.push_back(FakeGithub::release("v" + std::to_string(n), day + "T13:00:00Z"));
      });
      expected_[repo + " pr #" + std::to_string(n)] = day;
      expected_[repo + " issue #" + std::to_string(1000 + n)] = day;
      if (day == "2026-03-02") expected_[repo + " release v" + std::to_string(n)] = day;
    }
  }

  // `run` at `now`: every unreported day up to the day before, oldest first;
  // stops at the first day with gaps. Returns false when it stopped.
  bool run(const std::string& now) {
    const std::string yesterday = format_date(*parse_date(now.substr(0, 10)) - std::chrono::days{1});
    SyncStore store(*f_.db);
    auto reported = store.reported_through();
    EXPECT_TRUE(reported.ok());
    std::string day = *reported ? format_date(std::chrono::floor<std::chrono::days>(**reported)) : yesterday;
    for (; day <= yesterday; day = next_day(day)) {
      f_.sync(kFaultRepos, day + "T00:00:00Z", next_day(day) + "T00:00:00Z", now);
      auto gaps = store.gaps(kFaultRepos, testing::at(day + "T00:00:00Z"), testing::at(next_day(day) + "T00:00:00Z"));
      EXPECT_TRUE(gaps.ok());
      if (!gaps->empty()) {
        stopped_on_.push_back(day);
        return false;
      }
      publish(day);
      f_.mark_reported(day);
    }
    return true;
  }

  void publish(const std::string& day) {
    DayReportRequest request;
    request.date = *parse_date(day);
    request.language = Language::kEn;
    request.repos = kFaultRepos;
    auto d = day_report(*f_.db, request);
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_TRUE(d->report.incomplete_repos.empty()) << day;
    EXPECT_TRUE(d->meta.complete) << day;
    for (const auto& s : d->report.repos) {
      for (const auto& i : s.items) {
        // A merged PR whose commit is not in the window is shown as the PR.
        if (i.pr) published_[s.full_name + " pr #" + std::to_string(*i.pr)].push_back(day);
        else if (i.sha) published_[s.full_name + " commit " + *i.sha].push_back(day);
      }
      for (const auto& i : s.issues) published_[s.full_name + " issue #" + std::to_string(i.number)].push_back(day);
      for (const auto& r : s.releases) published_[s.full_name + " release " + r.tag].push_back(day);
    }
  }

  // Every item published once, on its day.
  void expect_exactly_once() const {
    for (const auto& [item, day] : expected_) {
      auto it = published_.find(item);
      if (it == published_.end()) {
        ADD_FAILURE() << item << " of " << day << " was never published";
        continue;
      }
      EXPECT_EQ(it->second, std::vector<std::string>{day}) << item;
    }
    for (const auto& [item, days] : published_) EXPECT_TRUE(expected_.count(item)) << item << " is not an item";
  }

  std::vector<std::string> stopped_on_;

 private:
  SyncFixture& f_;
  int serial_ = 0;
  std::map<std::string, std::string> expected_;
  std::map<std::string, std::vector<std::string>> published_;
};

struct FaultCase {
  const char* name;
  FakeFault fault;
};

std::vector<FaultCase> fault_cases() {
  FakeFault truncated;
  truncated.truncate = true;
  FakeFault html{503, "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>", {}, {}, false};
  FakeFault reset;
  reset.reset = true;
  FakeFault stall;
  stall.status = 200;
  stall.delay = std::chrono::milliseconds(6000);  // the client gives up after its 2 s stall timeout
  return {{"truncated", truncated}, {"html503", html}, {"reset", reset}, {"stall", stall}};
}

// Each list of o/b fails, once per fault kind, for the whole run of the 3rd's
// morning (every try): that run publishes nothing for the 2nd; the next one
// publishes the 2nd and the 3rd, each item once, on its day. (A stall costs
// real seconds — the client's stall timeout, four tries — so it is tried on
// the pull request list only, the one whose loss the issue saw.)
TEST(SyncFaultDays, OneListFailingForOneRunPublishesNoIncompleteDayAndLosesOrRepeatsNothing) {
  const char* lists[] = {"/repos/o/b/commits", "/repos/o/b/pulls", "/repos/o/b/issues", "/repos/o/b/releases"};
  for (const auto& fc : fault_cases()) {
    for (const char* list : lists) {
      if (std::string(fc.name) == "stall" && std::string(list) != "/repos/o/b/pulls") continue;
      SCOPED_TRACE(std::string(fc.name) + " on " + list);
      SyncFixture f;
      f.concurrency = 3;
      f.timeouts.stall = std::chrono::milliseconds(2000);
      DailyJob job(f);
      job.happen(kFaultDays[0]);
      ASSERT_TRUE(job.run(kFaultDays[1] + "T08:00:00Z"));
      job.happen(kFaultDays[1]);
      // Every try of the run fails (4 tries per request); the fault is used up then.
      f.github.fail(list, fc.fault, 4);
      EXPECT_FALSE(job.run(kFaultDays[2] + "T08:00:00Z"));
      EXPECT_EQ(job.stopped_on_, std::vector<std::string>{kFaultDays[1]});
      auto mark = SyncStore(*f.db).reported_through();
      ASSERT_TRUE(mark.ok() && *mark);
      EXPECT_EQ(**mark, testing::at(kFaultDays[1] + "T00:00:00Z")) << "the failed day stays unreported";
      job.happen(kFaultDays[2]);
      EXPECT_TRUE(job.run(kFaultDays[3] + "T08:00:00Z"));
      job.happen(kFaultDays[3]);
      EXPECT_TRUE(job.run("2026-03-05T08:00:00Z"));
      job.expect_exactly_once();
    }
  }
}

// The per-list cursor: when a day with a failed pull request list was
// published anyway (--allow-incomplete), the next sync of a later window still
// reads that list down to where it last succeeded, so the merged PR is stored.
TEST(SyncFaultDays, AListIsReadFromItsLastSuccessNotFromTheWindowStart) {
  SyncFixture f;
  f.commit("o/r", "init", "2026-03-01T09:00:00Z");
  f.sync_day(testing::kRepo, "2026-03-01", "2026-03-02T08:00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    r.pulls.push_back(FakeGithub::pull(7, "Merged on the 2nd", "2026-03-02T11:00:00Z", "2026-03-02T11:00:00Z"));
  });
  f.github.fail("/repos/o/r/pulls", FakeFault{503, "<html>503</html>", {}, {}, false}, 4);
  auto failed = f.sync_day(testing::kRepo, "2026-03-02", "2026-03-03T08:00:00Z");
  ASSERT_EQ(failed.incomplete(), testing::kRepo);
  f.mark_reported("2026-03-02");  // published anyway
  // The 3rd's window starts after the PR's merge; the list's cursor (the 2nd, 08:00) does not.
  auto next = f.sync_day(testing::kRepo, "2026-03-03", "2026-03-04T08:00:00Z");
  ASSERT_TRUE(next.incomplete().empty()) << next.repos[0].error->message;
  auto stored = f.stored();
  ASSERT_EQ(stored.pull_requests.size(), 1u);
  EXPECT_EQ(stored.pull_requests[0].number, 7);
  // And the gap of the 2nd is closed in the store: the list now covers it.
  auto gaps = SyncStore(*f.db).gaps(testing::kRepo, testing::at("2026-03-02T00:00:00Z"), testing::at("2026-03-03T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  EXPECT_TRUE(gaps->empty());
}

}  // namespace
}  // namespace infradigest
