// The code-fact rule table (code_facts.h): per language, line rules that
// read one line of a patch (with the lines before it on the same side of its
// hunk) and block rules that read a whole file diff. code_facts.cpp applies them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/code_facts.h"
#include "analysis/patch_hunks.h"

namespace infradigest::code_rules {

// What a line rule sees: one line, the lines before it on the same side of
// its hunk (nearest last), and the hunk's header.
struct LineContext {
  std::string_view text;
  std::span<const PatchLine> before;
  std::string_view header;
  std::string_view path;  // the file's path
};

// What a line names: `value` is "" when the line gives none.
struct LineMatch {
  std::string name;
  std::string value;
  std::string scope;
};

using LineMatcher = void (*)(const LineContext& line, std::vector<LineMatch>& out);

// How the matches of the removed and the added lines of one file become facts.
enum class Shape {
  // A name on added lines only is added; on removed lines only, removed.
  kPresence,
  // As kPresence, and a name on both sides with one value each that differ is
  // a change (before → after). Matches without a value never make a change.
  kValue,
};

struct LineRule {
  std::string_view id;  // "py.def": named in `explain`
  Shape shape = Shape::kPresence;
  std::optional<CodeFactKind> added{};
  std::optional<CodeFactKind> removed{};
  std::optional<CodeFactKind> changed{};
  LineMatcher match = nullptr;
};

// One file's diff, parsed, for block rules.
struct FileDiff {
  const FileChange& file;
  std::vector<Hunk> hunks;
};

struct BlockRule {
  std::string_view id;
  void (*find)(const FileDiff& diff, std::vector<CodeFact>& out) = nullptr;
};

struct Language {
  std::string_view name;
  bool (*applies)(std::string_view path) = nullptr;
  std::span<const LineRule> line_rules{};
  std::span<const BlockRule> block_rules{};
};

// Every language whose `applies` accepts a path runs on that file.
std::span<const Language> languages();

// Which source files are Python (.py, .pyi) and C-family (C, C++, CUDA).
bool is_python(std::string_view path);
bool is_cpp(std::string_view path);

}  // namespace infradigest::code_rules
