// Measures the classifier against hand labels (eval/labels.jsonl): kind
// accuracy and its confusion matrix, tag precision/recall overall, per facet
// and per tag. Shared by bench/classifier_eval.cpp and the regression test.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/classification.h"
#include "core/result.h"
#include "model/activity.h"

namespace infradigest {

// One labelled commit: {"repo": ..., "sha": ..., "kind": ..., "tags": [...]},
// with kind_name() and canonical tag names.
struct LabelledCommit {
  std::string repo;
  std::string sha;
  ChangeKind kind = ChangeKind::kChore;
  std::vector<Tag> tags;  // sorted, unique
};

std::optional<ChangeKind> change_kind_from_name(std::string_view name);  // "ci/build" → kCiBuild
std::optional<Tag> tag_from_name(std::string_view name);                 // canonical names only

// Strict: an unknown kind or tag, a missing field or a repeated repo+SHA is an
// error naming origin:line.
Result<std::vector<LabelledCommit>> parse_labels(const std::string& text, const std::string& origin);
Result<std::vector<LabelledCommit>> read_labels(const std::string& path);

// Reads a commit dump with one JSON commit per line (repo, sha, message,
// files[].filename/status/additions/deletions/patch), as in ../shared/data/commits-*.jsonl. Only the
// fields the classifier and the code-fact rules (code_facts.h) read are kept.
Result<std::vector<Commit>> read_commit_lines(const std::string& path);

// The held-out test split: a fixed third of all labels, chosen by the SHA's
// FNV-1a hash (stable across runs, platforms and label order) so that no one
// picks which commits land in it. Rules are tuned on the train split only.
bool in_test_split(std::string_view sha);

struct LabelSplit {
  std::vector<LabelledCommit> train;
  std::vector<LabelledCommit> test;
};
LabelSplit split_labels(const std::vector<LabelledCommit>& labels);

struct PrecisionRecall {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  // 1.0 when there is nothing to measure (no predictions / no expected tags).
  double precision() const;
  double recall() const;
  double f1() const;
  PrecisionRecall& operator+=(const PrecisionRecall& other);
};

// A labelled commit the classifier got (partly) wrong.
struct EvaluationMiss {
  std::string repo;
  std::string sha;
  std::string title;
  ChangeKind expected_kind = ChangeKind::kChore;
  ChangeKind predicted_kind = ChangeKind::kChore;
  std::vector<Tag> missing_tags;     // labelled, not predicted
  std::vector<Tag> unexpected_tags;  // predicted, not labelled
  std::vector<std::string> reasons;  // Classification::reasons
};

struct ClassifierEvaluation {
  int items = 0;
  int kind_correct = 0;
  std::map<std::string, int> items_per_repo;
  // (expected, predicted) → count, over every evaluated item.
  std::map<std::pair<ChangeKind, ChangeKind>, int> confusion;
  PrecisionRecall tags;  // micro-averaged over all tags
  std::map<TagFacet, PrecisionRecall> facets;
  std::map<Tag, PrecisionRecall> per_tag;
  std::vector<EvaluationMiss> misses;
  std::vector<std::string> unmatched;  // "repo@sha" labels with no commit in the data
  // Commits labelled docs, ci/build or test to which the classifier still gave
  // a hardware or model tag ("repo@sha title"): such a change does not bring
  // a platform or a model forward, so it must carry none.
  std::vector<std::string> peripheral_with_scope_tags;

  double kind_accuracy() const;  // 0 when nothing was evaluated
};

// Classifies every labelled commit found in `commits` (matched by repo and
// full SHA) and compares. Labels without a commit are listed in `unmatched`.
ClassifierEvaluation evaluate_classifier(const std::vector<LabelledCommit>& labels,
                                         const std::vector<Commit>& commits);

// The human report: counts, kind accuracy, tag P/R/F1 overall, per facet and
// per tag, the confusion matrix; with `list_misses`, every miss and its reasons.
std::string format_evaluation(const ClassifierEvaluation& evaluation, bool list_misses);

// One line of figures: items, kind accuracy, tag P/R overall and per facet,
// peripheral commits with hardware/model tags. `name` leads the line.
std::string format_summary_line(std::string_view name, const ClassifierEvaluation& evaluation);

}  // namespace infradigest
