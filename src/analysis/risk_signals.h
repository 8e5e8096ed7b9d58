// What a risk line in 总结 names: which flag, environment variable or
// platform a change removes or renames, and which symptom a bug report
// describes. Read from titles only; absent when the title does not say.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace infradigest {

enum class BreakingAction : int { kRemoved = 0, kRenamed = 1, kDeprecated = 2 };
enum class BreakingSubject : int { kFlag = 0, kEnvVar = 1, kSupport = 2 };

struct BreakingChange {
  BreakingAction action = BreakingAction::kRemoved;
  BreakingSubject subject = BreakingSubject::kFlag;
  std::string name;  // verbatim: "--enable-foo", "VLLM_USE_V1", "CUDA 11.8"
};

// "Remove --foo", "[Misc] Rename VLLM_X to VLLM_Y", "Deprecate --bar flag",
// "Drop support for Python 3.9": the verb leads the title (after [tags] and
// "type(scope):"), and a flag (--name), an environment variable (UPPER_SNAKE
// with a known prefix: VLLM_, SGLANG_, FLASHINFER_, NCCL_, ...) or
// "support for X" follows. "Remove unused import" names none: nullopt.
std::optional<BreakingChange> detect_breaking_change(std::string_view title);

enum class RiskSymptom : int { kCrash = 0, kHang = 1, kNumerics = 2, kAccuracy = 3, kPerfRegression = 4 };

// The symptom a bug report's title names: crash/segfault/illegal memory
// access, hang/deadlock, NaN/inf/garbage output, accuracy drop/wrong output,
// slowdown/perf regression. The first in that order wins.
std::optional<RiskSymptom> detect_symptom(std::string_view title);

}  // namespace infradigest
