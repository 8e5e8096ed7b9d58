// LlmSettings: the [llm] configuration made ready for use — the API key read
// from the variable llm.api_key_env names, the timeout as a duration.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/result.h"

namespace infradigest {

struct LlmSettings {
  std::string base_url;             // API root without a trailing '/', e.g. "http://127.0.0.1:8000/v1"
  std::vector<std::string> models;  // in fallback order; never empty
  // Secret. Sent only as "Authorization: Bearer ..." to base_url; never
  // logged, stored, or put in an error or the report. Empty: no header.
  std::string api_key;
  double temperature = 0.2;
  int max_tokens = 4096;
  std::chrono::milliseconds timeout{120'000};  // per request
  int concurrency = 4;

  // "POST <base_url>/chat/completions": how requests are named in logs.
  std::string endpoint() const { return base_url + "/chat/completions"; }
};

// nullopt when llm.base_url is empty (no LLM: the report is rule-based).
// Errors (configuration mistakes): llm.models is empty; llm.api_key_env names
// a variable that is unset or empty. Messages name the variable, never a value.
Result<std::optional<LlmSettings>> llm_settings_from_config(const LlmConfig& config, const GetEnv& getenv);

}  // namespace infradigest
