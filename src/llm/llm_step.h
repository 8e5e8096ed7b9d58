// LlmStep: everything the daily-report pipeline needs to let an LLM write
// the report's prose (pipeline/day_composition.h). Built by the CLI from [llm]
// (cli/llm_setup.h); tests build one around a fake endpoint.
#pragma once

#include <iosfwd>

#include "core/clock.h"
#include "llm/llm_settings.h"
#include "llm/retry_policy.h"
#include "net/http_client.h"

namespace infradigest {

struct LlmWriterOptions {
  // Answers asked per section: a rejected answer is asked again, with the
  // reasons, until this many were rejected; then the section stays rule-based.
  int section_attempts = 2;
  // A repository with more items than this is analysed in chunks.
  size_t facts_per_call = 24;
  // Ask again even for requests whose answers were all rejected earlier for
  // the same day (`--retry-llm`); otherwise they stay rule-based at no cost.
  bool retry_rejected = false;
  RetryPolicy retry;  // the HTTP retry layer (ChatClient)
};

struct LlmStep {
  LlmSettings settings;
  HttpClient* http = nullptr;   // not owned; must outlive the step
  Clock* clock = nullptr;       // waits between retries, stamps cache rows
  std::ostream* log = nullptr;  // rejections, failures and the usage line (stderr); may be null
  LlmWriterOptions options{};
};

}  // namespace infradigest
