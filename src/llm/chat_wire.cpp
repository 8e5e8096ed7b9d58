#include "llm/chat_wire.h"

#include "core/utf8_text.h"
#include "core/text_sanitizer.h"

namespace infradigest {

using Json = nlohmann::json;

std::string chat_request_body(const ChatRequest& request, const std::string& model, double temperature,
                              int max_tokens, ResponseFormat format) {
  Json body{{"model", model},
            {"messages", Json::array({Json{{"role", "system"}, {"content", request.system}},
                                      Json{{"role", "user"}, {"content", request.user}}})},
            {"temperature", temperature},
            {"max_tokens", max_tokens},
            {"stream", false}};
  if (format == ResponseFormat::kJsonSchema) {
    body["response_format"] = Json{{"type", "json_schema"},
                                   {"json_schema", Json{{"name", request.schema_name},
                                                        {"strict", true},
                                                        {"schema", request.schema}}}};
  } else if (format == ResponseFormat::kJsonObject) {
    body["response_format"] = Json{{"type", "json_object"}};
  }
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<ChatAnswer> parse_chat_response(std::string_view body) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return make_error("the answer is not JSON");
  const auto choices = j.find("choices");
  if (choices == j.end() || !choices->is_array() || choices->empty() || !(*choices)[0].is_object())
    return make_error("the answer has no choices");
  const Json& choice = (*choices)[0];
  const auto message = choice.find("message");
  if (message == choice.end() || !message->is_object()) return make_error("the answer has no message");
  ChatAnswer a;
  if (auto m = j.find("model"); m != j.end() && m->is_string()) a.model = m->get<std::string>();
  if (auto c = message->find("content"); c != message->end()) {
    if (c->is_string()) {
      a.content = c->get<std::string>();
    } else if (c->is_array()) {  // content parts: [{"type":"text","text":...}]
      for (const auto& part : *c)
        if (part.is_object() && part.contains("text") && part["text"].is_string())
          a.content += part["text"].get<std::string>();
    }
  }
  if (auto f = choice.find("finish_reason"); f != choice.end() && f->is_string()) a.finish_reason = f->get<std::string>();
  if (auto r = message->find("refusal"); r != message->end() && r->is_string() && !r->get<std::string>().empty()) {
    a.content.clear();
    a.finish_reason = "refusal";
  }
  if (auto u = j.find("usage"); u != j.end() && u->is_object()) {
    auto count = [&](const char* name) -> long long {
      auto v = u->find(name);
      return v != u->end() && v->is_number_integer() ? v->get<long long>() : 0;
    };
    a.usage = TokenUsage{count("prompt_tokens"), count("completion_tokens")};
  }
  return a;
}

std::string error_detail(std::string_view body) {
  std::string text;
  Json j = Json::parse(body, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("error")) {
    const Json& e = j["error"];
    if (e.is_object() && e.contains("message") && e["message"].is_string()) text = e["message"].get<std::string>();
    else if (e.is_string()) text = e.get<std::string>();
  } else if (!j.is_discarded() && j.is_object() && j.contains("message") && j["message"].is_string()) {
    text = j["message"].get<std::string>();
  }
  return clip_utf8(sanitize_text(text), 200);
}

}  // namespace infradigest
