// The classification engine: compiles the rule table once and applies it.
// All vocabulary lives in classification_rules.cpp, matching in
// rule_pattern.cpp; this file only knows how precedence picks a winner.
#include <algorithm>
#include <optional>
#include <type_traits>

#include "analysis/classification.h"
#include "analysis/classification_rules.h"
#include "analysis/rule_pattern.h"
#include "analysis/taxonomy.h"
#include "analysis/taxonomy_extension.h"

namespace infradigest {

namespace {

template <typename Rule>
struct CompiledRule {
  const Rule* rule;
  CompiledPattern pattern;
};

template <typename Rule>
std::vector<CompiledRule<Rule>> compile(std::span<const Rule> table) {
  std::vector<CompiledRule<Rule>> out;
  out.reserve(table.size());
  for (const Rule& rule : table) out.push_back({&rule, CompiledPattern(rule.when)});
  return out;
}

struct RuleBook {
  std::vector<CompiledRule<rules::KindRule>> kinds = compile(rules::kind_rules());
  std::vector<CompiledRule<rules::TagRule>> tags = compile(rules::tag_rules());
  std::vector<CompiledRule<rules::FlagRule>> breaking = compile(rules::breaking_rules());
  std::vector<CompiledRule<rules::IssueKindRule>> issue_kinds = compile(rules::issue_kind_rules());
  std::vector<CompiledRule<rules::FlagRule>> severe = compile(rules::severe_rules());
  std::vector<CompiledRule<rules::FlagRule>> support = compile(rules::support_rules());
  std::vector<CompiledRule<rules::FlagRule>> support_subject = compile(rules::support_subject_rules());
  std::vector<CompiledRule<rules::FlagRule>> new_api = compile(rules::new_api_rules());
  std::vector<CompiledRule<rules::FlagRule>> retreat = compile(rules::retreat_rules());
  std::vector<CompiledRule<rules::FlagRule>> wording = compile(rules::wording_rules());
};

// A title's "test:", "[Test]" or "add ... tests" needs tests or benchmarks to be at least
// this share of the change (by lines), the same quarter path tags need.
constexpr double kTestClaimMinShare = 0.25;

// Prose (Markdown, docs/) at least this share of the changed lines makes a
// change docs when no verb or stronger evidence says what it is.
constexpr double kMostlyProseShare = 0.75;

// Compiled on first use; immutable afterwards, so classification is thread-safe.
const RuleBook& rule_book() {
  static const RuleBook book;
  return book;
}

// Picks the winning kind among the rules that fire and explains every one of
// them. Returns std::nullopt when no rule fires.
template <typename Kind, typename Rule, typename NameOf>
std::optional<Kind> decide_kind(const std::vector<CompiledRule<Rule>>& rules, const RuleSubject& s,
                                NameOf name_of, std::vector<std::string>* reasons,
                                int* winning_precedence = nullptr) {
  struct Fired {
    int precedence;
    std::size_t position;
    Kind kind;
    std::string description;
  };
  std::vector<Fired> fired;
  for (const auto& [rule, pattern] : rules) {
    auto e = pattern.match(s);
    if (!e) continue;
    if constexpr (std::is_same_v<Kind, ChangeKind>) {
      // "[Testing] Add a compile cache" whose tests are a sliver of the
      // change: the files contradict the title's "test", so it yields.
      if (rule->kind == ChangeKind::kTest && s.test_share < kTestClaimMinShare) {
        if (reasons)
          reasons->push_back("(ignored) kind=test: " + e->description + "; tests and benchmarks are " +
                             std::to_string(static_cast<int>(s.test_share * 100)) + "% of the change");
        continue;
      }
    }
    fired.push_back({rule->precedence, e->position, rule->kind, e->description});
  }
  if (fired.empty()) return std::nullopt;
  // stable_sort keeps table order among equal precedence and position.
  std::stable_sort(fired.begin(), fired.end(), [](const Fired& a, const Fired& b) {
    return a.precedence != b.precedence ? a.precedence > b.precedence : a.position < b.position;
  });
  if (reasons) {
    for (std::size_t i = 0; i < fired.size(); ++i) {
      reasons->push_back(std::string(i == 0 ? "" : "(outranked) ") + "kind=" +
                         std::string(name_of(fired[i].kind)) + ": " + fired[i].description);
    }
  }
  if (winning_precedence) *winning_precedence = fired.front().precedence;
  return fired.front().kind;
}

bool has_tag_named(const std::vector<Tag>& tags, std::string_view name) {
  return std::any_of(tags.begin(), tags.end(), [&](const Tag& t) { return t.name == name; });
}

bool is_scope_facet(TagFacet f) { return f == TagFacet::kHardware || f == TagFacet::kModel; }

// What the kind rules decided: no kind at all (issues, or nothing fired), or
// a kind and whether the author named it ("chore:", "[CI]") rather than the
// files or words showing it (CODEOWNERS only, "lint").
struct KindVerdict {
  std::optional<ChangeKind> kind;
  bool author_said = false;
};

// Why a tag rule that fired does not give its tag, or empty when it does.
// Hardware and model tags say a change brings a platform or a model forward,
// and docs, CI and test changes bring nothing forward whatever they name. A
// file name alone is weak evidence of any topic (kimi_linear.py touched by a
// Qwen3-Next kernel, an sm100 example edited in passing).
std::string why_tag_dropped(const rules::TagRule& rule, const CompiledPattern& pattern,
                            const RuleEvidence& e, const RuleSubject& s, KindVerdict verdict) {
  // kRevert stands for "no kind": it drops nothing below.
  const ChangeKind kind = verdict.kind.value_or(ChangeKind::kRevert);
  const bool from_path = e.source == RuleEvidence::Source::kPath;
  // Housekeeping (CODEOWNERS, lint) has no topic; an author's "chore:" or
  // "misc:" keeps what its title names ("misc: point triton blackwell-ptxas").
  if (kind == ChangeKind::kChore && (!verdict.author_said || from_path))
    return "housekeeping carries no topic";
  if (is_scope_facet(rule.facet) &&
      (kind == ChangeKind::kDocs || kind == ChangeKind::kCiBuild || kind == ChangeKind::kTest))
    return "a " + std::string(kind_name(kind)) + " change brings no hardware or model forward";
  // A tag from paths alone needs the matching files to be most of the change
  // (tests, benchmarks and docs aside; for a technique, half will do): a
  // folder the change passes through is not its topic ("fused_moe/" touched
  // by an autotuner change is not MoE work).
  const bool enough = is_scope_facet(rule.facet) ? e.path_majority : e.path_half;
  if (from_path && !enough && !pattern.match_body(s))
    return "its files are not most of the change (" + std::to_string(e.path_support) + " of " +
           std::to_string(s.topic_paths.size()) + "), and neither title nor message names it";
  if (from_path && (kind == ChangeKind::kCiBuild || kind == ChangeKind::kDeps ||
                    kind == ChangeKind::kRelease))
    return "a " + std::string(kind_name(kind)) + " change is not about the code it packages";
  return {};
}

std::vector<Tag> decide_tags(const RuleSubject& s, KindVerdict kind,
                             std::vector<std::string>* reasons) {
  std::vector<Tag> tags;
  for (const auto& [rule, pattern] : rule_book().tags) {
    auto e = pattern.match(s);
    if (!e) continue;
    if (const std::string dropped = why_tag_dropped(*rule, pattern, *e, s, kind); !dropped.empty()) {
      if (reasons)
        reasons->push_back("(dropped) tag " + std::string(rule->tag) + ": " + e->description +
                           "; " + dropped);
      continue;
    }
    tags.push_back(Tag{rule->facet, std::string(rule->tag)});
    if (reasons) reasons->push_back("tag " + std::string(rule->tag) + ": " + e->description);
  }
  // The config's rules come after the built-in ones; their reasons name the config line.
  for (ExtensionTagHit& hit : extension_tag_hits(s)) {
    tags.push_back(std::move(hit.tag));
    if (reasons) reasons->push_back(std::move(hit.reason));
  }
  // A tag that means something else next to another: the matmuls inside an
  // attention kernel are not GEMM work.
  for (const rules::ImpliedTag& suppress : rules::suppressed_tags()) {
    if (!has_tag_named(tags, suppress.implies) || !has_tag_named(tags, suppress.tag)) continue;
    std::erase_if(tags, [&](const Tag& t) { return t.name == suppress.tag; });
    if (reasons)
      reasons->push_back("(dropped) tag " + std::string(suppress.tag) + ": inside " +
                         std::string(suppress.implies) + " work");
  }
  // Implications, until nothing changes (the table is tiny; chains are short).
  for (bool added = true; added;) {
    added = false;
    for (const rules::ImpliedTag& imply : rules::implied_tags()) {
      if (!has_tag_named(tags, imply.tag) || has_tag_named(tags, imply.implies)) continue;
      for (const Tag& t : canonical_tags()) {
        if (t.name != imply.implies) continue;
        tags.push_back(t);
        if (reasons) {
          reasons->push_back("tag " + t.name + ": implied by " + std::string(imply.tag));
        }
        added = true;
      }
    }
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

bool any_fires(const std::vector<CompiledRule<rules::FlagRule>>& rules, const RuleSubject& s,
               std::string_view flag, std::vector<std::string>* reasons) {
  bool fires = false;
  for (const auto& compiled : rules) {
    auto e = compiled.pattern.match(s);
    if (!e) continue;
    fires = true;
    if (!reasons) break;
    reasons->push_back(std::string(flag) + ": " + e->description);
  }
  return fires;
}

// Compiled component rules, in precedence order.
struct ComponentMatcher {
  std::string_view component;
  std::vector<PathGlob> globs;
  KeywordSet title_words;
};

const std::vector<ComponentMatcher>& component_matchers() {
  static const std::vector<ComponentMatcher> matchers = [] {
    std::vector<ComponentMatcher> out;
    for (const taxonomy::ComponentRule& rule : taxonomy::component_rules()) {
      ComponentMatcher m{rule.component, {}, KeywordSet(rule.title_words)};
      for (std::string_view rest = rule.paths; !rest.empty();) {
        const std::size_t bar = rest.find('|');
        // The table's globs are reviewed constants: parse() accepts every one
        // (tests/path_glob_test.cpp checks it).
        if (auto glob = PathGlob::parse(rest.substr(0, bar))) m.globs.push_back(std::move(*glob));
        rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      }
      out.push_back(std::move(m));
    }
    return out;
  }();
  return matchers;
}

// Each file counts for one component: the config's path rules first, then the
// built-in rules in precedence order. Without paths, the title decides.
std::vector<ComponentShare> decide_components(const RuleSubject& s, std::vector<std::string>* reasons) {
  std::vector<ComponentShare> shares;
  for (const taxonomy::Labelled& c : taxonomy::components()) shares.push_back({std::string(c.name), 0});
  auto add = [&](std::string_view component) {
    for (ComponentShare& share : shares)
      if (share.name == component) ++share.files;
  };
  // One reason per config rule: its first file and how many files it took.
  struct ConfigHit {
    const PathRule* rule;
    std::string_view first_path;
    int files;
  };
  std::vector<ConfigHit> config_hits;
  for (std::string_view path : s.paths) {
    if (const PathRule* rule = extension_component_rule(path)) {
      add(rule->component);
      auto hit = std::find_if(config_hits.begin(), config_hits.end(), [&](const ConfigHit& h) { return h.rule == rule; });
      if (hit == config_hits.end()) config_hits.push_back({rule, path, 1});
      else ++hit->files;
      continue;
    }
    for (const ComponentMatcher& m : component_matchers()) {
      if (!std::any_of(m.globs.begin(), m.globs.end(), [&](const PathGlob& g) { return g.matches(path); }))
        continue;
      add(m.component);
      break;
    }
  }
  if (reasons) {
    for (const ConfigHit& hit : config_hits) {
      std::string reason = "component " + hit.rule->component + ": path rule matched " + std::string(hit.first_path);
      if (hit.files > 1) reason += " and " + std::to_string(hit.files - 1) + " more";
      reasons->push_back(reason + " (config " + hit.rule->origin + ")");
    }
  }
  std::erase_if(shares, [](const ComponentShare& share) { return share.files == 0; });
  if (s.paths.empty()) {
    for (const ComponentMatcher& m : component_matchers()) {
      auto hit = m.title_words.empty() ? std::nullopt : m.title_words.find(s.title);
      if (!hit) continue;
      shares.push_back({std::string(m.component), 0});
      if (reasons) {
        reasons->push_back("component " + std::string(m.component) + ": keyword \"" +
                           std::string(s.title.substr(hit->begin, hit->end - hit->begin)) + "\" in title");
      }
      break;
    }
  }
  return shares;
}

// A feature that brings a platform or model: the support verb and either a
// hardware/model tag or a subject word. Reasons only when it holds.
bool decide_new_support(const Classification& c, const RuleSubject& s, std::vector<std::string>* reasons) {
  if (c.kind != ChangeKind::kFeature || !any_fires(rule_book().support, s, "", nullptr)) return false;
  const auto subject = std::find_if(c.tags.begin(), c.tags.end(), [](const Tag& t) {
    return t.facet == TagFacet::kHardware || t.facet == TagFacet::kModel;
  });
  if (subject == c.tags.end() && !any_fires(rule_book().support_subject, s, "", nullptr)) return false;
  if (reasons) {
    any_fires(rule_book().support, s, "new support", reasons);
    if (subject != c.tags.end()) reasons->push_back("new support: " + std::string(facet_name(subject->facet)) +
                                                    " tag " + subject->name);
    else any_fires(rule_book().support_subject, s, "new support", reasons);
  }
  return true;
}

Classification classify_subject(const RuleSubject& s) {
  Classification c;
  int precedence = 0;
  std::optional<ChangeKind> kind = decide_kind<ChangeKind>(rule_book().kinds, s, kind_name, &c.reasons, &precedence);
  // Mostly prose, and nothing as strong as a verb says otherwise: a note, an
  // investigation write-up with its repro script, a requirements page.
  // A wording fix ("fix typo") in prose or comments is docs even against a
  // verb or an author's "fix:", as files that are all docs would be.
  const bool prose = s.docs_share >= kMostlyProseShare;
  const bool wording_in_prose = prose && precedence < rules::precedence::kOnlyPeripheralPaths &&
                                any_fires(rule_book().wording, s, "", nullptr);
  if ((!kind || precedence < rules::precedence::kVerb || wording_in_prose) && prose) {
    c.reasons.insert(c.reasons.begin(), "kind=docs: prose is " + std::to_string(static_cast<int>(s.docs_share * 100)) +
                                            "% of the changed lines (docs and comments)" +
                                            (wording_in_prose ? ", and the title fixes wording" : ""));
    kind = ChangeKind::kDocs;
    precedence = rules::precedence::kTopic;
  }
  // Nothing said what the change is: "other" for the report, but the change
  // keeps its topic tags (a silent "[Fwd,Sm100] Gate mma with is_leader_cta"
  // is still Blackwell attention work).
  c.kind = kind.value_or(ChangeKind::kChore);
  if (!kind) c.reasons.push_back("kind=chore: no kind rule fired (tags kept)");
  const bool author_said = precedence == rules::precedence::kExplicit ||
                           precedence == rules::precedence::kExplicitSide ||
                           precedence == rules::precedence::kLabelled;  // "misc:", "[Misc]"
  c.tags = decide_tags(s, {kind, author_said}, &c.reasons);
  // Taking away an overhead or a wrong check is progress: "[AMD] remove
  // redundancy H2D op" is AMD moving forward, not retreating.
  const bool gains = c.kind == ChangeKind::kPerf || c.kind == ChangeKind::kFix;
  c.retreat = c.kind == ChangeKind::kRevert || (!gains && any_fires(rule_book().retreat, s, "retreat", &c.reasons));
  c.breaking = any_fires(rule_book().breaking, s, "breaking", &c.reasons);
  c.new_support = decide_new_support(c, s, &c.reasons);
  c.new_api = c.kind == ChangeKind::kFeature && any_fires(rule_book().new_api, s, "new api", &c.reasons);
  c.components = decide_components(s, &c.reasons);
  return c;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// "Merge pull request #3022 from tridao/nvvm_fmin" says nothing; the PR title
// GitHub puts on the first line of the body does.
std::string_view merged_pr_title(std::string_view title, std::string_view body) {
  if (!title.starts_with("Merge pull request ") && !title.starts_with("Merge branch ")) return {};
  while (!body.empty()) {
    const std::size_t nl = body.find('\n');
    std::string_view line = trim(body.substr(0, nl));
    if (!line.empty()) return line;
    body = nl == std::string_view::npos ? std::string_view{} : body.substr(nl + 1);
  }
  return {};
}

}  // namespace

const std::vector<ChangeKind>& all_change_kinds() {
  static const std::vector<ChangeKind> order = [] {
    std::vector<ChangeKind> out;
    for (const taxonomy::KindEntry& k : taxonomy::kinds()) out.push_back(k.kind);
    return out;
  }();
  return order;
}

std::string_view kind_name(ChangeKind kind) { return taxonomy::kind_entry(kind).name; }

std::string_view facet_name(TagFacet facet) { return taxonomy::facet_entry(facet).name; }

std::optional<TagFacet> facet_from_name(std::string_view name) {
  for (TagFacet f : {TagFacet::kHardware, TagFacet::kTechnique, TagFacet::kModel})
    if (facet_name(f) == name) return f;
  return std::nullopt;
}

std::string_view issue_kind_name(IssueKind kind) {
  switch (kind) {
    case IssueKind::kBug:
      return "bug";
    case IssueKind::kFeatureRequest:
      return "feature request";
    case IssueKind::kQuestion:
      return "question";
    case IssueKind::kOther:
      return "other";
  }
  return "other";
}

const std::vector<Tag>& canonical_tags() { return installed_tags(); }

Classification classify_text(std::string_view title, std::string_view body,
                             const std::vector<FileChange>& files) {
  return classify_subject(make_rule_subject(trim(title), body, files, {}));
}

Classification classify(const Commit& commit) {
  const std::string first_line = commit.title();
  const std::size_t nl = commit.message.find('\n');
  const std::string_view body = nl == std::string::npos
                                    ? std::string_view{}
                                    : std::string_view(commit.message).substr(nl + 1);
  const std::string_view pr_title = merged_pr_title(first_line, body);
  Classification c = classify_subject(
      make_rule_subject(pr_title.empty() ? first_line : pr_title, body, commit.files, {}));
  if (!pr_title.empty())
    c.reasons.insert(c.reasons.begin(), "title: taken from the merge commit body");
  return c;
}

Classification classify(const PullRequest& pr) {
  const std::string_view body = pr.body ? std::string_view(*pr.body) : std::string_view{};
  return classify_subject(make_rule_subject(trim(pr.title), body, {}, pr.labels));
}

IssueClassification classify(const Issue& issue) {
  // Titles and labels only: issue bodies carry environment dumps ("ROCm: N/A",
  // "GPU: H100") and log excerpts that would tag and flag almost anything.
  const RuleSubject s = make_rule_subject(trim(issue.title), {}, {}, issue.labels);
  IssueClassification c;
  c.kind = decide_kind<IssueKind>(rule_book().issue_kinds, s, issue_kind_name, nullptr)
               .value_or(IssueKind::kOther);
  c.severe = any_fires(rule_book().severe, s, "severe", nullptr);
  c.tags = decide_tags(s, {}, nullptr);
  return c;
}

}  // namespace infradigest
