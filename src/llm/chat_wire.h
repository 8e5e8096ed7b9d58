// The OpenAI chat-completions wire format (POST /chat/completions): what
// infradigest sends and how it reads answers. No I/O here.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/result.h"

namespace infradigest {

// How the answer's JSON is requested, strongest first. Endpoints that reject
// one (HTTP 400 naming response_format) are asked again with the next.
enum class ResponseFormat : int { kJsonSchema = 0, kJsonObject = 1, kText = 2 };

struct ChatRequest {
  std::string system;       // instructions
  std::string user;         // the task, with the facts fenced as data
  nlohmann::json schema;    // JSON Schema of the answer (sent as json_schema, checked again on return)
  std::string schema_name;  // [a-zA-Z0-9_-]{1,64}, e.g. "repo_notes"
  std::string label;        // names the request in logs: "vllm-project/vllm (1/2)"
};

struct TokenUsage {
  long long prompt = 0;
  long long completion = 0;
  TokenUsage& operator+=(const TokenUsage& o) {
    prompt += o.prompt;
    completion += o.completion;
    return *this;
  }
};

struct ChatAnswer {
  std::string model;          // the model that answered
  std::string content;        // choices[0].message.content ("" when null)
  std::string finish_reason;  // "stop" is the only complete answer
  TokenUsage usage;           // as the endpoint reports it (0 when absent)
  bool from_cache = false;
};

// The JSON body for `model`.
std::string chat_request_body(const ChatRequest& request, const std::string& model, double temperature,
                              int max_tokens, ResponseFormat format);

// Reads a 2xx body. Errors: not JSON, or no choices[0].message. A refusal
// (message.refusal) comes back as empty content with finish_reason "refusal".
Result<ChatAnswer> parse_chat_response(std::string_view body);

// The endpoint's explanation in an error body ({"error": {"message": ...}}),
// control characters removed, at most 200 bytes; "" when there is none.
std::string error_detail(std::string_view body);

}  // namespace infradigest
