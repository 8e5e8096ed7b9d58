// cmake/sources.cmake lists every source by hand (no glob). This catches the
// two ways a hand-kept list goes wrong: a .cpp added to the tree but not to
// the list (its code, or its tests, would silently never be built) and a
// listed file that was removed or renamed.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "test_support.h"

namespace infradigest {
namespace {

namespace fs = std::filesystem;

// The relative paths between `set(NAME` and its closing `)` in sources.cmake.
std::set<std::string> listed_sources(const std::string& list_name) {
  std::istringstream lines(testing::read_file(testing::source_path("cmake/sources.cmake")));
  std::set<std::string> listed;
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    const auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] == '#') continue;
    const std::string word = line.substr(start);
    if (!inside) {
      inside = word == "set(" + list_name;
      continue;
    }
    if (word == ")") break;
    listed.insert(word);
  }
  return listed;
}

// The .cpp files on disk under `folder` whose names end with `suffix`,
// `depth` levels down (1: folder/x.cpp, 2: folder/sub/x.cpp).
std::set<std::string> sources_on_disk(const std::string& folder, const std::string& suffix, int depth) {
  std::set<std::string> found;
  const fs::path root = testing::source_path("");
  for (auto it = fs::recursive_directory_iterator(root / folder); it != fs::recursive_directory_iterator(); ++it) {
    if (it.depth() + 1 > depth) it.disable_recursion_pending();
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file() || it.depth() + 1 != depth) continue;
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      found.insert(fs::relative(it->path(), root).generic_string());
  }
  return found;
}

TEST(SourceLists, EveryCoreSourceIsListedAndEveryListedOneExists) {
  EXPECT_EQ(listed_sources("INFRADIGEST_CORE_SOURCES"), sources_on_disk("src", ".cpp", 2));
}

TEST(SourceLists, EveryTestFileIsListedAndEveryListedOneExists) {
  auto on_disk = sources_on_disk("tests", "_test.cpp", 1);
  on_disk.insert({"tests/test_support.cpp", "tests/fake_http_server.cpp", "tests/self_signed_certificate.cpp"});
  EXPECT_EQ(listed_sources("INFRADIGEST_TEST_SOURCES"), on_disk);
}

}  // namespace
}  // namespace infradigest
