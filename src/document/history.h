// `infradigest query` as data: the filters asked, and the stored items that
// matched, newest first. Built by compose/history_query.h; render/history_output.h
// formats it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "core/timestamp.h"

namespace infradigest {

struct HistoryQuery {
  std::vector<std::string> repos;   // "owner/name"; an item matches any (empty: all)
  std::vector<std::string> tags;    // canonical tag names; an item must carry every one
  std::vector<std::string> kinds;   // change kinds ("fix"), issue kinds ("bug"), "release"; any
  std::vector<std::string> types;   // "commit" | "pr" | "issue" | "release"; any (empty: all)
  std::optional<std::string> text;  // an FTS5 query over titles, messages, bodies, notes
  std::optional<SysDays> since;     // first local day, inclusive
  std::optional<SysDays> until;     // last local day, inclusive
  std::string timezone = "UTC";
  int limit = 50;
};

struct HistoryHit {
  std::string type;  // "commit" | "pr" | "issue" | "release"
  std::string id;    // fact id (model/activity.h)
  std::string repo;
  std::string title;
  std::string url;
  Timestamp time;
  SysDays day{};     // `time` as a local date in the query's timezone
  std::string kind;  // kind_name, issue kind ("feature_request"), or "release"
  std::vector<Tag> tags;
  std::optional<std::string> sha;
  std::optional<int> number;  // PR or issue number; a commit's PR
  std::optional<std::string> release_tag;
  double importance = 0;  // commits and PRs: compose/importance.h
};

struct HistoryResult {
  std::vector<HistoryHit> hits;  // newest first, at most `limit`
  int total = 0;                 // matches before the limit
};

}  // namespace infradigest
