// The anatomy of a commit, PR or issue title, as the classification rules see
// it: bracket tags ("[AMD]", "[Fwd,Sm100]"), a conventional-commit prefix
// ("fix(jit):", "chore(deps):", "feat!:") and where the first real word starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

struct TitleParts {
  // One entry of a [..] group, split at ',', '/', ';' and '|': "[Fwd,Sm100]"
  // gives "Fwd" and "Sm100", "[CI/Build]" gives "CI" and "Build".
  struct BracketEntry {
    std::string_view text;  // trimmed; views into the parsed title
    std::size_t pos = 0;    // where its group starts in the title
  };

  std::vector<BracketEntry> bracket_entries;  // from every [..] group in the title

  // The conventional-commit type in every spelling a rule may name, lower-case:
  // "chore(deps):" gives "chore(deps)" and "chore"; "chore/feat:" gives
  // "chore/feat", "chore" and "feat"; "feat!:" also gives "feat!". Empty when
  // the title has no "type:" prefix.
  std::vector<std::string> prefix_types;
  std::size_t prefix_pos = 0;

  // Index of the first word after leading brackets, "(scope)" groups, bullets
  // and the prefix: "R" in "[AMD] [NPU] (Elastic EP) fix: Revert ...".
  std::size_t lead = 0;
};

// REQUIRES: the returned views are used while `title` is alive.
TitleParts parse_title(std::string_view title);

}  // namespace infradigest
