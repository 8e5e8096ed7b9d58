// Prose share: documentation files count whole, and in a source file with a
// whole patch the changed lines that are only comments count as prose — so a
// "fix typo" in a tutorial's comment is a docs change and a typo in code a fix.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/prose_share.h"

namespace infradigest {
namespace {

FileChange patched(std::string path, std::string patch, int additions, int deletions) {
  FileChange f{std::move(path), "modified", additions, deletions, std::nullopt};
  f.patch = std::move(patch);
  return f;
}

// The shape of NVIDIA/cutlass c651d660 ("fix typo", a tutorial's comment).
const char* const kCommentTypoPatch =
    "@@ -461,7 +461,7 @@ void gemm_host(TypeA const* device_ptr_A)\n"
    "   //   LayoutB_TV: (_2,(_128,_16))     // TV -> mapping for B matrix\n"
    "-  //   LayoutC_TV: (_2,(_128,_256))    // TV -> mapping for B matrix\n"
    "+  //   LayoutC_TV: (_2,(_128,_256))    // TV -> mapping for C matrix\n"
    " \n"
    "   auto bM = tile_size<0>(tiled_mma);\n";

// A typo in code: "#pragma unoll" is a directive, not a comment.
const char* const kCodeTypoPatch =
    "@@ -10,3 +10,3 @@\n"
    "-#pragma unoll\n"
    "+#pragma unroll\n"
    "   for (int i = 0; i < N; ++i) {\n";

TEST(ProseShare, CommentOnlyLinesAreProseAndCodeLinesAreNot) {
  EXPECT_DOUBLE_EQ(prose_share({patched("examples/tutorial/04_mma.cu", kCommentTypoPatch, 1, 1)}), 1.0);
  EXPECT_DOUBLE_EQ(prose_share({patched("include/vec_dtypes.cuh", kCodeTypoPatch, 1, 1)}), 0.0);
  // Python: "# note" is a comment, "#!" a shebang, code with a trailing comment is code.
  const char* const py =
      "@@ -1,4 +1,4 @@\n"
      "-# the old note\n"
      "+# the new note\n"
      "-#!/usr/bin/env python\n"
      "+x = 1  # a note\n"
      "+\n";
  EXPECT_DOUBLE_EQ(prose_share({patched("tools/run.py", py, 3, 2)}), 0.5);
  // Block comments in C.
  const char* const block = "@@ -1,3 +1,3 @@\n-/* old\n+/* new\n- * old line\n+ * new line\n+*/\n";
  EXPECT_DOUBLE_EQ(prose_share({patched("a.h", block, 3, 2)}), 1.0);
}

TEST(ProseShare, DocsFilesCountWholeAndUnknownPatchesCountAsCode) {
  FileChange md{"docs/guide.md", "modified", 30, 10, std::nullopt};
  FileChange code{"src/kernel.cu", "modified", 5, 5, std::nullopt};  // no patch: code
  EXPECT_DOUBLE_EQ(prose_share({md, code}), 0.8);
  FileChange cut = patched("src/kernel.cu", kCommentTypoPatch, 5, 5);
  cut.patch_truncated = true;  // a cut patch may hide code lines
  EXPECT_DOUBLE_EQ(prose_share({md, cut}), 0.8);
  // Without line counts every file weighs one.
  FileChange bare_md{"README.md", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  FileChange bare_code{"src/a.py", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  EXPECT_DOUBLE_EQ(prose_share({bare_md, bare_code}), 0.5);
  EXPECT_DOUBLE_EQ(prose_share({}), 0.0);
}

TEST(ProseShare, AWordingFixInCommentsIsDocsAndATypoInCodeStaysAFix) {
  const Classification comment =
      classify_text("fix typo (#3012)", "", {patched("examples/cute/tutorial/blackwell/04_mma_sm100.cu", kCommentTypoPatch, 1, 1)});
  EXPECT_EQ(comment.kind, ChangeKind::kDocs);
  EXPECT_TRUE(comment.tags.empty());  // a docs change brings no Blackwell forward
  const Classification code = classify_text("fix: correct #pragma unoll typo to #pragma unroll", "",
                                            {patched("include/vec_dtypes.cuh", kCodeTypoPatch, 1, 1)});
  EXPECT_EQ(code.kind, ChangeKind::kFix);
  // A revert of a wording fix is still a revert; an author's "docs:" stays docs.
  EXPECT_EQ(classify_text("Revert \"fix typo\"", "", {patched("a.cu", kCommentTypoPatch, 1, 1)}).kind,
            ChangeKind::kRevert);
  // Without the wording claim a verb still decides: "Fix" touching comments
  // and code alike is a fix.
  EXPECT_EQ(classify_text("Fix the LayoutC mapping", "", {patched("a.cu", kCodeTypoPatch, 1, 1)}).kind,
            ChangeKind::kFix);
}

}  // namespace
}  // namespace infradigest
