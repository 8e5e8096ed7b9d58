#include "llm/day_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "llm/llm_statement.h"
#include "llm/verifier.h"

namespace infradigest {

namespace {

constexpr size_t kMaxSentences = 8;       // summary, outlook
constexpr size_t kMaxThemeSentences = 4;
constexpr size_t kItemsPerRepo = 8;       // most important items of each repo shown

std::string_view theme_title(const std::string& key, Language lang) {
  const auto& L = labels(lang);
  if (key == "hardware") return L.theme_hardware;
  if (key == "performance") return L.theme_performance;
  if (key == "models") return L.theme_models;
  if (key == "reliability") return L.theme_reliability;
  if (key == "maintainability") return L.theme_maintainability;
  return L.theme_cross_repo;
}

// The day request sees the counts, every release, issue, revert and breaking
// change, each repo's most important items, and every fact a note cites.
std::vector<const Fact*> day_facts(const FactTable& facts, const std::vector<RepoNote>& notes) {
  std::set<std::string> cited;
  for (const auto& n : notes) cited.insert(n.sentence.cites.begin(), n.sentence.cites.end());
  std::map<std::string, std::vector<const Fact*>> by_repo;
  for (const auto& f : facts.all())
    if (f.kind == FactKind::kItem) by_repo[f.repo].push_back(&f);
  std::set<const Fact*> top;
  for (auto& [repo, list] : by_repo) {
    std::stable_sort(list.begin(), list.end(), [](const Fact* a, const Fact* b) { return a->importance > b->importance; });
    for (size_t k = 0; k < list.size() && k < kItemsPerRepo; ++k) top.insert(list[k]);
  }
  std::vector<const Fact*> out;
  for (const auto& f : facts.all())
    if (f.kind != FactKind::kItem || f.notable || top.count(&f) || cited.count(f.key)) out.push_back(&f);
  return out;
}

}  // namespace

void write_day_sections(const Report& report, WriterContext& ctx, const std::vector<RepoNote>& notes, LlmNote& note,
                        LlmRunRecord& run) {
  run.sections += 3;
  const std::vector<const Fact*> facts = day_facts(ctx.facts, notes);
  VerifyScope scope{&ctx.facts, {}, ctx.language, ctx.free_numbers};
  std::vector<std::string> ids;
  for (const Fact* f : facts) {
    scope.allowed.insert(f->key);
    ids.push_back(f->key);
  }
  DayAnswer accepted;
  SectionJob job;
  job.label = ctx.language == Language::kZh ? "摘要/影响评估/总结" : "summary/impact/outlook";
  job.request = ChatRequest{ctx.system, day_prompt(format_date(report.window.date), facts, notes),
                            day_answer_schema(ids), "day_report", job.label};
  job.judge = [&](const ChatAnswer& answer) -> std::vector<std::string> {
    auto parsed = parse_day_answer(answer.content, job.request.schema);
    if (!parsed.ok()) return {parsed.error().message};
    DayAnswer a = std::move(parsed).value();
    auto why = verify_sentences(a.summary, "summary", 1, kMaxSentences, scope);
    auto more = verify_sentences(a.outlook, "outlook", 1, kMaxSentences, scope);
    why.insert(why.end(), more.begin(), more.end());
    std::set<std::string> themes;
    for (size_t i = 0; i < a.impact.size(); ++i) {
      auto& t = a.impact[i];
      if (!themes.insert(t.theme).second) why.push_back(fmt::format("impact[{}]: theme \"{}\" appears twice", i, t.theme));
      auto w = verify_sentences(t.sentences, fmt::format("impact[{}].sentences", i), 1, kMaxThemeSentences, scope);
      why.insert(why.end(), w.begin(), w.end());
    }
    if (why.empty()) accepted = std::move(a);
    return why;
  };
  const SectionOutcome outcome = ctx.runner.run_guarded(job);
  if (!outcome.verified) {
    for (const char* section : {"summary", "impact", "outlook"})
      note.fallbacks.push_back(LlmFallback{section, outcome.reason});
    return;
  }
  run.verified += 3;
  if (std::find(note.models.begin(), note.models.end(), outcome.model) == note.models.end())
    note.models.push_back(outcome.model);
  const Language lang = ctx.language;
  for (const auto& s : accepted.summary) note.summary.push_back(to_statement(s, ctx.facts, lang));
  for (const auto& key : impact_theme_keys())
    for (const auto& t : accepted.impact) {
      if (t.theme != key) continue;
      ImpactTheme theme{key, std::string(theme_title(key, lang)), {}};
      for (const auto& s : t.sentences) theme.statements.push_back(to_statement(s, ctx.facts, lang));
      note.impact.push_back(std::move(theme));
    }
  for (const auto& s : accepted.outlook) note.outlook.push_back(to_statement(s, ctx.facts, lang));
}

}  // namespace infradigest
