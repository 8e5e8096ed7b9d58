// Classification: one kind and a set of tags per commit/PR/issue, decided by
// the rule table in classification_rules.cpp (data, not scattered ifs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.h"

namespace infradigest {

// Stored values are explicit and never renumbered.
enum class ChangeKind : int {
  kFeature = 0,
  kPerf = 1,
  kFix = 2,
  kRevert = 3,
  kDocs = 4,
  kRefactor = 5,
  kTest = 6,
  kCiBuild = 7,
  kDeps = 8,
  kRelease = 9,
  kChore = 10,
};

// Report order of kinds within a repo section (most consequential first).
const std::vector<ChangeKind>& all_change_kinds();
std::string_view kind_name(ChangeKind kind);  // "feature", "perf", "fix", ... "ci/build"

enum class TagFacet : int { kHardware = 0, kTechnique = 1, kModel = 2 };
std::string_view facet_name(TagFacet facet);  // "hardware", "technique", "model"
std::optional<TagFacet> facet_from_name(std::string_view name);  // the inverse; nullopt when unknown

struct Tag {
  TagFacet facet = TagFacet::kTechnique;
  std::string name;  // canonical display name: "Blackwell", "AMD", "MoE", "DeepSeek", ...
  friend bool operator==(const Tag&, const Tag&) = default;
  friend auto operator<=>(const Tag&, const Tag&) = default;
};

// Every tag the classifier can give: the built-in table (analysis/taxonomy.cpp;
// hardware, then technique, then model, each in display order), then the tags
// the config adds (analysis/taxonomy_extension.h).
const std::vector<Tag>& canonical_tags();

// A part of the code base a change touches (taxonomy::components(): "kernels",
// "docs", "tests", ...) and how many of its files are there; 0 files when only
// the title says so (the source gave no paths).
struct ComponentShare {
  std::string name;
  int files = 0;
};

struct Classification {
  ChangeKind kind = ChangeKind::kChore;
  std::vector<Tag> tags;             // sorted, unique
  std::vector<std::string> reasons;  // which rules fired, for `explain`
  bool breaking = false;             // removes/renames an API, flag or hardware
  bool new_support = false;          // a feature bringing a hardware platform or a model
  bool new_api = false;              // a feature adding a user-facing API
  // A revert or a removal ("Remove redundant dsl examples"): the change takes
  // something away, so its tags do not say the topic moved forward. Never a
  // perf or fix change: removing an overhead or a wrong check is progress.
  bool retreat = false;
  std::vector<ComponentShare> components;  // in taxonomy::components() order
};

// Classifies from title/message and file paths. Pure; thread-safe.
Classification classify(const Commit& commit);
Classification classify(const PullRequest& pr);
Classification classify_text(std::string_view title, std::string_view body,
                             const std::vector<FileChange>& files);

enum class IssueKind : int { kBug = 0, kFeatureRequest = 1, kQuestion = 2, kOther = 3 };
std::string_view issue_kind_name(IssueKind kind);  // "bug", "feature request", "question", "other"

struct IssueClassification {
  IssueKind kind = IssueKind::kOther;
  bool severe = false;  // crash, hang, NaN, corrupted output, regression, segfault...
  std::vector<Tag> tags;
};

IssueClassification classify(const Issue& issue);

}  // namespace infradigest
