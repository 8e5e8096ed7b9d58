// The deployment files we ship must keep working as the config keys evolve:
// contrib/infradigest.toml as it is, and with every commented-out section
// switched on (what a user does when they enable the LLM or webhooks).
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;
using testing::TempDir;

const char* const kShippedConfig = "contrib/infradigest.toml";

// "# key = value" and "# [table]" lines become live; prose comments ("# A
// deployment config …") stay comments because they are not TOML.
std::string uncomment_settings(const std::string& toml) {
  std::istringstream in(toml);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) {
      const std::string rest = line.substr(2);
      const bool table = !rest.empty() && rest[0] == '[';
      const bool setting = rest.find(" = ") != std::string::npos && rest.find(' ') == rest.find(" = ");
      if (table || setting) line = rest;
    }
    out += line + "\n";
  }
  return out;
}

TEST(ContribConfig, ShippedConfigIsValidAsItIs) {
  auto r = run_infradigest("--config " + testing::source_path(kShippedConfig) + " config show");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("timezone = \"Asia/Shanghai\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("site.dir = \"site\""), std::string::npos) << r.out;
}

TEST(ContribConfig, EveryCommentedOutSectionIsValidWhenSwitchedOn) {
  TempDir dir;
  const std::string enabled = uncomment_settings(testing::read_file(testing::source_path(kShippedConfig)));
  ASSERT_NE(enabled.find("\n[llm]\n"), std::string::npos) << enabled;
  ASSERT_NE(enabled.find("\n[[publish.webhook]]\n"), std::string::npos) << enabled;
  testing::write_file(dir.file("config.toml"), enabled);
  auto r = run_infradigest("--config " + dir.file("config.toml") + " config show");
  EXPECT_EQ(r.exit_code, 0) << r.err << "\n" << enabled;
  EXPECT_NE(r.out.find("llm.api_key_env = \"LLM_API_KEY\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("site.base_url = \"https://example.org/infra/\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace infradigest
