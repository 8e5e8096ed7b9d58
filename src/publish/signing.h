// The cryptographic bits of webhook signing (OpenSSL libcrypto): HMAC-SHA256,
// base64 (query values are encoded by core/percent_encoding.h).
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// Raw 32-byte HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view message);

// Standard base64 with padding (RFC 4648 section 4).
std::string base64_encode(std::string_view bytes);

// Feishu/Lark custom bot: base64(hmac_sha256(key = timestamp + "\n" + secret, message = "")),
// timestamp in seconds.
std::string feishu_signature(long long timestamp_seconds, std::string_view secret);

// DingTalk robot: base64(hmac_sha256(key = secret, message = timestamp + "\n" + secret)),
// timestamp in milliseconds; URL-encode it for the query string.
std::string dingtalk_signature(long long timestamp_ms, std::string_view secret);

}  // namespace infradigest
