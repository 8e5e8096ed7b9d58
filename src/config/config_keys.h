// The key table: one ConfigKey per setting, in `config show` order. Adding a
// setting = a field (with its default) in Config + one entry in
// config_keys.cpp; parsing, environment, validation and display follow.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"
#include "config/config_value.h"
#include "core/result.h"

namespace infradigest {

// The address of one typed field of a Config. Alternatives are in ConfigType
// order, so the field's C++ type is the key's type: no separate type column
// that could disagree with the struct.
using FieldRef = std::variant<std::string*, std::vector<std::string>*, std::int64_t*, bool*, double*>;

struct ConfigKey {
  // Dotted name: "timezone", or for a key in a TOML table "llm.base_url"
  // (written `[llm]` + `base_url = ...` or `llm.base_url = ...` in the file).
  std::string_view name;
  std::string_view env_var;  // "INFRADIGEST_TIMEZONE"; empty: not settable from the environment
  std::string_view help;     // one line, for `config show --help`-style listings
  FieldRef (*field)(Config&);
  // Checks a value of the right type; nullptr accepts any. Messages complete
  // the sentence "'<name>' ...", e.g. "must not be empty". They must not echo
  // values that could be secrets.
  Status (*validate)(const ConfigValue&) = nullptr;

  ConfigType type() const;
  ConfigValue get(const Config& config) const;
  // REQUIRES: type_of(value) == type(). Does not validate (see LoadedConfig::assign).
  void set(Config& config, ConfigValue value) const;
  ConfigValue default_value() const { return get(Config{}); }
};

// All keys, in display order.
std::span<const ConfigKey> config_keys();

// The key named `name`, or nullptr.
const ConfigKey* find_config_key(std::string_view name);

// True when `prefix` is a table holding keys, e.g. "llm" for "llm.base_url".
bool is_config_table(std::string_view prefix);

// "unknown key 'timzone' (did you mean 'timezone'?)"; the suggestion only when
// some key is close.
std::string unknown_key_message(std::string_view name);

}  // namespace infradigest
