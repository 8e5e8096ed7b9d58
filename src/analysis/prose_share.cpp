#include "analysis/prose_share.h"

#include "analysis/code_fact_rules.h"
#include "analysis/code_scan.h"
#include "analysis/patch_hunks.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

enum class CommentSyntax { kNone, kHash, kSlashes };

CommentSyntax comment_syntax_of(std::string_view path) {
  if (code_rules::is_python(path)) return CommentSyntax::kHash;
  if (code_rules::is_cpp(path)) return CommentSyntax::kSlashes;
  return CommentSyntax::kNone;
}

// A changed line's text holds only a comment: "# note", "// note", and the
// inside of a C block comment ("/* note", " * note", "*/"). A "#pragma" or
// "#include" in C is code.
bool is_comment_only(std::string_view text, CommentSyntax syntax) {
  const std::string_view t = trim_ascii_space(text);
  if (syntax == CommentSyntax::kHash) return t.starts_with('#') && !t.starts_with("#!");
  return code_scan::strip_cpp_comment(t).empty() || t.starts_with("/*") || t.starts_with("*");
}

struct LineCount {
  int prose = 0;
  int total = 0;
};

// Counts a patch's non-blank changed lines and those that are only a comment.
LineCount count_patch_lines(std::string_view patch, CommentSyntax syntax) {
  LineCount n;
  for (const Hunk& hunk : parse_patch(patch)) {
    for (const PatchLine& line : hunk.lines) {
      if (line.change == LineChange::kContext || trim_ascii_space(line.text).empty()) continue;
      ++n.total;
      if (is_comment_only(line.text, syntax)) ++n.prose;
    }
  }
  return n;
}

}  // namespace

bool is_prose_path(std::string_view path) {
  const std::string lower = ascii_lower(path);
  return lower.starts_with("docs/") || lower.find("/docs/") != std::string::npos || lower.ends_with(".md") ||
         lower.ends_with(".rst") || lower.ends_with(".ipynb");
}

double prose_share(const std::vector<FileChange>& files) {
  // By changed lines when every file has counts, else by files (a source
  // without counts has no patches either).
  bool lines_known = true;
  for (const FileChange& f : files) lines_known = lines_known && f.additions && f.deletions;
  double prose = 0, total = 0;
  for (const FileChange& f : files) {
    const double lines = lines_known ? *f.additions + *f.deletions : 1.0;
    if (is_prose_path(f.filename)) {
      prose += lines;
      total += lines;
      continue;
    }
    const CommentSyntax syntax = comment_syntax_of(f.filename);
    if (lines_known && syntax != CommentSyntax::kNone && f.patch && !f.patch_truncated) {
      const LineCount n = count_patch_lines(*f.patch, syntax);
      if (n.total > 0) {
        prose += n.prose;
        total += n.total;
        continue;
      }
    }
    total += lines;
  }
  return total > 0 ? prose / total : 0.0;
}

}  // namespace infradigest
