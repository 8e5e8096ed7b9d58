// The verifier: the rules every sentence the LLM writes must pass before it
// may reach a report. A sentence must cite facts it was given; everything
// checkable in it — URLs, SHAs, #numbers, versions, file names, @handles,
// `code`, numbers — must appear in the facts it cites; every claim it makes
// (effects, severity, scope, defaults, kinds: llm/claim_terms.h) must be
// backed by them, and opinions, rankings, predictions and advice are never
// allowed; and it must be one finished plain-text sentence in the report's
// language: no raw JSON, code fences, Markdown or HTML, no mass mentions
// (@all, <!channel>, <at user_id="all">), no fact ids in the text. Titles
// (translated commit/PR titles) pass the same grounding against their own
// fact, keep every identifier and number of the source title, and claim
// nothing the source title (and the change's kind) does not.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/language.h"
#include "llm/answer_schema.h"
#include "llm/facts.h"

namespace infradigest {

struct VerifyScope {
  const FactTable* facts = nullptr;
  std::set<std::string> allowed;       // keys of the facts this answer was given
  Language language = Language::kZh;
  std::set<std::string> free_numbers;  // numbers any sentence may use (the report date: 2026, 2, 26)
};

// Trims, and drops "**" emphasis (harmless, and common even when told not to).
std::string normalize_llm_text(std::string_view text);

// Why `sentence` is rejected; empty when it passes. Reasons name the
// sentence's offending piece, so they can go back to the model in a retry.
// REQUIRES: sentence.text normalized (normalize_llm_text).
std::vector<std::string> verify_sentence(const LlmSentence& sentence, const VerifyScope& scope);

// Normalizes and verifies every sentence of `list` (called `name` in the
// reasons: "analysis[1] \"…\" cites no fact"), which must hold min..max sentences.
std::vector<std::string> verify_sentences(std::vector<LlmSentence>& list, const std::string& name, size_t min,
                                          size_t max, const VerifyScope& scope);

// The same for a translated title of `fact` (the only fact it may draw on).
// Titles have no final punctuation and must differ from the source title.
std::vector<std::string> verify_title(const LlmTitle& title, const Fact& fact, const VerifyScope& scope);

}  // namespace infradigest
