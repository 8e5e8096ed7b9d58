// The facts the LLM may state: one entry per release, commit/PR and issue
// of the report, plus computed counts (the day, each repository). Each has a
// short prompt id ("F12"), the JSON the prompt shows, and the evidence the
// verifier checks sentences against. Built once per report; immutable.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/report.h"
#include "model/activity.h"

namespace infradigest {

enum class FactKind { kDay, kRepo, kRelease, kItem, kIssue };

struct Fact {
  std::string key;        // "F12": how prompts and answers name it
  FactKind kind = FactKind::kItem;
  std::string report_id;  // the report's fact id ("commit:o/n@sha"); "" for counts
  std::string repo;       // "" for the day
  nlohmann::ordered_json data;  // what the prompt shows, "id" first
  std::string url;        // what a reference to it links to; "" when none
  std::string ref_label;  // reference text: short SHA, "#12", the tag; "" when none
  std::string title;      // items: the title the report shows (source language)
  bool translatable = false;  // items whose title has no CJK (a zh report asks for one)
  double importance = 0;
  bool notable = false;   // release, revert, breaking change, bug report

  // Evidence for claims (llm/claim_terms.h): kind names ("fix", "perf",
  // "bug", "release"; a counts fact: the kinds it counts), the breaking and
  // severe marks, and the words of its title, message/body/notes and tags,
  // lower-cased — not its file names.
  std::vector<std::string> kind_names;
  bool breaking = false;
  bool severe = false;
  std::string claim_text;

  // Evidence, from `data`:
  std::string text;                // every string value, lower-cased, '\n'-joined
  std::set<std::string> numbers;   // every number (normalize_number), SHAs and URLs excepted
  std::vector<std::string> shas;   // full SHAs, lower-cased
  std::set<std::string> refs;      // PR and issue numbers
  std::set<std::string> urls;
};

class FactTable {
 public:
  // `day` is the activity the report was composed from: it adds commit
  // messages, file names and issue bodies the Report does not carry.
  static FactTable build(const Report& report, const Activity& day);

  const Fact* find(std::string_view key) const;
  const std::vector<Fact>& all() const { return facts_; }
  // Report facts of `repo` (releases, items, issues), report order; and its counts fact.
  std::vector<const Fact*> repo_items(const std::string& repo) const;
  const Fact* repo_counts(const std::string& repo) const;
  const Fact& day() const { return facts_.front(); }

 private:
  void add(Fact fact);
  std::vector<Fact> facts_;
  std::map<std::string, size_t, std::less<>> by_key_;
};

// One fact as one line of JSON for a prompt: '<' and '>' are written as
// \u003c and \u003e, so no text inside can close the fence around the data.
std::string fenced_json(const nlohmann::ordered_json& value);

}  // namespace infradigest
