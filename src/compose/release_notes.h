// The notable lines of a release's notes: what the 摘要 quotes next to the
// tag ("Fixed segfault issue with tvm-ffi on aarch64"), copied verbatim and
// clipped, never reworded. Version bumps and housekeeping lines are left out.
#pragma once

#include <string>
#include <vector>

namespace infradigest {

// At most `max` lines, most notable first (fixes of crashes and wrong
// results, new support, performance, breaking changes), each at most
// `max_bytes` long (clipped at a character, "…" appended).
std::vector<std::string> notable_release_notes(const std::string& notes, size_t max, size_t max_bytes);

// Whether a release is a nightly or dev build ("nightly-v0.6.13-20260609",
// "v1.2.0.dev20260609"): routine, grouped, never a headline.
bool is_nightly_release(const std::string& tag, const std::string& name);

}  // namespace infradigest
