// query_bench: what `query` costs as history grows (issue 13, "History queries
// use indexes"). For each history length it fills a store with copies of the
// bundled 2026-02-26 day (one per day, 6 repositories, ~100 items each),
// classifies them into the history index (the ingest cost, once), then times
// each filter of `query` (the median of several runs, the CLI's default limit
// of 50) twice: in process (run_history_query alone) and end to end (the
// `infradigest query` binary, as a user runs it: process start, config, store
// open included), and prints the times, the matches, and the ratio of the
// longest history's time to the shortest's.
//
//   query_bench [--months 1,7] [--runs 9] [--keep DIR]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compose/history_index_refresh.h"
#include "compose/history_query.h"
#include "synthetic_activity.h"

namespace {

using namespace infradigest;
using Steady = std::chrono::steady_clock;

int query_bench_fail(const std::string& what) {
  std::cerr << "query_bench: " << what << "\n";
  return 1;
}

// A query with the fields `set` gives (designated initializers would trip
// -Wmissing-field-initializers).
HistoryQuery query_bench_query(const std::function<void(HistoryQuery&)>& set) {
  HistoryQuery q;
  set(q);
  return q;
}

struct QueryCase {
  std::string name;  // as on the command line
  HistoryQuery query;
};

struct QueryFigure {
  double seconds = 0;  // in process
  double cli_seconds = 0;  // the binary, end to end: wall time
  double cli_cpu_seconds = 0;  // and CPU time (user + system), which a loaded machine disturbs less
  int matches = 0;
};

double query_bench_children_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The median wall and CPU times of `runs` runs of the binary with `args`,
// with no user config read.
Result<std::pair<double, double>> query_bench_cli_seconds(const std::string& args, int runs) {
  const std::string command = std::string("env -u INFRADIGEST_CONFIG XDG_CONFIG_HOME=/nonexistent ") +
                              INFRADIGEST_BINARY + " " + args + " >/dev/null";
  std::vector<double> times, cpu;
  for (int r = 0; r < runs; ++r) {
    const auto start = Steady::now();
    const double cpu_start = query_bench_children_cpu_seconds();
    if (std::system(command.c_str()) != 0) return make_error("failed: " + command);
    times.push_back(bench::seconds_since(start));
    cpu.push_back(query_bench_children_cpu_seconds() - cpu_start);
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  return std::make_pair(times[times.size() / 2], cpu[cpu.size() / 2]);
}

// The command-line form of a bench query (the filters query_bench uses).
std::string query_bench_args(const HistoryQuery& q) {
  std::string out = "--timezone " + q.timezone;
  for (const auto& t : q.tags) out += " --tag " + t;
  for (const auto& k : q.kinds) out += " --kind " + k;
  for (const auto& r : q.repos) out += " --repo " + r;
  if (q.since) out += " --since " + format_date(*q.since);
  if (q.text) out += " --text '" + *q.text + "'";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> months{1, 7};
  int runs = 9;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--months" && i + 1 < argc) {
      months = bench::month_list(argv[++i]);
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      return query_bench_fail("usage: query_bench [--months 1,7] [--runs 9] [--keep DIR]");
    }
  }
  auto tmpl = bench::reference_day();
  if (!tmpl) return query_bench_fail(tmpl.error().message);
  const SysDays first = parse_date("2026-02-26").value();
  const std::filesystem::path root =
      keep.empty() ? std::filesystem::temp_directory_path() / fmt::format("query-bench-{}", getpid())
                   : std::filesystem::path(keep);

  std::vector<std::vector<QueryFigure>> figures;  // [history][case]
  std::vector<QueryCase> cases;
  std::vector<double> ingest;
  std::vector<int> items;
  for (int m : months) {
    const std::filesystem::path dir = root / fmt::format("{}m", m);
    const int days = 30 * m;
    auto db = bench::history_store(dir, *tmpl, days);
    if (!db) return query_bench_fail(db.error().message);
    auto start = Steady::now();
    auto classified = refresh_history_index(*db);
    if (!classified) return query_bench_fail(classified.error().message);
    ingest.push_back(bench::seconds_since(start));
    items.push_back(*classified);

    // The last week of the history: the same rows at every length.
    const SysDays last = first + std::chrono::days{days - 1};
    cases = {
        {"--tag MoE", query_bench_query([&](HistoryQuery& q) { q.tags = {"MoE"}; })},
        {"--kind perf", query_bench_query([&](HistoryQuery& q) { q.kinds = {"perf"}; })},
        {"--repo vllm-project/vllm", query_bench_query([&](HistoryQuery& q) { q.repos = {"vllm-project/vllm"}; })},
        {"--since " + format_date(last - std::chrono::days{6}), query_bench_query([&](HistoryQuery& q) { q.since = last - std::chrono::days{6}; })},
        {"--text moe", query_bench_query([&](HistoryQuery& q) { q.text = std::string("moe"); })},
        {"--text kernel --tag Blackwell", query_bench_query([&](HistoryQuery& q) { q.tags = {"Blackwell"}; q.text = std::string("kernel"); })},
    };
    std::vector<QueryFigure> row;
    for (auto& c : cases) {
      c.query.timezone = "Asia/Shanghai";
      std::vector<double> times;
      QueryFigure f;
      for (int r = 0; r < runs; ++r) {
        start = Steady::now();
        auto result = run_history_query(*db, c.query);
        times.push_back(bench::seconds_since(start));
        if (!result) return query_bench_fail(c.name + ": " + result.error().message);
        f.matches = result->total;
      }
      std::sort(times.begin(), times.end());
      f.seconds = times[times.size() / 2];
      auto cli = query_bench_cli_seconds("--db " + (dir / "store.db").string() + " query " + query_bench_args(c.query),
                                         runs);
      if (!cli) return query_bench_fail(cli.error().message);
      f.cli_seconds = cli->first;
      f.cli_cpu_seconds = cli->second;
      row.push_back(f);
    }
    figures.push_back(std::move(row));
  }

  auto table = [&](const char* title, double QueryFigure::*field) {
    std::cout << fmt::format("{:<34}", title);
    for (int m : months) std::cout << fmt::format(" {:>10} {:>8}", fmt::format("{}m (ms)", m), "matches");
    if (months.size() > 1) std::cout << fmt::format(" {:>8}", fmt::format("{}m/{}m", months.back(), months.front()));
    std::cout << "\n";
    for (size_t c = 0; c < cases.size(); ++c) {
      std::string name = cases[c].name;
      if (name.starts_with("--since")) name = "--since (last 7 days)";
      std::cout << fmt::format("{:<34}", name);
      for (const auto& row : figures) std::cout << fmt::format(" {:>10.2f} {:>8}", row[c].*field * 1000, row[c].matches);
      if (months.size() > 1)
        std::cout << fmt::format(" {:>8.2f}", figures.back()[c].*field / figures.front()[c].*field);
      std::cout << "\n";
    }
  };
  table("in process (run_history_query)", &QueryFigure::seconds);
  table("end to end (infradigest query)", &QueryFigure::cli_seconds);
  table("end to end, CPU time", &QueryFigure::cli_cpu_seconds);
  for (size_t i = 0; i < months.size(); ++i)
    std::cout << fmt::format("ingest {}m: {} items classified into the history index in {:.2f} s\n", months[i],
                             items[i], ingest[i]);
  if (keep.empty()) std::filesystem::remove_all(root);
  return 0;
}
