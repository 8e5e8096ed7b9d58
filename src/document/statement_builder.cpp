#include "document/statement_builder.h"

#include <algorithm>

namespace infradigest {

std::string Statement::plain_text() const {
  std::string out;
  for (const auto& s : spans) out += s.text;
  return out;
}

StatementBuilder& StatementBuilder::text(std::string t) {
  s_.spans.push_back(Span{std::move(t), "", SpanStyle::kPlain});
  return *this;
}

StatementBuilder& StatementBuilder::strong(std::string t) {
  s_.spans.push_back(Span{std::move(t), "", SpanStyle::kStrong});
  return *this;
}

StatementBuilder& StatementBuilder::code(std::string t) {
  s_.spans.push_back(Span{std::move(t), "", SpanStyle::kCode});
  return *this;
}

StatementBuilder& StatementBuilder::link(std::string t, std::string url, const std::string& id) {
  if (ledger_ && !url.empty() && !ledger_->insert(id).second) url.clear();
  s_.spans.push_back(Span{std::move(t), std::move(url), SpanStyle::kPlain});
  return cite(id);
}

StatementBuilder& StatementBuilder::cite(const std::string& id) {
  if (std::find(s_.cites.begin(), s_.cites.end(), id) == s_.cites.end()) s_.cites.push_back(id);
  return *this;
}

}  // namespace infradigest
