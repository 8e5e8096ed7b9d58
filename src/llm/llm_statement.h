// A verified LLM sentence as a report Statement: its text (with `code`
// spans) followed by references that link the cited facts, e.g.
// "……修复了 XQA 崩溃（a572baf、#2638）。". The Statement cites the report
// fact ids; count facts (the day, a repo) are stated but not cited.
#pragma once

#include "document/report.h"
#include "llm/answer_schema.h"
#include "llm/facts.h"

namespace infradigest {

// REQUIRES: `sentence` passed verify_sentence against `facts`.
Statement to_statement(const LlmSentence& sentence, const FactTable& facts, Language lang);

}  // namespace infradigest
