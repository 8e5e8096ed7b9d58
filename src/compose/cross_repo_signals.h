// 影响评估 · 跨仓库信号: what links the watched repositories today — one
// project moving another's version pin (and adopting its release or fixes the
// same day), then the hardware, models and techniques moving in two or more
// repos, each with the item that shows it.
#pragma once

#include <cstddef>
#include <vector>

#include "document/report.h"
#include "document/statement_builder.h"

namespace infradigest {

// With a ledger: each item linked at most once across the day sections.
// `max_lines`: the room 影响评估 has left; the pin lines always stay, the
// hardware/model/technique signals name fewer (at least one) to fit.
std::vector<Statement> compose_cross_repo_signals(const Report& report, LinkLedger& ledger,
                                                  size_t max_lines = static_cast<size_t>(-1));
std::vector<Statement> compose_cross_repo_signals(const Report& report);

}  // namespace infradigest
