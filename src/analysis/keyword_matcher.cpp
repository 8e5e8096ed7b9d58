#include "analysis/keyword_matcher.h"

#include <cctype>

namespace infradigest {

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
char to_lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char to_upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// Characters that join the words of one name: "gpt-oss", "gpt_oss", "Qwen3 VL", "torch.compile".
bool is_separator(char c) { return c == '-' || c == '_' || c == ' ' || c == '.'; }

// Bytes of the separator at `pos`, 0 when there is none. Besides the ASCII
// ones, the Unicode hyphens U+2010 and U+2011 ("GPT‑OSS", "pre‑commit" in
// typeset or translated titles), UTF-8 E2 80 90 / E2 80 91.
std::size_t separator_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (is_separator(text[pos])) return 1;
  if (pos + 2 < text.size() && text[pos] == '\xE2' && text[pos + 1] == '\x80' &&
      (text[pos + 2] == '\x90' || text[pos + 2] == '\x91'))
    return 3;
  return 0;
}

}  // namespace

bool is_token_boundary(std::string_view text, std::size_t i) {
  if (i == 0 || i >= text.size()) return true;
  const char a = text[i - 1];
  const char b = text[i];
  if (!is_alnum(a) || !is_alnum(b)) return true;
  if (is_digit(a) != is_digit(b)) return true;
  if (is_lower(a) && is_upper(b)) return true;
  // "MLAPaged": the acronym ends before the capital that starts a word.
  return is_upper(a) && is_upper(b) && i + 1 < text.size() && is_lower(text[i + 1]);
}

KeywordSet::KeywordSet(std::string_view alternatives) {
  while (!alternatives.empty()) {
    const std::size_t bar = alternatives.find('|');
    std::string_view word = alternatives.substr(0, bar);
    alternatives =
        bar == std::string_view::npos ? std::string_view{} : alternatives.substr(bar + 1);

    Spelling spelling;
    if (!word.empty() && word.front() == '*') {
      spelling.open_left = true;
      word.remove_prefix(1);
    }
    if (!word.empty() && word.back() == '*') {
      spelling.open_right = true;
      word.remove_suffix(1);
    }
    for (char c : word) {
      if (c == '-') {
        spelling.atoms.push_back({AtomType::kSeparator, 0});
      } else if (c == '#') {
        spelling.atoms.push_back({AtomType::kDigits, 0});
      } else {
        spelling.atoms.push_back({AtomType::kChar, to_lower(c)});
      }
    }
    if (spelling.atoms.empty()) continue;

    const Atom& first = spelling.atoms.front();
    const std::size_t index = spellings_.size();
    if (first.type == AtomType::kChar) {
      spelling.first = first.ch;
      first_chars_.set(static_cast<unsigned char>(first.ch));
      first_chars_.set(static_cast<unsigned char>(to_upper(first.ch)));
      by_first_[static_cast<unsigned char>(first.ch)].push_back(index);
    } else if (first.type == AtomType::kDigits) {
      for (char d = '0'; d <= '9'; ++d) first_chars_.set(static_cast<unsigned char>(d));
      any_first_.push_back(index);
    } else {
      first_chars_.set();
      any_first_.push_back(index);
    }
    spellings_.push_back(std::move(spelling));
  }
}

// Boundaries only matter where the keyword itself starts or ends with a word
// character: ".md" may follow "README", "docs/" may precede anything.
std::optional<std::size_t> KeywordSet::match_atoms(const Spelling& spelling, std::size_t atom,
                                                   std::string_view text, std::size_t pos) {
  if (atom == spelling.atoms.size()) {
    const Atom& last = spelling.atoms.back();
    const bool word_end =
        last.type == AtomType::kDigits || (last.type == AtomType::kChar && is_alnum(last.ch));
    if (word_end && !spelling.open_right && !is_token_boundary(text, pos)) return std::nullopt;
    return pos;
  }
  const Atom& a = spelling.atoms[atom];
  switch (a.type) {
    case AtomType::kChar:
      if (pos < text.size() && to_lower(text[pos]) == a.ch) {
        return match_atoms(spelling, atom + 1, text, pos + 1);
      }
      return std::nullopt;
    case AtomType::kSeparator:
      if (const std::size_t n = separator_length(text, pos); n > 0) {
        if (auto end = match_atoms(spelling, atom + 1, text, pos + n)) return end;
      }
      return match_atoms(spelling, atom + 1, text, pos);
    case AtomType::kDigits: {
      std::size_t digits = 0;
      while (pos + digits < text.size() && is_digit(text[pos + digits])) ++digits;
      for (; digits > 0; --digits) {
        if (auto end = match_atoms(spelling, atom + 1, text, pos + digits)) return end;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> KeywordSet::match_end(const Spelling& spelling, std::string_view text,
                                                 std::size_t pos) {
  const Atom& first = spelling.atoms.front();
  const bool word_start =
      first.type == AtomType::kDigits || (first.type == AtomType::kChar && is_alnum(first.ch));
  if (word_start && !spelling.open_left && !is_token_boundary(text, pos)) return std::nullopt;
  return match_atoms(spelling, 0, text, pos);
}

std::optional<KeywordHit> KeywordSet::match_at(std::string_view text, std::size_t pos) const {
  std::optional<KeywordHit> best;
  if (pos >= text.size() || !first_chars_.test(static_cast<unsigned char>(text[pos]))) return best;
  auto try_all = [&](const std::vector<std::size_t>& candidates) {
    for (std::size_t k : candidates) {
      auto end = match_end(spellings_[k], text, pos);
      if (end && (!best || *end > best->end)) best = KeywordHit{pos, *end};
    }
  };
  try_all(by_first_[static_cast<unsigned char>(to_lower(text[pos]))]);
  try_all(any_first_);
  return best;
}

std::optional<KeywordHit> KeywordSet::find(std::string_view text, std::size_t from) const {
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    if (auto hit = match_at(text, pos)) return hit;
  }
  return std::nullopt;
}

bool KeywordSet::matches_whole(std::string_view text) const {
  for (const Spelling& spelling : spellings_) {
    const std::size_t last_start = spelling.open_left ? text.size() : 0;
    for (std::size_t pos = 0; pos <= last_start && pos < text.size(); ++pos) {
      if (match_end(spelling, text, pos) == text.size()) return true;
    }
  }
  return false;
}

}  // namespace infradigest
