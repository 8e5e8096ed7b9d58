#include "analysis/risk_signals.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

// The title after leading "[Tag]" groups and a "type(scope):" prefix.
std::string_view without_prefixes(std::string_view t) {
  for (;;) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t.starts_with("[")) {
      auto close = t.find(']');
      if (close == std::string_view::npos) return t;
      t.remove_prefix(close + 1);
      continue;
    }
    break;
  }
  std::size_t i = 0;
  while (i < t.size() && (std::isalpha(static_cast<unsigned char>(t[i])) || t[i] == '!')) ++i;
  if (i < t.size() && t[i] == '(') {
    auto close = t.find(')', i);
    if (close != std::string_view::npos) i = close + 1;
  }
  if (i > 0 && i < t.size() && t[i] == ':') {
    t.remove_prefix(i + 1);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  }
  return t;
}

std::optional<BreakingAction> action_of(const std::string& verb) {
  static const std::array<std::string_view, 8> kRemove{"remove", "removes", "removed", "removing",
                                                       "drop", "drops", "dropped", "dropping"};
  static const std::array<std::string_view, 4> kRename{"rename", "renames", "renamed", "renaming"};
  static const std::array<std::string_view, 4> kDeprecate{"deprecate", "deprecates", "deprecated", "deprecating"};
  auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), verb) != list.end(); };
  if (in(kRemove)) return BreakingAction::kRemoved;
  if (in(kRename)) return BreakingAction::kRenamed;
  if (in(kDeprecate)) return BreakingAction::kDeprecated;
  return std::nullopt;
}

// "--max-num-seqs": two dashes and a lower-case name.
std::optional<std::string> flag_in(std::string_view t) {
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != '-' || t[i + 1] != '-' || (i > 0 && name_char(t[i - 1]))) continue;
    if (!std::isalpha(static_cast<unsigned char>(t[i + 2]))) continue;
    std::size_t e = i + 2;
    while (e < t.size() && name_char(t[e])) ++e;
    return std::string(t.substr(i, e - i));
  }
  return std::nullopt;
}

// "VLLM_USE_V1": upper-case letters, digits and '_', with a known prefix.
std::optional<std::string> env_var_in(std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    if (!name_char(t[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < t.size() && (name_char(t[e]))) ++e;
    std::string_view w = t.substr(i, e - i);
    bool upper = std::isupper(static_cast<unsigned char>(w.front())) &&
                 std::all_of(w.begin(), w.end(), [](char c) {
                   return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                          c == '_';
                 });
    // Known prefixes only: "MLA_BACKEND" in prose is a constant, not a setting users export.
    static const std::array<std::string_view, 18> kPrefixes{
        "VLLM_", "SGLANG_", "SGL_", "FLASHINFER_", "CUTLASS_", "CUTE_", "DG_", "FLASH_ATTENTION_", "FA_",
        "NCCL_", "CUDA_", "TORCH_", "PYTORCH_", "HF_", "ROCM_", "HIP_", "AITER_", "TRTLLM_"};
    const bool known = std::any_of(kPrefixes.begin(), kPrefixes.end(),
                                   [&](std::string_view p) { return w.starts_with(p) && w.size() > p.size(); });
    if (upper && known) return std::string(w);
    i = e;
  }
  return std::nullopt;
}

// "support for Python 3.9 and ..." -> "Python 3.9": up to punctuation or a joining word.
std::optional<std::string> support_in(std::string_view t) {
  const std::string l = ascii_lower(t);
  auto at = l.find("support for ");
  std::size_t skip = 12;
  if (at == std::string::npos) {
    at = l.find("support of ");
    skip = 11;
  }
  if (at == std::string::npos) return std::nullopt;
  std::size_t b = at + skip, e = b;
  while (e < t.size() && t[e] != ',' && t[e] != ';' && t[e] != '(' && t[e] != '[' && t[e] != ':') ++e;
  std::string_view what = t.substr(b, e - b);
  for (std::string_view stop : {" and ", " in ", " from ", " since ", " on ", " as "}) {
    auto s = ascii_lower(what).find(stop);
    if (s != std::string::npos) what = what.substr(0, s);
  }
  while (!what.empty() && (what.back() == ' ' || what.back() == '.')) what.remove_suffix(1);
  if (what.empty()) return std::nullopt;
  return std::string(what);
}

}  // namespace

std::optional<BreakingChange> detect_breaking_change(std::string_view title) {
  std::string_view rest = without_prefixes(title);
  std::size_t e = 0;
  while (e < rest.size() && std::isalpha(static_cast<unsigned char>(rest[e]))) ++e;
  auto action = action_of(ascii_lower(rest.substr(0, e)));
  if (!action) return std::nullopt;
  rest.remove_prefix(e);
  if (auto f = flag_in(rest)) return BreakingChange{*action, BreakingSubject::kFlag, *f};
  if (auto v = env_var_in(rest)) return BreakingChange{*action, BreakingSubject::kEnvVar, *v};
  if (auto s = support_in(rest)) return BreakingChange{*action, BreakingSubject::kSupport, *s};
  return std::nullopt;
}

std::optional<RiskSymptom> detect_symptom(std::string_view title) {
  const std::string t = ascii_lower(title);
  // Whole words or word starts, so "hang" does not match "change".
  auto has = [&](std::initializer_list<std::string_view> stems) {
    for (auto stem : stems)
      for (std::size_t at = t.find(stem); at != std::string::npos; at = t.find(stem, at + 1))
        if (at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]))) return true;
    return false;
  };
  // Whole words: "nan" must not match "Nemotron-Nano".
  auto has_word = [&](std::initializer_list<std::string_view> words) {
    for (auto w : words)
      for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
        const std::size_t end = at + w.size();
        if ((at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]))) &&
            (end == t.size() || !std::isalnum(static_cast<unsigned char>(t[end]))))
          return true;
      }
    return false;
  };
  if (has({"crash", "segfault", "seg fault", "sigsegv", "sigabrt", "core dump", "illegal memory", "illegal address",
           "illegal instruction", "cuda error", "out of memory"}) ||
      has_word({"oom"}))
    return RiskSymptom::kCrash;
  if (has({"hang", "hung", "deadlock", "stuck", "freez"})) return RiskSymptom::kHang;
  if (has_word({"nan", "nans", "inf"}) || has({"garbage", "gibberish", "corrupt"})) return RiskSymptom::kNumerics;
  if (has({"accuracy", "wrong output", "wrong result", "wrong answer", "incorrect output", "incorrect result",
           "precision loss", "mismatch"}))
    return RiskSymptom::kAccuracy;
  if (has({"slow", "perf regression", "performance regression", "throughput drop", "latency regression",
           "regression in perf", "degrad"}))
    return RiskSymptom::kPerfRegression;
  return std::nullopt;
}

}  // namespace infradigest
