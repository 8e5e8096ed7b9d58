#include "core/sha256.h"

#include <openssl/evp.h>

#include <streambuf>

namespace infradigest {

namespace {

std::string sha256_digest_hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

// A streambuf that hashes what passes through a small buffer.
class Sha256Buffer : public std::streambuf {
 public:
  Sha256Buffer() : context_(EVP_MD_CTX_new()) {
    EVP_DigestInit_ex(context_, EVP_sha256(), nullptr);
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  ~Sha256Buffer() override { EVP_MD_CTX_free(context_); }
  Sha256Buffer(const Sha256Buffer&) = delete;
  Sha256Buffer& operator=(const Sha256Buffer&) = delete;

  std::string finish() {
    flush_buffer();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context_, digest, &length);
    return sha256_digest_hex(digest, length);
  }

 protected:
  int_type overflow(int_type c) override {
    flush_buffer();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    flush_buffer();
    return 0;
  }

 private:
  void flush_buffer() {
    if (pptr() > pbase()) EVP_DigestUpdate(context_, pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  EVP_MD_CTX* context_;
  char buffer_[1 << 14];
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return sha256_digest_hex(digest, length);
}

struct Sha256Stream::State {
  Sha256Buffer buffer;
  std::ostream stream{&buffer};
};

Sha256Stream::Sha256Stream() : state_(std::make_unique<State>()) {}
Sha256Stream::~Sha256Stream() = default;
std::ostream& Sha256Stream::stream() { return state_->stream; }
std::string Sha256Stream::hex() {
  state_->stream.flush();
  return state_->buffer.finish();
}

}  // namespace infradigest
