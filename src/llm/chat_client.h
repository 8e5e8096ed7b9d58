// ChatClient: one answer from an OpenAI-compatible endpoint (OpenRouter,
// DeepSeek, OpenAI, vLLM, SGLang, llama.cpp, Ollama...), trying the
// configured models in order with bounded retries (RetryPolicy).
//
// Per request and model: transport errors and 408/409/429/5xx are retried
// (waiting what retry-after-ms / retry-after ask when short, else backoff);
// 400 naming response_format is asked again with a weaker format; other
// 4xx fail the model at once. A model that fails is skipped for the rest of
// the run. 401/402/403 stop the run's LLM use entirely: no model of the
// endpoint will do better with the same key.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/secret_scrubber.h"
#include "llm/chat_wire.h"
#include "llm/llm_settings.h"
#include "llm/retry_policy.h"
#include "net/http_client.h"

namespace infradigest {

// Thread-safe: one client serves the concurrent requests of a run.
class ChatClient {
 public:
  // `http` and `clock` (which waits between retries) must outlive the client.
  ChatClient(LlmSettings settings, HttpClient& http, Clock& clock, RetryPolicy policy = {});

  // The answer of the first model that gives one (a 2xx with a readable
  // body; its content is not judged here). Errors name the endpoint and
  // model, never the key; they are returned at once, without a request,
  // once usable() is false.
  Result<ChatAnswer> complete(const ChatRequest& request);

  // False after the endpoint refused the key, or once every model failed.
  bool usable() const;
  // Why not usable(), short and free of secrets: "HTTP 401", "every model failed".
  std::string unusable_reason() const;

  int requests_sent() const { return requests_.load(); }
  TokenUsage usage() const;

 private:
  Result<ChatAnswer> ask_model(size_t model, const ChatRequest& request);
  std::string redact(std::string text) const;

  LlmSettings settings_;
  SecretScrubber secrets_;  // the key (const after construction)
  HttpClient& http_;
  Clock& clock_;
  RetryPolicy policy_;
  std::atomic<int> requests_{0};
  mutable std::mutex mutex_;  // guards the members below
  std::vector<bool> model_down_;
  std::vector<ResponseFormat> formats_;  // per model: the strongest format it accepted so far
  std::string refusal_;                  // non-empty: the endpoint refused the key
  TokenUsage usage_;
  unsigned jitter_state_ = 0x9e3779b9u;
};

}  // namespace infradigest
