// StatementBuilder: assembles a Statement span by span, recording the ids of
// the facts it links to, so no sentence can name an item without citing it.
#pragma once

#include <string>

#include "document/report.h"

namespace infradigest {

class StatementBuilder {
 public:
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
};

}  // namespace infradigest
