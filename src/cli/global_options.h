// Global options, accepted anywhere on the command line (before or after the
// subcommand): --config FILE, --db FILE, --now ISO8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/timestamp.h"

namespace infradigest {

struct GlobalOptions {
  std::optional<std::string> config_path;
  std::optional<std::string> db_path;
  std::optional<SysSeconds> now;  // overrides the clock everywhere
};

// Removes the global options (as "--opt VALUE" or "--opt=VALUE") from `args`.
// Arguments after a lone "--" are left alone.
Result<GlobalOptions> extract_global_options(std::vector<std::string>& args);

// The "Global options" block of `help` and of every `COMMAND --help`.
std::string_view global_options_help();

}  // namespace infradigest
