// End to end: the real binary, the bundled 2026-02-26 example, and a fake
// OpenAI-compatible endpoint named by [llm] in a config file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "fake_llm_server.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::FakeLlmServer;
using testing::run_infradigest;

constexpr const char* kKey = "sk-SENTINEL-e2e-7f3a91";

class LlmCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto r = run_infradigest("--db " + dir_->file("example.db") + " import " + testing::source_path("examples/2026-02-26"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  // A copy of the imported store, so each test starts with an empty cache.
  std::string fresh_db() {
    static int n = 0;
    std::string path = dir_->file("run" + std::to_string(n++) + ".db");
    std::filesystem::copy_file(dir_->file("example.db"), path);
    return path;
  }

  std::string config(const FakeLlmServer& fake, const std::string& extra = "") {
    static int n = 0;
    std::string path = dir_->file("config" + std::to_string(n++) + ".toml");
    testing::write_file(path, "[llm]\nbase_url = \"" + fake.base_url() + "\"\napi_key_env = \"INFRADIGEST_TEST_LLM_KEY\"\n"
                              "models = [\"fake-model\"]\ntimeout = 10\nconcurrency = 4\n" + extra);
    return path;
  }

  testing::CommandResult report(const std::string& config_path, const std::string& db, const std::string& options = "") {
    return run_infradigest("--config " + config_path + " --db " + db +
                               " --now 2026-02-27T08:00:00Z report --date 2026-02-26 " + options,
                           std::string("INFRADIGEST_TEST_LLM_KEY=") + kKey);
  }

  static testing::TempDir* dir_;
};
testing::TempDir* LlmCli::dir_ = nullptr;

size_t count(const std::string& text, const std::string& piece) {
  size_t n = 0;
  for (size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
  return n;
}

TEST_F(LlmCli, WritesVerifiedProseForTheExampleDayThenReadsItBackOrRecomposesFromTheCache) {
  FakeLlmServer fake;
  const std::string cfg = config(fake), db = fresh_db();
  auto first = report(cfg, db);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // 5 active repos; sglang (40 items) and vllm (29) in 2 chunks each: 7 repo requests, then the day.
  EXPECT_EQ(fake.request_count(), 8u);
  EXPECT_GE(count(first.out, "> **解读**："), 5u + 3u) << "5 repos, 摘要, 总结 and at least one theme\n" << first.out;
  EXPECT_NE(first.out.find("> 标“解读”的段落由 LLM（fake-model）撰写，已逐句核对："), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("infradigest: llm: 8 requests, 0 answers from the cache;"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("8 of 8 sections verified"), std::string::npos) << first.err;
  EXPECT_EQ(fake.requests()[0].header("Authorization"), std::string("Bearer ") + kKey);

  // The day's report is stored: a re-run reads it back and asks nothing.
  auto second = report(cfg, db);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(fake.request_count(), 8u) << "the re-run asked nothing";
  EXPECT_EQ(second.err.find("infradigest: llm:"), std::string::npos) << second.err;
  EXPECT_EQ(first.out, second.out);

  // Composed again on request: every answer comes from the cache.
  auto third = report(cfg, db, "--recompose");
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(fake.request_count(), 8u);
  EXPECT_NE(third.err.find("0 requests, 8 answers from the cache; 0 prompt + 0 completion tokens"), std::string::npos)
      << third.err;
  EXPECT_EQ(first.out, third.out);

  for (const std::string& text : {first.out, first.err, second.err, third.err})
    EXPECT_EQ(text.find("SENTINEL"), std::string::npos);
  for (const char* suffix : {"", "-wal"})
    if (std::filesystem::exists(db + suffix)) {
      EXPECT_EQ(testing::read_file(db + suffix).find("SENTINEL"), std::string::npos) << suffix;
    }
}

// The report without any [llm] configured (ReportGolden pins it to tests/golden/).
std::string rule_based_report(const std::string& db, const std::string& options = "") {
  auto r = run_infradigest("--db " + db + " --now 2026-02-27T08:00:00Z report --date 2026-02-26 " + options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST_F(LlmCli, NoLlmIsByteIdenticalToTheRuleBasedReport) {
  FakeLlmServer fake;
  const std::string db = fresh_db();
  for (const char* options : {"", "--format json", "--lang en"}) {
    auto r = report(config(fake), db, std::string("--no-llm ") + options);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, rule_based_report(db, options)) << options;
    EXPECT_EQ(r.err, "");
  }
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(LlmCli, JsonCarriesTheLlmNoteAnalysesAndOnlyKnownCites) {
  FakeLlmServer fake;
  auto r = report(config(fake), fresh_db(), "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["llm"]["models"], nlohmann::json::array({"fake-model"}));
  EXPECT_EQ(j["llm"]["fallbacks"], nlohmann::json::array());
  EXPECT_TRUE(j["llm"]["unavailable"].is_null());
  std::set<std::string> ids;
  int translated = 0, analyses = 0;
  for (const auto& repo : j["repos"]) {
    for (const auto& c : repo["commits"]) {
      ids.insert(c["id"].get<std::string>());
      translated += c["translated_title"].is_string() ? 1 : 0;
    }
    for (const auto& i : repo["issues"]) ids.insert(i["id"].get<std::string>());
    for (const auto& rel : repo["releases"]) ids.insert(rel["id"].get<std::string>());
    analyses += static_cast<int>(repo["analysis"].size());
  }
  EXPECT_GT(translated, 30) << "English titles of cutlass and sglang rendered in Chinese\n" << r.err;
  EXPECT_GE(analyses, 5);
  auto check = [&](const nlohmann::json& statements) {
    for (const auto& s : statements)
      for (const auto& id : s["cites"]) EXPECT_TRUE(ids.count(id.get<std::string>())) << id;
  };
  check(j["summary"]);
  check(j["outlook"]);
  for (const auto& t : j["impact"]) check(t["statements"]);
  for (const auto& repo : j["repos"]) check(repo["analysis"]);
}

TEST_F(LlmCli, UnauthorizedEndpointGivesTheRuleBasedReportAndSaysSo) {
  FakeLlmServer fake([](const testing::LlmCall& call) {
    return testing::LlmReply{.status = 401,
                             .body = nlohmann::json{{"error", {{"message", "bad key " + call.authorization}}}}.dump()};
  });
  const std::string db = fresh_db();
  auto r = report(config(fake), db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LE(fake.request_count(), 4u) << "at most one request per concurrent slot, none after the refusal";
  EXPECT_NE(r.out.find("> LLM 不可用（接口返回 HTTP 401），本报告全部由规则从数据生成。\n"), std::string::npos);
  EXPECT_NE(r.err.find("HTTP 401"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("SENTINEL"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("SENTINEL"), std::string::npos);
  // Without the LLM's line, the report is the rule-based one.
  std::string out = r.out;
  out.erase(out.find("> LLM 不可用"), std::string("> LLM 不可用（接口返回 HTTP 401），本报告全部由规则从数据生成。\n\n").size());
  EXPECT_EQ(out, rule_based_report(dir_->file("example.db")));
}

TEST_F(LlmCli, ConfigurationMistakesAreUsageErrors) {
  FakeLlmServer fake;
  auto unset = run_infradigest("--config " + config(fake) + " --db " + fresh_db() + " report --date 2026-02-26");
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_NE(unset.err.find("'llm.api_key_env' names INFRADIGEST_TEST_LLM_KEY, which is not set"), std::string::npos)
      << unset.err;
  std::string no_models = dir_->file("no-models.toml");
  testing::write_file(no_models, "[llm]\nbase_url = \"" + fake.base_url() + "\"\n");
  auto empty = run_infradigest("--config " + no_models + " --db " + fresh_db() + " report --date 2026-02-26");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("'llm.models' must list at least one model"), std::string::npos) << empty.err;
  std::string bad = dir_->file("bad.toml");
  testing::write_file(bad, "[llm]\ntemperature = 3.5\n");
  auto wrong = run_infradigest("--config " + bad + " config show");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("'llm.temperature' must be between 0 and 2 (got 3.5)"), std::string::npos) << wrong.err;
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST_F(LlmCli, ConfigShowListsTheLlmKeys) {
  FakeLlmServer fake;
  const std::string cfg = config(fake);
  auto r = run_infradigest("--config " + cfg + " config show", "INFRADIGEST_LLM_TEMPERATURE=0.7");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(") llm.base_url = \"" + fake.base_url() + "\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(environment: INFRADIGEST_LLM_TEMPERATURE) llm.temperature = 0.7\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(") llm.timeout = 10.0\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(default) llm.max_tokens = 4096\n"), std::string::npos) << r.out;
}

// One day, one text: the archive file, the web page, the chat message and
// `report` carry the same verified prose, composed once (8 requests in all).
TEST_F(LlmCli, ArchiveSiteChatAndReportShowTheSameVerifiedProse) {
  FakeLlmServer fake;
  const std::string cfg = config(fake, "[[publish.webhook]]\ntype = \"json\"\nurl_env = \"INFRADIGEST_TEST_HOOK\"\n");
  const std::string db = fresh_db();
  const std::string env = std::string("INFRADIGEST_TEST_LLM_KEY=") + kKey +
                          " INFRADIGEST_TEST_HOOK=http://127.0.0.1:9/hook INFRADIGEST_ARCHIVE_DIR=" +
                          dir_->file("one-text-reports");
  auto run = [&](const std::string& command) {
    auto r = run_infradigest("--config " + cfg + " --db " + db + " --now 2026-02-27T08:00:00Z " + command, env);
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
    return r;
  };
  auto written = run("report --date 2026-02-26 --archive");
  const std::string sentence = "flashinfer-ai/flashinfer 的改动包括";
  ASSERT_NE(written.out.find(sentence), std::string::npos) << written.out;
  run("site -o " + dir_->file("one-text-site"));
  auto chat = run("publish --date 2026-02-26 --dry-run");
  auto again = run("report --date 2026-02-26");
  EXPECT_EQ(fake.request_count(), 8u) << "composed once; every other output read the stored report";
  EXPECT_EQ(again.out, written.out);
  EXPECT_EQ(testing::read_file(dir_->file("one-text-reports/2026-02-26.md")), written.out);
  EXPECT_NE(testing::read_file(dir_->file("one-text-site/days/2026-02-26.html")).find(sentence), std::string::npos);
  EXPECT_NE(chat.out.find(sentence), std::string::npos) << chat.out.substr(0, 2000);
}

// Every link the rule-based report holds ("](url)"), to check none goes missing.
std::set<std::string> links(const std::string& markdown) {
  std::set<std::string> out;
  for (size_t at = markdown.find("](https://"); at != std::string::npos; at = markdown.find("](https://", at + 1))
    out.insert(markdown.substr(at + 2, markdown.find(')', at) - at - 2));
  return out;
}

// A plausible liar — real fact ids, no numbers or identifiers, invented
// effects, severity, scope, defaults, opinions and meaning-changing titles —
// reaches no output: not the Markdown, the JSON, the web page or a chat body;
// and every item link of the rule-based report is still there.
TEST_F(LlmCli, APlausibleLiarReachesNoOutputAndEveryRuleBasedLinkStays) {
  for (const std::string lang : {"zh", "en"}) {
    FakeLlmServer fake(testing::plausible_liar);
    const std::string cfg = config(fake, "[[publish.webhook]]\ntype = \"json\"\nurl_env = \"INFRADIGEST_TEST_HOOK\"\n");
    const std::string db = fresh_db();
    const std::string env = std::string("INFRADIGEST_TEST_LLM_KEY=") + kKey +
                            " INFRADIGEST_TEST_HOOK=http://127.0.0.1:9/hook INFRADIGEST_ARCHIVE_DIR=" +
                            dir_->file("liar-reports-" + lang);
    auto run = [&](const std::string& command) {
      auto r = run_infradigest("--config " + cfg + " --db " + db + " --now 2026-02-27T08:00:00Z " + command + " --lang " + lang, env);
      EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
      return r.out;
    };
    std::vector<std::pair<std::string, std::string>> outputs;
    outputs.emplace_back("markdown", run("report --date 2026-02-26 --archive"));
    outputs.emplace_back("json", run("report --date 2026-02-26 --format json"));
    run("site -o " + dir_->file("liar-site-" + lang));
    outputs.emplace_back("site", testing::read_file(dir_->file("liar-site-" + lang + "/days/2026-02-26.html")));
    outputs.emplace_back("chat", run("publish --date 2026-02-26 --dry-run"));
    EXPECT_GT(fake.request_count(), 0u);
    for (const auto& [name, text] : outputs) {
      for (std::string lie : testing::liar_sentences(lang == "zh")) {
        lie = lie.substr(0, lie.size() - (lang == "zh" ? 3 : 1));  // without the final mark
        EXPECT_EQ(text.find(lie), std::string::npos) << name << " holds a lie: " << lie;
      }
      EXPECT_EQ(text.find(testing::liar_title(lang == "zh")), std::string::npos) << name;
    }
    const std::string rules = rule_based_report(fresh_db(), "--lang " + lang);
    const std::set<std::string> in_llm = links(outputs[0].second);
    for (const auto& url : links(rules)) EXPECT_TRUE(in_llm.count(url)) << lang << ": lost " << url;
    EXPECT_NE(outputs[0].second.find(lang == "zh" ? "LLM 撰写的文字均未通过核对" : "No LLM-written text passed the check"),
              std::string::npos);
  }
}

// An honest model, restating the cited titles and kinds, is rarely rejected.
TEST_F(LlmCli, AnHonestModelIsMostlyVerifiedAndKeepsEveryRuleBasedLink) {
  FakeLlmServer fake;
  auto r = report(config(fake), fresh_db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t at = r.err.find(" sections verified");
  ASSERT_NE(at, std::string::npos) << r.err;
  const size_t of = r.err.rfind(" of ", at), start = r.err.rfind(' ', of - 1) + 1;
  const int verified = std::stoi(r.err.substr(start, of - start)), sections = std::stoi(r.err.substr(of + 4, at - of - 4));
  EXPECT_GE(verified * 10, sections * 8) << verified << " of " << sections << "\n" << r.err;
  const std::set<std::string> in_llm = links(r.out);
  for (const auto& url : links(rule_based_report(fresh_db()))) EXPECT_TRUE(in_llm.count(url)) << "lost " << url;
}

}  // namespace
}  // namespace infradigest
