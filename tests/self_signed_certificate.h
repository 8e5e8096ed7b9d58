// A throwaway TLS identity for the HTTPS fake servers (tests and benchmarks):
// a P-256 key and a self-signed certificate for 127.0.0.1 and localhost,
// generated in memory at construction, so no private key is checked in. The
// client trusts it by naming the certificate's PEM file as its CA file
// (github.ca_file), never by turning peer verification off.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace infradigest::testing {

class SelfSignedCertificate {
 public:
  SelfSignedCertificate();  // throws std::runtime_error if OpenSSL fails
  X509* certificate() const { return cert_.get(); }
  EVP_PKEY* key() const { return key_.get(); }
  std::string pem() const;                        // the certificate only
  void write_pem(const std::string& path) const;  // the CA file a client trusts

 private:
  std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)> key_;
  std::unique_ptr<X509, void (*)(X509*)> cert_;
};

}  // namespace infradigest::testing
