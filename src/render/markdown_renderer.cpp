#include "render/markdown_renderer.h"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "render/markdown_text.h"

namespace infradigest {

namespace {

constexpr size_t kReleaseNoteLines = 6;

std::string link(const std::string& text, const std::string& url) {
  std::string safe_url = markdown_url(url);
  if (safe_url.empty()) return escape_markdown(text);
  return "[" + escape_markdown(text) + "](" + safe_url + ")";
}

std::string window_line(const Report& r) {
  const bool zh = r.language == Language::kZh;
  auto local = [&](SysSeconds t) {
    std::string s = r.window.local_rfc3339(t);
    return s.substr(0, 10) + " " + s.substr(11, 5);
  };
  std::string line = zh ? fmt::format("> 统计窗口：{} 至 {}（{}，不含结束时刻），按提交进入默认分支的时间计。",
                                      local(r.window.start), local(r.window.end), r.window.timezone)
                        : fmt::format("> Window: {} to {} ({}, end excluded), by when commits landed on the default branch.",
                                      local(r.window.start), local(r.window.end), r.window.timezone);
  if (r.date_only_items > 0)
    line += zh ? fmt::format("其中 {} 条来源只给出日期（无具体时间），按该日期归入本日。", r.date_only_items)
               : fmt::format(" {} items have only a date in their source (no time) and are counted on that date.",
                             r.date_only_items);
  return line;
}

// One line naming the repositories whose sync failed, so a reader knows the
// report may miss their items.
std::string incomplete_line(const Report& r) {
  const bool zh = r.language == Language::kZh;
  std::string names;
  for (const auto& n : r.incomplete_repos)
    names += (names.empty() ? "" : std::string(labels(r.language).list_separator)) + escape_markdown(n);
  return zh ? fmt::format("> 注意：以下仓库本次同步失败，其内容可能不完整：{}。", names)
            : fmt::format("> Note: the sync of these repositories failed; their items may be incomplete: {}.", names);
}

std::string section_name(const std::string& key, Language lang) {
  const auto& L = labels(lang);
  if (key == "summary") return std::string(L.summary);
  if (key == "impact") return std::string(L.impact);
  if (key == "outlook") return std::string(L.conclusion);
  return key;
}

// One line on who wrote the prose, and which sections stayed rule-based.
std::string llm_line(const LlmNote& note, Language lang) {
  const bool zh = lang == Language::kZh;
  if (!note.unavailable.empty())
    return zh ? fmt::format("> LLM 不可用（{}），本报告全部为规则生成。", escape_markdown(note.unavailable))
              : fmt::format("> The LLM was unavailable ({}); this report is entirely rule-based.",
                            escape_markdown(note.unavailable));
  if (note.models.empty())
    return zh ? "> LLM 撰写的内容均未通过事实校验，本报告全部为规则生成。"
              : "> No LLM-written text passed fact verification; this report is entirely rule-based.";
  std::string models, fallbacks;
  for (const auto& m : note.models) models += (models.empty() ? "" : std::string(labels(lang).list_separator)) + m;
  for (const auto& f : note.fallbacks)
    fallbacks += (fallbacks.empty() ? "" : std::string(labels(lang).list_separator)) + section_name(f, lang);
  std::string line = zh ? fmt::format("> 分析文字由 LLM（{}）撰写，每句均已对照所引事实校验", escape_markdown(models))
                        : fmt::format("> Prose written by an LLM ({}); every sentence was checked against the facts it cites",
                                      escape_markdown(models));
  if (!fallbacks.empty())
    line += zh ? "；以下部分改用规则生成：" + escape_markdown(fallbacks) : "; rule-based instead: " + escape_markdown(fallbacks);
  return line + (zh ? "。" : ".");
}

std::string size_text(const ReportItem& i, Language lang) {
  std::string out;
  if (i.files > 0) out = lang == Language::kZh ? fmt::format("{} 个文件", i.files)
                                               : fmt::format("{} file{}", i.files, i.files == 1 ? "" : "s");
  if (i.additions || i.deletions) {
    if (!out.empty()) out += lang == Language::kZh ? "，" : ", ";
    out += fmt::format("+{}/−{}", i.additions.value_or(0), i.deletions.value_or(0));
  }
  return out;
}

std::string tags_text(const std::vector<Tag>& tags, Language lang) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += labels(lang).list_separator;
    out += tag_label(t, lang);
  }
  return escape_markdown(out);
}

void render_item(std::ostream& out, const std::string& repo, const ReportItem& i, Language lang) {
  const auto& L = labels(lang);
  out << "- " << link(i.display_title, i.url);
  if (i.sha) out << " · " << markdown_code(i.sha->substr(0, 7));
  if (i.pr) out << " · " << link(fmt::format("#{}", *i.pr), pull_url(repo, *i.pr));
  if (i.author) out << " · " << escape_markdown(*i.author);
  if (auto size = size_text(i, lang); !size.empty()) out << " · " << size;
  if (!i.classification.tags.empty())
    out << " · " << (lang == Language::kZh ? "标签：" : "tags: ") << tags_text(i.classification.tags, lang);
  if (i.url.empty()) out << " " << L.open_paren << L.no_link << L.close_paren;
  out << "\n";
}

