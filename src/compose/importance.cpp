#include "compose/importance.h"

#include <cmath>

namespace infradigest {

namespace {
double kind_weight(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kRelease: return 7;
    case ChangeKind::kRevert: return 6;
    case ChangeKind::kFeature: return 5;
    case ChangeKind::kPerf: return 5;
    case ChangeKind::kFix: return 4;
    case ChangeKind::kDeps: return 2.5;
    case ChangeKind::kRefactor: return 2;
    case ChangeKind::kTest: return 1;
    case ChangeKind::kCiBuild: return 1;
    case ChangeKind::kDocs: return 0.5;
    case ChangeKind::kChore: return 0.5;
  }
  return 0;
}
}  // namespace

double importance(const ReportItem& item) {
  double score = kind_weight(item.classification.kind);
  bool hardware = false, model = false;
  for (const auto& tag : item.classification.tags) {
    hardware |= tag.facet == TagFacet::kHardware;
    model |= tag.facet == TagFacet::kModel;
  }
  if (hardware) score += 1.5;
  if (model) score += 1.5;
  score += 0.25 * static_cast<double>(std::min<size_t>(item.classification.tags.size(), 4));
  if (item.classification.breaking) score += 3;
  int lines = item.additions.value_or(0) + item.deletions.value_or(0);
  score += std::log2(1.0 + lines) / 4.0;  // 1000 lines ≈ +2.5
  return score;
}

}  // namespace infradigest
