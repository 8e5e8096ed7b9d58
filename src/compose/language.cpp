#include "compose/language.h"

#include <fmt/format.h>

namespace infradigest {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "zh") return Language::kZh;
  if (code == "en") return Language::kEn;
  return std::nullopt;
}

std::string_view language_code(Language lang) { return lang == Language::kZh ? "zh" : "en"; }
std::string_view html_lang(Language lang) { return lang == Language::kZh ? "zh-CN" : "en"; }

const Labels& labels(Language lang) {
  static const Labels kZh{
      "AI 基础设施日报", "今日的 AI Infra 的新闻如下。", "摘要", "影响评估", "具体内容分析", "总结",
      "关注要点 & 未来展望", "昨日无更新。", "发布", "新 Issue",
      "硬件平台", "性能", "模型支持", "可靠性", "可维护性", "跨仓库信号",
      "、", "；", "：", "（", "）", "。", "无链接：来源未给出 SHA 或 PR 编号"};
  static const Labels kEn{
      "AI Infra Daily", "Here is today's AI Infra news.", "Summary", "Impact", "Details by repository",
      "Conclusion", "Watch list & outlook", "No updates yesterday.", "Releases", "New issues",
      "Hardware platforms", "Performance", "Model support", "Reliability", "Maintainability",
      "Cross-repo signals",
      ", ", "; ", ": ", " (", ")", ".", "no link: the source gives no SHA or PR number"};
  return lang == Language::kZh ? kZh : kEn;
}

std::string_view kind_label(ChangeKind kind, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (kind) {
    case ChangeKind::kFeature: return zh ? "新功能" : "Features";
    case ChangeKind::kPerf: return zh ? "性能优化" : "Performance";
    case ChangeKind::kFix: return zh ? "问题修复" : "Fixes";
    case ChangeKind::kRevert: return zh ? "回滚" : "Reverts";
    case ChangeKind::kDocs: return zh ? "文档" : "Documentation";
    case ChangeKind::kRefactor: return zh ? "重构" : "Refactoring";
    case ChangeKind::kTest: return zh ? "测试" : "Tests";
    case ChangeKind::kCiBuild: return zh ? "CI/构建" : "CI/build";
    case ChangeKind::kDeps: return zh ? "依赖更新" : "Dependencies";
    case ChangeKind::kRelease: return zh ? "版本发布" : "Release";
    case ChangeKind::kChore: return zh ? "其他" : "Other";
  }
  return "?";
}

std::string_view issue_kind_label(IssueKind kind, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (kind) {
    case IssueKind::kBug: return zh ? "缺陷" : "bug";
    case IssueKind::kFeatureRequest: return zh ? "需求" : "feature request";
    case IssueKind::kQuestion: return zh ? "提问" : "question";
    case IssueKind::kOther: return zh ? "其他" : "other";
  }
  return "?";
}

std::string_view facet_label(TagFacet facet, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (facet) {
    case TagFacet::kHardware: return zh ? "硬件" : "hardware";
    case TagFacet::kTechnique: return zh ? "技术" : "technique";
    case TagFacet::kModel: return zh ? "模型" : "model";
  }
  return "?";
}

namespace {
std::string counted(int n, Language lang, const char* zh_unit, const char* en_one, const char* en_many) {
  if (lang == Language::kZh) return fmt::format("{} {}", n, zh_unit);
  return fmt::format("{} {}", n, n == 1 ? en_one : en_many);
}
}  // namespace

std::string count_commits(int n, Language lang) { return counted(n, lang, "个提交", "commit", "commits"); }
std::string count_issues(int n, Language lang) { return counted(n, lang, "个新 issue", "new issue", "new issues"); }
std::string count_releases(int n, Language lang) { return counted(n, lang, "个发布", "release", "releases"); }
std::string count_items(int n, Language lang) { return counted(n, lang, "项", "item", "items"); }

}  // namespace infradigest
