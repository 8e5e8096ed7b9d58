// The shape of the LLM's answers: JSON Schemas (sent as response_format and
// enforced again here, since not every endpoint honours them) and the typed
// answers they parse into.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace infradigest {

// One sentence and the ids ("F12") of the facts it states.
struct LlmSentence {
  std::string text;
  std::vector<std::string> cites;
};

// A commit/PR title rendered in the report language.
struct LlmTitle {
  std::string id;
  std::string title;
};

// Per repository (or one chunk of a busy repository).
struct RepoAnswer {
  std::vector<LlmSentence> analysis;
  std::vector<LlmTitle> titles;
};

struct ThemeAnswer {
  std::string theme;  // one of impact_theme_keys()
  std::vector<LlmSentence> sentences;
};

// The day: 摘要, 影响评估, 总结.
struct DayAnswer {
  std::vector<LlmSentence> summary;
  std::vector<ThemeAnswer> impact;
  std::vector<LlmSentence> outlook;
};

// "hardware", "performance", "models", "reliability", "maintainability", "cross_repo".
const std::vector<std::string>& impact_theme_keys();

// Schemas in the subset of JSON Schema that strict structured outputs accept
// (type, properties, required, additionalProperties: false, items, enum).
// `fact_ids` (non-empty) are the ids sentences may cite; `title_ids` the
// facts whose titles are asked for (none: no "titles" property).
nlohmann::json repo_answer_schema(const std::vector<std::string>& fact_ids, const std::vector<std::string>& title_ids);
nlohmann::json day_answer_schema(const std::vector<std::string>& fact_ids);

// Checks `value` against `schema` (the subset above). Errors name the path:
// "analysis[1].cites[0]: \"F99\" is not one of the allowed values".
Status validate_against_schema(const nlohmann::json& value, const nlohmann::json& schema);

// The answer's JSON: the whole content must be one JSON object, optionally
// wrapped in a single ``` or ```json fence (which is dropped) and preceded by
// a <think>...</think> block (dropped too).
Result<nlohmann::json> parse_answer_json(std::string_view content);

// Content → typed answer, validated against `schema`.
Result<RepoAnswer> parse_repo_answer(std::string_view content, const nlohmann::json& schema);
Result<DayAnswer> parse_day_answer(std::string_view content, const nlohmann::json& schema);

}  // namespace infradigest
