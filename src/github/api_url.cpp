#include "github/api_url.h"

#include <algorithm>
#include <cctype>

#include "core/ascii_text.h"

namespace infradigest {

Result<std::string> normalize_api_url(std::string_view url) {
  const std::string low = ascii_lower(url);
  const size_t scheme_end = low.find("://");
  if (scheme_end == std::string::npos || (low.substr(0, scheme_end) != "http" && low.substr(0, scheme_end) != "https"))
    return make_error("the GitHub API URL must start with https:// (or http://), e.g. https://api.github.com");
  const size_t host_start = scheme_end + 3;
  const size_t path_start = std::min(url.find('/', host_start), url.size());
  const std::string_view authority = url.substr(host_start, path_start - host_start);
  if (authority.empty()) return make_error("the GitHub API URL names no host");
  if (authority.find('@') != std::string_view::npos)
    return make_error("the GitHub API URL must not contain credentials; put the token in GITHUB_TOKEN");
  if (url.find_first_of("?# \t\r\n") != std::string_view::npos)
    return make_error("the GitHub API URL must not contain a query, a fragment or spaces");
  std::string out(url);
  while (out.size() > host_start && out.back() == '/') out.pop_back();
  return out;
}


std::string url_origin(std::string_view url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "";
  const size_t end = std::min(url.find_first_of("/?#", scheme_end + 3), url.size());
  if (end == scheme_end + 3) return "";
  return ascii_lower(url.substr(0, end));
}

}  // namespace infradigest
