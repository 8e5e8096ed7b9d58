#include "config/configured_secrets.h"

namespace infradigest {

SecretScrubber configured_secrets(const Config& config, const GetEnv& getenv) {
  SecretScrubber scrubber;
  auto value_of = [&](const std::string& name) -> std::string {
    if (name.empty()) return "";
    return getenv(name).value_or("");
  };
  scrubber.add_secret(value_of("GITHUB_TOKEN"));
  scrubber.add_secret(value_of(config.llm.api_key_env));
  for (const auto& webhook : config.publish.webhooks) {
    if (const std::string url = value_of(webhook.string_or("url_env")); !url.empty()) scrubber.add_url(url);
    scrubber.add_secret(value_of(webhook.string_or("secret_env")));
  }
  return scrubber;
}

}  // namespace infradigest
