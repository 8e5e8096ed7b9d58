#include "llm/response_cache.h"

#include <fmt/format.h>

#include "core/sha256.h"

namespace infradigest {

std::string prompt_hash(const ChatRequest& request, double temperature, int max_tokens) {
  // Length-prefixed fields, so no two different requests share an input.
  std::string input;
  for (const std::string& part : {request.schema_name, request.system, request.user, request.schema.dump(),
                                  fmt::format("{}", temperature), std::to_string(max_tokens)})
    input += std::to_string(part.size()) + ":" + part + ";";
  return sha256_hex(input);
}

std::optional<ChatAnswer> ResponseCache::find(const std::string& model, const std::string& hash) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "SELECT content, finish_reason, prompt_tokens, completion_tokens FROM llm_responses "
      "WHERE model = ? AND prompt_hash = ?");
  if (!stmt) return std::nullopt;
  stmt->bind(1, model).bind(2, hash);
  auto row = stmt->step();
  if (!row.ok() || !*row) return std::nullopt;
  ChatAnswer a;
  a.model = model;
  a.content = stmt->text_or_empty(0);
  a.finish_reason = stmt->text_or_empty(1);
  a.usage = TokenUsage{stmt->integer(2).value_or(0), stmt->integer(3).value_or(0)};
  a.from_cache = true;
  return a;
}

Status ResponseCache::store(const std::string& hash, const ChatAnswer& answer, SysSeconds now) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "INSERT OR REPLACE INTO llm_responses "
      "(model, prompt_hash, content, finish_reason, prompt_tokens, completion_tokens, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, answer.model)
      .bind(2, hash)
      .bind(3, answer.content)
      .bind(4, answer.finish_reason)
      .bind(5, answer.usage.prompt)
      .bind(6, answer.usage.completion)
      .bind(7, format_rfc3339_utc(now));
  return stmt->run();
}

Status ResponseCache::record_run(const LlmRunRecord& run) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "INSERT INTO llm_runs (run_at, report_date, language, requests, cache_hits, prompt_tokens, "
      "completion_tokens, sections, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, format_rfc3339_utc(run.at))
      .bind(2, format_date(run.report_date))
      .bind(3, run.language)
      .bind(4, run.requests)
      .bind(5, run.cache_hits)
      .bind(6, run.usage.prompt)
      .bind(7, run.usage.completion)
      .bind(8, run.sections)
      .bind(9, run.verified);
  return stmt->run();
}

bool ResponseCache::rejected_before(const std::vector<std::string>& models, const std::string& hash,
                                    SysDays report_date) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "SELECT 1 FROM llm_rejections WHERE model = ?1 AND prompt_hash = ?2 AND report_date = ?3");
  if (!stmt) return false;  // a read error counts as "not rejected": the request is simply asked
  for (const auto& model : models) {
    stmt->bind(1, model).bind(2, hash).bind(3, format_date(report_date));
    auto row = stmt->step();
    stmt->reset();
    if (row.ok() && *row) return true;
  }
  return false;
}

Status ResponseCache::record_rejection(const std::string& model, const std::string& hash, SysDays report_date,
                                       const std::string& reasons, SysSeconds now) {
  std::lock_guard lock(mutex_);
  auto stmt = db_.prepare(
      "INSERT OR REPLACE INTO llm_rejections (model, prompt_hash, report_date, reasons, created_at) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!stmt) return stmt.error();
  stmt->bind(1, model).bind(2, hash).bind(3, format_date(report_date)).bind(4, reasons).bind(5, format_rfc3339_utc(now));
  return stmt->run();
}

}  // namespace infradigest
