// Keyword matching for the classification rules: token-aware, case-insensitive
// search without regexes, so "AMD" never matches inside "command" and "MLA"
// does match inside "BatchMLAPagedAttentionWrapper".
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace infradigest {

// A token boundary sits at either end of the text and between two characters
// when one is not a letter or digit ("flash_fwd|_|sm100"), at a letter/digit
// change ("qwen|3", "mi300|x"), at a camelCase step ("Fused|MoE") and where an
// acronym meets a capitalised word ("MLA|Paged"). REQUIRES: i <= text.size().
bool is_token_boundary(std::string_view text, std::size_t i);

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
  };

  // Whether `spelling` needs a token boundary where it starts.
  static bool needs_start_boundary(const Spelling& spelling);
  static std::optional<std::size_t> match_end(const Spelling& spelling, std::string_view text,
                                              std::size_t pos);
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
};

}  // namespace infradigest
