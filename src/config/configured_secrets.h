// Every secret the configuration points at, gathered into the one scrubber
// (core/secret_scrubber.h): GITHUB_TOKEN, the LLM key (llm.api_key_env), and
// for each [[publish.webhook]] its URL (url_env, split into its secret-bearing
// parts) and its signing secret (secret_env). Read from the environment once,
// at startup, only to know what to scrub.
#pragma once

#include "config/config.h"
#include "core/secret_scrubber.h"

namespace infradigest {

SecretScrubber configured_secrets(const Config& config, const GetEnv& getenv);

}  // namespace infradigest
