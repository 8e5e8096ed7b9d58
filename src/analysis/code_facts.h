// Code facts: what a commit's patch shows the code now does differently —
// an API, flag, env var, default, kernel, op or dependency pin that was
// added, removed or changed. Rule-based (code_fact_rules.cpp holds the table
// per language); every fact is literally backed by the patch: its name on an
// added line for "added", a removed line for "removed", `before` on a removed
// and `after` on an added line for a change. Missing or truncated patches give
// fewer facts, never guesses. (docs/report-json.md lists the kinds.)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.h"

namespace infradigest {

enum class CodeFactKind {
  kFunctionAdded,
  kFunctionRemoved,
  kFunctionRenamed,
  kClassAdded,
  kClassRemoved,
  kSignatureChanged,
  kParameterAdded,
  kParameterRemoved,
  kDefaultChanged,
  kConstantChanged,
  kCliFlagAdded,
  kCliFlagRemoved,
  kEnvVarAdded,
  kEnvVarRemoved,
  kKernelAdded,
  kKernelRemoved,
  kOpAdded,
  kOpRemoved,
  kDependencyAdded,
  kDependencyRemoved,
  kDependencyChanged,
  kArchAdded,
  kArchRemoved,
  kReturnChanged,
  kConditionChanged,
  kTestsAdded,
  kFileAdded,
  kFileRemoved,
};

// "function_added", ... — the JSON spelling.
std::string_view code_fact_kind_name(CodeFactKind kind);
std::optional<CodeFactKind> code_fact_kind_from_name(std::string_view name);

// Which side of the patch must show what (the backing rule).
enum class FactShape { kAdded, kRemoved, kChanged, kCount, kFileStatus };
FactShape code_fact_shape(CodeFactKind kind);

struct CodeFact {
  CodeFactKind kind = CodeFactKind::kFunctionAdded;
  std::string name;    // identifier, flag, env var, package, arch; for tests_added the count
  std::string file;    // the file whose patch shows it
  std::string scope;   // enclosing function/class when the rule knows it ("" otherwise)
  std::optional<std::string> before;  // for changes: as on a removed line
  std::optional<std::string> after;   // for changes: as on an added line
  std::string rule;    // the rule that found it ("py.def", "cpp.global_kernel", ...)
  friend bool operator==(const CodeFact&, const CodeFact&) = default;
};

// The facts of one commit, most user-relevant first (code_fact_rank): CLI
// flags, env vars, defaults and signatures, dependencies and architectures
// before kernels and ops, before internal helpers, tests and files.
std::vector<CodeFact> find_code_facts(const Commit& commit);

// Lower ranks first. Facts in test files and private names (leading '_') rank lower.
int code_fact_rank(const CodeFact& fact);

// Whether `fact` is literally backed by `file`'s patch (the rule above) or,
// for file_added/file_removed, by its status. find_code_facts emits only backed facts.
bool code_fact_is_backed(const CodeFact& fact, const FileChange& file);

// Whether the path is a test file (tests/ directories, test_*.py, *_test.*).
bool is_test_path(std::string_view path);

}  // namespace infradigest
