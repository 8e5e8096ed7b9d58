// The history index behind `query` (store/history_index.h): the same answers
// as classifying every stored item at query time (the way `query` worked
// before the index, kept here as the reference), index lookups only (checked
// with EXPLAIN QUERY PLAN), and stored classifications that follow the items,
// their PRs and the installed taxonomy.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "analysis/taxonomy_extension.h"
#include "compose/history_index_refresh.h"
#include "compose/history_query.h"
#include "compose/importance.h"
#include "compose/repo_sections.h"
#include "core/report_window.h"
#include "history_fixture.h"
#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"
#include "store/text_search.h"

namespace infradigest {
namespace {

using testing::TempDir;

// A query with the fields `set` gives (designated initializers would trip
// -Wmissing-field-initializers).
HistoryQuery history_index_query(const std::function<void(HistoryQuery&)>& set) {
  HistoryQuery q;
  set(q);
  return q;
}

// --- The reference: `query` as it was, classifying what ActivityStore::load returns. ---

bool reference_wanted(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

HistoryHit reference_hit(const ReportItem& item, const std::string& type, const std::string& repo,
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

// Every stored item that passes the filters, without the text filter (the
// caller intersects with the text matches by id).
std::vector<HistoryHit> reference_hits(const Activity& a, const HistoryQuery& q) {
  std::map<std::string, std::map<int, const PullRequest*>> prs;
  for (const auto& p : a.pull_requests) prs[p.repo][p.number] = &p;
  std::set<std::pair<std::string, int>> carried;
  std::vector<HistoryHit> out;
  for (const auto& c : a.commits) {
    const auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    if (pr) carried.emplace(c.repo, *pr);
    out.push_back(reference_hit(item_from_commit(c, prs[c.repo]), "commit", c.repo, c.landing_time()));
  }
  for (const auto& p : a.pull_requests) {
    const auto time = p.merged_at ? p.merged_at : p.created_at;
    if (!time || carried.count({p.repo, p.number})) continue;
    out.push_back(reference_hit(item_from_pr(p), "pr", p.repo, *time));
  }
  for (const auto& i : a.issues) {
    const IssueClassification cls = classify(i);
    HistoryHit h;
    h.type = "issue";
    h.id = fact_id(i);
    h.repo = i.repo;
    h.title = i.title;
    h.url = issue_url(i.repo, i.number);
    h.time = i.created_at;
    h.kind = std::string(issue_kind_name(cls.kind));
    std::replace(h.kind.begin(), h.kind.end(), ' ', '_');
    h.tags = cls.tags;
    h.number = i.number;
    out.push_back(std::move(h));
  }
  for (const auto& r : a.releases) {
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
  std::vector<HistoryHit> kept;
  for (auto& h : out) {
    if (!reference_wanted(q.types, h.type) || !reference_wanted(q.repos, h.repo) || !reference_wanted(q.kinds, h.kind))
      continue;
    const bool tagged = std::all_of(q.tags.begin(), q.tags.end(), [&](const std::string& name) {
      return std::any_of(h.tags.begin(), h.tags.end(), [&](const Tag& t) { return t.name == name; });
    });
    if (tagged) kept.push_back(std::move(h));
  }
  return kept;
}

// The fact ids whose own text, or whose PR's text (for a commit), matches an
// FTS5 query: the FTS5 index asked as `query` asked it before the history index.
std::set<std::string> reference_text_ids(Database& db, const Activity& a, const std::string& fts_query) {
  auto st = db.prepare(R"sql(
    WITH hits(rowid) AS (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1)
    SELECT 0, r.full_name, c.item_key, NULL FROM hits
      JOIN commits c ON c.id = hits.rowid / 4 JOIN repositories r ON r.id = c.repo_id WHERE hits.rowid % 4 = 0
    UNION ALL
    SELECT 1, r.full_name, NULL, p.number FROM hits
      JOIN pull_requests p ON p.id = hits.rowid / 4 JOIN repositories r ON r.id = p.repo_id WHERE hits.rowid % 4 = 1
    UNION ALL
    SELECT 2, r.full_name, NULL, i.number FROM hits
      JOIN issues i ON i.id = hits.rowid / 4 JOIN repositories r ON r.id = i.repo_id WHERE hits.rowid % 4 = 2
    UNION ALL
    SELECT 3, r.full_name, x.tag, NULL FROM hits
      JOIN releases x ON x.id = hits.rowid / 4 JOIN repositories r ON r.id = x.repo_id WHERE hits.rowid % 4 = 3
  )sql").value();
  st.bind(1, fts_query);
  std::set<std::pair<std::string, std::string>> commits, releases;
  std::set<std::pair<std::string, int>> pulls, issues;
  EXPECT_TRUE(st.for_each_row([&]() -> Status {
    const long long table = st.integer(0).value_or(-1);
    const std::string repo = st.text_or_empty(1);
    if (table == 0) commits.emplace(repo, st.text_or_empty(2));
    if (table == 1) pulls.emplace(repo, static_cast<int>(st.integer(3).value_or(0)));
    if (table == 2) issues.emplace(repo, static_cast<int>(st.integer(3).value_or(0)));
    if (table == 3) releases.emplace(repo, st.text_or_empty(2));
    return {};
  }).ok());
  std::set<std::string> out;
  for (const auto& c : a.commits) {
    const auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    if (commits.count({c.repo, c.key()}) || (pr && pulls.count({c.repo, *pr}))) out.insert(fact_id(c));
  }
  for (const auto& p : a.pull_requests)
    if (pulls.count({p.repo, p.number})) out.insert(fact_id(p));
  for (const auto& i : a.issues)
    if (issues.count({i.repo, i.number})) out.insert(fact_id(i));
  for (const auto& r : a.releases)
    if (releases.count({r.repo, r.tag})) out.insert(fact_id(r));
  return out;
}

// The reference answer to `q` (without --since/--until: those are compared
// through the dates of the hits), newest first as `query` orders them.
std::vector<HistoryHit> reference_query(Database& db, const Activity& all, const HistoryQuery& q) {
  auto hits = reference_hits(all, q);
  if (q.text) {
    const auto ids = reference_text_ids(db, all, *q.text);
    std::erase_if(hits, [&](const HistoryHit& h) { return !ids.count(h.id); });
  }
  for (auto& h : hits)
    h.day = h.time.date_only() ? h.time.date() : local_date(h.time.instant, q.timezone).value();
  std::stable_sort(hits.begin(), hits.end(), [](const HistoryHit& a, const HistoryHit& b) {
    if (a.time.instant != b.time.instant) return a.time.instant > b.time.instant;
    if (a.repo != b.repo) return a.repo < b.repo;
    return a.id < b.id;
  });
  return hits;
}

void expect_same_hits(const std::vector<HistoryHit>& want, const HistoryResult& got, const std::string& what) {
  ASSERT_EQ(got.total, static_cast<int>(want.size())) << what;
  ASSERT_EQ(got.hits.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    const HistoryHit &w = want[i], &g = got.hits[i];
    EXPECT_EQ(g.id, w.id) << what << " #" << i;
    EXPECT_EQ(g.type, w.type) << w.id;
    EXPECT_EQ(g.repo, w.repo) << w.id;
    EXPECT_EQ(g.title, w.title) << w.id;
    EXPECT_EQ(g.url, w.url) << w.id;
    EXPECT_EQ(g.time, w.time) << w.id;
    EXPECT_EQ(g.day, w.day) << w.id;
    EXPECT_EQ(g.kind, w.kind) << w.id;
    EXPECT_EQ(g.tags, w.tags) << w.id;
    EXPECT_EQ(g.sha, w.sha) << w.id;
    EXPECT_EQ(g.number, w.number) << w.id;
    EXPECT_EQ(g.release_tag, w.release_tag) << w.id;
    EXPECT_DOUBLE_EQ(g.importance, w.importance) << w.id;
  }
}

// A store with the bundled 2026-02-26 day (real titles, PRs with labels and
// bodies, files) and the weeks of tests/history_fixture.h.
struct HistoryIndexStore {
  TempDir dir;
  Database db = Database::open(dir.file("s.db")).value();
  HistoryIndexStore() {
    testing::write_file(dir.file("weeks.jsonl"), testing::history_snapshot());
    for (const std::string& path : {testing::source_path("examples/2026-02-26"), dir.file("weeks.jsonl")}) {
      auto activity = read_snapshot(path);
      EXPECT_TRUE(activity.ok()) << path;
      EXPECT_TRUE(ActivityStore(db).save(*activity).ok()) << path;
    }
  }
  Activity all() { return ActivityStore(db).load().value(); }
  HistoryResult query(HistoryQuery q) {
    q.limit = 100000;
    auto r = run_history_query(db, q);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : HistoryResult{};
  }
};

TEST(HistoryIndex, AnswersAsClassifyingEveryItemAtQueryTime) {
  HistoryIndexStore s;
  const Activity all = s.all();
  ASSERT_GT(all.commits.size(), 50u);
  std::vector<HistoryQuery> queries(1);
  std::set<std::string> tags;
  for (const auto& h : reference_query(s.db, all, {}))
    for (const auto& t : h.tags) tags.insert(t.name);
  ASSERT_GE(tags.size(), 5u);
  for (const auto& t : tags) queries.push_back(history_index_query([&](HistoryQuery& q) { q.tags = {t}; }));
  for (const auto& k : history_kind_names()) queries.push_back(history_index_query([&](HistoryQuery& q) { q.kinds = {k}; }));
  for (const auto& t : history_type_names()) queries.push_back(history_index_query([&](HistoryQuery& q) { q.types = {t}; }));
  for (const auto& r : all.repositories) queries.push_back(history_index_query([&](HistoryQuery& q) { q.repos = {r.full_name}; }));
  for (const std::string w : {"moe", "fix", "kernel*", "deepseek", "blackwell", "\"transfer engine\"", "MLA OR NaN"})
    queries.push_back(history_index_query([&](HistoryQuery& q) { q.text = w; }));
  queries.push_back(history_index_query([&](HistoryQuery& q) { q.tags = {"MoE", "Blackwell"}; }));
  queries.push_back(history_index_query([&](HistoryQuery& q) { q.kinds = {"fix", "perf"}; q.types = {"commit"}; }));
  queries.push_back(history_index_query([&](HistoryQuery& q) { q.repos = {"vllm-project/vllm"}; q.tags = {"MoE"}; q.kinds = {"perf", "fix"}; }));
  queries.push_back(history_index_query([&](HistoryQuery& q) { q.tags = {"DeepSeek"}; q.text = std::string("fix"); }));
  int nonempty = 0;
  for (const auto& q : queries) {
    const std::string what = ::testing::PrintToString(q.tags) + ::testing::PrintToString(q.kinds) +
                             ::testing::PrintToString(q.types) + ::testing::PrintToString(q.repos) + q.text.value_or("");
    const auto want = reference_query(s.db, all, q);
    nonempty += !want.empty();
    expect_same_hits(want, s.query(q), what);
  }
  EXPECT_GE(nonempty, static_cast<int>(queries.size()) * 3 / 4);  // the filters select something
}

// Local days in a zone 8 hours ahead of UTC: the bounds of the index's time
// range are a superset, cut exactly like the reference's dates.
TEST(HistoryIndex, DateRangesCutByLocalDaysAsBefore) {
  HistoryIndexStore s;
  const Activity all = s.all();
  HistoryQuery everything;
  everything.timezone = "Asia/Shanghai";
  const auto every = reference_query(s.db, all, everything);
  for (const auto& [since, until] : std::vector<std::pair<std::string, std::string>>{
           {"2026-02-23", "2026-03-01"}, {"2026-02-26", "2026-02-26"}, {"2026-02-25", ""}, {"", "2026-02-22"}}) {
    HistoryQuery q = everything;
    if (!since.empty()) q.since = parse_date(since).value();
    if (!until.empty()) q.until = parse_date(until).value();
    std::vector<HistoryHit> want;
    for (const auto& h : every)
      if ((!q.since || *q.since <= h.day) && (!q.until || h.day <= *q.until)) want.push_back(h);
    ASSERT_FALSE(want.empty()) << since << ".." << until;
    expect_same_hits(want, s.query(q), since + ".." + until);
  }
}

// The plan of every filter's SQL reads indexes only: no SCAN of a stored
// table (the only scans are of the FTS5 matches and the CTEs built from them).
TEST(HistoryIndex, EveryFilterIsAnIndexLookup) {
  HistoryIndexStore s;
  ASSERT_TRUE(refresh_history_index(s.db).ok());
  std::vector<std::pair<std::string, HistoryQuery>> queries = {
      {"--tag", history_index_query([&](HistoryQuery& q) { q.tags = {"MoE"}; })},
      {"--tag --tag", history_index_query([&](HistoryQuery& q) { q.tags = {"MoE", "Blackwell"}; })},
      {"--kind", history_index_query([&](HistoryQuery& q) { q.kinds = {"fix", "perf"}; })},
      {"--repo", history_index_query([&](HistoryQuery& q) { q.repos = {"vllm-project/vllm"}; })},
      {"--type", history_index_query([&](HistoryQuery& q) { q.types = {"release"}; })},
      {"--since", history_index_query([&](HistoryQuery& q) { q.since = parse_date("2026-02-20").value(); })},
      {"--until", history_index_query([&](HistoryQuery& q) { q.until = parse_date("2026-02-20").value(); })},
      {"--text", history_index_query([&](HistoryQuery& q) { q.text = std::string("moe"); })},
      {"--text --tag --repo",
       history_index_query([&](HistoryQuery& q) { q.repos = {"vllm-project/vllm"}; q.tags = {"MoE"}; q.text = std::string("\"fused moe\""); })},
      {"--repo --kind --since",
       history_index_query([&](HistoryQuery& q) { q.repos = {"sgl-project/sglang"}; q.kinds = {"fix"}; q.since = parse_date("2026-02-20").value(); })},
  };
  for (const auto& [name, q] : queries) {
    const HistorySql sql = history_query_sql(q);
    auto plan = s.db.prepare("EXPLAIN QUERY PLAN " + sql.sql).value();
    for (size_t i = 0; i < sql.params.size(); ++i) plan.bind(static_cast<int>(i + 1), sql.params[i]);
    std::vector<std::string> lines;
    ASSERT_TRUE(plan.for_each_row([&]() -> Status {
      lines.push_back(plan.text_or_empty(3));
      return {};
    }).ok());
    ASSERT_FALSE(lines.empty()) << name;
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    bool uses_index = false;
    for (const auto& l : lines) {
      if (l.starts_with("SCAN ")) {
        const bool fts = l.find("VIRTUAL TABLE INDEX") != std::string::npos;
        const bool matches = l == "SCAN t" && q.text.has_value();  // the text matches (CTE)
        EXPECT_TRUE(fts || matches || l.starts_with("SCAN text_hits") || l.starts_with("SCAN m"))
            << name << ": " << l << "\n" << all;
      }
      uses_index = uses_index || l.find("USING INDEX history_") != std::string::npos ||
                   l.find("USING COVERING INDEX history_") != std::string::npos ||
                   l.find("USING PRIMARY KEY") != std::string::npos ||
                   l.find("USING INTEGER PRIMARY KEY") != std::string::npos;
      for (const std::string table : {"commits", "pull_requests", "issues", "releases"})
        EXPECT_TRUE(l.find("SCAN " + table) == std::string::npos) << name << ": " << all;
    }
    EXPECT_TRUE(uses_index) << name << ":\n" << all;
  }
}

// A taxonomy change (the config's [taxonomy]) changes what the classifier
// says, so the stored classifications are redone; restoring it redoes them again.
TEST(HistoryIndex, AChangedTaxonomyReclassifiesTheStoredHistory) {
  HistoryIndexStore s;
  ASSERT_GT(refresh_history_index(s.db).value(), 0);
  EXPECT_EQ(refresh_history_index(s.db).value(), 0);  // nothing queued: nothing done
  // A new tag, for a word only the fixture's b4 commit has in its title.
  const HistoryQuery by_new_tag = history_index_query([](HistoryQuery& q) { q.tags = {"SchedulerWork"}; });
  TaxonomyExtension e;
  e.tags.push_back(
      TagDefinition{Tag{TagFacet::kTechnique, "SchedulerWork"}, "调度", "Scheduler work", {"refactor scheduler"}, "c.toml:1"});
  install_taxonomy_extension(std::move(e));
  const auto with_new_tag = s.query(by_new_tag);
  const std::string fingerprinted = history_classifier_version();
  install_taxonomy_extension({});
  ASSERT_EQ(with_new_tag.total, 1);
  EXPECT_EQ(with_new_tag.hits[0].id, "commit:sgl-project/sglang@" + testing::fixture_sha("b4"));
  EXPECT_NE(fingerprinted, history_classifier_version());
  // Back to the built-in taxonomy: no item carries the tag any more.
  EXPECT_EQ(s.query(by_new_tag).total, 0);
  auto stored = s.db.prepare("SELECT count(*) FROM history_tags WHERE tag = 'SchedulerWork'").value();
  ASSERT_TRUE(stored.step().value());
  EXPECT_EQ(stored.integer(0), 0);
}

// A commit is classified with its PR's labels: a PR stored (or relabelled)
// later reclassifies the commits that carry it; a PR that a commit carries
// stops being an item of its own.
TEST(HistoryIndex, AStoredPullRequestReclassifiesItsCommits) {
  TempDir dir;
  Database db = Database::open(dir.file("s.db")).value();
  Activity a;
  a.repositories.push_back(Repository{"vllm-project/vllm", std::nullopt});
  Commit c;
  c.repo = "vllm-project/vllm";
  c.sha = testing::fixture_sha("d1");
  c.committed_at = parse_timestamp("2026-02-26T01:00:00Z").value();
  c.message = "Tidy up the loader (#300)";
  a.commits.push_back(c);
  ASSERT_TRUE(ActivityStore(db).save(a).ok());
  const HistoryQuery by_tag = history_index_query([](HistoryQuery& q) { q.tags = {"DeepSeek"}; });
  EXPECT_EQ(run_history_query(db, by_tag).value().total, 0);

  Activity later;
  PullRequest p;
  p.repo = c.repo;
  p.number = 300;
  p.title = "Tidy up the loader";
  p.state = "merged";
  p.created_at = parse_timestamp("2026-02-25T01:00:00Z").value();
  p.merged_at = parse_timestamp("2026-02-26T01:00:00Z").value();
  p.labels = {"deepseek"};
  later.pull_requests.push_back(p);
  ASSERT_TRUE(ActivityStore(db).save(later).ok());
  const auto tagged = run_history_query(db, by_tag).value();
  ASSERT_EQ(tagged.total, 1);
  EXPECT_EQ(tagged.hits[0].id, fact_id(c));
  // The PR is the commit: not listed apart.
  EXPECT_EQ(run_history_query(db, history_index_query([&](HistoryQuery& q) { q.types = {"pr"}; })).value().total, 0);

  later.pull_requests[0].labels = {"documentation"};
  ASSERT_TRUE(ActivityStore(db).save(later).ok());
  EXPECT_EQ(run_history_query(db, by_tag).value().total, 0);
}

// Items that leave the store leave the index; a PR without any time is never listed.
TEST(HistoryIndex, RemovedItemsLeaveTheIndex) {
  HistoryIndexStore s;
  const HistoryQuery releases = history_index_query([](HistoryQuery& q) { q.types = {"release"}; });
  const int before = s.query(releases).total;
  ASSERT_GT(before, 0);
  ASSERT_TRUE(s.db.exec("DELETE FROM releases WHERE tag = 'v4.5.0'").ok());
  EXPECT_EQ(s.query(releases).total, before - 1);
  auto left = s.db.prepare("SELECT count(*) FROM history_items WHERE release_tag = 'v4.5.0'").value();
  ASSERT_TRUE(left.step().value());
  EXPECT_EQ(left.integer(0), 0);
}

}  // namespace
}  // namespace infradigest
