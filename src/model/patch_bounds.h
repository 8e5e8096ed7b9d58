// How much of each commit's patch text is kept: per file and per commit.
// A patch is cut at a line boundary (never inside a line or a UTF-8
// character), and every cut or dropped patch is marked `patch_truncated`, so
// a reader always knows it sees part of the change.
#pragma once

#include <cstdint>

#include "model/activity.h"

namespace infradigest {

struct PatchLimits {
  std::int64_t max_file_bytes = 32768;     // one file's patch
  std::int64_t max_commit_bytes = 131072;  // all patches of one commit, in file order
};

// Applies `limits` to `commit`'s file patches in place. A patch already marked
// truncated stays marked; files after the commit budget is spent lose their
// patch (marked truncated). Idempotent.
void bound_patches(Commit& commit, const PatchLimits& limits);

}  // namespace infradigest
