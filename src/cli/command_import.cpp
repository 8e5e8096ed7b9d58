// infradigest import: load an activity snapshot into the store, all or nothing.
#include <ostream>

#include "cli/history_refresh.h"
#include "cli/parse_args.h"
#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"

namespace infradigest {

ExitStatus run_import(CommandContext& c, std::vector<std::string> args) {
  std::string path;
  CLI::App app{"Import an activity snapshot (docs/snapshot-format.md)", "import"};
  app.add_option("PATH", path, "A .jsonl file, or a folder of them")->required();
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  auto activity = read_snapshot(path);
  if (!activity)
    return fail(c, make_error(activity.error().message + "\nnothing was imported; fix the line above and retry"),
                ExitStatus::kBadInput);
  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto stats = ActivityStore(*db).save(*activity);
  if (!stats) return fail(c, stats.error().with_context("import " + path));
  refresh_history_after_ingest(c, *db);
  c.err << "infradigest: imported " << path << " into " << db->path() << ": " << stats->added << " new, "
        << stats->updated << " updated, " << stats->unchanged << " unchanged\n";
  return ExitStatus::kOk;
}

}  // namespace infradigest
