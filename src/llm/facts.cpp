#include "llm/facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "core/ascii_text.h"
#include "core/utf8_text.h"
#include "llm/text_scan.h"

namespace infradigest {

using OJson = nlohmann::ordered_json;

namespace {

constexpr size_t kMaxBody = 400;       // bytes of a commit message / issue body / release notes
constexpr size_t kMaxFileNames = 12;
constexpr size_t kPatchExcerptItems = 8;    // the day's most important items carry a patch excerpt
constexpr size_t kMaxPatchExcerpt = 1500;  // bytes of it

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

// Evidence from the fact's JSON: strings, numbers, SHAs, refs, URLs.
void gather(const OJson& v, const std::string& field, Fact& f) {
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) gather(child, k, f);
  } else if (v.is_array()) {
    for (const auto& child : v) gather(child, field, f);
  } else if (v.is_string()) {
    if (field == "id") return;  // the prompt's own name for the fact ("F5") is no evidence
    const std::string s = v.get<std::string>();
    f.text += ascii_lower(s) + "\n";
    if (field == "sha") f.shas.push_back(ascii_lower(s));
    else if (field == "url") f.urls.insert(s);
    else collect_numbers(s, f.numbers);
  } else if (v.is_number_integer()) {
    const std::string n = std::to_string(v.get<long long>());
    f.text += n + "\n";
    f.numbers.insert(n);
    if (field == "pr" || field == "number") f.refs.insert(n);
  }
}

// The words a claim may rest on: the named fields of `data`, lower-cased.
std::string claim_words(const OJson& data) {
  std::string out;
  for (const char* field : {"title", "name", "tag", "message", "description", "body", "notes", "tags"}) {
    if (!data.contains(field)) continue;
    const OJson& v = data.at(field);
    if (v.is_string()) out += ascii_lower(v.get<std::string>()) + "\n";
    else if (v.is_array())
      for (const auto& e : v)
        if (e.is_string()) out += ascii_lower(e.get<std::string>()) + "\n";
  }
  return out;
}

// The changed lines of a commit's patches ("+"/"-", file by file, hunk
// headers kept), cut at a line to at most `max_bytes`: what the model may
// quote besides the code facts.
std::string patch_excerpt(const Commit& commit, size_t max_bytes) {
  std::string out;
  for (const auto& file : commit.files) {
    if (!file.patch) continue;
    std::string part = "--- " + file.filename + "\n";
    size_t pos = 0;
    const std::string& p = *file.patch;
    while (pos < p.size()) {
      size_t end = p.find('\n', pos);
      if (end == std::string::npos) end = p.size();
      std::string_view line(p.data() + pos, end - pos);
      pos = end + 1;
      if (line.starts_with("+") || line.starts_with("-") || line.starts_with("@@")) {
        if (out.size() + part.size() + line.size() + 1 > max_bytes) {
          if (part.find('\n') + 1 < part.size()) out += part;
          return out;
        }
        part.append(line).push_back('\n');
      }
    }
    if (part.find('\n') + 1 < part.size()) out += part;
  }
  return out;
}

OJson tag_names(const std::vector<Tag>& tags) {
  OJson out = OJson::array();
  for (const auto& t : tags) out.push_back(t.name);
  return out;
}

}  // namespace

std::string fenced_json(const OJson& value) {
  std::string s = value.dump(-1, ' ', false, OJson::error_handler_t::replace);
  std::string out;
  for (char c : s) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else out += c;
  }
  return out;
}

void FactTable::add(Fact f) {
  f.key = fmt::format("F{}", facts_.size() + 1);
  OJson data{{"id", f.key}};
  for (const auto& [k, v] : f.data.items()) data[k] = v;
  f.data = std::move(data);
  gather(f.data, "", f);
  f.claim_text = claim_words(f.data);
  by_key_[f.key] = facts_.size();
  facts_.push_back(std::move(f));
}

const Fact* FactTable::find(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &facts_[it->second];
}

