#include "config/config_value.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace infradigest {

std::string_view type_description(ConfigType type) {
  switch (type) {
    case ConfigType::kString: return "a string";
    case ConfigType::kStringList: return "an array of strings";
    case ConfigType::kInt: return "an integer";
    case ConfigType::kBool: return "a boolean (true or false)";
    case ConfigType::kDouble: return "a number";
  }
  return "a value";
}

std::string format_toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        auto byte = static_cast<unsigned char>(c);
        // TOML forbids raw control characters in basic strings; UTF-8 bytes
        // (>= 0x80) pass through unchanged.
        if (byte < 0x20 || byte == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(byte));
        } else {
          out += c;
        }
      }
    }
  }
  out += '"';
  return out;
}

std::string format_toml_value(const ConfigValue& value) {
  switch (type_of(value)) {
    case ConfigType::kString: return format_toml_string(std::get<std::string>(value));
    case ConfigType::kStringList: {
      std::string out = "[";
      const auto& items = std::get<std::vector<std::string>>(value);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += format_toml_string(items[i]);
      }
      return out + "]";
    }
    case ConfigType::kInt: return std::to_string(std::get<std::int64_t>(value));
    case ConfigType::kBool: return std::get<bool>(value) ? "true" : "false";
    case ConfigType::kDouble: {
      // Shortest round-trip form; TOML needs a '.' or an exponent to read a float back.
      std::string out = fmt::format("{}", std::get<double>(value));
      if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
      return out;
    }
  }
  return {};
}

namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    auto comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    // Dropping empty items makes a trailing comma harmless.
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace

Result<ConfigValue> parse_value_text(ConfigType type, std::string_view text) {
  switch (type) {
    case ConfigType::kString: return ConfigValue{std::string(text)};
    case ConfigType::kStringList: return ConfigValue{split_list(text)};
    case ConfigType::kInt: {
      std::string_view digits = trim(text);
      std::int64_t number = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
      if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
        return make_error(fmt::format("must be an integer (got {})", format_toml_string(text)));
      }
      return ConfigValue{number};
    }
    case ConfigType::kBool: {
      std::string_view word = trim(text);
      if (word == "true" || word == "1") return ConfigValue{true};
      if (word == "false" || word == "0") return ConfigValue{false};
      return make_error(fmt::format("must be true or false (got {})", format_toml_string(text)));
    }
    case ConfigType::kDouble: {
      std::string_view digits = trim(text);
      double number = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
      if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(number)) {
        return make_error(fmt::format("must be a number (got {})", format_toml_string(text)));
      }
      return ConfigValue{number};
    }
  }
  return make_error("has an unsupported type");
}

}  // namespace infradigest
