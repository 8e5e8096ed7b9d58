// Importance, checked two ways: against the essential items an expert picked
// for the reference day (eval/essential-2026-02-26.md), end to end through the
// real binary, and by the orderings each weight exists for.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "compose/importance.h"
#include "reference_day_store.h"
#include "test_support.h"

namespace infradigest {
namespace {


// The ids in the first column of the essential-items table.
std::vector<std::string> essential_ids() {
  std::vector<std::string> ids;
  std::istringstream in(testing::read_file(testing::source_path("eval/essential-2026-02-26.md")));
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| `")) continue;
    const std::size_t end = line.find('`', 3);
    if (end != std::string::npos) ids.push_back(line.substr(3, end - 3));
  }
  return ids;
}

class EssentialHighlights : public testing::ReferenceDayStore {
 protected:
  static nlohmann::json report(const std::string& lang) {
    return nlohmann::json::parse(ReferenceDayStore::report(lang, "json"));
  }

  static std::set<std::string> summary_cites(const nlohmann::json& j) {
    std::set<std::string> cites;
    for (const auto& statement : j.at("summary"))
      for (const auto& id : statement.at("cites")) cites.insert(id.get<std::string>());
    return cites;
  }
};

TEST_F(EssentialHighlights, TheListIsTheOneWrittenDown) {
  const auto ids = essential_ids();
  EXPECT_GE(ids.size(), 12u) << "eval/essential-2026-02-26.md lost rows";
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "release:NVIDIA/cutlass@v4.4.1"), 1);
}

TEST_F(EssentialHighlights, SummaryCitesEveryEssentialItemInBothLanguages) {
  for (const std::string lang : {"zh", "en"}) {
    const auto cites = summary_cites(report(lang));
    for (const std::string& id : essential_ids())
      EXPECT_TRUE(cites.count(id)) << lang << " 摘要 misses essential item " << id;
  }
}

TEST_F(EssentialHighlights, NoDocsCiTestOrChoreChangeIsAHighlight) {
  const auto j = report("zh");
  std::map<std::string, std::string> kind_of;
  for (const auto& repo : j.at("repos"))
    for (const auto& c : repo.at("commits")) kind_of[c.at("id")] = c.at("kind");
  for (const std::string& id : summary_cites(j)) {
    auto it = kind_of.find(id);
    if (it == kind_of.end()) continue;  // releases, issues
    EXPECT_TRUE(it->second != "docs" && it->second != "ci/build" && it->second != "test" && it->second != "chore")
        << id << " (" << it->second << ") is not news";
  }
}

TEST_F(EssentialHighlights, TheReleaseLeadsAndQuotesItsFixesVerbatim) {
  for (const std::string lang : {"zh", "en"}) {
    const auto j = report(lang);
    ASSERT_GE(j.at("summary").size(), 2u);
    const auto& top = j.at("summary").at(1);  // after the counts line
    const auto cites = top.at("cites").get<std::vector<std::string>>();
    EXPECT_NE(std::find(cites.begin(), cites.end(), "release:NVIDIA/cutlass@v4.4.1"), cites.end()) << lang;
    const std::string text = top.at("text");
    EXPECT_NE(text.find("Fixed segfault issue with tvm-ffi on aarch64"), std::string::npos) << text;
    EXPECT_NE(text.find("Fixed driver TMA descriptor related bug on Blackwell"), std::string::npos) << text;
    EXPECT_EQ(text.find("Updated version numbers"), std::string::npos) << "housekeeping is not news: " << text;
  }
}

ReportItem item(ChangeKind kind, std::vector<Tag> tags = {}) {
  ReportItem i;
  i.classification.kind = kind;
  i.classification.tags = std::move(tags);
  return i;
}

TEST(Importance, KernelSourcesOutrankExamplesForTheSameKindAndSize) {
  ReportItem kernel = item(ChangeKind::kFix), example = item(ChangeKind::kFix);
  kernel.files = example.files = 2;
  kernel.classification.components = {{"kernels", 2}};
  example.classification.components = {{"examples", 2}};
  EXPECT_GT(importance(kernel), importance(example) + 2.5);
}

TEST(Importance, TunedConfigsAloneRankBelowTheSamePerfWorkInCode) {
  ReportItem tuned = item(ChangeKind::kPerf), code = item(ChangeKind::kPerf);
  tuned.files = code.files = 1;
  tuned.additions = code.additions = 150;
  tuned.classification.components = {{"tuned configs", 1}};
  EXPECT_LT(importance(tuned), importance(code));
}

TEST(Importance, NewSupportNewApiAndBreakingEachRaiseTheScore) {
  const ReportItem plain = item(ChangeKind::kFeature, {{TagFacet::kModel, "Llama"}});
  for (auto flag : {&Classification::new_support, &Classification::new_api, &Classification::breaking}) {
    ReportItem flagged = plain;
    flagged.classification.*flag = true;
    EXPECT_GE(importance(flagged), importance(plain) + 2);
  }
}

TEST(Importance, RevertOutranksFixAndSizeIsBounded) {
  EXPECT_GT(importance(item(ChangeKind::kRevert)), importance(item(ChangeKind::kFix)));
  ReportItem huge = item(ChangeKind::kDocs);
  huge.additions = 1'000'000;
  EXPECT_LT(importance(huge), importance(item(ChangeKind::kFix)));
}

TEST(Importance, AReleaseOutranksNewHardwareSupportInKernelCode) {
  // A strong day's best change: new AMD support for MoE, 300 lines of kernels.
  ReportItem strong = item(ChangeKind::kFeature, {{TagFacet::kHardware, "AMD"}, {TagFacet::kTechnique, "MoE"}});
  strong.classification.new_support = true;
  strong.classification.components = {{"kernels", 2}};
  strong.files = 2;
  strong.additions = 300;
  ReportRelease release;
  EXPECT_GT(importance(release), importance(strong));
  release.prerelease = true;
  EXPECT_LT(importance(release), importance(ReportRelease{}));
}

}  // namespace
}  // namespace infradigest
