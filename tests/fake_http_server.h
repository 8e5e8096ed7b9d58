// A local HTTP server for tests (GitHub API, LLM endpoint, webhooks): binds
// 127.0.0.1 on a free port, serves handlers on its own thread, and records
// every request its handlers receive. Register handlers with get()/post()/
// handle() (they record the request, body included, before answering), then start().
#pragma once

#include <httplib.h>

#include <functional>
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

class FakeHttpServer {
 public:
  FakeHttpServer() = default;
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
  std::string base_url() const { return "http://" + host_ + ":" + std::to_string(port_); }
  int port() const { return port_; }

  std::vector<RecordedRequest> requests() const;  // in arrival order
  size_t request_count() const;

 private:
  Handler recording(Handler handler);
  void record(const httplib::Request& req);

  httplib::Server server_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace infradigest::testing