std::vector<const Fact*> FactTable::repo_items(const std::string& repo) const {
  std::vector<const Fact*> out;
  for (const auto& f : facts_)
    if (f.repo == repo && f.kind != FactKind::kRepo && f.kind != FactKind::kDay) out.push_back(&f);
  return out;
}

const Fact* FactTable::repo_counts(const std::string& repo) const {
  for (const auto& f : facts_)
    if (f.repo == repo && f.kind == FactKind::kRepo) return &f;
  return nullptr;
}

FactTable FactTable::build(const Report& report, const Activity& day) {
  std::map<std::string, const Commit*> commits;
  std::map<std::string, const PullRequest*> prs;
  std::map<std::string, const Issue*> issues;
  for (const auto& c : day.commits) commits[fact_id(c)] = &c;
  for (const auto& p : day.pull_requests) prs[fact_id(p)] = &p;
  for (const auto& i : day.issues) issues[fact_id(i)] = &i;

  // The most important items also get an excerpt of their patch.
  std::vector<double> importances;
  for (const auto& s : report.repos)
    for (const auto& i : s.items) importances.push_back(i.importance);
  std::sort(importances.begin(), importances.end(), std::greater<>());
  const double excerpt_floor =
      importances.empty() ? 0 : importances[std::min(importances.size(), kPatchExcerptItems) - 1];

  FactTable t;
  int active = 0, n_commits = 0, n_issues = 0, n_releases = 0;
  for (const auto& s : report.repos) {
    active += s.empty() ? 0 : 1;
    n_commits += static_cast<int>(s.items.size());
    n_issues += static_cast<int>(s.issues.size());
    n_releases += static_cast<int>(s.releases.size());
  }
  Fact d;
  d.kind = FactKind::kDay;
  d.data = OJson{{"type", "day"},
                 {"date", format_date(report.window.date)},
                 {"watched_repos", static_cast<int>(report.repos.size())},
                 {"active_repos", active},
                 {"commits", n_commits},
                 {"new_issues", n_issues},
                 {"releases", n_releases}};
  if (n_releases > 0) d.kind_names = {"release"};
  t.add(std::move(d));

  for (const auto& s : report.repos) {
    if (s.empty()) continue;
    Fact r;
    r.kind = FactKind::kRepo;
    r.repo = s.full_name;
    OJson by_kind = OJson::object();
    for (auto kind : all_change_kinds()) {
      int n = 0;
      for (const auto& i : s.items) n += i.classification.kind == kind ? 1 : 0;
      if (n) {
        by_kind[std::string(kind_name(kind))] = n;
        r.kind_names.emplace_back(kind_name(kind));
      }
    }
    if (!s.releases.empty()) r.kind_names.emplace_back("release");
    r.data = OJson{{"type", "repo_counts"},
                   {"repo", s.full_name},
                   {"commits", static_cast<int>(s.items.size())},
                   {"new_issues", static_cast<int>(s.issues.size())},
                   {"releases", static_cast<int>(s.releases.size())},
                   {"commits_by_kind", by_kind}};
    t.add(std::move(r));

    for (const auto& rel : s.releases) {
      Fact f;
      f.kind = FactKind::kRelease;
      f.report_id = rel.id;
      f.kind_names = {"release"};
      f.repo = s.full_name;
      f.url = rel.url;
      f.ref_label = rel.tag;
      f.notable = true;
      f.importance = 100;
      f.data = OJson{{"type", "release"}, {"repo", s.full_name}, {"tag", rel.tag}};
      if (rel.name && *rel.name != rel.tag) f.data["name"] = *rel.name;
      if (rel.prerelease.value_or(false)) f.data["prerelease"] = true;
      if (rel.pr) f.data["pr"] = *rel.pr;
      if (rel.notes) f.data["notes"] = clip_utf8(*rel.notes, kMaxBody * 2);
      f.data["url"] = rel.url;
      t.add(std::move(f));
    }
    for (const auto& item : s.items) {
      Fact f;
      f.kind = FactKind::kItem;
      f.report_id = item.id;
      f.kind_names = {std::string(kind_name(item.classification.kind))};
      f.breaking = item.classification.breaking;
      f.repo = s.full_name;
      f.url = item.url;
      f.title = item.display_title;
      f.translatable = report.language == Language::kZh && !has_cjk(item.display_title);
      f.importance = item.importance;
      f.notable = item.classification.kind == ChangeKind::kRevert || item.classification.breaking;
      f.ref_label = item.sha ? item.sha->substr(0, 7) : item.pr ? fmt::format("#{}", *item.pr) : "";
      f.data = OJson{{"type", item.id.starts_with("pr:") ? "pull_request" : "commit"},
                     {"repo", s.full_name},
                     {"title", item.display_title}};
      if (item.sha) f.data["sha"] = *item.sha;
      if (item.pr) f.data["pr"] = *item.pr;
      if (item.author) f.data["author"] = *item.author;
      f.data["kind"] = std::string(kind_name(item.classification.kind));
      if (!item.classification.tags.empty()) f.data["tags"] = tag_names(item.classification.tags);
      if (item.classification.breaking) f.data["breaking"] = true;
      if (auto c = commits.find(item.id); c != commits.end()) {
        const Commit& commit = *c->second;
        std::string body = trim(commit.message.substr(std::min(commit.message.size(), commit.message.find('\n'))));
        if (!body.empty()) f.data["message"] = clip_utf8(body, kMaxBody);
        OJson files = OJson::array();
        for (size_t k = 0; k < commit.files.size() && k < kMaxFileNames; ++k) files.push_back(commit.files[k].filename);
        if (!files.empty()) f.data["files"] = files;
        if (item.importance >= excerpt_floor)
          if (auto excerpt = patch_excerpt(commit, kMaxPatchExcerpt); !excerpt.empty()) f.data["patch_excerpt"] = excerpt;
      } else if (auto p = prs.find(item.id); p != prs.end() && p->second->body) {
        f.data["description"] = clip_utf8(*p->second->body, kMaxBody);
      }
      if (!item.code_facts.empty()) {
        OJson facts = OJson::array();
        for (const auto& cf : item.code_facts) {
          OJson j{{"kind", code_fact_kind_name(cf.kind)}, {"name", cf.name}, {"file", cf.file}};
          if (!cf.scope.empty()) j["scope"] = cf.scope;
          if (cf.before) j["before"] = *cf.before;
          if (cf.after) j["after"] = *cf.after;
          facts.push_back(std::move(j));
        }
        f.data["code_facts"] = std::move(facts);
      }
      if (item.files > 0) f.data["files_changed"] = item.files;
      if (item.additions) f.data["additions"] = *item.additions;
      if (item.deletions) f.data["deletions"] = *item.deletions;
      if (!item.url.empty()) f.data["url"] = item.url;
      t.add(std::move(f));
    }
    for (const auto& issue : s.issues) {
      Fact f;
      f.kind = FactKind::kIssue;
      f.report_id = issue.id;
      f.kind_names = {std::string(issue_kind_name(issue.classification.kind))};
      f.severe = issue.classification.severe;
      f.repo = s.full_name;
      f.url = issue.url;
      f.ref_label = fmt::format("#{}", issue.number);
      f.notable = issue.classification.kind == IssueKind::kBug;
      f.importance = issue.classification.severe ? 90 : f.notable ? 50 : 10;
      f.data = OJson{{"type", "issue"}, {"repo", s.full_name}, {"number", issue.number}, {"title", issue.title}};
      if (issue.author) f.data["author"] = *issue.author;
      f.data["kind"] = std::string(issue_kind_name(issue.classification.kind));
      if (issue.classification.severe) f.data["severe"] = true;
      if (!issue.classification.tags.empty()) f.data["tags"] = tag_names(issue.classification.tags);
      if (auto i = issues.find(issue.id); i != issues.end() && i->second->body)
        f.data["body"] = clip_utf8(*i->second->body, kMaxBody);
      f.data["url"] = issue.url;
      t.add(std::move(f));
    }
  }
  return t;
}

}  // namespace infradigest
