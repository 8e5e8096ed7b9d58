// Importance: how much an item matters to a reader who builds LLM serving and
// kernel stacks. Picks the 摘要 highlights and orders items within a kind.
#pragma once

#include "compose/report.h"

namespace infradigest {

// Higher is more important. Weighs the kind (revert, feature, perf, fix above
// docs/CI/chores), hardware/model tags (new platform or model support), breaking
// signals and, mildly, the size of the change.
double importance(const ReportItem& item);

}  // namespace infradigest
