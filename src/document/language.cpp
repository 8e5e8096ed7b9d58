#include "document/language.h"

#include <fmt/format.h>

#include "analysis/taxonomy.h"
#include "analysis/taxonomy_extension.h"

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
      "、", "；", "：", "（", "）", "。", "无链接：来源未给出 SHA 或 PR 编号",
      "性能数据", "以下数字逐字引自提交说明或 PR 描述，未经换算；每项只取一条。",
      "仓库", "变更", "原文数据", "依赖联动", "破坏性变更", "风险",
      "未同步：本次同步失败，该仓库昨日的动态未知。",
      "代码变更", "接口与配置变化"};
  static const Labels kEn{
      "AI Infra Daily", "Here is today's AI Infra news.", "Summary", "Impact", "Details by repository",
      "Conclusion", "Watch list & outlook", "No updates yesterday.", "Releases", "New issues",
      "Hardware platforms", "Performance", "Model support", "Reliability", "Maintainability",
      "Cross-repo signals",
      ", ", "; ", ": ", " (", ")", ".", "no link: the source gives no SHA or PR number",
      "Performance figures", "Quoted verbatim from commit messages and PR descriptions, never computed; one per change.",
      "Repository", "Change", "Figure (quoted)", "Dependency update", "Breaking change", "risk",
      "Not synced: the sync of this repository failed; its activity yesterday is unknown.",
      "Code changes", "API and configuration changes"};
  return lang == Language::kZh ? kZh : kEn;
}

// Kind, facet and tag labels come from the taxonomy table (analysis/taxonomy.cpp).
std::string_view kind_label(ChangeKind kind, Language lang) {
  const auto& entry = taxonomy::kind_entry(kind);
  return lang == Language::kZh ? entry.zh : entry.en;
}

std::string tag_label(const Tag& tag, Language lang) { return taxonomy_tag_label(tag, lang == Language::kZh); }

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

std::string_view code_fact_label(CodeFactKind kind, Language lang) {
  const bool zh = lang == Language::kZh;
  using K = CodeFactKind;
  switch (kind) {
    case K::kFunctionAdded: return zh ? "新增函数" : "adds function";
    case K::kFunctionRemoved: return zh ? "移除函数" : "removes function";
    case K::kFunctionRenamed: return zh ? "函数更名" : "renames function";
    case K::kClassAdded: return zh ? "新增类" : "adds class";
    case K::kClassRemoved: return zh ? "移除类" : "removes class";
    case K::kSignatureChanged: return zh ? "签名变更" : "changes the signature of";
    case K::kParameterAdded: return zh ? "新增参数" : "adds parameter";
    case K::kParameterRemoved: return zh ? "移除参数" : "removes parameter";
    case K::kDefaultChanged: return zh ? "默认值变更" : "changes the default of";
    case K::kConstantChanged: return zh ? "常量变更" : "changes constant";
    case K::kCliFlagAdded: return zh ? "新增命令行参数" : "adds flag";
    case K::kCliFlagRemoved: return zh ? "移除命令行参数" : "removes flag";
    case K::kEnvVarAdded: return zh ? "新读取环境变量" : "reads environment variable";
    case K::kEnvVarRemoved: return zh ? "不再读取环境变量" : "no longer reads environment variable";
    case K::kKernelAdded: return zh ? "新增内核" : "adds kernel";
    case K::kKernelRemoved: return zh ? "移除内核" : "removes kernel";
    case K::kOpAdded: return zh ? "新增算子注册" : "registers op";
    case K::kOpRemoved: return zh ? "移除算子注册" : "unregisters op";
    case K::kDependencyAdded: return zh ? "新增依赖" : "adds dependency";
    case K::kDependencyRemoved: return zh ? "移除依赖" : "removes dependency";
    case K::kDependencyChanged: return zh ? "依赖版本变更" : "changes the pin of";
    case K::kArchAdded: return zh ? "新增 CUDA 架构" : "adds CUDA architecture";
    case K::kArchRemoved: return zh ? "移除 CUDA 架构" : "removes CUDA architecture";
    case K::kReturnChanged: return zh ? "返回值变更" : "return changed";
    case K::kConditionChanged: return zh ? "条件变更" : "condition changed";
    case K::kTestsAdded: return zh ? "新增测试函数" : "adds test functions";
    case K::kFileAdded: return zh ? "新增文件" : "adds file";
    case K::kFileRemoved: return zh ? "删除文件" : "removes file";
  }
  return "?";
}

std::string_view facet_label(TagFacet facet, Language lang) {
  const auto& entry = taxonomy::facet_entry(facet);
  return lang == Language::kZh ? entry.zh : entry.en;
}

std::string_view symptom_label(RiskSymptom symptom, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (symptom) {
    case RiskSymptom::kCrash: return zh ? "崩溃" : "crash";
    case RiskSymptom::kHang: return zh ? "挂起" : "hang";
    case RiskSymptom::kNumerics: return zh ? "NaN/输出异常" : "NaN or corrupted output";
    case RiskSymptom::kAccuracy: return zh ? "精度问题" : "accuracy";
    case RiskSymptom::kPerfRegression: return zh ? "性能回退" : "performance regression";
  }
  return "?";
}

std::string_view breaking_action_label(BreakingAction action, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (action) {
    case BreakingAction::kRemoved: return zh ? "移除" : "removes";
    case BreakingAction::kRenamed: return zh ? "重命名" : "renames";
    case BreakingAction::kDeprecated: return zh ? "弃用" : "deprecates";
  }
  return "?";
}

std::string_view breaking_subject_label(BreakingSubject subject, Language lang) {
  const bool zh = lang == Language::kZh;
  switch (subject) {
    case BreakingSubject::kFlag: return zh ? "参数" : "flag";
    case BreakingSubject::kEnvVar: return zh ? "环境变量" : "environment variable";
    case BreakingSubject::kSupport: return zh ? "支持" : "support for";
  }
  return "?";
}

namespace {
std::string counted(int n, Language lang, const char* zh_unit, const char* en_one, const char* en_many) {
  if (lang == Language::kZh) return fmt::format("{} {}", n, zh_unit);
  return fmt::format("{} {}", n, n == 1 ? en_one : en_many);
}
}  // namespace

std::string count_changes(int n, Language lang) { return counted(n, lang, "项变更", "change", "changes"); }
std::string count_issues(int n, Language lang) { return counted(n, lang, "个新 issue", "new issue", "new issues"); }
std::string count_releases(int n, Language lang) { return counted(n, lang, "个发布", "release", "releases"); }
std::string count_items(int n, Language lang) { return counted(n, lang, "项", "item", "items"); }

}  // namespace infradigest
