#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "net/http_client.h"

namespace infradigest {

std::optional<std::string> HttpResponse::header(const std::string& name) const {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& [k, v] : headers)
    if (k == lower) return v;
  return std::nullopt;
}

namespace {

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Keeps only the headers of the final response (redirects produce several blocks).
size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<HttpHeaders*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon), value = line.substr(colon + 1);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  auto trim = [](std::string& s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t\r\n") + 1);
  };
  trim(value);
  headers->emplace_back(std::move(name), std::move(value));
  return size * count;
}

// Which timeout ran out, named as the user set it ("exceeded
// github.stall_timeout (30 s without receiving a byte)"), not libcurl's
// "Timeout was reached".
std::string timeout_message(const HttpTimeouts& t, std::string_view curl_message) {
  auto seconds = [](std::chrono::milliseconds d) {
    const auto ms = d.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
  };
  auto setting = [&](const char* key, const char* plain) {
    return t.setting_prefix.empty() ? std::string("the ") + plain : t.setting_prefix + key;
  };
  if (curl_message.find("too slow") != std::string_view::npos)
    return "exceeded " + setting("stall_timeout", "stall timeout") + " (" + seconds(t.stall) +
           " without receiving a byte)";
  if (curl_message.find("onnect") != std::string_view::npos || curl_message.find("esolv") != std::string_view::npos)
    return "exceeded " + setting("connect_timeout", "connect timeout") + " (" + seconds(t.connect) +
           " to connect)";
  return "exceeded " + setting("timeout", "total timeout") + " (" + seconds(t.total) + " for the whole request)";
}

// What the pool's handles share: the DNS cache and TLS sessions, so a
// handle's first connection resumes the session another handle negotiated
// (an abbreviated handshake) instead of a full one. Not the connection cache:
// libcurl does not support sharing connections between concurrent threads;
// each pooled handle keeps its own connections alive instead.
class CurlShare {
 public:
  CurlShare() : share_(curl_share_init()) {
    if (!share_) return;
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlShare::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlShare::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~CurlShare() {
    if (share_) curl_share_cleanup(share_);  // after every handle using it is gone
  }
  CurlShare(const CurlShare&) = delete;
  CurlShare& operator=(const CurlShare&) = delete;
  CURLSH* get() const { return share_; }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<CurlShare*>(self)->mutexes_[static_cast<size_t>(data) % kLockSlots].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* self) {
    static_cast<CurlShare*>(self)->mutexes_[static_cast<size_t>(data) % kLockSlots].unlock();
  }

  static constexpr size_t kLockSlots = CURL_LOCK_DATA_LAST;
  CURLSH* share_;
  std::array<std::mutex, kLockSlots> mutexes_;  // one per kind of shared data
};

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(HttpClientOptions options) : options_(std::move(options)) { global_init_once(); }

  ~CurlHttpClient() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);  // before share_ (a member) is cleaned up
  }

  HttpStats stats() const override {
    std::lock_guard lock(mutex_);
    return stats_;
  }

  Result<HttpResponse> send(const HttpRequest& request) override {
    // A handle from the pool keeps its open connections and caches; reset
    // clears every option of the previous request (headers, body, method).
    std::unique_ptr<CURL, HandleReturn> curl(take_handle(), HandleReturn{this});
    if (!curl) return make_error(request.describe() + ": cannot create an HTTP handle");
    CURL* h = curl.get();
    curl_easy_reset(h);
    HttpResponse response;
    curl_slist* list = nullptr;
    for (const auto& [k, v] : request.headers) list = curl_slist_append(list, (k + ": " + v).c_str());
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(list, curl_slist_free_all);

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    // Custom Authorization headers stay with the original host (curl >= 7.58
    // drops them on a host change unless this is set; keep it explicit).
    curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeouts.connect.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeouts.total.count()));
    // Stall: less than 1 byte/s for the stall period aborts the transfer.
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
                     std::max<long>(1, static_cast<long>(request.timeouts.stall.count() / 1000)));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate if offered
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
    if (request.method == "GET") {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }

    char curl_message[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_message);
    CURLcode rc = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);  // the buffer is this call's; the handle may be pooled
    long connects = 0;
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &connects);
    const char* scheme = nullptr;  // of the last connection ("HTTPS"), after redirects
    curl_easy_getinfo(h, CURLINFO_SCHEME, &scheme);
    const bool tls = scheme && (scheme == std::string_view("HTTPS") || scheme == std::string_view("https"));
    {
      std::lock_guard lock(mutex_);
      ++stats_.requests;
      stats_.new_connections += connects;
      if (tls) stats_.tls_handshakes += connects;
    }
    if (rc == CURLE_OPERATION_TIMEDOUT)
      return make_error(request.describe() + ": " + timeout_message(request.timeouts, curl_message), ErrorCode::kTransient);
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
      return make_error(certificate_message(request, rc, curl_message));
    if (rc != CURLE_OK) {
      const bool transient = rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_COULDNT_CONNECT ||
                             rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_RECV_ERROR ||
                             rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING ||
                             rc == CURLE_PARTIAL_FILE || rc == CURLE_HTTP2 || rc == CURLE_HTTP2_STREAM;
      return make_error(request.describe() + ": " + curl_easy_strerror(rc),
                        transient ? ErrorCode::kTransient : ErrorCode::kGeneric);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  // Returns a handle to the idle pool when a request is done with it.
  struct HandleReturn {
    CurlHttpClient* client;
    void operator()(CURL* h) const { client->give_back(h); }
  };

  // Says which certificate was refused and where to name a private CA:
  // "SSL certificate problem: self-signed certificate", not just "SSL peer
  // certificate or SSH remote key was not OK".
  std::string certificate_message(const HttpRequest& request, CURLcode rc, std::string_view curl_message) const {
    const std::string detail = curl_message.empty() ? curl_easy_strerror(rc) : std::string(curl_message);
    const std::string setting = options_.ca_file_setting.empty() ? "a CA file" : options_.ca_file_setting;
    if (rc == CURLE_SSL_CACERT_BADFILE)
      return request.describe() + ": cannot read the CA file " + setting + " names (" + detail + ")";
    return request.describe() + ": the server's TLS certificate is not trusted (" + detail + ")" +
           (options_.ca_file.empty() ? "; a server with a private certificate authority: name its certificate in " +
                                           setting
                                     : "; nor is it signed by the CA in " + setting);
  }

  CURL* take_handle() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        return h;
      }
    }
    CURL* h = curl_easy_init();
    // Kept through curl_easy_reset (it keeps a handle's shares).
    if (h && share_.get()) curl_easy_setopt(h, CURLOPT_SHARE, share_.get());
    return h;
  }

  void give_back(CURL* h) {
    std::lock_guard lock(mutex_);
    // As many idle handles as requests ran at once (the GitHub client bounds
    // that by github.concurrency); a few spare ones cost little.
    if (idle_.size() < kMaxIdleHandles) idle_.push_back(h);
    else curl_easy_cleanup(h);
  }

  static constexpr size_t kMaxIdleHandles = 16;
  HttpClientOptions options_;
  CurlShare share_;  // declared before the handles' pool: outlives it
  mutable std::mutex mutex_;
  std::vector<CURL*> idle_;
  HttpStats stats_;
};

}  // namespace

std::unique_ptr<HttpClient> make_http_client(const HttpClientOptions& options) {
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace infradigest
