// THE subcommand table. A new subcommand: one entry here, one file.
#include "cli/command.h"

namespace infradigest {

namespace {
const Command kCommands[] = {
    {"run", "[-v] [--no-llm]", "The daily job: sync yesterday from GitHub, then write its report to the archive",
     run_daily, "infradigest run --no-llm"},
    {"sync", "[--date D | --since T --until T] [-v]", "Read GitHub activity of the watched repositories into the store",
     run_sync, "infradigest sync --date 2026-02-26"},
    {"report", "[--date D] [--period day|week|month] [--lang zh|en] [--format md|json] [-o FILE] [--archive]",
     "Write the AI Infra report for a day, an ISO week or a month from the store", run_report, "infradigest report --date 2026-02-26 --lang en -o report.md"},
    {"query", "[--repo R] [--tag T] [--kind K] [--type T] [--text Q] [--since D] [--until D] [--limit N] [--json]",
     "Search stored history (full text via FTS5); a table or JSON", run_query, "infradigest query --repo vllm-project/vllm --kind perf --since 2026-02-01"},
    {"import", "PATH", "Import an activity snapshot (a .jsonl file or a folder of them)", run_import, "infradigest import examples/2026-02-26"},
    {"export", "[-o FILE]", "Export the whole store as an activity snapshot", run_export, "infradigest export -o backup.jsonl"},
    {"explain", "SHA [--format text|json]", "Show how a stored commit was classified and which rules fired",
     run_explain, "infradigest explain e3691988"},
    {"site", "[-o DIR] [--lang zh|en] [--days N] [--base-url URL]",
     "Build the static web archive: pages, charts, search, Atom feed", run_site, "infradigest site -o site --lang en"},
    {"publish", "[--date D] [--target NAME] [--dry-run]",
     "Send a day's report to the configured chat webhooks (Feishu, DingTalk, WeCom, Slack, JSON)", run_publish, "infradigest publish --date 2026-02-26 --dry-run"},
    {"config", "show", "Show the effective configuration and where each value comes from", run_config, "infradigest --config my.toml config show"},
    {"help", "[COMMAND]", "Show help for infradigest or one command", run_help, "infradigest help report"},
    {"version", "", "Print the version", run_version, "infradigest version"},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

const Command* find_command(std::string_view name) {
  for (const auto& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace infradigest
