// The user's additions to the taxonomy, from the config ([[taxonomy.tag]],
// [[taxonomy.path_rule]]; cli/taxonomy_setup.cpp reads them): new tags or more
// keywords for built-in ones, and path globs that give a tag or a component.
// Installed once at startup; the classifier applies them after the built-in
// rules, and every reason they produce names the config line that defined them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/path_glob.h"
#include "analysis/rule_pattern.h"

namespace infradigest {

struct TagDefinition {
  Tag tag;
  std::string zh;  // labels; for a built-in tag, empty keeps the built-in one
  std::string en;
  std::vector<std::string> keywords;  // KeywordSet syntax, one alternative each
  std::string origin;                 // "config.toml:12"
};

// Files matching one of `globs` give the tag (when they are at least a quarter
// of the change, like the built-in path rules) or put the change in the component.
struct PathRule {
  std::vector<PathGlob> globs;
  std::optional<Tag> tag;
  std::string component;  // a taxonomy::components() name, or "" with a tag
  std::string origin;
};

struct TaxonomyExtension {
  std::vector<TagDefinition> tags;
  std::vector<PathRule> path_rules;
  bool empty() const { return tags.empty() && path_rules.empty(); }
};

// The label of `tag` in Chinese (zh) or English; the name for unknown tags.
std::string taxonomy_tag_label(const Tag& tag, bool zh);

// The installed extension (empty until install_taxonomy_extension).
const TaxonomyExtension& taxonomy_extension();

// Compiles and installs `extension` for every later classification.
// Not thread-safe: call it before classifying anything (the CLI does, right
// after loading the config). An empty extension restores the built-in taxonomy.
void install_taxonomy_extension(TaxonomyExtension extension);

// A text that changes whenever the installed extension classifies differently
// (every definition and rule, origins excepted): part of a stored day
// report's inputs, so editing the taxonomy recomposes the days it affects.
std::string taxonomy_extension_fingerprint();

// For classifier.cpp: every tag the installed taxonomy knows (built-in, then
// new tags in config order) ...
const std::vector<Tag>& installed_tags();
// ... the extension's tags that fire on `s`, each with its reason ...
struct ExtensionTagHit {
  Tag tag;
  std::string reason;  // "tag X: keyword \"x\" in title (config c.toml:3)"
};
std::vector<ExtensionTagHit> extension_tag_hits(const RuleSubject& s);
// ... and the first path rule giving a component that matches `path`.
const PathRule* extension_component_rule(std::string_view path);

}  // namespace infradigest
