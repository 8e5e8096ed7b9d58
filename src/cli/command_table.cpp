// THE subcommand table. A new subcommand: one entry here, one file.
#include "cli/command.h"

namespace infradigest {

namespace {
const Command kCommands[] = {
    {"run", "[-v] [--no-llm]", "The daily job: sync yesterday from GitHub, then write its report to the archive",
     run_daily},
    {"sync", "[--date D | --since T --until T] [-v]", "Read GitHub activity of the watched repositories into the store",
     run_sync},
    {"report", "[--date D] [--period day|week|month] [--lang zh|en] [--format md|json] [-o FILE] [--archive]",
     "Write the AI Infra report for a day, an ISO week or a month from the store", run_report},
    {"query", "[--repo R] [--tag T] [--kind K] [--type T] [--text Q] [--since D] [--until D] [--limit N] [--json]",
     "Search stored history (full text via FTS5); a table or JSON", run_query},
    {"import", "PATH", "Import an activity snapshot (a .jsonl file or a folder of them)", run_import},
    {"export", "[-o FILE]", "Export the whole store as an activity snapshot", run_export},
    {"explain", "SHA [--format text|json]", "Show how a stored commit was classified and which rules fired",
     run_explain},
    {"site", "[-o DIR] [--lang zh|en] [--days N] [--base-url URL]",
     "Build the static web archive: pages, charts, search, Atom feed", run_site},
    {"publish", "[--date D] [--target NAME] [--dry-run]",
     "Send a day's report to the configured chat webhooks (Feishu, DingTalk, WeCom, Slack, JSON)", run_publish},
    {"config", "show", "Show the effective configuration and where each value comes from", run_config},
    {"help", "[COMMAND]", "Show help for infradigest or one command", run_help},
    {"version", "", "Print the version", run_version},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace infradigest
