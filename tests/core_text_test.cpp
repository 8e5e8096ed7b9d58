// The small text helpers every stage shares (src/core): UTF-8 counting and
// clipping, validation, CJK detection, ASCII case folding and trimming, percent-encoding.
#include <gtest/gtest.h>

#include "core/ascii_text.h"
#include "core/percent_encoding.h"
#include "core/utf8_text.h"

namespace infradigest {
namespace {

TEST(Utf8Text, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_code_points(""), 0u);
  EXPECT_EQ(utf8_code_points("MoE"), 3u);
  EXPECT_EQ(utf8_code_points("调优 MoE"), 6u);   // 2 × 3 bytes + 4 ASCII
  EXPECT_EQ(utf8_code_points("\xff\xfe"), 2u);  // invalid bytes count one each
}

TEST(Utf8Text, ClipsOnACharacterBoundaryAndMarksTheCut) {
  EXPECT_EQ(clip_utf8("short", 10), "short");
  EXPECT_EQ(clip_utf8("abcdef", 3), "abc…");
  // "修复" is 6 bytes: a cut at byte 4 or 5 falls inside 复 and moves back to 3.
  EXPECT_EQ(clip_utf8("修复崩溃", 4), "修…");
  EXPECT_EQ(clip_utf8("修复崩溃", 5), "修…");
  EXPECT_EQ(clip_utf8("修复崩溃", 6), "修复…");
  EXPECT_EQ(clip_utf8("修复", 1), "…");
}

TEST(Utf8Text, TellsChineseFromOtherText) {
  EXPECT_TRUE(has_cjk("修复 ROCm 上的 rope"));
  EXPECT_TRUE(has_cjk("㐀"));  // CJK extension A
  EXPECT_FALSE(has_cjk("Fix rope on ROCm"));
  EXPECT_FALSE(has_cjk("（）：、"));  // full-width punctuation is not an ideograph
  EXPECT_FALSE(has_cjk("\xe4\xbf"));  // a truncated ideograph is not one
}

TEST(Utf8Text, ValidatesStrictlyLikeAJsonEncoder) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("修复 ROCm \xf0\x9f\x9a\x80"));  // 3- and 4-byte characters
  EXPECT_FALSE(is_valid_utf8("\xe4\xbf"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\x80" "abc"));             // a lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));              // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));          // overlong '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));          // a UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(AsciiText, TrimsAsciiSpaceAtBothEndsOnly) {
  EXPECT_EQ(trim_ascii_space(" \t rel=\"next\" \r\n"), "rel=\"next\"");
  EXPECT_EQ(trim_ascii_space("a b"), "a b");
  EXPECT_EQ(trim_ascii_space(" \v\f "), "");
  EXPECT_EQ(trim_ascii_space("\xe3\x80\x80x"), "\xe3\x80\x80x");  // U+3000 is not ASCII space
}

TEST(AsciiText, LowersAsciiOnlyWhateverTheLocale) {
  EXPECT_EQ(ascii_lower("FlashInfer V0.6.4"), "flashinfer v0.6.4");
  EXPECT_EQ(ascii_lower("修复 ROCm"), "修复 rocm");
  EXPECT_EQ(ascii_lower("ÀÉ"), "ÀÉ");  // non-ASCII letters are left alone
}

TEST(PercentEncoding, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percent_encode("release/v1.0"), "release%2Fv1.0");
  EXPECT_EQ(percent_encode("v1.0+cu12"), "v1.0%2Bcu12");
  EXPECT_EQ(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(percent_encode("调"), "%E8%B0%83");
  EXPECT_EQ(percent_encode("a b=="), "a%20b%3D%3D");
}

}  // namespace
}  // namespace infradigest
