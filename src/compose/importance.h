// Importance: how much an item matters to a reader who builds LLM serving and
// kernel stacks. Picks the 摘要 highlights and orders items within a kind.
// What it weighs, and why, is written next to each weight in importance.cpp;
// eval/essential-2026-02-26.md is the day it is checked against
// (tests/importance_test.cpp).
#pragma once

#include "document/report.h"

namespace infradigest {

// Higher is more important; roughly -1 (a typo fix in docs) to 15.
double importance(const ReportItem& item);

// A release of a watched project outranks the day's typical best change (new
// hardware support in kernel code): it is what users install. Pre-releases
// rank with the day's best changes.
double importance(const ReportRelease& release);

// Whether a change touches only docs, tests, CI, examples or tuned configs
// (its files all fall in peripheral components): the product does not change.
bool peripheral_only(const Classification& c, int files);

}  // namespace infradigest
