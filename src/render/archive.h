// The Markdown archive, like the reference system's: DIR/DATE.md per day and
// DIR/README.md, an index with the latest report inline and links to the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/language.h"
#include "core/result.h"
#include "core/timestamp.h"

namespace infradigest {

// Writes DIR/DATE.md (atomically), then rebuilds DIR/README.md from every
// YYYY-MM-DD.md in DIR: the newest day inline (not necessarily `date`, when
// backfilling), older days as links, newest first.
Status write_archive(const std::string& dir, SysDays date, const std::string& markdown,
                     Language language);

// The days DIR holds a report of (YYYY-MM-DD.md), newest first; none when DIR
// does not exist.
std::vector<std::string> archived_days(const std::string& dir);

// The text of DIR/DATE.md; nullopt when there is none.
Result<std::optional<std::string>> archived_report(const std::string& dir, SysDays date);

}  // namespace infradigest
