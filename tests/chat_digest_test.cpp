// The chat digest (issue 16): by default a channel gets the counts line,
// 摘要, the head of 总结 and a link to the day's page — one message on Feishu,
// DingTalk and Slack, at most two on WeCom for the busy reference day — and
// `content = "full"` still sends the whole report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reference_day_store.h"

namespace infradigest {
namespace {

class ChatDigest : public testing::ReferenceDayStore {
 protected:
  // `publish --dry-run` to one target of `type`; one request body per line.
  static std::vector<nlohmann::json> bodies(const std::string& type, const std::string& extra = "",
                                            const std::string& lang = "zh") {
    const std::string cfg = file(type + std::to_string(configs_++) + ".toml");
    testing::write_file(cfg, "[site]\nbase_url = \"https://example.org/infra/\"\n\n[[publish.webhook]]\ntype = \"" +
                                 type + "\"\nurl_env = \"INFRADIGEST_TEST_HOOK\"\n" + extra);
    auto r = run("--config " + cfg + " publish --date 2026-02-26 --dry-run --lang " + lang,
                 "INFRADIGEST_TEST_HOOK=http://127.0.0.1:9/hook");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<nlohmann::json> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && !line.starts_with("# ")) out.push_back(nlohmann::json::parse(line));  // not the labels
    return out;
  }

  static int configs_;
};
int ChatDigest::configs_ = 0;

TEST_F(ChatDigest, OneMessageOnFeishuDingTalkAndSlackAtMostTwoOnWeCom) {
  for (const std::string lang : {"zh", "en"}) {
    EXPECT_EQ(bodies("feishu", "", lang).size(), 1u) << lang;
    EXPECT_EQ(bodies("dingtalk", "", lang).size(), 1u) << lang;
    EXPECT_EQ(bodies("slack", "", lang).size(), 1u) << lang;
    const auto wecom = bodies("wecom", "", lang);
    EXPECT_GE(wecom.size(), 1u) << lang;
    EXPECT_LE(wecom.size(), 2u) << lang;
  }
}

TEST_F(ChatDigest, CarriesTheSummaryAndLinksTheDayPage) {
  const std::string body = bodies("json").at(0).dump();
  EXPECT_NE(body.find("8 个关注仓库中 5 个有更新"), std::string::npos) << body;
  EXPECT_NE(body.find("v4.4.1"), std::string::npos) << "the release line of 摘要";
  EXPECT_NE(body.find("https://example.org/infra/days/2026-02-26.html"), std::string::npos) << body;
  EXPECT_EQ(body.find("具体内容分析"), std::string::npos) << "the repo sections stay on the page";
}

TEST_F(ChatDigest, SlackOpensWithAHeaderBlockAndFeishuShowsAsciiBrackets) {
  const auto slack = bodies("slack").at(0);
  EXPECT_EQ(slack["blocks"][0]["type"], "header");
  EXPECT_EQ(slack["blocks"][0]["text"]["text"], "AI 基础设施日报 · 2026-02-26");
  const std::string feishu = bodies("feishu").at(0)["card"]["elements"][0]["content"];
  EXPECT_EQ(feishu.find("［"), std::string::npos) << feishu;
}

TEST_F(ChatDigest, ContentFullSendsTheWholeReport) {
  const auto full = bodies("wecom", "content = \"full\"\n");
  EXPECT_GT(full.size(), 2u) << "the whole report does not fit two WeCom messages";
  std::string all;
  for (const auto& b : full) all += b.dump();
  EXPECT_NE(all.find("具体内容分析"), std::string::npos);
}

TEST_F(ChatDigest, AnUnknownContentValueIsAConfigError) {
  const std::string cfg = file("bad-content.toml");
  testing::write_file(cfg, "[[publish.webhook]]\ntype = \"wecom\"\nurl_env = \"X\"\ncontent = \"everything\"\n");
  auto r = run("--config " + cfg + " publish --date 2026-02-26 --dry-run");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("content"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("digest or full"), std::string::npos) << r.err;
}

TEST_F(ChatDigest, DryRunLabelsEachBodyWithItsTargetAndPieceAndWarnsAboutUnsetVariables) {
  const std::string cfg = file("labels.toml");
  testing::write_file(cfg, "[[publish.webhook]]\ntype = \"wecom\"\nurl_env = \"INFRADIGEST_TEST_UNSET_HOOK\"\n"
                           "name = \"infra-team\"\ncontent = \"full\"\n");
  auto r = run("--config " + cfg + " publish --date 2026-02-26 --dry-run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> labels;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("# ")) labels.push_back(line);
  ASSERT_GT(labels.size(), 2u) << r.out.substr(0, 500);
  const std::string n = std::to_string(labels.size());
  EXPECT_EQ(labels.front(), "# wecom infra-team 1/" + n);
  EXPECT_EQ(labels.back(), "# wecom infra-team " + n + "/" + n);
  EXPECT_NE(r.err.find("warning: wecom webhook 'infra-team': environment variable INFRADIGEST_TEST_UNSET_HOOK (its url_env) "
                       "is not set"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace infradigest
