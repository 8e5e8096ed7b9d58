// Live progress of a sync on stderr, only when stderr is a terminal (and
// TERM is not "dumb"): one line, redrawn in place —
//   sync [3/8 done] vllm-project/vllm, sgl-project/sglang: 57 commits, 120 requests, 2 retries
// Logs and cron mails never see it. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <set>
#include <string>

#include "github/github_client.h"
#include "sync/sync_runner.h"

namespace infradigest {

// isatty(stderr) and TERM is set and not "dumb".
bool stderr_wants_progress();

class TerminalProgress : public SyncObserver {
 public:
  // `out` and `github` must outlive this object. Draws nothing when !enabled.
  TerminalProgress(std::ostream& out, const GithubClient& github, size_t repos, bool enabled);
  ~TerminalProgress() override { clear(); }

  void repo_started(const std::string& repo) override;
  void repo_finished(const RepoOutcome& outcome) override;
  void commit_fetched() override;
  // Erases the line (before the summary is printed). Idempotent.
  void clear();

 private:
  void draw(bool force);  // REQUIRES: mutex_ held

  std::ostream& out_;
  const GithubClient& github_;
  const size_t total_;
  const bool enabled_;
  std::mutex mutex_;
  std::set<std::string> running_;
  size_t done_ = 0;
  long long commits_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace infradigest
