// A local HTTP server for tests (GitHub API, LLM endpoint, webhooks): binds
// 127.0.0.1 on a free port, serves handlers on its own thread, and records
// every request its handlers receive. Register handlers with get()/post()/
// handle() (they record the request, body included, before answering), then start().
// Given a certificate it serves HTTPS instead, and counts the TLS handshakes
// it completes, full or resumed (a client reusing TLS sessions resumes).
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace infradigest::testing {

struct RecordedRequest {
  std::string method;
  std::string path;  // without the query
  std::multimap<std::string, std::string> params;
  std::multimap<std::string, std::string> headers;  // httplib keeps names case-insensitive on lookup
  std::string body;
  std::string header(const std::string& name) const;
};

class SelfSignedCertificate;

struct TlsHandshakes {
  long full = 0;     // a new session: key exchange and certificate check
  long resumed = 0;  // an earlier session resumed (ticket or session id)
};

class FakeHttpServer {
 public:
  // HTTPS with `tls` (which must outlive start()), plain HTTP without.
  explicit FakeHttpServer(const SelfSignedCertificate* tls = nullptr);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  // Keeps a connection open for up to `max_requests` requests (httplib closes
  // it after 5 by default, GitHub does not), with enough server threads for
  // every connection a client may hold open. Call before start().
  void keep_connections_open(size_t max_requests);
  // Binds `host` (127.0.0.1 or localhost) on a free port and serves until destruction.
  void start(const std::string& host = "127.0.0.1");
  std::string base_url() const { return (tls_ ? "https://" : "http://") + host_ + ":" + std::to_string(port_); }
  int port() const { return port_; }

  std::vector<RecordedRequest> requests() const;  // in arrival order
  size_t request_count() const;
  TlsHandshakes tls_handshakes() const { return {full_handshakes_.load(), resumed_handshakes_.load()}; }

 private:
  Handler recording(Handler handler);
  void record(const httplib::Request& req);
  static void on_tls_info(const SSL* ssl, int where, int ret);  // SSL_CTX info callback

  bool tls_ = false;
  std::atomic<long> full_handshakes_{0};
  std::atomic<long> resumed_handshakes_{0};
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace infradigest::testing
