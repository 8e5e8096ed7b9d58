// The one secret scrubber (core/secret_scrubber.h) and its use at every way
// out: webhook endpoints that echo the request path and query in their error
// body must not get any secret part of any webhook URL onto stderr or into the
// deliveries table.
#include <gtest/gtest.h>

#include <sstream>

#include "core/scrubbing_output.h"
#include "core/secret_scrubber.h"
#include "fake_http_server.h"
#include "store/database.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;
using testing::run_infradigest;
using testing::TempDir;

constexpr const char* kFeishuHook = "4f6c7a1e-8b2d-4c3e-9f10-a1b2c3d4e5f6";
constexpr const char* kDingTalkToken = "9d1f0c3b7a2e4d5f8a6b1c0e3f2d4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f";
constexpr const char* kWeComKey = "693a91f6-7e1b-4c2d-8a3f-5b6c7d8e9f0a";
constexpr const char* kSlackTeam = "T0A1B2C3D", *kSlackBot = "B0E4F5G6H", *kSlackSecret = "abcdEFGHijklMNOPqrstUVWX";
constexpr const char* kGenericPath = "gen3r1c7ok3n", *kGenericAuth = "Zq9xW2vU7tS4";
constexpr const char* kSigningSecret = "SECa1b2c3d4e5f6";

TEST(SecretScrubber, RemovesSecretPartsOfAUrlInEveryFormButLeavesWords) {
  SecretScrubber s;
  s.add_url(std::string("https://oapi.dingtalk.com/robot/send?access_token=") + kDingTalkToken + "&sign=ab%2Bcd%2F12%3D");
  s.add_url(std::string("https://hooks.slack.com/services/") + kSlackTeam + "/" + kSlackBot + "/" + kSlackSecret);
  s.add_secret("ghp_0123456789");
  const std::string text = std::string("token ") + kDingTalkToken + " sign ab+cd/12= encoded ab%2Bcd%2F12%3D path \\/services\\/" +
                           kSlackTeam + "\\/" + kSlackBot + " key ghp_0123456789 words: webhook robot send services";
  const std::string out = s.scrub(text);
  for (const std::string& part : {std::string(kDingTalkToken), std::string("ab+cd/12="), std::string("ab%2Bcd%2F12%3D"),
                                 std::string(kSlackTeam), std::string(kSlackBot), std::string("ghp_0123456789")})
    EXPECT_FALSE(contains(out, part)) << part << " in " << out;
  EXPECT_TRUE(contains(out, "words: webhook robot send services")) << out;
}

TEST(SecretScrubber, OutputStreamScrubsTextWrittenInPieces) {
  SecretScrubber s;
  s.add_secret("hunter2-secret");
  std::ostringstream target;
  {
    ScrubbingOutput out(s, target);
    out << "POST hunter2" << "-secret failed\n" << "tail hunter2-secret";
  }
  EXPECT_EQ(target.str(), "POST *** failed\ntail ***");
}

