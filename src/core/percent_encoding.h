// RFC 3986 percent-encoding: one function for every URL the program builds
// (release tags in web links, GitHub query values, webhook signatures).
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// Encodes every byte but the unreserved characters (ASCII letters, digits,
// "-._~") as %XX with upper-case hex, so "release/v1.0" → "release%2Fv1.0"
// and "a+b=" → "a%2Bb%3D". Bytes are treated as bytes (UTF-8 stays encoded
// byte by byte) and the result does not depend on the C locale.
std::string percent_encode(std::string_view text);

}  // namespace infradigest