void render_release(std::ostream& out, const std::string& repo, const ReportRelease& r, Language lang) {
  out << "- " << link(r.name && *r.name != r.tag ? r.tag + " " + *r.name : r.tag, r.url);
  if (r.prerelease.value_or(false)) out << (lang == Language::kZh ? "（预发布）" : " (pre-release)");
  if (r.pr) out << " · " << link(fmt::format("#{}", *r.pr), pull_url(repo, *r.pr));
  out << "\n";
  if (!r.notes) return;
  std::istringstream notes(*r.notes);
  std::string line;
  size_t shown = 0, total = 0;
  while (std::getline(notes, line)) {
    std::string clean = sanitize_text(line);
    while (!clean.empty() && (clean.front() == '-' || clean.front() == '*' || clean.front() == ' '))
      clean.erase(0, 1);
    if (clean.empty()) continue;
    ++total;
    if (shown < kReleaseNoteLines) {
      out << "  - " << escape_markdown(clean) << "\n";
      ++shown;
    }
  }
  if (total > shown)
    out << "  - " << (lang == Language::kZh ? fmt::format("发布说明另有 {} 行，见发布页。", total - shown)
                                            : fmt::format("{} more lines in the release notes.", total - shown))
        << "\n";
}

void render_issue(std::ostream& out, const ReportIssue& i, Language lang) {
  out << "- " << link(fmt::format("#{} {}", i.number, i.title), i.url);
  if (i.author) out << " · " << escape_markdown(*i.author);
  out << " · " << issue_kind_label(i.classification.kind, lang);
  if (i.classification.severe) out << (lang == Language::kZh ? "（严重）" : " (severe)");
  if (!i.classification.tags.empty())
    out << " · " << (lang == Language::kZh ? "标签：" : "tags: ") << tags_text(i.classification.tags, lang);
  out << "\n";
}

void render_repo(std::ostream& out, const RepoSection& s, Language lang) {
  const auto& L = labels(lang);
  out << "### " << escape_markdown(s.full_name) << "\n";
  if (s.empty()) {
    out << L.no_updates << "\n\n";
    return;
  }
  if (!s.analysis.empty()) {
    out << "**" << (lang == Language::kZh ? "分析" : "Analysis") << "**\n\n";
    for (const auto& statement : s.analysis) out << "- " << render_markdown_inline(statement) << "\n";
    out << "\n";
  }
  if (!s.releases.empty()) {
    out << "**" << L.releases << "**\n\n";
    for (const auto& r : s.releases) render_release(out, s.full_name, r, lang);
    out << "\n";
  }
  std::map<ChangeKind, int> counts;
  for (const auto& i : s.items) ++counts[i.classification.kind];
  for (auto kind : all_change_kinds()) {
    if (!counts[kind]) continue;
    out << "**" << kind_label(kind, lang) << "**" << L.open_paren << counts[kind] << L.close_paren << "\n\n";
    for (const auto& i : s.items)
      if (i.classification.kind == kind) render_item(out, s.full_name, i, lang);
    out << "\n";
  }
  if (!s.issues.empty()) {
    out << "**" << L.new_issues << "**" << L.open_paren << s.issues.size() << L.close_paren << "\n\n";
    for (const auto& i : s.issues) render_issue(out, i, lang);
    out << "\n";
  }
}

void render_statements(std::ostream& out, const std::vector<Statement>& statements) {
  for (const auto& s : statements) out << "- " << render_markdown_inline(s) << "\n";
}

// 性能数据: a small table; the quote is the source's text, escaped, in quotes.
void render_figures(std::ostream& out, const Report& r) {
  const auto& L = labels(r.language);
  out << "## " << L.figures << "\n\n";
  out << "> " << L.figures_note << "\n\n";
  out << "| " << L.figures_repo << " | " << L.figures_change << " | " << L.figures_quote << " |\n";
  out << "| --- | --- | --- |\n";
  for (const auto& f : r.figures)
    out << "| " << escape_markdown(f.repo) << " | " << render_markdown_inline(f.change) << " | “"
        << escape_markdown(f.quote) << "” |\n";
  out << "\n";
}

}  // namespace

std::string render_markdown_inline(const Statement& statement) {
  std::string out;
  for (const auto& span : statement.spans) {
    std::string piece = span.url.empty() ? escape_markdown(span.text) : link(span.text, span.url);
    if (span.style == SpanStyle::kStrong) piece = "**" + piece + "**";
    if (span.style == SpanStyle::kCode) piece = markdown_code(span.text);
    out += piece;
  }
  return out;
}

std::string render_markdown(const Report& r) {
  const auto& L = labels(r.language);
  std::ostringstream out;
  out << "# " << L.title << " · " << format_date(r.window.date) << "\n\n";
  out << L.intro << "\n\n";
  out << window_line(r) << "\n\n";
  if (!r.incomplete_repos.empty()) out << incomplete_line(r) << "\n\n";
  if (r.llm) out << llm_line(*r.llm, r.language) << "\n\n";
  out << "## " << L.summary << "\n\n";
  render_statements(out, r.summary);
  out << "\n## " << L.impact << "\n\n";
  if (r.impact.empty())
    out << (r.language == Language::kZh ? "今日无可评估的变更。\n" : "Nothing to assess today.\n");
  for (const auto& theme : r.impact) {
    out << "### " << theme.title << "\n\n";
    render_statements(out, theme.statements);
    out << "\n";
  }
  if (!r.figures.empty()) render_figures(out, r);
  out << "## " << L.details << "\n\n";
  for (const auto& s : r.repos) render_repo(out, s, r.language);
  out << "## " << L.conclusion << "\n\n### " << L.outlook << "\n\n";
  render_statements(out, r.outlook);
  return out.str();
}

}  // namespace infradigest
