#include "llm/verifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/ascii_text.h"
#include "core/utf8_text.h"
#include "llm/claim_terms.h"
#include "llm/text_scan.h"

namespace infradigest {

namespace {

constexpr size_t kMaxSentence = 300;  // characters
constexpr size_t kMaxTitle = 160;

enum class Mode { kSentence, kTitle };

// What the cited facts hold, merged.
struct Evidence {
  std::string text;
  std::set<std::string> numbers, refs, urls;
  std::vector<std::string> shas;
  ClaimFacts claims;
  void add(const Fact& f) {
    text += f.text;
    numbers.insert(f.numbers.begin(), f.numbers.end());
    refs.insert(f.refs.begin(), f.refs.end());
    urls.insert(f.urls.begin(), f.urls.end());
    shas.insert(shas.end(), f.shas.begin(), f.shas.end());
    claims.text += f.claim_text;
    claims.kinds.insert(claims.kinds.end(), f.kind_names.begin(), f.kind_names.end());
    claims.breaking = claims.breaking || f.breaking;
    claims.severe = claims.severe || f.severe;
  }
  bool mentions(std::string_view piece) const { return text.find(ascii_lower(piece)) != std::string::npos; }
};

bool contains(std::string_view text, std::string_view piece) { return text.find(piece) != std::string_view::npos; }

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

bool mass_mention(const std::string& lower) {
  static const std::array<std::string_view, 6> kHandles = {"@all", "@here", "@channel", "@everyone", "@room", "@所有人"};
  for (auto h : kHandles)
    for (size_t at = lower.find(h); at != std::string::npos; at = lower.find(h, at + 1)) {
      size_t end = at + h.size();
      if (end >= lower.size() || !is_word_char(lower[end])) return true;
    }
  return contains(lower, "<!channel") || contains(lower, "<!here") || contains(lower, "<!everyone") ||
         contains(lower, "user_id=\"all\"") || contains(lower, "user_id=all") || contains(lower, "user_id='all'");
}

bool has_fact_id_token(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != 'F' || !std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t j = i + 1;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == text.size() || !std::isalnum(static_cast<unsigned char>(text[j]))) return true;
  }
  return false;
}

// A JSON object or array, or pieces of one. "[AMD] ..." is a title prefix, not JSON.
bool looks_like_json(std::string_view text) {
  if (text.front() == '{') return true;
  if (text.front() == '[') {
    size_t next = text.find_first_not_of(" \t", 1);
    if (next != std::string_view::npos && std::string_view("{[\"").find(text[next]) != std::string_view::npos)
      return true;
  }
  return contains(text, "{\"") || contains(text, "\":") || contains(text, "\"}") || contains(text, "\\\"");
}

// Sentence-ending marks.
const std::array<std::string_view, 6> kZhEnds = {"。", "！", "？", "!", "?", "."};
const std::array<std::string_view, 6> kClosers = {"”", "」", "』", "）", ")", "\""};

std::string_view strip_closers(std::string_view t) {
  bool again = true;
  while (again) {
    again = false;
    for (auto c : kClosers)
      if (t.ends_with(c)) {
        t.remove_suffix(c.size());
        again = true;
      }
  }
  return t;
}

bool ends_finished(std::string_view text, Language lang) {
  std::string_view t = strip_closers(text);
  if (lang == Language::kZh) return std::any_of(kZhEnds.begin(), kZhEnds.end(), [&](auto e) { return t.ends_with(e); });
  return t.ends_with(".") || t.ends_with("!") || t.ends_with("?");
}

