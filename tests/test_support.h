// Helpers shared by tests: temporary folders, file I/O, running the binary.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace infradigest::testing {

// A fresh folder under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// True when `part` occurs in `text`.
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the built infradigest binary with `args` (shell-quoted by the caller
// where needed) and captures stdout and stderr. `env` holds shell assignments
// ("INFRADIGEST_LANGUAGE=en GITHUB_TOKEN=t"). Hermetic: the binary sees this
// process's environment without any INFRADIGEST_* or XDG_* variable, and
// HOME set to an empty temporary folder, so a developer's or CI's settings
// (INFRADIGEST_DB, XDG_CONFIG_HOME, ~/.config/infradigest) never change what
// a test runs; only what the test passes in `env` does.
CommandResult run_infradigest(const std::string& args, const std::string& env = "");

// The same, started in the background with stdout and stderr appended to
// `log`, in the same hermetic environment (HOME: `home`, which the caller
// keeps). Returns the child's pid, for waitpid() and kill().
pid_t start_infradigest(const std::string& args, const std::string& env, const std::string& log,
                        const std::string& home);

// Runs a shell command (not the binary: scripts, cmake, man, bash) and
// captures its stdout and stderr together, for tests of the tools around the
// program. `exit_code` is the command's exit status, -1 if it did not exit.
struct ShellResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr, interleaved as written
};
ShellResult run_shell(const std::string& command);

// Path of a file in the source tree.
std::string source_path(const std::string& relative);

// Path of the built infradigest binary.
std::string infradigest_binary();

}  // namespace infradigest::testing
