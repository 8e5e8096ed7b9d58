// Colour on a terminal for errors and warnings; none under NO_COLOR, TERM=dumb
// or when stderr is not a terminal.
#include "core/terminal_colour.h"

#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "test_support.h"

namespace infradigest {
namespace {

auto colour_env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

TEST(TerminalColour, OnlyOnATerminalWithoutNoColorOrADumbTerm) {
  EXPECT_TRUE(colour_wanted(true, colour_env({{"TERM", "xterm-256color"}})));
  EXPECT_TRUE(colour_wanted(true, colour_env({{"NO_COLOR", ""}})));  // empty counts as unset (no-color.org)
  EXPECT_FALSE(colour_wanted(false, colour_env({})));
  EXPECT_FALSE(colour_wanted(true, colour_env({{"NO_COLOR", "1"}})));
  EXPECT_FALSE(colour_wanted(true, colour_env({{"TERM", "dumb"}})));
}

TEST(TerminalColour, ColoursTheWordOfDiagnosticLinesOnly) {
  EXPECT_EQ(colour_diagnostic_line("infradigest: error: no store"), "infradigest: \033[1;31merror\033[0m: no store");
  EXPECT_EQ(colour_diagnostic_line("infradigest: warning: X is not set"),
            "infradigest: \033[1;33mwarning\033[0m: X is not set");
  EXPECT_EQ(colour_diagnostic_line("a report line with error: in it"), "a report line with error: in it");
  EXPECT_EQ(colour_diagnostic_line("infradigest: synced 3 repositories"), "infradigest: synced 3 repositories");
}

TEST(TerminalColour, StreambufColoursWholeLinesFromSeveralThreadsWithoutMixingThem) {
  std::ostringstream target;
  {
    ColouringStreambuf colouring(target.rdbuf());
    std::ostream out(&colouring);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&out] {
        // One write per line, as the CLI's diagnostics are: separate `<<` calls
        // from several threads interleave in any stream, coloured or not.
        for (int i = 0; i < 50; ++i) out << std::string("infradigest: error: line\n");
      });
    for (auto& t : threads) t.join();
    out << "infradigest: warning: no newline yet";
  }  // destruction writes the partial line
  std::istringstream lines(target.str());
  int errors = 0;
  std::string line, last;
  while (std::getline(lines, line)) {
    if (line == "infradigest: \033[1;31merror\033[0m: line") ++errors;
    last = line;
  }
  EXPECT_EQ(errors, 200);
  EXPECT_EQ(last, "infradigest: \033[1;33mwarning\033[0m: no newline yet");
}

std::string colour_capture(const std::string& command) { return testing::run_shell(command).out; }

// The binary on a pseudo-terminal (script(1)) colours; through a pipe it does not.
TEST(TerminalColour, TheBinaryColoursOnATerminalOnly) {
  testing::TempDir dir;
  const std::string run = "'" + testing::infradigest_binary() + "' --db '" + dir.file("s.db") + "' query --limit 0";
  auto piped = testing::run_infradigest("--db " + dir.file("s.db") + " query --limit 0");
  EXPECT_EQ(piped.err, "infradigest: error: --limit must be at least 1\n");
  if (colour_capture("command -v script").empty()) GTEST_SKIP() << "script(1) (util-linux) is not installed";
  auto tty = colour_capture("env -u NO_COLOR TERM=xterm HOME='" + dir.path().string() + "' script -qec \"" + run +
                            "\" /dev/null");
  EXPECT_NE(tty.find("infradigest: \033[1;31merror\033[0m: --limit must be at least 1"), std::string::npos) << tty;
  auto no_colour = colour_capture("NO_COLOR=1 TERM=xterm HOME='" + dir.path().string() + "' script -qec \"" + run +
                                  "\" /dev/null");
  EXPECT_NE(no_colour.find("infradigest: error: --limit must be at least 1"), std::string::npos) << no_colour;
  EXPECT_EQ(no_colour.find('\033'), std::string::npos) << no_colour;
}

}  // namespace
}  // namespace infradigest
