// The HTML shell every page of the web archive shares: doctype, lang, viewport,
// stylesheet, the site header and footer. Pages supply an escaped body.
#pragma once

#include <string>
#include <vector>

#include "document/language.h"

namespace infradigest {

struct PageSpec {
  Language language = Language::kZh;
  int depth = 0;             // folders below the site root (0: index.html, 1: days/x.html)
  std::string title;         // plain text, for <title>
  std::string description;   // plain text, for <meta name="description">
  std::string body_html;     // the <main> content, already safe HTML
  std::vector<std::string> scripts;  // paths from the site root, loaded in order (deferred)
};

std::string render_page(const PageSpec& page);

}  // namespace infradigest
