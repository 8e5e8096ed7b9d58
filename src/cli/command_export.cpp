// infradigest export: write the whole store as an activity snapshot.
#include <ostream>
#include <sstream>

#include "cli/parse_args.h"
#include "core/atomic_file.h"
#include "snapshot/snapshot_writer.h"
#include "store/activity_store.h"

namespace infradigest {

ExitStatus run_export(CommandContext& c, std::vector<std::string> args) {
  std::string output;
  CLI::App app{"Export the whole store as an activity snapshot (JSON lines)", "export"};
  app.add_option("-o,--output", output, "Write to FILE instead of stdout");
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto activity = ActivityStore(*db).load();
  if (!activity) return fail(c, activity.error());
  std::ostringstream text;
  write_snapshot(*activity, text);
  if (output.empty()) {
    c.out << text.str();
  } else if (auto s = write_file_atomically(output, text.str()); !s) {
    return fail(c, s.error());
  }
  return ExitStatus::kOk;
}

}  // namespace infradigest
