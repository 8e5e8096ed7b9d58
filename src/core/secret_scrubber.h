// The one secret scrubber: every text that leaves the program (stderr, logs,
// the store's error columns, reports, chat bodies) passes through it, wherever
// the text came from — our own errors, libcurl, or a server that echoed the
// request back in its error body.
//
// It knows two kinds of secret:
//   - secrets proper (GitHub token, LLM key, signing secrets): removed whole;
//   - secret-bearing URLs (webhooks): the whole URL, its path and query, every
//     query value of a credential-named parameter (token, key, sign, secret,
//     ...) and every path segment or query value that looks like a credential
//     (8+ characters with letters and digits, or 20+ characters). So a Feishu
//     hook id, DingTalk access_token and sign, WeCom key, Slack T/B/X path and
//     a generic webhook's token path all go, while words such as "open-apis",
//     "hook" or "services" are left alone (scrubbing them would garble every
//     message that says "webhook").
// Each is removed in its raw, percent-encoded, percent-decoded and
// JSON-escaped ("\/") forms, also with its punctuation Markdown-escaped
// ("ghp\_abc"), longest first, and replaced by "***".
//
// Thread-safety: add_* must not race with anything; scrub() is const and may
// be called from many threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

class SecretScrubber {
 public:
  // Secrets shorter than this are not scrubbed: they would match everywhere.
  static constexpr size_t kMinSecretSize = 4;

  void add_secret(std::string_view secret);
  void add_url(std::string_view url);
  // Adds everything `other` scrubs.
  void add_all(const SecretScrubber& other);

  // `text` with every known secret replaced by "***".
  std::string scrub(std::string_view text) const;
  bool empty() const { return needles_.empty(); }

 private:
  void add_needle(std::string needle);
  std::vector<std::string> needles_;  // sorted longest first, unique
};

}  // namespace infradigest
