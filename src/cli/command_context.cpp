#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include "cli/command.h"
#include "cli/global_options.h"
#include "cli/parse_args.h"

namespace infradigest {

SysSeconds CommandContext::now() const {
  if (now_override) return *now_override;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Result<Database> CommandContext::open_database() const {
  auto path = effective_db_path(config.config);
  if (!path) return path.error();
  return Database::open(*path);
}

ExitStatus fail(CommandContext& context, const Error& error, ExitStatus status) {
  context.err << "infradigest: error: " << error.message << "\n";
  return status;
}

std::optional<ExitStatus> parse_args(CLI::App& app, std::vector<std::string> args, CommandContext& context) {
  std::reverse(args.begin(), args.end());  // CLI11 consumes from the back
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    const std::string own = app.help();
    context.out << own << (own.ends_with("\n\n") ? "" : "\n") << global_options_help();
    if (const Command* command = find_command(app.get_name()); command && !command->example.empty())
      context.out << "\nExample:\n  " << command->example << "\n";
    return ExitStatus::kOk;
  } catch (const CLI::ParseError& e) {
    context.err << "infradigest " << app.get_name() << ": " << e.what() << "\n"
                << "Run 'infradigest " << app.get_name() << " --help' for usage.\n";
    return ExitStatus::kUsage;
  }
  return std::nullopt;
}

}  // namespace infradigest
