// The map half of the LLM writer: one request per active repository
// (chunked when it has many facts), `concurrency` at a time, for a short
// analysis and, in a Chinese report, Chinese renderings of English titles.
#pragma once

#include <vector>

#include "document/report.h"
#include "llm/prompts.h"
#include "llm/response_cache.h"
#include "llm/writer_context.h"

namespace infradigest {

// Writes RepoSection::analysis and the items' translated titles of every
// repository whose chunks all passed verification; the others are added to
// note.fallbacks. Counts sections in `run`. Returns the verified sentences,
// as notes for the day request.
std::vector<RepoNote> write_repo_sections(Report& report, WriterContext& ctx, LlmNote& note, LlmRunRecord& run);

}  // namespace infradigest
