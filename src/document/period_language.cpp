#include "document/period_language.h"

#include <fmt/format.h>

namespace infradigest {

const PeriodLabels& period_labels(PeriodKind kind, Language lang) {
  static const PeriodLabels kZhWeek{
      "AI 基础设施周报", "本周", "上周", "概览", "活跃度", "主题趋势（对比上周）", "上升", "下降",
      "与上周相比，各主题的变更数没有变化。", "本周发布", "本周无发布。", "各仓库重点", "本周无更新。",
      "本周关注的仓库均无更新。"};
  static const PeriodLabels kZhMonth{
      "AI 基础设施月报", "本月", "上月", "概览", "活跃度", "主题趋势（对比上月）", "上升", "下降",
      "与上月相比，各主题的变更数没有变化。", "本月发布", "本月无发布。", "各仓库重点", "本月无更新。",
      "本月关注的仓库均无更新。"};
  static const PeriodLabels kEnWeek{
      "AI Infra Weekly", "this week", "the previous week", "Overview", "Activity",
      "Theme trends (vs the previous week)", "Rising", "Falling",
      "No theme changed its number of changes since the previous week.", "Releases this week",
      "No releases this week.", "Top changes by repository", "No updates this week.",
      "None of the watched repositories moved this week."};
  static const PeriodLabels kEnMonth{
      "AI Infra Monthly", "this month", "the previous month", "Overview", "Activity",
      "Theme trends (vs the previous month)", "Rising", "Falling",
      "No theme changed its number of changes since the previous month.", "Releases this month",
      "No releases this month.", "Top changes by repository", "No updates this month.",
      "None of the watched repositories moved this month."};
  const bool zh = lang == Language::kZh;
  if (kind == PeriodKind::kWeek) return zh ? kZhWeek : kEnWeek;
  return zh ? kZhMonth : kEnMonth;
}

std::string count_merged_prs(int n, Language lang) {
  if (lang == Language::kZh) return fmt::format("{} 个合并 PR", n);
  return fmt::format("{} merged PR{}", n, n == 1 ? "" : "s");
}

}  // namespace infradigest
