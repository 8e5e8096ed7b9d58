#include "cli/llm_setup.h"

namespace infradigest {

Result<LlmSetup> make_llm_setup(CommandContext& context, LlmUse use) {
  LlmSetup setup;
  if (use == LlmUse::kNone) return setup;
  auto settings = llm_settings_from_config(context.config.config.llm, system_getenv);
  if (!settings) return settings.error();
  if (!*settings) return setup;
  setup.http = make_http_client();
  setup.step = LlmStep{.settings = std::move(**settings), .http = setup.http.get(), .clock = &system_clock(),
                       .log = &context.err};
  setup.step->options.retry_rejected = use == LlmUse::kRetryRejected;
  return setup;
}

}  // namespace infradigest
