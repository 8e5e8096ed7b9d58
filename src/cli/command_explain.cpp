// infradigest explain SHA: how the classifier read one stored commit — its
// kind, tags, components and every rule that fired (Classification::reasons);
// rules from the config's [[taxonomy.*]] entries name their file and line —
// the pull request it belongs to, with how that link was found, and the code
// facts of its stored patches and the rule that found each.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/classification.h"
#include "analysis/code_facts.h"
#include "cli/parse_args.h"
#include "model/pull_links.h"
#include "store/activity_store.h"

namespace infradigest {

namespace {

constexpr std::size_t kMinPrefix = 7;
constexpr int kMaxCandidates = 10;  // listed when a prefix is ambiguous

// "E3691988D" → "e3691988d"; an error unless 7-40 hex digits.
Result<std::string> normalize_sha_prefix(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (!std::isxdigit(static_cast<unsigned char>(ch)))
      return make_error("'" + text + "' is not a commit SHA: use 7 to 40 hex digits");
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (out.size() < kMinPrefix || out.size() > 40)
    return make_error("'" + text + "' is not a commit SHA: use 7 to 40 hex digits");
  return out;
}

std::string tag_list(const std::vector<Tag>& tags) {
  std::string out;
  for (const Tag& t : tags)
    out += (out.empty() ? "" : ", ") + t.name + " (" + std::string(facet_name(t.facet)) + ")";
  return out.empty() ? "-" : out;
}

// "kernels 3/4, tests 1/4"; from the title alone: "kernels (title)".
std::string component_list(const Classification& c, std::size_t files) {
  std::string out;
  for (const ComponentShare& share : c.components) {
    out += (out.empty() ? "" : ", ") + share.name;
    out += share.files > 0 ? " " + std::to_string(share.files) + "/" + std::to_string(files) : " (title)";
  }
  return out.empty() ? "-" : out;
}

void print_text(std::ostream& out, const Commit& commit, const Classification& c) {
  out << commit.repo << "@" << *commit.sha << "\n"
      << commit_url(commit.repo, *commit.sha) << "\n"
      << "title: " << commit.title() << "\n";
  if (commit.pr_number) {
    const PullLink how = commit.pr_link.value_or(PullLink::kGiven);
    out << "pull request: #" << *commit.pr_number << " " << pull_url(commit.repo, *commit.pr_number) << "\n"
        << "linked by: " << pull_link_name(how) << ": " << pull_link_description(how) << "\n";
  } else {
    out << "pull request: none found (no merge_commit_sha, (#N) title or merge title names one)\n";
  }
  out << "kind: " << kind_name(c.kind) << "\n"
      << "tags: " << tag_list(c.tags) << "\n"
      << "components: " << component_list(c, commit.files.size()) << "\n"
      << "breaking: " << (c.breaking ? "yes" : "no") << "\n"
      << "reasons:\n";
  for (const std::string& r : c.reasons) out << "  " << r << "\n";
  const auto facts = find_code_facts(commit);
  int truncated = 0, without = 0;
  for (const auto& f : commit.files) {
    truncated += f.patch_truncated ? 1 : 0;
    without += f.patch || f.patch_truncated ? 0 : 1;
  }
  out << "code facts:" << (facts.empty() ? " -" : "") << "\n";
  for (const auto& f : facts) {
    out << "  " << code_fact_kind_name(f.kind) << " " << f.name;
    if (!f.scope.empty() && f.scope != f.name) out << " in " << f.scope;
    out << " (" << f.file << ")";
    if (f.before || f.after) out << ": " << f.before.value_or("-") << " -> " << f.after.value_or("-");
    out << "  [rule " << f.rule << "]\n";
  }
  if (truncated) out << "  (" << truncated << " file patch(es) truncated by the stored bounds: facts read from part of the change)\n";
  if (without) out << "  (" << without << " file(s) without a stored patch)\n";
}

void print_json(std::ostream& out, const Commit& commit, const Classification& c) {
  nlohmann::ordered_json j;
  j["repo"] = commit.repo;
  j["sha"] = *commit.sha;
  j["url"] = commit_url(commit.repo, *commit.sha);
  j["title"] = commit.title();
  if (commit.pr_number) {
    const PullLink how = commit.pr_link.value_or(PullLink::kGiven);
    j["pull_request"] = {{"number", *commit.pr_number},
                         {"url", pull_url(commit.repo, *commit.pr_number)},
                         {"link", std::string(pull_link_name(how))},
                         {"how", std::string(pull_link_description(how))}};
  } else {
    j["pull_request"] = nullptr;
  }
  j["kind"] = std::string(kind_name(c.kind));
  j["tags"] = nlohmann::ordered_json::array();
  for (const Tag& t : c.tags)
    j["tags"].push_back({{"name", t.name}, {"facet", std::string(facet_name(t.facet))}});
  j["components"] = nlohmann::ordered_json::array();
  for (const ComponentShare& share : c.components)
    j["components"].push_back({{"name", share.name}, {"files", share.files}});
  j["breaking"] = c.breaking;
  j["reasons"] = c.reasons;
  j["code_facts"] = nlohmann::ordered_json::array();
  for (const auto& f : find_code_facts(commit)) {
    nlohmann::ordered_json fj{{"kind", code_fact_kind_name(f.kind)}, {"name", f.name}, {"file", f.file}};
    if (!f.scope.empty()) fj["scope"] = f.scope;
    if (f.before) fj["before"] = *f.before;
    if (f.after) fj["after"] = *f.after;
    fj["rule"] = f.rule;
    j["code_facts"].push_back(std::move(fj));
  }
  out << j.dump(2) << "\n";
}

}  // namespace

ExitStatus run_explain(CommandContext& c, std::vector<std::string> args) {
  std::string sha;
  std::string format = "text";
  CLI::App app{"Show how a stored commit was classified: its kind, tags and every rule that fired",
               "explain"};
  app.add_option("sha", sha, "Full or abbreviated commit SHA (at least 7 hex digits)")->required();
  app.add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  auto prefix = normalize_sha_prefix(sha);
  if (!prefix) return fail(c, prefix.error(), ExitStatus::kUsage);
  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto found = ActivityStore(*db).commits_by_sha_prefix(*prefix, kMaxCandidates + 1);
  if (!found) return fail(c, found.error());
  if (found->empty()) {
    // The store answered: the item the user named is not in it (3, not 1: nothing failed).
    return fail(c,
                make_error("commit " + *prefix + " not found: no stored commit has a SHA starting with " + *prefix +
                           " (import a snapshot or sync first)"),
                ExitStatus::kBadInput);
  }
  if (found->size() > 1) {
    std::string list;
    const std::size_t shown = std::min<std::size_t>(found->size(), kMaxCandidates);
    for (std::size_t i = 0; i < shown; ++i) {
      const Commit& k = (*found)[i];
      list += "\n  " + k.repo + "@" + k.sha->substr(0, 12) + "  " + k.title();
    }
    if (found->size() > kMaxCandidates) list += "\n  ...";
    return fail(c,
                make_error("SHA prefix " + *prefix + " is ambiguous; give more digits. Candidates:" +
                           list),
                ExitStatus::kUsage);
  }

  const Commit& commit = found->front();
  const Classification classification = classify(commit);
  if (format == "json") {
    print_json(c.out, commit, classification);
  } else {
    print_text(c.out, commit, classification);
  }
  return ExitStatus::kOk;
}

}  // namespace infradigest
