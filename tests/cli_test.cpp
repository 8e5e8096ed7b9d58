// End-to-end tests of the infradigest binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;
using testing::TempDir;

std::string example() { return testing::source_path("examples/2026-02-26"); }

// Sets environment variables of this process for one test, then restores them.
class ScopedEnvironment {
 public:
  explicit ScopedEnvironment(std::vector<std::pair<std::string, std::string>> vars) {
    for (auto& [name, value] : vars) {
      const char* old = std::getenv(name.c_str());
      saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      setenv(name.c_str(), value.c_str(), 1);
    }
  }
  ~ScopedEnvironment() {
    for (const auto& [name, old] : saved_) {
      if (old) setenv(name.c_str(), old->c_str(), 1);
      else unsetenv(name.c_str());
    }
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(Cli, TheBinaryUnderTestSeesNoneOfTheTestRunnersSettings) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("xdg/infradigest"));
  std::filesystem::create_directories(dir.file("home/.config/infradigest"));
  testing::write_file(dir.file("xdg/infradigest/config.toml"), "timezone = \"Asia/Tokyo\"\n");
  testing::write_file(dir.file("home/.config/infradigest/config.toml"), "timezone = \"Europe/Paris\"\n");
  ScopedEnvironment stray({{"INFRADIGEST_DB", dir.file("stray.db")},
                           {"INFRADIGEST_LANGUAGE", "en"},
                           {"XDG_CONFIG_HOME", dir.file("xdg")},
                           {"HOME", dir.file("home")}});
  auto r = run_infradigest("config show");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The default store's path, resolved — not INFRADIGEST_DB's stray one, and not "".
  EXPECT_NE(r.out.find("(default) db = \"/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("infradigest.db\"\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("stray.db"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(default) language = \"zh\"\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(default) timezone = \"UTC\"\n"), std::string::npos) << r.out;
  // What a test passes still reaches the binary.
  auto passed = run_infradigest("config show", "INFRADIGEST_LANGUAGE=en");
  EXPECT_NE(passed.out.find("(environment: INFRADIGEST_LANGUAGE) language = \"en\"\n"), std::string::npos)
      << passed.out;
}

TEST(Cli, TypoGetsDidYouMeanAndUsageExit) {
  auto r = run_infradigest("reprot");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'report'"), std::string::npos) << r.err;
}

TEST(Cli, HelpListsEveryCommand) {
  auto r = run_infradigest("help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"report", "import", "export", "config", "help", "version"})
    EXPECT_NE(r.out.find(std::string("  ") + c), std::string::npos) << c;
}

TEST(Cli, MalformedSnapshotImportsNothing) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "snap");
  testing::write_file(dir.file("snap/a.jsonl"),
                      R"({"type":"issue","repo":"a/b","number":1,"title":"fine","created_at":"2026-02-26"})" "\n");
  testing::write_file(dir.file("snap/b.jsonl"),
                      R"({"type":"issue","repo":"a/b","number":2,"title":"ok","created_at":"2026-02-26"})" "\n"
                      R"({"type":"issue","repo":"a/b","number":3,"title":"broken",)" "\n");
  const std::string db = "--db " + dir.file("s.db");
  auto r = run_infradigest(db + " import " + dir.file("snap"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("b.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  auto exported = run_infradigest(db + " export");
  EXPECT_EQ(exported.exit_code, 0);
  EXPECT_EQ(exported.out.find("\"issue\""), std::string::npos) << exported.out;
}

TEST(Cli, ImportIsIdempotentAndExportRoundTripsLosslessly) {
  TempDir dir;
  const std::string db1 = "--db " + dir.file("one.db"), db2 = "--db " + dir.file("two.db");
  ASSERT_EQ(run_infradigest(db1 + " import " + example()).exit_code, 0);
  auto again = run_infradigest(db1 + " import " + example());
  EXPECT_NE(again.err.find(" 0 new, 0 updated,"), std::string::npos) << again.err;
  ASSERT_EQ(run_infradigest(db1 + " export -o " + dir.file("a.jsonl")).exit_code, 0);
  ASSERT_EQ(run_infradigest(db2 + " import " + dir.file("a.jsonl")).exit_code, 0);
  auto b = run_infradigest(db2 + " export");
  EXPECT_EQ(b.out, testing::read_file(dir.file("a.jsonl")));
}

TEST(Cli, ReportOnAnEmptyStoreExplainsWhatToDo) {
  TempDir dir;
  auto r = run_infradigest("--db " + dir.file("empty.db") + " report --date 2026-02-26");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("infradigest import"), std::string::npos) << r.err;
}

TEST(Cli, DefaultDateIsYesterdayInTheConfiguredTimezone) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + example()).exit_code, 0);
  // 2026-02-27T20:00Z is already 2026-02-28 in Shanghai: yesterday there is the 27th.
  auto sh = run_infradigest(db + " --now 2026-02-27T20:00:00Z report --timezone Asia/Shanghai");
  EXPECT_NE(sh.out.find("2026-02-27"), std::string::npos);
  auto utc = run_infradigest(db + " --now 2026-02-27T20:00:00Z report");
  EXPECT_NE(utc.out.find("# AI 基础设施日报 · 2026-02-26"), std::string::npos) << utc.out.substr(0, 200);
}

TEST(Cli, ArchiveKeepsTheNewestDayInlineWhenBackfilling) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  const std::string env = "INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports");
  ASSERT_EQ(run_infradigest(db + " import " + example()).exit_code, 0);
  ASSERT_EQ(run_infradigest(db + " report --date 2026-02-26 --archive", env).exit_code, 0);
  ASSERT_EQ(run_infradigest(db + " report --date 2026-02-20 --archive", env).exit_code, 0);
  auto index = testing::read_file(dir.file("reports/README.md"));
  EXPECT_NE(index.find("[2026-02-26](2026-02-26.md)"), std::string::npos);
  EXPECT_NE(index.find("- [2026-02-20](2026-02-20.md)"), std::string::npos);
  EXPECT_NE(index.find("## AI 基础设施日报 · 2026-02-26"), std::string::npos) << index;
  EXPECT_TRUE(std::filesystem::exists(dir.file("reports/2026-02-20.md")));
}

TEST(Cli, ConfigShowNamesOrigins) {
  TempDir dir;
  testing::write_file(dir.file("c.toml"), "timezone = \"Asia/Shanghai\"\n");
  auto r = run_infradigest("--config " + dir.file("c.toml") + " config show", "INFRADIGEST_LANGUAGE=en");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("(" + dir.file("c.toml") + ":1) timezone = \"Asia/Shanghai\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(environment: INFRADIGEST_LANGUAGE) language = \"en\""), std::string::npos) << r.out;
}

TEST(Cli, BadConfigIsAUsageErrorWithFileAndLine) {
  TempDir dir;
  testing::write_file(dir.file("c.toml"), "language = \"zh\"\ntimzone = \"UTC\"\n");
  auto r = run_infradigest("--config " + dir.file("c.toml") + " config show");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("c.toml:2"), std::string::npos) << r.err;
}

TEST(Cli, UnknownTimezoneIsAUsageError) {
  TempDir dir;
  auto r = run_infradigest("--db " + dir.file("s.db") + " report --date 2026-02-26 --timezone Mars/Base");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Mars/Base"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace infradigest
