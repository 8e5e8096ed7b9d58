// [llm] settings: from the config to what the writer uses.
#include <gtest/gtest.h>

#include <map>

#include "config/config_value.h"
#include "llm/llm_settings.h"

namespace infradigest {
namespace {

GetEnv env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(LlmConfig, NoBaseUrlMeansNoLlm) {
  auto s = llm_settings_from_config(LlmConfig{}, env({}));
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->has_value());
}

TEST(LlmConfig, SettingsReadTheKeyFromTheNamedVariable) {
  LlmConfig c;
  c.base_url = "http://localhost:8000/v1/";
  c.api_key_env = "MY_LLM_KEY";
  c.models = {"m1", "m2"};
  c.timeout = 2.5;
  auto s = llm_settings_from_config(c, env({{"MY_LLM_KEY", "sk-123"}}));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ((*s)->endpoint(), "http://localhost:8000/v1/chat/completions");
  EXPECT_EQ((*s)->api_key, "sk-123");
  EXPECT_EQ((*s)->timeout, std::chrono::milliseconds(2500));
  EXPECT_EQ((*s)->models, (std::vector<std::string>{"m1", "m2"}));
}

TEST(LlmConfig, MistakesNameTheKeyNeverAValue) {
  LlmConfig c;
  c.base_url = "http://localhost:8000/v1";
  EXPECT_EQ(llm_settings_from_config(c, env({})).error().message,
            "'llm.models' must list at least one model when 'llm.base_url' is set");
  c.models = {"m"};
  c.api_key_env = "MY_LLM_KEY";
  EXPECT_EQ(llm_settings_from_config(c, env({{"MY_LLM_KEY", ""}})).error().message,
            "'llm.api_key_env' names MY_LLM_KEY, which is not set: export it, or run with --no-llm");
}

TEST(LlmConfig, NumbersParseAndPrintAsTomlFloats) {
  EXPECT_EQ(std::get<double>(parse_value_text(ConfigType::kDouble, " 0.25 ").value()), 0.25);
  EXPECT_EQ(parse_value_text(ConfigType::kDouble, "warm").error().message, "must be a number (got \"warm\")");
  EXPECT_FALSE(parse_value_text(ConfigType::kDouble, "nan").ok());
  EXPECT_EQ(format_toml_value(ConfigValue{120.0}), "120.0");
  EXPECT_EQ(format_toml_value(ConfigValue{0.2}), "0.2");
}

}  // namespace
}  // namespace infradigest
