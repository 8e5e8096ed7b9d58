// `infradigest sync` over HTTPS: the real binary against the fake GitHub
// serving a self-signed certificate on 127.0.0.1. The certificate is trusted
// only through github.ca_file (peers are always verified), and the pooled
// connections make a handful of TLS handshakes for a day's requests.
#include <gtest/gtest.h>

#include "fake_github.h"
#include "fake_github_dataset.h"
#include "self_signed_certificate.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::FakeGithub;
using testing::run_infradigest;
using testing::SelfSignedCertificate;
using testing::TempDir;

const std::string kHttpsDay = "2026-02-26";
const std::string kHttpsNow = "2026-02-27T08:00:00Z";

std::string https_env(const FakeGithub& github, const TempDir& dir) {
  std::string repos;
  for (const auto& r : testing::realistic_repo_names()) repos += (repos.empty() ? "" : ",") + r;
  return "XDG_CONFIG_HOME=" + dir.file("config") + " GITHUB_API_URL=" + github.url() +
         " GITHUB_TOKEN=https-test-token INFRADIGEST_REPOS=" + repos + " INFRADIGEST_GITHUB_MAX_WAIT=60";
}

TEST(SyncHttps, TrustsTheCaFileAndMakesFarFewerTlsHandshakesThanRequests) {
  SelfSignedCertificate certificate;  // before the server, which serves it
  TempDir dir;
  certificate.write_pem(dir.file("ca.pem"));
  FakeGithub github(&certificate);
  testing::add_realistic_day(github, kHttpsDay, "2026-02-25", 5, 0.5);
  github.server().keep_connections_open(100000);  // as GitHub does
  github.start();
  ASSERT_EQ(github.url().rfind("https://127.0.0.1:", 0), 0u) << github.url();

  auto sync = run_infradigest("--db " + dir.file("store.db") + " --now " + kHttpsNow + " sync --date " + kHttpsDay,
                              https_env(github, dir) + " INFRADIGEST_GITHUB_CA_FILE=" + dir.file("ca.pem"));
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  const auto requests = static_cast<long>(github.server().request_count());
  const auto handshakes = github.server().tls_handshakes();
  EXPECT_GT(requests, 60) << "a realistic day of 8 repositories";
  EXPECT_GE(handshakes.full, 1);
  EXPECT_LE((handshakes.full + handshakes.resumed) * 5, requests)
      << "full " << handshakes.full << ", resumed " << handshakes.resumed << " for " << requests << " requests";
  // The client counts the same handshakes (full or resumed) in its summary.
  EXPECT_TRUE(testing::contains(sync.err, "(" + std::to_string(handshakes.full + handshakes.resumed) + " TLS)"))
      << sync.err;
}

TEST(SyncHttps, WithoutTheCaFileTheSelfSignedServerIsRefusedWithACertificateError) {
  SelfSignedCertificate certificate;
  TempDir dir;
  FakeGithub github(&certificate);
  testing::add_realistic_day(github, kHttpsDay, "2026-02-25", 2, 0.5);
  github.start();

  auto sync = run_infradigest("--db " + dir.file("store.db") + " --now " + kHttpsNow + " sync --date " + kHttpsDay,
                              https_env(github, dir));
  EXPECT_NE(sync.exit_code, 0) << sync.err;
  EXPECT_TRUE(testing::contains(sync.err, "TLS certificate is not trusted")) << sync.err;
  EXPECT_TRUE(testing::contains(sync.err, "self-signed certificate")) << sync.err;
  EXPECT_TRUE(testing::contains(sync.err, "github.ca_file")) << sync.err;
  EXPECT_EQ(github.server().request_count(), 0u) << "no request got past the handshake";
  EXPECT_EQ(github.server().tls_handshakes().full + github.server().tls_handshakes().resumed, 0);
}

}  // namespace
}  // namespace infradigest
