#include "llm/answer_schema.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/ascii_text.h"

namespace infradigest {

using Json = nlohmann::json;

namespace {

Json string_enum(const std::vector<std::string>& values) { return Json{{"type", "string"}, {"enum", values}}; }

Json object(Json properties) {
  Json required = Json::array();
  for (const auto& [k, v] : properties.items()) required.push_back(k);
  return Json{{"type", "object"}, {"properties", std::move(properties)}, {"required", required},
              {"additionalProperties", false}};
}

Json sentences(const std::vector<std::string>& fact_ids) {
  return Json{{"type", "array"},
              {"items", object(Json{{"text", Json{{"type", "string"}}},
                                    {"cites", Json{{"type", "array"}, {"items", string_enum(fact_ids)}}}})}};
}

std::string where(const std::string& path) { return path.empty() ? "the answer" : path; }

Status check(const Json& v, const Json& schema, const std::string& path) {
  const std::string type = schema.value("type", "");
  if (type == "object") {
    if (!v.is_object()) return make_error(where(path) + " must be an object");
    const Json& props = schema["properties"];
    for (const auto& name : schema.value("required", Json::array()))
      if (!v.contains(name.get<std::string>()))
        return make_error(fmt::format("{} lacks \"{}\"", where(path), name.get<std::string>()));
    for (const auto& [k, child] : v.items()) {
      const std::string sub = path.empty() ? k : path + "." + k;
      if (!props.contains(k)) {
        if (schema.value("additionalProperties", true) == false)
          return make_error(fmt::format("{} has an unexpected \"{}\"", where(path), k));
        continue;
      }
      INFRADIGEST_TRY(check(child, props[k], sub));
    }
    return {};
  }
  if (type == "array") {
    if (!v.is_array()) return make_error(where(path) + " must be an array");
    for (size_t i = 0; i < v.size(); ++i)
      INFRADIGEST_TRY(check(v[i], schema["items"], fmt::format("{}[{}]", path, i)));
    return {};
  }
  if (type == "string") {
    if (!v.is_string()) return make_error(where(path) + " must be a string");
    if (schema.contains("enum")) {
      const auto& allowed = schema["enum"];
      if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
        return make_error(fmt::format("{}: {} is not one of the allowed values", where(path), v.dump()));
    }
    return {};
  }
  return {};
}

std::vector<LlmSentence> read_sentences(const Json& list) {
  std::vector<LlmSentence> out;
  for (const auto& s : list) out.push_back(LlmSentence{s["text"].get<std::string>(), s["cites"].get<std::vector<std::string>>()});
  return out;
}

}  // namespace

const std::vector<std::string>& impact_theme_keys() {
  static const std::vector<std::string> kKeys = {"hardware", "performance", "models", "reliability",
                                                 "maintainability", "cross_repo"};
  return kKeys;
}

Json repo_answer_schema(const std::vector<std::string>& fact_ids, const std::vector<std::string>& title_ids) {
  Json props{{"analysis", sentences(fact_ids)}};
  if (!title_ids.empty())
    props["titles"] = Json{{"type", "array"},
                           {"items", object(Json{{"id", string_enum(title_ids)}, {"title", Json{{"type", "string"}}}})}};
  return object(std::move(props));
}

Json day_answer_schema(const std::vector<std::string>& fact_ids) {
  return object(Json{{"summary", sentences(fact_ids)},
                     {"impact", Json{{"type", "array"},
                                     {"items", object(Json{{"theme", string_enum(impact_theme_keys())},
                                                           {"sentences", sentences(fact_ids)}})}}},
                     {"outlook", sentences(fact_ids)}});
}

Status validate_against_schema(const Json& value, const Json& schema) { return check(value, schema, ""); }

Result<Json> parse_answer_json(std::string_view content) {
  std::string_view text = trim_ascii_space(content);
  // Reasoning models served without a reasoning parser put their thoughts first.
  if (text.starts_with("<think>")) {
    size_t end = text.find("</think>");
    if (end == std::string_view::npos) return make_error("the answer is only reasoning, cut off");
    text = trim_ascii_space(text.substr(end + 8));
  }
  if (text.empty()) return make_error("the answer is empty");
  if (text.starts_with("```")) {
    // One fence around the whole answer: ```json\n{...}\n```
    size_t first_newline = text.find('\n');
    if (first_newline == std::string_view::npos || !text.ends_with("```") || text.size() < first_newline + 4)
      return make_error("the answer is not one JSON object");
    std::string_view info = trim_ascii_space(text.substr(3, first_newline - 3));
    if (!info.empty() && info != "json" && info != "JSON") return make_error("the answer is not one JSON object");
    text = trim_ascii_space(text.substr(first_newline + 1, text.size() - first_newline - 4));
  }
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return make_error("the answer is not valid JSON");
  if (!j.is_object()) return make_error("the answer is not one JSON object");
  return j;
}

Result<RepoAnswer> parse_repo_answer(std::string_view content, const Json& schema) {
  auto j = parse_answer_json(content);
  if (!j) return j.error();
  INFRADIGEST_TRY(validate_against_schema(*j, schema));
  RepoAnswer a;
  a.analysis = read_sentences((*j)["analysis"]);
  if (j->contains("titles"))
    for (const auto& t : (*j)["titles"]) a.titles.push_back(LlmTitle{t["id"].get<std::string>(), t["title"].get<std::string>()});
  return a;
}

Result<DayAnswer> parse_day_answer(std::string_view content, const Json& schema) {
  auto j = parse_answer_json(content);
  if (!j) return j.error();
  INFRADIGEST_TRY(validate_against_schema(*j, schema));
  DayAnswer a;
  a.summary = read_sentences((*j)["summary"]);
  for (const auto& t : (*j)["impact"])
    a.impact.push_back(ThemeAnswer{t["theme"].get<std::string>(), read_sentences(t["sentences"])});
  a.outlook = read_sentences((*j)["outlook"]);
  return a;
}

}  // namespace infradigest
