// Chat delivery end to end against local fake receivers, one per platform:
// signatures checked with each platform's documented algorithm, retries,
// pacing, delivery state and secrecy of URLs and secrets.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <sstream>

#include "core/clock.h"
#include "fake_http_server.h"
#include "publish/delivery_store.h"
#include "publish/publisher.h"
#include "publish/signing.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

using Json = nlohmann::json;
using std::chrono::milliseconds;
using testing::FakeHttpServer;
using testing::TempDir;

// Time that moves only when slept; records every wait.
class FakeClock : public Clock {
 public:
  WallTime now() override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void sleep_for(milliseconds d) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(d);
    now_ += d;
  }
  std::vector<milliseconds> sleeps() {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  std::mutex mutex_;
  WallTime now_ = WallTime(std::chrono::seconds(1'772'150'400));  // 2026-02-27T00:00:00Z
  std::vector<milliseconds> sleeps_;
};

// A report of `n` bullet lines, with a hostile line.
std::string markdown(int n) {
  std::string md = "# AI 基础设施日报 · 2026-02-26\n\n## 摘要\n\n- @all \\<at user\\_id=\"all\"\\>\\</at\\> 注意\n";
  for (int i = 0; i < n; ++i)
    md += "- [修复 MoE 内核 " + std::to_string(i) + "](https://github.com/a/b/commit/" + std::to_string(i) + ") · 说明文字\n";
  return md;
}

Report report() {
  Report r;
  r.window.date = SysDays{std::chrono::days{20'510}};  // 2026-02-26
  r.language = Language::kZh;
  return r;
}

struct Fixture {
  TempDir dir;
  Database db = Database::open(dir.file("s.db")).value();
  std::unique_ptr<HttpClient> http = make_http_client();
  FakeClock clock;
  std::map<std::string, std::string> env;
  std::ostringstream log, dry;

  // Sends `md` itself: every target gets content = "full" (the digest has tests of its own).
  std::vector<TargetOutcome> publish(std::vector<WebhookTarget> targets, const std::string& md,
                                     PublishOptions options = {}) {
    for (auto& t : targets) t.full_report = true;
    Publisher p(db, *http, clock,
                [this](const std::string& name) -> std::optional<std::string> {
                  auto it = env.find(name);
                  return it == env.end() ? std::nullopt : std::optional(it->second);
                },
                log);
    return p.publish(report(), md, targets, options, dry);
  }
};

TEST(Publish, FeishuSignedCardsArriveInOrderWithValidSignatures) {
  Fixture f;
  FakeHttpServer server;
  server.post("/hook/feishu-TOKEN", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"code":0,"msg":"success","data":{}})", "application/json");
  });
  server.start();
  f.env = {{"FEISHU_URL", server.base_url() + "/hook/feishu-TOKEN"}, {"FEISHU_SECRET", "s3cr3t-value"}};
  auto out = f.publish({{"team", "feishu", "FEISHU_URL", "FEISHU_SECRET"}}, markdown(300));
  ASSERT_EQ(out.size(), 1u);
  ASSERT_FALSE(out[0].error) << out[0].error->message;
  const auto requests = server.requests();
  ASSERT_GT(requests.size(), 1u) << "a long report is split";
  EXPECT_EQ(out[0].sent, static_cast<int>(requests.size()));
  for (size_t i = 0; i < requests.size(); ++i) {
    auto body = Json::parse(requests[i].body);
    EXPECT_LE(requests[i].body.size(), 20'000u);
    const long long ts = std::stoll(body["timestamp"].get<std::string>());
    EXPECT_EQ(body["sign"], feishu_signature(ts, "s3cr3t-value"));
    EXPECT_EQ(body["msg_type"], "interactive");
    const std::string title = body["card"]["header"]["title"]["content"];
    EXPECT_TRUE(contains(title, "(" + std::to_string(i + 1) + "/" + std::to_string(requests.size()) + ")")) << title;
    const std::string content = body["card"]["elements"][0]["content"];
    EXPECT_FALSE(contains(content, "@all")) << "mass mention neutralised";
    EXPECT_FALSE(contains(content, "<at")) << content.substr(0, 200);
  }
  // Paced: at least 650 ms between two messages to one Feishu webhook.
  for (auto s : f.clock.sleeps()) EXPECT_EQ(s, milliseconds(650));
  EXPECT_EQ(f.clock.sleeps().size(), requests.size() - 1);
  const std::string log = f.log.str();
  EXPECT_FALSE(contains(log, "TOKEN")) << log;
  EXPECT_FALSE(contains(log, "s3cr3t")) << log;
}

TEST(Publish, DingTalkSignsTheUrlAndWeComStaysUnder4096Bytes) {
  Fixture f;
  FakeHttpServer server;
  server.post("/robot/send", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"errcode":0,"errmsg":"ok"})", "application/json");
  });
  server.post("/cgi-bin/webhook/send", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"errcode":0,"errmsg":"ok"})", "application/json");
  });
  server.start();
  f.env = {{"DT_URL", server.base_url() + "/robot/send?access_token=DT-TOKEN"},
           {"DT_SECRET", "SECdemo"},
           {"WC_URL", server.base_url() + "/cgi-bin/webhook/send?key=WC-KEY"}};
  auto out = f.publish({{"dingtalk", "dingtalk", "DT_URL", "DT_SECRET"}, {"wecom", "wecom", "WC_URL", ""}}, markdown(120));
  for (const auto& o : out) ASSERT_FALSE(o.error) << o.error->message;
  int dingtalk = 0, wecom = 0;
  for (const auto& r : server.requests()) {
    if (r.path == "/robot/send") {
      ++dingtalk;
      const auto ts = std::stoll(r.params.find("timestamp")->second);
      EXPECT_EQ(r.params.find("sign")->second, dingtalk_signature(ts, "SECdemo"));  // httplib decodes the query
      EXPECT_EQ(r.params.find("access_token")->second, "DT-TOKEN");
      EXPECT_EQ(Json::parse(r.body)["msgtype"], "markdown");
    } else {
      ++wecom;
      const std::string content = Json::parse(r.body)["markdown"]["content"];
      EXPECT_LE(content.size(), 4096u);
    }
  }
  EXPECT_EQ(dingtalk, out[0].sent);
  EXPECT_GT(wecom, 1);
  // 20 messages a minute: 3.1 s between messages to one robot.
  for (auto s : f.clock.sleeps()) EXPECT_GE(s, milliseconds(3000));
}