// Every webhook answers 400 with a body that echoes what it was sent: the raw
// request target, the decoded path and query values, and the path JSON-escaped,
// after padding that puts the secrets across the 200-byte mark where replies
// used to be clipped.
TEST(SecretScrubbing, EchoedWebhookUrlsReachNeitherStderrNorTheDeliveriesTable) {
  TempDir dir;
  testing::FakeHttpServer server;
  server.post(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    std::string echo = std::string(190, 'x') + " target=" + req.target + " path=" + req.path;
    for (const auto& [k, v] : req.params) echo += " " + k + "=" + v;
    std::string escaped;
    for (char c : req.path) escaped += c == '/' ? std::string("\\/") : std::string(1, c);
    res.status = 400;
    res.set_content(R"({"code":19001,"errcode":19001,"msg":")" + escaped + R"(","errmsg":")" + echo + "\"} " + echo,
                    "application/json");
  });
  server.start();
  const std::string base = server.base_url();
  testing::write_file(dir.file("c.toml"),
                      "[[publish.webhook]]\ntype = \"feishu\"\nurl_env = \"FS_URL\"\nsecret_env = \"FS_SECRET\"\n"
                      "[[publish.webhook]]\ntype = \"dingtalk\"\nurl_env = \"DT_URL\"\nsecret_env = \"DT_SECRET\"\n"
                      "[[publish.webhook]]\ntype = \"wecom\"\nurl_env = \"WC_URL\"\n"
                      "[[publish.webhook]]\ntype = \"slack\"\nurl_env = \"SL_URL\"\n"
                      "[[publish.webhook]]\ntype = \"json\"\nurl_env = \"JS_URL\"\n");
  const std::string args = "--config " + dir.file("c.toml") + " --db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(args + " import " + testing::source_path("examples/2026-02-26")).exit_code, 0);
  const std::string env = "FS_URL=" + base + "/open-apis/bot/v2/hook/" + kFeishuHook + " FS_SECRET=" + kSigningSecret +
                          " DT_URL='" + base + "/robot/send?access_token=" + kDingTalkToken + "' DT_SECRET=" +
                          kSigningSecret + " WC_URL='" + base + "/cgi-bin/webhook/send?key=" + kWeComKey + "'" +
                          " SL_URL=" + base + "/services/" + kSlackTeam + "/" + kSlackBot + "/" + kSlackSecret +
                          " JS_URL='" + base + "/hooks/" + kGenericPath + "?auth=" + kGenericAuth + "'";
  auto r = run_infradigest(args + " publish --date 2026-02-26", env);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ASSERT_EQ(server.request_count(), 5u) << "each target tried once: 400 is not retried";
  EXPECT_TRUE(contains(r.err, "19001")) << "the reply is still reported: " << r.err;

  std::vector<std::string> secrets{kFeishuHook, kDingTalkToken, kWeComKey, kSlackTeam, kSlackBot, kSlackSecret,
                                   kGenericPath, kGenericAuth, kSigningSecret};
  for (const auto& request : server.requests())  // DingTalk's per-request signature
    if (auto sign = request.params.find("sign"); sign != request.params.end()) secrets.push_back(sign->second);
  ASSERT_EQ(secrets.size(), 10u) << "the DingTalk request was signed";

  auto db = Database::open(dir.file("s.db")).value();
  auto rows = db.prepare("SELECT last_error FROM deliveries WHERE last_error IS NOT NULL").value();
  std::string stored;
  ASSERT_TRUE(rows.for_each_row([&]() -> Status {
    stored += rows.text_or_empty(0) + "\n";
    return {};
  }));
  EXPECT_EQ(std::count(stored.begin(), stored.end(), '\n'), 5) << stored;
  for (const auto& secret : secrets) {
    EXPECT_FALSE(contains(r.err, secret)) << secret << " on stderr:\n" << r.err;
    EXPECT_FALSE(contains(stored, secret)) << secret << " in deliveries.last_error:\n" << stored;
  }
}

TEST(SecretScrubbing, AConfiguredSecretQuotedInACommitTitleReachesNoReportFile) {
  TempDir dir;
  const std::string token = "ghp_T0ken1234567890abcdef";
  testing::write_file(dir.file("day.jsonl"),
                      "{\"type\":\"repository\",\"full_name\":\"acme/engine\"}\n"
                      "{\"type\":\"commit\",\"repo\":\"acme/engine\",\"sha\":\"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b\","
                      "\"committed_at\":\"2026-02-26T09:00:00Z\",\"message\":\"Fix CI: rotate " + token + " (#1)\"}\n");
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + dir.file("day.jsonl")).exit_code, 0);
  const std::string env = "GITHUB_TOKEN=" + token + " INFRADIGEST_REPOS=acme/engine INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports");
  auto r = run_infradigest(db + " report --date 2026-02-26 --timezone UTC --archive -o " + dir.file("out.md"), env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string written = testing::read_file(dir.file("out.md")), archived = testing::read_file(dir.file("reports/2026-02-26.md"));
  EXPECT_TRUE(contains(written, "Fix CI: rotate ***")) << written;
  for (const std::string& text : {written, archived, r.out, r.err}) EXPECT_FALSE(contains(text, token)) << text;
}

}  // namespace
}  // namespace infradigest
