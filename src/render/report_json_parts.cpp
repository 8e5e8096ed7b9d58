#include "render/report_json_parts.h"

#include "render/markdown_renderer.h"
#include "render/markdown_text.h"

namespace infradigest::report_json {

Json tags(const std::vector<Tag>& list) {
  Json out = Json::array();
  for (const auto& t : list) out.push_back(Json{{"facet", facet_name(t.facet)}, {"name", t.name}});
  return out;
}

Json spans(const std::vector<Span>& list) {
  Json out = Json::array();
  for (const auto& span : list) {
    Json j{{"text", span.text}};
    if (!span.url.empty()) j["url"] = span.url;
    if (span.style == SpanStyle::kStrong) j["style"] = "strong";
    if (span.style == SpanStyle::kCode) j["style"] = "code";
    out.push_back(std::move(j));
  }
  return out;
}

Json statement(const Statement& s) {
  return Json{{"text", sanitize_text(s.plain_text())},
              {"markdown", render_markdown_inline(s)},
              {"cites", s.cites},
              {"spans", spans(s.spans)}};
}

Json statements(const std::vector<Statement>& list) {
  Json out = Json::array();
  for (const auto& s : list) out.push_back(statement(s));
  return out;
}

}  // namespace infradigest::report_json
