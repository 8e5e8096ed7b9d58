#include "document/day_digest.h"

#include <nlohmann/json.hpp>

namespace infradigest {

DayDigest digest_report(const Report& report) {
  DayDigest d;
  d.date = report.window.date;
  d.total_items = report.total_items;
  for (const auto& s : report.repos) {
    if (s.empty()) continue;
    RepoDayCounts& c = d.repos[s.full_name];
    for (const auto& i : s.items) {
      ++c.commits;
      if (i.pr) ++c.prs;
      for (const auto& t : i.classification.tags) ++d.tags[t];
    }
    c.issues = static_cast<int>(s.issues.size());
    c.releases = static_cast<int>(s.releases.size());
  }
  return d;
}

namespace {

using Json = nlohmann::json;

bool is_count(const Json& j, const char* key) { return j.contains(key) && j.at(key).is_number_integer(); }

}  // namespace

std::string digest_to_json(const DayDigest& d) {
  Json repos = Json::object();
  for (const auto& [name, c] : d.repos)
    repos[name] = Json{{"commits", c.commits}, {"prs", c.prs}, {"issues", c.issues}, {"releases", c.releases}};
  Json tags = Json::array();
  for (const auto& [tag, n] : d.tags) tags.push_back(Json{facet_name(tag.facet), tag.name, n});
  return Json{{"date", format_date(d.date)}, {"total", d.total_items}, {"repos", repos}, {"tags", tags}}.dump();
}

Result<DayDigest> digest_from_json(std::string_view text) {
  const Json j = Json::parse(text, nullptr, false);
  auto bad = [](const std::string& what) { return make_error("day digest: " + what); };
  if (!j.is_object() || !j.contains("date") || !j.at("date").is_string() || !is_count(j, "total") ||
      !j.contains("repos") || !j.at("repos").is_object() || !j.contains("tags") || !j.at("tags").is_array())
    return bad("not a digest object");
  DayDigest d;
  auto date = parse_date(j.at("date").get<std::string>());
  if (!date) return bad(date.error().message);
  d.date = *date;
  d.total_items = j.at("total").get<int>();
  for (const auto& [name, c] : j.at("repos").items()) {
    if (!is_count(c, "commits") || !is_count(c, "prs") || !is_count(c, "issues") || !is_count(c, "releases"))
      return bad("repos." + name + ": counts missing");
    d.repos[name] = RepoDayCounts{c.at("commits").get<int>(), c.at("prs").get<int>(), c.at("issues").get<int>(),
                                  c.at("releases").get<int>()};
  }
  for (const auto& t : j.at("tags")) {
    if (!t.is_array() || t.size() != 3 || !t[0].is_string() || !t[1].is_string() || !t[2].is_number_integer())
      return bad("tags: not [facet, name, count]");
    auto facet = facet_from_name(t[0].get<std::string>());
    if (!facet) return bad("tags: unknown facet " + t[0].get<std::string>());
    d.tags[Tag{*facet, t[1].get<std::string>()}] = t[2].get<int>();
  }
  return d;
}

}  // namespace infradigest
