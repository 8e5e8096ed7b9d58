#include "analysis/patch_hunks.h"

namespace infradigest {

std::vector<Hunk> parse_patch(std::string_view patch) {
  std::vector<Hunk> hunks;
  size_t pos = 0;
  while (pos < patch.size()) {
    size_t end = patch.find('\n', pos);
    if (end == std::string_view::npos) end = patch.size();
    std::string_view line = patch.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("@@")) {
      Hunk h;
      // "@@ -818,7 +818,7 @@ class MxInt4BlockScaleMoe(Moe):"
      size_t close = line.find("@@", 2);
      if (close != std::string_view::npos) {
        std::string_view rest = line.substr(close + 2);
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        h.header = rest;
      }
      hunks.push_back(std::move(h));
      continue;
    }
    if (hunks.empty() || line.empty()) {
      // An empty line inside a hunk is a context line whose ' ' was stripped.
      if (!hunks.empty()) hunks.back().lines.push_back(PatchLine{LineChange::kContext, {}});
      continue;
    }
    switch (line.front()) {
      case ' ': hunks.back().lines.push_back(PatchLine{LineChange::kContext, line.substr(1)}); break;
      case '-': hunks.back().lines.push_back(PatchLine{LineChange::kRemoved, line.substr(1)}); break;
      case '+': hunks.back().lines.push_back(PatchLine{LineChange::kAdded, line.substr(1)}); break;
      default: break;  // "\ No newline at end of file"
    }
  }
  return hunks;
}

std::vector<PatchLine> side_lines(const Hunk& hunk, Side side) {
  const LineChange own = side == Side::kOld ? LineChange::kRemoved : LineChange::kAdded;
  std::vector<PatchLine> out;
  out.reserve(hunk.lines.size());
  for (const auto& l : hunk.lines)
    if (l.change == LineChange::kContext || l.change == own) out.push_back(l);
  return out;
}

}  // namespace infradigest
