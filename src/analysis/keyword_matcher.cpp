#include "analysis/keyword_matcher.h"

#include <algorithm>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

// ASCII classes, the same answers as <cctype> in the "C" locale the program
// runs in (bytes of UTF-8 sequences are never letters or digits), without a
// library call per character: the rules scan every changed path of the day.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

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

TextProfile::TextProfile(std::string_view text) : chars_(0), pairs_{} {
  for (std::size_t i = 0; i < text.size(); ++i) {
    chars_ |= 1u << fold(text[i]);
    if (i > 0) pairs_[pair_word(text[i - 1])] |= pair_bit(text[i - 1], text[i]);
  }
}

TextProfile TextProfile::of_all(const std::vector<TextProfile>& profiles) {
  TextProfile all{std::string_view{}};
  for (const TextProfile& p : profiles) {
    all.chars_ |= p.chars_;
    for (std::size_t w = 0; w < all.pairs_.size(); ++w) all.pairs_[w] |= p.pairs_[w];
  }
  return all;
}

bool is_token_boundary(std::string_view text, std::size_t i) {
  if (i == 0 || i >= text.size()) return true;
  const char a = text[i - 1];
  const char b = text[i];
  if (!is_ascii_alnum(a) || !is_ascii_alnum(b)) return true;
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
    for (std::size_t i = 0; i < spelling.atoms.size(); ++i) {
      const Atom& a = spelling.atoms[i];
      if (a.type != AtomType::kChar) continue;
      spelling.plain_chars |= 1u << TextProfile::fold(a.ch);
      if (i + 1 < spelling.atoms.size() && spelling.atoms[i + 1].type == AtomType::kChar)
        spelling.plain_pairs.emplace_back(TextProfile::pair_word(a.ch),
                                          TextProfile::pair_bit(a.ch, spelling.atoms[i + 1].ch));
    }
    if (!spelling.plain_pairs.empty()) {
      // Not a structured binding: clang 14 cannot capture one in the lambda.
      const auto key_word = spelling.plain_pairs.front().first;
      const auto key_bit = spelling.plain_pairs.front().second;
      auto key = std::find_if(key_pairs_.begin(), key_pairs_.end(),
                              [&](const auto& k) { return k.first == key_word; });
      if (key == key_pairs_.end())
        key_pairs_.emplace_back(key_word, key_bit);
      else
        key->second |= key_bit;
    } else if (spelling.plain_chars != 0) {
      key_chars_.push_back(spelling.plain_chars);
    } else {
      keyless_spelling_ = true;
    }

    const Atom& first = spelling.atoms.front();
    const std::size_t index = spellings_.size();
    if (first.type == AtomType::kChar) {
      spelling.first = first.ch;
      if (spelling.atoms.size() > 1 && spelling.atoms[1].type == AtomType::kChar) spelling.second = spelling.atoms[1].ch;
      first_chars_.set(static_cast<unsigned char>(first.ch));
      first_chars_.set(static_cast<unsigned char>(to_upper(first.ch)));
      by_first_[static_cast<unsigned char>(first.ch)].add(index, needs_start_boundary(spelling));
    } else if (first.type == AtomType::kDigits) {
      for (char d = '0'; d <= '9'; ++d) first_chars_.set(static_cast<unsigned char>(d));
      any_first_.add(index, needs_start_boundary(spelling));
    } else {
      first_chars_.set();
      any_first_.add(index, needs_start_boundary(spelling));
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
        last.type == AtomType::kDigits || (last.type == AtomType::kChar && is_ascii_alnum(last.ch));
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

bool KeywordSet::needs_start_boundary(const Spelling& spelling) {
  const Atom& first = spelling.atoms.front();
  const bool word_start =
      first.type == AtomType::kDigits || (first.type == AtomType::kChar && is_ascii_alnum(first.ch));
  return word_start && !spelling.open_left;
}

std::optional<std::size_t> KeywordSet::match_end(const Spelling& spelling, std::string_view text,
                                                 std::size_t pos) {
  if (needs_start_boundary(spelling) && !is_token_boundary(text, pos)) return std::nullopt;
  return match_atoms(spelling, 0, text, pos);
}

std::optional<KeywordHit> KeywordSet::match_at(std::string_view text, std::size_t pos) const {
  std::optional<KeywordHit> best;
  if (pos >= text.size() || !first_chars_.test(static_cast<unsigned char>(text[pos]))) return best;
  // The boundary is the same for every spelling tried here: decided once.
  std::optional<bool> boundary;
  auto try_all = [&](const Candidates& candidates) {
    auto try_one = [&](std::size_t k) {
      const Spelling& spelling = spellings_[k];
      if (spelling.second != 0 && (pos + 1 >= text.size() || to_lower(text[pos + 1]) != spelling.second)) return;
      auto end = match_atoms(spelling, 0, text, pos);
      if (end && (!best || *end > best->end)) best = KeywordHit{pos, *end};
    };
    for (std::size_t k : candidates.anywhere) try_one(k);
    if (candidates.at_boundary.empty()) return;
    if (!boundary) boundary = is_token_boundary(text, pos);
    if (!*boundary) return;
    for (std::size_t k : candidates.at_boundary) try_one(k);
  };
  try_all(by_first_[static_cast<unsigned char>(to_lower(text[pos]))]);
  try_all(any_first_);
  return best;
}

std::optional<KeywordHit> KeywordSet::find(std::string_view text, std::size_t from) const {
  // Every rule scans every changed path: positions no spelling can start at
  // are stepped over here, without a call.
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    if (!first_chars_[static_cast<unsigned char>(text[pos])]) continue;
    if (auto hit = match_at(text, pos)) return hit;
  }
  return std::nullopt;
}

// A plain atom matches one byte whose lower case is the atom's character, and
// two adjacent plain atoms match two adjacent bytes: upper and lower case fold
// to the same class, so whatever a spelling matches shows in the profile.
bool KeywordSet::may_occur(const Spelling& spelling, const TextProfile& profile) {
  if ((spelling.plain_chars & ~profile.chars_) != 0) return false;
  for (const auto& [word, bit] : spelling.plain_pairs)
    if ((profile.pairs_[word] & bit) == 0) return false;
  return true;
}

bool KeywordSet::may_occur_in(const TextProfile& profile) const {
  if (keyless_spelling_) return true;
  for (const auto& [word, bits] : key_pairs_)
    if ((profile.pairs_[word] & bits) != 0) return true;
  for (std::uint32_t chars : key_chars_)
    if ((chars & ~profile.chars_) == 0) return true;
  return false;
}

// The positions and tests match_at() applies to this spelling: its first
// character (when plain), the start boundary, then the atoms.
std::optional<KeywordHit> KeywordSet::find_spelling(const Spelling& spelling, std::string_view text,
                                                    std::size_t from) {
  const bool boundary = needs_start_boundary(spelling);
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    if (spelling.first != 0 && to_lower(text[pos]) != spelling.first) continue;
    if (boundary && !is_token_boundary(text, pos)) continue;
    if (auto end = match_atoms(spelling, 0, text, pos)) return KeywordHit{pos, *end};
  }
  return std::nullopt;
}

std::optional<KeywordHit> KeywordSet::find(std::string_view text, const TextProfile& profile,
                                           std::size_t from) const {
  if (!may_occur_in(profile)) return std::nullopt;
  // A few spellings left: each scanned alone, the earliest hit (the longest
  // on ties) kept, as the scan of the whole set would. More: the whole set.
  constexpr std::size_t kMaxScannedAlone = 4;
  std::array<const Spelling*, kMaxScannedAlone> left{};
  std::size_t count = 0;
  for (const Spelling& spelling : spellings_) {
    if (!may_occur(spelling, profile)) continue;
    if (count == kMaxScannedAlone) return find(text, from);
    left[count++] = &spelling;
  }
  std::optional<KeywordHit> best;
  for (std::size_t i = 0; i < count; ++i) {
    auto hit = find_spelling(*left[i], text, from);
    if (hit && (!best || hit->begin < best->begin || (hit->begin == best->begin && hit->end > best->end)))
      best = hit;
  }
  return best;
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
