// The HTTP seam: every request to GitHub, an LLM endpoint or a webhook goes
// through an HttpClient. Production uses libcurl (make_http_client); tests
// talk to local servers on 127.0.0.1 or pass their own HttpClient.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace infradigest {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpTimeouts {
  std::chrono::milliseconds connect{10'000};  // TCP + TLS handshake
  std::chrono::milliseconds total{120'000};   // whole request, including the body
  std::chrono::milliseconds stall{30'000};    // no byte received for this long
  // Where these come from, for timeout errors: "github." names
  // github.connect_timeout / github.timeout / github.stall_timeout. Empty:
  // "the connect/total/stall timeout".
  std::string setting_prefix{};
};

struct HttpRequest {
  // Every member has an initializer, so designated initializers may name any subset.
  std::string method = "GET";
  std::string url{};
  HttpHeaders headers{};  // may hold secrets (Authorization): never logged
  std::string body{};
  HttpTimeouts timeouts{};
  // How the request is named in logs and errors. Set it when the URL itself
  // is a secret (webhook URLs): e.g. "POST feishu webhook". Default: METHOD URL.
  std::optional<std::string> display{};

  std::string describe() const { return display ? *display : method + " " + url; }
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;  // names lower-cased, in arrival order
  std::string body;

  // The first value of header `name` (case-insensitive), if present.
  std::optional<std::string> header(const std::string& name) const;
};

// What a client has done so far: the scale benchmark shows connection reuse
// with it (a new TCP/TLS connection per request is what a naive client costs).
struct HttpStats {
  long requests = 0;         // transfers performed (redirect hops included in one)
  long new_connections = 0;  // connections opened for them; the rest reused one
  // New connections to https URLs: each began with a TLS handshake, full or
  // resumed (libcurl does not tell which; a server can: bench/fake_github_server --tls).
  long tls_handshakes = 0;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpStats stats() const { return {}; }
  // Sends one request; no retries (retry policy belongs to the caller, so
  // there is exactly one retry layer). Any HTTP status is a response; only
  // transport failures are errors — timeouts, refused or reset connections
  // carry ErrorCode::kTransient. Errors name request.describe(), never headers;
  // a timeout names which one ran out (HttpTimeouts::setting_prefix).
  // Redirects are followed (at most 5); credentials in headers are dropped
  // when a redirect leaves the original host.
  // Thread-safe: one client may serve concurrent requests. The libcurl client
  // keeps idle handles, so sequential requests to one host reuse its
  // connection (keep-alive, TLS session) instead of opening a new one.
  virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

struct HttpClientOptions {
  std::string user_agent = std::string("infradigest/") + INFRADIGEST_VERSION;
  // PEM file of the certificate authorities to trust instead of the system's
  // (a GitHub Enterprise with a private CA, a local HTTPS stand-in); empty:
  // the system's. Peers are always verified.
  std::string ca_file{};
  // The setting that holds ca_file, named in certificate errors ("github.ca_file").
  std::string ca_file_setting{};
};

std::unique_ptr<HttpClient> make_http_client(const HttpClientOptions& options = {});

}  // namespace infradigest
