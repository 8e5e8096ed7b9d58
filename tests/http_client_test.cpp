#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "fake_http_server.h"
#include "net/http_client.h"
#include "self_signed_certificate.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::FakeHttpServer;
using testing::SelfSignedCertificate;

// Built field by field: GCC 12 warns on designated initializers that skip members.
HttpRequest request(std::string url, std::string method = "GET") {
  HttpRequest r;
  r.url = std::move(url);
  r.method = std::move(method);
  return r;
}

TEST(HttpClient, GetReturnsStatusHeadersAndBodyAndSendsUserAgent) {
  FakeHttpServer fake;
  fake.get("/x", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "\"abc\"");
    res.set_content("hello", "text/plain");
  });
  fake.start();
  auto r = make_http_client()->send(request(fake.base_url() + "/x?a=1"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
  EXPECT_EQ(r->header("etag"), "\"abc\"");
  auto seen = fake.requests().at(0);
  EXPECT_EQ(seen.header("User-Agent"), std::string("infradigest/") + INFRADIGEST_VERSION);
  EXPECT_EQ(seen.params.find("a")->second, "1");
}

TEST(HttpClient, SequentialRequestsReuseOneConnectionAndLeaveNoStateBehind) {
  FakeHttpServer fake;
  fake.get("/x", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.has_header("X-Only-First") ? "first" : "plain", "text/plain");
  });
  fake.post("/p", [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); });
  fake.start();
  auto client = make_http_client();
  HttpRequest first = request(fake.base_url() + "/x");
  first.headers = {{"X-Only-First", "1"}};
  ASSERT_EQ(client->send(first)->body, "first");
  HttpRequest post = request(fake.base_url() + "/p", "POST");
  post.body = "payload";
  ASSERT_EQ(client->send(post)->body, "payload");
  for (int i = 0; i < 3; ++i) {  // 5 requests in all: httplib closes a connection after its 5th
    auto r = client->send(request(fake.base_url() + "/x"));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->body, "plain") << "a reused handle must not keep the previous request's headers";
    EXPECT_EQ(fake.requests().back().method, "GET") << "nor its method";
  }
  EXPECT_EQ(client->stats().requests, 5);
  EXPECT_EQ(client->stats().new_connections, 1) << "keep-alive: one connection for five requests";
}

TEST(HttpClient, HttpErrorsAreResponsesNotFailures) {
  FakeHttpServer fake;
  fake.get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  fake.start();
  auto r = make_http_client()->send(request(fake.base_url() + "/gone"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
}

TEST(HttpClient, PostSendsBodyAndHeaders) {
  FakeHttpServer fake;
  fake.post("/hook", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.body, "application/json");
  });
  fake.start();
  HttpRequest req = request(fake.base_url() + "/hook", "POST");
  req.headers = {{"Content-Type", "application/json"}};
  req.body = R"({"k":1})";
  auto r = make_http_client()->send(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, R"({"k":1})");
  EXPECT_EQ(fake.requests().at(0).header("Content-Type"), "application/json");
}

TEST(HttpClient, StallIsATransientErrorThatNamesTheRequestButNoSecret) {
  FakeHttpServer fake;
  fake.get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("late", "text/plain");
  });
  fake.start();
  HttpRequest req = request(fake.base_url() + "/slow");
  req.headers = {{"Authorization", "Bearer SECRET-SENTINEL"}};
  req.timeouts.total = std::chrono::milliseconds(500);
  auto r = make_http_client()->send(req);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().transient());
  EXPECT_NE(r.error().message.find("/slow"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("SECRET-SENTINEL"), std::string::npos);
}

TEST(HttpClient, RefusedConnectionIsTransient) {
  int port;
  {
    FakeHttpServer fake;
    fake.start();
    port = fake.port();
  }  // closed again: nothing listens there now
  auto r = make_http_client()->send(request("http://127.0.0.1:" + std::to_string(port) + "/"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().transient()) << r.error().message;
}

TEST(HttpClient, DisplayNameHidesSecretUrls) {
  int port;
  {
    FakeHttpServer fake;
    fake.start();
    port = fake.port();
  }
  HttpRequest req = request("http://127.0.0.1:" + std::to_string(port) + "/hook/SECRET-TOKEN", "POST");
  req.display = "POST slack webhook";
  auto r = make_http_client()->send(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.find("SECRET-TOKEN"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("slack webhook"), std::string::npos);
}

TEST(HttpClient, RedirectToAnotherHostDropsAuthorization) {
  FakeHttpServer other;
  other.get("/landing", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  other.start("localhost");
  FakeHttpServer origin;
  const std::string target = "http://localhost:" + std::to_string(other.port()) + "/landing";
  origin.get("/start", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(target); });
  origin.start();
  HttpRequest req = request(origin.base_url() + "/start");
  req.headers = {{"Authorization", "Bearer T0KEN"}};
  auto r = make_http_client()->send(req);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "ok");
  EXPECT_EQ(origin.requests().at(0).header("Authorization"), "Bearer T0KEN");
  ASSERT_EQ(other.request_count(), 1u);
  EXPECT_EQ(other.requests().at(0).header("Authorization"), "");
}

// The pool's second handle resumes the TLS session its first one negotiated
// (a shared session cache), and the client counts both handshakes.
TEST(HttpClient, PooledHandlesResumeOneTlsSessionAndTrustOnlyTheCaFile) {
  SelfSignedCertificate certificate;
  testing::TempDir dir;
  certificate.write_pem(dir.file("ca.pem"));
  std::mutex mutex;  // before the server: its handlers use these
  std::condition_variable both_arrived;
  int arrived = 0;
  FakeHttpServer fake(&certificate);
  fake.get("/one", [](const httplib::Request&, httplib::Response& res) { res.set_content("one", "text/plain"); });
  // Answers once two requests are in, so they need two handles (two connections).
  fake.get("/pair", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(mutex);
    ++arrived;
    both_arrived.notify_all();
    both_arrived.wait_for(lock, std::chrono::seconds(30), [&] { return arrived >= 2; });
    res.set_content("pair", "text/plain");
  });
  fake.keep_connections_open(100);
  fake.start();

  HttpClientOptions options;
  options.ca_file = dir.file("ca.pem");
  auto client = make_http_client(options);
  auto first = client->send(request(fake.base_url() + "/one"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->body, "one");
  Result<HttpResponse> a = make_error("not sent"), b = make_error("not sent");
  std::thread other([&] { a = client->send(request(fake.base_url() + "/pair")); });
  b = client->send(request(fake.base_url() + "/pair"));
  other.join();
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(client->stats().requests, 3);
  EXPECT_EQ(client->stats().new_connections, 2);
  EXPECT_EQ(client->stats().tls_handshakes, 2);
  EXPECT_EQ(fake.tls_handshakes().full, 1);
  EXPECT_EQ(fake.tls_handshakes().resumed, 1) << "the second handle resumes the first one's session";

  options.ca_file.clear();
  options.ca_file_setting = "github.ca_file";
  auto untrusting = make_http_client(options)->send(request(fake.base_url() + "/one"));
  ASSERT_FALSE(untrusting.ok());
  EXPECT_TRUE(testing::contains(untrusting.error().message, "TLS certificate is not trusted"))
      << untrusting.error().message;
  EXPECT_TRUE(testing::contains(untrusting.error().message, "github.ca_file")) << untrusting.error().message;
}

}  // namespace
}  // namespace infradigest
