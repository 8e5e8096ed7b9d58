// The taxonomy: every word the classifier can give an item — kinds, tag
// facets, tags, components — with its Chinese and English label, in one
// reviewed table (taxonomy.cpp). The rules that decide them live in
// classification_rules.cpp (kinds, tags) and here (components: what part of
// a code base a change touches). Users extend the tags and path rules from
// the config without recompiling (taxonomy_extension.h).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "analysis/classification.h"

namespace infradigest::taxonomy {

// One entry of a vocabulary: its stored/canonical name and display labels.
struct Labelled {
  std::string_view name;  // canonical: "fix", "hardware", "Blackwell", "kernels"
  std::string_view zh;
  std::string_view en;
};

struct KindEntry {
  ChangeKind kind;
  Labelled label;
};

struct FacetEntry {
  TagFacet facet;
  Labelled label;
};

struct TagEntry {
  TagFacet facet;
  Labelled label;
};

// A component rule: the files (globs, path_glob.h) or title words
// (KeywordSet syntax, keyword_matcher.h) that put a change in a component.
struct ComponentRule {
  std::string_view component;  // a components() name
  std::string_view paths;      // globs separated by '|'; empty: none
  std::string_view title_words;  // for changes whose paths the source does not give
};

// Kinds in report order (all_change_kinds()).
std::span<const KindEntry> kinds();
std::span<const FacetEntry> facets();
// Tags: hardware, then technique, then model, each in display order.
std::span<const TagEntry> tags();
// Components in precedence order: a file belongs to the first component one
// of whose rules matches it (a JSON under configs/ is a tuned config, not a
// kernel, even in a kernel folder).
std::span<const Labelled> components();
std::span<const ComponentRule> component_rules();

// Components that are not the product itself: a change that only touches
// these (docs, tests, CI, examples, tuned configs) matters less.
bool is_peripheral_component(std::string_view component);

// The kind/facet labels, by language: zh or en.
const Labelled& kind_entry(ChangeKind kind);
const Labelled& facet_entry(TagFacet facet);
// The facet named `name` ("hardware" | "technique" | "model").
std::optional<TagFacet> parse_facet(std::string_view name);

}  // namespace infradigest::taxonomy
