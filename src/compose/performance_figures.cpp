#include "compose/performance_figures.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

constexpr std::size_t kMaxQuoteBytes = 220;  // longer sentences are clipped around the figure
constexpr std::size_t kClipContext = 90;     // bytes kept on each side of the figure when clipping
constexpr int kMaxNumbersPerLine = 6;        // more: a table row or a log line, not a sentence
constexpr std::size_t kWordsBefore = 5;
constexpr std::size_t kWordsAfter = 3;

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A number starting at i, at a word start ("#2627", "fp4", "v0.6" are not
// numbers here): digits with optional ",ddd" groups and one ".ddd" fraction.
std::optional<std::size_t> number_end(std::string_view t, std::size_t i) {
  if (!digit(t[i])) return std::nullopt;
  if (i > 0 && (alnum(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '#' || t[i - 1] == '/' || t[i - 1] == ','))
    return std::nullopt;
  std::size_t j = i;
  while (j < t.size() && digit(t[j])) ++j;
  while (j + 1 < t.size() && t[j] == ',' && digit(t[j + 1])) {
    ++j;
    while (j < t.size() && digit(t[j])) ++j;
  }
  if (j + 1 < t.size() && t[j] == '.' && digit(t[j + 1])) {
    ++j;
    while (j < t.size() && digit(t[j])) ++j;
  }
  // "0.6.4" is a version, "2026-02-26" a date: not a measured quantity.
  if (j + 1 < t.size() && t[j] == '.' && digit(t[j + 1])) return std::nullopt;
  return j;
}

int numbers_in(std::string_view line) {
  int n = 0;
  for (std::size_t i = 0; i < line.size();) {
    if (auto end = number_end(line, i)) {
      ++n;
      i = *end;
    } else {
      ++i;
    }
  }
  return n;
}

struct Word {
  std::string text;  // lower-case letters
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Word> words_of(std::string_view t) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < t.size();) {
    if (!alpha(t[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < t.size() && alpha(t[e])) ++e;
    out.push_back(Word{ascii_lower(t.substr(i, e - i)), i, e});
    i = e;
  }
  return out;
}

// Words that say a number is about speed. Stems: "improv" covers improves,
// improved, improvement.
bool performance_word(const std::string& w) {
  static const std::array<std::string_view, 22> kStems{
      "speedup", "speed", "faster", "slower", "throughput", "latency", "improv", "accelerat",
      "boost", "gain", "higher", "lower", "better", "reduc", "increas", "decreas",
      "perf", "tflops", "bandwidth", "ttft", "tpot", "itl"};
  return std::any_of(kStems.begin(), kStems.end(), [&](std::string_view s) { return w.starts_with(s); });
}

// A multiplier right before one of these counts GPUs or nodes: "8x H100".
bool hardware_word(const std::string& w) {
  static const std::array<std::string_view, 16> kWords{
      "gpu", "gpus", "nvidia", "amd", "node", "nodes", "card", "cards", "rtx", "h", "b", "gb", "a", "mi", "l", "v"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// The unit right after a number (and one optional space), if it makes a figure.
struct UnitHit {
  FigureKind kind;
  std::size_t end;
};

bool starts_with_ci(std::string_view t, std::size_t i, std::string_view unit) {
  if (i + unit.size() > t.size()) return false;
  for (std::size_t k = 0; k < unit.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(t[i + k])) != unit[k]) return false;
  return i + unit.size() == t.size() || !alnum(t[i + unit.size()]);
}

std::optional<UnitHit> unit_at(std::string_view t, std::size_t i) {
  if (i < t.size() && t[i] == ' ') ++i;
  if (i >= t.size()) return std::nullopt;
  if (t.substr(i).starts_with("\xC3\x97")) {  // ×
    if (i + 2 < t.size() && alnum(t[i + 2])) return std::nullopt;  // 128×128
    return UnitHit{FigureKind::kSpeedup, i + 2};
  }
  if (t[i] == 'x' || t[i] == 'X') {
    if (i + 1 < t.size() && alnum(t[i + 1])) return std::nullopt;  // 2xH100, 128x128
    return UnitHit{FigureKind::kSpeedup, i + 1};
  }
  if (t[i] == '%') return UnitHit{FigureKind::kPercent, i + 1};
  static const std::array<std::string_view, 13> kThroughput{
      "tokens/sec", "tokens/s", "token/s", "tok/sec", "tok/s", "tflops", "tflop/s", "pflops",
      "tb/s", "gb/s", "req/s", "qps", "it/s"};
  for (auto u : kThroughput)
    if (starts_with_ci(t, i, u)) return UnitHit{FigureKind::kThroughput, i + u.size()};
  static const std::array<std::string_view, 4> kLatency{"ms", "us", "\xC2\xB5s", "\xCE\xBCs"};  // µs, μs
  for (auto u : kLatency)
    if (starts_with_ci(t, i, u)) return UnitHit{FigureKind::kLatency, i + u.size()};
  return std::nullopt;
}

struct Figure {
  FigureKind kind;
  std::size_t begin;
  std::size_t end;
};

// Whether the words around [begin, end) make the figure a statement about speed.
bool in_performance_context(const std::vector<Word>& words, const Figure& f) {
  std::vector<const Word*> before, after;
  for (const auto& w : words) {
    if (w.end <= f.begin) before.push_back(&w);
    else if (w.begin >= f.end) after.push_back(&w);
  }
  if (before.size() > kWordsBefore) before.erase(before.begin(), before.end() - kWordsBefore);
  if (after.size() > kWordsAfter) after.resize(kWordsAfter);
  // Only a word right after the figure ("8x H100", not "8x faster on H100").
  const bool next_is_hardware = !after.empty() && hardware_word(after.front()->text) &&
                                after.front()->begin <= f.end + 1;
  auto any_perf = [](const std::vector<const Word*>& ws) {
    return std::any_of(ws.begin(), ws.end(), [](const Word* w) { return performance_word(w->text); });
  };
  switch (f.kind) {
    case FigureKind::kSpeedup:
      // "8x H100", "4x GPUs": counts. "2.78x throughput", "speedup: 1.35x": figures.
      if (next_is_hardware) return false;
      return any_perf(before) || any_perf(after);
    case FigureKind::kPercent:
    case FigureKind::kLatency:
      return any_perf(before) || any_perf(after);
    case FigureKind::kThroughput:
      return true;
  }
  return false;
}

std::vector<Figure> figures_in(std::string_view sentence) {
  std::vector<Figure> out;
  const auto words = words_of(sentence);
  for (std::size_t i = 0; i < sentence.size();) {
    auto end = number_end(sentence, i);
    if (!end) {
      ++i;
      continue;
    }
    if (auto unit = unit_at(sentence, *end)) {
      Figure f{unit->kind, i, unit->end};
      if (in_performance_context(words, f)) out.push_back(f);
      i = unit->end;
    } else {
      i = *end;
    }
  }
  return out;
}

// Lines that are data, markup or sign-offs rather than prose.
bool skip_line(std::string_view line) {
  if (std::count(line.begin(), line.end(), '|') >= 2) return true;  // a table row
  if (numbers_in(line) >= kMaxNumbersPerLine) return true;
  const std::string l = ascii_lower(line);
  for (std::string_view noise : {"[perf]", "median time", ".....", "sssss", "signed-off-by", "co-authored-by",
                                 "<img", "alt=", "%]", "<!--"})
    if (l.find(noise) != std::string::npos) return true;
  return false;
}

bool starts_item(std::string_view line) {
  if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") || line.starts_with("#") ||
      line.starts_with("> "))
    return true;
  std::size_t i = 0;
  while (i < line.size() && digit(line[i])) ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

// Prose paragraphs: wrapped lines joined with one space; bullets and headings
// start a new paragraph; code blocks, tables and logs are left out.
std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  bool in_code = false;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = trim(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    if (line.starts_with("```")) {
      in_code = !in_code;
      flush();
      continue;
    }
    if (in_code || line.empty() || skip_line(line)) {
      flush();
      continue;
    }
    const bool heading = line.starts_with("#");
    if (starts_item(line)) {
      flush();
      while (!line.empty() && (line.front() == '-' || line.front() == '*' || line.front() == '+' ||
                               line.front() == '#' || line.front() == '>' || line.front() == ' '))
        line.remove_prefix(1);
    }
    if (!current.empty()) current += ' ';
    current += line;
    if (heading) flush();  // "## Results" is not the start of the next sentence
  }
  flush();
  return out;
}

// "vs. 4×", "e.g. B200": a period that does not end the sentence.
bool abbreviation_before(std::string_view p, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (alpha(p[b - 1]) || p[b - 1] == '.')) --b;
  const std::string word = ascii_lower(p.substr(b, dot - b));
  for (std::string_view a : {"vs", "e.g", "i.e", "approx", "ca", "fig", "no", "cf"})
    if (word == a) return true;
  return false;
}

// Sentences: split after ". ", "! ", "? " before a capital or digit, and after "。".
std::vector<std::string_view> sentences(std::string_view p) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::size_t cut = std::string_view::npos;
    if ((p[i] == '.' || p[i] == '!' || p[i] == '?') && i + 2 < p.size() && p[i + 1] == ' ' &&
        (std::isupper(static_cast<unsigned char>(p[i + 2])) || digit(p[i + 2])) && !abbreviation_before(p, i))
      cut = i + 1;
    else if (p.substr(i).starts_with("\xE3\x80\x82"))  // 。
      cut = i + 3;
    if (cut == std::string_view::npos) continue;
    out.push_back(trim(p.substr(begin, cut - begin)));
    begin = cut;
  }
  if (begin < p.size()) out.push_back(trim(p.substr(begin)));
  std::erase_if(out, [](std::string_view s) { return s.empty(); });
  return out;
}

