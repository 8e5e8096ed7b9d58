// The full-text search index of the web archive: every item, issue and
// release of every day, as JSON arrays appended to window.INFRADIGEST_SEARCH
// by .js files, one per month (a <script src> works from file://, where
// fetch() does not; a month's shard is rewritten only when one of its days
// changes). Entry fields: d date, r repo, t title, k kind, g tags, a the item's
// id on its day page (site/item_anchors.h; absent when the page has none).
#pragma once

#include <string>
#include <vector>

#include "document/report.h"

namespace infradigest {

// One shard: the entries of `reports` (newest first), appended in that order.
std::string render_search_shard_js(const std::vector<const Report*>& reports);

// "assets/search/2026-02.js": the shard of the month holding `date`.
std::string search_shard_path(SysDays date);

}  // namespace infradigest