TEST(Publish, Slack429HonoursRetryAfterThenDelivers) {
  Fixture f;
  std::atomic<int> calls{0};  // the server's threads count, the test reads; outlives the server
  FakeHttpServer server;
  server.post("/services/T/B/X", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      res.status = 429;
      res.set_header("Retry-After", "2");
      res.set_content("rate_limited", "text/plain");
      return;
    }
    res.set_content("ok", "text/plain");
  });
  server.start();
  f.env = {{"SLACK_URL", server.base_url() + "/services/T/B/X"}};
  auto out = f.publish({{"slack", "slack", "SLACK_URL", ""}}, markdown(10));
  ASSERT_FALSE(out[0].error) << out[0].error->message;
  EXPECT_EQ(out[0].sent, 1);
  EXPECT_EQ(server.request_count(), 2u);
  ASSERT_FALSE(f.clock.sleeps().empty());
  EXPECT_EQ(f.clock.sleeps().front(), milliseconds(2000));
  EXPECT_EQ(Json::parse(server.requests()[1].body)["blocks"][0]["type"], "header");
  EXPECT_EQ(Json::parse(server.requests()[1].body)["blocks"][1]["type"], "section");
}

// What the receivers get for a title with an area in brackets and a flag in
// backticks: Slack a header block with the report title and a real code
// span; Feishu ASCII brackets and backticks (as character references).
TEST(Publish, SlackGetsAHeaderAndCodeSpansFeishuKeepsBracketsAndBackticks) {
  Fixture f;
  const std::string md = "# AI 基础设施日报 · 2026-02-26\n\n## 摘要\n\n"
                         "- [\\[Bug\\] FLUX corrupted with \\`--num-gpus 8\\`](https://github.com/a/b/issues/1)（sglang）\n";
  FakeHttpServer server;
  server.post("/services/T/B/X", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  server.post("/hook/feishu", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"code":0,"msg":"success"})", "application/json");
  });
  server.start();
  f.env = {{"SLACK_URL", server.base_url() + "/services/T/B/X"}, {"FEISHU_URL", server.base_url() + "/hook/feishu"}};
  auto out = f.publish({{"slack", "slack", "SLACK_URL", ""}, {"feishu", "feishu", "FEISHU_URL", ""}}, md);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_FALSE(out[0].error) << out[0].error->message;
  ASSERT_FALSE(out[1].error) << out[1].error->message;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  const bool slack_first = requests[0].path == "/services/T/B/X";
  const Json slack = Json::parse(requests[slack_first ? 0 : 1].body);
  ASSERT_GE(slack["blocks"].size(), 2u);
  EXPECT_EQ(slack["blocks"][0]["type"], "header");
  EXPECT_EQ(slack["blocks"][0]["text"]["type"], "plain_text");
  EXPECT_EQ(slack["blocks"][0]["text"]["text"], "AI 基础设施日报 · 2026-02-26");
  const std::string section = slack["blocks"][1]["text"]["text"];
  EXPECT_TRUE(contains(section, "|[Bug] FLUX corrupted with `--num-gpus 8`>")) << section;
  EXPECT_FALSE(contains(section, "ˋ")) << section;
  const std::string card = Json::parse(requests[slack_first ? 1 : 0].body)["card"]["elements"][0]["content"];
  EXPECT_TRUE(contains(card, "[&#91;Bug&#93; FLUX corrupted with &#96;--num-gpus 8&#96;](https://github.com/a/b/issues/1)")) << card;
  for (const char* full_width : {"［", "］", "｀"}) EXPECT_FALSE(contains(card, full_width)) << card;
}

