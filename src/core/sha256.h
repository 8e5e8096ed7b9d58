// SHA-256 of a byte string, as 64 lower-case hex digits (OpenSSL libcrypto).
// For content fingerprints: the LLM answer cache key, a day's report inputs.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace infradigest {

std::string sha256_hex(std::string_view bytes);

// The same, fed piece by piece through a std::ostream, so a large text (a
// day's snapshot, for its fingerprint) is hashed without being held whole.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  std::ostream& stream();
  // The digest of everything written so far, as sha256_hex gives it. Call once.
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace infradigest
