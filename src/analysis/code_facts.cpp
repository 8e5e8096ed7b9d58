#include "analysis/code_facts.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "analysis/code_fact_rules.h"
#include "analysis/patch_hunks.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace code_facts_detail {

struct KindInfo {
  CodeFactKind kind;
  std::string_view name;
  FactShape shape;
  int rank;  // user relevance: lower first
};

// Ranks: what a user upgrading may have to act on first (removed flags and env
// vars, renamed or narrowed APIs, changed defaults), then dependency and
// architecture changes, then new kernels/ops/APIs, then internal detail.
constexpr KindInfo kKinds[] = {
    {CodeFactKind::kCliFlagRemoved, "cli_flag_removed", FactShape::kRemoved, 0},
    {CodeFactKind::kEnvVarRemoved, "env_var_removed", FactShape::kRemoved, 1},
    {CodeFactKind::kFunctionRenamed, "function_renamed", FactShape::kChanged, 2},
    {CodeFactKind::kParameterRemoved, "parameter_removed", FactShape::kRemoved, 3},
    {CodeFactKind::kDefaultChanged, "default_changed", FactShape::kChanged, 4},
    {CodeFactKind::kCliFlagAdded, "cli_flag_added", FactShape::kAdded, 5},
    {CodeFactKind::kEnvVarAdded, "env_var_added", FactShape::kAdded, 6},
    {CodeFactKind::kParameterAdded, "parameter_added", FactShape::kAdded, 7},
    {CodeFactKind::kDependencyChanged, "dependency_changed", FactShape::kChanged, 8},
    {CodeFactKind::kDependencyRemoved, "dependency_removed", FactShape::kRemoved, 9},
    {CodeFactKind::kDependencyAdded, "dependency_added", FactShape::kAdded, 10},
    {CodeFactKind::kArchRemoved, "arch_removed", FactShape::kRemoved, 11},
    {CodeFactKind::kArchAdded, "arch_added", FactShape::kAdded, 12},
    {CodeFactKind::kFunctionRemoved, "function_removed", FactShape::kRemoved, 13},
    {CodeFactKind::kOpRemoved, "op_removed", FactShape::kRemoved, 14},
    {CodeFactKind::kKernelRemoved, "kernel_removed", FactShape::kRemoved, 15},
    {CodeFactKind::kOpAdded, "op_added", FactShape::kAdded, 16},
    {CodeFactKind::kKernelAdded, "kernel_added", FactShape::kAdded, 17},
    {CodeFactKind::kSignatureChanged, "signature_changed", FactShape::kChanged, 18},
    {CodeFactKind::kConstantChanged, "constant_changed", FactShape::kChanged, 19},
    {CodeFactKind::kClassRemoved, "class_removed", FactShape::kRemoved, 20},
    {CodeFactKind::kFunctionAdded, "function_added", FactShape::kAdded, 21},
    {CodeFactKind::kClassAdded, "class_added", FactShape::kAdded, 22},
    {CodeFactKind::kConditionChanged, "condition_changed", FactShape::kChanged, 23},
    {CodeFactKind::kReturnChanged, "return_changed", FactShape::kChanged, 24},
    {CodeFactKind::kTestsAdded, "tests_added", FactShape::kCount, 40},
    {CodeFactKind::kFileAdded, "file_added", FactShape::kFileStatus, 45},
    {CodeFactKind::kFileRemoved, "file_removed", FactShape::kFileStatus, 46},
};

const KindInfo& info(CodeFactKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds[0];  // unreachable: every kind has a row
}

using code_rules::FileDiff;
using code_rules::LineContext;
using code_rules::LineMatch;
using code_rules::LineRule;

struct SideMatches {
  std::set<std::string> values;  // non-empty values
  std::string scope;
};

