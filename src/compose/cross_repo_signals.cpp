#include "compose/cross_repo_signals.h"

#include <algorithm>
#include <map>

#include "compose/composer.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

// Three shared tags say where the day converges; more reads like an index.
constexpr size_t kMaxTagSignals = 3;

const ReportRelease* find_release(const Report& r, const std::string& id) {
  for (const auto& s : r.repos)
    for (const auto& rel : s.releases)
      if (rel.id == id) return &rel;
  return nullptr;
}

// "vllm-project/vllm 将 flashinfer-ai/flashinfer 更新至 `v0.6.4`（[Bump …](…)），即
// flashinfer-ai/flashinfer 今日发布的 [v0.6.4](…)——发布当日即被下游采用，带入上游改动 [fix](…)。"
// The adoption and picked-up clauses appear only when the data links them.
std::optional<Statement> dependency_statement(const Report& r, const DependencyUpdate& u, LinkLedger& ledger) {
  const ReportItem* item = find_report_item(r, u.item_id);
  if (!item) return std::nullopt;
  const bool zh = r.language == Language::kZh;
  const auto& L = labels(r.language);
  StatementBuilder b(&ledger);
  b.strong(std::string(L.dependency_update)).text(std::string(L.colon));
  if (u.version) {
    b.text(zh ? u.repo + " 将 " + u.upstream + " 更新至 " : u.repo + " moves " + u.upstream + " to ").code(*u.version);
  } else {
    b.text(zh ? u.repo + " 更新了 " + u.upstream + " 依赖" : u.repo + " updates its " + u.upstream + " pin");
  }
  b.text(std::string(L.open_paren)).item(*item).text(std::string(L.close_paren));
  if (u.release_id) {
    const ReportRelease* rel = find_release(r, *u.release_id);
    const ReportItem* version_commit = rel ? nullptr : find_report_item(r, *u.release_id);
    if (rel || version_commit) {
      b.text(zh ? "，即 " + u.upstream + " 今日发布的 " : ", the release " + u.upstream + " published today: ");
      if (rel) b.link(rel->tag, rel->url, rel->id);
      else b.item(*version_commit);
      b.text(zh ? "——发布当日即被下游采用" : " — adopted downstream the day it came out");
    }
  }
  bool first = true;
  for (const auto& id : u.picked_up_ids) {
    const ReportItem* fix = find_report_item(r, id);
    if (!fix) continue;
    b.text(first ? (zh ? "，带入上游改动 " : "; it brings in upstream's ") : std::string(L.list_separator));
    first = false;
    b.item(*fix);
  }
  return b.text(std::string(L.period)).build();
}

struct TagSignal {
  Tag tag;
  std::map<std::string, std::vector<const ReportItem*>> items_by_repo;
  size_t items = 0;
};

// Hardware and models before techniques: "Blackwell moved in three repos"
// tells more than "Attention moved in four".
int facet_rank(TagFacet f) {
  switch (f) {
    case TagFacet::kHardware: return 0;
    case TagFacet::kModel: return 1;
    case TagFacet::kTechnique: return 2;
  }
  return 3;
}

// "**MoE**（技术）在 3 个仓库同时推进：repo 6 项（[most important item](…) 等）、…。"
// Names each repo's most important item; cites every item counted.
Statement tag_statement(const Report& r, const TagSignal& sig, LinkLedger& ledger) {
  const bool zh = r.language == Language::kZh;
  const auto& L = labels(r.language);
  StatementBuilder b(&ledger);
  const size_t repos = sig.items_by_repo.size();
  b.strong(tag_label(sig.tag, r.language))
      .text(std::string(L.open_paren) + std::string(facet_label(sig.tag.facet, r.language)) +
            std::string(L.close_paren) +
            (zh ? "在 " + std::to_string(repos) + " 个仓库同时推进：" : " moved in " + std::to_string(repos) + " repositories: "));
  bool first = true;
  for (const auto& section : r.repos) {  // watchlist order
    auto it = sig.items_by_repo.find(section.full_name);
    if (it == sig.items_by_repo.end()) continue;
    if (!first) b.text(std::string(L.list_separator));
    first = false;
    auto hits = it->second;
    // Name an item the reader can open, and one that moves the tag forward
    // (not a revert), before the most important one.
    // A link the report's day sections already made comes after one they did not.
    std::stable_sort(hits.begin(), hits.end(), [&](const ReportItem* a, const ReportItem* x) {
      if (a->url.empty() != x->url.empty()) return !a->url.empty();
      const bool la = ledger.count(a->id), lx = ledger.count(x->id);
      if (la != lx) return !la;
      const bool ra = a->classification.kind == ChangeKind::kRevert, rx = x->classification.kind == ChangeKind::kRevert;
      if (ra != rx) return !ra;
      return a->importance > x->importance;
    });
    b.text(section.full_name + " " + count_items(static_cast<int>(hits.size()), r.language) +
           std::string(L.open_paren));
    b.item(*hits.front());
    if (hits.size() > 1) b.text(zh ? " 等" : ", …");
    b.text(std::string(L.close_paren));
    for (const auto* h : hits) b.cite(h->id);
  }
  return b.text(std::string(L.period)).build();
}

