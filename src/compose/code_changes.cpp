#include "compose/code_changes.h"

#include <algorithm>

#include "core/utf8_text.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace code_change_text {

constexpr size_t kFactsPerLine = 3;
constexpr size_t kMaxApiStatements = 4;
constexpr size_t kMaxShownCode = 100;  // bytes of a before/after shown; the JSON keeps it whole

bool in_line(const CodeFact& f) {
  return f.kind != CodeFactKind::kFileAdded && f.kind != CodeFactKind::kFileRemoved &&
         f.kind != CodeFactKind::kTestsAdded;
}

bool is_statement_change(CodeFactKind k) {
  return k == CodeFactKind::kReturnChanged || k == CodeFactKind::kConditionChanged;
}

// "新增参数 `return_lse`（`flash_attn_func`，flash_attn/cute/interface.py）"
// "adds parameter `return_lse` (in `flash_attn_func`, flash_attn/cute/interface.py)"
void append_fact(StatementBuilder& b, const CodeFact& f, Language lang) {
  const bool zh = lang == Language::kZh;
  const auto& L = labels(lang);
  b.text(std::string(code_fact_label(f.kind, lang)));
  if (f.kind == CodeFactKind::kFunctionRenamed && f.before && f.after) {
    b.text(" ").code(*f.before).text(" → ").code(*f.after);
  } else {
    if (!is_statement_change(f.kind)) b.text(" ").code(f.name);
    if (f.before && f.after) {
      b.text(std::string(L.colon)).code(clip_utf8(*f.before, kMaxShownCode)).text(" → ").code(clip_utf8(*f.after, kMaxShownCode));
    } else if (f.after && f.kind == CodeFactKind::kDependencyAdded) {
      b.text(" ").code(clip_utf8(*f.after, kMaxShownCode));
    }
  }
  b.text(std::string(L.open_paren));
  if (!f.scope.empty() && (is_statement_change(f.kind) || f.scope != f.name)) {
    if (!zh) b.text("in ");
    b.code(f.scope).text(zh ? "，" : ", ");
  }
  b.text(f.file).text(std::string(L.close_paren));
}

// The facts an item's line shows: most relevant first, one per name.
std::vector<const CodeFact*> shown(const std::vector<CodeFact>& facts, bool (*keep)(const CodeFact&)) {
  std::vector<const CodeFact*> out;
  for (const auto& f : facts) {
    if (!keep(f)) continue;
    bool same = std::any_of(out.begin(), out.end(), [&](const CodeFact* o) {
      return o->kind == f.kind && o->name == f.name && o->before == f.before && o->after == f.after;
    });
    if (!same) out.push_back(&f);
    if (out.size() == kFactsPerLine) break;
  }
  return out;
}

}  // namespace code_change_text
using namespace code_change_text;

void attach_code_facts(ReportItem& item, const Commit& commit) {
  auto facts = find_code_facts(commit);
  item.code_facts_total = static_cast<int>(facts.size());
  if (facts.size() > kMaxItemCodeFacts) facts.resize(kMaxItemCodeFacts);
  item.code_facts = std::move(facts);
}

std::optional<Statement> code_change_line(const ReportItem& item, Language lang) {
  auto facts = shown(item.code_facts, in_line);
  if (facts.empty()) return std::nullopt;
  StatementBuilder b;
  append_code_facts(b, facts, lang);
  b.cite(item.id);
  return b.build();
}

bool is_api_or_config_fact(const CodeFact& f) {
  using K = CodeFactKind;
  switch (f.kind) {
    case K::kCliFlagAdded: case K::kCliFlagRemoved: case K::kEnvVarAdded: case K::kEnvVarRemoved:
    case K::kFunctionRenamed: case K::kFunctionRemoved: case K::kClassRemoved: case K::kParameterRemoved:
    case K::kParameterAdded:  // a new option of a public function, like a new CLI flag
    case K::kDefaultChanged: case K::kDependencyAdded: case K::kDependencyRemoved: case K::kDependencyChanged:
    case K::kArchAdded: case K::kArchRemoved: case K::kOpRemoved:
      break;
    default:
      return false;
  }
  if (is_test_path(f.file) || f.name.starts_with("_") || f.scope.starts_with("_")) return false;
  if (f.kind == K::kFunctionRenamed && f.before && f.before->starts_with("_")) return false;
  return true;
}

namespace code_change_text {

bool is_breaking_fact(const CodeFact& f) {
  using K = CodeFactKind;
  switch (f.kind) {
    case K::kCliFlagRemoved: case K::kEnvVarRemoved: case K::kFunctionRenamed: case K::kFunctionRemoved:
    case K::kClassRemoved: case K::kParameterRemoved: case K::kDefaultChanged: case K::kDependencyRemoved:
    case K::kDependencyChanged: case K::kArchRemoved: case K::kOpRemoved:
      return is_api_or_config_fact(f);
    default:
      return false;
  }
}

}  // namespace code_change_text

std::vector<const CodeFact*> breaking_code_facts(const ReportItem& item) {
  return shown(item.code_facts, is_breaking_fact);
}

void append_code_facts(StatementBuilder& b, const std::vector<const CodeFact*>& facts, Language lang) {
  for (size_t i = 0; i < facts.size(); ++i) {
    if (i) b.text(std::string(labels(lang).clause_separator));
    append_fact(b, *facts[i], lang);
  }
}

std::vector<Statement> api_config_changes(const Report& report, LinkLedger& ledger) {
  struct Entry {
    int rank;
    const RepoSection* section;
    const ReportItem* item;
    std::vector<const CodeFact*> facts;
  };
  std::vector<Entry> entries;
  for (const auto& s : report.repos)
    for (const auto& item : s.items) {
      auto facts = shown(item.code_facts, is_api_or_config_fact);
      if (!facts.empty()) entries.push_back({code_fact_rank(*facts.front()), &s, &item, std::move(facts)});
    }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.rank < b.rank; });
  if (entries.size() > kMaxApiStatements) entries.resize(kMaxApiStatements);
  const auto& L = labels(report.language);
  std::vector<Statement> out;
  for (const auto& e : entries) {
    StatementBuilder b(&ledger);
    b.text(e.section->full_name + " ").item(*e.item).text(std::string(L.colon));
    append_code_facts(b, e.facts, report.language);
    out.push_back(b.build());
  }
  return out;
}

}  // namespace infradigest
