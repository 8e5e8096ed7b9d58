// The mechanics behind a ConfigKey entry: typed access through its FieldRef,
// and lookups over the table.
#include "config/config_keys.h"

#include <cassert>
#include <type_traits>

#include <fmt/format.h>

#include "config/did_you_mean.h"

namespace infradigest {

static_assert(std::is_same_v<std::variant_alternative_t<0, FieldRef>, std::string*> &&
                  std::is_same_v<std::variant_alternative_t<1, ConfigValue>, std::vector<std::string>> &&
                  std::variant_size_v<FieldRef> == std::variant_size_v<ConfigValue>,
              "FieldRef and ConfigValue alternatives must line up with ConfigType");

ConfigType ConfigKey::type() const {
  Config scratch;  // only its field's address is taken
  return static_cast<ConfigType>(field(scratch).index());
}

ConfigValue ConfigKey::get(const Config& config) const {
  // `field` just forms the member's address; nothing is written through it
  // here, so dropping const is sound and avoids a second accessor per key.
  FieldRef ref = field(const_cast<Config&>(config));
  return std::visit([](auto* member) -> ConfigValue { return *member; }, ref);
}

void ConfigKey::set(Config& config, ConfigValue value) const {
  FieldRef ref = field(config);
  assert(ref.index() == value.index());
  std::visit(
      [&value](auto* member) {
        using Field = std::remove_pointer_t<decltype(member)>;
        *member = std::get<Field>(std::move(value));
      },
      ref);
}

const ConfigKey* find_config_key(std::string_view name) {
  for (const ConfigKey& key : config_keys()) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

bool is_config_table(std::string_view prefix) {
  for (const ConfigKey& key : config_keys()) {
    if (key.name.size() > prefix.size() && key.name.starts_with(prefix) && key.name[prefix.size()] == '.') {
      return true;
    }
  }
  return false;
}

std::string unknown_key_message(std::string_view name) {
  std::vector<std::string_view> names;
  for (const ConfigKey& key : config_keys()) names.push_back(key.name);
  if (auto suggestion = did_you_mean(name, names)) {
    return fmt::format("unknown key '{}' (did you mean '{}'?)", name, *suggestion);
  }
  return fmt::format("unknown key '{}'", name);
}

}  // namespace infradigest
