#include "compose/history_query.h"

#include <algorithm>
#include <map>
#include <set>

#include "compose/importance.h"
#include "compose/repo_sections.h"
#include "core/report_window.h"
#include "store/activity_store.h"
#include "store/text_search.h"

namespace infradigest {

namespace {

// [since 00:00, until+1 00:00) in the query's zone; date-only times compare
// by date, as in ReportWindow.
struct DateRange {
  std::optional<SysDays> first, last;
  std::optional<SysSeconds> start, end;

  bool contains(const Timestamp& t) const {
    if (t.date_only()) return (!first || *first <= t.date()) && (!last || t.date() <= *last);
    return (!start || *start <= t.instant) && (!end || t.instant < *end);
  }
};

Result<DateRange> make_range(const HistoryQuery& q) {
  DateRange r{q.since, q.until, std::nullopt, std::nullopt};
  if (q.since) {
    auto w = make_report_window(*q.since, q.timezone);
    if (!w) return w.error();
    r.start = w->start;
  }
  if (q.until) {
    auto w = make_report_window(*q.until, q.timezone);
    if (!w) return w.error();
    r.end = w->end;
  }
  return r;
}

// A superset of the range in canonical time text (UTC offsets span -12h..+14h).
ActivityQuery store_query(const HistoryQuery& q) {
  ActivityQuery out;
  if (q.since) out.since = format_date(*q.since - std::chrono::days{1});
  if (q.until) out.until = format_date(*q.until + std::chrono::days{2});
  return out;
}

bool has_all_tags(const std::vector<Tag>& tags, const std::vector<std::string>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& name) {
    return std::any_of(tags.begin(), tags.end(), [&](const Tag& t) { return t.name == name; });
  });
}

bool wanted(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

HistoryHit hit_from_item(const ReportItem& item, const std::string& type, const std::string& repo,
                         const Timestamp& time) {
  HistoryHit h;
  h.type = type;
  h.id = item.id;
  h.repo = repo;
  h.title = item.title;
  h.url = item.url;
  h.time = time;
  h.kind = std::string(kind_name(item.classification.kind));
  h.tags = item.classification.tags;
  h.sha = item.sha;
  h.number = item.pr;
  h.importance = importance(item);
  return h;
}

std::string issue_kind_word(IssueKind kind) {
  std::string name(issue_kind_name(kind));
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

// The stored items of the wanted repositories and types whose text matches,
// as hits; the filters that need classification or a zone come after. A
// merged PR that a stored commit carries is that commit (it matches the text
// of either). Cheap filters first: classifying is the costly step.
std::vector<HistoryHit> candidate_hits(const Activity& a, const HistoryQuery& q,
                                       const std::optional<TextMatches>& text) {
  auto skip = [&](const std::string& type, const std::string& repo) {
    return !wanted(q.types, type) || !wanted(q.repos, repo);
  };
  std::map<std::string, std::map<int, const PullRequest*>> prs;
  for (const auto& p : a.pull_requests) prs[p.repo][p.number] = &p;
  std::set<std::pair<std::string, int>> carried;
  std::vector<HistoryHit> out;
  for (const auto& c : a.commits) {
    const auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    if (pr) carried.emplace(c.repo, *pr);
    if (skip("commit", c.repo)) continue;
    const bool matches = !text || text->commits.count({c.repo, c.key()}) ||
                         (pr && text->pull_requests.count({c.repo, *pr}));
    if (matches) out.push_back(hit_from_item(item_from_commit(c, prs[c.repo]), "commit", c.repo, c.landing_time()));
  }
  for (const auto& p : a.pull_requests) {
    const auto time = p.merged_at ? p.merged_at : p.created_at;
    if (!time || carried.count({p.repo, p.number}) || skip("pr", p.repo)) continue;
    if (text && !text->pull_requests.count({p.repo, p.number})) continue;
    out.push_back(hit_from_item(item_from_pr(p), "pr", p.repo, *time));
  }
  for (const auto& i : a.issues) {
    if (skip("issue", i.repo)) continue;
    if (text && !text->issues.count({i.repo, i.number})) continue;
    const IssueClassification cls = classify(i);
    HistoryHit h;
    h.type = "issue";
    h.id = fact_id(i);
    h.repo = i.repo;
    h.title = i.title;
    h.url = issue_url(i.repo, i.number);
    h.time = i.created_at;
    h.kind = issue_kind_word(cls.kind);
    h.tags = cls.tags;
    h.number = i.number;
    out.push_back(std::move(h));
  }
  for (const auto& r : a.releases) {
    if (skip("release", r.repo)) continue;
    if (text && !text->releases.count({r.repo, r.tag})) continue;
    HistoryHit h;
    h.type = "release";
    h.id = fact_id(r);
    h.repo = r.repo;
    h.title = r.name && *r.name != r.tag ? r.tag + " " + *r.name : r.tag;
    h.url = release_url(r.repo, r.tag);
    h.time = r.published_at;
    h.kind = "release";
    h.release_tag = r.tag;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

Result<HistoryResult> run_history_query(Database& db, const HistoryQuery& q) {
  auto range = make_range(q);
  if (!range) return range.error();
  std::optional<TextMatches> text;
  if (q.text) {
    auto matches = search_text(db, *q.text);
    if (!matches) return matches.error();
    text = std::move(*matches);
  }
  auto stored = ActivityStore(db).load(store_query(q));
  if (!stored) return stored.error();

  HistoryResult result;
  for (auto& h : candidate_hits(*stored, q, text)) {
    if (!range->contains(h.time) || !wanted(q.kinds, h.kind) || !has_all_tags(h.tags, q.tags)) continue;
    auto day = h.time.date_only() ? Result<SysDays>(h.time.date()) : local_date(h.time.instant, q.timezone);
    if (!day) return day.error();
    h.day = *day;
    result.hits.push_back(std::move(h));
  }
  // Newest first; ties in a stable, readable order.
  std::stable_sort(result.hits.begin(), result.hits.end(), [](const HistoryHit& a, const HistoryHit& b) {
    if (a.time.instant != b.time.instant) return a.time.instant > b.time.instant;
    if (a.repo != b.repo) return a.repo < b.repo;
    return a.id < b.id;
  });
  result.total = static_cast<int>(result.hits.size());
  if (result.hits.size() > static_cast<size_t>(q.limit)) result.hits.resize(static_cast<size_t>(q.limit));
  return result;
}

}  // namespace infradigest
