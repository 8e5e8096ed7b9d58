#include "cli/application.h"

#include <unistd.h>

#include <exception>
#include <optional>
#include <iostream>
#include <vector>

#include "cli/command.h"
#include "cli/global_options.h"
#include "cli/taxonomy_setup.h"
#include "config/configured_secrets.h"
#include "config/did_you_mean.h"
#include "core/scrubbing_output.h"
#include "core/terminal_colour.h"

namespace infradigest {

namespace {

int dispatch(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto globals = extract_global_options(args);
  if (!globals) {
    std::cerr << "infradigest: error: " << globals.error().message << "\n"
              << "Run 'infradigest help' for usage.\n";
    return static_cast<int>(ExitStatus::kUsage);
  }
  ConfigSources sources;
  sources.config_path = globals->config_path;
  auto config = load_config(sources);
  if (!config) {
    std::cerr << "infradigest: error: " << config.error().message << "\n";
    return static_cast<int>(ExitStatus::kUsage);
  }
  // Before any command classifies anything: the config may extend the taxonomy.
  if (auto s = install_configured_taxonomy(config->config); !s) {
    std::cerr << "infradigest: error: " << s.error().message << "\n";
    return static_cast<int>(ExitStatus::kUsage);
  }
  if (globals->db_path) {
    if (auto s = set_from_command_line(*config, "db", *globals->db_path); !s) {
      std::cerr << "infradigest: error: --db: " << s.error().message << "\n";
      return static_cast<int>(ExitStatus::kUsage);
    }
  }
  // One scrubber at the way out: whatever reaches stdout or stderr (our
  // errors, libcurl's, a server's echo) carries no configured secret.
  const SecretScrubber secrets = configured_secrets(config->config, system_getenv);
  ScrubbingOutput out(secrets, std::cout), err(secrets, std::cerr);
  CommandContext context{std::move(*config), globals->now, out, err, secrets};

  if (args.empty() || args[0] == "-h" || args[0] == "--help") return static_cast<int>(run_help(context, {}));
  if (args[0] == "--version" || args[0] == "-V") return static_cast<int>(run_version(context, {}));
  const std::string name = args[0];
  const Command* command = find_command(name);
  if (!command) {
    std::vector<std::string_view> names;
    for (const auto& c : commands()) names.push_back(c.name);
    std::cerr << "infradigest: unknown command '" << name << "'";
    if (auto guess = did_you_mean(name, names)) std::cerr << " (did you mean '" << *guess << "'?)";
    std::cerr << "\nRun 'infradigest help' for the list of commands.\n";
    return static_cast<int>(ExitStatus::kUsage);
  }
  args.erase(args.begin());
  return static_cast<int>(command->run(context, std::move(args)));
}

}  // namespace

int run_application(int argc, char** argv) {
  // Diagnostics in colour for a person at a terminal only (core/terminal_colour.h).
  std::optional<ColouringStreambuf> colouring;
  std::streambuf* plain_stderr = std::cerr.rdbuf();
  if (colour_wanted(isatty(STDERR_FILENO) == 1, system_getenv)) {
    colouring.emplace(plain_stderr);
    std::cerr.rdbuf(&*colouring);
  }
  struct RestoreStderr {
    std::streambuf* plain;
    ~RestoreStderr() {
      std::cerr.flush();
      std::cerr.rdbuf(plain);
    }
  } restore{plain_stderr};
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "infradigest: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "infradigest: internal error\n";
  }
  return static_cast<int>(ExitStatus::kFailure);
}

}  // namespace infradigest
