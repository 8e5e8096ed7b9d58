// Renders a Report as Markdown in the reference report's shape: title line,
// 摘要, 影响评估, 具体内容分析 (one section per watched repo), 总结.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "document/report.h"

namespace infradigest {

std::string render_markdown(const Report& report);

// True when `markdown` (a rendered day report) names repositories whose sync
// failed: an incomplete report, which never replaces a complete one.
bool markdown_names_unsynced(const std::string& markdown);

// One statement as Markdown inline text (links, emphasis; text escaped).
std::string render_markdown_inline(const Statement& statement);

// One "- " bullet line per statement (render_markdown_inline).
void render_statements(std::ostream& out, const std::vector<Statement>& statements);

// The model's verified sentences for a section, as one quoted paragraph
// ("> **解读**：…") above the section's rule-based lines.
void render_prose(std::ostream& out, const std::vector<Statement>& sentences, Language lang);

}  // namespace infradigest
