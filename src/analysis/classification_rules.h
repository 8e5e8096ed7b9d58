// The classification rule table: plain data that classifier.cpp compiles once
// and applies. Every decision the classifier makes comes from a row here, and
// every row that fires is named in Classification::reasons.
#pragma once

#include <span>
#include <string_view>

#include "analysis/classification.h"

namespace infradigest::rules {

// Which parts of an item a pattern reads (bit flags, combinable).
enum Field : unsigned {
  kTitle = 1u << 0,
  kBody = 1u << 1,       // commit message after the title; PR body
  kPath = 1u << 2,       // changed file paths
  kAddedPath = 1u << 3,  // paths of files the change adds
  kLabel = 1u << 4,      // PR and issue labels
};

// Where in a field the words must sit.
enum class Anchor {
  kAnywhere,   // at token boundaries anywhere
  kLead,       // at the title's first word, after [tags], (scopes) and "type:"
  kPrefix,     // the whole conventional-commit type: "fix", "chore(deps)", "feat!"
  kBracket,    // one whole [tag] entry: "Perf" of "[Perf]", "Sm100" of "[Fwd,Sm100]"
  kEveryPath,  // every changed file (at least one) contains one of the words
  kBodyLine,   // the first word of a body line, after bullets: "Fix: ...", "- Add ..."
  kSummary,    // anywhere in the body's first prose paragraph (templates, headings skipped)
};

// Words use the KeywordSet syntax (keyword_matcher.h): '|' between
// alternatives, '-' an optional separator, '#' digits, '*' an open end.
struct Pattern {
  unsigned fields = kTitle;
  Anchor anchor = Anchor::kAnywhere;
  std::string_view words;
  std::string_view also;    // when set, one of these must appear in the same text too
  std::string_view except;  // hits overlapping one of these do not count
};

// Kind precedence: the highest firing rule decides; among equals, the hit
// that comes first in the title, then the earlier row of the table.
namespace precedence {
constexpr int kReverts = 100;      // a revert undoes whatever it reverts
// The author said so. Naming a side of the project ("[CI]", "docs:", "deps:")
// is taken at its word; a product kind ("fix:", "feat:", "[Perf]") yields to
// files that are all tests, docs or CI ("fix: ..." touching only benchmarks
// is a benchmark change).
constexpr int kExplicitSide = 93;
constexpr int kOnlyPeripheralPaths = 92;
// A message that opens with a bug story ("... crashes with n = 768", "root
// cause") is a fix whatever the title's type says: "feat: X" fixing a crash.
constexpr int kBugStory = 91;
constexpr int kExplicit = 90;
constexpr int kReleases = 56;      // "v4.4.1 update", "bump version to 0.6.4": above deps, as
constexpr int kDependencies = 55;  // both bump versions; bumps touch build files by nature
constexpr int kOnlyPaths = 50;     // every file is docs / tests / CI: stronger than a verb
constexpr int kTopic = 47;         // the title is about docs: "Fix typo in docs", "Update README"
constexpr int kPhrase = 45;        // two words together: "eliminate ... op", "add ... test"
constexpr int kVerb = 40;          // "Fix", "Add", "Optimize", "Refactor" ...
constexpr int kSummary = 42;       // the message's opening says it: "The bug triggers when ..."
constexpr int kLabelled = 38;      // PR labels are often added by bots from the paths
constexpr int kBodyLine = 34;      // the message explains a silent title: "Fix: include ..."
constexpr int kSeries = 33;        // "[4/N] ..." steps of a feature series
constexpr int kNewFile = 30;       // nothing else said anything, but the change adds code
constexpr int kSummaryHint = 28;   // the last resort before "chore": the opening's tone
}  // namespace precedence

struct KindRule {
  int precedence = 0;
  ChangeKind kind = ChangeKind::kChore;
  Pattern when;
};

// Tags from paths need support from a quarter of the changed files, so a
// commit touching 40 files is not tagged by one of them.
struct TagRule {
  TagFacet facet = TagFacet::kTechnique;
  std::string_view tag;  // one of taxonomy::tags() (analysis/taxonomy.cpp)
  Pattern when;
};

struct IssueKindRule {
  int precedence = 0;
  IssueKind kind = IssueKind::kOther;
  Pattern when;
};

// A yes/no property: breaking (commits, PRs) or severe (issues).
struct FlagRule {
  Pattern when;
};

// One tag is a kind of another: FlashAttention is attention, EP is a MoE
// technique. Applied after the tag rules; the reason names the implying tag.
struct ImpliedTag {
  std::string_view tag;      // one of canonical_tags()
  std::string_view implies;  // one of canonical_tags()
};

std::span<const KindRule> kind_rules();
std::span<const TagRule> tag_rules();
std::span<const FlagRule> breaking_rules();
std::span<const IssueKindRule> issue_kind_rules();
std::span<const FlagRule> severe_rules();
// New hardware/model support: a verb (support_rules) with a hardware/model tag
// or a subject word (support_subject_rules), in a feature.
std::span<const FlagRule> support_rules();
std::span<const FlagRule> support_subject_rules();
// A new user-facing API, in a feature.
std::span<const FlagRule> new_api_rules();
std::span<const ImpliedTag> implied_tags();
// A tag dropped next to another ({tag, implies} read as "tag is dropped when
// `implies` is there"): GEMM inside FlashAttention work.
std::span<const ImpliedTag> suppressed_tags();
// Reverts are retreats by kind; these rows find removals.
std::span<const FlagRule> retreat_rules();
// A title that says it fixes wording: a typo, spelling, grammar.
std::span<const FlagRule> wording_rules();

}  // namespace infradigest::rules
