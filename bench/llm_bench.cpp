// llm_bench: the LLM writer on the bundled 2026-02-26 snapshot against a fake
// OpenAI-compatible endpoint with injected latency (default 2 s per call).
// Not a test: it prints figures — LLM calls, prompt/completion tokens, wall
// time with the configured concurrency and without (concurrency 1), a re-run
// (the stored report: 0 calls), a recomposition (the answer cache: 0 calls),
// and the same day written by a plausible liar (every sentence must be
// rejected): sections verified of each model.
//
//   build/llm_bench [--latency-ms 2000] [--concurrency 4] [--keep DIR]
//
// --keep DIR also writes DIR/rule-based.md, DIR/llm.md (the honest model's
// cold run) and DIR/liar.md for a side-by-side read. Tokens are the fake's
// count (request and answer bytes / 4), not a real tokenizer's.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <regex>
#include <string>

#include "fake_llm_server.h"
#include "test_support.h"

namespace {

using infradigest::testing::FakeLlmServer;
using infradigest::testing::LlmCall;
using infradigest::testing::LlmReply;
using infradigest::testing::run_infradigest;

struct Figures {
  double seconds = 0;
  size_t calls = 0;
  std::string usage;  // the binary's own usage line
};

Figures timed_report(FakeLlmServer& fake, const std::string& config, const std::string& db, const std::string& out,
                     const std::string& options = "") {
  const size_t before = fake.request_count();
  auto start = std::chrono::steady_clock::now();
  auto r = run_infradigest("--config " + config + " --db " + db +
                           " --now 2026-02-27T08:00:00Z report --date 2026-02-26 -o " + out + " " + options);
  Figures f;
  f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  f.calls = fake.request_count() - before;
  if (r.exit_code != 0) {
    std::cerr << "llm_bench: report failed (" << r.exit_code << "):\n" << r.err;
    std::exit(1);
  }
  std::smatch m;
  static const std::regex usage(R"(infradigest: llm: ([^\n]*tokens[^\n]*))");
  if (std::regex_search(r.err, m, usage)) f.usage = m[1].str();
  return f;
}

std::string write_config(const std::string& dir, const FakeLlmServer& fake, int concurrency) {
  const std::string path = dir + "/config-" + std::to_string(concurrency) + ".toml";
  infradigest::testing::write_file(path, "[llm]\nbase_url = \"" + fake.base_url() +
                                             "\"\nmodels = [\"bench-model\"]\ntimeout = 60\nconcurrency = " +
                                             std::to_string(concurrency) + "\n");
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  int latency_ms = 2000, concurrency = 4;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--latency-ms" && i + 1 < argc) latency_ms = std::stoi(argv[++i]);
    else if (a == "--concurrency" && i + 1 < argc) concurrency = std::stoi(argv[++i]);
    else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    else {
      std::cerr << "usage: llm_bench [--latency-ms N] [--concurrency N] [--keep DIR]\n";
      return 2;
    }
  }
  infradigest::testing::TempDir tmp;
  const std::string dir = keep.empty() ? tmp.path().string() : keep;
  std::filesystem::create_directories(dir);
  const std::string seed_db = tmp.file("seed.db");
  auto imported = run_infradigest("--db " + seed_db + " import " + infradigest::testing::source_path("examples/2026-02-26"));
  if (imported.exit_code != 0) {
    std::cerr << imported.err;
    return 1;
  }
  auto fresh = [&](const std::string& name) {
    std::string path = tmp.file(name);
    std::filesystem::copy_file(seed_db, path, std::filesystem::copy_options::overwrite_existing);
    return path;
  };

  FakeLlmServer fake([latency_ms](const LlmCall& call) {
    LlmReply r = infradigest::testing::echo(call);
    r.delay = std::chrono::milliseconds(latency_ms);
    return r;
  });

  auto start = std::chrono::steady_clock::now();
  auto rule = run_infradigest("--db " + seed_db + " --now 2026-02-27T08:00:00Z report --date 2026-02-26 --no-llm -o " +
                              dir + "/rule-based.md");
  double rule_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (rule.exit_code != 0) {
    std::cerr << rule.err;
    return 1;
  }

  const std::string db = fresh("llm.db");
  Figures cold = timed_report(fake, write_config(dir, fake, concurrency), db, dir + "/llm.md");
  Figures stored = timed_report(fake, write_config(dir, fake, concurrency), db, dir + "/llm-stored.md");
  Figures warm = timed_report(fake, write_config(dir, fake, concurrency), db, dir + "/llm-warm.md", "--recompose");
  Figures serial = timed_report(fake, write_config(dir, fake, 1), fresh("serial.db"), dir + "/llm-serial.md");
  FakeLlmServer liar(infradigest::testing::plausible_liar);
  Figures lies = timed_report(liar, write_config(dir, liar, concurrency), fresh("liar.db"), dir + "/liar.md");

  std::printf("llm_bench: 2026-02-26 snapshot, fake endpoint with %d ms per call\n\n", latency_ms);
  std::printf("%-28s %6s %9s  %s\n", "run", "calls", "wall (s)", "usage (stderr of infradigest)");
  std::printf("%-28s %6s %9.2f  %s\n", "rule-based (--no-llm)", "0", rule_seconds, "-");
  std::printf("%-28s %6zu %9.2f  %s\n", ("cold, concurrency " + std::to_string(concurrency)).c_str(), cold.calls,
              cold.seconds, cold.usage.c_str());
  std::printf("%-28s %6zu %9.2f  %s\n", "cold, concurrency 1", serial.calls, serial.seconds, serial.usage.c_str());
  std::printf("%-28s %6zu %9.2f  %s\n", "re-run (stored report)", stored.calls, stored.seconds, "-");
  std::printf("%-28s %6zu %9.2f  %s\n", "--recompose (answer cache)", warm.calls, warm.seconds, warm.usage.c_str());
  std::printf("%-28s %6zu %9.2f  %s\n", "plausible liar, no latency", lies.calls, lies.seconds, lies.usage.c_str());
  if (!keep.empty()) std::printf("\nreports: %s/rule-based.md, %s/llm.md, %s/liar.md\n", dir.c_str(), dir.c_str(), dir.c_str());
  return 0;
}
