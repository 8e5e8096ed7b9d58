// URLs of the GitHub REST API: the configured root (GITHUB_API_URL), the
// encoding of path segments and query values, and the origin check that keeps
// the token on the API host.
#pragma once

#include <string>
#include <string_view>

#include "core/percent_encoding.h"  // query values: percent_encode
#include "core/result.h"

namespace infradigest {

constexpr std::string_view kDefaultGithubApiUrl = "https://api.github.com";

// Checks and normalizes an API root: http(s), a host, no credentials
// ("user:pass@" would put a secret into logs and the ETag table), no query or
// fragment; the trailing '/' is dropped. "https://ghe.example.com/api/v3/" →
// "https://ghe.example.com/api/v3". Errors never repeat the URL (it might
// hold credentials).
Result<std::string> normalize_api_url(std::string_view url);

// "scheme://host[:port]" of an absolute URL, lower-cased; "" when malformed.
std::string url_origin(std::string_view url);

}  // namespace infradigest
