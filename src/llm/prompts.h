// The prompts: instructions (system), the task, and the facts fenced as
// untrusted data (one JSON object per line between <<<FACTS and FACTS>>>,
// with '<' and '>' escaped so the data cannot close its fence).
#pragma once

#include <string>
#include <vector>

#include "document/language.h"
#include "llm/answer_schema.h"
#include "llm/facts.h"

namespace infradigest {

// A verified per-repo sentence, shown to the day prompt as a note.
struct RepoNote {
  std::string repo;
  LlmSentence sentence;
};

std::string system_prompt(Language lang);

// Analysis (and title renderings) for `facts` of one repo: chunk `part` of
// `parts` when the repo has many items. `counts` is the repo's counts fact.
std::string repo_prompt(const std::string& repo, const Fact& counts, const std::vector<const Fact*>& facts,
                        const std::vector<std::string>& title_ids, int part, int parts, Language lang);

// 摘要, 影响评估 and 总结 for the day, over `facts` and the verified notes.
std::string day_prompt(const std::string& date, const std::vector<const Fact*>& facts,
                       const std::vector<RepoNote>& notes);

// Appended to the task when a previous answer was rejected.
std::string retry_feedback(const std::vector<std::string>& reasons);

}  // namespace infradigest
