#include "analysis/issue_problem.h"

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include "core/ascii_text.h"
#include "core/utf8_text.h"

namespace infradigest {

namespace {

// ---- The rule table -------------------------------------------------------

// What a section of the body holds, from its heading ("### 🐛 Describe the
// bug", "**Reproduction**"). The first row whose word the heading contains wins.
enum class ProblemSection { kNone, kDescribe, kRepro, kEnvironment, kLog, kSkip };
struct ProblemSectionRule {
  std::string_view word;  // lower case
  ProblemSection section;
};
constexpr std::array kProblemSectionRules{
    ProblemSectionRule{"environment", ProblemSection::kEnvironment},
    ProblemSectionRule{"system info", ProblemSection::kEnvironment},
    ProblemSectionRule{"version", ProblemSection::kEnvironment},
    ProblemSectionRule{"checklist", ProblemSection::kSkip},
    ProblemSectionRule{"before submitting", ProblemSection::kSkip},
    ProblemSectionRule{"expected", ProblemSection::kSkip},
    ProblemSectionRule{"additional", ProblemSection::kSkip},
    ProblemSectionRule{"motivation", ProblemSection::kSkip},
    ProblemSectionRule{"related", ProblemSection::kSkip},
    ProblemSectionRule{"reproduc", ProblemSection::kRepro},
    ProblemSectionRule{"repro", ProblemSection::kRepro},
    ProblemSectionRule{"steps", ProblemSection::kRepro},
    ProblemSectionRule{"how to run", ProblemSection::kRepro},
    ProblemSectionRule{"log", ProblemSection::kLog},
    ProblemSectionRule{"traceback", ProblemSection::kLog},
    ProblemSectionRule{"error", ProblemSection::kLog},
    ProblemSectionRule{"output", ProblemSection::kLog},
    ProblemSectionRule{"stack", ProblemSection::kLog},
    ProblemSectionRule{"describe", ProblemSection::kDescribe},
    ProblemSectionRule{"description", ProblemSection::kDescribe},
    ProblemSectionRule{"bug", ProblemSection::kDescribe},
    ProblemSectionRule{"problem", ProblemSection::kDescribe},
    ProblemSectionRule{"what happened", ProblemSection::kDescribe},
    ProblemSectionRule{"behavior", ProblemSection::kDescribe},
    ProblemSectionRule{"behaviour", ProblemSection::kDescribe},
    ProblemSectionRule{"issue", ProblemSection::kDescribe},
    ProblemSectionRule{"问题", ProblemSection::kDescribe},
    ProblemSectionRule{"复现", ProblemSection::kRepro},
    ProblemSectionRule{"环境", ProblemSection::kEnvironment},
};

// Sentences the issue templates themselves write (lower case, contained):
// never a symptom.
constexpr std::array<std::string_view, 14> kProblemTemplatePhrases{
    "a clear and concise description", "the output of", "collect_env", "i have searched",
    "make sure you", "please provide", "please paste", "please describe", "please search",
    "thanks for", "if you have", "steps to reproduce the behavior", "bug has not been fixed",
    "you can paste",
};

// The first word of a command line in a fenced block (after "$ " and any
// VAR=value assignments): a launcher, a server, a test runner, a script.
constexpr std::array<std::string_view, 26> kProblemCommandWords{
    "python", "python3", "torchrun", "pytest", "bash", "sh", "docker", "pip", "pip3", "uv",
    "vllm", "sglang", "trtllm-serve", "trtllm-bench", "mpirun", "srun", "deepspeed", "accelerate",
    "nsys", "ncu", "curl", "make", "cmake", "ninja", "lm_eval", "cuobjdump",
};

// A pattern and the literal text any match of it holds, one of `needles`:
// a text without any is not searched (a regex search tries every position;
// most bug reports name no RTX, Gaudi or TPU). Needles are lower case when
// the pattern ignores case, and looked for in the lower-cased text.
struct ProblemPattern {
  std::regex regex;
  std::vector<std::string_view> needles;
  bool icase = true;
  const char* replacement = "";  // for the secret patterns
};

// The text and its lower case, for ProblemPattern::may_match.
struct ProblemText {
  const std::string& text;
  std::string lower = ascii_lower(text);
};

bool problem_may_match(const ProblemPattern& pattern, const ProblemText& t) {
  const std::string& haystack = pattern.icase ? t.lower : t.text;
  return std::any_of(pattern.needles.begin(), pattern.needles.end(),
                     [&](std::string_view needle) { return haystack.find(needle) != std::string::npos; });
}

// Hardware as the body names it: GPU models, architectures, accelerators.
const std::array<ProblemPattern, 5>& problem_hardware_patterns() {
  static const std::array<ProblemPattern, 5> patterns{
      ProblemPattern{
          std::regex(R"(\b(?:GB[23]00|GB10|GH200|B[123]00|H[12]00|H800|H20|A100|A800|A10G|L40S?|L20)\b)",
                     std::regex::icase),
          {"gb", "gh", "b1", "b2", "b3", "h1", "h2", "h8", "a1", "a8", "l4", "l2"}},
      ProblemPattern{std::regex(R"(\bRTX ?(?:PRO )?\d{4}(?: ?Ti)?\b)", std::regex::icase), {"rtx"}},
      ProblemPattern{std::regex(R"(\bMI\d{3}[XA]?\b)"), {"MI"}, false},
      ProblemPattern{std::regex(R"(\b(?:sm_?\d{2,3}[af]?|Blackwell|Hopper|Ampere)\b)", std::regex::icase),
                     {"sm", "blackwell", "hopper", "ampere"}},
      ProblemPattern{std::regex(R"(\b(?:Gaudi ?\d|TPU ?v\d+[a-z]?)\b)", std::regex::icase), {"gaudi", "tpu"}},
  };
  return patterns;
}

// "CUDA 12.8", "CUDA runtime version: 12.8.93", "torch==2.9.1",
// "PyTorch version: 2.9.0+cu128", "sglang 0.5.9", "ROCm 6.4".
const ProblemPattern& problem_version_pattern() {
  static const ProblemPattern pattern{
      std::regex(
          R"(\b(CUDA|ROCm|PyTorch|torch|triton|transformers|vllm|sglang|flashinfer(?:[-_]python)?|flash[-_]attn|NCCL|cuDNN|cutlass)(?: (?:runtime|driver))?(?: version)?(?: *(?:==|>=|=|:) *| v?)(\d+(?:\.\d+)*(?:(?:\+|\.dev|rc|\.post)[0-9A-Za-z.]*)?))",
          std::regex::icase),
      {"cuda", "rocm", "torch", "triton", "transformers", "vllm", "sglang", "flash", "nccl", "cudnn",
       "cutlass"}};
  return pattern;
}

// Credentials people paste into commands: known token prefixes whole, the
// value of a token/key flag, assignment or bearer header.
const std::array<ProblemPattern, 4>& problem_secret_patterns() {
  static const std::array<ProblemPattern, 4> patterns{
      ProblemPattern{std::regex(R"(\b(?:ghp|gho|ghs|ghu|github_pat|hf|sk|xox[abprs])[-_][A-Za-z0-9_\-]{8,})"),
                     {"gh", "github", "hf", "sk", "xox"},
                     false,
                     "***"},
      ProblemPattern{
          std::regex(R"((--[\w-]*(?:token|key|secret|password)[\w-]*[ =])[^\s"']+)", std::regex::icase),
          {"--"},
          true,
          "$1***"},
      ProblemPattern{std::regex(R"((\b[A-Z_]*(?:TOKEN|KEY|SECRET|PASSWORD)[A-Z_]*=)[^\s"']+)"),
                     {"TOKEN", "KEY", "SECRET", "PASSWORD"},
                     false,
                     "$1***"},
      ProblemPattern{std::regex(R"((Bearer )[^\s"']+)", std::regex::icase), {"bearer "}, true, "$1***"},
  };
  return patterns;
}

// ---- Reading the body -----------------------------------------------------

std::string without_html_comments(std::string_view body) {
  std::string out;
  for (size_t at = 0; at < body.size();) {
    const size_t open = body.find("<!--", at);
    if (open == std::string_view::npos) {
      out.append(body.substr(at));
      break;
    }
    out.append(body.substr(at, open - at));
    const size_t close = body.find("-->", open + 4);
    if (close == std::string_view::npos) break;  // unterminated: the rest is comment
    at = close + 3;
  }
  return out;
}

struct ProblemLine {
  std::string_view text;  // trimmed
  ProblemSection section = ProblemSection::kNone;
  int fence = -1;  // index of the fenced block holding it; -1 outside
};

std::optional<std::string_view> problem_heading_text(std::string_view line) {
  if (line.starts_with("#")) {  // "### Title"; "#123 fails" is no heading
    const size_t text = line.find_first_not_of('#');
    if (text == std::string_view::npos) return std::string_view{};
    if (line[text] == ' ' || line[text] == '\t') return trim_ascii_space(line.substr(text));
    return std::nullopt;
  }
  if (line.size() > 4 && line.starts_with("**") && line.ends_with("**") &&
      line.find("**", 2) == line.size() - 2)
    return trim_ascii_space(line.substr(2, line.size() - 4));
  return std::nullopt;
}

ProblemSection problem_section_of(std::string_view heading) {
  const std::string lower = ascii_lower(heading);
  for (const auto& rule : kProblemSectionRules)
    if (lower.find(rule.word) != std::string::npos) return rule.section;
  return ProblemSection::kNone;
}

std::vector<ProblemLine> problem_lines(std::string_view text) {
  std::vector<ProblemLine> out;
  ProblemSection section = ProblemSection::kNone;
  int fences = 0;
  std::string fence_marker;  // "```" or "~~~~" while inside a block
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim_ascii_space(text.substr(start, nl - start));
    start = nl + 1;
    const bool fence_line = line.starts_with("```") || line.starts_with("~~~");
    if (!fence_marker.empty()) {
      if (fence_line && line.starts_with(fence_marker) &&
          line.find_first_not_of(fence_marker.front()) == std::string_view::npos) {
        fence_marker.clear();
        ++fences;
      } else {
        out.push_back({line, section, fences});
      }
    } else if (fence_line) {
      fence_marker = std::string(line.substr(0, line.find_first_not_of(line.front())));
    } else if (auto heading = problem_heading_text(line)) {
      section = problem_section_of(*heading);
    } else {
      out.push_back({line, section, -1});
    }
    if (nl == text.size()) break;
  }
  return out;
}

bool is_problem_template_line(std::string_view line) {
  if (line.empty() || line.starts_with("- [") || line.starts_with("* [") || line.starts_with("<") ||
      line.starts_with("|") || line.starts_with("![") || line.starts_with(">") || line.starts_with("File \"") ||
      line.starts_with("Traceback") || line.ends_with(":") || line.ends_with("："))
    return true;
  const std::string lower = ascii_lower(line);
  for (auto phrase : kProblemTemplatePhrases)
    if (lower.find(phrase) != std::string::npos) return true;
  return false;
}

std::string problem_masked(std::string text) {
  for (const ProblemPattern& pattern : problem_secret_patterns())
    if (problem_may_match(pattern, ProblemText{text}))
      text = std::regex_replace(text, pattern.regex, pattern.replacement);
  return text;
}

// The line's first sentence: up to the first sentence end (". ", "! ", "? ",
// "。", "！", "？") or the line's end; a list bullet before it is left out.
std::string problem_first_sentence(std::string_view line) {
  if (line.starts_with("- ") || line.starts_with("* ")) line = trim_ascii_space(line.substr(2));
  size_t end = line.size();
  for (std::string_view stop : {". ", "! ", "? ", "。", "！", "？"}) {
    const size_t at = line.find(stop);
    if (at == std::string_view::npos) continue;
    const size_t after = stop.ends_with(' ') ? at + 1 : at + stop.size();  // the mark stays, the space goes
    end = std::min(end, after);
  }
  return std::string(line.substr(0, end));
}

bool problem_has_letters(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80 || (is_ascii_alnum(c) && !(c >= '0' && c <= '9'))) return true;
  return false;
}

std::optional<std::string> find_symptom(const std::vector<ProblemLine>& lines) {
  for (ProblemSection wanted : {ProblemSection::kDescribe, ProblemSection::kNone}) {
    for (const auto& l : lines) {
      if (l.fence >= 0 || l.section != wanted || is_problem_template_line(l.text)) continue;
      std::string sentence = problem_first_sentence(l.text);
      if (!problem_has_letters(sentence)) continue;
      return clip_utf8(problem_masked(std::move(sentence)), kMaxProblemSymptomBytes);
    }
  }
  return std::nullopt;
}

bool is_problem_command(std::string_view line) {
  if (line.starts_with("$ ")) line = trim_ascii_space(line.substr(2));
  // Leading VAR=value assignments ("CUDA_VISIBLE_DEVICES=0,1 python ...").
  while (true) {
    const size_t space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    const size_t eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0 || space == std::string_view::npos) break;
    line = trim_ascii_space(line.substr(space));
  }
  const std::string_view word = line.substr(0, line.find(' '));
  if (word.starts_with("./") && word.size() > 2) return true;
  for (auto command : kProblemCommandWords)
    if (word == command) return true;
  return false;
}

// The first command of a fenced block, its "\"-continued lines joined by a
// space; blocks under a 复现/Reproduction heading first, never one under the
// environment or log headings (collect_env output, tracebacks).
std::optional<std::string> find_repro(const std::vector<ProblemLine>& lines) {
  for (bool repro_section : {true, false}) {
    for (size_t k = 0; k < lines.size(); ++k) {
      const auto& l = lines[k];
      if (l.fence < 0 || (l.section == ProblemSection::kRepro) != repro_section ||
          l.section == ProblemSection::kEnvironment || l.section == ProblemSection::kLog || !is_problem_command(l.text))
        continue;
      std::string command(l.text.starts_with("$ ") ? trim_ascii_space(l.text.substr(2)) : l.text);
      for (size_t next = k + 1; command.ends_with("\\") && next < lines.size() && lines[next].fence == l.fence;
           ++next) {
        command.pop_back();
        command = std::string(trim_ascii_space(command)) + " " + std::string(lines[next].text);
      }
      if (command.ends_with("\\")) command.pop_back();
      return clip_utf8(problem_masked(std::string(trim_ascii_space(command))), kMaxProblemReproBytes);
    }
  }
  return std::nullopt;
}

std::string problem_environment_key(std::string text) {
  text = ascii_lower(text);
  std::erase(text, ' ');
  std::erase(text, '_');
  return text;
}

// Hardware first, in the order the body names it, then versions; the first
// mention of each (collect_env output repeats CUDA several times).
std::vector<std::string> find_environment(const std::string& text) {
  std::set<std::string> seen;
  const ProblemText t{text};
  std::vector<std::pair<size_t, std::string>> hardware;
  for (const ProblemPattern& pattern : problem_hardware_patterns()) {
    if (!problem_may_match(pattern, t)) continue;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern.regex);
         it != std::sregex_iterator(); ++it)
      hardware.push_back({static_cast<size_t>(it->position()), it->str()});
  }
  std::sort(hardware.begin(), hardware.end());
  std::vector<std::string> out;
  for (auto& [at, name] : hardware)
    if (seen.insert(problem_environment_key(name)).second) out.push_back(std::move(name));
  const ProblemPattern& versions = problem_version_pattern();
  for (auto it = problem_may_match(versions, t)
                     ? std::sregex_iterator(text.begin(), text.end(), versions.regex)
                     : std::sregex_iterator();
       it != std::sregex_iterator(); ++it) {
    std::string name = ascii_lower((*it)[1].str());
    if (name == "pytorch") name = "torch";
    const std::string number = (*it)[2].str();
    // A bare number names a version only for CUDA ("CUDA 13"): "vllm 8 GPUs" is not one.
    if (number.find('.') == std::string::npos && !(name == "cuda" && number.size() == 2)) continue;
    if (seen.insert("version:" + name).second) out.push_back(it->str());
  }
  if (out.size() > kMaxProblemEnvironment) out.resize(kMaxProblemEnvironment);
  return out;
}

}  // namespace

std::optional<ProblemDescription> describe_problem(std::string_view body) {
  const std::string text = without_html_comments(body);
  const auto lines = problem_lines(text);
  ProblemDescription p;
  p.symptom = find_symptom(lines);
  p.environment = find_environment(text);
  p.repro = find_repro(lines);
  if (p.empty()) return std::nullopt;
  return p;
}

}  // namespace infradigest
