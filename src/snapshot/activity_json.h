// JSON encoding of the activity model, as documented in docs/snapshot-format.md.
// Decoding is strict: unknown fields and wrong types are errors, so a typo in a
// snapshot never silently drops data.
#pragma once

#include <nlohmann/json.hpp>
#include <variant>

#include "core/result.h"
#include "model/activity.h"

namespace infradigest {

using OrderedJson = nlohmann::ordered_json;

// One decoded snapshot line.
struct SnapshotMeta {
  int format_version = 1;
  std::optional<std::string> description;
};
using SnapshotRecord = std::variant<SnapshotMeta, Repository, Commit, PullRequest, Issue, Release>;

// Decodes one JSON object; errors say which field is wrong and why.
Result<SnapshotRecord> decode_record(const nlohmann::json& object);

// Encodes with a fixed key order and absent fields omitted (canonical form).
OrderedJson encode(const Repository& repo);
OrderedJson encode(const Commit& commit);
OrderedJson encode(const PullRequest& pr);
OrderedJson encode(const Issue& issue);
OrderedJson encode(const Release& release);

}  // namespace infradigest
