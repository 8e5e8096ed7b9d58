#include "llm/claim_terms.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

// Evidence words shared by several rules.
const std::vector<std::string_view> kPerfWords = {
    "perf",   "performance", "throughput", "latency", "speed*", "faster", "optimiz*", "tflops", "tok/s",
    "gb/s",   "性能",        "吞吐",       "延迟",    "加速",   "提速",   "优化",     "更快"};
const std::vector<std::string_view> kImproveWords = {
    "perf",    "performance", "throughput", "latency", "speed*", "faster", "optimiz*", "improv*", "boost*",
    "enhanc*", "性能",        "吞吐",       "延迟",    "加速",   "优化",   "改进",     "提升"};
const std::vector<std::string_view> kMagnitudeWords = {
    "significant*", "dramatic*", "substantial*", "greatly", "massive*", "huge", "large", "major", "much",
    "显著",         "大幅",      "极大",         "大大",    "巨大",     "明显"};

const std::vector<ClaimRule> kClaimRules = {
    // Effects.
    {"a performance effect",
     {"性能", "吞吐", "延迟", "加速", "提速", "更快", "变快", "throughput", "latency", "speedup", "speed up", "sped up",
      "speeds up", "faster", "performance", "tok/s", "tflops"},
     {{"perf"}, kPerfWords}},
    {"a memory effect",
     {"内存", "显存", "泄漏", "泄露", "oom", "out of memory", "memory", "leak*"},
     {{}, {"memory", "mem", "leak*", "oom", "vram", "hbm", "alloc*", "内存", "显存", "泄漏", "泄露"}}},
    {"a hang or deadlock",
     {"死锁", "挂起", "卡死", "卡住", "hang*", "deadlock*", "freez*", "stuck"},
     {{}, {"hang*", "deadlock*", "stuck", "freez*", "timeout", "挂起", "死锁", "卡死", "卡住"}}},
    {"a crash",
     {"崩溃", "段错误", "宕机", "crash*", "segfault*", "segmentation fault", "core dump*"},
     {{}, {"crash*", "segfault*", "segmentation", "sigsegv", "abort*", "illegal memory access", "core dump*",
           "fatal", "崩溃", "段错误"}}},
    {"a correctness or accuracy effect",
     {"精度", "准确", "正确性", "错误结果", "数值", "accuracy", "accurate", "correctness", "wrong result*",
      "incorrect", "nan"},
     {{}, {"accura*", "correct*", "incorrect", "wrong", "mismatch*", "nan", "precision", "numeric*", "精度",
           "准确", "正确", "错误", "数值"}}},
    {"a security effect",
     {"安全", "漏洞", "security", "vulnerab*", "cve", "exploit*"},
     {{}, {"security", "vulnerab*", "cve", "exploit*", "injection", "安全", "漏洞"}}},
    // Defaults, compatibility, scope.
    {"a change of default",
     {"默认", "by default", "default*"},
     {{}, {"default*", "默认"}}},
    {"a breaking change",
     {"不兼容", "破坏性", "breaking", "incompatib*", "backward*"},
     {{}, {"breaking", "incompatib*", "不兼容", "破坏"}, true}},
    {"a claim about all hardware, models or users",
     {"所有", "全部", "全面", "一切", "任何", "all gpus", "all hardware", "all models", "all platforms",
      "all architectures", "all users", "all devices", "every gpu", "every model", "every platform", "across all",
      "universally", "everywhere"},
     {{}, {"all", "every", "any", "所有", "全部", "任何"}}},
    // Severity and magnitude.
    {"a judgement of severity",
     {"严重", "重大", "关键", "紧急", "致命", "severe*", "serious*", "critical*", "urgent", "fatal"},
     {{}, {"severe*", "serious*", "critical*", "urgent", "fatal", "严重", "关键", "紧急"}, false, true}},
    {"a judgement of magnitude",
     {"显著", "大幅", "极大", "大大", "巨大", "彻底", "明显", "significant*", "dramatic*", "substantial*",
      "greatly", "massive*", "huge", "drastic*", "completely", "vastly"},
     {{}, kMagnitudeWords}},
    // Verbs of kind: the cited change must be of that kind, or its source say so.
    {"a fix",
     {"修复", "修正", "纠正", "解决", "fix*", "resolv*", "correct*"},
     {{"fix", "revert"}, {"fix*", "resolv*", "correct*", "bug*", "修复", "修正", "解决"}}},
    {"a new feature or support",
     {"新增", "支持", "添加", "引入", "加入", "add", "adds", "added", "adding", "introduc*", "support*", "enabl*"},
     {{"feature"}, {"add*", "introduc*", "support*", "enabl*", "new", "新增", "支持", "添加", "引入", "加入",
                    "启用"}}},
    {"an optimization",
     {"优化", "提升", "改进", "optimiz*", "improv*", "speed*", "boost*"},
     {{"perf"}, kImproveWords}},
    {"a revert",
     {"回滚", "撤销", "回退", "revert*", "roll back", "rolled back"},
     {{"revert"}, {"revert*", "roll back", "rollback", "回滚", "撤销", "回退"}}},
    {"a removal",
     {"移除", "删除", "去掉", "废弃", "弃用", "remov*", "drop*", "delet*", "deprecat*"},
     {{}, {"remov*", "drop*", "delet*", "deprecat*", "clean*", "移除", "删除", "去掉", "废弃", "弃用"}}},
    {"a refactor",
     {"重构", "refactor*", "restructur*"},
     {{"refactor"}, {"refactor*", "restructur*", "rework*", "clean*", "重构"}}},
    {"a release",
     {"发布", "release*"},
     {{"release"}, {"release*", "发布"}}},
    // Never backed by facts.
    {"an opinion, ranking, prediction or advice",
     {"社区", "开发者们", "令人", "值得关注", "值得期待", "值得一提", "最重要", "最值得", "亮点", "里程碑", "预计",
      "将会", "有望", "可能会", "建议", "应该", "推荐", "必将", "势必", "意味着", "标志着", "impressive", "exciting",
      "excited", "noteworthy", "milestone", "community", "most important", "expected to", "will likely", "likely to",
      "should", "recommend*", "we suggest", "promising", "game-chang*", "highlight*", "landmark", "remarkabl*"},
     {{}, {}, false, false, true}},
};

bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool evidence_holds(const ClaimEvidence& e, const ClaimFacts& facts) {
  if (e.never) return false;
  if (e.breaking && facts.breaking) return true;
  if (e.severe && facts.severe) return true;
  for (auto kind : e.kinds)
    if (std::find(facts.kinds.begin(), facts.kinds.end(), kind) != facts.kinds.end()) return true;
  return std::any_of(e.words.begin(), e.words.end(), [&](std::string_view w) { return contains_term(facts.text, w); });
}

}  // namespace

const std::vector<ClaimRule>& claim_rules() { return kClaimRules; }

bool contains_term(std::string_view text, std::string_view term) {
  if (!ascii_only(term)) return text.find(term) != std::string_view::npos;
  const bool prefix = term.ends_with('*');
  if (prefix) term.remove_suffix(1);
  for (size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(text[at - 1]) || !is_word_byte(term.front());
    const size_t end = at + term.size();
    const bool ends = prefix || end >= text.size() || !is_word_byte(text[end]) || !is_word_byte(term.back());
    if (starts && ends) return true;
  }
  return false;
}

namespace {

// The sentence without what it quotes verbatim from the facts (「title」,
// “title”, "title"): repeating the source is not a claim of the model's.
std::string without_quotes_of(const std::string& lower, const std::string& evidence) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kQuotes = {
      {"「", "」"}, {"“", "”"}, {"\"", "\""}, {"『", "』"}};
  std::string out = lower;
  for (const auto& [open, close] : kQuotes) {
    size_t at = out.find(open);
    while (at != std::string::npos) {
      const size_t from = at + open.size();
      size_t end = out.find(close, from);
      if (end == std::string::npos) break;
      const std::string quoted = out.substr(from, end - from);
      if (!quoted.empty() && evidence.find(quoted) != std::string::npos) {
        out.replace(from, quoted.size(), " ");
        end = from + 1;
      }
      at = out.find(open, end + close.size());
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> unsupported_claims(std::string_view sentence, const ClaimFacts& facts) {
  const std::string lower = without_quotes_of(ascii_lower(sentence), facts.text);
  std::vector<std::string> why;
  for (const ClaimRule& rule : kClaimRules) {
    auto hit = std::find_if(rule.terms.begin(), rule.terms.end(), [&](std::string_view t) { return contains_term(lower, t); });
    if (hit == rule.terms.end() || evidence_holds(rule.evidence, facts)) continue;
    std::string term(*hit);
    if (term.ends_with('*')) term.pop_back();
    why.push_back(rule.evidence.never
                      ? fmt::format("says \"{}\": {} is never allowed, the facts cannot back it", term, rule.claim)
                      : fmt::format("says \"{}\" ({}), which the cited facts do not support", term, rule.claim));
  }
  return why;
}

std::string claim_rules_for_prompt(bool zh) {
  std::string out = zh ? "以下说法只有在所引事实中有依据时才可使用（否则该句会被拒绝）：\n"
                       : "Use these claims only when the cited facts support them (otherwise the sentence is rejected):\n";
  for (const ClaimRule& rule : kClaimRules) {
    if (rule.evidence.never) continue;
    std::string terms;
    for (size_t i = 0; i < rule.terms.size() && i < 6; ++i) {
      std::string t(rule.terms[i]);
      if (t.ends_with('*')) t.pop_back();
      terms += (i ? ", " : "") + t;
    }
    out += "- " + std::string(rule.claim) + ": " + terms + "\n";
  }
  out += zh ? "不要写观点、评价、重要性排名、预测或建议（例如：社区、值得关注、最重要、预计、建议）。\n"
            : "Never write opinions, importance rankings, predictions or advice (community, noteworthy, most "
              "important, expected to, should).\n";
  return out;
}

}  // namespace infradigest
