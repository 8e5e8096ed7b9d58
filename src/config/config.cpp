#include "config/config.h"

#include <cassert>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "config/config_file.h"
#include "config/config_keys.h"
#include "config/config_table_array.h"

namespace infradigest {

std::string ValueOrigin::label() const {
  switch (kind) {
    case ConfigOrigin::kDefault: return "default";
    case ConfigOrigin::kFile: return location;
    case ConfigOrigin::kEnvironment: return "environment: " + location;
    case ConfigOrigin::kCommandLine: return "command line";
  }
  return "unknown";
}

LoadedConfig::LoadedConfig() {
  for (const ConfigKey& key : config_keys()) origins_.emplace(std::string(key.name), ValueOrigin{});
}

const ValueOrigin& LoadedConfig::origin(std::string_view key) const {
  auto it = origins_.find(key);
  assert(it != origins_.end());
  return it->second;
}

Status LoadedConfig::assign(const ConfigKey& key, ConfigValue value, ValueOrigin from) {
  assert(type_of(value) == key.type());
  if (key.validate != nullptr) {
    Status valid = key.validate(value);
    if (!valid.ok()) return make_error(fmt::format("'{}' {}", key.name, valid.error().message));
  }
  key.set(config, std::move(value));
  origins_.find(key.name)->second = std::move(from);
  return {};
}

std::optional<std::string> system_getenv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

namespace {

// Set and non-empty; "" counts as unset (see load_config).
std::optional<std::string> env_value(const GetEnv& getenv, const std::string& name) {
  auto value = getenv(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

// An XDG base directory: $XDG_VAR if absolute, else $HOME/home_relative.
std::optional<std::string> xdg_dir(const GetEnv& getenv, const char* xdg_var, const char* home_relative) {
  if (auto dir = env_value(getenv, xdg_var); dir && std::filesystem::path(*dir).is_absolute()) return dir;
  if (auto home = env_value(getenv, "HOME")) return *home + "/" + home_relative;
  return std::nullopt;
}

// The config file to read, if any. Names given by the user (--config,
// INFRADIGEST_CONFIG) must exist; the conventional location is optional.
struct ConfigFileChoice {
  std::optional<std::string> path;
  std::string named_by;  // context for errors: "INFRADIGEST_CONFIG", or empty
};

ConfigFileChoice choose_config_file(const ConfigSources& sources) {
  if (sources.config_path) return {sources.config_path, ""};
  if (auto path = env_value(sources.getenv, "INFRADIGEST_CONFIG")) return {path, "INFRADIGEST_CONFIG"};
  auto path = default_config_path(sources.getenv);
  std::error_code ec;
  if (path && std::filesystem::exists(*path, ec)) return {path, ""};
  return {};
}

Status apply_environment(LoadedConfig& loaded, const GetEnv& getenv) {
  for (const ConfigKey& key : config_keys()) {
    if (key.env_var.empty()) continue;
    std::string var(key.env_var);
    auto text = env_value(getenv, var);
    if (!text) continue;
    auto value = parse_value_text(key.type(), *text);
    if (!value.ok()) return make_error(fmt::format("{}: '{}' {}", var, key.name, value.error().message));
    Status assigned =
        loaded.assign(key, std::move(value).value(), ValueOrigin{ConfigOrigin::kEnvironment, var});
    if (!assigned.ok()) return assigned.error().with_context(var);
  }
  return {};
}

}  // namespace

Result<LoadedConfig> load_config(const ConfigSources& sources) {
  LoadedConfig loaded;
  ConfigFileChoice file = choose_config_file(sources);
  if (file.path) {
    Status read = apply_config_file(loaded, *file.path);
    if (!read.ok()) return file.named_by.empty() ? read.error() : read.error().with_context(file.named_by);
  }
  INFRADIGEST_TRY(apply_environment(loaded, sources.getenv));
  return loaded;
}

Status set_from_command_line(LoadedConfig& loaded, std::string_view key_name, std::string_view text) {
  const ConfigKey* key = find_config_key(key_name);
  if (key == nullptr) return make_error(unknown_key_message(key_name));
  auto value = parse_value_text(key->type(), text);
  if (!value.ok()) return make_error(fmt::format("'{}' {}", key->name, value.error().message));
  return loaded.assign(*key, std::move(value).value(), ValueOrigin{ConfigOrigin::kCommandLine, ""});
}

std::string render_config_show(const LoadedConfig& loaded) {
  std::string out;
  for (const ConfigKey& key : config_keys()) {
    out += fmt::format("({}) {} = {}\n", loaded.origin(key.name).label(), key.name,
                       format_toml_value(key.get(loaded.config)));
  }
  return out + render_table_arrays_show(loaded.config);
}

std::optional<std::string> default_config_path(const GetEnv& getenv) {
  auto dir = xdg_dir(getenv, "XDG_CONFIG_HOME", ".config");
  if (!dir) return std::nullopt;
  return *dir + "/infradigest/config.toml";
}

Result<std::string> default_db_path(const GetEnv& getenv) {
  auto dir = xdg_dir(getenv, "XDG_DATA_HOME", ".local/share");
  if (!dir) {
    return make_error("cannot locate the data directory: set XDG_DATA_HOME or HOME, or the 'db' key");
  }
  return *dir + "/infradigest/infradigest.db";
}

Result<std::string> effective_db_path(const Config& config, const GetEnv& getenv) {
  if (!config.db.empty()) return config.db;
  return default_db_path(getenv);
}

}  // namespace infradigest
