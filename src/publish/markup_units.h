// The units a chat markup line may never be cut inside: a UTF-8 character, a
// backslash escape with its character, an HTML entity (&amp;), a link
// ([text](url) or Slack's <url|text>) and a code span (`code`). Splitting a
// line only between units keeps every piece well-formed markup; a link or a
// code span too long for any message is shortened or re-wrapped by the
// splitter (message_splitter.h), never cut open.
#pragma once

#include <string_view>
#include <vector>

namespace infradigest {

enum class MarkupUnitKind : int { kCharacter = 0, kLink = 1, kCode = 2 };

struct MarkupUnit {
  MarkupUnitKind kind = MarkupUnitKind::kCharacter;
  size_t begin = 0, end = 0;            // byte range in the line
  size_t text_begin = 0, text_end = 0;  // kLink: the link text; kCode: the code between the fences
};

// The units of `line`, in order, covering it exactly. Bytes that are not
// valid UTF-8 are units of their own.
std::vector<MarkupUnit> markup_units(std::string_view line);

}  // namespace infradigest
