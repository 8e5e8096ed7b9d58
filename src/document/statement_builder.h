// StatementBuilder: assembles a Statement span by span, recording the ids of
// the facts it links to, so no sentence can name an item without citing it.
#pragma once

#include <set>
#include <string>

#include "document/report.h"

namespace infradigest {

// The fact ids a report's day-level sections (摘要, 影响评估, 总结) have
// already linked: each item is linked there at most once, so with its own
// line in 具体内容分析 no item link appears more than twice in a report.
using LinkLedger = std::set<std::string>;

class StatementBuilder {
 public:
  StatementBuilder() = default;
  // With a ledger, a link to a fact the ledger already holds renders as plain
  // text (still cited), and every link made is recorded in it.
  explicit StatementBuilder(LinkLedger* ledger) : ledger_(ledger) {}
  StatementBuilder& text(std::string t);
  StatementBuilder& strong(std::string t);
  StatementBuilder& code(std::string t);
  // A linked mention of a fact; cites `id`. An empty url renders as plain text.
  StatementBuilder& link(std::string t, std::string url, const std::string& id);
  StatementBuilder& item(const ReportItem& item) { return link(item.display_title, item.url, item.id); }
  StatementBuilder& cite(const std::string& id);
  bool empty() const { return s_.spans.empty(); }
  Statement build() { return std::move(s_); }

 private:
  Statement s_;
  LinkLedger* ledger_ = nullptr;
};

}  // namespace infradigest
