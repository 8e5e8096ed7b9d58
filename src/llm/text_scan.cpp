#include "llm/text_scan.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters of an ASCII token: identifiers, paths, versions, refs, handles.
bool is_token_char(char c) {
  return is_alpha(c) || is_digit(c) || std::string_view("_.-/+#@:=%~").find(c) != std::string_view::npos;
}

// "10,000" → "10000": thousands separators between digits.
std::string drop_thousands_commas(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' && i > 0 && is_digit(text[i - 1]) && i + 3 < text.size() && is_digit(text[i + 1]) &&
        is_digit(text[i + 2]) && is_digit(text[i + 3]) && (i + 4 >= text.size() || !is_digit(text[i + 4])))
      continue;
    out += text[i];
  }
  return out;
}

// Digit runs with inner dots: "Qwen3.5-VL" → "3.5"; "+147/−0" → "147", "0".
void number_runs(std::string_view token, std::vector<std::string>& out) {
  for (size_t i = 0; i < token.size();) {
    if (!is_digit(token[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < token.size() && (is_digit(token[j]) || (token[j] == '.' && j + 1 < token.size() && is_digit(token[j + 1]))))
      ++j;
    out.push_back(normalize_number(token.substr(i, j - i)));
    i = j;
  }
}

const std::array<std::string_view, 28> kFileExtensions = {
    "py", "pyi", "cpp", "cc", "cxx", "c", "h", "hpp", "cu", "cuh", "md", "rst", "txt", "toml",
    "yaml", "yml", "json", "sh", "rs", "go", "java", "ts", "js", "cmake", "cfg", "ini", "proto", "ipynb"};
const std::array<std::string_view, 14> kTopLevelDomains = {"com", "org", "net", "io", "ai", "cn", "dev",
                                                           "app", "co", "me", "xyz", "info", "sh", "ly"};

bool is_sha_like(std::string_view t) {
  if (t.size() < 7 || t.size() > 40) return false;
  bool digit = false, letter = false;
  for (char c : t) {
    if (!is_hex(c)) return false;
    (is_digit(c) ? digit : letter) = true;
  }
  return digit && letter;
}

bool is_version_like(std::string_view t) {
  if ((t[0] == 'v' || t[0] == 'V') && t.size() > 1 && is_digit(t[1])) return true;
  // Three dotted parts or more: "4.4.1", "0.6.3.post1"
  size_t dots = 0, i = 0;
  while (i < t.size() && (is_digit(t[i]) || t[i] == '.')) dots += t[i++] == '.' ? 1 : 0;
  return is_digit(t[0]) && dots >= 2;
}

bool is_path_like(std::string_view t) {
  const size_t slashes = static_cast<size_t>(std::count(t.begin(), t.end(), '/'));
  const size_t dot = t.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : ascii_lower(t.substr(dot + 1));
  bool has_letter = std::any_of(t.begin(), t.end(), is_alpha);
  const bool word_before_dot =
      dot != std::string_view::npos && dot > 0 && (is_alpha(t[dot - 1]) || is_digit(t[dot - 1]) || t[dot - 1] == '_');
  if (word_before_dot && has_letter &&
      std::find(kFileExtensions.begin(), kFileExtensions.end(), ext) != kFileExtensions.end())
    return true;
  if (slashes >= 2) return true;
  const size_t dots = static_cast<size_t>(std::count(t.begin(), t.end(), '.'));
  if (dots >= 2 && has_letter && !is_version_like(t)) return true;  // a.b.c identifiers, hosts
  if (dots == 1 && std::find(kTopLevelDomains.begin(), kTopLevelDomains.end(), ext) != kTopLevelDomains.end() &&
      dot > 0 && is_alpha(t[dot - 1]))
    return true;
  return false;
}

// Chinese numerals before a measure word: "三个", "十二项", "两处".
void chinese_numbers(std::string_view text, std::vector<std::string>& out) {
  static const std::array<std::string_view, 11> kDigits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "两"};
  static const std::array<std::string_view, 9> kMeasures = {"个", "项", "条", "次", "处", "名", "位", "份", "款"};
  auto digit_at = [&](size_t i) -> int {
    for (size_t d = 0; d < kDigits.size(); ++d)
      if (text.substr(i, kDigits[d].size()) == kDigits[d]) return d == 10 ? 2 : static_cast<int>(d);
    return -1;
  };
  const std::string_view ten = "十";
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    int value = 0, current = -1;
    bool any = false, saw_ten = false;
    while (j < text.size()) {
      if (int d = digit_at(j); d >= 0) {
        current = d;
        j += 3;
        any = true;
      } else if (text.substr(j, 3) == ten) {
        value += (current < 0 ? 1 : current) * 10;
        current = -1;
        saw_ten = true;
        j += 3;
        any = true;
      } else {
        break;
      }
    }
    if (!any) {
      ++i;
      continue;
    }
    if (current >= 0) value += current;
    bool measured = std::any_of(kMeasures.begin(), kMeasures.end(),
                                [&](std::string_view m) { return text.substr(j, m.size()) == m; });
    // "一个" is the article "a", not a count.
    if (measured && (value != 1 || saw_ten)) out.push_back(std::to_string(value));
    i = j;
  }
}

