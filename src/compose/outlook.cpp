// 总结 / 关注要点 & 未来展望: what a reader should watch: bug reports grouped by
// the hardware they hit (crash, hang, NaN, accuracy, slowdown named), other
// severe and new bugs, breaking changes (which flag, env var or platform),
// reverts, releases, notable requests. Every line links the items it names.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compose/code_changes.h"
#include "compose/composer.h"
#include "compose/release_notes.h"
#include "analysis/risk_signals.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

std::string tag_list(const std::vector<Tag>& tags, Language lang) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += labels(lang).list_separator;
    out += tag_label(t, lang);
  }
  return out;
}

// Bug reports, and untyped reports that name a symptom ("[Performance] 20%
// slower on H100"); a question or request that mentions a crash is neither.
bool is_risk(const ReportIssue& i) {
  return i.classification.kind == IssueKind::kBug ||
         (i.classification.kind == IssueKind::kOther && detect_symptom(i.title).has_value());
}

const Tag* first_hardware(const ReportIssue& i) {
  for (const auto& t : i.classification.tags)
    if (t.facet == TagFacet::kHardware) return &t;
  return nullptr;
}

// "[#2638 title](url)（flashinfer-ai/flashinfer，崩溃）"
void issue_mention(StatementBuilder& b, const ReportIssue& i, const std::string& repo, Language lang) {
  const auto& L = labels(lang);
  b.link(fmt::format("#{} {}", i.number, i.title), i.url, i.id).text(std::string(L.open_paren) + repo);
  if (auto symptom = detect_symptom(i.title))
    b.text((lang == Language::kZh ? "，" : ", ") + std::string(symptom_label(*symptom, lang)));
  b.text(std::string(L.close_paren));
}

// One line per hardware platform that new bug reports hit today, in the
// taxonomy's order; an issue tagged with two platforms is listed under the first.
void hardware_risks(const Report& r, std::vector<Statement>& out, std::set<std::string>& listed, LinkLedger& ledger) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  std::map<Tag, std::vector<std::pair<const ReportIssue*, std::string>>> by_hardware;
  for (const auto& s : r.repos)
    for (const auto& i : s.issues)
      if (is_risk(i))
        if (const Tag* hw = first_hardware(i)) by_hardware[*hw].push_back({&i, s.full_name});
  for (const auto& [hw, issues] : by_hardware) {
    StatementBuilder b(&ledger);
    b.strong(tag_label(hw, r.language) + " " + std::string(L.risk)).text(std::string(L.colon));
    for (size_t k = 0; k < issues.size(); ++k) {
      if (k) b.text(std::string(L.clause_separator));
      issue_mention(b, *issues[k].first, issues[k].second, r.language);
      listed.insert(issues[k].first->id);
    }
    out.push_back(b.text(zh ? "。在该平台部署的用户请关注修复进展。" : ". Users on this platform should follow the fixes.").build());
  }
}

void issue_statements(const Report& r, bool severe, const std::set<std::string>& listed, LinkLedger& ledger,
                      std::vector<Statement>& out) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  for (const auto& s : r.repos)
    for (const auto& i : s.issues) {
      if (listed.count(i.id) || !is_risk(i) || i.classification.severe != severe) continue;
      StatementBuilder b(&ledger);
      b.strong(severe ? (zh ? "严重问题" : "Severe report") : (zh ? "新缺陷" : "New bug"))
          .text(std::string(L.colon))
          .link(fmt::format("#{} {}", i.number, i.title), i.url, i.id)
          .text(std::string(L.open_paren) + s.full_name);
      if (auto symptom = detect_symptom(i.title))
        b.text(std::string(L.clause_separator) + std::string(symptom_label(*symptom, r.language)));
      if (!i.classification.tags.empty())
        b.text(std::string(L.clause_separator) + tag_list(i.classification.tags, r.language));
      b.text(std::string(L.close_paren) +
             (zh ? "，建议相关用户关注修复进展。" : "; users of this path should follow the fix."));
      out.push_back(b.build());
    }
}