// Every match of `rule` on the lines one side changed, by name.
std::map<std::string, SideMatches> matches_on(const FileDiff& diff, const LineRule& rule, Side side) {
  std::map<std::string, SideMatches> out;
  const LineChange own = side == Side::kOld ? LineChange::kRemoved : LineChange::kAdded;
  std::vector<LineMatch> found;
  for (const auto& hunk : diff.hunks) {
    auto lines = side_lines(hunk, side);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].change != own) continue;
      found.clear();
      rule.match(LineContext{lines[i].text, std::span<const PatchLine>(lines.data(), i), hunk.header,
                             diff.file.filename},
                 found);
      for (auto& m : found) {
        auto& entry = out[m.name];
        if (!m.value.empty()) entry.values.insert(m.value);
        if (entry.scope.empty()) entry.scope = m.scope;
      }
    }
  }
  return out;
}

bool carries_value(CodeFactKind kind) {
  return kind == CodeFactKind::kDependencyAdded || kind == CodeFactKind::kDependencyRemoved;
}

void apply_line_rule(const FileDiff& diff, const LineRule& rule, std::vector<CodeFact>& out) {
  auto removed = matches_on(diff, rule, Side::kOld);
  auto added = matches_on(diff, rule, Side::kNew);
  const std::string& file = diff.file.filename;
  for (const auto& [name, a] : added) {
    auto r = removed.find(name);
    if (r == removed.end()) {
      if (!rule.added) continue;
      CodeFact f{*rule.added, name, file, a.scope, std::nullopt, std::nullopt, std::string(rule.id)};
      if (carries_value(*rule.added) && a.values.size() == 1) f.after = *a.values.begin();
      out.push_back(std::move(f));
      continue;
    }
    if (rule.shape != code_rules::Shape::kValue || !rule.changed) continue;
    if (a.values.size() != 1 || r->second.values.size() != 1) continue;
    const auto& before = *r->second.values.begin();
    const auto& after = *a.values.begin();
    if (before == after) continue;
    out.push_back({*rule.changed, name, file, a.scope.empty() ? r->second.scope : a.scope, before, after,
                   std::string(rule.id)});
  }
  if (!rule.removed) return;
  for (const auto& [name, r] : removed) {
    if (added.count(name)) continue;
    CodeFact f{*rule.removed, name, file, r.scope, std::nullopt, std::nullopt, std::string(rule.id)};
    if (carries_value(*rule.removed) && r.values.size() == 1) f.before = *r.values.begin();
    out.push_back(std::move(f));
  }
}

// A rename replaces the added and the removed function it pairs.
void fold_renames(std::vector<CodeFact>& facts) {
  std::vector<std::pair<std::string, std::string>> renames;
  for (const auto& f : facts)
    if (f.kind == CodeFactKind::kFunctionRenamed) renames.emplace_back(*f.before, *f.after);
  std::erase_if(facts, [&](const CodeFact& f) {
    for (const auto& [from, to] : renames) {
      if (f.kind == CodeFactKind::kFunctionAdded && f.name == to) return true;
      if (f.kind == CodeFactKind::kFunctionRemoved && f.name == from) return true;
    }
    return false;
  });
}

// New test functions in a test file become one count.
void fold_tests(const std::string& file, std::vector<CodeFact>& facts) {
  if (!is_test_path(file)) return;
  const auto before = facts.size();
  std::erase_if(facts, [](const CodeFact& f) {
    return f.kind == CodeFactKind::kFunctionAdded && f.rule == "py.def" && f.name.starts_with("test");
  });
  if (auto n = before - facts.size(); n > 0)
    facts.push_back({CodeFactKind::kTestsAdded, std::to_string(n), file, {}, std::nullopt, std::nullopt, "py.def"});
}

bool on_lines(const std::vector<Hunk>& hunks, LineChange change, std::string_view text) {
  for (const auto& h : hunks)
    for (const auto& l : h.lines)
      if (l.change == change && l.text.find(text) != std::string_view::npos) return true;
  return false;
}

size_t added_test_defs(const std::vector<Hunk>& hunks) {
  size_t n = 0;
  for (const auto& h : hunks)
    for (const auto& l : h.lines) {
      if (l.change != LineChange::kAdded) continue;
      auto t = trim_ascii_space(l.text);
      if (t.starts_with("async ")) t = trim_ascii_space(t.substr(6));
      if (t.starts_with("def test")) ++n;
    }
  return n;
}

