#include "fake_http_server.h"

#include <openssl/ssl.h>

#include <chrono>
#include <stdexcept>

#include "self_signed_certificate.h"

namespace infradigest::testing {
namespace {

// Where the info callback finds its server (SSL_CTX) and whether it already
// counted a connection (SSL): OpenSSL may report a TLS 1.3 handshake done
// again when it sends session tickets after it.
int fake_server_ctx_index() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}
int fake_server_counted_index() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

}  // namespace

void FakeHttpServer::on_tls_info(const SSL* ssl, int where, int /*ret*/) {
  if (!(where & SSL_CB_HANDSHAKE_DONE)) return;
  SSL* conn = const_cast<SSL*>(ssl);  // only its ex_data is written
  if (SSL_get_ex_data(conn, fake_server_counted_index()) != nullptr) return;
  static int counted_marker;
  SSL_set_ex_data(conn, fake_server_counted_index(), &counted_marker);
  auto* self = static_cast<FakeHttpServer*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), fake_server_ctx_index()));
  if (self) ++(SSL_session_reused(conn) ? self->resumed_handshakes_ : self->full_handshakes_);
}

FakeHttpServer::FakeHttpServer(const SelfSignedCertificate* tls) : tls_(tls != nullptr) {
  if (!tls) {
    server_ = std::make_unique<httplib::Server>();
    return;
  }
  auto server = std::make_unique<httplib::SSLServer>(tls->certificate(), tls->key());  // both up-referenced
  if (!server->is_valid()) throw std::runtime_error("fake server: cannot set up TLS");
  SSL_CTX* ctx = server->ssl_context();
  SSL_CTX_set_ex_data(ctx, fake_server_ctx_index(), this);  // the server, and so ctx, dies with this
  SSL_CTX_set_info_callback(ctx, &FakeHttpServer::on_tls_info);
  server_ = std::move(server);
}

std::string RecordedRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

void FakeHttpServer::record(const httplib::Request& req) {
  RecordedRequest r{req.method, req.path, {}, {}, req.body};
  for (const auto& p : req.params) r.params.insert(p);
  for (const auto& h : req.headers) r.headers.insert(h);
  std::lock_guard lock(mutex_);
  requests_.push_back(std::move(r));
}

FakeHttpServer::Handler FakeHttpServer::recording(Handler handler) {
  return [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    record(req);  // before answering: a client that got the answer sees the record
    handler(req, res);
  };
}

void FakeHttpServer::get(const std::string& pattern, Handler handler) {
  server_->Get(pattern, recording(std::move(handler)));
}

void FakeHttpServer::post(const std::string& pattern, Handler handler) {
  server_->Post(pattern, recording(std::move(handler)));
}

void FakeHttpServer::keep_connections_open(size_t max_requests) {
  server_->set_keep_alive_max_count(max_requests);
  server_->set_keep_alive_timeout(30);
  server_->new_task_queue = [] { return new httplib::ThreadPool(64); };
}

void FakeHttpServer::start(const std::string& host) {
  host_ = host;
  port_ = server_->bind_to_any_port(host == "localhost" ? "127.0.0.1" : host);
  if (port_ <= 0) throw std::runtime_error("fake server: cannot bind " + host);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // httplib 0.11 has no wait_until_ready(): poll until the loop runs, with a
  // deadline generous enough for a loaded machine, so a server that cannot
  // start fails the test instead of hanging it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!server_->is_running()) {
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("fake server: not listening after 60 s");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FakeHttpServer::~FakeHttpServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::vector<RecordedRequest> FakeHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

size_t FakeHttpServer::request_count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

}  // namespace infradigest::testing
