#include "cli/taxonomy_setup.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analysis/taxonomy.h"
#include "config/did_you_mean.h"

namespace infradigest {

namespace {

std::vector<std::string> list_or_empty(const ConfigTable& table, std::string_view key) {
  auto it = table.values.find(key);
  if (it == table.values.end()) return {};
  return std::get<std::vector<std::string>>(it->second);
}

std::optional<Tag> builtin_tag(std::string_view name) {
  for (const taxonomy::TagEntry& t : taxonomy::tags())
    if (t.label.name == name) return Tag{t.facet, std::string(t.label.name)};
  return std::nullopt;
}

std::string close_tag_hint(std::string_view name, const std::vector<std::string>& known) {
  std::vector<std::string_view> candidates(known.begin(), known.end());
  if (auto guess = did_you_mean(name, candidates)) return fmt::format(" (did you mean '{}'?)", *guess);
  return "";
}

Result<TagDefinition> read_tag(const ConfigTable& table, const std::vector<std::string>& builtin_names) {
  TagDefinition d;
  d.origin = table.origin;
  const std::string name = table.string_or("name");
  d.zh = table.string_or("zh");
  d.en = table.string_or("en");
  d.keywords = list_or_empty(table, "keywords");
  std::optional<TagFacet> facet;
  if (table.values.count("facet")) facet = taxonomy::parse_facet(table.string_or("facet"));  // validated on load
  if (auto builtin = builtin_tag(name)) {
    if (facet && *facet != builtin->facet) {
      return make_error(fmt::format("{}: '{}' is a built-in {} tag: drop 'facet' or set it to \"{}\"", d.origin,
                                    name, facet_name(builtin->facet), facet_name(builtin->facet)));
    }
    d.tag = *builtin;
    return d;
  }
  // "qwen" next to the built-in "Qwen" is a typo, not a second tag.
  for (const std::string& known : builtin_names) {
    const bool same = std::equal(known.begin(), known.end(), name.begin(), name.end(),
                                 [](char a, char b) { return std::tolower(a) == std::tolower(b); });
    if (same) {
      return make_error(
          fmt::format("{}: tag '{}' differs from the built-in '{}' only in case: write name = \"{}\"", d.origin,
                      name, known, known));
    }
  }
  if (!facet) {
    return make_error(fmt::format("{}: '{}' is a new tag: give its facet, e.g. facet = \"model\" "
                                  "(hardware, technique or model){}",
                                  d.origin, name, close_tag_hint(name, builtin_names)));
  }
  d.tag = Tag{*facet, name};
  return d;
}

}  // namespace

Result<TaxonomyExtension> taxonomy_extension_from_config(const TaxonomyConfig& config) {
  TaxonomyExtension ext;
  std::vector<std::string> builtin_names;
  for (const taxonomy::TagEntry& t : taxonomy::tags()) builtin_names.emplace_back(t.label.name);

  for (const ConfigTable& table : config.tags) {
    auto d = read_tag(table, builtin_names);
    if (!d) return d.error();
    ext.tags.push_back(std::move(*d));
  }
  std::vector<std::string> known = builtin_names;
  for (const TagDefinition& d : ext.tags) known.push_back(d.tag.name);

  std::set<std::string> tags_with_path_rules;
  for (const ConfigTable& table : config.path_rules) {
    PathRule rule;
    rule.origin = table.origin;
    for (const std::string& text : list_or_empty(table, "paths")) {
      auto glob = PathGlob::parse(text);  // validated on load
      if (!glob) return glob.error().with_context(rule.origin);
      rule.globs.push_back(std::move(*glob));
    }
    rule.component = table.string_or("component");
    if (const std::string name = table.string_or("tag"); !name.empty()) {
      auto it = std::find_if(ext.tags.begin(), ext.tags.end(), [&](const TagDefinition& d) { return d.tag.name == name; });
      if (it != ext.tags.end()) rule.tag = it->tag;
      else rule.tag = builtin_tag(name);
      if (!rule.tag) {
        return make_error(fmt::format(
            "{}: [[taxonomy.path_rule]] gives tag '{}', which is neither built in nor defined by a "
            "[[taxonomy.tag]]{}: define it with [[taxonomy.tag]] name = \"{}\" and a facet",
            rule.origin, name, close_tag_hint(name, known), name));
      }
      tags_with_path_rules.insert(name);
    }
    ext.path_rules.push_back(std::move(rule));
  }

  for (const TagDefinition& d : ext.tags) {
    const bool new_tag = !builtin_tag(d.tag.name);
    if (new_tag && d.keywords.empty() && !tags_with_path_rules.count(d.tag.name)) {
      return make_error(fmt::format(
          "{}: tag '{}' would never be given: add keywords = [...] or a [[taxonomy.path_rule]] with tag = \"{}\"",
          d.origin, d.tag.name, d.tag.name));
    }
  }
  return ext;
}

Status install_configured_taxonomy(const Config& config) {
  auto ext = taxonomy_extension_from_config(config.taxonomy);
  if (!ext) return ext.error();
  install_taxonomy_extension(std::move(*ext));
  return {};
}

}  // namespace infradigest
