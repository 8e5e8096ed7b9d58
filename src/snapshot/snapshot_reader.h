// Reads activity snapshots (docs/snapshot-format.md) from a file or a folder.
#pragma once

#include <string>

#include "core/result.h"
#include "model/activity.h"

namespace infradigest {

// Reads a *.jsonl file, or every *.jsonl file of a folder in name order.
// All or nothing: the first invalid line fails the whole read with
// "path:line:column: what is wrong", so a caller never stores half a snapshot.
// An item repeated with different content is an error; repeated identically, once.
Result<Activity> read_snapshot(const std::string& path);

// Parses snapshot text; `origin` names it in errors.
Result<Activity> parse_snapshot(const std::string& text, const std::string& origin);

}  // namespace infradigest
