// Lexical scanning for the grounding checks: finds, in one sentence written
// by the LLM, everything that must be backed by the facts it cites — URLs,
// SHAs, #numbers, versions, file names and dotted identifiers, @handles,
// `code`, and every number (Arabic, and Chinese numerals before a measure
// word such as 三个). Pure functions; UTF-8 in, ASCII tokens out.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>


namespace infradigest {

struct ScannedText {
  std::vector<std::string> urls;      // http(s)://..., trailing punctuation dropped
  std::vector<std::string> shas;      // 7-40 hex with a digit and a letter, lower-cased
  std::vector<std::string> refs;      // "#123" → "123"
  std::vector<std::string> versions;  // "v4.4.1", "4.4.1", "v1"
  std::vector<std::string> paths;     // "flash_attn/cute/mask.py", "mask.py", "a.b.c", "evil.example.com"
  std::vector<std::string> mentions;  // "@BoyuanFeng"
  std::vector<std::string> numbers;   // normalized (see normalize_number)
  std::vector<std::string> code;      // contents of `code` spans
  bool unbalanced_backtick = false;
};

ScannedText scan_text(std::string_view text);

// Adds every number in `text` (normalized) to `out`: the evidence side of
// the number check. "10,000" counts as 10000.
void collect_numbers(std::string_view text, std::set<std::string>& out);

// "007" → "7"; decimals and versions ("2.5", "4.4.1") unchanged.
std::string normalize_number(std::string_view digits);

}  // namespace infradigest
