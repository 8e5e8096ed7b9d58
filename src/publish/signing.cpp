#include "publish/signing.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace infradigest {

std::string hmac_sha256(std::string_view key, std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), out, &length);
  return std::string(reinterpret_cast<const char*>(out), length);
}

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}


std::string feishu_signature(long long timestamp_seconds, std::string_view secret) {
  const std::string key = std::to_string(timestamp_seconds) + "\n" + std::string(secret);
  return base64_encode(hmac_sha256(key, ""));
}

std::string dingtalk_signature(long long timestamp_ms, std::string_view secret) {
  return base64_encode(hmac_sha256(secret, std::to_string(timestamp_ms) + "\n" + std::string(secret)));
}

}  // namespace infradigest
