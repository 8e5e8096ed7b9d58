// site_bench: what the web archive costs as history grows (issue: "one day,
// one report"). For each history length it fills a store with copies of the
// bundled 2026-02-26 day (one per day, ~100 items each), then measures
//   - the full `site` (every day composed and stored, every file written),
//   - the daily run's steps for a new day: its report (composed and stored)
//     and the incremental site update, the median of three new days,
// and prints the figures and the ratios against the shortest history.
//
//   site_bench [--months 1,3,7] [--keep DIR]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "pipeline/day_report.h"
#include "pipeline/site_update.h"
#include "store/activity_store.h"
#include "synthetic_activity.h"

namespace {

using namespace infradigest;
using Steady = std::chrono::steady_clock;

constexpr int kNewDays = 3;

struct Row {
  int months = 0, days = 0;
  double full_site = 0, run_report = 0, run_site = 0;
  int run_files = 0;
};

int fail(const std::string& what) {
  std::cerr << "site_bench: " << what << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> months{1, 3, 7};
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--months" && i + 1 < argc) {
      months = bench::month_list(argv[++i]);
    } else if (a == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      return fail("usage: site_bench [--months 1,3,7] [--keep DIR]");
    }
  }
  auto tmpl = bench::reference_day();
  if (!tmpl) return fail(tmpl.error().message);
  const std::vector<std::string> repos = bench::copied_repos(*tmpl, 0);
  const SysDays first = parse_date("2026-02-26").value();
  const std::filesystem::path root =
      keep.empty() ? std::filesystem::temp_directory_path() / fmt::format("site-bench-{}", getpid())
                   : std::filesystem::path(keep);

  std::vector<Row> rows;
  for (int m : months) {
    const std::filesystem::path dir = root / fmt::format("{}m", m);
    Row row{m, 30 * m};
    auto db = bench::history_store(dir, *tmpl, row.days);
    if (!db) return fail(db.error().message);
    const SysDays last = first + std::chrono::days{row.days - 1};
    auto now = [&](SysDays day) { return SysSeconds(day + std::chrono::days{1}) + std::chrono::hours{8}; };

    SiteRequest site;
    site.out_dir = (dir / "site").string();
    site.repos = repos;
    site.scope = SiteScope::kAllActivity;
    site.now = now(last);
    auto start = Steady::now();
    auto full = update_site(*db, site);
    if (!full) return fail(full.error().message);
    row.full_site = bench::seconds_since(start);

    std::vector<double> reports, sites;
    for (int k = 1; k <= kNewDays; ++k) {
      const SysDays day = last + std::chrono::days{k};
      if (auto s = ActivityStore(*db).save(bench::copy_day(*tmpl, row.days - 1 + k)); !s) return fail(s.error().message);
      DayReportRequest report;
      report.date = day;
      report.repos = repos;
      report.now = now(day);
      start = Steady::now();
      if (auto r = day_report(*db, report); !r) return fail(r.error().message);
      reports.push_back(bench::seconds_since(start));
      site.scope = SiteScope::kStoredDays;
      site.now = now(day);
      start = Steady::now();
      auto step = update_site(*db, site);
      if (!step) return fail(step.error().message);
      sites.push_back(bench::seconds_since(start));
      row.run_files = step->written;
    }
    std::sort(reports.begin(), reports.end());
    std::sort(sites.begin(), sites.end());
    row.run_report = reports[kNewDays / 2];
    row.run_site = sites[kNewDays / 2];
    rows.push_back(row);
  }

  std::cout << fmt::format("{:>6} {:>6} {:>14} {:>16} {:>14} {:>12}\n", "months", "days", "full site (s)",
                           "run: report (s)", "run: site (s)", "files/run");
  for (const auto& r : rows)
    std::cout << fmt::format("{:>6} {:>6} {:>14.3f} {:>16.4f} {:>14.4f} {:>12}\n", r.months, r.days, r.full_site,
                             r.run_report, r.run_site, r.run_files);
  for (size_t i = 1; i < rows.size(); ++i)
    std::cout << fmt::format("ratio {}m/{}m: run site step {:.2f}, run report step {:.2f}, full site {:.2f}\n",
                             rows[i].months, rows[0].months, rows[i].run_site / rows[0].run_site,
                             rows[i].run_report / rows[0].run_report, rows[i].full_site / rows[0].full_site);
  if (keep.empty()) std::filesystem::remove_all(root);
  return 0;
}
