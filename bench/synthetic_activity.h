// Realistic synthetic activity for benchmarks: copies of a real day (the
// bundled 2026-02-26 example) moved to other days and, optionally, to more
// repositories — real titles, messages, files and PR bodies, with fresh SHAs,
// numbers and tags so every copy is a distinct item.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest::bench {

// `day` moved by `day_offset` days; with `repo_copy` > 0 every repository
// "owner/name" becomes "owner-cK/name" (K = repo_copy).
Activity copy_day(const Activity& day, int day_offset, int repo_copy = 0);

// The repositories of `day`, renamed as copy_day renames them.
std::vector<std::string> copied_repos(const Activity& day, int repo_copy);

// The bundled reference day (examples/2026-02-26) the synthetic histories copy.
Result<Activity> reference_day();

// A fresh store at DIR/store.db (DIR emptied first) holding `days` copies of
// `day`, one per day from its own date on: the history the benchmarks measure.
Result<Database> history_store(const std::filesystem::path& dir, const Activity& day, int days);

// "1,3,7" → {1, 3, 7}: the --months option of the history benchmarks.
std::vector<int> month_list(const std::string& text);

double seconds_since(std::chrono::steady_clock::time_point start);

}  // namespace infradigest::bench
