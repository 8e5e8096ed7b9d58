#include "llm/chat_client.h"

#include <fmt/format.h>

namespace infradigest {

namespace {

bool names_response_format(const std::string& body) {
  return body.find("response_format") != std::string::npos || body.find("json_schema") != std::string::npos ||
         body.find("json_object") != std::string::npos;
}

std::string tries(int n) { return n == 1 ? "1 try" : fmt::format("{} tries", n); }

}  // namespace

ChatClient::ChatClient(LlmSettings settings, HttpClient& http, Clock& clock, RetryPolicy policy)
    : settings_(std::move(settings)),
      http_(http),
      clock_(clock),
      policy_(policy),
      model_down_(settings_.models.size(), false),
      formats_(settings_.models.size(), ResponseFormat::kJsonSchema) {
  secrets_.add_secret(settings_.api_key);
}

bool ChatClient::usable() const {
  std::lock_guard lock(mutex_);
  if (!refusal_.empty()) return false;
  for (bool down : model_down_)
    if (!down) return true;
  return false;
}

std::string ChatClient::unusable_reason() const {
  std::lock_guard lock(mutex_);
  return refusal_.empty() ? "every model failed" : refusal_;
}

TokenUsage ChatClient::usage() const {
  std::lock_guard lock(mutex_);
  return usage_;
}

std::string ChatClient::redact(std::string text) const {
  // Servers sometimes echo what they were sent; the key must not travel on.
  return secrets_.scrub(text);
}

Result<ChatAnswer> ChatClient::complete(const ChatRequest& request) {
  std::vector<std::string> failures;
  for (size_t m = 0; m < settings_.models.size(); ++m) {
    {
      std::lock_guard lock(mutex_);
      if (!refusal_.empty()) return make_error(settings_.endpoint() + ": refused (" + refusal_ + ")");
      if (model_down_[m]) continue;
    }
    auto answer = ask_model(m, request);
    if (answer.ok()) return answer;
    failures.push_back(answer.error().message);
    std::lock_guard lock(mutex_);
    if (!refusal_.empty()) return answer.error();
    model_down_[m] = true;
  }
  if (failures.empty()) return make_error(settings_.endpoint() + ": every model failed earlier in this run");
  return make_error(fmt::format("{}", fmt::join(failures, "; ")));
}

Result<ChatAnswer> ChatClient::ask_model(size_t m, const ChatRequest& request) {
  const std::string& model = settings_.models[m];
  HttpRequest http_request;
  http_request.method = "POST";
  http_request.url = settings_.endpoint();
  http_request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  if (!settings_.api_key.empty()) http_request.headers.emplace_back("Authorization", "Bearer " + settings_.api_key);
  http_request.timeouts.total = settings_.timeout;
  http_request.timeouts.stall = settings_.timeout;  // a non-streamed answer is silent until it is done
  http_request.timeouts.connect = std::min(settings_.timeout, std::chrono::milliseconds(10'000));
  http_request.display = fmt::format("POST {} (model {})", settings_.endpoint(), model);
  const std::string& name = *http_request.display;

  int attempt = 0;
  while (true) {
    ResponseFormat format;
    {
      std::lock_guard lock(mutex_);
      format = formats_[m];
    }
    http_request.body = chat_request_body(request, model, settings_.temperature, settings_.max_tokens, format);
    ++attempt;
    ++requests_;
    auto response = http_.send(http_request);
    std::chrono::milliseconds wait{0};
    std::string failure;
    if (!response.ok()) {
      failure = redact(response.error().message);
      if (!response.error().transient() || attempt >= policy_.max_attempts)
        return make_error(fmt::format("{} after {}", failure, tries(attempt)));
    } else if (response->status >= 200 && response->status < 300) {
      auto answer = parse_chat_response(response->body);
      if (answer.ok()) {
        answer->model = model;  // the configured name keys the cache, whatever the server calls itself
        std::lock_guard lock(mutex_);
        usage_ += answer->usage;
        return answer;
      }
      failure = fmt::format("{}: HTTP {}: {}", name, response->status, answer.error().message);
      if (attempt >= policy_.max_attempts) return make_error(fmt::format("{} after {}", failure, tries(attempt)));
    } else {
      const int status = response->status;
      std::string detail = redact(error_detail(response->body));
      failure = fmt::format("{}: HTTP {}{}{}", name, status, detail.empty() ? "" : ": ", detail);
      if (is_endpoint_refusal(status)) {
        std::lock_guard lock(mutex_);
        refusal_ = fmt::format("HTTP {}", status);
        return make_error(failure);
      }
      if (status == 400 && format != ResponseFormat::kText && names_response_format(response->body)) {
        std::lock_guard lock(mutex_);
        formats_[m] = static_cast<ResponseFormat>(static_cast<int>(format) + 1);
        --attempt;  // a different request, not a retry of the same one
        continue;
      }
      auto hint = server_retry_hint(*response);
      if (!hint.value_or(is_retryable_status(status)))
        return make_error(fmt::format("{} after {}", failure, tries(attempt)));
      if (auto asked = requested_wait(*response)) {
        if (*asked > policy_.max_retry_after)
          return make_error(fmt::format("{} (asks to wait {} s) after {}", failure, asked->count() / 1000, tries(attempt)));
        wait = *asked;
      }
      if (attempt >= policy_.max_attempts) return make_error(fmt::format("{} after {}", failure, tries(attempt)));
    }
    if (wait.count() == 0) {
      double jitter;
      {
        std::lock_guard lock(mutex_);
        jitter_state_ = jitter_state_ * 1664525u + 1013904223u;  // jitter only: no need for a real RNG
        jitter = static_cast<double>(jitter_state_ >> 8) / static_cast<double>(1u << 24);
      }
      wait = policy_.backoff(attempt, jitter);
    }
    clock_.sleep_for(wait);
  }
}

}  // namespace infradigest
