#include "config/taxonomy_keys.h"

#include <fmt/format.h>

#include <cctype>

#include <set>

#include "analysis/path_glob.h"
#include "analysis/taxonomy.h"
#include "config/config_value.h"

namespace infradigest {

namespace {

// Tag names appear in reports, JSON and the site: one short line.
Status validate_tag_name(const ConfigValue& value) {
  const auto& name = std::get<std::string>(value);
  if (name.empty() || name.size() > 64) return make_error("must be 1 to 64 characters");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return make_error("must not contain control characters");
  return {};
}

Status validate_label(const ConfigValue& value) {
  const auto& label = std::get<std::string>(value);
  if (label.empty()) return make_error("must not be empty (leave the key out to keep the tag name)");
  return validate_tag_name(value);
}

Status validate_facet(const ConfigValue& value) {
  const auto& facet = std::get<std::string>(value);
  if (taxonomy::parse_facet(facet)) return {};
  return make_error(fmt::format("must be one of: hardware, technique, model (got {})", format_toml_string(facet)));
}

// One alternative of the keyword syntax (analysis/keyword_matcher.h) each.
Status validate_keywords(const ConfigValue& value) {
  const auto& keywords = std::get<std::vector<std::string>>(value);
  if (keywords.empty()) return make_error("must list at least one keyword, e.g. [\"axk1\", \"a.x-k1\"]");
  for (const std::string& k : keywords) {
    if (k.find('|') != std::string::npos)
      return make_error(fmt::format("{}: write one keyword per string instead of '|'", format_toml_string(k)));
    bool has_word = false;
    for (unsigned char c : k) has_word = has_word || std::isalnum(c) || c >= 0x80;
    if (!has_word)
      return make_error(fmt::format("{}: a keyword needs at least one letter or digit", format_toml_string(k)));
  }
  return {};
}

Status validate_globs(const ConfigValue& value) {
  const auto& globs = std::get<std::vector<std::string>>(value);
  if (globs.empty()) return make_error("must list at least one path glob, e.g. [\"csrc/attention/**\"]");
  for (const std::string& g : globs)
    if (auto parsed = PathGlob::parse(g); !parsed) return parsed.error();
  return {};
}

Status validate_component(const ConfigValue& value) {
  const auto& component = std::get<std::string>(value);
  std::string names;
  for (const taxonomy::Labelled& c : taxonomy::components()) {
    if (c.name == component) return {};
    names += (names.empty() ? "" : ", ") + std::string(c.name);
  }
  return make_error(fmt::format("must be one of: {} (got {})", names, format_toml_string(component)));
}

const TableField kTagFields[] = {
    {.name = "name", .type = ConfigType::kString, .required = true,
     .help = "the tag: a built-in one (\"Qwen\") to add keywords to, or a new one (\"A.X-K1\")",
     .validate = validate_tag_name},
    {.name = "facet", .type = ConfigType::kString, .required = false,
     .help = "hardware | technique | model; required for a new tag", .validate = validate_facet},
    {.name = "zh", .type = ConfigType::kString, .required = false,
     .help = "label in Chinese reports (default: the name)", .validate = validate_label},
    {.name = "en", .type = ConfigType::kString, .required = false,
     .help = "label in English reports (default: the name)", .validate = validate_label},
    {.name = "keywords", .type = ConfigType::kStringList, .required = false,
     .help = "words that give the tag, matched in titles, labels and paths like the built-in rules",
     .validate = validate_keywords},
};

const TableField kPathRuleFields[] = {
    {.name = "paths", .type = ConfigType::kStringList, .required = true,
     .help = "path globs: '*' within a folder, '**' across folders, \"dir/\" a folder prefix",
     .validate = validate_globs},
    {.name = "tag", .type = ConfigType::kString, .required = false,
     .help = "the tag matching files give (built-in or [[taxonomy.tag]])", .validate = validate_tag_name},
    {.name = "component", .type = ConfigType::kString, .required = false,
     .help = "the component matching files belong to (kernels, models, docs, tests, ...)",
     .validate = validate_component},
};

}  // namespace

std::span<const TableField> taxonomy_tag_fields() { return kTagFields; }
std::span<const TableField> taxonomy_path_rule_fields() { return kPathRuleFields; }

Status validate_taxonomy_tags(const std::vector<ConfigTable>& tags) {
  std::set<std::string> names;
  for (const ConfigTable& t : tags) {
    const std::string name = t.string_or("name");
    if (!names.insert(name).second)
      return make_error(fmt::format("{}: tag '{}' is defined twice: merge its [[taxonomy.tag]] entries into one",
                                    t.origin, name));
  }
  return {};
}

Status validate_taxonomy_path_rules(const std::vector<ConfigTable>& rules) {
  for (const ConfigTable& r : rules) {
    const bool tag = r.values.count("tag") > 0, component = r.values.count("component") > 0;
    if (tag == component)
      return make_error(fmt::format("{}: [[taxonomy.path_rule]] needs exactly one of 'tag' and 'component'", r.origin));
  }
  return {};
}

}  // namespace infradigest
