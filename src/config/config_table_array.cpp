#include "config/config_table_array.h"

#include <fmt/format.h>

namespace infradigest {

std::string ConfigTable::string_or(std::string_view key, std::string fallback) const {
  auto it = values.find(key);
  if (it == values.end()) return fallback;
  return std::get<std::string>(it->second);
}

const TableField* ConfigTableArray::find_field(std::string_view key) const {
  for (const TableField& f : fields)
    if (f.name == key) return &f;
  return nullptr;
}

const ConfigTableArray* find_config_table_array(std::string_view name) {
  for (const ConfigTableArray& a : config_table_arrays())
    if (a.name == name) return &a;
  return nullptr;
}

std::string render_table_arrays_show(const Config& config) {
  std::string out;
  for (const ConfigTableArray& array : config_table_arrays()) {
    const auto& tables = *array.field(const_cast<Config&>(config));  // address only; not written
    for (size_t i = 0; i < tables.size(); ++i) {
      std::string fields;
      for (const TableField& f : array.fields) {
        auto it = tables[i].values.find(f.name);
        if (it == tables[i].values.end()) continue;
        fields += fmt::format("{}{} = {}", fields.empty() ? "" : ", ", f.name, format_toml_value(it->second));
      }
      out += fmt::format("({}) {}[{}] = {{{}}}\n", tables[i].origin, array.name, i, fields);
    }
  }
  return out;
}

}  // namespace infradigest
