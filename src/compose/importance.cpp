#include "compose/importance.h"

#include <algorithm>
#include <cmath>

#include "analysis/taxonomy.h"

namespace infradigest {

namespace {

// What kind of change it is: reverts undo shipped work and features/perf
// change what users get; docs, CI and chores rarely matter to a reader.
double kind_weight(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kRelease: return 7;
    case ChangeKind::kRevert: return 6;
    case ChangeKind::kFeature: return 5;
    case ChangeKind::kPerf: return 5;
    case ChangeKind::kFix: return 4;
    case ChangeKind::kDeps: return 2.5;
    case ChangeKind::kRefactor: return 2;
    case ChangeKind::kTest: return 1;
    case ChangeKind::kCiBuild: return 1;
    case ChangeKind::kDocs: return 0.5;
    case ChangeKind::kChore: return 0.5;
  }
  return 0;
}

// A platform or model named: readers filter by their hardware and models.
constexpr double kHardwareTag = 1.0;
constexpr double kModelTag = 1.0;
// Each technique adds a little, up to four: a change to MoE + FP8 + EP is broader.
constexpr double kPerTag = 0.25;
constexpr std::size_t kMaxCountedTags = 4;
// New hardware/model support and new APIs are what users can do tomorrow that
// they could not today.
constexpr double kNewSupport = 2.0;
constexpr double kNewApi = 2.0;
// Something users rely on goes away or changes its name.
constexpr double kBreaking = 2.0;
// Kernel sources (csrc/, *.cu, kernel folders) are the core of these projects;
// scaled by their share of the change.
constexpr double kKernelFootprint = 1.5;
// A fix in kernel code corrects what the kernels compute (wrong results,
// crashes): users of every model on that path are affected.
constexpr double kKernelFix = 2.0;
// Only docs, tests, CI, examples or tuned configs: the product does not change.
constexpr double kPeripheralOnly = -1.5;
// Size: a log scale (10 lines ≈ +0.9, 1000 lines ≈ +2.5), capped so one huge
// vendored file cannot outrank everything. Without line counts, the files
// changed stand in (1 file +0.5, 7 files +1.5).
constexpr double kMaxSize = 2.5;

double size_score(const ReportItem& item) {
  if (item.additions || item.deletions) {
    const int lines = item.additions.value_or(0) + item.deletions.value_or(0);
    return std::min(kMaxSize, std::log2(1.0 + lines) / 4.0);
  }
  return std::min(kMaxSize, std::log2(1.0 + item.files) / 2.0);
}

double footprint_score(const Classification& c, int files) {
  if (c.components.empty()) return 0;
  if (peripheral_only(c, files)) return kPeripheralOnly;
  double score = 0;
  for (const ComponentShare& share : c.components) {
    if (share.name != "kernels") continue;
    // From the title (no paths given), or the share of the files.
    const double fraction = share.files == 0 || files == 0 ? 1.0 : double(share.files) / files;
    score += kKernelFootprint * std::min(1.0, fraction);
  }
  return score;
}

}  // namespace

double importance(const ReportItem& item) {
  const Classification& c = item.classification;
  double score = kind_weight(c.kind);
  bool hardware = false, model = false;
  for (const Tag& tag : c.tags) {
    hardware |= tag.facet == TagFacet::kHardware;
    model |= tag.facet == TagFacet::kModel;
  }
  if (hardware) score += kHardwareTag;
  if (model) score += kModelTag;
  // New support names a model or a platform even when the taxonomy has no tag
  // for it yet (vLLM's "skt/A.X-K1"): as much news as a tagged one.
  if (c.new_support && !hardware && !model) score += kModelTag;
  score += kPerTag * static_cast<double>(std::min(c.tags.size(), kMaxCountedTags));
  if (c.new_support) score += kNewSupport;
  if (c.new_api) score += kNewApi;
  if (c.breaking) score += kBreaking;
  const double footprint = footprint_score(c, item.files);
  score += footprint;
  if (c.kind == ChangeKind::kFix && footprint > 0) score += kKernelFix * footprint / kKernelFootprint;
  score += size_score(item);
  return score;
}

bool peripheral_only(const Classification& c, int files) {
  if (c.components.empty()) return false;
  int classified = 0;
  for (const ComponentShare& share : c.components) {
    if (!taxonomy::is_peripheral_component(share.name)) return false;
    classified += share.files;
  }
  return classified >= files;  // files outside every component are product code too
}

double importance(const ReportRelease& release) {
  constexpr double kRelease = 14;     // above any change: 15 needs every bonus at once
  constexpr double kPrerelease = 10;  // release candidates: among the day's best changes
  return release.prerelease.value_or(false) ? kPrerelease : kRelease;
}

}  // namespace infradigest