TEST(Publish, ErrorCodeInA200IsAFailureNotRetriedAndStopsTheTarget) {
  Fixture f;
  FakeHttpServer server;
  server.post("/hook/x", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"code":19021,"msg":"sign match fail"})", "application/json");
  });
  server.start();
  f.env = {{"U", server.base_url() + "/hook/x"}};
  auto out = f.publish({{"team", "feishu", "U", ""}}, markdown(300));
  ASSERT_TRUE(out[0].error);
  EXPECT_TRUE(contains(out[0].error->message, "piece 1/")) << out[0].error->message;
  EXPECT_TRUE(contains(out[0].error->message, "19021")) << out[0].error->message;
  EXPECT_FALSE(contains(out[0].error->message, server.base_url())) << "the URL is a secret";
  EXPECT_EQ(server.request_count(), 1u) << "not retried, later pieces not sent";
  auto state = DeliveryStore(f.db).load(report().window.date, "team");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->front().status, DeliveryStatus::kFailed);
}

TEST(Publish, ServerErrorsAreRetriedBoundedWithBackoff) {
  Fixture f;
  FakeHttpServer server;
  server.post("/h", [](const httplib::Request&, httplib::Response& res) { res.status = 502; });
  server.start();
  f.env = {{"U", server.base_url() + "/h"}};
  PublishOptions options;
  options.max_attempts = 3;
  auto out = f.publish({{"j", "json", "U", ""}}, markdown(3), options);
  ASSERT_TRUE(out[0].error);
  EXPECT_EQ(server.request_count(), 3u);
  const auto sleeps = f.clock.sleeps();
  ASSERT_GE(sleeps.size(), 2u);
  EXPECT_EQ(sleeps[sleeps.size() - 2], milliseconds(1000));
  EXPECT_EQ(sleeps.back(), milliseconds(2000));
}

