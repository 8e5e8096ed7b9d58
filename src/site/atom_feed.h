// The Atom feed (RFC 4287) of the web archive: one entry per report day,
// newest first. Text constructs are escaped; the entry content is the day's
// HTML as type="html" (escaped once more, as the RFC requires).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/language.h"
#include "core/timestamp.h"

namespace infradigest {

struct FeedEntry {
  SysDays date{};
  std::string title;         // plain text
  std::string path;          // page of the day, relative to the site root: "days/2026-02-26.html"
  std::string summary;       // plain text
  std::string content_html;  // the day's report as HTML
  SysSeconds updated{};      // when the day's report was complete (its window end)
};

struct FeedOptions {
  std::string title;     // plain text
  std::string subtitle;  // plain text
  // Absolute URL of the published site ("https://example.org/ai-infra/"), or
  // empty: links stay relative to the feed and ids are name-based urn:uuid.
  std::string base_url;
  Language language = Language::kZh;
};

std::string render_atom_feed(const FeedOptions& options, const std::vector<FeedEntry>& entries);

// "urn:uuid:..." of a name-based (version 5, SHA-1) UUID: stable ids with no domain.
std::string name_based_urn(std::string_view name);

}  // namespace infradigest
