// SHA-256 of a byte string, as 64 lower-case hex digits (OpenSSL libcrypto).
// For content fingerprints: the LLM answer cache key, a day's report inputs.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

std::string sha256_hex(std::string_view bytes);

}  // namespace infradigest
