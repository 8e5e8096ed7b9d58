// A fake GitHub serving a realistic day (tests/fake_github_dataset.h) on
// 127.0.0.1, for bench/sync_bench.sh. Prints its URL on stdout, then serves
// until stdin is closed. GET /_stats answers {"requests", "not_modified",
// "commit_details"} so far.
//   fake_github_server [--latency-ms N]
#include <iostream>
#include <string>

#include "fake_github.h"
#include "fake_github_dataset.h"

int main(int argc, char** argv) {
  using infradigest::testing::FakeGithub;
  int latency = 0;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--latency-ms") latency = std::stoi(argv[i + 1]);
  FakeGithub github;
  infradigest::testing::add_realistic_day(github, "2026-02-26", "2026-02-25");
  github.latency_ms = latency;
  github.server().get("/_stats", [&](const httplib::Request&, httplib::Response& res) {
    nlohmann::json j{{"requests", github.count("/repos/")},  // API requests, not these
                     {"not_modified", github.not_modified()},
                     {"commit_details", github.commit_details()}};
    res.set_content(j.dump(), "application/json");
  });
  github.start();
  std::cout << github.url() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
