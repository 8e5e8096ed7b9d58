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
  // An option given an empty value (`--date ''`, an unset shell variable) is a
  // mistake, never a request for the default.
  for (const CLI::Option* option : app.get_options()) {
    if (option->count() == 0 || option->get_expected_min() == 0) continue;
    for (const std::string& value : option->results()) {
      if (!value.empty()) continue;
      context.err << "infradigest " << app.get_name() << ": " << option->get_name()
                  << " was given an empty value; give a value or leave the option out\n"
                  << "Run 'infradigest " << app.get_name() << " --help' for usage.\n";
      return ExitStatus::kUsage;
    }
  }
  return std::nullopt;
}

}  // namespace infradigest
