// Keyword matching for the classification rules: token-aware, case-insensitive
// search without regexes, so "AMD" never matches inside "command" and "MLA"
// does match inside "BatchMLAPagedAttentionWrapper".
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace infradigest {

// A token boundary sits at either end of the text and between two characters
// when one is not a letter or digit ("flash_fwd|_|sm100"), at a letter/digit
// change ("qwen|3", "mi300|x"), at a camelCase step ("Fused|MoE") and where an
// acronym meets a capitalised word ("MLA|Paged"). REQUIRES: i <= text.size().
bool is_token_boundary(std::string_view text, std::size_t i);

// Which bytes and which pairs of adjacent bytes a text holds, each byte
// folded to one of 32 classes (its low five bits: 'a' and 'A' share one). A
// keyword whose plain characters, or pairs of adjacent plain characters, are
// missing from the profile cannot occur in the text: one profile per changed
// path lets the hundreds of rule spellings that read paths pass over most
// paths without a scan. Classes are shared by several bytes, so a profile
// only ever says "may contain", never a false "cannot".
class TextProfile {
 public:
  // A profile of no text in particular: it rules nothing out.
  TextProfile() { pairs_.fill(~std::uint64_t{0}); }
  explicit TextProfile(std::string_view text);
  // The profile of several texts together: what it rules out, no part of
  // any of them holds.
  static TextProfile of_all(const std::vector<TextProfile>& profiles);

 private:
  friend class KeywordSet;
  static unsigned fold(char c) { return static_cast<unsigned char>(c) & 31u; }
  // The pair (a, b) is bit pair_bit(a, b) of word pair_word(a).
  static unsigned pair_word(char a) { return fold(a) >> 1; }
  static std::uint64_t pair_bit(char a, char b) {
    return std::uint64_t{1} << ((fold(a) & 1u) * 32 + fold(b));
  }
  std::uint32_t chars_ = ~std::uint32_t{0};
  std::array<std::uint64_t, 16> pairs_;
};

struct KeywordHit {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last matched character
};

// A set of alternatives separated by '|', each written in a small syntax:
//   letters and digits match case-insensitively and only at token boundaries;
//   '-'  matches one optional separator ('-', '_', ' ', '.' or the Unicode
//        hyphens U+2010/U+2011), so "gpt-oss" matches "GPT-OSS", "gpt_oss",
//        "GPT‑OSS" and "gptoss";
//   '#'  matches one or more digits: "v#.#" matches "v4.4";
//   '*'  as first or last character lifts the boundary requirement on that
//        side: "*gemm" matches "routergemm", "quant*" matches "quantization";
//   any other character matches itself ("docs/", ".md", "chore(deps)").
// Immutable after construction; safe to share between threads.
class KeywordSet {
 public:
  KeywordSet() = default;
  explicit KeywordSet(std::string_view alternatives);

  bool empty() const { return spellings_.empty(); }
  // The earliest hit starting at or after `from`; the longest one on ties.
  std::optional<KeywordHit> find(std::string_view text, std::size_t from = 0) const;
  // The same hit, reading only the spellings `profile` (the profile of the
  // whole of `text`) does not rule out: none, most of the time.
  std::optional<KeywordHit> find(std::string_view text, const TextProfile& profile,
                                 std::size_t from = 0) const;
  // False when no spelling can occur in a text of `profile` (nor in any text
  // of a profile made of_all() with it): find() would find nothing.
  bool may_occur_in(const TextProfile& profile) const;
  // The longest hit starting exactly at `pos`.
  std::optional<KeywordHit> match_at(std::string_view text, std::size_t pos) const;
  // True when one alternative matches the whole of `text`.
  bool matches_whole(std::string_view text) const;

 private:
  enum class AtomType { kChar, kSeparator, kDigits };
  struct Atom {
    AtomType type = AtomType::kChar;
    char ch = 0;  // lower-case, for kChar
  };
  struct Spelling {
    std::vector<Atom> atoms;
    bool open_left = false;
    bool open_right = false;
    char first = 0;  // lower-case first character when it is a plain one, to skip fast
    // Lower-case second character when the first two are plain ones: most
    // candidates tried at a position fail here, before the full match.
    char second = 0;
    // What a text it matches holds (TextProfile's classes): its plain
    // characters, and their adjacent pairs (a separator or '#' between two
    // breaks a pair), as the word and bit of each pair.
    std::uint32_t plain_chars = 0;
    std::vector<std::pair<unsigned, std::uint64_t>> plain_pairs;
  };

  // Whether `spelling` needs a token boundary where it starts.
  static bool needs_start_boundary(const Spelling& spelling);
  static std::optional<std::size_t> match_end(const Spelling& spelling, std::string_view text,
                                              std::size_t pos);
  static bool may_occur(const Spelling& spelling, const TextProfile& profile);
  // The earliest hit of one spelling at or after `from`.
  static std::optional<KeywordHit> find_spelling(const Spelling& spelling, std::string_view text,
                                                 std::size_t from);
  static std::optional<std::size_t> match_atoms(const Spelling& spelling, std::size_t atom,
                                                std::string_view text, std::size_t pos);

  std::vector<Spelling> spellings_;
  std::bitset<256> first_chars_;  // characters a hit can start with, to skip positions fast
  // The spellings that can start with each (lower-case) byte, and those that
  // start with a separator or digits: a position is tried only against the
  // spellings it can begin, not against the whole set. Each list comes in two:
  // the spellings that must start at a token boundary, tried only where there
  // is one (most positions of a path or title are inside a word), and the rest.
  struct Candidates {
    std::vector<std::size_t> at_boundary;
    std::vector<std::size_t> anywhere;
    bool empty() const { return at_boundary.empty() && anywhere.empty(); }
    void add(std::size_t index, bool needs_boundary) {
      (needs_boundary ? at_boundary : anywhere).push_back(index);
    }
  };
  std::array<Candidates, 256> by_first_;
  Candidates any_first_;
  // One key per spelling, for a text's profile to rule the whole set out
  // with a few word operations before any spelling is looked at: its first
  // pair of adjacent plain characters, else its plain characters; a spelling
  // without plain characters (all '#' and '-') rules nothing out.
  std::vector<std::pair<unsigned, std::uint64_t>> key_pairs_;  // the words of the pairs that are set
  std::vector<std::uint32_t> key_chars_;
  bool keyless_spelling_ = false;
};

}  // namespace infradigest
