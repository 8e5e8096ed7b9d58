// One rule's pattern, compiled once, and what it is matched against: the
// title (with its anatomy), body, changed paths and labels of one item.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/classification_rules.h"
#include "analysis/keyword_matcher.h"
#include "analysis/title_parts.h"
#include "model/activity.h"

namespace infradigest {

// What an item offers the rules. Views into the item being classified, which
// must outlive the subject.
struct RuleSubject {
  std::string_view title;
  TitleParts parts;
  std::string_view body;
  std::vector<std::string_view> paths;
  std::vector<int> path_lines;  // per path: additions + deletions; -1 when unknown
  // The paths tags are read from: the change's own code, without the tests,
  // benchmarks and docs that come along with it ("feat: X" touching
  // tests/attention/test_deepseek.py is not DeepSeek work). All paths when
  // every file is a test, benchmark or doc.
  std::vector<std::string_view> topic_paths;
  std::vector<int> topic_path_lines;
  // The share of the change (by changed lines when every file has counts,
  // else by files) in tests and benchmarks; 1 without files.
  double test_share = 1.0;
  // The share that is prose: Markdown, reStructuredText, notebooks, docs/
  // folders, and changed lines that are only comments (analysis/prose_share.h);
  // 0 without files.
  double docs_share = 0.0;
  std::vector<std::string_view> added_paths;
  std::vector<std::string_view> labels;
  // Profiles of the texts above (keyword_matcher.h), made once per subject:
  // each rule reading a path first asks its profile whether it can match.
  // Each list of path profiles runs parallel to its list of paths
  // (make_rule_subject fills both).
  TextProfile title_profile;
  TextProfile body_profile;  // also good for any part of the body
  std::vector<TextProfile> path_profiles;
  std::vector<TextProfile> topic_path_profiles;
  std::vector<TextProfile> added_path_profiles;
  // Of all topic paths together, and of all added ones: a rule whose words
  // cannot occur in any of them reads none.
  TextProfile all_topic_paths_profile;
  TextProfile all_added_paths_profile;
  // Tags from paths need this many supporting topic files: a quarter, at least one.
  std::size_t min_path_support = 1;
};

RuleSubject make_rule_subject(std::string_view title, std::string_view body,
                              const std::vector<FileChange>& files,
                              const std::vector<std::string>& labels);

// Where a pattern matched: its title position orders rules of equal
// precedence; its description ("prefix \"fix:\"", "keyword \"sm100\" in title")
// becomes a reason.
struct RuleEvidence {
  static constexpr std::size_t kNotInTitle = std::numeric_limits<std::size_t>::max();
  // Body-line hits order by their place in the body, after every title position.
  static constexpr std::size_t kBodyStart = kNotInTitle / 2;
  std::size_t position = kNotInTitle;
  std::string description;
  // Which field matched, and for paths how many files did: a path hit on a
  // quarter of the files is weaker evidence than the title naming it.
  enum class Source { kTitle, kBody, kLabel, kPath } source = Source::kTitle;
  std::size_t path_support = 0;
  // For a path hit: whether the matching files are most of the change, by
  // changed lines when every file has counts, else by files.
  bool path_majority = false;
  // ... or at least half of it.
  bool path_half = false;
};

// The body's first paragraph of prose: PR templates' HTML comments, markdown
// headings, checklists and trailers are skipped. A view into `body`.
std::string_view body_summary(std::string_view body);

// Immutable after construction; safe to share between threads.
class CompiledPattern {
 public:
  explicit CompiledPattern(const rules::Pattern& pattern);

  // Evidence from the first field that matches (title, body, labels, paths),
  // or std::nullopt.
  std::optional<RuleEvidence> match(const RuleSubject& s) const;

  // The pattern's words (with its also/except) in the message body, whatever
  // fields the pattern reads: does the message agree with a path hit?
  std::optional<RuleEvidence> match_body(const RuleSubject& s) const;

 private:
  // `profile`: of the whole of `text` (or of a text it is part of), or none.
  std::optional<KeywordHit> find_in(std::string_view text, const TextProfile& profile = {}) const;
  bool overlaps_exception(std::string_view text, KeywordHit hit, const TextProfile& profile = {}) const;
  std::string describe(std::string_view text, KeywordHit hit, std::string_view where) const;
  std::optional<RuleEvidence> match_title(const RuleSubject& s) const;
  std::optional<RuleEvidence> match_some_paths(const std::vector<std::string_view>& paths,
                                               const std::vector<TextProfile>& profiles,
                                               const TextProfile& all_profile, const std::vector<int>& lines,
                                               std::size_t min_support, std::string_view noun) const;
  std::optional<RuleEvidence> match_every_path(const std::vector<std::string_view>& paths,
                                               const std::vector<TextProfile>& profiles) const;
  std::optional<RuleEvidence> match_body_line(std::string_view body) const;
  std::optional<RuleEvidence> match_summary(std::string_view body, const TextProfile& body_profile) const;

  unsigned fields_;
  rules::Anchor anchor_;
  KeywordSet words_;
  KeywordSet also_;
  KeywordSet except_;
};

}  // namespace infradigest
