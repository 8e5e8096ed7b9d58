#include "analysis/taxonomy_extension.h"

#include <algorithm>

#include "analysis/taxonomy.h"

namespace infradigest {

namespace {

struct KeywordRule {
  const TagDefinition* definition;
  CompiledPattern pattern;
};

// The extension with its keywords compiled once, and the resulting vocabulary.
struct InstalledTaxonomy {
  TaxonomyExtension extension;
  std::vector<KeywordRule> keyword_rules;
  std::vector<Tag> tags;

  explicit InstalledTaxonomy(TaxonomyExtension ext) : extension(std::move(ext)) {
    for (const taxonomy::TagEntry& t : taxonomy::tags())
      tags.push_back(Tag{t.facet, std::string(t.label.name)});
    for (const TagDefinition& d : extension.tags) {
      if (std::find(tags.begin(), tags.end(), d.tag) == tags.end()) tags.push_back(d.tag);
      if (d.keywords.empty()) continue;
      std::string words;
      for (const std::string& k : d.keywords) words += (words.empty() ? "" : "|") + k;
      // The same reach as the built-in tag rules: title, labels and changed paths.
      const rules::Pattern pattern{rules::kTitle | rules::kLabel | rules::kPath,
                                   rules::Anchor::kAnywhere, words, {}, {}};
      keyword_rules.push_back({&d, CompiledPattern(pattern)});
    }
  }
};

std::unique_ptr<InstalledTaxonomy>& installed() {
  static std::unique_ptr<InstalledTaxonomy> current =
      std::make_unique<InstalledTaxonomy>(TaxonomyExtension{});
  return current;
}

std::string config_note(const std::string& origin) { return " (config " + origin + ")"; }

}  // namespace

std::string taxonomy_tag_label(const Tag& tag, bool zh) {
  // A config entry may relabel a built-in tag; the last one wins.
  const auto& defs = installed()->extension.tags;
  for (auto it = defs.rbegin(); it != defs.rend(); ++it) {
    if (it->tag != tag) continue;
    const std::string& label = zh ? it->zh : it->en;
    if (!label.empty()) return label;
  }
  for (const taxonomy::TagEntry& t : taxonomy::tags())
    if (t.facet == tag.facet && t.label.name == tag.name) return std::string(zh ? t.label.zh : t.label.en);
  return tag.name;
}

const TaxonomyExtension& taxonomy_extension() { return installed()->extension; }

void install_taxonomy_extension(TaxonomyExtension extension) {
  installed() = std::make_unique<InstalledTaxonomy>(std::move(extension));
}

std::string taxonomy_extension_fingerprint() {
  // Length-prefixed fields: no two different extensions give the same text.
  std::string out;
  auto field = [&](std::string_view v) { out.append(std::to_string(v.size())).append(":").append(v).append(";"); };
  const TaxonomyExtension& e = installed()->extension;
  for (const TagDefinition& d : e.tags) {
    field("tag");
    field(facet_name(d.tag.facet));
    field(d.tag.name);
    field(d.zh);
    field(d.en);
    for (const auto& k : d.keywords) field(k);
  }
  for (const PathRule& r : e.path_rules) {
    field("path_rule");
    for (const auto& g : r.globs) field(g.pattern());
    field(r.tag ? r.tag->name : "");
    field(r.component);
  }
  return out;
}

const std::vector<Tag>& installed_tags() { return installed()->tags; }

std::vector<ExtensionTagHit> extension_tag_hits(const RuleSubject& s) {
  std::vector<ExtensionTagHit> hits;
  const InstalledTaxonomy& t = *installed();
  for (const KeywordRule& rule : t.keyword_rules) {
    if (auto e = rule.pattern.match(s)) {
      hits.push_back({rule.definition->tag, "tag " + rule.definition->tag.name + ": " + e->description +
                                                config_note(rule.definition->origin)});
    }
  }
  for (const PathRule& rule : t.extension.path_rules) {
    if (!rule.tag) continue;
    std::size_t support = 0;
    std::string_view first;
    for (std::string_view path : s.paths) {
      const bool hit = std::any_of(rule.globs.begin(), rule.globs.end(),
                                   [&](const PathGlob& g) { return g.matches(path); });
      if (!hit) continue;
      if (support++ == 0) first = path;
    }
    // A quarter of all files, as configured rules match every path.
    if (support == 0 || support < std::max<std::size_t>(1, (s.paths.size() + 3) / 4)) continue;
    std::string reason = "tag " + rule.tag->name + ": path rule matched " + std::string(first);
    if (support > 1) reason += " and " + std::to_string(support - 1) + " more";
    hits.push_back({*rule.tag, reason + config_note(rule.origin)});
  }
  return hits;
}

const PathRule* extension_component_rule(std::string_view path) {
  for (const PathRule& rule : installed()->extension.path_rules) {
    if (rule.component.empty()) continue;
    for (const PathGlob& g : rule.globs)
      if (g.matches(path)) return &rule;
  }
  return nullptr;
}

}  // namespace infradigest
