#include <gtest/gtest.h>

#include "github/link_header.h"

namespace infradigest {
namespace {

TEST(GithubLinkHeader, FindsNextAmongOtherRels) {
  const std::string h =
      R"(<https://api.github.com/repositories/1/commits?per_page=100&page=2>; rel="next", )"
      R"(<https://api.github.com/repositories/1/commits?per_page=100&page=9>; rel="last")";
  EXPECT_EQ(find_link(h, "next"), "https://api.github.com/repositories/1/commits?per_page=100&page=2");
  EXPECT_EQ(find_link(h, "last"), "https://api.github.com/repositories/1/commits?per_page=100&page=9");
  EXPECT_EQ(find_link(h, "prev"), std::nullopt);
}

TEST(GithubLinkHeader, ToleratesSpacingUnquotedAndMultipleRels) {
  EXPECT_EQ(find_link("<https://x/a?b=1,2>;rel=next", "next"), "https://x/a?b=1,2");
  EXPECT_EQ(find_link(R"(<https://x/p2> ; REL = "last next")", "next"), "https://x/p2");
  EXPECT_EQ(find_link(R"(<https://x/p1>; rel="prev first")", "next"), std::nullopt);
}

TEST(GithubLinkHeader, MalformedHeadersYieldNothing) {
  EXPECT_EQ(find_link("", "next"), std::nullopt);
  EXPECT_EQ(find_link("https://x/p2; rel=next", "next"), std::nullopt);
  EXPECT_EQ(find_link("<https://x/p2", "next"), std::nullopt);
  EXPECT_EQ(find_link("<>; rel=next", "next"), std::nullopt);
}

}  // namespace
}  // namespace infradigest
