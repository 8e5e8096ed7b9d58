// The classifier against the hand labels of eval/labels.jsonl (eval/README.md):
// the metrics code itself, the label file, and the figures the rule table
// reached. The shared commit data is read only when present (a fresh clone
// does not have it); the vllm/sglang commits of the bundled example always are.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/classifier_evaluation.h"
#include "snapshot/snapshot_reader.h"
#include "test_support.h"

namespace infradigest {
namespace {

const std::filesystem::path kSource = testing::source_path("");
const std::string kLabels = (kSource / "eval/labels.jsonl").string();
const std::string kExamples = (kSource / "examples/2026-02-26").string();
const std::filesystem::path kSharedData =
    kSource / "../shared/data/commits-2026-02-01_2026-03-15.jsonl";

const std::string kSha1 = std::string(40, 'a');
const std::string kSha2 = std::string(40, 'b');

std::string label_line(const std::string& sha, const std::string& kind, const std::string& tags) {
  return R"({"repo": "o/r", "sha": ")" + sha + R"(", "kind": ")" + kind + R"(", "tags": [)" + tags +
         "]}\n";
}

TEST(ClassifierEvaluation, LabelsParseStrictly) {
  auto ok = parse_labels(label_line(kSha1, "ci/build", R"("Blackwell", "MoE")"), "t");
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ(ok->front().kind, ChangeKind::kCiBuild);
  ASSERT_EQ(ok->front().tags.size(), 2u);
  EXPECT_TRUE(std::is_sorted(ok->front().tags.begin(), ok->front().tags.end()));

  auto bad_kind = parse_labels(label_line(kSha1, "bugfix", ""), "labels.jsonl");
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().message, "labels.jsonl:1: unknown kind \"bugfix\"");
  auto bad_tag = parse_labels("\n" + label_line(kSha1, "fix", R"("blackwell")"), "labels.jsonl");
  ASSERT_FALSE(bad_tag);
  EXPECT_EQ(bad_tag.error().message, "labels.jsonl:2: unknown tag \"blackwell\"");
  auto twice = parse_labels(label_line(kSha1, "fix", "") + label_line(kSha1, "perf", ""), "l");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("l:2: labelled twice"), std::string::npos);
  EXPECT_FALSE(parse_labels(label_line("abc1234", "fix", ""), "l"));  // full SHAs only
  EXPECT_FALSE(parse_labels(R"({"repo": "o/r", "sha": ")" + kSha1 + R"(", "kind": "fix"})", "l"));
}

TEST(ClassifierEvaluation, CountsKindsTagsAndFacets) {
  Commit fix;
  fix.repo = "o/r";
  fix.sha = kSha1;
  fix.message = "Fix MoE hang on B200";
  Commit docs;
  docs.repo = "o/r";
  docs.sha = kSha2;
  docs.message = "Speed up the Hopper GEMM";
  auto labels = parse_labels(label_line(kSha1, "fix", R"("Blackwell", "MoE", "Qwen")") +
                                 label_line(kSha2, "docs", "") +
                                 label_line(std::string(40, 'c'), "fix", ""),
                             "t");
  ASSERT_TRUE(labels) << labels.error().message;
  const ClassifierEvaluation e = evaluate_classifier(*labels, {fix, docs});

  EXPECT_EQ(e.items, 2);
  EXPECT_EQ(e.kind_correct, 1);
  EXPECT_DOUBLE_EQ(e.kind_accuracy(), 0.5);
  EXPECT_EQ(e.unmatched, std::vector<std::string>{"o/r@" + std::string(40, 'c')});
  EXPECT_EQ((e.confusion.at({ChangeKind::kDocs, ChangeKind::kPerf})), 1);
  // Found Blackwell and MoE, missed Qwen; Hopper and GEMM were not labelled.
  EXPECT_EQ(e.tags.true_positives, 2);
  EXPECT_EQ(e.tags.false_negatives, 1);
  EXPECT_EQ(e.tags.false_positives, 2);
  EXPECT_DOUBLE_EQ(e.tags.precision(), 0.5);
  EXPECT_NEAR(e.tags.recall(), 2.0 / 3, 1e-9);
  EXPECT_EQ(e.facets.at(TagFacet::kModel).false_negatives, 1);
  EXPECT_EQ(e.facets.at(TagFacet::kHardware).true_positives, 1);
  EXPECT_EQ(e.facets.at(TagFacet::kHardware).false_positives, 1);
  ASSERT_EQ(e.misses.size(), 2u);
  EXPECT_FALSE(e.misses.front().reasons.empty());

  const std::string report = format_evaluation(e, /*list_misses=*/true);
  EXPECT_NE(report.find("kind accuracy   0.500"), std::string::npos) << report;
  EXPECT_NE(report.find("missing tags: Qwen"), std::string::npos) << report;
  EXPECT_DOUBLE_EQ(PrecisionRecall{}.precision(), 1.0);  // nothing predicted, nothing wrong
}

