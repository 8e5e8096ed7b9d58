// ConfigValue: the typed value of one configuration key, independent of where
// it came from. The same value can arrive as TOML (config file) or as text
// (environment, command line); both end up here and are validated alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace infradigest {

// The types a key can have. Each enumerator equals the index of its
// alternative in ConfigValue (and in FieldRef, see config_keys.h).
enum class ConfigType : std::size_t { kString = 0, kStringList = 1, kInt = 2, kBool = 3, kDouble = 4 };

using ConfigValue = std::variant<std::string, std::vector<std::string>, std::int64_t, bool, double>;

inline ConfigType type_of(const ConfigValue& value) { return static_cast<ConfigType>(value.index()); }

// "a string", "an array of strings", "an integer", "a boolean", "a number":
// completes the sentence "'key' must be ...".
std::string_view type_description(ConfigType type);

// TOML text of a value: strings quoted and escaped ("a\"b"), lists as
// ["a", "b"], integers and booleans bare, numbers always with a decimal point
// or exponent (0.2, 120.0). Used by `config show` and in errors.
std::string format_toml_value(const ConfigValue& value);
std::string format_toml_string(std::string_view text);

// Parses the text form used by environment variables and the command line:
// strings verbatim; string lists comma-separated, items trimmed, empty items
// dropped ("a/b, c/d,"); integers in decimal; numbers in decimal ("0.2",
// "60"); booleans true|false|1|0.
// Errors complete "'key' ...", e.g. "must be an integer (got \"ten\")".
Result<ConfigValue> parse_value_text(ConfigType type, std::string_view text);

}  // namespace infradigest
