// Faults around chat delivery, with the real binary: two `publish` runs at
// once, and a `publish` killed with SIGKILL mid-delivery. Either way every
// piece of the day reaches the webhook exactly once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <regex>
#include <thread>

#include "fake_http_server.h"
#include "store/database.h"
#include "test_support.h"

namespace infradigest {
namespace {

using namespace std::chrono_literals;
using testing::contains;
using testing::run_infradigest;
using testing::TempDir;

// A Feishu receiver that counts accepted pieces by their "(i/n)" label, and
// holds request number `hold_at` (1-based) until released: answered then with
// `release_status` (200 accepts it; a dead client never sees the answer).
class HoldingFeishu {
 public:
  explicit HoldingFeishu(size_t hold_at) : hold_at_(hold_at) {}

  void handle(const httplib::Request& req, httplib::Response& res) {
    std::unique_lock lock(mutex_);
    const size_t number = ++received_;
    arrived_.notify_all();
    if (number == hold_at_) {
      released_.wait_for(lock, 300s, [this] { return release_status_ != 0; });
      res.status = release_status_ == 0 ? 503 : release_status_;
    }
    if (res.status != 200 && res.status != -1) return;
    res.status = 200;
    const auto body = nlohmann::json::parse(req.body);
    const std::string title = body["card"]["header"]["title"]["content"];
    std::smatch m;
    const std::string label = std::regex_search(title, m, std::regex(R"(\((\d+)/\d+\))")) ? m[1].str() : "1";
    ++accepted_[std::stoi(label)];
    res.set_content(R"({"code":0,"msg":"success"})", "application/json");
  }

  // Waits (at most `limit`) until `count` requests arrived; false on timeout.
  bool wait_for_requests(size_t count, std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, limit, [&] { return received_ >= count; });
  }
  void release(int status) {
    std::lock_guard lock(mutex_);
    release_status_ = status;
    released_.notify_all();
  }
  std::map<int, int> accepted() {
    std::lock_guard lock(mutex_);
    return accepted_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_, released_;
  size_t hold_at_;
  size_t received_ = 0;
  int release_status_ = 0;
  std::map<int, int> accepted_;  // piece number -> times accepted
};

struct PublishSetup {
  TempDir dir;
  std::string args;

  PublishSetup() {
    testing::write_file(dir.file("c.toml"), "[[publish.webhook]]\ntype = \"feishu\"\nurl_env = \"FS_URL\"\nname = \"team\"\ncontent = \"full\"\n");
    args = "--config " + dir.file("c.toml") + " --db " + dir.file("s.db");
    EXPECT_EQ(run_infradigest(args + " import " + testing::source_path("examples/2026-02-26")).exit_code, 0);
  }
  std::string delivery_states() {
    auto db = Database::open(dir.file("s.db")).value();
    auto rows = db.prepare("SELECT piece, status FROM deliveries ORDER BY piece").value();
    std::string out;
    EXPECT_TRUE(rows.for_each_row([&]() -> Status {
      out += rows.text_or_empty(0) + ":" + rows.text_or_empty(1) + " ";
      return {};
    }));
    return out;
  }
};

int wait_exit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(DeliveryFaults, TwoConcurrentPublishesDeliverEachPieceOnce) {
  PublishSetup setup;
  HoldingFeishu feishu(1);  // declared before the server: its handler uses it
  testing::FakeHttpServer server;
  server.post(R"(/hook/.*)", [&](const httplib::Request& req, httplib::Response& res) { feishu.handle(req, res); });
  server.start();
  const std::string env = "FS_URL=" + server.base_url() + "/hook/abc123def456";
  const pid_t first = testing::start_infradigest(setup.args + " publish --date 2026-02-26", env,
                                                 setup.dir.file("first.log"), setup.dir.file("home"));
  // The first publish is mid-delivery (its first piece held at the receiver)...
  const bool arrived = feishu.wait_for_requests(1, 120s);
  // ...when the cron's (or a person's) second publish starts.
  auto second = run_infradigest(setup.args + " publish --date 2026-02-26", env);
  feishu.release(200);
  const int first_exit = wait_exit(first);
  ASSERT_TRUE(arrived) << testing::read_file(setup.dir.file("first.log"));
  EXPECT_EQ(first_exit, 0) << testing::read_file(setup.dir.file("first.log"));
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_TRUE(contains(second.err, "another infradigest sync, run, publish or site is using")) << second.err;
  const auto accepted = feishu.accepted();
  ASSERT_GT(accepted.size(), 1u) << "the report is several pieces";
  for (const auto& [piece, times] : accepted) EXPECT_EQ(times, 1) << "piece " << piece;
}

TEST(DeliveryFaults, KillDashNineMidPublishThenARerunSendsOnlyWhatIsMissing) {
  PublishSetup setup;
  HoldingFeishu feishu(2);  // the second piece is in flight when the process dies
  testing::FakeHttpServer server;
  server.post(R"(/hook/.*)", [&](const httplib::Request& req, httplib::Response& res) { feishu.handle(req, res); });
  server.start();
  const std::string env = "FS_URL=" + server.base_url() + "/hook/abc123def456";
  const pid_t pid = testing::start_infradigest(setup.args + " publish --date 2026-02-26", env,
                                               setup.dir.file("killed.log"), setup.dir.file("home"));
  const bool arrived = feishu.wait_for_requests(2, 120s);
  kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  feishu.release(503);  // the answer to a dead client: not delivered
  ASSERT_TRUE(arrived) << testing::read_file(setup.dir.file("killed.log"));
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(feishu.accepted(), (std::map<int, int>{{1, 1}}));
  EXPECT_TRUE(contains(setup.delivery_states(), "1:delivered 2:pending")) << setup.delivery_states();

  auto rerun = run_infradigest(setup.args + " publish --date 2026-02-26", env);
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const auto accepted = feishu.accepted();
  ASSERT_GT(accepted.size(), 1u);
  for (const auto& [piece, times] : accepted) EXPECT_EQ(times, 1) << "piece " << piece;
  EXPECT_EQ(setup.delivery_states().find("pending"), std::string::npos) << setup.delivery_states();
  EXPECT_EQ(setup.delivery_states().find("failed"), std::string::npos) << setup.delivery_states();
}

}  // namespace
}  // namespace infradigest
