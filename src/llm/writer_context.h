// What the two halves of the LLM writer share during one run: the facts,
// the section runner (client, cache, log), the report language and the
// verification scope every answer starts from.
#pragma once

#include <set>
#include <string>

#include "llm/facts.h"
#include "llm/section_runner.h"

namespace infradigest {

struct WriterContext {
  const FactTable& facts;
  SectionRunner& runner;
  const LlmStep& step;
  Language language;
  std::string system;                  // the system prompt
  std::set<std::string> free_numbers;  // the report date's numbers
};

}  // namespace infradigest
