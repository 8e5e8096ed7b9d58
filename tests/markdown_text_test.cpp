#include <gtest/gtest.h>

#include "render/markdown_text.h"

namespace infradigest {
namespace {

TEST(MarkdownText, EscapesMarkupSoTitlesRenderAsText) {
  EXPECT_EQ(escape_markdown("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
  EXPECT_EQ(escape_markdown("x](javascript:alert(1))"), "x\\](javascript:alert(1))");
  EXPECT_EQ(escape_markdown("Use `tilelang` as *default*"), "Use \\`tilelang\\` as \\*default\\*");
  EXPECT_EQ(escape_markdown("a_b | c ~~d~~ &amp; #1"), "a\\_b \\| c \\~\\~d\\~\\~ \\&amp; \\#1");
}

TEST(MarkdownText, EscapesLineStartMarkers) {
  EXPECT_EQ(escape_markdown("- not a list"), "\\- not a list");
  EXPECT_EQ(escape_markdown("+1"), "\\+1");
  EXPECT_EQ(escape_markdown("flash-attention"), "flash-attention");
}

TEST(MarkdownText, StripsControlCharactersAndFoldsNewlines) {
  EXPECT_EQ(sanitize_text("a\x1b[31mred\x07\nnext\tline\r\n"), "a[31mred next line");
  EXPECT_EQ(sanitize_text("ok\xC2\x9B" "x"), "okx");  // C1 CSI
  EXPECT_EQ(sanitize_text("bad\xFF" "byte"), "bad\xEF\xBF\xBD" "byte");
  EXPECT_EQ(sanitize_text("中文 title"), "中文 title");
}

TEST(MarkdownText, CodeSpansSurviveBackticks) {
  EXPECT_EQ(markdown_code("edf2f82"), "`edf2f82`");
  EXPECT_EQ(markdown_code("a`b"), "``a`b``");
  EXPECT_EQ(markdown_code("`x"), "`` `x ``");
}

TEST(MarkdownText, UrlsAreHttpOnlyAndCannotBreakOutOfParentheses) {
  EXPECT_EQ(markdown_url("javascript:alert(1)"), "");
  EXPECT_EQ(markdown_url("https://github.com/a/b/releases/tag/v1 (x)"),
            "https://github.com/a/b/releases/tag/v1%20%28x%29");
  EXPECT_EQ(markdown_url("https://github.com/a/b/commit/abc"), "https://github.com/a/b/commit/abc");
}

}  // namespace
}  // namespace infradigest