FigureQuote quote_of(std::string_view sentence, const Figure& first) {
  FigureQuote q;
  std::size_t from = 0, to = sentence.size();
  if (sentence.size() > kMaxQuoteBytes) {
    if (first.begin > kClipContext) {
      std::size_t space = sentence.find(' ', first.begin - kClipContext);
      if (space != std::string_view::npos && space < first.begin) {
        from = space + 1;
        q.clipped_before = true;
      }
    }
    if (first.end + kClipContext < sentence.size()) {
      std::size_t space = sentence.rfind(' ', first.end + kClipContext);
      if (space != std::string_view::npos && space >= first.end) {
        to = space;
        q.clipped_after = true;
      }
    }
  }
  q.quote = std::string(trim(sentence.substr(from, to - from)));
  return q;
}

}  // namespace

int figure_strength(FigureKind kind) {
  switch (kind) {
    case FigureKind::kSpeedup: return 3;
    case FigureKind::kThroughput: return 2;
    case FigureKind::kPercent: return 2;
    case FigureKind::kLatency: return 1;
  }
  return 0;
}

std::vector<FigureQuote> find_performance_figures(std::string_view text) {
  std::vector<FigureQuote> out;
  for (const auto& p : paragraphs(text))
    for (auto sentence : sentences(p)) {
      auto found = figures_in(sentence);
      if (found.empty()) continue;
      const Figure* best = &found.front();
      for (const auto& f : found)
        if (figure_strength(f.kind) > figure_strength(best->kind)) best = &f;
      FigureQuote q = quote_of(sentence, found.front());
      q.kind = best->kind;
      if (std::none_of(out.begin(), out.end(), [&](const FigureQuote& o) { return o.quote == q.quote; }))
        out.push_back(std::move(q));
    }
  return out;
}

}  // namespace infradigest