void scan_tokens(std::string_view text, ScannedText& out) {
  for (size_t i = 0; i < text.size();) {
    if (!is_token_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_token_char(text[j])) ++j;
    std::string_view t = text.substr(i, j - i);
    i = j;
    while (!t.empty() && std::string_view(".:-/+=~%_").find(t.back()) != std::string_view::npos) t.remove_suffix(1);
    while (!t.empty() && std::string_view(".:-/=~").find(t.front()) != std::string_view::npos) t.remove_prefix(1);
    if (t.empty()) continue;
    if (t.front() == '@' && t.size() > 1) {
      out.mentions.emplace_back(t);
      continue;
    }
    // "#123" anywhere in the token; the rest is checked on its own.
    std::string rest;
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k] == '#' && k + 1 < t.size() && is_digit(t[k + 1])) {
        size_t e = k + 1;
        while (e < t.size() && is_digit(t[e])) ++e;
        out.refs.push_back(normalize_number(t.substr(k + 1, e - k - 1)));
        rest += ' ';
        k = e - 1;
      } else {
        rest += t[k];
      }
    }
    if (is_sha_like(t)) {
      out.shas.push_back(ascii_lower(t));
      continue;
    }
    if (is_version_like(t)) out.versions.emplace_back(t);
    else if (is_path_like(t)) out.paths.emplace_back(t);
    number_runs(rest, out.numbers);
  }
}

}  // namespace

std::string normalize_number(std::string_view digits) {
  if (digits.find('.') != std::string_view::npos) return std::string(digits);
  size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

void collect_numbers(std::string_view text, std::set<std::string>& out) {
  std::vector<std::string> runs;
  number_runs(drop_thousands_commas(text), runs);
  out.insert(runs.begin(), runs.end());
}

ScannedText scan_text(std::string_view input) {
  ScannedText out;
  std::string text = drop_thousands_commas(input);
  // `code` spans first: their content is checked whole, not token by token.
  std::string rest;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '`') {
      rest += text[i];
      continue;
    }
    size_t close = text.find('`', i + 1);
    if (close == std::string::npos) {
      out.unbalanced_backtick = true;
      rest += ' ';
      continue;
    }
    out.code.push_back(text.substr(i + 1, close - i - 1));
    rest += ' ';
    i = close;
  }
  // URLs next, so their pieces are not read as paths or numbers.
  std::string plain;
  const std::string lower = ascii_lower(rest);
  for (size_t i = 0; i < rest.size();) {
    if (lower.compare(i, 7, "http://") == 0 || lower.compare(i, 8, "https://") == 0) {
      size_t j = i;
      while (j < rest.size() && static_cast<unsigned char>(rest[j]) > 0x20 && static_cast<unsigned char>(rest[j]) < 0x80 &&
             std::string_view("<>\"'()[]{}|\\^`").find(rest[j]) == std::string_view::npos)
        ++j;
      std::string url = rest.substr(i, j - i);
      while (!url.empty() && std::string_view(".,;:!?").find(url.back()) != std::string_view::npos) url.pop_back();
      out.urls.push_back(url);
      plain += ' ';
      i = j;
    } else {
      plain += rest[i++];
    }
  }
  chinese_numbers(plain, out.numbers);
  scan_tokens(plain, out);
  return out;
}

}  // namespace infradigest
