#include "model/patch_bounds.h"

#include <algorithm>
#include <string>

namespace infradigest {

namespace {

// `patch` cut to at most `budget` bytes at the end of a line; empty when not
// even its first line fits.
std::string cut_at_line(const std::string& patch, std::size_t budget) {
  if (patch.size() <= budget) return patch;
  auto end = patch.rfind('\n', budget == 0 ? 0 : budget - 1);
  if (end == std::string::npos || end >= budget) return {};
  return patch.substr(0, end + 1);
}

}  // namespace

void bound_patches(Commit& commit, const PatchLimits& limits) {
  const auto per_file = static_cast<std::size_t>(std::max<std::int64_t>(0, limits.max_file_bytes));
  std::size_t left = static_cast<std::size_t>(std::max<std::int64_t>(0, limits.max_commit_bytes));
  for (auto& f : commit.files) {
    if (!f.patch) continue;
    const std::size_t budget = std::min(per_file, left);
    if (f.patch->size() <= budget) {
      left -= f.patch->size();
      continue;
    }
    std::string kept = cut_at_line(*f.patch, budget);
    f.patch_truncated = true;
    if (kept.empty()) {
      f.patch.reset();
      continue;
    }
    left -= kept.size();
    f.patch = std::move(kept);
  }
}

}  // namespace infradigest
