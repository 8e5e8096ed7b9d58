// The Link header parser on any header value: never a crash, and a link it
// returns is one the header holds, exactly as written between < and >.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "github/link_header.h"

using namespace infradigest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  for (std::string_view rel : {"next", "last", "prev", "first"}) {
    auto link = find_link(header, rel);
    if (!link) continue;
    fuzz::check(!link->empty(), "an empty link");
    fuzz::check(link->find('>') == std::string::npos, "a link with '>' in it");
    fuzz::check(header.find("<" + *link + ">") != std::string_view::npos, "a link the header does not hold");
  }
  return 0;
}
