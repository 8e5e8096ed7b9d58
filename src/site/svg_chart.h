// Charts as inline SVG, drawn at build time: readable with JavaScript off,
// offline and from file://. Each chart is an <svg role="img"> with a <title>
// and a <desc> stating its numbers, and a <title> per mark for hover.
// All text passes through html_escape.
#pragma once

#include <string>
#include <vector>

#include "document/language.h"
#include "core/timestamp.h"

namespace infradigest {

struct ActivityPoint {
  SysDays date{};
  int commits = 0;
  int prs = 0;
  int issues = 0;
};

// Grouped bars per day (commits, merged PRs, new issues), oldest day left.
// `id` must be unique in the page (it names the title/desc elements).
std::string activity_chart_svg(const std::string& id, const std::string& title,
                               const std::vector<ActivityPoint>& days, Language lang);

struct HeatmapRow {
  std::string label;        // tag name
  std::string facet;        // localized facet word, shown small
  std::vector<int> counts;  // one per column day
};

// Tags x days: a cell's shade grows with the count written in it.
std::string tag_heatmap_svg(const std::string& id, const std::string& title, const std::vector<SysDays>& days,
                            const std::vector<HeatmapRow>& rows, Language lang);

}  // namespace infradigest