// "**破坏性变更**：移除参数 `--foo`：[title](url)（repo），升级前请检查用法。"
// What the patch shows (its removed flags, env vars, public functions,
// changed defaults, pins, architectures: each a code fact) says it best; the
// title's words when the patch shows none.
void breaking_statement(const Report& r, const std::string& repo, const ReportItem& i, std::vector<Statement>& out,
                        LinkLedger& ledger) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  const auto facts = breaking_code_facts(i);
  const auto change = facts.empty() ? detect_breaking_change(i.title) : std::nullopt;
  if (facts.empty() && !change && !i.classification.breaking) return;
  StatementBuilder b(&ledger);
  if (!facts.empty()) {
    // A removal or rename breaks callers; a moved default or pin may only change behaviour.
    const bool removes = std::any_of(facts.begin(), facts.end(), [](const CodeFact* f) {
      return f->kind != CodeFactKind::kDefaultChanged && f->kind != CodeFactKind::kDependencyChanged;
    });
    b.strong(removes ? std::string(L.breaking_change) : std::string(zh ? "升级注意" : "Upgrade note"))
        .text(std::string(L.colon));
    append_code_facts(b, facts, r.language);
    b.text(std::string(L.colon));
  } else if (change) {
    b.strong(std::string(L.breaking_change)).text(std::string(L.colon));
    const std::string action(breaking_action_label(change->action, r.language));
    const std::string subject(breaking_subject_label(change->subject, r.language));
    if (change->subject == BreakingSubject::kSupport) {
      if (zh) b.text(action + "对 ").code(change->name).text(" 的" + subject);
      else b.text(action + " " + subject + " ").code(change->name);
    } else {
      b.text(action + (zh ? "" : " ") + subject + " ").code(change->name);
    }
    b.text(std::string(L.colon));
  } else {
    b.strong(zh ? "可能的破坏性变更" : "Possibly breaking").text(std::string(L.colon));
  }
  out.push_back(b.item(i)
                    .text(std::string(L.open_paren) + repo + std::string(L.close_paren) +
                          (zh ? "，升级前请检查用法。" : ": check your usage before upgrading."))
                    .build());
}

}  // namespace

std::vector<Statement> compose_outlook(const Report& r, LinkLedger& ledger) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  std::vector<Statement> out;
  std::set<std::string> listed;
  hardware_risks(r, out, listed, ledger);
  issue_statements(r, true, listed, ledger, out);
  issue_statements(r, false, listed, ledger, out);
  for (const auto& s : r.repos)
    for (const auto& i : s.items) {
      if (i.classification.kind == ChangeKind::kRevert) {
        StatementBuilder b(&ledger);
        out.push_back(b.strong(zh ? "回滚" : "Revert").text(std::string(L.colon)).item(i)
                          .text(std::string(L.open_paren) + s.full_name + std::string(L.close_paren) +
                                (zh ? "，相关功能暂时撤回，依赖方请确认影响。" : ": the change is withdrawn; check whether you depend on it."))
                          .build());
      } else {
        breaking_statement(r, s.full_name, i, out, ledger);
      }
    }
  for (const auto& s : r.repos)
    for (const auto& rel : s.releases) {
      if (is_nightly_release(rel.tag, rel.name.value_or(""))) continue;  // routine: nothing to read before upgrading
      StatementBuilder b(&ledger);
      b.strong(zh ? "新版本" : "New release").text(std::string(L.colon) + s.full_name + " ")
          .link(rel.tag, rel.url, rel.id);
      if (rel.prerelease.value_or(false)) b.text(zh ? "（预发布）" : " (pre-release)");
      out.push_back(b.text(zh ? "，升级前请阅读发布说明。" : ": read the release notes before upgrading.").build());
    }
  for (const auto& s : r.repos) {
    StatementBuilder b(&ledger);
    bool any = false;
    for (const auto& i : s.issues) {
      if (i.classification.kind != IssueKind::kFeatureRequest) continue;
      if (!any) b.strong(zh ? "新需求" : "New requests").text(std::string(L.colon) + s.full_name + " ");
      else b.text(std::string(L.list_separator));
      any = true;
      b.link(fmt::format("#{} {}", i.number, i.title), i.url, i.id);
    }
    if (any) out.push_back(b.text(std::string(L.period)).build());
  }
  if (out.empty()) {
    StatementBuilder b(&ledger);
    out.push_back(b.text(zh ? "今日无新的缺陷报告、回滚、破坏性变更或发布。"
                            : "No new bug reports, reverts, breaking changes or releases today.")
                      .build());
  }
  return out;
}

std::vector<Statement> compose_outlook(const Report& r) {
  LinkLedger ledger;
  return compose_outlook(r, ledger);
}

}  // namespace infradigest
