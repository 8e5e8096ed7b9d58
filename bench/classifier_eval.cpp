// classifier_eval: measures the rule-based classifier against the hand labels
// in eval/labels.jsonl (see eval/README.md).
//
//   classifier_eval [DATA.jsonl] [--labels FILE] [--examples DIR] [--misses] [--draft]
//
// DATA is the shared commit dump (default ../shared/data/commits-2026-02-01_2026-03-15.jsonl
// next to the source tree); when it is absent the program says so and exits 0.
// The bundled examples snapshot adds the labelled vllm/sglang commits of the
// 2026-02-26 reference report. --misses lists every miss with the classifier's
// reasons (train split only); --draft prints the classifier's output for every commit as label
// lines (a first draft for labelling new commits — review every row).
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/classifier_evaluation.h"
#include "snapshot/snapshot_reader.h"

namespace {

using namespace infradigest;

constexpr double kKindAccuracyTarget = 0.90;
constexpr double kTagPrecisionTarget = 0.90;
constexpr double kTagRecallTarget = 0.85;

int usage(const std::string& problem) {
  std::cerr << "classifier_eval: " << problem
            << "\nusage: classifier_eval [DATA.jsonl] [--labels FILE] [--examples DIR] [--misses] "
               "[--draft]\n";
  return 2;
}

void print_draft(const std::vector<Commit>& commits) {
  for (const Commit& c : commits) {
    if (!c.sha) continue;
    const Classification k = classify(c);
    nlohmann::ordered_json j;
    j["repo"] = c.repo;
    j["sha"] = *c.sha;
    j["kind"] = std::string(kind_name(k.kind));
    j["tags"] = nlohmann::json::array();
    for (const Tag& t : k.tags) j["tags"].push_back(t.name);
    j["title"] = c.title();
    std::cout << j.dump() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path source_dir = INFRADIGEST_SOURCE_DIR;
  std::string data_path =
      (source_dir / "../shared/data/commits-2026-02-01_2026-03-15.jsonl").lexically_normal().string();
  std::string labels_path = (source_dir / "eval/labels.jsonl").string();
  std::string examples_path = (source_dir / "examples/2026-02-26").string();
  bool misses = false;
  bool draft = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--misses") {
      misses = true;
    } else if (arg == "--draft") {
      draft = true;
    } else if (arg == "--labels" || arg == "--examples") {
      if (i + 1 >= argc) return usage(arg + " needs a value");
      (arg == "--labels" ? labels_path : examples_path) = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      usage("measures the classifier against eval/labels.jsonl");
      return 0;
    } else if (!arg.empty() && arg.front() == '-') {
      return usage("unknown option " + arg);
    } else {
      data_path = arg;
    }
  }

  if (!std::filesystem::exists(data_path)) {
    std::cout << "classifier_eval: no shared data at " << data_path << "; nothing to evaluate\n";
    return 0;
  }
  auto commits = read_commit_lines(data_path);
  if (!commits) {
    std::cerr << "classifier_eval: " << commits.error().message << "\n";
    return 1;
  }
  if (!examples_path.empty()) {
    auto examples = read_snapshot(examples_path);
    if (!examples) {
      std::cerr << "classifier_eval: " << examples.error().message << "\n";
      return 1;
    }
    for (Commit& c : examples->commits) commits->push_back(std::move(c));
  }
  if (draft) {
    print_draft(*commits);
    return 0;
  }

  auto labels = read_labels(labels_path);
  if (!labels) {
    std::cerr << "classifier_eval: " << labels.error().message << "\n";
    return 1;
  }
  const LabelSplit split = split_labels(*labels);
  const ClassifierEvaluation all = evaluate_classifier(*labels, *commits);
  const ClassifierEvaluation train = evaluate_classifier(split.train, *commits);
  const ClassifierEvaluation test = evaluate_classifier(split.test, *commits);

  std::cout << "== summary (test = the held-out third, by SHA hash; never tune on it)\n"
            << "  split  items   kind  tag P  tag R   hardware P/R technique P/R  model P/R"
               "   docs/CI/test with hw/model tags\n"
            << format_summary_line("train", train) << format_summary_line("test", test)
            << format_summary_line("all", all);
  // Misses are listed for the train split only: reading the test split's
  // misses is how rules end up tuned on it.
  std::cout << "\n== train split\n" << format_evaluation(train, misses);
  std::cout << "\n== test split\n" << format_evaluation(test, /*list_misses=*/false);

  const bool met = test.kind_accuracy() >= kKindAccuracyTarget &&
                   test.tags.precision() >= kTagPrecisionTarget &&
                   test.tags.recall() >= kTagRecallTarget;
  std::cout << "\ntargets on the test split (kind accuracy >= " << kKindAccuracyTarget
            << ", tag precision >= " << kTagPrecisionTarget << ", tag recall >= "
            << kTagRecallTarget << "): " << (met ? "met" : "NOT met") << "\n";
  return 0;
}
