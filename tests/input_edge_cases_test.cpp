// Bad input an operator can meet, each with a clear error that names what and
// where, and the documented exit status (core/exit_status.h): never a hang,
// never "internal error", never a default silently taken instead.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "fake_http_server.h"
#include "net/http_client.h"
#include "test_support.h"

namespace infradigest {
namespace input_edge_cases {

using namespace std::chrono_literals;
using testing::contains;
using testing::run_infradigest;
using testing::TempDir;

constexpr int kUsage = 2, kBadInput = 3, kFailure = 1;

TEST(InputEdgeCases, AFifoNamedJsonlIsRefusedNotWaitedOn) {
  TempDir dir;
  ASSERT_EQ(mkfifo(dir.file("feed.jsonl").c_str(), 0600), 0);
  // In the background, so a hang fails the test (after a deadline generous
  // for any machine) instead of blocking the suite.
  const pid_t pid = testing::start_infradigest("--db " + dir.file("s.db") + " import " + dir.file("feed.jsonl"), "",
                                               dir.file("log"), dir.file("home"));
  int status = 0;
  bool ended = false;
  for (const auto deadline = std::chrono::steady_clock::now() + 120s; std::chrono::steady_clock::now() < deadline;) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ended = true;
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  if (!ended) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(ended) << "import waited on the FIFO";
  const std::string err = testing::read_file(dir.file("log"));
  EXPECT_EQ(WEXITSTATUS(status), kBadInput) << err;
  EXPECT_TRUE(contains(err, dir.file("feed.jsonl") + ": not a regular file")) << err;
}

TEST(InputEdgeCases, ASymlinkLoopIsNamedNotAnInternalError) {
  TempDir dir;
  std::filesystem::create_symlink(dir.file("b.jsonl"), dir.file("a.jsonl"));
  std::filesystem::create_symlink(dir.file("a.jsonl"), dir.file("b.jsonl"));
  auto direct = run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("a.jsonl"));
  EXPECT_EQ(direct.exit_code, kBadInput) << direct.err;
  EXPECT_TRUE(contains(direct.err, dir.file("a.jsonl") + ": cannot read: ")) << direct.err;
  EXPECT_TRUE(contains(direct.err, "symbolic links")) << direct.err;
  // The same loop inside a folder being imported.
  auto folder = run_infradigest("--db " + dir.file("s.db") + " import " + dir.path().string());
  EXPECT_EQ(folder.exit_code, kBadInput) << folder.err;
  EXPECT_FALSE(contains(folder.err, "internal error")) << folder.err;
  EXPECT_TRUE(contains(folder.err, "symbolic links")) << folder.err;
}

TEST(InputEdgeCases, AnUnknownTimezoneNamesTheFileAndLine) {
  TempDir dir;
  testing::write_file(dir.file("c.toml"), "language = \"zh\"\ntimezone = \"Mars/Olympus\"\n");
  auto r = run_infradigest("--config " + dir.file("c.toml") + " --db " + dir.file("s.db") + " report --date 2026-02-26");
  EXPECT_EQ(r.exit_code, kUsage) << r.err;
  EXPECT_TRUE(contains(r.err, dir.file("c.toml") + ":2")) << r.err;
  EXPECT_TRUE(contains(r.err, "Mars/Olympus")) << r.err;
}

TEST(InputEdgeCases, AnEmptyOptionValueIsRejectedNotTakenAsTheDefault) {
  TempDir dir;
  for (const char* args : {"report --date ''", "publish --date ''", "sync --date ''", "site -o ''"}) {
    auto r = run_infradigest("--db " + dir.file("s.db") + " " + args);
    EXPECT_EQ(r.exit_code, kUsage) << args << "\n" << r.err;
    EXPECT_TRUE(contains(r.err, "empty value")) << args << "\n" << r.err;
  }
}

TEST(InputEdgeCases, ANegativeSiteDaysSaysWhatIsExpected) {
  TempDir dir;
  auto r = run_infradigest("--db " + dir.file("s.db") + " site -o " + dir.file("out") + " --days -5");
  EXPECT_EQ(r.exit_code, kUsage) << r.err;
  EXPECT_TRUE(contains(r.err, "--days")) << r.err;
  EXPECT_TRUE(contains(r.err, "whole number of days, 0 or more (got '-5')")) << r.err;
  EXPECT_LT(r.err.size(), 300u) << r.err;
}

TEST(InputEdgeCases, AFileThatIsNotADatabaseIsNamed) {
  TempDir dir;
  testing::write_file(dir.file("notes.db"), std::string(4096, 'x'));
  auto r = run_infradigest("--db " + dir.file("notes.db") + " report --date 2026-02-26");
  EXPECT_EQ(r.exit_code, kFailure) << r.err;
  EXPECT_TRUE(contains(r.err, dir.file("notes.db") + ": file is not a database")) << r.err;
}

TEST(InputEdgeCases, ImportStripsBidiOverridesAndControlsAsSyncDoes) {
  TempDir dir;
  // U+202E (right-to-left override), U+2066 (isolate), ESC[31m, a C1 control, CR.
  testing::write_file(dir.file("day.jsonl"),
                      "{\"type\":\"repository\",\"full_name\":\"acme/engine\"}\n"
                      "{\"type\":\"commit\",\"repo\":\"acme/engine\",\"sha\":\"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b\","
                      "\"committed_at\":\"2026-02-26T09:00:00Z\",\"message\":\"Fix \\u202Egpj.exe\\u2066 crash "
                      "\\u001b[31mred\\u0085\\r\\nbody\",\"author\":\"eve\\u202E\"}\n");
  const std::string db = "--db " + dir.file("s.db");
  auto imported = run_infradigest(db + " import " + dir.file("day.jsonl"));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto exported = run_infradigest(db + " export");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(contains(exported.out, "Fix gpj.exe crash [31mred\\nbody")) << exported.out;
  for (const char* bad : {"\u202E", "\u2066", "\\u202e", "\\u001b", "\x1b", "\u0085", "\\r"})
    EXPECT_FALSE(contains(exported.out, bad)) << exported.out;
  auto report = run_infradigest(db + " --now 2026-02-27T08:00:00Z report --date 2026-02-26 --timezone UTC",
                                "INFRADIGEST_REPOS=acme/engine");
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_TRUE(contains(report.out, "gpj.exe")) << report.out;
  for (const char* bad : {"\u202E", "\u2066", "\x1b"}) EXPECT_FALSE(contains(report.out, bad)) << report.out;
}

TEST(InputEdgeCases, AStallNamesTheStallTimeoutSetting) {
  std::mutex mutex;  // declared before the server: its handler waits on them
  std::condition_variable released;
  bool done = false;
  testing::FakeHttpServer server;
  server.get("/stall", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(mutex);
    released.wait_for(lock, 120s, [&] { return done; });  // sends nothing until the client gave up
    res.set_content("[]", "application/json");
  });
  server.start();
  auto http = make_http_client();
  HttpRequest request{.url = server.base_url() + "/stall"};
  request.timeouts = HttpTimeouts{std::chrono::seconds(10), std::chrono::seconds(120), std::chrono::seconds(1), "github."};
  auto r = http->send(request);
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  released.notify_all();
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().transient());
  EXPECT_TRUE(contains(r.error().message, "exceeded github.stall_timeout (1 s without receiving a byte)"))
      << r.error().message;
  EXPECT_FALSE(contains(r.error().message, "Timeout was reached")) << r.error().message;
}

}  // namespace input_edge_cases
}  // namespace infradigest