bool several_sentences(std::string_view text, Language lang) {
  std::string_view body = strip_closers(text);
  // Drop the final mark; any other sentence end means two sentences.
  for (auto e : kZhEnds)
    if (body.ends_with(e)) {
      body.remove_suffix(e.size());
      break;
    }
  if (lang == Language::kZh && (contains(body, "。") || contains(body, "！") || contains(body, "？"))) return true;
  for (size_t i = 0; i + 2 < body.size(); ++i) {
    char c = body[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    if (j < body.size() && (body[j] == '"' || body[j] == ')')) ++j;
    if (j < body.size() && body[j] == ' ' && j + 1 < body.size() && std::isupper(static_cast<unsigned char>(body[j + 1])))
      return true;
  }
  return false;
}

std::string cjk_outside_code(std::string_view text) {
  std::string out;
  bool in_code = false;
  for (char c : text) {
    if (c == '`') in_code = !in_code;
    else if (!in_code) out += c;
  }
  return out;
}

void check_form(const std::string& text, Mode mode, Language lang, std::vector<std::string>& why) {
  const std::string lower = ascii_lower(text);
  const size_t limit = mode == Mode::kSentence ? kMaxSentence : kMaxTitle;
  if (text.empty()) {
    why.push_back("is empty");
    return;
  }
  if (utf8_code_points(text) > limit) why.push_back(fmt::format("is too long (at most {} characters)", limit));
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
    why.push_back("contains a line break or control character");
  if (contains(text, "```") || contains(text, "~~~")) why.push_back("contains a code fence");
  if (looks_like_json(text)) why.push_back("contains raw JSON");
  if (contains(text, "](")) why.push_back("contains a Markdown link");
  for (size_t i = 0; i + 1 < text.size(); ++i)
    if (text[i] == '<' && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/' || text[i + 1] == '!')) {
      why.push_back("contains an HTML or chat tag");
      break;
    }
  if (text.starts_with("# ") || text.starts_with("## ") || text.starts_with("- ") || text.starts_with("* ") ||
      text.starts_with("> "))
    why.push_back("contains Markdown markup");
  if (mass_mention(lower)) why.push_back("mentions everyone (@all, @here, <!channel>...)");
  if (has_fact_id_token(text)) why.push_back("puts fact ids in the text: they belong in \"cites\" only");
  if (lang == Language::kZh && !has_cjk(text)) why.push_back("is not in Chinese");
  if (lang == Language::kEn && has_cjk(cjk_outside_code(text))) why.push_back("is not in English");
  if (mode == Mode::kSentence) {
    if (several_sentences(text, lang)) why.push_back("holds more than one sentence: write one per entry");
    if (!ends_finished(text, lang)) why.push_back("does not end like a finished sentence");
  }
}

void check_grounding(const std::string& text, const Evidence& ev, const VerifyScope& scope,
                     std::vector<std::string>& why) {
  ScannedText t = scan_text(text);
  if (t.unbalanced_backtick) why.push_back("has an unclosed `");
  for (const auto& url : t.urls)
    if (!ev.urls.count(url)) why.push_back(fmt::format("links to {}, which is not in the cited facts", url));
  for (const auto& sha : t.shas)
    if (std::none_of(ev.shas.begin(), ev.shas.end(), [&](const std::string& full) { return full.starts_with(sha); }))
      why.push_back(fmt::format("names SHA {}, which is not a commit of the cited facts", sha));
  for (const auto& ref : t.refs)
    if (!ev.refs.count(ref)) why.push_back(fmt::format("names #{}, which is not a PR or issue of the cited facts", ref));
  for (const auto& v : t.versions)
    if (!ev.mentions(v)) why.push_back(fmt::format("names version {}, which is not in the cited facts", v));
  for (const auto& p : t.paths)
    if (!ev.mentions(p)) why.push_back(fmt::format("names {}, which is not in the cited facts", p));
  for (const auto& m : t.mentions)
    if (!ev.mentions(m)) why.push_back(fmt::format("mentions {}, who is not in the cited facts", m));
  for (const auto& c : t.code)
    if (c.empty() || !ev.mentions(c)) why.push_back(fmt::format("quotes `{}`, which is not in the cited facts", c));
  for (const auto& n : t.numbers)
    if (!ev.numbers.count(n) && !scope.free_numbers.count(n))
      why.push_back(fmt::format("states the number {}, which is not in the cited facts", n));
}

// A rendering keeps every identifier and number of its source title.
void check_kept(const std::string& rendering, const std::string& source, std::vector<std::string>& why) {
  const ScannedText from = scan_text(source), to = scan_text(rendering);
  auto keep = [&](const std::vector<std::string>& was, const std::vector<std::string>& now, const char* what) {
    for (const auto& piece : was)
      if (std::find(now.begin(), now.end(), piece) == now.end())
        why.push_back(fmt::format("drops the {} {} of the source title", what, piece));
  };
  keep(from.shas, to.shas, "SHA");
  keep(from.refs, to.refs, "number #");
  keep(from.versions, to.versions, "version");
  keep(from.paths, to.paths, "name");
  keep(from.code, to.code, "code");
  keep(from.numbers, to.numbers, "number");
}

std::vector<std::string> dedupe(std::vector<std::string> why) {
  std::vector<std::string> out;
  for (auto& w : why)
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  return out;
}

}  // namespace

std::string normalize_llm_text(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      ++i;
      continue;
    }
    out += text[i];
  }
  out.erase(0, out.find_first_not_of(" \t"));
  out.erase(out.find_last_not_of(" \t") + 1);
  return out;
}

std::vector<std::string> verify_sentence(const LlmSentence& sentence, const VerifyScope& scope) {
  std::vector<std::string> why;
  check_form(sentence.text, Mode::kSentence, scope.language, why);
  Evidence ev;
  if (sentence.cites.empty()) why.push_back("cites no fact");
  for (const auto& key : sentence.cites) {
    const Fact* f = scope.facts->find(key);
    if (f == nullptr || !scope.allowed.count(key)) {
      why.push_back(fmt::format("cites {}, which is not a fact given here", key));
      continue;
    }
    ev.add(*f);
  }
  if (!sentence.text.empty()) {
    check_grounding(sentence.text, ev, scope, why);
    for (auto& claim : unsupported_claims(sentence.text, ev.claims)) why.push_back(std::move(claim));
  }
  return dedupe(std::move(why));
}

std::vector<std::string> verify_sentences(std::vector<LlmSentence>& list, const std::string& name, size_t min,
                                          size_t max, const VerifyScope& scope) {
  std::vector<std::string> why;
  if (list.size() < min || list.size() > max)
    why.push_back(fmt::format("\"{}\" must hold {} to {} sentences (it has {})", name, min, max, list.size()));
  for (size_t i = 0; i < list.size(); ++i) {
    list[i].text = normalize_llm_text(list[i].text);
    const std::string shown = clip_utf8(list[i].text, 60);
    for (const auto& reason : verify_sentence(list[i], scope))
      why.push_back(fmt::format("{}[{}] \"{}\" {}", name, i, shown, reason));
  }
  return why;
}

std::vector<std::string> verify_title(const LlmTitle& title, const Fact& fact, const VerifyScope& scope) {
  std::vector<std::string> why;
  check_form(title.title, Mode::kTitle, scope.language, why);
  if (title.title == fact.title) why.push_back("repeats the source title");
  Evidence ev;
  ev.add(fact);
  if (title.title.empty()) return dedupe(std::move(why));
  check_grounding(title.title, ev, scope, why);
  check_kept(title.title, fact.title, why);
  // A rendering claims nothing its source title does not: only the title and
  // the change's kind back its claims, not the message around it.
  ClaimFacts source{ascii_lower(fact.title), fact.kind_names, fact.breaking, fact.severe};
  for (auto& claim : unsupported_claims(title.title, source)) why.push_back(std::move(claim));
  return dedupe(std::move(why));
}

}  // namespace infradigest
