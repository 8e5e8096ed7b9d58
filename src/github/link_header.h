// The HTTP Link header (RFC 8288) as GitHub sends it for pagination:
//   <https://api.github.com/repositories/1/commits?page=2>; rel="next", <...>; rel="last"
// Pagination follows rel="next" exactly as given: page URLs are never built.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace infradigest {

// The target of the link whose rel list contains `rel` ("next"), if any.
// Tolerates spacing, unquoted rel values and several rels in one link
// (rel="next last"); malformed entries are skipped, not guessed at.
std::optional<std::string> find_link(std::string_view header, std::string_view rel);

}  // namespace infradigest
