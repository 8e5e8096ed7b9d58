#include "core/scrubbing_output.h"

namespace infradigest {

ScrubbingBuffer::int_type ScrubbingBuffer::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  pending_ += c;
  if (c == '\n' || c == '\r') emit_lines();
  return ch;
}

std::streamsize ScrubbingBuffer::xsputn(const char* s, std::streamsize n) {
  pending_.append(s, static_cast<size_t>(n));
  emit_lines();
  return n;
}

int ScrubbingBuffer::sync() {
  emit();
  return target_.flush() ? 0 : -1;
}

void ScrubbingBuffer::emit_lines() {
  const size_t end = pending_.find_last_of("\n\r");
  if (end == std::string::npos) return;
  target_ << scrubber_.scrub(std::string_view(pending_).substr(0, end + 1));
  pending_.erase(0, end + 1);
}

void ScrubbingBuffer::emit() {
  if (pending_.empty()) return;
  target_ << scrubber_.scrub(pending_);
  pending_.clear();
}

}  // namespace infradigest
