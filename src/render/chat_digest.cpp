#include "render/chat_digest.h"

#include <sstream>

#include "render/markdown_renderer.h"

namespace infradigest {

namespace {

// The watch list's first lines (severe reports, breaking changes and reverts
// come first in it); the rest are one click away.
constexpr size_t kOutlookLines = 5;

}  // namespace

std::string render_chat_digest(const Report& r, const std::string& page_url) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  std::ostringstream out;
  out << "# " << L.title << " · " << format_date(r.window.date) << "\n\n";
  out << "## " << L.summary << "\n\n";
  if (r.llm) render_prose(out, r.llm->summary, r.language);
  render_statements(out, r.summary);
  if (!r.outlook.empty()) {
    out << "\n## " << L.conclusion << "\n\n";
    const size_t shown = std::min(r.outlook.size(), kOutlookLines);
    render_statements(out, std::vector<Statement>(r.outlook.begin(), r.outlook.begin() + shown));
    if (r.outlook.size() > shown)
      out << "- " << (zh ? "另有 " + std::to_string(r.outlook.size() - shown) + " 条，见完整日报。"
                         : std::to_string(r.outlook.size() - shown) + " more in the full report.")
          << "\n";
  }
  if (!page_url.empty())
    out << "\n[" << (zh ? "查看完整日报" : "Read the full report") << "](" << page_url << ")\n";
  return out.str();
}

}  // namespace infradigest
