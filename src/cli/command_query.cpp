// infradigest query: search stored history by repository, tag, kind, type,
// full text and date range; a table or JSON.
#include <ostream>

#include "cli/parse_args.h"
#include "compose/history_query.h"
#include "core/report_window.h"
#include "render/history_output.h"
#include "store/activity_store.h"
#include "store/text_search.h"

namespace infradigest {

namespace {

struct QueryOptions {
  HistoryQuery query;
  std::string text, since, until, timezone, format = "table";
  bool json = false;
};

Result<std::optional<SysDays>> optional_date(const std::string& text, const std::string& option) {
  if (text.empty()) return std::optional<SysDays>{};
  auto day = parse_date(text);
  if (!day) return day.error().with_context(option);
  return std::optional<SysDays>{*day};
}

}  // namespace

ExitStatus run_query(CommandContext& c, std::vector<std::string> args) {
  QueryOptions o;
  CLI::App app{"Search stored history: by repository, tag, kind, type, text (FTS5) and date range", "query"};
  app.add_option("--repo", o.query.repos, "Only this repository (owner/name); repeatable");
  app.add_option("--tag", o.query.tags, "Only items with this tag (e.g. Blackwell, MoE, DeepSeek); repeatable, all must match");
  app.add_option("--kind", o.query.kinds, "Only this kind (feature, perf, fix, revert, ..., bug, release); repeatable");
  app.add_option("--type", o.query.types, "Only this item type: commit, pr, issue, release; repeatable");
  app.add_option("--text", o.text,
                 "Full-text query over titles, messages, bodies and release notes: words, \"a phrase\", prefix*, "
                 "OR, NOT");
  app.add_option("--since", o.since, "First day YYYY-MM-DD (inclusive, in the timezone)");
  app.add_option("--until", o.until, "Last day YYYY-MM-DD (inclusive, in the timezone)");
  app.add_option("--timezone", o.timezone, "IANA timezone of the days (default: config 'timezone')");
  app.add_option("--limit", o.query.limit, "At most N items, newest first (default 50)");
  app.add_option("--format", o.format, "Output format")->check(CLI::IsMember({"table", "json"}));
  app.add_flag("--json", o.json, "Same as --format json");
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  o.query.timezone = o.timezone.empty() ? c.config.config.timezone : o.timezone;
  if (auto zone = make_report_window(SysDays{}, o.query.timezone); !zone)
    return fail(c, zone.error().with_context("--timezone"), ExitStatus::kUsage);
  if (!o.text.empty()) o.query.text = o.text;
  auto since = optional_date(o.since, "--since");
  if (!since) return fail(c, since.error(), ExitStatus::kUsage);
  auto until = optional_date(o.until, "--until");
  if (!until) return fail(c, until.error(), ExitStatus::kUsage);
  o.query.since = *since;
  o.query.until = *until;

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto known = ActivityStore(*db).repositories();
  if (!known) return fail(c, known.error());
  auto query = resolve_history_query(o.query, *known);
  if (!query) return fail(c, query.error(), ExitStatus::kUsage);
  // A malformed --text is the user's to fix, like any bad filter.
  if (query->text)
    if (auto s = check_text_query(*db, *query->text); !s) return fail(c, s.error(), ExitStatus::kUsage);
  auto result = run_history_query(*db, *query);
  if (!result) return fail(c, result.error());
  c.out << (o.json || o.format == "json" ? render_history_json(*result, *query) : render_history_table(*result));
  return ExitStatus::kOk;
}

}  // namespace infradigest
