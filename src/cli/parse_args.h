// Parsing a subcommand's own arguments with CLI11.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"

namespace infradigest {

// Maps CLI11's outcomes to exit statuses: --help prints usage and gives kOk;
// bad arguments print why (and the usage hint) and give kUsage. Returns
// nullopt when parsing succeeded and the command should run.
std::optional<ExitStatus> parse_args(CLI::App& app, std::vector<std::string> args, CommandContext& context);

}  // namespace infradigest
