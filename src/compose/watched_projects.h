// Naming watched projects in free text: "flashinfer", "flashinfer-python",
// "deep_gemm", "nvidia-cutlass-dsl" and "flash-attn" all name a repository of
// the watchlist. Used to tell that one watched project moved another's pin.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

struct ProjectMention {
  std::string repo;    // the watched repo, "flashinfer-ai/flashinfer"
  std::size_t begin = 0;  // the name's place in the text
  std::size_t end = 0;
};

// The watchlist's names and package names, indexed once, so looking a word
// up costs O(log n) however long the watchlist.
class WatchedProjects {
 public:
  explicit WatchedProjects(const std::vector<std::string>& watchlist);

  // Every whole-word mention of a watched repository in `text`, in text order.
  // A name matches when it equals the repo's name or one of its package names
  // once case, '-', '_' and '.' are ignored; "vllm-flash-attn" (vLLM's own
  // fork) is a different word and names nothing. Earlier repos of the
  // watchlist win a name two of them share.
  std::vector<ProjectMention> mentions(std::string_view text) const;

 private:
  std::map<std::string, std::string, std::less<>> repo_by_name_;  // squeezed name or package name → repo
};

}  // namespace infradigest
