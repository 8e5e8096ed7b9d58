#include "llm/llm_statement.h"

#include <array>

#include "document/statement_builder.h"

namespace infradigest {

namespace {

constexpr size_t kShownRefs = 3;

void add_text(StatementBuilder& b, std::string_view text) {
  // `code` spans; the verifier has checked the backticks pair up.
  bool code = false;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '`') continue;
    std::string piece(text.substr(start, i - start));
    if (!piece.empty()) {
      if (code) b.code(piece);
      else b.text(piece);
    }
    code = !code;
    start = i + 1;
  }
}

}  // namespace

Statement to_statement(const LlmSentence& sentence, const FactTable& facts, Language lang) {
  const auto& L = labels(lang);
  std::string_view text = sentence.text;
  std::string_view end;
  for (std::string_view mark : std::array<std::string_view, 6>{"。", "！", "？", ".", "!", "?"})
    if (text.ends_with(mark)) {
      end = text.substr(text.size() - mark.size());
      text.remove_suffix(mark.size());
      break;
    }
  StatementBuilder b;
  add_text(b, text);
  std::vector<const Fact*> linked;
  for (const auto& key : sentence.cites) {
    const Fact* f = facts.find(key);
    if (f == nullptr || f->report_id.empty()) continue;
    b.cite(f->report_id);
    if (!f->url.empty() && !f->ref_label.empty() &&
        std::find(linked.begin(), linked.end(), f) == linked.end())
      linked.push_back(f);
  }
  if (!linked.empty()) {
    b.text(std::string(L.open_paren));
    for (size_t k = 0; k < linked.size() && k < kShownRefs; ++k) {
      if (k) b.text(std::string(L.list_separator));
      b.link(linked[k]->ref_label, linked[k]->url, linked[k]->report_id);
    }
    if (linked.size() > kShownRefs) b.text(lang == Language::kZh ? " 等" : ", …");
    b.text(std::string(L.close_paren));
  }
  if (!end.empty()) b.text(std::string(end));
  return b.build();
}

}  // namespace infradigest
