// The stable HTML ids of a day page's items, so that a search hit (and anyone
// sharing a link) lands on the item, not the top of the page. One function
// names them from the stored report; the day page and the search index both
// call it, so they always agree, and a rebuild of the same report gives the
// same ids. The scheme (docs/publishing.md):
//   a change with a commit   its short SHA              "0f3e1c2"
//   a PR without a commit    <repo>-pr-<N>              "sglang-pr-123"
//   an issue                 <repo>-issue-<N>           "flashinfer-issue-2638"
//   a release                <repo>-release-<tag>       "vllm-release-v0.16.0"
// <repo> is the repository's name, lower case (owner-name when two watched
// repositories share a name); characters other than [a-z0-9._-] become '-'.
// Two repositories' "#123" never collide; an id already taken on the page
// (two short SHAs alike) gets "-2", "-3" in report order. An item the page
// does not link (its source gave no URL) has no id.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document/report.h"

namespace infradigest {

struct SectionAnchors {
  std::string full_name;
  // Parallel to the RepoSection's vectors; "" where the item has no id.
  std::vector<std::string> releases, items, issues;
  // The id of each item's line, by the (Markdown-escaped) URL the line links first.
  std::map<std::string, std::string> by_link;
};

// One entry per report.repos, in order.
std::vector<SectionAnchors> item_anchors(const Report& report);

}  // namespace infradigest
