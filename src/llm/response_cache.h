// The LLM's verified answers, kept in the store keyed by (model, prompt
// hash), so re-running a day asks the endpoint nothing; and the token usage
// of each run. Only answers that passed verification are kept, so a retry
// after a rejected answer is a real new request.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/timestamp.h"
#include "llm/chat_wire.h"
#include "store/database.h"

namespace infradigest {

// SHA-256 (hex) of everything that shapes an answer except the model: the
// instructions, the task with its facts, the schema, temperature and max tokens.
std::string prompt_hash(const ChatRequest& request, double temperature, int max_tokens);

// One run of the LLM writer, as stored in llm_runs.
struct LlmRunRecord {
  SysSeconds at{};
  SysDays report_date{};
  std::string language;
  int requests = 0;    // HTTP requests sent, retries included
  int cache_hits = 0;  // answers taken from the cache
  TokenUsage usage;    // as the endpoint reported it, for this run's requests
  int sections = 0;    // LLM-written sections attempted
  int verified = 0;    // of which passed verification
};

// Thread-safe: one mutex serializes use of the Database, which must outlive
// the cache and not be used by other threads meanwhile.
class ResponseCache {
 public:
  explicit ResponseCache(Database& db) : db_(db) {}

  // The stored answer (from_cache set), or nullopt; a read error counts as a miss.
  std::optional<ChatAnswer> find(const std::string& model, const std::string& hash);
  Status store(const std::string& hash, const ChatAnswer& answer, SysSeconds now);
  Status record_run(const LlmRunRecord& run);

  // Requests whose every answer was rejected, remembered per report day
  // (table llm_rejections), so a re-run of the day does not ask them again.
  bool rejected_before(const std::vector<std::string>& models, const std::string& hash, SysDays report_date);
  Status record_rejection(const std::string& model, const std::string& hash, SysDays report_date,
                          const std::string& reasons, SysSeconds now);

 private:
  Database& db_;
  std::mutex mutex_;
};

}  // namespace infradigest
