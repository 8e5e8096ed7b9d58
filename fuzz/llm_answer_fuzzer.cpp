// The LLM answer parser and the verifier on any answer content, as an
// endpoint might send it: never a crash or an exception (the writers must
// not need a catch-all to survive a model's output), and a sentence the
// verifier passes cites only facts it was given. Facts: the report of
// examples/2026-02-26 plus one English-titled commit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compose/composer.h"
#include "compose/day_activity.h"
#include "config/config.h"
#include "fuzz_check.h"
#include "llm/answer_schema.h"
#include "llm/facts.h"
#include "llm/text_scan.h"
#include "llm/verifier.h"
#include "snapshot/snapshot_reader.h"

using namespace infradigest;

namespace {

struct Day {
  Activity activity;
  Report report;
  FactTable facts;
  VerifyScope scope;          // every fact: what the day answer may cite
  nlohmann::json day_schema;
  std::string repo;           // the busiest repository, for the repo answer
  VerifyScope repo_scope;
  std::vector<std::string> title_ids;
  nlohmann::json repo_schema;
};

const Day& day() {
  static const Day d = [] {
    Day d;
    auto all = read_snapshot(INFRADIGEST_SOURCE_DIR "/examples/2026-02-26");
    fuzz::check(all.ok(), "cannot read the example snapshot");
    // One English title (F87), so the answer asks for a translated title too.
    auto english = parse_snapshot(R"J({"type":"commit","repo":"vllm-project/vllm","sha":"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b","committed_at":"2026-02-26T07:33:35Z","message":"[Bugfix] Fix illegal memory access in paged attention on H100 (#35001)","files":[{"filename":"vllm/attention/paged.py","additions":3,"deletions":1}],"pr":35001})J",
                                  "english.jsonl");
    fuzz::check(english.ok(), "bad English commit");
    all->commits.push_back(english->commits.front());
    const auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
    const auto watch = Config{}.repos;
    d.activity = select_window(*all, window, watch);
    d.report = compose_report(d.activity, window, watch, Language::kZh);
    d.facts = FactTable::build(d.report, d.activity);
    d.scope.facts = &d.facts;
    std::vector<std::string> ids;
    for (const Fact& f : d.facts.all()) {
      d.scope.allowed.insert(f.key);
      ids.push_back(f.key);
    }
    collect_numbers("2026-02-26", d.scope.free_numbers);
    d.day_schema = day_answer_schema(ids);

    d.repo = "vllm-project/vllm";
    d.repo_scope = d.scope;
    d.repo_scope.allowed = {d.facts.repo_counts(d.repo)->key};
    std::vector<std::string> repo_ids{d.facts.repo_counts(d.repo)->key};
    for (const Fact* f : d.facts.repo_items(d.repo)) {
      d.repo_scope.allowed.insert(f->key);
      repo_ids.push_back(f->key);
      if (f->translatable) d.title_ids.push_back(f->key);
    }
    d.repo_schema = repo_answer_schema(repo_ids, d.title_ids);
    return d;
  }();
  return d;
}

void verify(std::vector<LlmSentence> sentences, const char* name, const VerifyScope& scope) {
  if (!verify_sentences(sentences, name, 1, 12, scope).empty()) return;
  for (const auto& s : sentences)
    for (const auto& cite : s.cites)
      fuzz::check(scope.allowed.count(cite) == 1, std::string(name) + ": a passed sentence cites " + cite);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  const Day& d = day();
  if (auto repo = parse_repo_answer(content, d.repo_schema); repo.ok()) {
    verify(repo->analysis, "analysis", d.repo_scope);
    for (const LlmTitle& t : repo->titles)
      if (const Fact* f = d.facts.find(t.id))
        verify_title(LlmTitle{t.id, normalize_llm_text(t.title)}, *f, d.repo_scope);
  }
  if (auto answer = parse_day_answer(content, d.day_schema); answer.ok()) {
    verify(answer->summary, "summary", d.scope);
    verify(answer->outlook, "outlook", d.scope);
    for (const ThemeAnswer& theme : answer->impact) verify(theme.sentences, "impact", d.scope);
  }
  return 0;
}
