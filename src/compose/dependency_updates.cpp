// Cross-repo pins: which watched project moved another's version today, and
// whether it adopted a release (and the fixes in it) that came out in the same
// report. Built from the raw day (messages, files, PR bodies), kept in the
// Report as data; 影响评估 words it (cross_repo_signals.cpp).
#include <algorithm>
#include <cctype>
#include <map>

#include "compose/composer.h"
#include "compose/dependency_bumps.h"
#include "document/report_index.h"

namespace infradigest {

namespace {

// PR numbers of `upstream` that `text` names: "flashinfer-ai/flashinfer#2627",
// "github.com/flashinfer-ai/flashinfer/pull/2627". A bare "#2627" is the
// downstream's own numbering and names nothing upstream.
std::vector<int> upstream_pr_refs(std::string_view text, const std::string& upstream) {
  std::vector<int> out;
  for (const std::string& marker : {upstream + "#", upstream + "/pull/"}) {
    for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
      std::size_t i = at + marker.size(), e = i;
      while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e])) && e - i < 9) ++e;
      if (e > i) out.push_back(std::stoi(std::string(text.substr(i, e - i))));
    }
  }
  return out;
}

// "#2627" anywhere: release notes number their repo's own PRs this way.
std::vector<int> own_pr_refs(std::string_view text) {
  std::vector<int> out;
  for (std::size_t at = text.find('#'); at != std::string_view::npos; at = text.find('#', at + 1)) {
    std::size_t i = at + 1, e = i;
    while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e])) && e - i < 9) ++e;
    if (e > i && (e == text.size() || !std::isalnum(static_cast<unsigned char>(text[e]))))
      out.push_back(std::stoi(std::string(text.substr(i, e - i))));
  }
  return out;
}

const RepoSection* section_of(const Report& r, const std::string& repo) {
  for (const auto& s : r.repos)
    if (s.full_name == repo) return &s;
  return nullptr;
}

// Upstream fixes (and perf work) with one of `prs`: what the bump picks up.
void add_picked_up(const RepoSection& upstream, const std::vector<int>& prs, std::vector<std::string>& ids) {
  for (const auto& item : upstream.items) {
    if (!item.pr || std::find(prs.begin(), prs.end(), *item.pr) == prs.end()) continue;
    const auto kind = item.classification.kind;
    if (kind != ChangeKind::kFix && kind != ChangeKind::kPerf) continue;
    if (std::find(ids.begin(), ids.end(), item.id) == ids.end()) ids.push_back(item.id);
  }
}

struct Source {
  std::string repo;
  std::string id;
  std::string title;
  std::string text;  // message, plus the PR body when known
  std::vector<FileChange> files;
};

}  // namespace

std::vector<DependencyUpdate> find_dependency_updates(const Report& r, const Activity& day) {
  std::vector<std::string> watchlist;
  for (const auto& s : r.repos) watchlist.push_back(s.full_name);
  const WatchedProjects watched(watchlist);
  std::map<std::pair<std::string, int>, const PullRequest*> prs;
  for (const auto& p : day.pull_requests) prs[{p.repo, p.number}] = &p;
  auto pr_body = [&](const std::string& repo, std::optional<int> number) -> std::string {
    if (!number) return "";
    auto it = prs.find({repo, *number});
    return it != prs.end() && it->second->body ? *it->second->body : "";
  };

  // Every item of the report, with the text its title alone does not hold.
  const ReportItemIndex items(r);
  std::vector<Source> sources;
  for (const auto& c : day.commits) {
    // A PR's branch commits speak for the PR's item.
    const ReportItem* item = items.find(fact_id(c));
    if (!item && c.sha) item = items.find_commit(c.repo, *c.sha);
    if (!item) continue;
    auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    sources.push_back(Source{c.repo, item->id, c.title(), c.message + "\n" + pr_body(c.repo, pr), c.files});
  }
  for (const auto& p : day.pull_requests)
    if (items.find(fact_id(p)))
      sources.push_back(Source{p.repo, fact_id(p), p.title, p.title + "\n" + p.body.value_or(""), {}});

  std::vector<DependencyUpdate> out;
  for (const auto& src : sources) {
    for (auto& bump : detect_pin_bumps(src.title, src.text, src.files, src.repo, watched)) {
      DependencyUpdate u{src.repo, src.id, bump.upstream, bump.version, std::nullopt, {}};
      const RepoSection* upstream = section_of(r, bump.upstream);
      if (upstream) {
        add_picked_up(*upstream, upstream_pr_refs(src.text, bump.upstream), u.picked_up_ids);
        if (bump.version) {
          for (const auto& rel : upstream->releases)
            if (same_version(rel.tag, *bump.version)) {
              u.release_id = rel.id;
              if (rel.notes) add_picked_up(*upstream, own_pr_refs(*rel.notes), u.picked_up_ids);
            }
          // No release object, but the upstream's own version commit of the day
          // ("v4.4.1 update", "Bump version to 0.6.4") names the version.
          if (!u.release_id)
            for (const auto& item : upstream->items)
              if (item.classification.kind == ChangeKind::kRelease && names_version(item.title, *bump.version)) {
                u.release_id = item.id;
                break;
              }
        }
      }
      out.push_back(std::move(u));
    }
  }
  return out;
}

}  // namespace infradigest
