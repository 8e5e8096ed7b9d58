#include "config/config_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "config/config_keys.h"
#include "config/config_table_array.h"
#include "config/did_you_mean.h"

namespace infradigest {
namespace {

Result<std::string> read_file(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) return make_error(fmt::format("cannot read config file '{}': {}", path, ec.message()));
  if (std::filesystem::is_directory(status)) {
    return make_error(fmt::format("cannot read config file '{}': it is a directory", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(fmt::format("cannot read config file '{}': {}", path, std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One key=value of the file, flattened to its dotted name.
struct Entry {
  std::string name;
  toml::source_position where;  // of the key, for ordering and origins
  const toml::node* node;
};

// Flattens nested tables into dotted names. toml++ iterates tables in key
// order, not file order, so entries are sorted afterwards to report the first
// problem the reader would meet.
void flatten(const toml::table& table, const std::string& prefix, std::vector<Entry>& out) {
  for (const auto& [key, node] : table) {
    std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const toml::table* sub = node.as_table();
    // Unknown non-empty tables are descended too, so a typo in a table name
    // ("[lmm]") is reported per key, where the did-you-mean can match.
    if (sub != nullptr && find_config_key(name) == nullptr && find_config_table_array(name) == nullptr &&
        (is_config_table(name) || !sub->empty())) {
      flatten(*sub, name, out);
    } else {
      out.push_back(Entry{std::move(name), key.source().begin, &node});
    }
  }
}

// The node as a value of `type`, or the message completing "'key' ...", with
// the line of the offending node (an array element may be on its own line).
Result<ConfigValue> to_value(const toml::node& node, ConfigType type, toml::source_index& line) {
  auto wrong_type = make_error(fmt::format("must be {}", type_description(type)));
  switch (type) {
    case ConfigType::kString:
      if (const auto* s = node.as_string()) return ConfigValue{s->get()};
      return wrong_type;
    case ConfigType::kStringList: {
      const toml::array* array = node.as_array();
      if (array == nullptr) return wrong_type;
      std::vector<std::string> items;
      for (const toml::node& item : *array) {
        const auto* s = item.as_string();
        if (s == nullptr) {
          line = item.source().begin.line;
          return wrong_type;
        }
        items.push_back(s->get());
      }
      return ConfigValue{std::move(items)};
    }
    case ConfigType::kInt:
      if (const auto* i = node.as_integer()) return ConfigValue{i->get()};
      return wrong_type;
    case ConfigType::kBool:
      if (const auto* b = node.as_boolean()) return ConfigValue{b->get()};
      return wrong_type;
    case ConfigType::kDouble:
      // `timeout = 60` means 60.0: an integer is a number too.
      if (const auto* f = node.as_floating_point()) return ConfigValue{f->get()};
      if (const auto* i = node.as_integer()) return ConfigValue{static_cast<double>(i->get())};
      return wrong_type;
  }
  return wrong_type;
}

// One element of an array of tables: every key known and well typed, the
// required ones present. Errors name the line of the key at fault.
Result<ConfigTable> read_table(const ConfigTableArray& array, const toml::table& table, const std::string& path) {
  ConfigTable out;
  out.origin = fmt::format("{}:{}", path, table.source().begin.line);
  std::vector<std::string_view> names;
  for (const TableField& f : array.fields) names.push_back(f.name);
  // toml++ iterates keys in name order; report problems in file order.
  std::vector<std::pair<toml::source_position, std::string>> keys;
  for (const auto& [key, node] : table) keys.emplace_back(key.source().begin, std::string(key.str()));
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
  });
  for (const auto& [where, key] : keys) {
    const TableField* field = array.find_field(key);
    if (field == nullptr) {
      std::string message = fmt::format("{}:{}: unknown key '{}' in [[{}]]", path, where.line, key, array.name);
      if (auto guess = did_you_mean(key, names)) message += fmt::format(" (did you mean '{}'?)", *guess);
      return make_error(message);
    }
    toml::source_index line = where.line;
    auto value = to_value(*table.get(key), field->type, line);
    if (!value.ok()) return make_error(fmt::format("{}:{}: '{}' {}", path, line, key, value.error().message));
    if (field->validate != nullptr) {
      if (Status valid = field->validate(*value); !valid.ok())
        return make_error(fmt::format("{}:{}: '{}' {}", path, where.line, key, valid.error().message));
    }
    out.values.emplace(key, std::move(value).value());
  }
  for (const TableField& f : array.fields)
    if (f.required && !out.values.count(f.name))
      return make_error(fmt::format("{}: [[{}]] needs '{}' ({})", out.origin, array.name, f.name, f.help));
  return out;
}

Status apply_table_array(LoadedConfig& loaded, const std::string& path, const Entry& entry,
                         const ConfigTableArray& array) {
  const toml::array* elements = entry.node->as_array();
  if (elements == nullptr || !elements->is_array_of_tables())
    return make_error(fmt::format("{}:{}: '{}' must be an array of tables, written [[{}]]", path, entry.where.line,
                                  array.name, array.name));
  std::vector<ConfigTable> tables;
  for (const toml::node& element : *elements) {
    auto table = read_table(array, *element.as_table(), path);
    if (!table.ok()) return table.error();
    tables.push_back(std::move(table).value());
  }
  if (array.validate != nullptr) INFRADIGEST_TRY(array.validate(tables));
  *array.field(loaded.config) = std::move(tables);
  return {};
}

Status apply_entry(LoadedConfig& loaded, const std::string& path, const Entry& entry) {
  std::string at = fmt::format("{}:{}", path, entry.where.line);
  if (const ConfigTableArray* array = find_config_table_array(entry.name))
    return apply_table_array(loaded, path, entry, *array);
  const ConfigKey* key = find_config_key(entry.name);
  if (key == nullptr) {
    if (is_config_table(entry.name)) return make_error(fmt::format("{}: '{}' must be a table", at, entry.name));
    return make_error(fmt::format("{}: {}", at, unknown_key_message(entry.name)));
  }
  toml::source_index line = entry.where.line;
  auto value = to_value(*entry.node, key->type(), line);
  if (!value.ok()) return make_error(fmt::format("{}:{}: '{}' {}", path, line, key->name, value.error().message));
  Status assigned = loaded.assign(*key, std::move(value).value(), ValueOrigin{ConfigOrigin::kFile, at});
  if (!assigned.ok()) return assigned.error().with_context(at);
  return {};
}

}  // namespace

Status apply_config_file(LoadedConfig& loaded, const std::string& path) {
  auto text = read_file(path);
  if (!text.ok()) return text.error();
  return apply_config_text(loaded, *text, path);
}

Status apply_config_text(LoadedConfig& loaded, const std::string& text, const std::string& path) {
  toml::table root;
  // toml++ (built with exceptions) reports syntax errors by throwing; they are
  // turned into an Error right here so nothing escapes this module.
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return make_error(
        fmt::format("{}:{}:{}: {}", path, e.source().begin.line, e.source().begin.column, e.description()));
  }

  std::vector<Entry> entries;
  flatten(root, "", entries);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  for (const Entry& entry : entries) INFRADIGEST_TRY(apply_entry(loaded, path, entry));
  loaded.config_file = path;
  return {};
}

}  // namespace infradigest
