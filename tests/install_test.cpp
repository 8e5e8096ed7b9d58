// `cmake --install` into a temporary prefix, the man page and the shell
// completions it installs.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;
using testing::TempDir;

std::string build_dir() { return std::filesystem::path(testing::infradigest_binary()).parent_path().string(); }

// Every regular file under `root`, as paths relative to it.
std::set<std::string> files_under(const std::filesystem::path& root) {
  std::set<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.insert(std::filesystem::relative(e.path(), root).string());
  return files;
}

TEST(Install, IntoATemporaryPrefixInstallsTheProgramItsManualCompletionsAndExamples) {
  TempDir prefix;
  auto r = testing::run_shell("cmake --install '" + build_dir() + "' --prefix '" + prefix.path().string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::set<std::string> expected = {
      "bin/infradigest",
      "share/man/man1/infradigest.1",
      "share/bash-completion/completions/infradigest",
      "share/zsh/site-functions/_infradigest",
      "share/fish/vendor_completions.d/infradigest.fish",
      "share/infradigest/infradigest.service",
      "share/infradigest/infradigest.timer",
      "share/infradigest/infradigest.toml",
  };
  EXPECT_EQ(files_under(prefix.path()), expected);
  auto version = testing::run_shell("'" + prefix.file("bin/infradigest") + "' -V");
  EXPECT_EQ(version.exit_code, 0) << version.out;
  EXPECT_TRUE(contains(version.out, "infradigest ")) << version.out;
}

TEST(Install, ManPageRendersWithoutWarnings) {
  if (testing::run_shell("command -v man").exit_code != 0) GTEST_SKIP() << "man is not installed (scripts/test.sh installs man-db)";
  auto r = testing::run_shell("MANWIDTH=80 man --warnings -l '" + testing::source_path("docs/infradigest.1") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "INFRADIGEST(1)")) << r.out;
  EXPECT_TRUE(contains(r.out, "EXIT STATUS")) << r.out;
  EXPECT_FALSE(contains(r.out, "warning:")) << r.out;  // groff: "troff:FILE:LINE: warning: ..."
  for (const auto& command : {"run", "sync", "report", "query", "import", "export", "explain", "site", "publish",
                              "config show", "help", "version"})
    EXPECT_TRUE(contains(r.out, std::string("       ") + command)) << command;
}

// COMPREPLY of the bash completion function for the words of a command line
// (the last one is being completed).
std::string complete_in_bash(const std::string& words) {
  TempDir dir;
  testing::write_file(dir.file("complete.sh"),
                      "source '" + testing::source_path("contrib/completions/infradigest.bash") + "'\n" +
                          "COMP_WORDS=(" + words + ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n" +
                          "_infradigest\necho \"${COMPREPLY[*]}\"\n");
  auto r = testing::run_shell("bash '" + dir.file("complete.sh") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

TEST(Install, BashCompletionCompletesCommandsAndOptionValues) {
  EXPECT_EQ(complete_in_bash("infradigest re"), "report\n");
  EXPECT_EQ(complete_in_bash("infradigest \"\""), "run sync report query import export explain site publish config help version\n");
  EXPECT_EQ(complete_in_bash("infradigest --db x.db s"), "sync site\n");
  EXPECT_EQ(complete_in_bash("infradigest report --lang \"\""), "zh en\n");
  EXPECT_EQ(complete_in_bash("infradigest report --per"), "--period\n");
  EXPECT_EQ(complete_in_bash("infradigest query --kind fi"), "fix\n");
  EXPECT_EQ(complete_in_bash("infradigest help ex"), "export explain\n");
}

// The command list of `infradigest help` (its "Commands:" block) is what the completion offers.
TEST(Install, BashCompletionKnowsEveryCommandOfTheHelp) {
  auto help = testing::run_infradigest("help");
  ASSERT_EQ(help.exit_code, 0);
  std::string listed;
  auto start = help.out.find("Commands:\n");
  ASSERT_NE(start, std::string::npos) << help.out;
  auto end = help.out.find("\n\n", start);
  std::istringstream lines(help.out.substr(start + 10, end - start - 10));
  for (std::string line, name; std::getline(lines, line);) {
    std::istringstream(line) >> name;
    listed += (listed.empty() ? "" : " ") + name;
  }
  EXPECT_EQ(complete_in_bash("infradigest \"\""), listed + "\n");
}

}  // namespace
}  // namespace infradigest
