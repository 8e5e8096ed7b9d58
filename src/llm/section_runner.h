// One LLM-written section: take the cached answer or ask the endpoint, judge
// the answer, and when it is rejected ask again with the reasons — at most
// LlmWriterOptions::section_attempts answers. Transport failures are not
// asked again here: ChatClient has already retried them (one retry layer).
// A request whose answers were all rejected is remembered for the report's
// day, so a re-run does not pay for the same rejections again
// (LlmWriterOptions::retry_rejected asks anyway: `--retry-llm`).
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "document/report.h"
#include "llm/chat_client.h"
#include "llm/llm_step.h"
#include "llm/response_cache.h"

namespace infradigest {

struct SectionJob {
  std::string label;    // for logs: "vllm-project/vllm (1/2)", "摘要/影响评估/总结"
  ChatRequest request;  // without retry feedback
  // Judges a finished answer (finish_reason "stop"): the reasons it is
  // rejected; empty when accepted, and then the judge keeps what it parsed.
  std::function<std::vector<std::string>(const ChatAnswer&)> judge;
};

struct SectionOutcome {
  bool verified = false;
  std::string model;    // whose answer was accepted
  std::string failure;  // why not: the last rejection, or the transport error
  LlmFallbackReason reason = LlmFallbackReason::kRejected;  // why not, for the report
};

// Thread-safe: the writer runs sections concurrently.
class SectionRunner {
 public:
  SectionRunner(ChatClient& client, ResponseCache& cache, const LlmStep& step, SysDays report_date)
      : client_(client), cache_(cache), step_(step), report_date_(report_date) {}

  SectionOutcome run(const SectionJob& job);
  // run(), where a library that throws on an odd answer (nlohmann::json,
  // fmt, std::regex: runtime errors) costs only this section: it falls back to
  // the rule-based text with the error as its reason. A std::logic_error (or
  // anything else) is a bug, not odd input, and propagates.
  SectionOutcome run_guarded(const SectionJob& job);
  int cache_hits() const { return cache_hits_.load(); }
  // Writes "infradigest: llm: LINE" to the step's log (sanitized, one line).
  void log(const std::string& line);

 private:
  ChatClient& client_;
  ResponseCache& cache_;
  const LlmStep& step_;
  const SysDays report_date_;
  std::atomic<int> cache_hits_{0};
  std::mutex log_mutex_;
};

}  // namespace infradigest
