// Patches kept with their files: the bounds (model/patch_bounds.h), the
// snapshot field (export → import lossless) and the store (migration 8).
#include <gtest/gtest.h>

#include <sstream>

#include "model/patch_bounds.h"
#include "snapshot/snapshot_reader.h"
#include "snapshot/snapshot_writer.h"
#include "store/activity_store.h"
#include "test_support.h"

namespace infradigest {
namespace patch_storage_test {

Commit two_files(std::string first, std::string second) {
  Commit c;
  c.repo = "flashinfer-ai/flashinfer";
  c.sha = std::string(40, 'a');
  c.committed_at = parse_timestamp("2026-02-26T08:00:00Z").value();
  c.message = "fix: index output list";
  FileChange a{"tests/a.py", "modified", 1, 1, std::nullopt};
  a.patch = std::move(first);
  FileChange b{"flashinfer/b.py", "modified", 1, 1, std::nullopt};
  b.patch = std::move(second);
  c.files = {a, b};
  return c;
}

TEST(PatchBounds, CutsAtALineAndMarksEveryCut) {
  Commit c = two_files("@@ -1 +1 @@\n-a\n+b\n", "@@ -1,2 +1,2 @@\n-old line\n+new line\n");
  bound_patches(c, PatchLimits{.max_file_bytes = 14, .max_commit_bytes = 1000});
  EXPECT_EQ(c.files[0].patch, "@@ -1 +1 @@\n");  // 12 bytes: the next line would pass 14
  EXPECT_TRUE(c.files[0].patch_truncated);
  EXPECT_FALSE(c.files[1].patch.has_value());  // its first line alone is longer than 14
  EXPECT_TRUE(c.files[1].patch_truncated);

  Commit again = c;
  bound_patches(again, PatchLimits{.max_file_bytes = 14, .max_commit_bytes = 1000});
  EXPECT_EQ(again, c);  // idempotent
}

TEST(PatchBounds, TheCommitBudgetDropsLaterFilesAndWholePatchesStayUnmarked) {
  Commit c = two_files("@@ -1 +1 @@\n-a\n+b\n", "@@ -1 +1 @@\n-c\n+d\n");
  bound_patches(c, PatchLimits{.max_file_bytes = 100, .max_commit_bytes = 20});
  EXPECT_EQ(c.files[0].patch, "@@ -1 +1 @@\n-a\n+b\n");
  EXPECT_FALSE(c.files[0].patch_truncated);
  EXPECT_FALSE(c.files[1].patch.has_value());
  EXPECT_TRUE(c.files[1].patch_truncated);
}

TEST(PatchStorage, SnapshotCarriesPatchesLosslessly) {
  Activity a;
  a.repositories.push_back(Repository{"flashinfer-ai/flashinfer", std::nullopt});
  Commit c = two_files("@@ -818,7 +818,7 @@ class M:\n-        return output.to(torch.float)\n+        return output[0].to(torch.float)\n", "x");
  c.files[1].patch.reset();
  c.files[1].patch_truncated = true;
  c.files_listed = true;  // a snapshot that carries files lists them (model/activity.h)
  a.commits.push_back(c);
  std::ostringstream out;
  write_snapshot(a, out);
  EXPECT_NE(out.str().find("\"patch_truncated\":true"), std::string::npos);
  auto back = parse_snapshot(out.str(), "export");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, a);
}

TEST(PatchStorage, StoreKeepsPatchesAndTheirTruncation) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  ActivityStore store(db);
  Activity a;
  a.repositories.push_back(Repository{"flashinfer-ai/flashinfer", std::nullopt});
  Commit c = two_files("@@ -1 +1 @@\n-a\n+b\n", "@@ -1 +1 @@\n");
  c.files[1].patch_truncated = true;
  a.commits.push_back(c);
  ASSERT_TRUE(store.save(a).ok());
  auto loaded = store.load().value();
  ASSERT_EQ(loaded.commits.size(), 1u);
  EXPECT_EQ(loaded.commits[0], c);

  // A changed patch is a changed commit: stored again.
  a.commits[0].files[0].patch = "@@ -1 +1 @@\n-a\n+c\n";
  auto stats = store.save(a).value();
  EXPECT_EQ(stats.updated, 1);
  EXPECT_EQ(store.load().value().commits[0].files[0].patch, "@@ -1 +1 @@\n-a\n+c\n");
}

}  // namespace patch_storage_test
}  // namespace infradigest
