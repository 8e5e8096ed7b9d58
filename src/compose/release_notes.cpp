#include "compose/release_notes.h"

#include <algorithm>
#include <sstream>

#include "core/ascii_text.h"
#include "core/text_sanitizer.h"
#include "core/utf8_text.h"

namespace infradigest {

namespace {

struct NoteWord {
  std::string_view word;
  int weight;
};

// What makes a note worth quoting, and how much.
constexpr NoteWord kNoteWords[] = {
    {"segfault", 5}, {"crash", 5},     {"hang", 5},        {"deadlock", 5}, {"wrong", 4},    {"incorrect", 4},
    {"nan", 4},      {"accuracy", 4},  {"corrupt", 4},     {"leak", 4},     {"fix", 3},      {"bug", 3},
    {"breaking", 4}, {"deprecat", 3},  {"remove", 2},      {"support", 3},  {"add", 2},      {"new", 2},
    {"blackwell", 2}, {"hopper", 2},   {"sm100", 2},       {"sm90", 2},     {"aarch64", 2},  {"rocm", 2},
    {"perf", 2},     {"faster", 2},    {"speed", 2},       {"fp8", 1},      {"fp4", 1},      {"kernel", 1},
};

// Lines that say nothing a user acts on.
constexpr std::string_view kRoutine[] = {"version number", "bump version", "update version", "changelog",
                                         "release notes", "full changelog", "what's changed", "contributors"};

// `word` at the start of a word of `text` ("fix" in "Fixed", not in "prefix";
// "nan" in "NaN", not in "maintenance").
bool starts_a_word(const std::string& text, std::string_view word) {
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    if (at == 0 || !is_ascii_alnum(text[at - 1])) return true;
  return false;
}

int notability(const std::string& line) {
  const std::string lower = ascii_lower(line);
  for (auto r : kRoutine)
    if (lower.find(r) != std::string::npos) return 0;
  int score = 0;
  for (const auto& w : kNoteWords)
    if (starts_a_word(lower, w.word)) score += w.weight;
  return score;
}

}  // namespace

std::vector<std::string> notable_release_notes(const std::string& notes, size_t max, size_t max_bytes) {
  std::vector<std::pair<int, std::string>> scored;
  std::istringstream in(notes);
  std::string line;
  while (std::getline(in, line)) {
    std::string clean = sanitize_text(line);
    while (!clean.empty() && (clean.front() == '-' || clean.front() == '*' || clean.front() == ' ' || clean.front() == '#'))
      clean.erase(0, 1);
    if (clean.empty()) continue;
    if (int score = notability(clean); score > 0) scored.emplace_back(score, clip_utf8(clean, max_bytes));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && out.size() < max; ++i)
    if (std::find(out.begin(), out.end(), scored[i].second) == out.end()) out.push_back(scored[i].second);
  return out;
}

bool is_nightly_release(const std::string& tag, const std::string& name) {
  const std::string t = ascii_lower(tag), n = ascii_lower(name);
  return t.find("nightly") != std::string::npos || n.find("nightly") != std::string::npos ||
         t.find(".dev") != std::string::npos || t.find("-dev") != std::string::npos;
}

}  // namespace infradigest
