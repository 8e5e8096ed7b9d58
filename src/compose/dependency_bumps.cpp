#include "compose/dependency_bumps.h"

#include <algorithm>
#include <cctype>

#include "compose/watched_projects.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// An update verb: bump, upgrade, update, pin, uplift, in any inflection.
bool is_update_verb(const std::string& word) {
  static const char* kStems[] = {"bump", "upgrad", "updat", "pin", "uplift"};
  for (const char* stem : kStems) {
    const std::string s(stem);
    if (word == s) return true;
    // bumps, bumped, bumping, upgrades, upgraded, updating, pinned, pins...
    if (word.starts_with(s) && word.size() <= s.size() + 4) {
      const std::string rest = word.substr(s.size());
      if (rest == "s" || rest == "ed" || rest == "ing" || rest == "es" || rest == "e" || rest == "ned" ||
          rest == "ning" || rest == "ped" || rest == "ping" || rest == "d")
        return true;
    }
  }
  return false;
}

// A token of a line: letters, digits and the joiners of package names and
// versions ("nvidia-cutlass-dsl", "0.6.4.post1"), lower-cased.
struct Word {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool token_char(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '+'; }

std::vector<Word> words_of(std::string_view t) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < t.size();) {
    if (!token_char(t[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < t.size() && token_char(t[e])) ++e;
    out.push_back(Word{ascii_lower(t.substr(i, e - i)), i, e});
    i = e;
  }
  return out;
}

// Words that may sit between the verb and the name: "bump *the* flashinfer",
// "upgrade *to* CUTLASS", "FlashInfer *version* bump", a version, or another
// watched project ("Upgrade FlashInfer to 0.6.4 *and* nvidia-cutlass-dsl").
bool filler(const Word& w, const std::vector<ProjectMention>& mentions) {
  static const char* kWords[] = {"to",   "the",          "a",   "an",          "up",           "and",
                                 "version", "versions", "dependency", "dependencies", "dep", "deps",
                                 "requirement", "requirements", "package", "wheel", "pin", "of", "&"};
  for (const char* k : kWords)
    if (w.text == k) return true;
  const std::size_t digit_at = !w.text.empty() && w.text[0] == 'v' ? 1 : 0;
  if (digit_at < w.text.size() && std::isdigit(static_cast<unsigned char>(w.text[digit_at]))) return true;
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const ProjectMention& m) { return m.begin < w.end && w.begin < m.end; });
}

// Whether an update verb governs the name at [begin, end): it comes right
// before it (across at most five filler words) or right after (across two).
// "Update tests for flashinfer 0.6.4" moves no pin.
bool verb_governs(const std::vector<Word>& words, const std::vector<ProjectMention>& mentions, std::size_t begin,
                  std::size_t end) {
  constexpr int kBefore = 5, kAfter = 2;
  int skipped = 0;
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (it->end > begin) continue;
    if (is_update_verb(it->text)) return true;
    if (!filler(*it, mentions) || ++skipped > kBefore) break;
  }
  skipped = 0;
  for (const auto& w : words) {
    if (w.begin < end) continue;
    if (is_update_verb(w.text)) return true;
    if (!filler(w, mentions) || ++skipped > kAfter) break;
  }
  return false;
}

// A version token starting at `i`: optional 'v', digits, at least one ".digits",
// then an optional suffix of letters/digits/dots/'+'/'-' ("0.6.4.post1", "4.4.1rc0").
std::optional<std::size_t> version_end(std::string_view t, std::size_t i) {
  if (i > 0 && (is_alnum(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '#')) return std::nullopt;
  std::size_t j = i;
  if (j < t.size() && (t[j] == 'v' || t[j] == 'V')) ++j;
  const std::size_t digits = j;
  while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j]))) ++j;
  if (j == digits) return std::nullopt;
  int dots = 0;
  while (j + 1 < t.size() && t[j] == '.' && std::isdigit(static_cast<unsigned char>(t[j + 1]))) {
    ++j;
    while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j]))) ++j;
    ++dots;
  }
  if (dots == 0) return std::nullopt;
  while (j < t.size() && (is_alnum(t[j]) || t[j] == '+' || t[j] == '-' ||
                          (t[j] == '.' && j + 1 < t.size() && is_alnum(t[j + 1]))))
    ++j;
  return j;
}