// The held-out third is chosen by the SHA alone: stable across runs, label
// order and SHA case, so no one picks which commits the rules are judged on.
TEST(ClassifierEvaluation, TestSplitIsAStableThirdChosenBySha) {
  EXPECT_TRUE(in_test_split(std::string(40, 'b')));
  EXPECT_FALSE(in_test_split(std::string(40, 'a')));
  EXPECT_FALSE(in_test_split("edf2f82c0025b98b48977cb83db746769721b4ee"));
  EXPECT_EQ(in_test_split("EDF2F82C0025B98B48977CB83DB746769721B4EE"),
            in_test_split("edf2f82c0025b98b48977cb83db746769721b4ee"));

  auto labels = read_labels(kLabels);
  ASSERT_TRUE(labels) << labels.error().message;
  const LabelSplit split = split_labels(*labels);
  EXPECT_EQ(split.train.size() + split.test.size(), labels->size());
  const double share =
      static_cast<double>(split.test.size()) / static_cast<double>(labels->size());
  EXPECT_GT(share, 0.25);
  EXPECT_LT(share, 0.42);
  std::vector<LabelledCommit> reversed(labels->rbegin(), labels->rend());
  std::set<std::string> forward;
  std::set<std::string> backward;
  for (const LabelledCommit& l : split.test) forward.insert(l.sha);
  for (const LabelledCommit& l : split_labels(reversed).test) backward.insert(l.sha);
  EXPECT_EQ(forward, backward);
}

TEST(ClassifierEvalSet, LabelsCoverTheWatchedRepositories) {
  auto labels = read_labels(kLabels);
  ASSERT_TRUE(labels) << labels.error().message;
  std::map<std::string, int> per_repo;
  for (const LabelledCommit& l : *labels) ++per_repo[l.repo];
  int shared = 0;
  for (const char* repo : {"Dao-AILab/flash-attention", "flashinfer-ai/flashinfer",
                           "NVIDIA/cutile-python", "NVIDIA/cutlass", "deepseek-ai/DeepGEMM",
                           "deepseek-ai/FlashMLA"}) {
    EXPECT_GT(per_repo[repo], 0) << repo;
    shared += per_repo[repo];
  }
  EXPECT_GE(shared, 300);
  EXPECT_GT(per_repo["vllm-project/vllm"], 0);
  EXPECT_GT(per_repo["sgl-project/sglang"], 0);
}

// The bundled example holds the vllm/sglang commits of the reference report,
// so this subset is measured on every checkout.
TEST(ClassifierEvalSet, ReferenceReportCommitsMeetTheMeasuredFigures) {
  auto labels = read_labels(kLabels);
  ASSERT_TRUE(labels) << labels.error().message;
  std::vector<LabelledCommit> subset;
  for (const LabelledCommit& l : *labels) {
    if (l.repo == "vllm-project/vllm" || l.repo == "sgl-project/sglang") subset.push_back(l);
  }
  auto example = read_snapshot(kExamples);
  ASSERT_TRUE(example) << example.error().message;
  const ClassifierEvaluation e = evaluate_classifier(subset, example->commits);
  SCOPED_TRACE(format_evaluation(e, /*list_misses=*/true));
  EXPECT_EQ(e.items, static_cast<int>(subset.size()));  // every label found its commit
  // Measured: kind 0.934 (57/61), tags P 0.969 R 0.959 (train and test splits together).
  EXPECT_GE(e.kind_accuracy(), 0.93);
  EXPECT_GE(e.tags.precision(), 0.96);
  EXPECT_GE(e.tags.recall(), 0.95);
}

