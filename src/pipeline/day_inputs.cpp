#include "pipeline/day_inputs.h"

#include <ostream>

#include "analysis/taxonomy_extension.h"
#include "compose/day_activity.h"
#include "core/sha256.h"
#include "snapshot/snapshot_writer.h"
#include "store/activity_store.h"

namespace infradigest {

namespace {

// A superset of any window on `date`, in any zone (UTC offsets span
// -12h..+14h): [D-1, D+2) in canonical time text.
ActivityQuery query_around(SysDays date) {
  return ActivityQuery{format_date(date - std::chrono::days{1}), format_date(date + std::chrono::days{2})};
}

// Hashed as it is written: a 1,000-repository day's snapshot text would
// otherwise be held whole (twice) at the report's peak of memory.
std::string fingerprint(const DayInputs& in, const std::vector<std::string>& watchlist) {
  Sha256Stream hash;
  std::ostream& text = hash.stream();
  text << "timezone " << in.window.timezone << "\nwatchlist";
  for (const auto& repo : watchlist) text << ' ' << repo;
  text << "\ntaxonomy " << taxonomy_extension_fingerprint() << "\n";
  write_snapshot(in.activity, text);
  return hash.hex();
}

}  // namespace

Result<DayInputs> load_day_inputs(Database& db, SysDays date, const std::string& timezone,
                                  const std::vector<std::string>& watchlist) {
  auto window = make_report_window(date, timezone);
  if (!window) return window.error();
  DayInputs in{*window, {}, {}};
  {
    // The days around are released once the window's items are copied out.
    auto stored = ActivityStore(db).load(query_around(date));
    if (!stored) return stored.error();
    in.activity = select_window(*stored, *window, watchlist);
  }
  in.fingerprint = fingerprint(in, watchlist);
  return in;
}

}  // namespace infradigest
