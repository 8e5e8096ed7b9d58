// Writes activity in the snapshot format, in a canonical order, so that
// export → import → export is byte-identical.
#pragma once

#include <ostream>

#include "model/activity.h"

namespace infradigest {

// Order: per repository (by name): the repository, commits (by landing time,
// then id), pull requests and issues (by number), releases (by time, tag).
void write_snapshot(const Activity& activity, std::ostream& out);

}  // namespace infradigest
