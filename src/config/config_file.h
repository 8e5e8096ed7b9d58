// Reading the TOML config file into a LoadedConfig.
#pragma once

#include <string>

#include "config/config.h"
#include "core/result.h"

namespace infradigest {

// Parses the TOML file at `path` and assigns every key in it, with origin
// kFile "path:line". Stops at the first problem in file order; the message
// starts with "path:line: " (syntax errors: "path:line:col: "). A missing
// file is an error: callers decide beforehand whether absence is fine.
Status apply_config_file(LoadedConfig& loaded, const std::string& path);

// The same for TOML text already read; `path` names it in origins and errors.
Status apply_config_text(LoadedConfig& loaded, const std::string& text, const std::string& path);

}  // namespace infradigest
