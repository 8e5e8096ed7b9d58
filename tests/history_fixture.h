// A store's worth of history over several weeks, for the weekly/monthly
// report and `query` tests: items on both sides of week and month boundaries
// in Asia/Shanghai (UTC+8), a late-landing commit, a date-only commit, a
// merged PR without a commit, issues and a release. Written as a snapshot
// (docs/snapshot-format.md) and imported with the real binary.
#pragma once

#include <string>

#include "test_support.h"

namespace infradigest::testing {

// 40-hex SHA from a short tag: "a1" → "a1a1a1...". Readable in failures.
inline std::string fixture_sha(const std::string& tag) {
  std::string out;
  while (out.size() < 40) out += tag;
  return out.substr(0, 40);
}

inline std::string fixture_commit(const std::string& repo, const std::string& tag, const std::string& time,
                                  const std::string& message, const std::string& extra = "") {
  return R"({"type":"commit","repo":")" + repo + R"(","sha":")" + fixture_sha(tag) + R"(","committed_at":")" +
         time + R"(","message":")" + message + "\"" + extra + "}\n";
}

// Week W08 = 2026-02-16..22, W09 = 02-23..03-01, W10 = 03-02..08 (local dates).
inline std::string history_snapshot() {
  const std::string vllm = "vllm-project/vllm", sgl = "sgl-project/sglang", cutlass = "NVIDIA/cutlass";
  std::string s;
  s += R"({"type":"repository","full_name":"vllm-project/vllm"})" "\n";
  s += R"({"type":"repository","full_name":"sgl-project/sglang"})" "\n";
  s += R"({"type":"repository","full_name":"NVIDIA/cutlass"})" "\n";
  // January: the month before February.
  s += fixture_commit(vllm, "a0", "2026-01-15T00:00:00Z", "[ROCm] Add AMD MI355 support (#90)");
  // W08.
  s += fixture_commit(vllm, "a1", "2026-02-18T03:00:00Z", "[Bugfix] Fix fused MoE crash on B200 (#101)");
  s += fixture_commit(vllm, "a2", "2026-02-19T10:00:00Z", "[ROCm] Enable AITER backend on MI300X (#102)");
  s += fixture_commit(sgl, "b1", "2026-02-17T06:00:00Z", "Fix NaN in MLA decode on H100 (#201)");
  // 2026-02-22T17:30Z is Monday 2026-02-23 01:30 in Shanghai: W09 there, W08 in UTC.
  s += fixture_commit(vllm, "a3", "2026-02-22T17:30:00Z", "[Perf] Speed up fused MoE kernel for DeepSeek-V3 (#103)");
  // W09.
  s += fixture_commit(vllm, "a4", "2026-02-25T08:00:00Z", "[Model] Add Qwen3-Next MoE support (#104)");
  // Committed long before, landed in W09 (sync set landed_at): placed by landing.
  s += fixture_commit(vllm, "a6", "2026-02-10T00:00:00Z", "[Model] Support Kimi K2 thinking parser (#106)",
                      R"(,"landed_at":"2026-02-24T02:00:00Z")");
  s += fixture_commit(sgl, "b2", "2026-02-24T12:00:00Z", "Add EAGLE3 speculative decoding for Llama 4 (#202)");
  s += fixture_commit(sgl, "b3", "2026-02-26T12:00:00Z", R"(Revert \"Fix NaN in MLA decode on H100\" (#203))");
  s += fixture_commit(sgl, "b4", "2026-02-27T01:00:00Z",
                      R"(Refactor scheduler (#204)\n\nThis moves the paged attention metadata builder into its own module.)");
  s += fixture_commit(cutlass, "c1", "2026-02-25", "Add blockwise FP8 grouped GEMM for SM100");
  // 2026-02-28T17:00Z is Sunday 2026-03-01 01:00 in Shanghai: W09 and March there, February in UTC.
  s += fixture_commit(vllm, "a7", "2026-02-28T17:00:00Z", "[CI] Bump CUDA to 12.9 in the CI image (#107)");
  // 2026-03-01T16:30Z is Monday 2026-03-02 00:30 in Shanghai: W10 there.
  s += fixture_commit(vllm, "a5", "2026-03-01T16:30:00Z", "[Doc] Update the speculative decoding guide (#105)");
  s += R"({"type":"pull_request","repo":"sgl-project/sglang","number":260,"title":"Add Mooncake KV offload connector","state":"merged","created_at":"2026-02-20T01:00:00Z","merged_at":"2026-02-25T03:00:00Z","body":"Adds a connector for the Mooncake transfer engine."})" "\n";
  s += R"({"type":"issue","repo":"vllm-project/vllm","number":150,"title":"Segfault when loading DeepSeek-V3 on MI300X","created_at":"2026-02-24T05:00:00Z","body":"The engine crashes with a segmentation fault."})" "\n";
  s += R"({"type":"issue","repo":"sgl-project/sglang","number":250,"title":"Question about NVFP4 support","created_at":"2026-02-18T01:00:00Z"})" "\n";
  s += R"({"type":"release","repo":"NVIDIA/cutlass","tag":"v4.5.0","name":"CUTLASS 4.5.0","published_at":"2026-02-27T09:00:00Z","body":"Blackwell grouped GEMM improvements"})" "\n";
  return s;
}

// Imports history_snapshot() into a fresh store in `dir`; returns "--db PATH".
inline std::string import_history(const TempDir& dir) {
  write_file(dir.file("history.jsonl"), history_snapshot());
  const std::string db = "--db " + dir.file("history.db");
  run_infradigest(db + " import " + dir.file("history.jsonl"));
  return db;
}

}  // namespace infradigest::testing
