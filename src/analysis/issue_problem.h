// 问题描述 (Problem) of a bug report: its symptom sentence, the hardware and
// versions its body names, and the command that reproduces it — each COPIED
// from the body (a prefix of a line, a matched span, a command line), never
// paraphrased. Issue templates are skipped: HTML comments, headings,
// checklists, <details>/<summary>, the templates' own sentences, and the
// environment and log sections for the symptom. Rules: one table in
// issue_problem.cpp. Parts the body does not have stay absent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

constexpr size_t kMaxProblemSymptomBytes = 240;
constexpr size_t kMaxProblemReproBytes = 240;
constexpr size_t kMaxProblemEnvironment = 5;

struct ProblemDescription {
  std::optional<std::string> symptom;    // the first sentence describing the bug, clipped
  std::vector<std::string> environment;  // "H100", "CUDA 12.8", "torch==2.9.1": as written, first mention of each
  std::optional<std::string> repro;      // the first command of a fenced code block, continuations joined, clipped
  bool empty() const { return !symptom && environment.empty() && !repro; }
  friend bool operator==(const ProblemDescription&, const ProblemDescription&) = default;
};

// The problem a bug report's body describes; nullopt when the body names none
// of the three parts. Credentials the body shows (tokens with a known prefix,
// values of --*token/--*key flags and *_TOKEN=/*_KEY= assignments, bearer
// headers) are replaced by "***".
std::optional<ProblemDescription> describe_problem(std::string_view body);

}  // namespace infradigest
