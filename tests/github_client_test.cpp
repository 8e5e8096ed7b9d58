// GithubClient: headers, conditional requests, retries, rate limits, secrets.
// Most tests script the HTTP answers (ScriptedHttp) and use a FakeClock, so
// waits of minutes take no time; the transport tests use a local server.
#include <gtest/gtest.h>

#include <deque>
#include <mutex>
#include <thread>

#include "fake_clock.h"
#include "fake_http_server.h"
#include "github/github_client.h"

namespace infradigest {
namespace {

using testing::FakeClock;
using testing::FakeHttpServer;
using namespace std::chrono_literals;

const std::string kApi = "https://api.example.test";
const std::string kToken = "ghp_SENTINEL_token_0123456789";

// Answers from a script, in order (the last one repeats), and records when
// (on the fake clock) each request was sent.
class ScriptedHttp : public HttpClient {
 public:
  ScriptedHttp(FakeClock& clock, std::vector<Result<HttpResponse>> script) : clock_(clock), script_(std::move(script)) {}

  Result<HttpResponse> send(const HttpRequest& request) override {
    std::lock_guard lock(mutex_);
    sent_.push_back({clock_.now(), request});
    const size_t i = std::min(next_++, script_.size() - 1);
    return script_[i];
  }
  struct Sent {
    WallTime at;
    HttpRequest request;
  };
  std::vector<Sent> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  FakeClock& clock_;
  std::mutex mutex_;
  std::vector<Result<HttpResponse>> script_;
  size_t next_ = 0;
  std::vector<Sent> sent_;
};

HttpResponse response(int status, std::string body = "[]", HttpHeaders headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

GithubClientOptions options(const std::string& api = kApi) {
  GithubClientOptions o;
  o.api_url = api;
  o.token = kToken;
  o.backoff_base = 1000ms;
  return o;
}

long long epoch(WallTime t) { return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count(); }

TEST(GithubClient, SendsApiHeadersAndTheTokenOnlyToTheApiHost) {
  FakeHttpServer api;
  api.get("/repos/o/r", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  api.start();
  FakeClock clock;
  auto http = make_http_client();
  GithubClient github(*http, clock, options(api.base_url()));
  ASSERT_TRUE(github.get("/repos/o/r").ok());
  auto seen = api.requests().at(0);
  EXPECT_EQ(seen.header("Authorization"), "Bearer " + kToken);
  EXPECT_EQ(seen.header("Accept"), "application/vnd.github+json");
  EXPECT_EQ(seen.header("X-GitHub-Api-Version"), "2022-11-28");
  EXPECT_EQ(seen.header("User-Agent"), std::string("infradigest/") + INFRADIGEST_VERSION);
  // A Link to another host is refused, not followed without (or with) the token.
  auto elsewhere = github.get("http://localhost:" + std::to_string(api.port()) + "/repos/o/r");
  EXPECT_FALSE(elsewhere.ok());
  EXPECT_EQ(api.request_count(), 1u);
}

TEST(GithubClient, ConditionalRequestGets304AndCountsIt) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(200, "[1]", {{"etag", "W/\"v1\""}, {"link", "<" + kApi + "/x?page=2>; rel=\"next\""}}),
                            response(304, "")});
  GithubClient github(http, clock, options());
  auto first = github.get("/x");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->etag, "W/\"v1\"");
  EXPECT_EQ(first->next, kApi + "/x?page=2");
  auto second = github.get("/x", first->etag);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->not_modified);
  EXPECT_TRUE(second->body.is_null());
  EXPECT_EQ(http.sent().at(1).request.headers.back(), (std::pair<std::string, std::string>{"If-None-Match", "W/\"v1\""}));
  EXPECT_EQ(github.stats().not_modified, 1);
  EXPECT_EQ(github.stats().requests, 2);
}

TEST(GithubClient, RetriesServerErrorsWithBoundedJitteredBackoff) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(500), response(502, "<html>Bad gateway</html>"), response(200, "[]")});
  GithubClient github(http, clock, options());
  ASSERT_TRUE(github.get("/x").ok());
  auto sleeps = clock.sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_GE(sleeps[0], 500ms);
  EXPECT_LE(sleeps[0], 1000ms);
  EXPECT_GE(sleeps[1], 1000ms);
  EXPECT_LE(sleeps[1], 2000ms);
  EXPECT_EQ(github.stats().retries, 2);
}

