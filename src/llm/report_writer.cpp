#include "llm/report_writer.h"

#include <fmt/format.h>

#include "compose/composer.h"
#include "llm/day_writer.h"
#include "llm/repo_writer.h"
#include "llm/text_scan.h"

namespace infradigest {

LlmRunRecord write_with_llm(Report& report, const Activity& day, Database& db, const LlmStep& step) {
  const FactTable facts = FactTable::build(report, day);
  ChatClient client(step.settings, *step.http, *step.clock, step.options.retry);
  ResponseCache cache(db);
  SectionRunner runner(client, cache, step);
  WriterContext ctx{facts, runner, step, report.language, system_prompt(report.language), {}};
  collect_numbers(format_date(report.window.date), ctx.free_numbers);

  LlmRunRecord run;
  run.at = std::chrono::floor<std::chrono::seconds>(step.clock->now());
  run.report_date = report.window.date;
  run.language = std::string(language_code(report.language));
  if (facts.all().size() <= 1) {
    runner.log("no activity to write about: no request sent");
    return run;
  }

  LlmNote note;
  const std::vector<RepoNote> notes = write_repo_sections(report, ctx, note, run);
  // The rule-based sections again, so a fallback shows the rendered titles too.
  report.summary = compose_summary(report);
  report.impact = compose_impact(report);
  report.outlook = compose_outlook(report);
  write_day_sections(report, ctx, notes, note, run);
  if (run.verified == 0 && !client.usable()) note.unavailable = client.unusable_reason();
  report.llm = std::move(note);

  run.requests = client.requests_sent();
  run.cache_hits = runner.cache_hits();
  run.usage = client.usage();
  runner.log(fmt::format("{} request{}, {} answer{} from the cache; {} prompt + {} completion tokens; {} of {} sections verified",
                         run.requests, run.requests == 1 ? "" : "s", run.cache_hits, run.cache_hits == 1 ? "" : "s",
                         run.usage.prompt, run.usage.completion, run.verified, run.sections));
  if (auto stored = cache.record_run(run); !stored.ok()) runner.log("cannot store the usage: " + stored.error().message);
  return run;
}

}  // namespace infradigest
