// The set-up split: the main job installs and builds only what the program
// needs; the test script adds the test-only packages; CI runs exactly the
// README's test command.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

std::set<std::string> listed_packages(const std::string& options) {
  auto r = testing::run_shell("'" + testing::source_path("scripts/install-deps.sh") + "' --list " + options);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> packages;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) packages.insert(line);
  return packages;
}

TEST(SetupScripts, TheMainJobInstallsNoTestOnlyPackage) {
  const auto run = listed_packages("");
  const auto tests = listed_packages("--tests");
  for (const char* p : {"cmake", "libsqlite3-dev", "libcurl4-openssl-dev", "libcmark-gfm-dev", "tzdata"}) {
    EXPECT_TRUE(run.contains(p)) << p;
    EXPECT_TRUE(tests.contains(p)) << p;
  }
  for (const char* p : {"chromium", "fonts-wqy-microhei", "jing", "libxml2-utils", "libgtest-dev", "libcpp-httplib-dev",
                        "clang", "man-db"}) {
    EXPECT_FALSE(run.contains(p)) << p;
    EXPECT_TRUE(tests.contains(p)) << p;
  }
}

TEST(SetupScripts, EachScriptInstallsItsOwnSetAndCiRunsTheReadmeTestCommand) {
  const auto example = testing::read_file(testing::source_path("scripts/run-example.sh"));
  EXPECT_TRUE(contains(example, "\n./scripts/install-deps.sh >&2\n")) << example;
  const auto test = testing::read_file(testing::source_path("scripts/test.sh"));
  EXPECT_TRUE(contains(test, "\n./scripts/install-deps.sh --tests\n")) << test;
  const auto readme = testing::read_file(testing::source_path("README.md"));
  EXPECT_TRUE(contains(readme, "```sh\n./scripts/run-example.sh\n```")) << "README quick start";
  EXPECT_TRUE(contains(readme, "```sh\n./scripts/test.sh ")) << "README test command";
  const auto ci = testing::read_file(testing::source_path(".ci/run"));
  EXPECT_TRUE(contains(ci, "\nexec ./scripts/test.sh\n")) << ci;
}

// Without GoogleTest (a fresh machine after the main job's set-up) the program
// still configures: the tests are left out, not the build.
TEST(SetupScripts, TheProgramConfiguresWithoutTheTestPackages) {
  testing::TempDir dir;
  auto r = testing::run_shell("cmake -S '" + testing::source_path(".") + "' -B '" + dir.file("build") +
                           "' -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "building the program without its tests")) << r.out;
}

}  // namespace
}  // namespace infradigest
