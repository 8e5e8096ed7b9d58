#include "llm/report_writer.h"

#include <fmt/format.h>

#include "llm/day_writer.h"
#include "llm/repo_writer.h"
#include "llm/text_scan.h"

namespace infradigest {

struct LlmReportWriter::State {
  State(Database& db, const LlmStep& step, const Report& report, const Activity& day)
      : facts(FactTable::build(report, day)),
        client(step.settings, *step.http, *step.clock, step.options.retry),
        cache(db),
        runner(client, cache, step, report.window.date),
        ctx{facts, runner, step, report.language, system_prompt(report.language), {}} {
    collect_numbers(format_date(report.window.date), ctx.free_numbers);
    run.at = std::chrono::floor<std::chrono::seconds>(step.clock->now());
    run.report_date = report.window.date;
    run.language = std::string(language_code(report.language));
  }
  const FactTable facts;
  ChatClient client;
  ResponseCache cache;
  SectionRunner runner;
  WriterContext ctx;
  LlmNote note;
  LlmRunRecord run;
  std::vector<RepoNote> notes;
};

LlmReportWriter::LlmReportWriter(Database& db, const LlmStep& step, const Report& report, const Activity& day)
    : state_(std::make_unique<State>(db, step, report, day)) {}

LlmReportWriter::~LlmReportWriter() = default;

bool LlmReportWriter::has_activity() const { return state_->facts.all().size() > 1; }

void LlmReportWriter::write_repo_sections(Report& report) {
  state_->notes = infradigest::write_repo_sections(report, state_->ctx, state_->note, state_->run);
}

void LlmReportWriter::write_day_sections(const Report& report) {
  infradigest::write_day_sections(report, state_->ctx, state_->notes, state_->note, state_->run);
}

LlmRunRecord LlmReportWriter::finish(Report& report) {
  State& s = *state_;
  if (!has_activity()) {
    s.runner.log("no activity to write about: no request sent");
    return s.run;
  }
  if (s.run.verified == 0 && !s.client.usable()) s.note.unavailable = s.client.unusable_reason();
  report.llm = std::move(s.note);
  s.run.requests = s.client.requests_sent();
  s.run.cache_hits = s.runner.cache_hits();
  s.run.usage = s.client.usage();
  s.runner.log(fmt::format(
      "{} request{}, {} answer{} from the cache; {} prompt + {} completion tokens; {} of {} sections verified",
      s.run.requests, s.run.requests == 1 ? "" : "s", s.run.cache_hits, s.run.cache_hits == 1 ? "" : "s",
      s.run.usage.prompt, s.run.usage.completion, s.run.verified, s.run.sections));
  if (auto stored = s.cache.record_run(s.run); !stored.ok()) s.runner.log("cannot store the usage: " + stored.error().message);
  return s.run;
}

}  // namespace infradigest
