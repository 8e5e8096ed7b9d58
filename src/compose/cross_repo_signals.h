// 影响评估 · 跨仓库信号: what links the watched repositories today — one
// project moving another's version pin (and adopting its release or fixes the
// same day), then the hardware, models and techniques moving in two or more
// repos, each with the item that shows it.
#pragma once

#include <vector>

#include "document/report.h"

namespace infradigest {

std::vector<Statement> compose_cross_repo_signals(const Report& report);

}  // namespace infradigest
