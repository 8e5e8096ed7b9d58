// Naming watched projects in free text: "flashinfer", "flashinfer-python",
// "deep_gemm", "nvidia-cutlass-dsl" and "flash-attn" all name a repository of
// the watchlist. Used to tell that one watched project moved another's pin.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

struct ProjectMention {
  std::string repo;    // the watched repo, "flashinfer-ai/flashinfer"
  std::size_t begin = 0;  // the name's place in the text
  std::size_t end = 0;
};

// Every whole-word mention of a watched repository in `text`, in text order.
// A name matches when it equals the repo's name or one of its package names
// once case, '-', '_' and '.' are ignored; "vllm-flash-attn" (vLLM's own
// fork) is a different word and names nothing.
std::vector<ProjectMention> find_project_mentions(std::string_view text,
                                                  const std::vector<std::string>& watchlist);

}  // namespace infradigest
