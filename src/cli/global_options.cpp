#include "cli/global_options.h"

namespace infradigest {

std::string_view global_options_help() {
  return "Global options (anywhere on the line):\n"
         "  --config FILE    configuration file (TOML); default $INFRADIGEST_CONFIG or\n"
         "                   $XDG_CONFIG_HOME/infradigest/config.toml if it exists\n"
         "  --db FILE        SQLite store (default: config 'db', else $XDG_DATA_HOME/infradigest/infradigest.db)\n"
         "  --now ISO8601    pretend the current time is this (reproducible runs)\n";
}

Result<GlobalOptions> extract_global_options(std::vector<std::string>& args) {
  GlobalOptions g;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
      break;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); a.starts_with("--") && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (name != "--config" && name != "--db" && name != "--now") {
      rest.push_back(a);
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) return make_error(name + " needs a value");
      value = args[++i];
    }
    if (value.empty()) return make_error(name + " needs a non-empty value");
    if (name == "--config") {
      g.config_path = value;
    } else if (name == "--db") {
      g.db_path = value;
    } else {
      auto t = parse_timestamp(value);
      if (!t) return t.error().with_context("--now");
      if (t->date_only()) return make_error("--now needs a time, e.g. 2026-02-27T08:00:00Z");
      g.now = t->instant;
    }
  }
  args = std::move(rest);
  return g;
}

}  // namespace infradigest
