// infradigest config show: the effective configuration with each value's origin.
#include <ostream>

#include "cli/parse_args.h"

namespace infradigest {

ExitStatus run_config(CommandContext& c, std::vector<std::string> args) {
  std::string action;
  CLI::App app{"Show the effective configuration; each line: (origin) key = value", "config"};
  app.add_option("ACTION", action, "show")->required()->check(CLI::IsMember({"show"}));
  if (auto done = parse_args(app, std::move(args), c)) return *done;
  if (c.config.config_file) c.out << "# config file: " << *c.config.config_file << "\n";
  c.out << render_config_show(c.config);
  return ExitStatus::kOk;
}

}  // namespace infradigest