// Figures on the held-out test split (the rules were never tuned on it) and
// on the train split, measured in the commit that set these floors (eval/README.md):
//   train (307): kind 0.850, tags P 0.926 R 0.931; hardware P 0.951 R 0.856,
//                model P 0.944 R 0.944
//   test  (131): kind 0.878, tags P 0.8996 (215/239) R 0.939
// Issue 16's targets on the test split are kind 0.90, tag precision 0.90,
// recall 0.85: recall is met, kind accuracy is not, precision is one false
// tag short (see the README). The floors are the measured figures rounded down, so a rule
// change that loses ground on either split fails here.
TEST(ClassifierEvalSet, SharedDataMeetsTheMeasuredFigures) {
  if (!std::filesystem::exists(kSharedData)) {
    GTEST_SKIP() << "no shared data at " << kSharedData;
  }
  auto labels = read_labels(kLabels);
  ASSERT_TRUE(labels) << labels.error().message;
  auto commits = read_commit_lines(kSharedData.string());
  ASSERT_TRUE(commits) << commits.error().message;
  auto example = read_snapshot(kExamples);
  ASSERT_TRUE(example) << example.error().message;
  // The shared data first: the example repeats some cutlass commits with partial file lists.
  for (const Commit& c : example->commits) commits->push_back(c);

  const ClassifierEvaluation all = evaluate_classifier(*labels, *commits);
  EXPECT_TRUE(all.unmatched.empty());
  EXPECT_EQ(all.items, static_cast<int>(labels->size()));
  EXPECT_GE(all.items, 430);

  const LabelSplit split = split_labels(*labels);
  const ClassifierEvaluation test = evaluate_classifier(split.test, *commits);
  {
    // No misses listed: reading them is how rules get tuned on the test split.
    SCOPED_TRACE(format_evaluation(test, /*list_misses=*/false));
    EXPECT_GE(test.kind_accuracy(), 0.87);
    EXPECT_GE(test.tags.precision(), 0.89);
    EXPECT_GE(test.tags.recall(), 0.93);
  }
  const ClassifierEvaluation train = evaluate_classifier(split.train, *commits);
  {
    SCOPED_TRACE(format_evaluation(train, /*list_misses=*/true));
    EXPECT_GE(train.kind_accuracy(), 0.85);
    EXPECT_GE(train.tags.precision(), 0.92);
    EXPECT_GE(train.tags.recall(), 0.92);
    EXPECT_GE(train.facets.at(TagFacet::kHardware).precision(), 0.95);
    EXPECT_GE(train.facets.at(TagFacet::kHardware).recall(), 0.85);
    EXPECT_GE(train.facets.at(TagFacet::kModel).precision(), 0.94);
    EXPECT_GE(train.facets.at(TagFacet::kModel).recall(), 0.94);
  }
  // Commits labelled docs, CI or test that still got a hardware or model tag:
  // only where the classifier took them for another kind.
  EXPECT_LE(all.peripheral_with_scope_tags.size(), 3u);
}

// Whatever it is labelled, a change the classifier itself calls docs, CI or
// test carries no hardware or model tag.
TEST(ClassifierEvalSet, DocsCiAndTestCommitsCarryNoHardwareOrModelTags) {
  auto example = read_snapshot(kExamples);
  ASSERT_TRUE(example) << example.error().message;
  std::vector<Commit> commits = example->commits;
  if (std::filesystem::exists(kSharedData)) {
    auto shared = read_commit_lines(kSharedData.string());
    ASSERT_TRUE(shared) << shared.error().message;
    commits.insert(commits.end(), shared->begin(), shared->end());
  }
  int peripheral = 0;
  for (const Commit& commit : commits) {
    const Classification c = classify(commit);
    if (c.kind != ChangeKind::kDocs && c.kind != ChangeKind::kCiBuild && c.kind != ChangeKind::kTest)
      continue;
    ++peripheral;
    for (const Tag& t : c.tags)
      EXPECT_TRUE(t.facet != TagFacet::kHardware && t.facet != TagFacet::kModel)
          << commit.title() << ": " << t.name;
  }
  EXPECT_GT(peripheral, 10);  // the check has something to check
}

}  // namespace
}  // namespace infradigest