bool backed_by(const CodeFact& fact, const FileChange& file, const std::vector<Hunk>& hunks) {
  if (fact.file != file.filename || fact.name.empty()) return false;
  switch (code_fact_shape(fact.kind)) {
    case FactShape::kFileStatus:
      return file.status == (fact.kind == CodeFactKind::kFileAdded ? "added" : "removed");
    case FactShape::kCount:
      return !fact.name.empty() && fact.name.find_first_not_of("0123456789") == std::string::npos &&
             fact.name.size() < 6 && std::stoul(fact.name) <= added_test_defs(hunks);
    case FactShape::kAdded:
      return on_lines(hunks, LineChange::kAdded, fact.name) &&
             (!fact.after || on_lines(hunks, LineChange::kAdded, *fact.after)) && !fact.before;
    case FactShape::kRemoved:
      return on_lines(hunks, LineChange::kRemoved, fact.name) &&
             (!fact.before || on_lines(hunks, LineChange::kRemoved, *fact.before)) && !fact.after;
    case FactShape::kChanged:
      return fact.before && fact.after && *fact.before != *fact.after &&
             on_lines(hunks, LineChange::kRemoved, *fact.before) && on_lines(hunks, LineChange::kAdded, *fact.after);
  }
  return false;
}

}  // namespace code_facts_detail
using namespace code_facts_detail;

std::string_view code_fact_kind_name(CodeFactKind kind) { return info(kind).name; }

std::optional<CodeFactKind> code_fact_kind_from_name(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

FactShape code_fact_shape(CodeFactKind kind) { return info(kind).shape; }

bool is_test_path(std::string_view path) {
  auto slash = path.rfind('/');
  auto base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return path.starts_with("tests/") || path.starts_with("test/") || path.find("/tests/") != std::string_view::npos ||
         path.find("/test/") != std::string_view::npos || base.starts_with("test_") ||
         base.find("_test.") != std::string_view::npos;
}

int code_fact_rank(const CodeFact& fact) {
  int rank = info(fact.kind).rank;
  if (fact.kind != CodeFactKind::kTestsAdded && is_test_path(fact.file)) rank += 50;
  if (fact.name.starts_with("_") || fact.scope.starts_with("_")) rank += 25;
  return rank;
}

bool code_fact_is_backed(const CodeFact& fact, const FileChange& file) {
  std::vector<Hunk> hunks;
  if (file.patch) hunks = parse_patch(*file.patch);
  return backed_by(fact, file, hunks);
}

std::vector<CodeFact> find_code_facts(const Commit& commit) {
  std::vector<CodeFact> out;
  for (const auto& file : commit.files) {
    std::vector<CodeFact> facts;
    if (file.status == "added")
      facts.push_back({CodeFactKind::kFileAdded, file.filename, file.filename, {}, std::nullopt, std::nullopt,
                       "file.status"});
    if (file.status == "removed")
      facts.push_back({CodeFactKind::kFileRemoved, file.filename, file.filename, {}, std::nullopt, std::nullopt,
                       "file.status"});
    FileDiff diff{file, file.patch ? parse_patch(*file.patch) : std::vector<Hunk>{}};
    if (file.patch) {
      for (const auto& language : code_rules::languages()) {
        if (!language.applies(file.filename)) continue;
        for (const auto& rule : language.line_rules) apply_line_rule(diff, rule, facts);
        for (const auto& rule : language.block_rules) rule.find(diff, facts);
      }
    }
    fold_renames(facts);
    fold_tests(file.filename, facts);
    for (auto& f : facts) {
      if (!backed_by(f, file, diff.hunks)) continue;  // the rule of code_facts.h, enforced
      if (std::find(out.begin(), out.end(), f) != out.end()) continue;
      out.push_back(std::move(f));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CodeFact& a, const CodeFact& b) { return code_fact_rank(a) < code_fact_rank(b); });
  return out;
}

}  // namespace infradigest
