#include "self_signed_certificate.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <stdexcept>

namespace infradigest::testing {
namespace {

void require_openssl(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("self-signed certificate: ") + what + " failed");
}

void add_certificate_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  require_openssl(ext != nullptr, "X509V3_EXT_conf_nid");
  const bool added = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  require_openssl(added, "X509_add_ext");
}

}  // namespace

SelfSignedCertificate::SelfSignedCertificate() : key_(EVP_EC_gen("P-256"), EVP_PKEY_free), cert_(X509_new(), X509_free) {
  require_openssl(key_ && cert_, "key generation");
  X509* cert = cert_.get();
  require_openssl(X509_set_version(cert, 2) == 1, "X509_set_version");
  // A random serial: two fakes of one test run never share issuer and serial.
  unsigned char serial_bytes[8];
  require_openssl(RAND_bytes(serial_bytes, sizeof serial_bytes) == 1, "RAND_bytes");
  serial_bytes[0] &= 0x7f;  // positive
  BIGNUM* serial = BN_bin2bn(serial_bytes, sizeof serial_bytes, nullptr);
  require_openssl(serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert)), "serial");
  BN_free(serial);
  // Valid from an hour ago (clock skew) for a day: longer than any test or benchmark.
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
  require_openssl(X509_set_pubkey(cert, key_.get()) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("infradigest test server"), -1, -1, 0);
  require_openssl(X509_set_issuer_name(cert, name) == 1, "X509_set_issuer_name");
  // Its own CA (it is the trust anchor in the client's CA file), valid for
  // the names the fakes are reached by.
  add_certificate_extension(cert, NID_basic_constraints, "critical,CA:TRUE");
  add_certificate_extension(cert, NID_key_usage, "critical,digitalSignature,keyCertSign");
  add_certificate_extension(cert, NID_ext_key_usage, "serverAuth");
  add_certificate_extension(cert, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  require_openssl(X509_sign(cert, key_.get(), EVP_sha256()) > 0, "X509_sign");
}

std::string SelfSignedCertificate::pem() const {
  std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new(BIO_s_mem()), BIO_free);
  require_openssl(bio && PEM_write_bio_X509(bio.get(), cert_.get()) == 1, "PEM_write_bio_X509");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

void SelfSignedCertificate::write_pem(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << pem();
  if (!out.flush()) throw std::runtime_error("self-signed certificate: cannot write " + path);
}

}  // namespace infradigest::testing
