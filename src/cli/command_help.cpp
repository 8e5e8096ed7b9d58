// infradigest help / version: generated from the command table.
#include <ostream>

#include "cli/command.h"
#include "config/did_you_mean.h"

namespace infradigest {

ExitStatus run_help(CommandContext& c, std::vector<std::string> args) {
  if (!args.empty()) {
    for (const auto& cmd : commands())
      if (cmd.name == args[0]) return cmd.run(c, {"--help"});
    c.err << "infradigest help: unknown command '" << args[0] << "'\n";
    return ExitStatus::kUsage;
  }
  c.out << "infradigest " << INFRADIGEST_VERSION
        << " — writes the daily AI Infra report (AI 基础设施日报) from GitHub activity\n\n"
        << "Usage: infradigest [GLOBAL OPTIONS] COMMAND [ARGS]\n\nCommands:\n";
  for (const auto& cmd : commands()) {
    std::string head = std::string(cmd.name);
    c.out << "  " << head << std::string(head.size() < 10 ? 10 - head.size() : 1, ' ') << cmd.summary << "\n";
  }
  c.out << "\nGlobal options (anywhere on the line):\n"
        << "  --config FILE    configuration file (TOML); default $INFRADIGEST_CONFIG or\n"
        << "                   $XDG_CONFIG_HOME/infradigest/config.toml if it exists\n"
        << "  --db FILE        SQLite store (default: config 'db', else $XDG_DATA_HOME/infradigest/infradigest.db)\n"
        << "  --now ISO8601    pretend the current time is this (reproducible runs)\n"
        << "\nExit status: 0 ok, 1 failure, 2 usage or configuration error, 3 input rejected\n"
        << "Run 'infradigest help COMMAND' for a command's options.\n";
  return ExitStatus::kOk;
}

ExitStatus run_version(CommandContext& c, std::vector<std::string>) {
  c.out << "infradigest " << INFRADIGEST_VERSION << "\n";
  return ExitStatus::kOk;
}

}  // namespace infradigest
