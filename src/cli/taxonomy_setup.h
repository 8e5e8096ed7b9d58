// The config's taxonomy additions ([[taxonomy.tag]], [[taxonomy.path_rule]])
// turned into the classifier's TaxonomyExtension, with the checks that need
// the whole taxonomy: a new tag has a facet, a rule's tag exists, a tag can fire.
#pragma once

#include "analysis/taxonomy_extension.h"
#include "config/config.h"

namespace infradigest {

// Errors start with the entry's "path:line" and say what to write instead.
Result<TaxonomyExtension> taxonomy_extension_from_config(const TaxonomyConfig& config);

// taxonomy_extension_from_config + install_taxonomy_extension; called once,
// right after the config is loaded (cli/application.cpp). Errors: exit 2.
Status install_configured_taxonomy(const Config& config);

}  // namespace infradigest
