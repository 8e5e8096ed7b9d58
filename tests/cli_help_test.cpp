// Help of the binary: every command's options, the global options and an
// example; `help help`, -V; the exit-status table shared by help, README and
// the man page.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/exit_status.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;
using testing::run_infradigest;

TEST(CliHelp, EveryCommandsHelpShowsItsOptionsTheGlobalOptionsAndAnExample) {
  struct Expect {
    const char* command;
    const char* option;
  };
  for (const auto& [command, option] :
       {Expect{"run", "--no-llm"}, Expect{"sync", "--since"}, Expect{"report", "--lang"}, Expect{"query", "--kind"},
        Expect{"import", "PATH"}, Expect{"export", "--output"}, Expect{"explain", "--format"},
        Expect{"site", "--base-url"}, Expect{"publish", "--dry-run"}, Expect{"config", "ACTION"},
        Expect{"help", "COMMAND"}, Expect{"version", "Usage"}}) {
    for (const std::string& form : {std::string(command) + " --help", std::string("help ") + command}) {
      auto r = run_infradigest(form);
      EXPECT_EQ(r.exit_code, 0) << form << "\n" << r.err;
      EXPECT_TRUE(contains(r.out, option)) << form << "\n" << r.out;
      EXPECT_TRUE(contains(r.out, "Global options")) << form << "\n" << r.out;
      EXPECT_TRUE(contains(r.out, "--config FILE")) << form;
      EXPECT_TRUE(contains(r.out, "--now ISO8601")) << form;
      EXPECT_TRUE(contains(r.out, "Example:\n  infradigest ")) << form << "\n" << r.out;
    }
  }
}

TEST(CliHelp, HelpHelpAndShortVersionWork) {
  auto help = run_infradigest("help help");
  EXPECT_EQ(help.exit_code, 0) << help.err;
  EXPECT_TRUE(contains(help.out, "Usage: infradigest help [COMMAND]")) << help.out;
  auto v = run_infradigest("-V");
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, run_infradigest("--version").out);
  EXPECT_TRUE(v.out.starts_with("infradigest ")) << v.out;
  auto typo = run_infradigest("help reprot");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_TRUE(contains(typo.err, "did you mean 'report'")) << typo.err;
}

// "CODE  MEANING" lines, from each place the table is written.
std::vector<std::string> exit_rows_from_code() {
  std::vector<std::string> rows;
  for (const auto& row : kExitStatusMeanings) rows.push_back(std::to_string(static_cast<int>(row.status)) + "  " + std::string(row.meaning));
  return rows;
}

std::vector<std::string> exit_rows_from_help() {
  auto r = run_infradigest("help");
  std::vector<std::string> rows;
  auto start = r.out.find("Exit status:\n");
  if (start == std::string::npos) return rows;
  std::istringstream lines(r.out.substr(start + 13));
  for (std::string line; std::getline(lines, line) && line.starts_with("  ");) rows.push_back(line.substr(2));
  return rows;
}

std::vector<std::string> exit_rows_from_readme() {
  std::string text = testing::read_file(testing::source_path("README.md"));
  auto start = text.find("### Exit status");
  std::vector<std::string> rows;
  if (start == std::string::npos) return rows;
  std::istringstream lines(text.substr(start));
  static const std::regex row(R"(^\| (\d) \| (.*) \|$)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, row)) rows.push_back(m[1].str() + "  " + m[2].str());
    else if (line.starts_with("## ")) break;
  }
  return rows;
}

std::vector<std::string> exit_rows_from_man_page() {
  std::string text = testing::read_file(testing::source_path("docs/infradigest.1"));
  auto start = text.find(".SH EXIT STATUS\n");
  std::vector<std::string> rows;
  if (start == std::string::npos) return rows;
  std::istringstream lines(text.substr(start + 16));
  for (std::string line; std::getline(lines, line) && !line.starts_with(".SH");) {
    if (line.starts_with(".B ")) rows.push_back(line.substr(3) + "  ");
    else if (!line.starts_with(".") && !rows.empty()) rows.back() += line;
  }
  return rows;
}

TEST(CliHelp, ExitStatusTableIsTheSameInHelpReadmeAndManPage) {
  const auto expected = exit_rows_from_code();
  ASSERT_EQ(expected.size(), 5u);
  EXPECT_EQ(exit_rows_from_help(), expected);
  EXPECT_EQ(exit_rows_from_readme(), expected);
  EXPECT_EQ(exit_rows_from_man_page(), expected);
}


TEST(CliHelp, ConfigShowNamesTheStoreTheFileReadAndWhichVariablesAreSetNeverTheirValues) {
  testing::TempDir dir;
  testing::write_file(dir.file("c.toml"),
                      "[llm]\nbase_url = \"http://127.0.0.1:9/v1\"\napi_key_env = \"MY_LLM_KEY\"\nmodels = [\"m\"]\n"
                      "[[publish.webhook]]\ntype = \"feishu\"\nurl_env = \"HOOK_URL\"\nsecret_env = \"HOOK_SECRET\"\n");
  auto r = run_infradigest("--config " + dir.file("c.toml") + " --db " + dir.file("s.db") + " config show",
                           "HOOK_URL=https://hooks.example/very-secret-path MY_LLM_KEY=sk-very-secret");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "# config file: " + dir.file("c.toml") + "\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "# store: " + dir.file("s.db") + "\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "#   llm.api_key_env: MY_LLM_KEY is set\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "#   publish.webhook[0].url_env: HOOK_URL is set\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "#   publish.webhook[0].secret_env: HOOK_SECRET is not set\n")) << r.out;
  EXPECT_FALSE(contains(r.out + r.err, "very-secret")) << r.out;

  // No file: which one was looked for; the default store under XDG_DATA_HOME.
  auto defaults = run_infradigest("config show", "XDG_DATA_HOME=" + dir.file("data"));
  ASSERT_EQ(defaults.exit_code, 0) << defaults.err;
  EXPECT_TRUE(contains(defaults.out, "# config file: none (no --config, INFRADIGEST_CONFIG unset, ")) << defaults.out;
  EXPECT_TRUE(contains(defaults.out, "# store: " + dir.file("data") + "/infradigest/infradigest.db (default location)\n"))
      << defaults.out;
}

}  // namespace
}  // namespace infradigest
