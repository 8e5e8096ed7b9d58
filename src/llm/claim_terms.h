// Claims a model may make about a change only with evidence: the one table
// (zh and en) of claim terms and what the facts a sentence cites must hold
// for each. Effects (performance, memory, hangs, crashes, correctness,
// security), severity and magnitude, scope ("all GPUs", 所有), defaults,
// breaking changes, and the verbs of kind (修复/fix, 新增/add, 优化/optimize,
// 回滚/revert, 移除/remove, 重构/refactor) are checked; opinions, rankings,
// predictions and advice are never allowed. When in doubt, a sentence is
// rejected: a term the table knows and the facts cannot back sinks it.
//
// To extend: add a row to kClaimRules in claim_terms.cpp (terms are matched
// in the sentence; ASCII terms as whole words, "optimiz*" as a prefix;
// Chinese terms as substrings).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

// What the cited facts must hold for a claim.
struct ClaimEvidence {
  std::vector<std::string_view> kinds;  // a cited fact of one of these kinds ("perf", "fix", "bug", "release"…)
  std::vector<std::string_view> words;  // or one of these words in the cited facts' text
  bool breaking = false;                // or a cited change marked breaking
  bool severe = false;                  // or a cited issue marked severe
  bool never = false;                   // nothing backs it: opinions, predictions, advice, rankings
};

struct ClaimRule {
  std::string_view claim;  // what the term claims, for the rejection reason: "a performance effect"
  std::vector<std::string_view> terms;
  ClaimEvidence evidence;
};

const std::vector<ClaimRule>& claim_rules();

// What the cited facts offer as evidence, merged.
struct ClaimFacts {
  std::string text;                // lower-cased: titles, messages, bodies, notes, labels, tags
  std::vector<std::string> kinds;  // kind names of the cited facts
  bool breaking = false;
  bool severe = false;
};

// Why `sentence` claims more than `facts` back; empty when every claim term
// it holds is supported. Each reason names the term and the claim.
std::vector<std::string> unsupported_claims(std::string_view sentence, const ClaimFacts& facts);

// A list of the checked claims, for the prompt: the model is told what it
// may say only with support, so an honest model is rarely rejected.
std::string claim_rules_for_prompt(bool zh);

// Whether `term` occurs in `text` (lower-cased ASCII already): ASCII terms as
// whole words ("optimiz*" as a word prefix), others as substrings.
bool contains_term(std::string_view text, std::string_view term);

}  // namespace infradigest
