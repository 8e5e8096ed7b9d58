// Report language and the localized words the composer and renderers use.
// Technical terms (tags, titles) stay in English in both languages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analysis/classification.h"
#include "analysis/code_facts.h"
#include "analysis/risk_signals.h"

namespace infradigest {

enum class Language : int { kZh = 0, kEn = 1 };

std::optional<Language> parse_language(std::string_view code);  // "zh" | "en"
std::string_view language_code(Language lang);                  // "zh" | "en"
std::string_view html_lang(Language lang);                      // "zh-CN" | "en"

// Words of one language. All user-visible fixed text lives here.
struct Labels {
  std::string_view title;            // "AI 基础设施日报"
  std::string_view intro;            // "今日的 AI Infra 的新闻如下。"
  std::string_view summary;          // "摘要"
  std::string_view impact;           // "影响评估"
  std::string_view details;          // "具体内容分析"
  std::string_view conclusion;       // "总结"
  std::string_view outlook;          // "关注要点 & 未来展望"
  std::string_view no_updates;       // "昨日无更新。"
  std::string_view releases;         // "发布"
  std::string_view new_issues;       // "新 Issue"
  std::string_view theme_hardware, theme_performance, theme_models, theme_reliability,
      theme_maintainability, theme_cross_repo;
  std::string_view list_separator;   // "、" | ", "
  std::string_view clause_separator; // "；" | "; "
  std::string_view colon;            // "：" | ": "
  std::string_view open_paren, close_paren;  // "（" "）" | " (" ")"
  std::string_view period;           // "。" | "."
  std::string_view no_link;          // why an item has no link
  std::string_view figures;          // "性能数据": the quoted benchmark figures
  std::string_view figures_note;     // they are quoted, never computed
  std::string_view figures_repo, figures_change, figures_quote;  // table headings
  std::string_view dependency_update;  // "依赖联动"
  std::string_view breaking_change;    // "破坏性变更"
  std::string_view risk;              // "风险", after a hardware name: "Blackwell 风险"
  // A repository whose sync failed, shown instead of no_updates: nothing is known
  // about its day, which is not the same as "no updates".
  std::string_view not_synced;        // "未同步：本次同步失败，该仓库昨日的动态未知。"
  std::string_view code_change;       // "代码变更": an item's code facts (analysis/code_facts.h)
  std::string_view theme_api_config;  // "接口与配置变化"
};

const Labels& labels(Language lang);

std::string_view kind_label(ChangeKind kind, Language lang);     // "问题修复" | "Fixes"
std::string_view issue_kind_label(IssueKind kind, Language lang); // "缺陷" | "bug"
std::string_view facet_label(TagFacet facet, Language lang);      // "硬件" | "hardware"
// A tag's label, config-defined tags included ("Blackwell"; technical terms stay English).
std::string tag_label(const Tag& tag, Language lang);

std::string_view symptom_label(RiskSymptom symptom, Language lang);    // "崩溃" | "crash"
std::string_view breaking_action_label(BreakingAction action, Language lang);  // "移除" | "removes"
std::string_view breaking_subject_label(BreakingSubject subject, Language lang);  // "参数" | "flag"

// What a code fact says, before its name: "新增参数" | "adds parameter".
std::string_view code_fact_label(CodeFactKind kind, Language lang);

// Counted nouns. A change is what a report item stands for: a PR's commits
// together, or one commit without a PR (compose/changes.h): "3 项变更" / "3 changes".
std::string count_changes(int n, Language lang);
std::string count_issues(int n, Language lang);
std::string count_releases(int n, Language lang);
std::string count_items(int n, Language lang);

}  // namespace infradigest
