#include "llm/llm_settings.h"

#include <cmath>

namespace infradigest {

Result<std::optional<LlmSettings>> llm_settings_from_config(const LlmConfig& config, const GetEnv& getenv) {
  if (config.base_url.empty()) return std::optional<LlmSettings>{};
  if (config.models.empty())
    return make_error("'llm.models' must list at least one model when 'llm.base_url' is set");
  LlmSettings s;
  s.base_url = config.base_url;
  while (s.base_url.ends_with('/')) s.base_url.pop_back();
  s.models = config.models;
  if (!config.api_key_env.empty()) {
    auto key = getenv(config.api_key_env);
    if (!key || key->empty())
      return make_error("'llm.api_key_env' names " + config.api_key_env +
                        ", which is not set: export it, or run with --no-llm");
    s.api_key = *key;
  }
  s.temperature = config.temperature;
  s.max_tokens = static_cast<int>(config.max_tokens);
  s.timeout = std::chrono::milliseconds(static_cast<long long>(std::llround(config.timeout * 1000)));
  s.concurrency = static_cast<int>(config.concurrency);
  return std::optional<LlmSettings>(std::move(s));
}

}  // namespace infradigest
