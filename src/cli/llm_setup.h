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

// Help text of the --no-llm flag, the same for every command.
inline constexpr const char* kNoLlmHelp = "Write the rule-based report only, even when [llm] is configured";

// Errors are configuration mistakes (exit 2): llm.models empty, or the
// variable llm.api_key_env names is not set. Logs go to context.err.
Result<LlmSetup> make_llm_setup(CommandContext& context, bool no_llm);

}  // namespace infradigest
