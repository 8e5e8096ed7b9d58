// A fake GitHub serving a realistic day (tests/fake_github_dataset.h) on
// 127.0.0.1, for bench/sync_bench.sh and bench/scale_bench.sh. Prints its URL
// on stdout, then serves until stdin is closed. GET /_stats answers
// {"requests", "not_modified", "commit_details"} so far; GET /_repos the
// watched repositories, comma-separated.
//   fake_github_server [--latency-ms N] [--repos N] [--rate-remaining N]
// --repos N: N repositories (the 8 of the realistic watchlist, then copies of
// them renamed owner-cK/name), each with the same day of activity.
// --rate-remaining N: the rate limit left (default 5000; a 1,000-repository
// cold day needs more than one token's hour).
#include <iostream>
#include <string>

#include "fake_github.h"
#include "fake_github_dataset.h"

int main(int argc, char** argv) {
  using infradigest::testing::FakeGithub;
  int latency = 0, repos = 0;
  long long rate_remaining = 5000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--latency-ms") latency = std::stoi(argv[i + 1]);
    if (std::string(argv[i]) == "--repos") repos = std::stoi(argv[i + 1]);
    if (std::string(argv[i]) == "--rate-remaining") rate_remaining = std::stoll(argv[i + 1]);
  }
  const auto watchlist = repos > 0 ? infradigest::testing::realistic_watchlist_copies(repos)
                                   : infradigest::testing::realistic_watchlist();
  FakeGithub github;
  infradigest::testing::add_realistic_day(github, "2026-02-26", "2026-02-25", 20, 1.0, watchlist);
  github.latency_ms = latency;
  github.rate_remaining = rate_remaining;
  github.server().get("/_stats", [&](const httplib::Request&, httplib::Response& res) {
    nlohmann::json j{{"requests", github.count("/repos/")},  // API requests, not these
                     {"not_modified", github.not_modified()},
                     {"commit_details", github.commit_details()}};
    res.set_content(j.dump(), "application/json");
  });
  std::string names;
  for (const auto& r : watchlist) names += (names.empty() ? "" : ",") + r.name;
  github.server().get("/_repos", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(names, "text/plain");
  });
  github.server().keep_connections_open(100000);  // as GitHub does: reuse shows in the client's count
  github.start();
  std::cout << github.url() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
