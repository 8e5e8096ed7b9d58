// The subcommand table: name, usage, one-line summary, handler. `help` and
// the did-you-mean on typos are generated from it. One file per subcommand.
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/exit_status.h"
#include "core/secret_scrubber.h"
#include "core/timestamp.h"
#include "store/database.h"

namespace infradigest {

// What every subcommand gets: the loaded configuration (with origins), the
// clock, the output streams (data on `out`, diagnostics on `err`; both already
// pass `secrets`) and the scrubber of every configured secret, for text that
// leaves by another way (the store, chat bodies, report files).
struct CommandContext {
  LoadedConfig config;
  std::optional<SysSeconds> now_override;  // --now
  std::ostream& out;
  std::ostream& err;
  const SecretScrubber& secrets;

  SysSeconds now() const;  // --now, else the system clock
  // Opens the configured store (--db, config, XDG default), migrating it.
  Result<Database> open_database() const;
};

using CommandHandler = ExitStatus (*)(CommandContext& context, std::vector<std::string> args);

struct Command {
  std::string_view name;
  std::string_view usage;    // arguments, e.g. "PATH"
  std::string_view summary;  // one line for `help`
  CommandHandler run;
  std::string_view example;  // one typical command line, shown by `COMMAND --help`
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);  // nullptr when there is none

// Prints "infradigest: error: MESSAGE" on err and returns `status`.
ExitStatus fail(CommandContext& context, const Error& error, ExitStatus status = ExitStatus::kFailure);

// Subcommand handlers (one file each).
ExitStatus run_sync(CommandContext& context, std::vector<std::string> args);
ExitStatus run_daily(CommandContext& context, std::vector<std::string> args);  // `run`
ExitStatus run_import(CommandContext& context, std::vector<std::string> args);
ExitStatus run_export(CommandContext& context, std::vector<std::string> args);
ExitStatus run_explain(CommandContext& context, std::vector<std::string> args);
ExitStatus run_report(CommandContext& context, std::vector<std::string> args);
ExitStatus run_query(CommandContext& context, std::vector<std::string> args);
ExitStatus run_config(CommandContext& context, std::vector<std::string> args);
ExitStatus run_help(CommandContext& context, std::vector<std::string> args);
ExitStatus run_version(CommandContext& context, std::vector<std::string> args);
ExitStatus run_site(CommandContext& context, std::vector<std::string> args);
ExitStatus run_publish(CommandContext& context, std::vector<std::string> args);

}  // namespace infradigest