// The first version in t[from, to), verbatim.
std::optional<std::string> first_version(std::string_view t, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < t.size(); ++i)
    if (auto end = version_end(t, i); end && *end <= to) return std::string(t.substr(i, *end - i));
  return std::nullopt;
}

bool is_revert(std::string_view title) {
  const std::string t = ascii_lower(title);
  return t.starts_with("revert") || t.find("[revert]") != std::string::npos;
}

// Bumps named on one line: each mentioned project that an update verb
// governs, with the version that follows it (before the next project's name).
std::vector<PinBump> bumps_in_line(std::string_view line, bool version_required, const std::string& own_repo,
                                   const WatchedProjects& watched) {
  std::vector<PinBump> out;
  const auto words = words_of(line);
  auto mentions = watched.mentions(line);
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const auto& m = mentions[k];
    if (m.repo == own_repo || !verb_governs(words, mentions, m.begin, m.end)) continue;
    const std::size_t stop = k + 1 < mentions.size() ? mentions[k + 1].begin : line.size();
    auto version = first_version(line, m.end, stop);
    if (!version && version_required) continue;
    if (std::any_of(out.begin(), out.end(), [&](const PinBump& b) { return b.upstream == m.repo; })) continue;
    out.push_back(PinBump{m.repo, version});
  }
  return out;
}

}  // namespace

bool is_dependency_file(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string base = ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  const std::string full = ascii_lower(path);
  const bool in_requirements_dir = full.starts_with("requirements/") || full.find("/requirements/") != std::string::npos;
  return ((base.starts_with("requirements") || in_requirements_dir) && base.ends_with(".txt")) || base == "pyproject.toml" ||
         base == "setup.py" || base == "cmakelists.txt" || base.ends_with(".cmake") ||
         base.starts_with("dockerfile") || full.starts_with("docker/") || full.find("/docker/") != std::string::npos;
}

std::vector<PinBump> detect_pin_bumps(std::string_view title, std::string_view message,
                                      const std::vector<FileChange>& files, const std::string& own_repo,
                                      const WatchedProjects& watched) {
  if (is_revert(title)) return {};
  const bool touches_pins = std::any_of(files.begin(), files.end(),
                                        [](const FileChange& f) { return is_dependency_file(f.filename); });
  std::vector<PinBump> out = bumps_in_line(title, !touches_pins, own_repo, watched);
  // The message's first line is the title; later lines (squashed commit lists,
  // PR descriptions) may name more bumps, each with its version.
  std::size_t start = message.find('\n');
  while (start != std::string_view::npos) {
    const std::size_t end = message.find('\n', start + 1);
    std::string_view line = message.substr(start + 1, end == std::string_view::npos ? std::string_view::npos
                                                                                    : end - start - 1);
    for (auto& b : bumps_in_line(line, true, own_repo, watched)) {
      auto same = std::find_if(out.begin(), out.end(), [&](const PinBump& o) { return o.upstream == b.upstream; });
      if (same == out.end()) out.push_back(std::move(b));
      else if (!same->version) same->version = b.version;
    }
    start = end;
  }
  return out;
}

bool same_version(std::string_view a, std::string_view b) {
  auto bare = [](std::string_view v) {
    if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
    return ascii_lower(v);
  };
  return !a.empty() && bare(a) == bare(b);
}

bool names_version(std::string_view text, std::string_view version) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (auto end = version_end(text, i)) {
      if (same_version(text.substr(i, *end - i), version)) return true;
      i = *end;
    }
  return false;
}

}  // namespace infradigest
