// The figures the web archive draws from the days' digests: the 30-day
// activity chart (all watched repositories or one) and the week's tag heat
// map, each as an accessible <figure> of inline SVG.
#pragma once

#include <map>
#include <string>

#include "document/day_digest.h"
#include "document/language.h"
#include "site/svg_chart.h"

namespace infradigest {

inline constexpr int kActivityDays = 30;  // the activity chart's span
inline constexpr int kHeatmapDays = 7;    // the heat map's span

using DigestsByDate = std::map<SysDays, const DayDigest*>;

// Counts of the kActivityDays days up to `end`, summed over every repository or `repo` only.
std::vector<ActivityPoint> activity_series(const DigestsByDate& by_date, SysDays end, const std::string* repo);

// `id` must be unique in the page (it names the caption and the SVG's title/desc).
std::string activity_figure(const DigestsByDate& by_date, SysDays end, Language lang, const std::string& id,
                            const std::string* repo);
std::string heatmap_figure(const DigestsByDate& by_date, SysDays end, Language lang, const std::string& id);

}  // namespace infradigest
