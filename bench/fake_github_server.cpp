// A fake GitHub serving a realistic day (tests/fake_github_dataset.h) on
// 127.0.0.1, for bench/sync_bench.sh and bench/scale_bench.sh. Prints its URL
// on stdout, then serves until stdin is closed. GET /_stats answers
// {"requests", "not_modified", "commit_details", "tls_full_handshakes",
// "tls_resumed_handshakes"} so far; GET /_repos the watched repositories,
// comma-separated.
//   fake_github_server [--latency-ms N] [--repos N] [--rate-remaining N] [--tls CA_FILE]
// --repos N: N repositories (the 8 of the realistic watchlist, then copies of
// them renamed owner-cK/name), each with the same day of activity.
// --rate-remaining N: the rate limit left (default 5000; a 1,000-repository
// cold day needs more than one token's hour).
// --tls CA_FILE: serve HTTPS with a self-signed certificate for 127.0.0.1
// generated at start (no key on disk), written to CA_FILE for the client to
// trust (INFRADIGEST_GITHUB_CA_FILE, curl --cacert); the handshake counts tell
// full handshakes from resumed TLS sessions.
#include <iostream>
#include <memory>
#include <string>

#include "fake_github.h"
#include "fake_github_dataset.h"
#include "self_signed_certificate.h"

int main(int argc, char** argv) {
  using infradigest::testing::FakeGithub;
  int latency = 0, repos = 0;
  long long rate_remaining = 5000;
  std::string ca_file;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--latency-ms") latency = std::stoi(argv[i + 1]);
    if (std::string(argv[i]) == "--repos") repos = std::stoi(argv[i + 1]);
    if (std::string(argv[i]) == "--rate-remaining") rate_remaining = std::stoll(argv[i + 1]);
    if (std::string(argv[i]) == "--tls") ca_file = argv[i + 1];
  }
  std::unique_ptr<infradigest::testing::SelfSignedCertificate> certificate;
  if (!ca_file.empty()) {
    certificate = std::make_unique<infradigest::testing::SelfSignedCertificate>();
    certificate->write_pem(ca_file);
  }
  const auto watchlist = repos > 0 ? infradigest::testing::realistic_watchlist_copies(repos)
                                   : infradigest::testing::realistic_watchlist();
  FakeGithub github(certificate.get());
  infradigest::testing::add_realistic_day(github, "2026-02-26", "2026-02-25", 20, 1.0, watchlist);
  github.latency_ms = latency;
  github.rate_remaining = rate_remaining;
  github.server().get("/_stats", [&](const httplib::Request&, httplib::Response& res) {
    nlohmann::json j{{"requests", github.count("/repos/")},  // API requests, not these
                     {"not_modified", github.not_modified()},
                     {"commit_details", github.commit_details()},
                     {"tls_full_handshakes", github.server().tls_handshakes().full},
                     {"tls_resumed_handshakes", github.server().tls_handshakes().resumed}};
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
