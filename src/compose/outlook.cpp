// 总结 / 关注要点 & 未来展望: what a reader should watch: new bug, crash and
// hang reports, reverts, breaking changes, releases, notable requests.
#include <fmt/format.h>

#include "compose/composer.h"
#include "compose/statement_builder.h"

namespace infradigest {

namespace {

std::string tag_list(const std::vector<Tag>& tags, Language lang) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += labels(lang).list_separator;
    out += t.name;
  }
  return out;
}

void issue_statements(const Report& r, bool severe, std::vector<Statement>& out) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  for (const auto& s : r.repos)
    for (const auto& i : s.issues) {
      if (i.classification.kind != IssueKind::kBug || i.classification.severe != severe) continue;
      StatementBuilder b;
      b.strong(severe ? (zh ? "严重问题" : "Severe report") : (zh ? "新缺陷" : "New bug"))
          .text(std::string(L.colon))
          .link(fmt::format("#{} {}", i.number, i.title), i.url, i.id)
          .text(std::string(L.open_paren) + s.full_name);
      if (!i.classification.tags.empty())
        b.text(std::string(L.clause_separator) + tag_list(i.classification.tags, r.language));
      b.text(std::string(L.close_paren) +
             (zh ? "，建议相关用户关注修复进展。" : "; users of this path should follow the fix."));
      out.push_back(b.build());
    }
}

}  // namespace

std::vector<Statement> compose_outlook(const Report& r) {
  const auto& L = labels(r.language);
  const bool zh = r.language == Language::kZh;
  std::vector<Statement> out;
  issue_statements(r, true, out);
  issue_statements(r, false, out);
  for (const auto& s : r.repos)
    for (const auto& i : s.items) {
      if (i.classification.kind == ChangeKind::kRevert) {
        StatementBuilder b;
        out.push_back(b.strong(zh ? "回滚" : "Revert").text(std::string(L.colon)).item(i)
                          .text(std::string(L.open_paren) + s.full_name + std::string(L.close_paren) +
                                (zh ? "，相关功能暂时撤回，依赖方请确认影响。" : ": the change is withdrawn; check whether you depend on it."))
                          .build());
      } else if (i.classification.breaking) {
        StatementBuilder b;
        out.push_back(b.strong(zh ? "可能的破坏性变更" : "Possibly breaking").text(std::string(L.colon)).item(i)
                          .text(std::string(L.open_paren) + s.full_name + std::string(L.close_paren) +
                                (zh ? "，升级前请检查用法。" : ": check your usage before upgrading."))
                          .build());
      }
    }
  for (const auto& s : r.repos)
    for (const auto& rel : s.releases) {
      StatementBuilder b;
      b.strong(zh ? "新版本" : "New release").text(std::string(L.colon) + s.full_name + " ")
          .link(rel.tag, rel.url, rel.id);
      if (rel.prerelease.value_or(false)) b.text(zh ? "（预发布）" : " (pre-release)");
      out.push_back(b.text(zh ? "，升级前请阅读发布说明。" : ": read the release notes before upgrading.").build());
    }
  for (const auto& s : r.repos) {
    StatementBuilder b;
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
    StatementBuilder b;
    out.push_back(b.text(zh ? "今日无新的缺陷报告、回滚、破坏性变更或发布。"
                            : "No new bug reports, reverts, breaking changes or releases today.")
                      .build());
  }
  return out;
}

}  // namespace infradigest
