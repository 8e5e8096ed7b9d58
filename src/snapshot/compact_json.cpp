#include "snapshot/compact_json.h"

#include <cstdint>

#include "core/utf8_text.h"

namespace infradigest {

namespace {

// nlohmann's escaping of a well-formed UTF-8 string (ensure_ascii off): the
// short forms \b \t \n \f \r \" \\, other control characters as \u00xx
// (lower-case hex), every other byte as is. Returns false, when `s` is not
// well-formed UTF-8 (nlohmann's strict dump throws on it), leaving `out`
// as it was.
bool append_json_string(const std::string& s, std::string& out) {
  static constexpr char kCompactJsonHex[] = "0123456789abcdef";
  const std::size_t start = out.size();
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;  // bytes written as they are: printable ASCII, UTF-8 sequences
    while (run < s.size()) {
      const auto c = static_cast<unsigned char>(s[run]);
      if (c >= 0x80) {
        // A UTF-8 sequence holds no ASCII byte, so checking each run of
        // non-ASCII bytes checks the string, without a second pass over it.
        std::size_t end = run + 1;
        while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
        if (!is_valid_utf8(std::string_view(s).substr(run, end - run))) {
          out.resize(start);
          return false;
        }
        run = end;
      } else if (c >= 0x20 && c != '"' && c != '\\') {
        ++run;
      } else {
        break;
      }
    }
    out.append(s, i, run - i);
    if (run == s.size()) break;
    switch (const char c = s[run]) {
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:  // the other control characters
        out += "\\u00";
        out += kCompactJsonHex[(c >> 4) & 0xF];
        out += kCompactJsonHex[c & 0xF];
    }
    i = run + 1;
  }
  out += '"';
  return true;
}

void append_nlohmann(const OrderedJson& j, std::string& out, nlohmann::json::error_handler_t on_bad_utf8) {
  out += j.dump(-1, ' ', false, on_bad_utf8);
}

}  // namespace

void append_compact_json(const OrderedJson& j, std::string& out,
                         nlohmann::json::error_handler_t on_bad_utf8) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      out += "null";
      return;
    case nlohmann::json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case nlohmann::json::value_t::number_integer:
      out += std::to_string(j.get<std::int64_t>());
      return;
    case nlohmann::json::value_t::number_unsigned:
      out += std::to_string(j.get<std::uint64_t>());
      return;
    case nlohmann::json::value_t::string:
      if (!append_json_string(j.get_ref<const std::string&>(), out)) append_nlohmann(j, out, on_bad_utf8);
      return;
    case nlohmann::json::value_t::array: {
      out += '[';
      bool first = true;
      for (const OrderedJson& element : j) {
        if (!first) out += ',';
        first = false;
        append_compact_json(element, out, on_bad_utf8);
      }
      out += ']';
      return;
    }
    case nlohmann::json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (!first) out += ',';
        first = false;
        if (!append_json_string(it.key(), out)) append_nlohmann(OrderedJson(it.key()), out, on_bad_utf8);
        out += ':';
        append_compact_json(it.value(), out, on_bad_utf8);
      }
      out += '}';
      return;
    }
    case nlohmann::json::value_t::number_float:
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      append_nlohmann(j, out, on_bad_utf8);
      return;
  }
}

}  // namespace infradigest
