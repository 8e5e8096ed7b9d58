// [[publish.webhook]]: arrays of tables in the config file.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/config_table_array.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

using testing::TempDir;

Result<LoadedConfig> load(const TempDir& dir, const std::string& toml) {
  testing::write_file(dir.file("c.toml"), toml);
  ConfigSources sources;
  sources.config_path = dir.file("c.toml");
  sources.getenv = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  return load_config(sources);
}

TEST(ConfigTableArray, WebhooksLoadWithOriginsAndShowOneLineEach) {
  TempDir dir;
  auto loaded = load(dir, "language = \"en\"\n\n[[publish.webhook]]\ntype = \"feishu\"\nurl_env = \"FEISHU_URL\"\n"
                          "secret_env = \"FEISHU_SECRET\"\n\n[[publish.webhook]]\nname = \"ops\"\ntype = \"slack\"\n"
                          "url_env = \"SLACK_URL\"\n");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const auto& hooks = loaded->config.publish.webhooks;
  ASSERT_EQ(hooks.size(), 2u);
  EXPECT_EQ(hooks[0].origin, dir.file("c.toml") + ":3");
  EXPECT_EQ(hooks[0].string_or("type"), "feishu");
  EXPECT_EQ(hooks[0].string_or("name", "feishu"), "feishu");
  EXPECT_EQ(hooks[1].string_or("name"), "ops");
  const std::string show = render_config_show(*loaded);
  EXPECT_TRUE(contains(show, "(" + dir.file("c.toml") + ":3) publish.webhook[0] = {type = \"feishu\", url_env = "
                             "\"FEISHU_URL\", secret_env = \"FEISHU_SECRET\"}\n")) << show;
  EXPECT_TRUE(contains(show, "publish.webhook[1] = {type = \"slack\", url_env = \"SLACK_URL\", name = \"ops\"}")) << show;
}

TEST(ConfigTableArray, ProblemsNameFileLineAndKey) {
  TempDir dir;
  const std::string f = dir.file("c.toml");
  auto typo = load(dir, "[[publish.webhook]]\ntype = \"feishu\"\nurl_evn = \"X\"\n");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().message, f + ":3: unknown key 'url_evn' in [[publish.webhook]] (did you mean 'url_env'?)");
  auto missing = load(dir, "\n[[publish.webhook]]\ntype = \"slack\"\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().message.starts_with(f + ":2: [[publish.webhook]] needs 'url_env'")) << missing.error().message;
  auto bad_type = load(dir, "[[publish.webhook]]\ntype = \"telegram\"\nurl_env = \"X\"\n");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_TRUE(contains(bad_type.error().message, f + ":2: 'type' must be one of: feishu, dingtalk, wecom, slack, json"))
      << bad_type.error().message;
  auto wrong = load(dir, "[[publish.webhook]]\ntype = 3\nurl_env = \"X\"\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().message, f + ":2: 'type' must be a string");
  auto secret = load(dir, "[[publish.webhook]]\ntype = \"slack\"\nurl_env = \"https://hooks.slack.com/services/T/B/X\"\n");
  ASSERT_FALSE(secret.ok());
  EXPECT_FALSE(contains(secret.error().message, "hooks.slack.com")) << "a pasted secret is never echoed";
}

TEST(ConfigTableArray, NotAnArrayAndDuplicateNamesAreErrors) {
  TempDir dir;
  const std::string f = dir.file("c.toml");
  auto single = load(dir, "[publish.webhook]\ntype = \"slack\"\nurl_env = \"X\"\n");
  ASSERT_FALSE(single.ok());
  EXPECT_TRUE(contains(single.error().message, "must be an array of tables, written [[publish.webhook]]"))
      << single.error().message;
  auto twice = load(dir, "[[publish.webhook]]\ntype = \"slack\"\nurl_env = \"A\"\n[[publish.webhook]]\ntype = \"slack\"\n"
                         "url_env = \"B\"\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(contains(twice.error().message, f + ":4: a second webhook named 'slack'")) << twice.error().message;
  auto secret_for_slack = load(dir, "[[publish.webhook]]\ntype = \"slack\"\nurl_env = \"A\"\nsecret_env = \"B\"\n");
  ASSERT_FALSE(secret_for_slack.ok());
}

}  // namespace
}  // namespace infradigest
