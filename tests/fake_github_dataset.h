// A realistic day of GitHub activity for the watchlist of the reference
// report, for the fake GitHub (tests and bench/sync_bench.sh): per
// repository, older history, the day's commits (squash-merged PRs, sizes
// from 1 file to one of 350), merged and unmerged PRs, issues (with PRs in
// the issues list, as GitHub serves it) and releases. Deterministic.
#pragma once

#include <string>
#include <vector>

#include "fake_github.h"

namespace infradigest::testing {

struct DatasetRepo {
  std::string name;
  int commits;   // on the day
  int issues;    // opened on the day
  int releases;  // published on the day
};

inline const std::vector<DatasetRepo>& realistic_watchlist() {
  static const std::vector<DatasetRepo> repos = {
      {"deepseek-ai/DeepGEMM", 3, 1, 0},       {"deepseek-ai/FlashMLA", 2, 1, 0},
      {"NVIDIA/cutlass", 6, 2, 1},             {"flashinfer-ai/flashinfer", 8, 3, 1},
      {"Dao-AILab/flash-attention", 4, 2, 0},  {"sgl-project/sglang", 20, 6, 1},
      {"vllm-project/vllm", 24, 8, 0},         {"NVIDIA/cutile-python", 3, 1, 0},
  };
  return repos;
}

inline std::vector<std::string> realistic_repo_names() {
  std::vector<std::string> out;
  for (const auto& r : realistic_watchlist()) out.push_back(r.name);
  return out;
}

inline std::string at_hour(const std::string& day, int hour, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", day.c_str(), hour, minute);
  return buf;
}

// `n` repositories for the scale benchmark: the realistic watchlist again and
// again, copy K > 0 renamed "owner-cK/name" (the same sizes of activity).
inline std::vector<DatasetRepo> realistic_watchlist_copies(int n) {
  std::vector<DatasetRepo> out;
  const auto& base = realistic_watchlist();
  for (int i = 0; i < n; ++i) {
    DatasetRepo spec = base[i % base.size()];
    if (const int copy = i / static_cast<int>(base.size()); copy > 0)
      spec.name.insert(spec.name.find('/'), "-c" + std::to_string(copy));
    out.push_back(spec);
  }
  return out;
}

// Fills `github` with `older` commits before `day` and the day's activity,
// for each of `repos` (default: the realistic watchlist).
// `scale` multiplies the day's commits (kill -9 tests use fewer).
inline void add_realistic_day(FakeGithub& github, const std::string& day, const std::string& day_before,
                              int older = 20, double scale = 1.0,
                              const std::vector<DatasetRepo>& repos = realistic_watchlist()) {
  int pr_number = 1000;
  for (const auto& spec : repos) {
    const int day_commits = std::max(1, static_cast<int>(spec.commits * scale));
    github.edit(spec.name, [&](FakeRepo& repo) {
      repo = FakeRepo{};
      std::string parent;
      auto add = [&](const std::string& title, const std::string& date, int files) {
        const std::string sha = FakeGithub::sha_of(spec.name + title + date);
        repo.commits.insert(repo.commits.begin(),
                            FakeGithub::commit(sha, parent.empty() ? std::vector<std::string>{} : std::vector{parent},
                                               title, date, files));
        parent = sha;
      };
      for (int i = 0; i < older; ++i)
        add("Older change " + std::to_string(i), at_hour(day_before, i % 24, i % 60), 1 + i % 5);
      for (int i = 0; i < day_commits; ++i) {
        const int number = ++pr_number;
        const std::string date = at_hour(day, (i * 23) / std::max(1, day_commits), (i * 7) % 60);
        const bool huge = spec.name.ends_with("/cutlass") && i == 0;
        add("[Kernel] Improve " + spec.name + " path " + std::to_string(i) + " (#" + std::to_string(number) + ")", date,
            huge ? 350 : 1 + (i * 7) % 40);
        repo.pulls.push_back(FakeGithub::pull(number, "[Kernel] Improve path " + std::to_string(i), date, date,
                                              at_hour(day_before, 9, 0)));
      }
      repo.pulls.push_back(FakeGithub::pull(++pr_number, "Closed without merge", std::nullopt, at_hour(day, 12, 0)));
      repo.pulls.push_back(FakeGithub::pull(++pr_number, "Merged the day before", at_hour(day_before, 8, 0),
                                            at_hour(day_before, 8, 0)));
      for (int i = 0; i < spec.issues; ++i)
        repo.issues.push_back(FakeGithub::issue(++pr_number, "[Bug] crash " + std::to_string(i), at_hour(day, 2 + i, 0)));
      repo.issues.push_back(FakeGithub::issue(1001, "a PR in the issues list", at_hour(day, 1, 0), true));
      repo.issues.push_back(FakeGithub::issue(7, "Old issue", at_hour(day_before, 1, 0)));
      for (int i = 0; i < spec.releases; ++i)
        repo.releases.push_back(FakeGithub::release("v1." + std::to_string(i) + ".0", at_hour(day, 15, i), i % 2 == 1));
      repo.releases.push_back(FakeGithub::release("v0.9.0", at_hour(day_before, 15, 0)));
    });
  }
}

}  // namespace infradigest::testing
