// The web archive's static files: one stylesheet (responsive, light and dark,
// system fonts only) and one small script (search and the per-repo filter).
// Pages stay fully readable without the script.
#pragma once

#include <string_view>

namespace infradigest {

std::string_view site_css();
std::string_view site_js();

}  // namespace infradigest