TEST(GithubClient, GivesUpAfterMaxAttemptsNamingTheRequest) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(503)});
  GithubClient github(http, clock, options());
  auto r = github.get("/repos/o/r/commits");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(http.sent().size(), 4u);
  EXPECT_TRUE(r.error().transient());
  EXPECT_NE(r.error().message.find("GET " + kApi + "/repos/o/r/commits: 503"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("after 4 attempts"), std::string::npos) << r.error().message;
}

TEST(GithubClient, NeverRetriesClientErrors) {
  for (int status : {400, 401, 403, 404, 410, 422}) {
    FakeClock clock;
    ScriptedHttp http(clock, {response(status, R"({"message":"nope"})"), response(200)});
    GithubClient github(http, clock, options());
    auto r = github.get("/repos/o/r");
    ASSERT_FALSE(r.ok()) << status;
    EXPECT_EQ(http.sent().size(), 1u) << status;
    EXPECT_FALSE(r.error().transient()) << status;
    EXPECT_NE(r.error().message.find("/repos/o/r: " + std::to_string(status)), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("nope"), std::string::npos) << r.error().message;
  }
}

TEST(GithubClient, PrimaryLimitWaitsUntilResetPlusOneSecondThenRetries) {
  FakeClock clock;
  const WallTime reset = clock.now() + 30s;
  ScriptedHttp http(clock, {response(403, R"({"message":"API rate limit exceeded"})",
                                     {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(epoch(reset))}}),
                            response(200, "[]", {{"x-ratelimit-remaining", "4999"}, {"x-ratelimit-limit", "5000"}})});
  GithubClient github(http, clock, options());
  ASSERT_TRUE(github.get("/x").ok());
  auto sent = http.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_GE(sent[1].at, reset + 1s);
  EXPECT_LE(sent[1].at, reset + 2s);
  EXPECT_EQ(github.stats().rate_remaining, 4999);
}

TEST(GithubClient, ExhaustedBudgetPausesEveryRequestNotJustOne) {
  FakeClock clock;
  const WallTime reset = clock.now() + 45s;
  // The last allowed request succeeds but leaves nothing: the next ones, from
  // any thread, wait for the reset instead of collecting 403s.
  ScriptedHttp http(clock, {response(200, "[]", {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(epoch(reset))}}),
                            response(200, "[]")});
  GithubClient github(http, clock, options());
  ASSERT_TRUE(github.get("/a").ok());
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) threads.emplace_back([&] { EXPECT_TRUE(github.get("/b").ok()); });
  for (auto& t : threads) t.join();
  auto sent = http.sent();
  ASSERT_EQ(sent.size(), 4u);
  for (size_t i = 1; i < sent.size(); ++i) EXPECT_GE(sent[i].at, reset + 1s) << i;
}

TEST(GithubClient, SecondaryLimitHonoursRetryAfter) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(403, R"({"message":"You have exceeded a secondary rate limit."})", {{"retry-after", "7"}}),
                            response(200)});
  GithubClient github(http, clock, options());
  ASSERT_TRUE(github.get("/x").ok());
  auto sent = http.sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_GE(sent[1].at - sent[0].at, 7s);
  EXPECT_LT(sent[1].at - sent[0].at, 8s);
}

TEST(GithubClient, SecondaryLimitWithoutRetryAfterWaitsAMinuteThenDoublesAndGivesUp) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(403, R"({"message":"You have exceeded a secondary rate limit"})")});
  GithubClient github(http, clock, options());
  auto r = github.get("/x");
  ASSERT_FALSE(r.ok());
  auto sent = http.sent();
  ASSERT_EQ(sent.size(), 5u);  // 1 + max_secondary_attempts (4) waits
  EXPECT_GE(sent[1].at - sent[0].at, 60s);
  EXPECT_GE(sent[2].at - sent[1].at, 120s);
  EXPECT_GE(sent[3].at - sent[2].at, 240s);
  EXPECT_NE(r.error().message.find("still limited"), std::string::npos) << r.error().message;
}

