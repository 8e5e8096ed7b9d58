// Realistic synthetic activity for benchmarks: copies of a real day (the
// bundled 2026-02-26 example) moved to other days and, optionally, to more
// repositories — real titles, messages, files and PR bodies, with fresh SHAs,
// numbers and tags so every copy is a distinct item.
#pragma once

#include <string>
#include <vector>

#include "model/activity.h"

namespace infradigest::bench {

// `day` moved by `day_offset` days; with `repo_copy` > 0 every repository
// "owner/name" becomes "owner-cK/name" (K = repo_copy).
Activity copy_day(const Activity& day, int day_offset, int repo_copy = 0);

// The repositories of `day`, renamed as copy_day renames them.
std::vector<std::string> copied_repos(const Activity& day, int repo_copy);

}  // namespace infradigest::bench