TEST(Publish, ARerunSendsOnlyWhatWasNotDelivered) {
  Fixture f;
  // Declared before the server so they outlive its handler threads.
  std::atomic<int> calls{0};  // the server's threads count, the test reads
  std::vector<std::string> bodies;
  std::mutex bodies_mutex;
  FakeHttpServer server;
  server.post("/w", [&](const httplib::Request& req, httplib::Response& res) {
    if (++calls == 2) {  // the second piece fails once, for good
      res.set_content(R"({"errcode":93000,"errmsg":"invalid"})", "application/json");
      return;
    }
    {
      std::lock_guard lock(bodies_mutex);
      bodies.push_back(req.body);
    }
    res.set_content(R"({"errcode":0,"errmsg":"ok"})", "application/json");
  });
  server.start();
  f.env = {{"U", server.base_url() + "/w"}};
  const WebhookTarget target{"wc", "wecom", "U", ""};
  auto first = f.publish({target}, markdown(120));
  ASSERT_TRUE(first[0].error);
  ASSERT_GE(first[0].pieces, 3);
  EXPECT_EQ(first[0].sent, 1);
  // The report changed meanwhile: the stored plan is what gets resent.
  auto second = f.publish({target}, markdown(5));
  ASSERT_FALSE(second[0].error) << second[0].error->message;
  EXPECT_EQ(second[0].skipped, 1);
  EXPECT_EQ(second[0].sent, first[0].pieces - 1);
  auto third = f.publish({target}, markdown(120));
  EXPECT_EQ(third[0].sent, 0);
  EXPECT_EQ(third[0].skipped, first[0].pieces);
  EXPECT_EQ(calls.load(), first[0].pieces + 1) << "each piece delivered exactly once";
  std::lock_guard lock(bodies_mutex);
  for (size_t i = 0; i < bodies.size(); ++i)
    EXPECT_TRUE(contains(bodies[i], "(" + std::to_string(i + 1) + "/")) << "in order";
}

TEST(Publish, MissingEnvironmentVariableNamesItAndSendsNothing) {
  Fixture f;
  auto out = f.publish({{"team", "feishu", "NOT_SET_URL", ""}}, markdown(3));
  ASSERT_TRUE(out[0].error);
  EXPECT_TRUE(contains(out[0].error->message, "NOT_SET_URL")) << out[0].error->message;
}

TEST(Publish, DryRunPrintsBodiesAndStoresNothing) {
  Fixture f;
  PublishOptions options;
  options.mode = PublishMode::kDryRun;
  auto out = f.publish({{"team", "feishu", "UNSET", "ALSO_UNSET"}}, markdown(3), options);
  ASSERT_FALSE(out[0].error);
  const std::string printed = f.dry.str();
  ASSERT_TRUE(printed.starts_with("# feishu team 1/1\n")) << printed;
  auto body = Json::parse(printed.substr(printed.find('\n') + 1));
  EXPECT_EQ(body["card"]["header"]["title"]["content"], "AI 基础设施日报 · 2026-02-26");
  EXPECT_FALSE(body.contains("sign"));
  EXPECT_TRUE(DeliveryStore(f.db).load(report().window.date, "team")->empty());
  // A real run would fail on the unset variables: the dry run says so.
  EXPECT_TRUE(contains(f.log.str(), "warning: feishu webhook 'team': environment variable UNSET (its url_env) is not set"))
      << f.log.str();
  EXPECT_TRUE(contains(f.log.str(), "ALSO_UNSET (its secret_env) is not set")) << f.log.str();
}

}  // namespace
}  // namespace infradigest