TEST(GithubClient, WaitLongerThanMaxWaitStopsEverythingForAResumeLater) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(429, "{}", {{"x-ratelimit-remaining", "0"},
                                                  {"x-ratelimit-reset", std::to_string(epoch(clock.now() + 3600s))}})});
  auto o = options();
  o.max_wait = 900s;
  GithubClient github(http, clock, o);
  auto r = github.get("/x");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(github.stopped());
  EXPECT_NE(r.error().message.find("resume"), std::string::npos) << r.error().message;
  EXPECT_EQ(clock.slept(), 0ms);
  EXPECT_FALSE(github.get("/y").ok());
  EXPECT_EQ(http.sent().size(), 1u);  // nothing more is sent once stopped
}

TEST(GithubClient, BodiesThatAreNotJsonAreRetriedThenRejected) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(200, R"([{"sha":"abc","commit":{"mess)"), response(200, "<html><body>Oops</body></html>")});
  GithubClient github(http, clock, options());
  auto r = github.get("/x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(http.sent().size(), 4u);
  EXPECT_NE(r.error().message.find("not JSON"), std::string::npos) << r.error().message;
}

TEST(GithubClient, TimeoutsAndConnectionErrorsAreRetried) {
  FakeClock clock;
  ScriptedHttp http(clock, {Result<HttpResponse>(make_error("GET x: Timeout was reached", ErrorCode::kTransient)),
                            Result<HttpResponse>(make_error("GET x: Connection refused", ErrorCode::kTransient)),
                            response(200)});
  GithubClient github(http, clock, options());
  EXPECT_TRUE(github.get("/x").ok());
  EXPECT_EQ(http.sent().size(), 3u);
}

TEST(GithubClient, AStalledServerTimesOutAndTheRetrySucceeds) {
  std::atomic<int> calls{0};  // outlives the server, whose stalled handler still reads it
  FakeHttpServer api;
  api.get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    // The first request stalls (sends nothing) until the retry has arrived, so
    // the timeout can be generous: the retry's answer is immediate.
    if (calls++ == 0) {
      const auto deadline = std::chrono::steady_clock::now() + 60s;
      while (calls < 2 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    }
    res.set_content("[]", "application/json");
  });
  api.start();
  FakeClock clock;
  auto http = make_http_client();
  auto o = options(api.base_url());
  o.timeouts.total = 2s;  // the stall's length; an answer on a loaded machine still comes far sooner
  GithubClient github(*http, clock, o);
  auto r = github.get("/slow");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(api.request_count(), 2u);
  EXPECT_EQ(github.stats().retries, 1);
}

TEST(GithubClient, TheTokenNeverAppearsInErrorsOrLogsEvenWhenAServerEchoesIt) {
  FakeClock clock;
  ScriptedHttp http(clock, {response(401, R"({"message":"Bad credentials: Bearer )" + kToken + R"("})")});
  std::vector<std::string> lines;
  std::mutex m;
  auto o = options();
  o.log = o.notice = [&](const std::string& l) {
    std::lock_guard lock(m);
    lines.push_back(l);
  };
  GithubClient github(http, clock, o);
  auto r = github.get("/user");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.find(kToken), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("Bad credentials"), std::string::npos);
  ASSERT_FALSE(lines.empty());
  for (const auto& l : lines) EXPECT_EQ(l.find(kToken), std::string::npos) << l;
}

TEST(GithubClient, BoundsRequestsInFlight) {
  std::atomic<int> in_flight{0}, peak{0};  // outlive the server's threads
  FakeHttpServer api;
  api.get("/x", [&](const httplib::Request&, httplib::Response& res) {
    int now = ++in_flight;
    for (int p = peak; now > p && !peak.compare_exchange_weak(p, now);) {}
    std::this_thread::sleep_for(20ms);
    --in_flight;
    res.set_content("[]", "application/json");
  });
  api.start();
  FakeClock clock;
  auto http = make_http_client();
  auto o = options(api.base_url());
  o.concurrency = 2;
  GithubClient github(*http, clock, o);
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) threads.emplace_back([&] { EXPECT_TRUE(github.get("/x").ok()); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(api.request_count(), 6u);
  EXPECT_LE(peak.load(), 2);
}

}  // namespace
}  // namespace infradigest
