// Arrays of tables in the config file ([[publish.webhook]] ...): each element
// is a small table whose keys are described by a field table, the way
// ConfigKey describes top-level keys. The arrays themselves are listed in
// config_keys.cpp next to the key table. They are read from the config file
// only (no environment variable or command-line form), checked with
// file:line errors, and shown by `config show` one line per element.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/config_value.h"
#include "core/result.h"

namespace infradigest {

// One key of the tables of an array.
struct TableField {
  std::string_view name;  // "url_env"
  ConfigType type = ConfigType::kString;
  bool required = false;
  std::string_view help;
  // Like ConfigKey::validate: completes "'<name>' ...", never echoes secrets.
  Status (*validate)(const ConfigValue&) = nullptr;
};

struct ConfigTableArray {
  std::string_view name;  // dotted: "publish.webhook", written [[publish.webhook]]
  std::string_view help;
  std::span<const TableField> fields;
  std::vector<ConfigTable>* (*field)(Config&);
  // Checks across elements after each one passed its fields (e.g. distinct
  // names). Errors start with the offending element's origin ("path:line: ").
  Status (*validate)(const std::vector<ConfigTable>&) = nullptr;

  const TableField* find_field(std::string_view key) const;
};

// Every array of tables, in `config show` order.
std::span<const ConfigTableArray> config_table_arrays();

// The array named `name` ("publish.webhook"), or nullptr.
const ConfigTableArray* find_config_table_array(std::string_view name);

// `config show` lines of every array: "(path:line) publish.webhook[0] = {type = "slack", ...}"
// per element; nothing for an empty array.
std::string render_table_arrays_show(const Config& config);

}  // namespace infradigest
