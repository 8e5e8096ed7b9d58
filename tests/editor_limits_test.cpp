// The editor's limits (issue 16) on the reference day, end to end through the
// binary, in both languages: a 摘要 of the counts line plus at most six ranked
// lines, an 影响评估 of about fifteen lines, and no item linked more than
// twice in the whole report (once in the day sections, once in its repo).
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>

#include "reference_day_store.h"

namespace infradigest {
namespace {

class EditorLimits : public testing::ReferenceDayStore {
 protected:
  static std::string markdown(const std::string& lang) { return report(lang); }

  // The bullet lines between the heading line starting with `from` and the
  // next heading of the same level.
  static std::vector<std::string> bullets(const std::string& md, const std::string& from) {
    std::vector<std::string> out;
    std::istringstream in(md);
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("## ")) inside = line.starts_with(from);
      else if (inside && line.starts_with("- ")) out.push_back(line);
    }
    return out;
  }
};

TEST_F(EditorLimits, SummaryIsTheCountsLinePlusAtMostSixRankedLines) {
  for (auto [lang, heading] : {std::pair{"zh", "## 摘要"}, std::pair{"en", "## Summary"}}) {
    const auto lines = bullets(markdown(lang), heading);
    ASSERT_GE(lines.size(), 2u) << lang;
    EXPECT_LE(lines.size(), 7u) << lang;
  }
}

TEST_F(EditorLimits, ImpactIsAboutFifteenLines) {
  for (auto [lang, heading] : {std::pair{"zh", "## 影响评估"}, std::pair{"en", "## Impact"}}) {
    const auto lines = bullets(markdown(lang), heading);
    ASSERT_GE(lines.size(), 5u) << lang;
    EXPECT_LE(lines.size(), 15u) << lang;
  }
}

TEST_F(EditorLimits, NoItemIsLinkedMoreThanTwice) {
  const std::regex link(R"(\]\((https://github\.com/[^)]+/(commit|pull|issues)/[^)]+)\))");
  for (const std::string lang : {"zh", "en"}) {
    const std::string md = markdown(lang);
    std::map<std::string, int> times;
    for (auto it = std::sregex_iterator(md.begin(), md.end(), link); it != std::sregex_iterator(); ++it)
      ++times[(*it)[1]];
    ASSERT_GT(times.size(), 50u) << "the report links its items";
    for (const auto& [url, n] : times) EXPECT_LE(n, 2) << lang << ": " << url << " linked " << n << " times";
  }
}

TEST_F(EditorLimits, RoutineWorkNeverLeadsTheSummary) {
  const auto lines = bullets(markdown("zh"), "## 摘要");
  for (const auto& l : lines)
    for (const char* routine : {"debug print", "Removed redundant DSL examples", "CI:", "documentation"})
      EXPECT_EQ(l.find(routine), std::string::npos) << l;
}

}  // namespace
}  // namespace infradigest
