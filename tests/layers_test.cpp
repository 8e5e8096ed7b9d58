// The folders under src/ include each other in one direction only
// (scripts/check_layers.py holds the layers; ARCHITECTURE.md draws them).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace infradigest {
namespace {

TEST(Layers, NoFolderIncludesItsOwnLayerOrAHigherOne) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 is not installed";
  testing::TempDir dir;
  const std::string command = "python3 " + testing::source_path("scripts/check_layers.py") + " " +
                              testing::source_path("src") + " 2>" + dir.file("err");
  EXPECT_EQ(std::system(command.c_str()), 0) << testing::read_file(dir.file("err"));
}

TEST(Layers, TheCheckFindsABackEdge) {
  if (std::system("command -v python3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 is not installed";
  testing::TempDir dir;
  for (const char* folder : {"core", "render"}) std::filesystem::create_directories(dir.path() / "src" / folder);
  testing::write_file(dir.file("src/render/page.h"), "#include \"core/result.h\"\n");
  testing::write_file(dir.file("src/core/result.h"), "#include \"render/page.h\"\n");
  const std::string command = "python3 " + testing::source_path("scripts/check_layers.py") + " " + dir.file("src") +
                              " 2>" + dir.file("err");
  EXPECT_NE(std::system(command.c_str()), 0);
  EXPECT_NE(testing::read_file(dir.file("err")).find("core/ includes render/"), std::string::npos)
      << testing::read_file(dir.file("err"));
}

}  // namespace
}  // namespace infradigest
