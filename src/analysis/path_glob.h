// Path globs for component rules and the config's [[taxonomy.path_rule]]:
//   '*'  any characters except '/';
//   '**' any characters, '/' included ("csrc/**" is everything under csrc/,
//        "**/configs/*.json" a JSON in any configs/ folder);
//   '?'  one character except '/';
//   a pattern without '/' matches the file name in any folder ("*.cu");
//   a pattern ending in '/' is a folder prefix ("vllm/kernels/" = "vllm/kernels/**").
// Matching is case-sensitive, like the paths of a git tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace infradigest {

class PathGlob {
 public:
  // Errors: empty pattern, a leading '/', "..", or '\\' (git paths use '/').
  static Result<PathGlob> parse(std::string_view pattern);

  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  explicit PathGlob(std::string pattern, std::string effective);
  std::string pattern_;    // as written
  std::string effective_;  // with the folder and any-folder shorthands expanded
  // What every matching path must hold, checked before the backtracking
  // match (classification tries each component's globs on every changed
  // file): the literal text before the first wildcard starts the path, and
  // the longest run of literal characters other than '/' occurs in it ('/'
  // is left out because "**/" also matches no folder at all).
  std::string literal_prefix_;
  std::string longest_literal_;
};

}  // namespace infradigest
