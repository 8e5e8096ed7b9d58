// THE subcommand table. A new subcommand: one entry here, one file.
#include "cli/command.h"

namespace infradigest {

namespace {
const Command kCommands[] = {
    {"report", "[--date D] [--lang zh|en] [--format md|json] [-o FILE] [--archive]",
     "Write the AI Infra report for a day from the store", run_report},
    {"import", "PATH", "Import an activity snapshot (a .jsonl file or a folder of them)", run_import},
    {"export", "[-o FILE]", "Export the whole store as an activity snapshot", run_export},
    {"config", "show", "Show the effective configuration and where each value comes from", run_config},
    {"help", "[COMMAND]", "Show help for infradigest or one command", run_help},
    {"version", "", "Print the version", run_version},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace infradigest
