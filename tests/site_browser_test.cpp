// The web archive in a real browser: headless Chromium (Debian `chromium`)
// loads the generated pages from file://, we check the DOM after scripts ran,
// and keep screenshots for a human to look at. Skips when chromium is absent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

namespace fs = std::filesystem;
using testing::run_infradigest;
using testing::TempDir;

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// Runs chromium headless on `url` with `mode` ("--dump-dom" or "--screenshot=PATH");
// returns stdout. A fresh profile, no network services, bounded by `timeout`.
std::string chromium(const TempDir& dir, const std::string& mode, const std::string& url,
                     const std::string& window = "1280,900") {
  const std::string out = dir.file("chromium.out");
  const std::string command =
      "timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage "
      "--user-data-dir=" + dir.file("profile") + " --window-size=" + window +
      " --virtual-time-budget=3000 " + mode + " '" + url + "' >" + out + " 2>" + dir.file("chromium.err");
  int status = std::system(command.c_str());
  EXPECT_EQ(status, 0) << command << "\n" << testing::read_file(dir.file("chromium.err"));
  return testing::read_file(out);
}

fs::path artifacts() {
  fs::path dir = fs::temp_directory_path() / "infradigest-site-screenshots";
  fs::create_directories(dir);
  return dir;
}

TEST(SiteBrowser, DayPageChartAndSearchWorkInChromium) {
  if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it); browser test skipped";
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + testing::source_path("examples/2026-02-26")).exit_code, 0);
  {
    // A hostile title, to see it shown as text in the browser.
    std::ofstream extra(dir.file("extra.jsonl"));
    extra << nlohmann::json{{"type", "commit"}, {"repo", "vllm-project/vllm"}, {"sha", std::string(40, 'e')},
                            {"committed_at", "2026-02-26T09:00:00Z"},
                            {"message", "<script>document.title='pwned'</script> harden MoE loader"}}
                 .dump()
          << "\n";
  }
  ASSERT_EQ(run_infradigest(db + " import " + dir.file("extra.jsonl")).exit_code, 0);
  auto built = run_infradigest(db + " site -o " + dir.file("site"));
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string root = "file://" + dir.file("site");

  // The day page: the report's heading, its links, the inline SVG chart; the
  // hostile title stays text (the page title is untouched, no script ran or appeared).
  const std::string day = chromium(dir, "--dump-dom", root + "/days/2026-02-26.html");
  EXPECT_TRUE(contains(day, "<title>AI 基础设施日报 · 2026-02-26</title>")) << day.substr(0, 500);
  EXPECT_TRUE(contains(day, "<h1>AI 基础设施日报 · 2026-02-26</h1>")) << day.substr(0, 500);
  EXPECT_TRUE(contains(day, "<svg")) << "heat map";
  EXPECT_TRUE(contains(day, "https://github.com/NVIDIA/cutlass/releases/tag/v4.4.1"));
  EXPECT_TRUE(contains(day, "&lt;script&gt;document.title='pwned'&lt;/script&gt; harden MoE loader")) << day;

  // A repo page: the 30-day activity chart, one bar group per day.
  const std::string repo = chromium(dir, "--dump-dom", root + "/repos/vllm-project__vllm.html");
  EXPECT_TRUE(contains(repo, "近 30 天活跃度")) << repo.substr(0, 800);
  EXPECT_TRUE(contains(repo, "<g class=\"day\"><title>2026-02-26: 30 变更")) << repo;

  // Search runs from ?q= on load, from file://.
  const std::string search = chromium(dir, "--dump-dom", root + "/search.html?q=cutlass%20fixed");
  EXPECT_TRUE(contains(search, "找到 ")) << search;
  EXPECT_TRUE(contains(search, "Fixed register index bug")) << search;
  EXPECT_FALSE(contains(search, "找到 0 条结果")) << search;
  // A hit links to its item's id on the day page (site/item_anchors.h).
  EXPECT_TRUE(contains(search, "<a href=\"days/2026-02-26.html#edf2f82\">Fixed register index bug")) << search;
  EXPECT_TRUE(contains(day, "<li id=\"edf2f82\">")) << day;

  // Screenshots for a human: desktop index, phone day page.
  const fs::path shots = artifacts();
  chromium(dir, "--screenshot=" + (shots / "index-desktop.png").string(), root + "/index.html", "1280,1400");
  chromium(dir, "--screenshot=" + (shots / "day-phone.png").string(), root + "/days/2026-02-26.html", "390,1600");
  for (const char* f : {"index-desktop.png", "day-phone.png"}) {
    ASSERT_TRUE(fs::exists(shots / f)) << f;
    EXPECT_GT(fs::file_size(shots / f), 10'000u) << f;
  }
  std::cout << "screenshots: " << shots.string() << "\n";
}

}  // namespace
}  // namespace infradigest
