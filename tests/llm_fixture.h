// Shared by the LLM writer tests: a small day of activity, a clock that
// records waits instead of sleeping, and a harness that runs the LLM writer
// on that day against a FakeLlmServer. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/day_activity.h"
#include "core/clock.h"
#include "fake_llm_server.h"
#include "llm/facts.h"
#include "llm/text_scan.h"
#include "llm/verifier.h"
#include "pipeline/day_composition.h"
#include "render/markdown_renderer.h"
#include "snapshot/snapshot_reader.h"
#include "store/database.h"
#include "test_support.h"

namespace infradigest::testing {

// now() is fixed; sleep_for() records and returns at once.
class RecordingClock : public Clock {
 public:
  WallTime now() override { return WallTime(std::chrono::seconds(1'772'150'400)); }  // 2026-02-27T00:00:00Z
  void sleep_for(std::chrono::milliseconds d) override {
    std::lock_guard lock(mutex_);
    waits_.push_back(d);
  }
  std::vector<std::chrono::milliseconds> waits() const {
    std::lock_guard lock(mutex_);
    return waits_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> waits_;
};

inline const std::string kFixCommitSha = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

// acme/engine: a release, three commits, a bug report; acme/quiet: nothing.
inline std::string sample_day_jsonl(const std::string& extra = "") {
  return R"JSON({"type":"repository","full_name":"acme/engine"}
{"type":"commit","repo":"acme/engine","sha":"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b","committed_at":"2026-02-26T09:00:00Z","message":"Fix crash in paged attention on Hopper (#101)\n\nThe kernel read past the end of the block table.","files":[{"filename":"engine/attention/paged.py","additions":12,"deletions":3}]}
{"type":"commit","repo":"acme/engine","sha":"2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c","committed_at":"2026-02-26T10:00:00Z","message":"Add FP8 GEMM kernel for Blackwell (#102)","files":[{"filename":"engine/gemm/fp8.cu","additions":240,"deletions":0}]}
{"type":"commit","repo":"acme/engine","sha":"3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d","committed_at":"2026-02-26T11:00:00Z","message":"Update docs for the v1.2.0 release (#103)","files":[{"filename":"docs/index.md","additions":4,"deletions":1}]}
{"type":"issue","repo":"acme/engine","number":7,"title":"[Bug] Segfault when loading a model","created_at":"2026-02-26T12:00:00Z"}
{"type":"release","repo":"acme/engine","tag":"v1.2.0","published_at":"2026-02-26T13:00:00Z","body":"- Paged attention fix\n- FP8 GEMM"}
)JSON" + extra;
}

inline const std::vector<std::string> kSampleWatch = {"acme/engine", "acme/quiet"};

inline Activity sample_day(const std::string& jsonl, const std::vector<std::string>& watch = kSampleWatch) {
  auto all = parse_snapshot(jsonl, "test");
  EXPECT_TRUE(all.ok()) << all.error().message;
  auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  return select_window(all.value(), window, watch);
}

// A sample day composed in Chinese, its facts, and a verification scope that
// allows every fact: for verifier-level tests.
struct FactsOfDay {
  Activity day;
  Report report;
  FactTable facts;
  VerifyScope scope;
  explicit FactsOfDay(const std::string& jsonl) : day(sample_day(jsonl)) {
    auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
    report = compose_report(day, window, kSampleWatch, Language::kZh);
    facts = FactTable::build(report, day);
    scope.facts = &facts;
    for (const auto& f : facts.all()) scope.allowed.insert(f.key);
    collect_numbers("2026-02-26", scope.free_numbers);
  }
  FactsOfDay(const FactsOfDay&) = delete;
};

// Runs the LLM writer over a day, against `fake`, with a fresh or given store.
struct LlmHarness {
  TempDir dir;
  std::string db_path = dir.file("store.db");
  RecordingClock clock;
  std::ostringstream log;
  std::unique_ptr<HttpClient> http = make_http_client();
  LlmStep step;
  std::string jsonl = sample_day_jsonl();
  std::vector<std::string> watch = kSampleWatch;
  Language language = Language::kZh;

  explicit LlmHarness(const FakeLlmServer& fake, std::vector<std::string> models = {"model-a"}) {
    step.settings.base_url = fake.base_url();
    step.settings.models = std::move(models);
    step.settings.api_key = "sk-test-key";
    step.settings.timeout = std::chrono::milliseconds(5'000);
    step.settings.concurrency = 1;  // exact request order; tests of concurrency raise it
    step.http = http.get();
    step.clock = &clock;
    step.log = &log;
  }

  Report rule_based() const {
    auto day = sample_day(jsonl, watch);
    auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
    return compose_report(day, window, watch, language);
  }

  Report run() {
    auto day = sample_day(jsonl, watch);
    auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
    auto db = Database::open(db_path);
    EXPECT_TRUE(db.ok()) << db.error().message;
    return compose_day(day, window, watch, language, *db, &step);
  }
};

// Every statement of the summary, impact and outlook, as Markdown.
inline std::vector<std::string> prose(const Report& r) {
  std::vector<std::string> out;
  for (const auto& s : r.summary) out.push_back(render_markdown_inline(s));
  for (const auto& t : r.impact)
    for (const auto& s : t.statements) out.push_back(render_markdown_inline(s));
  for (const auto& s : r.outlook) out.push_back(render_markdown_inline(s));
  return out;
}

inline std::vector<std::string> analysis(const Report& r) {
  std::vector<std::string> out;
  for (const auto& repo : r.repos)
    for (const auto& s : repo.analysis) out.push_back(render_markdown_inline(s));
  return out;
}

}  // namespace infradigest::testing
