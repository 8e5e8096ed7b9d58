#include "test_support.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

extern char** environ;  // POSIX: the process's environment

namespace infradigest::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("infradigest-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

namespace {

// This process's environment less INFRADIGEST_* and XDG_*, with HOME = `home`.
std::vector<std::string> hermetic_environment(const std::string& home) {
  std::vector<std::string> out;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view var(*entry);
    if (var.starts_with("INFRADIGEST_") || var.starts_with("XDG_") || var.starts_with("HOME=")) continue;
    out.emplace_back(var);
  }
  out.push_back("HOME=" + home);
  return out;
}

// Runs `command` with /bin/sh in the hermetic environment; returns its pid.
pid_t spawn_shell(const std::string& command, const std::string& home) {
  std::vector<std::string> env = hermetic_environment(home);
  std::vector<char*> envp;
  for (auto& var : env) envp.push_back(var.data());
  envp.push_back(nullptr);
  std::string shell = "/bin/sh", flag = "-c", script = command;
  char* argv[] = {shell.data(), flag.data(), script.data(), nullptr};
  pid_t pid = -1;
  if (int rc = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, envp.data()); rc != 0)
    throw std::runtime_error("cannot start /bin/sh: " + std::string(std::strerror(rc)));
  return pid;
}

std::string command_line(const std::string& args, const std::string& env) {
  return env + (env.empty() ? "" : " ") + infradigest_binary() + " " + args;
}

}  // namespace

CommandResult run_infradigest(const std::string& args, const std::string& env) {
  TempDir capture;
  const std::string out = capture.file("out"), err = capture.file("err");
  const pid_t pid = spawn_shell(command_line(args, env) + " >" + out + " 2>" + err + " </dev/null", capture.file("home"));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid: " + std::string(std::strerror(errno)));
  }
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

pid_t start_infradigest(const std::string& args, const std::string& env, const std::string& log,
                        const std::string& home) {
  // exec: the pid is the binary's own, so kill() reaches it and not just the shell.
  return spawn_shell("exec env " + env + " " + infradigest_binary() + " " + args + " >>" + log + " 2>&1 </dev/null",
                     home);
}

ShellResult run_shell(const std::string& command) {
  ShellResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.exit_code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string infradigest_binary() { return INFRADIGEST_BINARY; }

std::string source_path(const std::string& relative) {
  return (fs::path(INFRADIGEST_SOURCE_DIR) / relative).string();
}

}  // namespace infradigest::testing
