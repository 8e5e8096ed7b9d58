#include "llm/section_runner.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>
#include <stdexcept>

#include "core/utf8_text.h"
#include "llm/prompts.h"
#include "core/text_sanitizer.h"

namespace infradigest {

namespace {

std::vector<std::string> unfinished(const ChatAnswer& a) {
  if (a.finish_reason == "stop") return {};
  if (a.finish_reason == "length")
    return {"the answer was cut off (finish_reason \"length\"): write fewer and shorter sentences"};
  if (a.finish_reason == "content_filter") return {"the answer was withheld by a content filter"};
  if (a.finish_reason == "refusal") return {"the answer was a refusal"};
  return {fmt::format("the answer did not finish (finish_reason \"{}\")", a.finish_reason)};
}

std::string brief(const std::vector<std::string>& reasons) {
  std::string out;
  for (size_t i = 0; i < reasons.size() && i < 3; ++i) out += (i ? "; " : "") + reasons[i];
  if (reasons.size() > 3) out += fmt::format("; and {} more", reasons.size() - 3);
  return out;
}

}  // namespace

void SectionRunner::log(const std::string& line) {
  if (step_.log == nullptr) return;
  const std::string clean = clip_utf8(sanitize_text(line), 600);
  std::lock_guard lock(log_mutex_);
  *step_.log << "infradigest: llm: " << clean << "\n";
}

SectionOutcome SectionRunner::run_guarded(const SectionJob& job) {
  try {
    return run(job);
  } catch (const std::logic_error&) {
    throw;  // a programming error must surface, never pass as an LLM fallback
  } catch (const nlohmann::json::exception& e) {
    return SectionOutcome{false, "", e.what()};
  } catch (const std::runtime_error& e) {
    return SectionOutcome{false, "", e.what()};
  }
}

SectionOutcome SectionRunner::run(const SectionJob& job) {
  const LlmSettings& s = step_.settings;
  const int attempts = std::max(1, step_.options.section_attempts);
  std::string feedback;
  std::vector<std::string> reasons;
  bool use_cache = true;
  const std::string first_hash = prompt_hash(job.request, s.temperature, s.max_tokens);
  if (!step_.options.retry_rejected && cache_.rejected_before(s.models, first_hash, report_date_)) {
    log(job.label + ": rejected before for this day; the section stays rule-based (--retry-llm asks again)");
    return {false, "", "rejected before", LlmFallbackReason::kRejectedBefore};
  }
  for (int attempt = 1; attempt <= attempts;) {
    if (!client_.usable())
      return {false, "", "the endpoint is unusable (" + client_.unusable_reason() + ")", LlmFallbackReason::kNoAnswer};
    ChatRequest request = job.request;
    request.user += feedback;
    const std::string hash = prompt_hash(request, s.temperature, s.max_tokens);
    std::optional<ChatAnswer> answer;
    if (use_cache)
      for (const auto& model : s.models)
        if ((answer = cache_.find(model, hash))) break;
    if (!answer) {
      auto asked = client_.complete(request);
      if (!asked.ok()) {
        log(job.label + ": " + asked.error().message + "; the section stays rule-based");
        return {false, "", asked.error().message, LlmFallbackReason::kNoAnswer};
      }
      answer = std::move(asked).value();
    }
    reasons = unfinished(*answer);
    if (reasons.empty()) reasons = job.judge(*answer);
    if (reasons.empty()) {
      if (answer->from_cache) {
        ++cache_hits_;
      } else if (auto stored = cache_.store(hash, *answer, std::chrono::floor<std::chrono::seconds>(step_.clock->now()));
                 !stored.ok()) {
        log(job.label + ": cannot cache the answer: " + stored.error().message);
      }
      return {true, answer->model, ""};
    }
    if (answer->from_cache) {  // verified when stored, rejected now (the rules changed): ask afresh
      use_cache = false;
      continue;
    }
    log(fmt::format("{}: answer {} of {} rejected: {}{}", job.label, attempt, attempts, brief(reasons),
                    attempt < attempts ? "; asking again" : "; the section stays rule-based"));
    feedback = retry_feedback(reasons);
    ++attempt;
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(step_.clock->now());
  if (auto kept = cache_.record_rejection(s.models.front(), first_hash, report_date_, brief(reasons), now); !kept.ok())
    log(job.label + ": cannot remember the rejection: " + kept.error().message);
  return {false, "", "rejected: " + brief(reasons), LlmFallbackReason::kRejected};
}

}  // namespace infradigest
