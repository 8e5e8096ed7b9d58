#include "compose/history_query.h"

#include <algorithm>

#include "compose/history_index_refresh.h"
#include "core/report_window.h"
#include "store/history_index.h"
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

// "?, ?, ?" for `values`, which are appended to `params`.
std::string history_placeholders(const std::vector<std::string>& values, std::vector<std::string>& params) {
  std::string out;
  for (const auto& v : values) {
    out += out.empty() ? "?" : ", ?";
    params.push_back(v);
  }
  return out;
}

// A match before the exact date filter, the order and the limit: only what
// they need, read from the indexes; the rest of a hit is read for the hits kept.
struct HistoryMatch {
  long long item = 0;
  Timestamp time;
  std::string repo, fact_id;
};

Result<std::vector<HistoryMatch>> find_history_matches(Database& db, const HistoryQuery& q, const DateRange& range) {
  const HistorySql query = history_query_sql(q);
  auto st = db.prepare(query.sql);
  if (!st) return st.error();
  for (size_t i = 0; i < query.params.size(); ++i) st->bind(static_cast<int>(i + 1), query.params[i]);
  std::vector<HistoryMatch> out;
  INFRADIGEST_TRY(st->for_each_row([&]() -> Status {
    auto time = parse_timestamp(st->text_or_empty(1));
    if (!time) return time.error().with_context("stored history_items.at");
    if (!range.contains(*time)) return {};
    out.push_back(HistoryMatch{st->integer(0).value_or(0), *time, st->text_or_empty(2), st->text_or_empty(3)});
    return {};
  }));
  return out;
}

std::vector<Tag> history_stored_tags(const std::vector<std::string>& names) {
  std::vector<Tag> out;
  for (const auto& name : names) {
    const auto& known = canonical_tags();
    auto it = std::find_if(known.begin(), known.end(), [&](const Tag& t) { return t.name == name; });
    out.push_back(it != known.end() ? *it : Tag{TagFacet::kTechnique, name});
  }
  return out;
}

HistoryHit hit_from_row(const HistoryIndexRow& r, const Timestamp& time) {
  HistoryHit h;
  h.type = r.type;
  h.id = r.fact_id;
  h.repo = r.repo;
  h.title = r.title;
  h.url = r.url;
  h.time = time;
  h.kind = r.kind;
  h.tags = history_stored_tags(r.tags);
  h.sha = r.sha;
  h.number = r.number;
  h.release_tag = r.release_tag;
  h.importance = r.importance;
  return h;
}

}  // namespace

HistorySql history_query_sql(const HistoryQuery& q) {
  HistorySql out;
  auto& params = out.params;
  std::string sql, from;
  std::vector<std::string> where;
  // A superset of the date range in canonical time text (UTC offsets span
  // -12h..+14h); find_history_matches applies the exact range.
  std::optional<std::string> since, until;
  if (q.since) since = format_date(*q.since - std::chrono::days{1});
  if (q.until) until = format_date(*q.until + std::chrono::days{2});
  auto time_bounds = [&](const std::string& column) {
    if (since) {
      where.push_back(column + " >= ?");
      params.push_back(*since);
    }
    if (until) {
      where.push_back(column + " < ?");
      params.push_back(*until);
    }
  };
  // The table the matches are read from decides the plan: the text matches, or
  // the items of the first tag (history_tags repeats the columns filtered on,
  // so `k` names them there), or the items themselves (by repository, kind,
  // type or time, whichever covering index SQLite finds best). CROSS JOIN keeps
  // that order.
  std::string k = "h";
  if (q.text) {
    // A commit also matches by the text of its PR.
    sql = "WITH text_hits(item) AS (" + text_match_items_sql(*q.text, params) + R"sql(),
  matched(item) AS (
    SELECT item FROM text_hits
    UNION
    SELECT c.item FROM text_hits t
      CROSS JOIN pull_requests p ON p.id = t.item / 4
      CROSS JOIN repositories r ON r.id = p.repo_id
      CROSS JOIN history_items c ON c.repo = r.full_name AND c.number = p.number AND c.type = 'commit'
    WHERE t.item % 4 = 1)
)sql";
    from = "matched m CROSS JOIN history_items h ON h.item = m.item";
    time_bounds("h.at");
  } else if (!q.tags.empty()) {
    k = "t";
    from = "history_tags t";
    where.push_back("t.tag = ?");
    params.push_back(q.tags.front());
    time_bounds("t.at");
  } else {
    from = "history_items h";
    time_bounds("h.at");
  }
  for (size_t i = q.text ? 0 : 1; i < q.tags.size(); ++i) {
    where.push_back("EXISTS (SELECT 1 FROM history_tags o WHERE o.item = " + k + ".item AND o.tag = ?)");
    params.push_back(q.tags[i]);
  }
  if (!q.repos.empty()) where.push_back(k + ".repo IN (" + history_placeholders(q.repos, params) + ")");
  if (!q.kinds.empty()) where.push_back(k + ".kind IN (" + history_placeholders(q.kinds, params) + ")");
  if (!q.types.empty()) where.push_back(k + ".type IN (" + history_placeholders(q.types, params) + ")");
  // A merged PR that a stored commit carries is that commit.
  where.push_back("NOT (" + k + ".type = 'pr' AND EXISTS (SELECT 1 FROM history_items c WHERE c.repo = " + k +
                  ".repo AND c.number = " + k + ".number AND c.type = 'commit'))");
  sql += "SELECT " + k + ".item, " + k + ".at, " + k + ".repo, " + k + ".fact_id FROM " + from + " WHERE ";
  for (size_t i = 0; i < where.size(); ++i) sql += (i ? " AND " : "") + where[i];
  out.sql = std::move(sql);
  return out;
}

Result<HistoryResult> run_history_query(Database& db, const HistoryQuery& q) {
  auto range = make_range(q);
  if (!range) return range.error();
  if (q.text) INFRADIGEST_TRY(check_text_query(db, *q.text));
  if (auto refreshed = refresh_history_index(db); !refreshed) return refreshed.error();
  auto matches = find_history_matches(db, q, *range);
  if (!matches) return matches.error();

  // Newest first; ties in a stable, readable order.
  std::sort(matches->begin(), matches->end(), [](const HistoryMatch& a, const HistoryMatch& b) {
    if (a.time.instant != b.time.instant) return a.time.instant > b.time.instant;
    if (a.repo != b.repo) return a.repo < b.repo;
    if (a.fact_id != b.fact_id) return a.fact_id < b.fact_id;
    return a.item < b.item;
  });
  HistoryResult result;
  result.total = static_cast<int>(matches->size());
  if (matches->size() > static_cast<size_t>(q.limit)) matches->resize(static_cast<size_t>(q.limit));
  HistoryIndex index(db);
  for (const auto& m : *matches) {
    auto row = index.row(m.item);
    if (!row) return row.error();
    if (!*row) continue;  // cannot happen within one connection: find_history_matches just read it
    HistoryHit h = hit_from_row(**row, m.time);
    auto day = h.time.date_only() ? Result<SysDays>(h.time.date()) : local_date(h.time.instant, q.timezone);
    if (!day) return day.error();
    h.day = *day;
    result.hits.push_back(std::move(h));
  }
  return result;
}

}  // namespace infradigest
