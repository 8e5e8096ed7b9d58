#include "analysis/path_glob.h"

#include <algorithm>

namespace infradigest {

namespace {

// Classic wildcard matching with backtracking; '**' may cross '/'.
bool glob_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.starts_with("**")) {
    std::string_view rest = p.substr(2);
    // "**/" also matches no folder at all: "**/configs/x" matches "configs/x".
    if (rest.starts_with('/') && glob_match(rest.substr(1), s)) return true;
    for (std::size_t i = 0; i <= s.size(); ++i)
      if (glob_match(rest, s.substr(i))) return true;
    return false;
  }
  if (p.front() == '*') {
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (glob_match(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p.front() == '?') return s.front() != '/' && glob_match(p.substr(1), s.substr(1));
  return p.front() == s.front() && glob_match(p.substr(1), s.substr(1));
}

}  // namespace

PathGlob::PathGlob(std::string pattern, std::string effective)
    : pattern_(std::move(pattern)), effective_(std::move(effective)) {
  literal_prefix_ = effective_.substr(0, effective_.find_first_of("*?"));
  std::string_view rest = effective_;
  while (!rest.empty()) {
    const std::size_t begin = rest.find_first_not_of("*?/");
    if (begin == std::string_view::npos) break;
    const std::size_t end = std::min(rest.find_first_of("*?/", begin), rest.size());
    if (end - begin > longest_literal_.size()) longest_literal_ = std::string(rest.substr(begin, end - begin));
    rest.remove_prefix(end);
  }
}

Result<PathGlob> PathGlob::parse(std::string_view pattern) {
  const std::string quoted = "'" + std::string(pattern) + "'";
  if (pattern.empty()) return make_error("a path glob must not be empty");
  if (pattern.front() == '/')
    return make_error("path glob " + quoted + " starts with '/': paths are relative to the repository root, e.g. \"csrc/**\"");
  if (pattern.find('\\') != std::string_view::npos)
    return make_error("path glob " + quoted + " contains '\\': repository paths use '/'");
  if (pattern == ".." || pattern.starts_with("../") || pattern.find("/../") != std::string_view::npos)
    return make_error("path glob " + quoted + " contains '..': name paths inside the repository");
  std::string effective(pattern);
  if (effective.back() == '/') effective += "**";
  else if (effective.find('/') == std::string::npos) effective = "**/" + effective;
  return PathGlob(std::string(pattern), std::move(effective));
}

bool PathGlob::matches(std::string_view path) const {
  if (!path.starts_with(literal_prefix_)) return false;
  if (path.find(longest_literal_) == std::string_view::npos) return false;
  return glob_match(effective_, path);
}

}  // namespace infradigest
