// The fixed words of weekly and monthly reports, per language and period
// kind. Shared words (separators, kind and facet labels, counted nouns) come
// from compose/language.h.
#pragma once

#include <string>
#include <string_view>

#include "document/language.h"
#include "core/period_window.h"

namespace infradigest {

struct PeriodLabels {
  std::string_view title;         // "AI 基础设施周报"
  std::string_view this_period;   // "本周"
  std::string_view prev_period;   // "上周"
  std::string_view overview;      // "概览"
  std::string_view activity;      // "活跃度"
  std::string_view trends;        // "主题趋势"
  std::string_view rising;        // "上升"
  std::string_view falling;       // "下降"
  std::string_view no_trends;     // nothing rose or fell
  std::string_view releases;      // "本周发布"
  std::string_view no_releases;   // "本周无发布。"
  std::string_view top_changes;   // "各仓库重点"
  std::string_view no_updates;    // "本周无更新。"
  std::string_view nothing;       // the whole period was empty
};

const PeriodLabels& period_labels(PeriodKind kind, Language lang);

// Counted nouns of period reports (changes: document/language.h).
std::string count_merged_prs(int n, Language lang);

}  // namespace infradigest
