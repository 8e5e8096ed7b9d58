// Which lines of a release's notes the 摘要 quotes, and which releases are
// nightly builds that never lead it.
#include "compose/release_notes.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "compose/composer.h"
#include "compose/period_statements.h"
#include "composed_day_fixture.h"

namespace infradigest {
namespace {

TEST(ReleaseNotes, QuotesFixesVerbatimAndSkipsHousekeeping) {
  const std::string notes =
      "Bug fixes and improvements\n"
      "- Fixed segfault issue with tvm-ffi on aarch64\n"
      "- Fixed driver TMA descriptor related bug on Blackwell for tensors with <128KB allocation\n"
      "- Updated version numbers across all Python packages and documentation";
  const auto quoted = notable_release_notes(notes, 2, 200);
  ASSERT_EQ(quoted.size(), 2u);
  EXPECT_EQ(quoted[0], "Fixed segfault issue with tvm-ffi on aarch64");
  EXPECT_EQ(quoted[1], "Fixed driver TMA descriptor related bug on Blackwell for tensors with <128KB allocation");
}

TEST(ReleaseNotes, WordsMatchAtWordStartsOnly) {
  // "nan" inside "maintenance", "fix" inside "prefix", "add" inside "padding".
  EXPECT_TRUE(notable_release_notes("Routine maintenance of the prefix padding tables", 3, 200).empty());
  EXPECT_EQ(notable_release_notes("Avoid NaN in softmax", 3, 200).size(), 1u);
}

TEST(ReleaseNotes, LongLinesAreClippedAtACharacter) {
  const std::string line = "Fixed " + std::string(300, 'x') + " 崩溃";
  const auto quoted = notable_release_notes(line, 1, 40);
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_LE(quoted[0].size(), 40u + 3);  // "…" is three bytes
}

TEST(ReleaseNotes, NightlyAndDevBuildsAreRecognised) {
  EXPECT_TRUE(is_nightly_release("nightly-v0.6.13-20260609", ""));
  EXPECT_TRUE(is_nightly_release("v1.2.0.dev20260609", ""));
  EXPECT_TRUE(is_nightly_release("v0.6.13", "Nightly build 2026-06-09"));
  EXPECT_FALSE(is_nightly_release("v4.4.1", "CUTLASS 4.4.1"));
  EXPECT_FALSE(is_nightly_release("v0.11.0rc1", ""));
}

TEST(ReleaseNotes, ANightlyNeverLeadsTheSummaryButAStableReleaseDoes) {
  Activity day;
  Release nightly;
  nightly.repo = "flashinfer-ai/flashinfer";
  nightly.tag = "nightly-v0.6.13-20260226";
  nightly.published_at = testing::at("2026-02-26T03:00:00Z");
  nightly.prerelease = true;
  day.releases.push_back(nightly);
  day.commits.push_back(testing::commit("flashinfer-ai/flashinfer", 'a', "perf: faster GDN decode kernel (#1)",
                                        {"csrc/gdn_decode.cu"}));
  const std::vector<std::string> watch{"flashinfer-ai/flashinfer"};
  Report r = compose_report(day, testing::window(), watch, Language::kEn);
  for (const auto& s : r.summary) EXPECT_EQ(s.plain_text().find("nightly"), std::string::npos) << s.plain_text();

  Release stable = nightly;
  stable.tag = "v0.6.13";
  stable.prerelease = false;
  stable.body = "- Fixed a crash in the MLA decode kernel on sm100";
  day.releases.push_back(stable);
  r = compose_report(day, testing::window(), watch, Language::kEn);
  ASSERT_GE(r.summary.size(), 2u);
  EXPECT_EQ(r.summary[1].plain_text(),
            "Released: flashinfer-ai/flashinfer v0.6.13 — “Fixed a crash in the MLA decode kernel on sm100”.");
}

TEST(ReleaseNotes, AWeekOfNightliesIsOneCountedLineAfterTheStableReleases) {
  std::vector<PeriodRelease> week;
  for (int d = 3; d <= 9; ++d) {
    const std::string tag = fmt::format("nightly-v0.6.13-202606{:02}", d);
    week.push_back(PeriodRelease{ReportRelease{"release:flashinfer-ai/flashinfer@" + tag, tag, std::nullopt,
                                               "https://github.com/flashinfer-ai/flashinfer/releases/tag/" + tag,
                                               true, std::nullopt, std::nullopt},
                                 "flashinfer-ai/flashinfer", testing::day(fmt::format("2026-06-{:02}", d).c_str())});
  }
  week.insert(week.begin() + 2, PeriodRelease{ReportRelease{"release:NVIDIA/cutlass@v4.5.0", "v4.5.0", std::nullopt,
                                                            "https://github.com/NVIDIA/cutlass/releases/tag/v4.5.0",
                                                            false, std::nullopt, std::nullopt},
                                              "NVIDIA/cutlass", testing::day("2026-06-05")});
  const auto lines = compose_release_lines(week, Language::kZh);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].plain_text(), "NVIDIA/cutlass v4.5.0 · 06-05");
  EXPECT_EQ(lines[1].plain_text(),
            "flashinfer-ai/flashinfer 7 个 nightly 构建（06-03 至 06-09），最新 nightly-v0.6.13-20260609");
  EXPECT_EQ(lines[1].cites.size(), 7u) << "every build is cited";
}

}  // namespace
}  // namespace infradigest
