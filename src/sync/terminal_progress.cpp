#include "sync/terminal_progress.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace infradigest {

bool stderr_wants_progress() {
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) == 1 && term != nullptr && *term != '\0' && std::strcmp(term, "dumb") != 0;
}

TerminalProgress::TerminalProgress(std::ostream& out, const GithubClient& github, size_t repos, bool enabled)
    : out_(out), github_(github), total_(repos), enabled_(enabled) {}

void TerminalProgress::repo_started(const std::string& repo) {
  std::lock_guard lock(mutex_);
  running_.insert(repo);
  draw(true);
}

void TerminalProgress::repo_finished(const RepoOutcome& outcome) {
  std::lock_guard lock(mutex_);
  running_.erase(outcome.repo);
  ++done_;
  draw(true);
}

void TerminalProgress::commit_fetched() {
  std::lock_guard lock(mutex_);
  ++commits_;
  draw(false);
}

void TerminalProgress::clear() {
  std::lock_guard lock(mutex_);
  if (!enabled_ || !drawn_) return;
  out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

void TerminalProgress::draw(bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::string names = fmt::format("{}", fmt::join(running_, ", "));
  if (names.size() > 60) names = names.substr(0, 57) + "...";
  const GithubStats api = github_.stats();
  // Retries show here, on the terminal, instead of a line each.
  const std::string retries = api.retries ? fmt::format(", {} retries", api.retries) : "";
  out_ << "\r\033[K"
       << fmt::format("sync [{}/{} done] {}: {} commits, {} requests{}", done_, total_, names, commits_,
                      api.requests, retries)
       << std::flush;
  drawn_ = true;
}

}  // namespace infradigest
