// infradigest help / version: generated from the command table.
#include <ostream>

#include "cli/command.h"
#include "cli/global_options.h"
#include "config/did_you_mean.h"

namespace infradigest {

namespace {

void print_exit_statuses(std::ostream& out) {
  out << "Exit status:\n";
  for (const auto& row : kExitStatusMeanings) out << "  " << static_cast<int>(row.status) << "  " << row.meaning << "\n";
}

// `help help`, `help --help`: what `COMMAND --help` prints for the others.
ExitStatus print_help_of_help(CommandContext& c) {
  const Command* help = find_command("help");
  c.out << help->summary << "\nUsage: infradigest help [COMMAND]\n\n"
        << global_options_help() << "\nExample:\n  " << help->example << "\n";
  return ExitStatus::kOk;
}

}  // namespace

ExitStatus run_help(CommandContext& c, std::vector<std::string> args) {
  if (!args.empty()) {
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") return print_help_of_help(c);
    if (const Command* cmd = find_command(args[0])) return cmd->run(c, {"--help"});
    std::vector<std::string_view> names;
    for (const auto& cmd : commands()) names.push_back(cmd.name);
    c.err << "infradigest help: unknown command '" << args[0] << "'";
    if (auto guess = did_you_mean(args[0], names)) c.err << " (did you mean '" << *guess << "'?)";
    c.err << "\n";
    return ExitStatus::kUsage;
  }
  c.out << "infradigest " << INFRADIGEST_VERSION
        << " — writes the daily AI Infra report (AI 基础设施日报) from GitHub activity\n\n"
        << "Usage: infradigest [GLOBAL OPTIONS] COMMAND [ARGS]\n\nCommands:\n";
  for (const auto& cmd : commands()) {
    std::string head = std::string(cmd.name);
    c.out << "  " << head << std::string(head.size() < 10 ? 10 - head.size() : 1, ' ') << cmd.summary << "\n";
  }
  c.out << "\n" << global_options_help() << "  -h, --help       this help\n"
        << "  -V, --version    print the version\n\n";
  print_exit_statuses(c.out);
  c.out << "\nExample:\n  infradigest import examples/2026-02-26 && infradigest report --date 2026-02-26\n"
        << "Run 'infradigest help COMMAND' for a command's options; 'man infradigest' for the manual.\n";
  return ExitStatus::kOk;
}

ExitStatus run_version(CommandContext& c, std::vector<std::string> args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    c.out << "Print the version\nUsage: infradigest version\n\n" << global_options_help() << "\nExample:\n  infradigest -V\n";
    return ExitStatus::kOk;
  }
  c.out << "infradigest " << INFRADIGEST_VERSION << "\n";
  return ExitStatus::kOk;
}

}  // namespace infradigest
