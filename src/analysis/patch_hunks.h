// A file's unified diff (the `patch` GitHub gives per file) as hunks of
// lines, and each hunk's two sides: the old text (context and removed lines)
// and the new text (context and added lines). The code-fact rules read these.
#pragma once

#include <string_view>
#include <vector>

namespace infradigest {

enum class LineChange { kContext, kRemoved, kAdded };

struct PatchLine {
  LineChange change = LineChange::kContext;
  std::string_view text;  // without the leading ' ', '-' or '+'
};

struct Hunk {
  // What git printed after the second "@@": the nearest preceding line of the
  // old file that looks like a function or class header ("def f(", "class C:").
  std::string_view header;
  std::vector<PatchLine> lines;
};

// Views into `patch`, which must outlive the result. Lines that are neither
// context, removed nor added ("\ No newline at end of file") are skipped; text
// before the first "@@" is ignored.
std::vector<Hunk> parse_patch(std::string_view patch);

// One side of a hunk, in order: the old side keeps context and removed lines,
// the new side context and added lines.
enum class Side { kOld, kNew };
std::vector<PatchLine> side_lines(const Hunk& hunk, Side side);

}  // namespace infradigest
