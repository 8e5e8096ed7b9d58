#include "llm/repo_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/parallel_for.h"
#include "llm/llm_statement.h"
#include "llm/verifier.h"

namespace infradigest {

namespace {

constexpr size_t kMaxAnalysis = 4;  // sentences per request

struct ChunkJob {
  std::string repo;
  std::vector<const Fact*> facts;
  std::vector<std::string> title_ids;
  int part = 1, parts = 1;
  RepoAnswer answer;  // the accepted answer: verified sentences and titles
  SectionOutcome outcome;
};

std::vector<ChunkJob> plan_chunks(const Report& report, const FactTable& facts, size_t per_call) {
  std::vector<ChunkJob> jobs;
  per_call = std::max<size_t>(1, per_call);
  for (const auto& s : report.repos) {
    if (s.empty()) continue;
    auto items = facts.repo_items(s.full_name);
    const size_t parts = (items.size() + per_call - 1) / per_call;
    const size_t size = (items.size() + parts - 1) / parts;  // near-equal chunks
    for (size_t p = 0; p < parts; ++p) {
      ChunkJob j;
      j.repo = s.full_name;
      j.part = static_cast<int>(p + 1);
      j.parts = static_cast<int>(parts);
      for (size_t k = p * size; k < std::min(items.size(), (p + 1) * size); ++k) {
        j.facts.push_back(items[k]);
        if (items[k]->translatable) j.title_ids.push_back(items[k]->key);
      }
      jobs.push_back(std::move(j));
    }
  }
  return jobs;
}

// The verified titles of `answer`: one that fails is dropped alone (the item
// keeps its source title) and does not reject the answer.
std::vector<LlmTitle> verified_titles(std::vector<LlmTitle> titles, const ChunkJob& c, const VerifyScope& scope,
                                      const std::string& label, WriterContext& ctx) {
  std::vector<LlmTitle> out;
  for (auto& t : titles) {
    const Fact* f = ctx.facts.find(t.id);
    if (f == nullptr || std::find(c.title_ids.begin(), c.title_ids.end(), t.id) == c.title_ids.end() ||
        std::any_of(out.begin(), out.end(), [&](const LlmTitle& x) { return x.id == t.id; }))
      continue;
    t.title = normalize_llm_text(t.title);
    for (std::string_view end : {"。", "."})
      if (t.title.ends_with(end)) t.title.erase(t.title.size() - end.size());
    auto bad = verify_title(t, *f, scope);
    if (bad.empty()) out.push_back(std::move(t));
    else ctx.runner.log(fmt::format("{}: title of {} dropped: {}", label, t.id, bad.front()));
  }
  return out;
}

void run_chunk(ChunkJob& c, WriterContext& ctx) {
  const Fact* counts = ctx.facts.repo_counts(c.repo);
  VerifyScope scope{&ctx.facts, {counts->key}, ctx.language, ctx.free_numbers};
  std::vector<std::string> ids{counts->key};
  for (const Fact* f : c.facts) {
    scope.allowed.insert(f->key);
    ids.push_back(f->key);
  }
  SectionJob job;
  job.label = c.parts > 1 ? fmt::format("{} ({}/{})", c.repo, c.part, c.parts) : c.repo;
  job.request = ChatRequest{ctx.system,
                            repo_prompt(c.repo, *counts, c.facts, c.title_ids, c.part, c.parts, ctx.language),
                            repo_answer_schema(ids, c.title_ids), "repo_notes", job.label};
  job.judge = [&](const ChatAnswer& answer) -> std::vector<std::string> {
    auto parsed = parse_repo_answer(answer.content, job.request.schema);
    if (!parsed.ok()) return {parsed.error().message};
    RepoAnswer a = std::move(parsed).value();
    auto why = verify_sentences(a.analysis, "analysis", 1, kMaxAnalysis, scope);
    if (!why.empty()) return why;
    a.titles = verified_titles(std::move(a.titles), c, scope, job.label, ctx);
    c.answer = std::move(a);
    return {};
  };
  c.outcome = ctx.runner.run_guarded(job);
}

}  // namespace

std::vector<RepoNote> write_repo_sections(Report& report, WriterContext& ctx, LlmNote& note, LlmRunRecord& run) {
  std::vector<ChunkJob> chunks = plan_chunks(report, ctx.facts, ctx.step.options.facts_per_call);
  parallel_for(chunks.size(), static_cast<size_t>(std::max(1, ctx.step.settings.concurrency)), [&](size_t i) { run_chunk(chunks[i], ctx); });

  std::vector<RepoNote> notes;
  std::map<std::string, std::string> translations;  // report fact id -> title
  for (auto& section : report.repos) {
    if (section.empty()) continue;
    ++run.sections;
    const ChunkJob* failed = nullptr;
    for (const auto& c : chunks)
      if (c.repo == section.full_name && !c.outcome.verified && failed == nullptr) failed = &c;
    if (failed != nullptr) {
      note.fallbacks.push_back(LlmFallback{section.full_name, failed->outcome.reason});
      continue;
    }
    ++run.verified;
    for (const auto& c : chunks) {
      if (c.repo != section.full_name) continue;
      if (std::find(note.models.begin(), note.models.end(), c.outcome.model) == note.models.end())
        note.models.push_back(c.outcome.model);
      for (const auto& s : c.answer.analysis) {
        // Chunks of one repo see the same counts and may say the same thing twice.
        if (std::any_of(notes.begin(), notes.end(),
                        [&](const RepoNote& n) { return n.repo == c.repo && n.sentence.text == s.text; }))
          continue;
        section.analysis.push_back(to_statement(s, ctx.facts, ctx.language));
        notes.push_back(RepoNote{c.repo, s});
      }
      for (const auto& t : c.answer.titles) translations[ctx.facts.find(t.id)->report_id] = t.title;
    }
  }
  for (auto& section : report.repos)
    for (auto& item : section.items)
      if (auto t = translations.find(item.id); t != translations.end()) item.translated_title = t->second;
  return notes;
}

}  // namespace infradigest
