// Report: the composed content of one AI Infra report, as data. Renderers
// (Markdown, JSON) only format it; every sentence carries the ids of the facts
// it states, so it can be checked against the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/code_facts.h"
#include "analysis/issue_problem.h"
#include "document/language.h"
#include "core/report_window.h"

namespace infradigest {

// A piece of a sentence: plain text, optionally linked or emphasised.
enum class SpanStyle : int { kPlain = 0, kStrong = 1, kCode = 2 };
struct Span {
  std::string text;
  std::string url;  // empty: no link
  SpanStyle style = SpanStyle::kPlain;
};

// One bullet of 摘要 / 影响评估 / 总结.
struct Statement {
  std::vector<Span> spans;
  std::vector<std::string> cites;  // fact ids (see model/activity.h fact_id)
  std::string plain_text() const;  // spans joined, for JSON and checks
};

struct ImpactTheme {
  std::string key;    // "hardware", "performance", "models", "reliability", "maintainability", "cross_repo"
  std::string title;  // localized heading
  std::vector<Statement> statements;
};

// A change shown in a repo section: the commits of one PR, or one commit
// without a PR (compose/changes.h), or a merged PR with no commit in the window.
struct ReportItem {
  std::string id;
  std::optional<std::string> sha;     // the main commit: the PR's merge commit, else the last one landed
  std::vector<std::string> shas;  // every commit of the change, the main one first; empty for a PR alone
  std::string title;          // as the source gives it
  std::string display_title;  // title without a trailing "(#N)" that `pr` shows anyway
  std::string url;  // commit URL, else PR URL, else empty (source named neither)
  std::optional<int> pr;
  std::optional<std::string> author;
  Classification classification;
  std::optional<int> additions;  // summed over files with known counts
  std::optional<int> deletions;
  int files = 0;
  double importance = 0;
  bool date_only = false;
  // A late arrival: the commit's own date (in the report's zone) when it is
  // earlier than the report's day — it reached the default branch later
  // (late push, rebase), and the report says so ("提交于 02-25，02-26 进入主分支").
  std::optional<SysDays> committed_on;
  // Set by the LLM writer when it rendered the title in the report language
  // and the rendering passed verification; shown beside the source title,
  // which always stays visible.
  std::optional<std::string> translated_title;
  // What the commit's patch shows (analysis/code_facts.h), most user-relevant
  // first, at most kMaxItemCodeFacts; code_facts_total counts them all.
  std::vector<CodeFact> code_facts;
  int code_facts_total = 0;
  // 代码变更: the strongest facts (at most 3) in one line; absent without facts.
  std::optional<Statement> code_change;
};

constexpr size_t kMaxItemCodeFacts = 20;

struct ReportIssue {
  std::string id;
  int number = 0;
  std::string title;
  std::string url;
  std::optional<std::string> author;
  IssueClassification classification;
  // 问题描述 of a bug report (a bug by the classifier or by its "bug" label):
  // symptom, environment and repro copied from its body; absent when the
  // body names none of them.
  std::optional<ProblemDescription> problem;
};

struct ReportRelease {
  std::string id;
  std::string tag;
  std::optional<std::string> name;
  std::string url;
  std::optional<bool> prerelease;
  std::optional<std::string> notes;  // excerpt, as the source gives it
  std::optional<int> pr;
};

struct RepoSection {
  std::string full_name;
  std::string url;
  std::vector<ReportRelease> releases;
  std::vector<ReportItem> items;  // grouped by kind (report order), most important first
  std::vector<ReportIssue> issues;
  std::vector<Statement> analysis;  // LLM-written and verified; empty without an LLM
  bool empty() const { return releases.empty() && items.empty() && issues.empty(); }
};

// One watched project moving another's version pin: "vLLM bumps FlashInfer
// to 0.6.4". Detected from the downstream commit (compose/dependency_bumps.h).
struct DependencyUpdate {
  std::string repo;                    // downstream: the repo whose item bumps the pin
  std::string item_id;                 // that item (a ReportItem of `repo`)
  std::string upstream;                // the watched repo whose version moved
  std::optional<std::string> version;  // verbatim from the title/message, when given
  // The upstream's release of this version when it is in the same report (a
  // release, else the upstream's version commit of the day naming it): the
  // downstream adopted it the day it came out.
  std::optional<std::string> release_id;
  // Upstream items of the report the downstream change names (by PR number in
  // its message or PR body, or through the adopted release's notes): the fixes it picks up.
  std::vector<std::string> picked_up_ids;
};

// A benchmark figure quoted verbatim from a commit message, PR body or title.
struct PerformanceFigure {
  std::string repo;
  Statement change;   // the item, linked (cites it)
  std::string quote;  // the exact text around the figure, as the source gives it (not escaped)
  std::string source; // "title" | "message" | "pr_body"
};

// Why a section holds no LLM text. Stored values: never renumber.
enum class LlmFallbackReason : int {
  kRejected = 0,        // every answer failed verification
  kNoAnswer = 1,        // the endpoint gave no usable answer (HTTP error, timeout)
  kRejectedBefore = 2,  // the same request was rejected earlier for this day (--retry-llm asks again)
};

struct LlmFallback {
  std::string section;  // "summary", "impact", "outlook", or a repo "owner/name"
  LlmFallbackReason reason = LlmFallbackReason::kRejected;
};

// What the LLM writer did for this report. Absent when none was asked (no
// [llm] configured, or --no-llm): the report is then purely rule-based. The
// model's verified sentences are added beside the rule-based text, never in
// its place: the report's summary, impact and outlook stay the rules' own.
struct LlmNote {
  std::vector<std::string> models;  // models whose verified text the report holds
  // Sections without LLM text, and why.
  std::vector<LlmFallback> fallbacks;
  std::string unavailable;  // non-empty: no LLM text at all, and why ("HTTP 401")
  // Verified sentences for 摘要, 影响评估 (per theme: key, title) and 总结.
  std::vector<Statement> summary;
  std::vector<ImpactTheme> impact;
  std::vector<Statement> outlook;
};

constexpr size_t kMaxPerformanceFigures = 8;

struct Report {
  ReportWindow window;
  Language language = Language::kZh;
  int date_only_items = 0;  // items whose source gave only the day
  int total_items = 0;
  // Watched repositories whose sync for this day failed: their items may be
  // missing (the next run picks them up). Empty when nothing failed.
  std::vector<std::string> incomplete_repos;
  std::vector<Statement> summary;      // 摘要
  std::vector<ImpactTheme> impact;     // 影响评估
  std::vector<RepoSection> repos;      // 具体内容分析, watchlist order
  std::vector<Statement> outlook;      // 总结: 关注要点 & 未来展望
  std::vector<DependencyUpdate> dependency_updates;  // cross-repo pins, read by 影响评估
  std::vector<PerformanceFigure> figures;            // 性能数据, at most kMaxPerformanceFigures
  std::optional<LlmNote> llm;
};

}  // namespace infradigest