// Whether an item moves its tags forward: a docs typo mentioning Blackwell, a
// CI job for Llama, a revert or a removal is not "Blackwell/Llama moving in
// this repo".
bool moves_its_tags(const ReportItem& item) {
  if (item.classification.retreat) return false;  // a revert or a removal (analysis/classification.h)
  switch (item.classification.kind) {
    case ChangeKind::kRevert:
    case ChangeKind::kDocs:
    case ChangeKind::kTest:
    case ChangeKind::kCiBuild:
    case ChangeKind::kChore:
      return false;
    default:
      return true;
  }
}

std::vector<Statement> tag_statements(const Report& r, LinkLedger& ledger, size_t max_lines) {
  std::map<Tag, TagSignal> signals;
  for (const auto& s : r.repos)
    for (const auto& i : s.items) {
      if (!moves_its_tags(i)) continue;
      for (const auto& t : i.classification.tags) {
        auto& sig = signals[t];
        sig.tag = t;
        sig.items_by_repo[s.full_name].push_back(&i);
        ++sig.items;
      }
    }
  std::vector<const TagSignal*> shared;
  for (const auto& [tag, sig] : signals)
    if (sig.items_by_repo.size() >= 2) shared.push_back(&sig);
  std::stable_sort(shared.begin(), shared.end(), [](const TagSignal* a, const TagSignal* b) {
    if (a->tag.facet != b->tag.facet) return facet_rank(a->tag.facet) < facet_rank(b->tag.facet);
    if (a->items_by_repo.size() != b->items_by_repo.size()) return a->items_by_repo.size() > b->items_by_repo.size();
    return a->items > b->items;
  });
  // Named signals: up to kMaxTagSignals, fewer when 影响评估 has no room
  // (one line stays for "另有 N 个标签"), never none.
  size_t named = std::min(shared.size(), kMaxTagSignals);
  if (named > 1 && named + (shared.size() > named ? 1 : 0) > max_lines)
    named = std::max<size_t>(1, max_lines > 1 ? max_lines - 1 : 1);
  std::vector<Statement> out;
  for (size_t k = 0; k < named; ++k) out.push_back(tag_statement(r, *shared[k], ledger));
  if (shared.size() > named) {
    const auto& L = labels(r.language);
    std::string rest;
    for (size_t k = named; k < shared.size(); ++k) {
      if (!rest.empty()) rest += L.list_separator;
      rest += tag_label(shared[k]->tag, r.language);
    }
    const size_t more = shared.size() - named;
    StatementBuilder b;
    out.push_back(b.text(r.language == Language::kZh
                             ? "另有 " + std::to_string(more) + " 个标签也在多个仓库出现：" + rest + "。"
                             : std::to_string(more) + " more tags moved in several repositories: " + rest + ".")
                      .build());
  }
  return out;
}

// The pin-update lines (report.dependency_updates), the first part of 跨仓库信号.
std::vector<Statement> dependency_statements(const Report& r, LinkLedger& ledger) {
  std::vector<Statement> out;
  for (const auto& u : r.dependency_updates)
    if (auto s = dependency_statement(r, u, ledger)) out.push_back(std::move(*s));
  return out;
}

}  // namespace

std::vector<Statement> compose_cross_repo_signals(const Report& r, LinkLedger& ledger, size_t max_lines) {
  std::vector<Statement> out = dependency_statements(r, ledger);
  auto tags = tag_statements(r, ledger, max_lines > out.size() ? max_lines - out.size() : 0);
  out.insert(out.end(), std::make_move_iterator(tags.begin()), std::make_move_iterator(tags.end()));
  return out;
}

std::vector<Statement> compose_cross_repo_signals(const Report& r) {
  LinkLedger ledger;
  return compose_cross_repo_signals(r, ledger);
}

}  // namespace infradigest
