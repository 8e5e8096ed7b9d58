// The report's use of code facts (analysis/code_facts.h): each commit item's
// facts and its 代码变更 line, and the 接口与配置变化 theme of 影响评估 —
// what a user may have to act on when upgrading.
#pragma once

#include <optional>
#include <vector>

#include "document/report.h"
#include "document/statement_builder.h"
#include "model/activity.h"

namespace infradigest {

// Sets item.code_facts (the first kMaxItemCodeFacts) and code_facts_total.
void attach_code_facts(ReportItem& item, const Commit& commit);

// 代码变更: at most 3 facts, most user-relevant first; file additions,
// removals and test counts are left to the file list. Cites the item.
std::optional<Statement> code_change_line(const ReportItem& item, Language lang);

// Whether a fact is something an upgrading user may have to act on or may
// use: flags and env vars added or removed, public functions removed or
// renamed, parameters of public functions added or removed, changed
// defaults, dependency pins, CUDA architectures. Never from tests or private
// (leading '_') names.
bool is_api_or_config_fact(const CodeFact& fact);

// The facts of an item that may break a user's setup on upgrade (at most 3,
// one per name): removed or renamed CLI flags, env vars and public functions
// or classes, removed parameters and ops, changed defaults, moved or removed
// dependency pins, removed CUDA architectures — public names only
// (is_api_or_config_fact). They feed the breaking-change risks of 总结.
std::vector<const CodeFact*> breaking_code_facts(const ReportItem& item);

// Appends "移除 CLI 参数 `--foo`（file）；修改默认值 `x`：`1` → `2`（file）".
void append_code_facts(StatementBuilder& b, const std::vector<const CodeFact*>& facts, Language lang);

// 接口与配置变化: one statement per item with such facts (at most 3 each),
// items with the most pressing facts first, at most 4 (影响评估 stays short;
// every item's facts are under it in 具体内容分析). An item already linked
// (in `ledger`) is named without a second link.
std::vector<Statement> api_config_changes(const Report& report, LinkLedger& ledger);

}  // namespace infradigest
