// The keys of [[taxonomy.tag]] and [[taxonomy.path_rule]] (listed with the
// other arrays of tables in config_keys.cpp). Checks here are per entry;
// whether a path rule's tag exists is decided when the taxonomy is installed
// (cli/taxonomy_setup.cpp), since a [[taxonomy.tag]] may define it.
#pragma once

#include <span>
#include <vector>

#include "config/config.h"
#include "config/config_table_array.h"

namespace infradigest {

std::span<const TableField> taxonomy_tag_fields();
std::span<const TableField> taxonomy_path_rule_fields();

// Across entries: no tag defined twice.
Status validate_taxonomy_tags(const std::vector<ConfigTable>& tags);
// Per entry: exactly one of 'tag' and 'component'.
Status validate_taxonomy_path_rules(const std::vector<ConfigTable>& rules);

}  // namespace infradigest
