// The LLM step of a command that writes a report (report, run, publish):
// from [llm] and --no-llm. One place, so every command treats the LLM alike.
#pragma once

#include <memory>
#include <optional>

#include "cli/command.h"
#include "llm/llm_step.h"
#include "net/http_client.h"

namespace infradigest {

struct LlmSetup {
  std::unique_ptr<HttpClient> http;
  std::optional<LlmStep> step;
  // For DayReportRequest::llm: null when [llm] is not configured or --no-llm.
  const LlmStep* get() const { return step ? &*step : nullptr; }
};

// Help texts of the LLM flags, the same for every command.
inline constexpr const char* kNoLlmHelp = "Write the rule-based report only, even when [llm] is configured";
inline constexpr const char* kRetryLlmHelp =
    "Compose the day again and ask the LLM anew, also for requests whose answers were rejected before";

// How a command uses the LLM: from --no-llm and --retry-llm.
enum class LlmUse { kConfigured, kNone, kRetryRejected };

// Errors are configuration mistakes (exit 2): llm.models empty, or the
// variable llm.api_key_env names is not set. Logs go to context.err.
Result<LlmSetup> make_llm_setup(CommandContext& context, LlmUse use);

}  // namespace infradigest
