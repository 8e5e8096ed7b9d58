// ChatClient: the one retry layer between infradigest and an LLM endpoint.
#include <gtest/gtest.h>

#include "llm/chat_client.h"
#include "llm/retry_policy.h"
#include "llm_fixture.h"

namespace infradigest {
namespace {

using testing::FakeLlmServer;
using testing::LlmCall;
using testing::LlmReply;
using testing::RecordingClock;
using std::chrono::milliseconds;

struct ClientHarness {
  RecordingClock clock;
  std::unique_ptr<HttpClient> http = make_http_client();
  LlmSettings settings;

  explicit ClientHarness(const std::string& base_url, std::vector<std::string> models = {"model-a"}) {
    settings.base_url = base_url;
    settings.models = std::move(models);
    settings.api_key = "sk-client-test";
    settings.timeout = milliseconds(5'000);
  }
  ChatClient client() { return ChatClient(settings, *http, clock); }
};

ChatRequest request() {
  return ChatRequest{"Answer in JSON.", "Say {}.", nlohmann::json{{"type", "object"}}, "probe", "probe"};
}

LlmReply ok(const std::string& content = "{}") { return LlmReply{.content = content}; }

TEST(LlmClient, ReadsContentFinishReasonAndUsage) {
  FakeLlmServer fake([](const LlmCall&) { return ok(R"({"analysis":[]})"); });
  ClientHarness h(fake.base_url());
  auto client = h.client();
  auto a = client.complete(request());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->content, R"({"analysis":[]})");
  EXPECT_EQ(a->finish_reason, "stop");
  EXPECT_EQ(a->model, "model-a");
  EXPECT_GT(a->usage.prompt, 0);
  EXPECT_EQ(client.usage().prompt, a->usage.prompt);
  EXPECT_EQ(client.requests_sent(), 1);
}

TEST(LlmClient, NoKeyMeansNoAuthorizationHeader) {
  FakeLlmServer fake([](const LlmCall&) { return ok(); });
  ClientHarness h(fake.base_url());
  h.settings.api_key.clear();
  ASSERT_TRUE(h.client().complete(request()).ok());
  EXPECT_EQ(fake.requests().at(0).header("Authorization"), "");
}

TEST(LlmClient, ServerErrorsAreRetriedWithBackoffThenNamed) {
  FakeLlmServer fake([](const LlmCall&) { return LlmReply{.status = 503, .body = R"({"error":{"message":"overloaded"}})"}; });
  ClientHarness h(fake.base_url());
  auto client = h.client();
  auto a = client.complete(request());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(fake.request_count(), 3u);
  EXPECT_EQ(a.error().message, "POST " + fake.base_url() + "/chat/completions (model model-a): HTTP 503: overloaded after 3 tries");
  auto waits = h.clock.waits();
  ASSERT_EQ(waits.size(), 2u);
  EXPECT_TRUE(waits[0] >= milliseconds(375) && waits[0] <= milliseconds(500));
  EXPECT_TRUE(waits[1] >= milliseconds(750) && waits[1] <= milliseconds(1000));
  EXPECT_FALSE(client.usable());
  EXPECT_EQ(client.unusable_reason(), "every model failed");
  EXPECT_FALSE(client.complete(request()).ok());
  EXPECT_EQ(fake.request_count(), 3u) << "a model that failed is not asked again in the run";
}

TEST(LlmClient, LongRetryAfterIsNotWaitedForTheNextModelIsAsked) {
  FakeLlmServer fake([](const LlmCall& call) {
    if (call.model == "busy") return LlmReply{.status = 429, .body = "{}", .headers = {{"retry-after", "120"}}};
    return ok();
  });
  ClientHarness h(fake.base_url(), {"busy", "spare"});
  auto a = h.client().complete(request());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->model, "spare");
  EXPECT_EQ(fake.request_count(), 2u);
  EXPECT_TRUE(h.clock.waits().empty());
}

TEST(LlmClient, ServerCanSayDoNotRetry) {
  FakeLlmServer fake([](const LlmCall&) { return LlmReply{.status = 500, .body = "{}", .headers = {{"x-should-retry", "false"}}}; });
  ClientHarness h(fake.base_url());
  EXPECT_FALSE(h.client().complete(request()).ok());
  EXPECT_EQ(fake.request_count(), 1u);
}

TEST(LlmClient, BadRequestIsNotRetriedButTheNextModelIsTried) {
  FakeLlmServer fake([](const LlmCall&) {
    return LlmReply{.status = 400, .body = R"({"error":{"message":"maximum context length exceeded"}})"};
  });
  ClientHarness h(fake.base_url(), {"small", "large"});
  auto a = h.client().complete(request());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(fake.request_count(), 2u);
  EXPECT_NE(a.error().message.find("(model small): HTTP 400: maximum context length exceeded after 1 try"), std::string::npos)
      << a.error().message;
  EXPECT_NE(a.error().message.find("(model large)"), std::string::npos);
}

TEST(LlmClient, PaymentRequiredStopsEveryModel) {
  FakeLlmServer fake([](const LlmCall&) { return LlmReply{.status = 402, .body = R"({"error":{"message":"credits"}})"}; });
  ClientHarness h(fake.base_url(), {"a", "b"});
  auto client = h.client();
  EXPECT_FALSE(client.complete(request()).ok());
  EXPECT_EQ(fake.request_count(), 1u);
  EXPECT_EQ(client.unusable_reason(), "HTTP 402");
}

TEST(LlmClient, BrokenAnswerEnvelopeIsRetried) {
  FakeLlmServer fake([](const LlmCall& call) { return call.index == 0 ? LlmReply{.body = "<html>gateway</html>"} : ok(); });
  ClientHarness h(fake.base_url());
  EXPECT_TRUE(h.client().complete(request()).ok());
  EXPECT_EQ(fake.request_count(), 2u);
}

TEST(LlmClient, RefusedConnectionIsRetriedAndReportedWithoutTheKey) {
  int port;
  {
    testing::FakeHttpServer closed;
    closed.start();
    port = closed.port();
  }
  ClientHarness h("http://127.0.0.1:" + std::to_string(port) + "/v1");
  auto a = h.client().complete(request());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(h.clock.waits().size(), 2u) << "3 tries";
  EXPECT_NE(a.error().message.find("after 3 tries"), std::string::npos) << a.error().message;
  EXPECT_EQ(a.error().message.find("sk-client-test"), std::string::npos);
}

TEST(LlmClient, RetryPolicyReadsServerWaits) {
  HttpResponse r;
  r.headers = {{"retry-after-ms", "250.5"}, {"retry-after", "9"}};
  EXPECT_EQ(requested_wait(r), milliseconds(251)) << "retry-after-ms wins";
  r.headers = {{"retry-after", "1.5"}};
  EXPECT_EQ(requested_wait(r), milliseconds(1500));
  r.headers = {{"retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"}};
  EXPECT_EQ(requested_wait(r), std::nullopt);
  EXPECT_TRUE(is_retryable_status(408) && is_retryable_status(409) && is_retryable_status(429) && is_retryable_status(502));
  EXPECT_FALSE(is_retryable_status(400) || is_retryable_status(404) || is_retryable_status(422));
  EXPECT_TRUE(is_endpoint_refusal(401) && is_endpoint_refusal(402) && is_endpoint_refusal(403));
  RetryPolicy p;
  EXPECT_EQ(p.backoff(1, 1.0), milliseconds(500));
  EXPECT_EQ(p.backoff(2, 0.0), milliseconds(750));
  EXPECT_EQ(p.backoff(10, 1.0), milliseconds(8000));
}

}  // namespace
}  // namespace infradigest
