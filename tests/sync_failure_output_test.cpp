// What `run` prints when GitHub cannot be reached (issue 14): in a cron log
// (stderr not a terminal) at most one line per repository — how many retries,
// the last error — and a bounded summary, never a line per retry.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;
using testing::run_infradigest;
using testing::TempDir;

// A 127.0.0.1 port nothing listens on. The socket stays bound (never listening,
// so connections are refused) for the test's lifetime: closing it would let a
// fake server of a test running in parallel take the port and answer.
class DeadLocalPort {
 public:
  DeadLocalPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) { port_ = bind_any(fd_); }
  ~DeadLocalPort() { ::close(fd_); }
  DeadLocalPort(const DeadLocalPort&) = delete;
  DeadLocalPort& operator=(const DeadLocalPort&) = delete;
  int port() const { return port_; }

 private:
  static int bind_any(int fd);
  int fd_;
  int port_ = 0;
};

int DeadLocalPort::bind_any(int fd) {
  EXPECT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  EXPECT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  return ntohs(addr.sin_port);
}

std::vector<std::string> stderr_lines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(SyncFailureOutput, RunWithoutNetworkPrintsOneLinePerRepositoryNamingRetriesAndTheLastError) {
  TempDir dir;
  const std::vector<std::string> repos{"vllm-project/vllm", "sgl-project/sglang", "NVIDIA/cutlass"};
  const DeadLocalPort dead;
  const std::string api = "http://127.0.0.1:" + std::to_string(dead.port());
  const std::string env = "XDG_CONFIG_HOME=" + dir.file("config") + " GITHUB_API_URL=" + api +
                          " GITHUB_TOKEN=ghp_SENTINEL_failure_output INFRADIGEST_REPOS=" + repos[0] + "," + repos[1] +
                          "," + repos[2] + " INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports");
  auto r = run_infradigest("--db " + dir.file("s.db") + " --now 2026-02-27T08:00:00Z run", env);
  EXPECT_NE(r.exit_code, 0) << r.err;
  const auto lines = stderr_lines(r.err);
  // Each repository's line; the GITHUB_TOKEN-less notice is not printed (a token is set).
  size_t repo_lines = 0;
  for (const auto& repo : repos) {
    size_t of_repo = 0;
    for (const auto& line : lines) {
      if (!line.starts_with("infradigest: error: " + repo + ": ")) continue;
      ++of_repo;
      EXPECT_TRUE(contains(line, "4 lists not read (commits, pull requests, issues, releases)")) << line;
      EXPECT_TRUE(contains(line, "last error: ")) << line;
      EXPECT_TRUE(contains(line, "GET " + api + "/repos/" + repo)) << line;
      EXPECT_TRUE(contains(line, "(after 4 attempts, 3 retries)")) << line;
    }
    EXPECT_EQ(of_repo, 1u) << repo << "\n" << r.err;
    repo_lines += of_repo;
  }
  // Besides those: the sync summary, and what `run` says about not publishing an incomplete day.
  EXPECT_LE(lines.size(), repo_lines + 3) << r.err;
  EXPECT_FALSE(contains(r.err, "retrying in")) << r.err;
  EXPECT_FALSE(contains(r.err, "\r")) << "no progress line when stderr is not a terminal";
  EXPECT_FALSE(contains(r.err, "ghp_SENTINEL")) << r.err;
}

}  // namespace
}  // namespace infradigest
