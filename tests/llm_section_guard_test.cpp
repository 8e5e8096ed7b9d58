// SectionRunner::run_guarded: a library that throws on an odd answer costs
// one section (rule-based fallback, with the error as its reason); a
// programming error (std::logic_error) is not swallowed into a fallback.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "fake_llm_server.h"
#include "llm/section_runner.h"
#include "llm_fixture.h"
#include "test_support.h"

namespace infradigest {
namespace llm_section_guard {

struct GuardHarness {
  testing::FakeLlmServer fake{[](const testing::LlmCall&) { return testing::LlmReply{.content = R"({"analysis":[]})"}; }};
  testing::TempDir dir;
  Database db = Database::open(dir.file("s.db")).value();
  testing::RecordingClock clock;
  std::unique_ptr<HttpClient> http = make_http_client();
  LlmStep step;
  std::unique_ptr<ChatClient> client;
  ResponseCache cache{db};
  std::unique_ptr<SectionRunner> runner;

  GuardHarness() {
    step.settings.base_url = fake.base_url();
    step.settings.models = {"model-a"};
    step.settings.timeout = std::chrono::milliseconds(30'000);
    step.http = http.get();
    step.clock = &clock;
    client = std::make_unique<ChatClient>(step.settings, *http, clock);
    runner = std::make_unique<SectionRunner>(*client, cache, step, parse_date("2026-02-26").value());
  }

  SectionJob job(std::function<std::vector<std::string>(const ChatAnswer&)> judge) {
    SectionJob j;
    j.label = "acme/engine";
    j.request = ChatRequest{"system", "user", nlohmann::json{{"type", "object"}}, "repo_notes", "acme/engine"};
    j.judge = std::move(judge);
    return j;
  }
};

TEST(LlmSectionGuard, ALibraryErrorOnAnOddAnswerFallsBackWithItsReason) {
  GuardHarness h;
  auto outcome = h.runner->run_guarded(h.job([](const ChatAnswer&) -> std::vector<std::string> {
    const auto parsed = nlohmann::json::parse("{not json");  // throws nlohmann::json::parse_error
    return {parsed.dump()};
  }));
  EXPECT_FALSE(outcome.verified);
  EXPECT_TRUE(testing::contains(outcome.failure, "parse error")) << outcome.failure;
}

TEST(LlmSectionGuard, AProgrammingErrorIsNotTurnedIntoAFallback) {
  GuardHarness h;
  EXPECT_THROW(h.runner->run_guarded(h.job([](const ChatAnswer&) -> std::vector<std::string> {
                 return {std::vector<std::string>{}.at(3)};  // std::out_of_range: a bug
               })),
               std::logic_error);
}

}  // namespace llm_section_guard
}  // namespace infradigest
