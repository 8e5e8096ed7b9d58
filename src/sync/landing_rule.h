// The exactly-once rule (docs/sync.md): which daily report a commit belongs to.
//
// A report for day D covers commits whose landing time falls in D's window.
// The landing time is the committer date — unless a walk from the cursor
// found the commit after the report that its committer date points to was
// already due (a late push, a rebase, a mirror): then it lands at the
// "floor", the start of the earliest window no report has covered yet.
#pragma once

#include <optional>
#include <vector>

#include "core/timestamp.h"
#include "model/activity.h"

namespace infradigest {

// The floor of a sync of a window starting at `window_start`: that start, or
// the end of the last window `run` reported, whichever is later (a re-run of
// a reported day puts newly found late commits into the next day, keeping the
// reported day as it was).
SysSeconds landing_floor(SysSeconds window_start, std::optional<SysSeconds> reported_through);

// Sets landed_at = floor on commits of a walk from a cursor whose committer
// date is before the floor. Commits of a first sync or a backfill keep their
// committer dates (those days were never reported with this repository).
void attribute_landing(std::vector<Commit>& walked_from_cursor, SysSeconds floor);

}  // namespace infradigest
