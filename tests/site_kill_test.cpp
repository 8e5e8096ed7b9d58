// `site` killed with SIGKILL at any moment: the store stays consistent and a
// re-run writes exactly the site an uninterrupted run writes. The kill lands
// at several points (0 to 80 ms after the start); every assertion holds
// whatever point it landed at, so the test does not depend on timing.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "store/database.h"
#include "test_support.h"

namespace infradigest {
namespace site_kill {

using testing::run_infradigest;
using testing::TempDir;
namespace fs = std::filesystem;

const std::string kEnv = "INFRADIGEST_REPOS=vllm-project/vllm,NVIDIA/cutlass,sgl-project/sglang";

std::string args(const TempDir& dir) {
  return "--db " + dir.file("s.db") + " --now 2026-02-27T09:00:00Z site -o " + dir.file("site");
}

void import_example(const TempDir& dir) {
  auto r = run_infradigest("--db " + dir.file("s.db") + " import " + testing::source_path("examples/2026-02-26"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// Every file under `root` (relative path -> content).
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = testing::read_file(e.path().string());
  return out;
}

TEST(SiteKill, KillDashNineMidSiteThenARerunWritesTheSameSite) {
  TempDir reference;
  import_example(reference);
  auto r = run_infradigest(args(reference), kEnv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto expected = files_under(reference.path() / "site");
  ASSERT_GT(expected.size(), 3u);

  int killed = 0;
  for (int delay_ms : {0, 2, 5, 10, 20, 40, 80}) {
    TempDir dir;
    import_example(dir);
    const pid_t pid = testing::start_infradigest(args(dir), kEnv, dir.file("killed.log"), dir.file("home"));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    killed += WIFSIGNALED(status) ? 1 : 0;

    auto db = Database::open(dir.file("s.db"));
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto check = db->prepare("PRAGMA integrity_check").value();
    ASSERT_TRUE(check.step().value());
    EXPECT_EQ(check.text_or_empty(0), "ok") << "after a kill at " << delay_ms << " ms";

    auto rerun = run_infradigest(args(dir), kEnv);
    ASSERT_EQ(rerun.exit_code, 0) << "after a kill at " << delay_ms << " ms: " << rerun.err;
    const auto written = files_under(dir.path() / "site");
    EXPECT_EQ(written.size(), expected.size()) << "after a kill at " << delay_ms << " ms";
    for (const auto& [path, content] : expected) {
      auto it = written.find(path);
      ASSERT_NE(it, written.end()) << path << " missing after a kill at " << delay_ms << " ms";
      EXPECT_EQ(it->second, content) << path << " differs after a kill at " << delay_ms << " ms";
    }
  }
  EXPECT_GT(killed, 0) << "no run was killed before it ended";
}

}  // namespace site_kill
}  // namespace infradigest
