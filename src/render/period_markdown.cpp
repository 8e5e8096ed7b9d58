#include "render/period_markdown.h"

#include <fmt/format.h>

#include <sstream>

#include "document/period_language.h"
#include "render/markdown_renderer.h"
#include "render/markdown_text.h"

namespace infradigest {

namespace {

std::string window_line(const PeriodReport& r) {
  const bool zh = r.language == Language::kZh;
  const auto& P = period_labels(r.window.kind, r.language);
  auto local = [&](SysSeconds t) {
    std::string s = r.window.local_rfc3339(t);
    return s.substr(0, 10) + " " + s.substr(11, 5);
  };
  std::string line =
      zh ? fmt::format("> 统计窗口：{} 至 {}（{}，不含结束时刻），按提交进入默认分支的时间计；对比{}：{} 至 {}。",
                       local(r.window.start), local(r.window.end), r.window.timezone, P.prev_period,
                       format_date(r.previous.first), format_date(r.previous.last))
         : fmt::format("> Window: {} to {} ({}, end excluded), by when commits landed on the default branch; "
                       "compared with {}: {} to {}.",
                       local(r.window.start), local(r.window.end), r.window.timezone, P.prev_period,
                       format_date(r.previous.first), format_date(r.previous.last));
  if (r.date_only_items > 0)
    line += zh ? fmt::format("其中 {} 条来源只给出日期（无具体时间），按该日期归入。", r.date_only_items)
               : fmt::format(" {} items have only a date in their source (no time) and are counted on that date.",
                             r.date_only_items);
  return line;
}

void render_activity_table(std::ostream& out, const PeriodReport& r) {
  const bool zh = r.language == Language::kZh;
  const auto& P = period_labels(r.window.kind, r.language);
  if (zh) {
    out << fmt::format("| 仓库 | 变更 | {}变更 | 其中提交 | 合并 PR | 新 Issue | 严重 Issue | 发布 |\n", P.prev_period);
  } else {
    out << "| Repository | Changes | Previous | Commits | Merged PRs | New issues | Severe issues | Releases |\n";
  }
  out << "|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const auto& repo : r.repos) {
    const PeriodCounts& c = repo.counts;
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(repo.full_name), c.changes,
                       repo.previous_changes, c.commits, c.merged_prs, c.issues, c.severe_issues, c.releases);
  }
}

void render_trends(std::ostream& out, const PeriodReport& r) {
  const auto& P = period_labels(r.window.kind, r.language);
  if (r.rising.empty() && r.falling.empty()) {
    out << P.no_trends << "\n";
    return;
  }
  bool first = true;
  for (const auto* list : {&r.rising, &r.falling}) {
    if (list->empty()) continue;
    out << (first ? "" : "\n") << "### " << (list == &r.rising ? P.rising : P.falling) << "\n\n";
    for (const auto& t : *list) out << "- " << render_markdown_inline(t.statement) << "\n";
    first = false;
  }
}

void render_repo(std::ostream& out, const PeriodRepo& repo, const PeriodReport& r) {
  const auto& P = period_labels(r.window.kind, r.language);
  const auto& L = labels(r.language);
  out << "### " << escape_markdown(repo.full_name) << "\n\n";
  if (repo.empty()) {
    out << P.no_updates << "\n\n";
    return;
  }
  if (!repo.highlights.empty()) {
    render_statements(out, repo.highlights);
    out << "\n";
  }
  if (!repo.issue_lines.empty()) {
    out << "**" << (r.language == Language::kZh ? "严重 Issue" : "Severe issues") << "**" << L.open_paren
        << repo.counts.severe_issues << L.close_paren << "\n\n";
    render_statements(out, repo.issue_lines);
    out << "\n";
  }
}

}  // namespace

std::string render_period_markdown(const PeriodReport& r) {
  const auto& P = period_labels(r.window.kind, r.language);
  std::ostringstream out;
  out << "# " << P.title << " · " << r.window.label() << "\n\n";
  out << window_line(r) << "\n\n";
  out << "## " << P.overview << "\n\n";
  if (r.summary.empty()) out << P.nothing << "\n";
  render_statements(out, r.summary);
  out << "\n## " << P.activity << "\n\n";
  render_activity_table(out, r);
  out << "\n## " << P.trends << "\n\n";
  render_trends(out, r);
  out << "\n## " << P.releases << "\n\n";
  if (r.release_lines.empty()) out << P.no_releases << "\n";
  render_statements(out, r.release_lines);
  out << "\n## " << P.top_changes << "\n\n";
  for (const auto& repo : r.repos) render_repo(out, repo, r);
  std::string text = out.str();
  while (text.ends_with("\n\n")) text.pop_back();  // the last section's trailing blank line
  return text;
}

}  // namespace infradigest
