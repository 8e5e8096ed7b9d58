#include "core/terminal_colour.h"

namespace infradigest {

namespace {
constexpr const char* kColourReset = "\033[0m";
constexpr const char* kColourError = "\033[1;31m";    // bold red
constexpr const char* kColourWarning = "\033[1;33m";  // bold yellow
}  // namespace

bool colour_wanted(bool is_terminal, const std::function<std::optional<std::string>(const std::string&)>& getenv) {
  if (!is_terminal) return false;
  if (auto no_colour = getenv("NO_COLOR"); no_colour && !no_colour->empty()) return false;
  if (auto term = getenv("TERM"); term && *term == "dumb") return false;
  return true;
}

std::string colour_diagnostic_line(const std::string& line) {
  if (!line.starts_with("infradigest")) return line;
  for (const auto& [word, colour] : {std::pair{" error:", kColourError}, std::pair{" warning:", kColourWarning}}) {
    const std::string_view w(word);
    if (auto at = line.find(w); at != std::string::npos) {
      // Colour the word itself, not its leading space or the colon.
      return line.substr(0, at + 1) + colour + std::string(w.substr(1, w.size() - 2)) + kColourReset +
             line.substr(at + w.size() - 1);
    }
  }
  return line;
}

ColouringStreambuf::~ColouringStreambuf() {
  std::lock_guard lock(mutex_);
  write_lines_locked(true);
}

ColouringStreambuf::int_type ColouringStreambuf::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  xsputn(&c, 1);
  return ch;
}

std::streamsize ColouringStreambuf::xsputn(const char* s, std::streamsize n) {
  std::lock_guard lock(mutex_);
  pending_.append(s, static_cast<size_t>(n));
  write_lines_locked(false);
  return n;
}

// std::cerr is unit-buffered: it syncs after every `<<`, mid-line. Only whole
// lines are passed on (and coloured); a partial one waits for its end.
int ColouringStreambuf::sync() {
  std::lock_guard lock(mutex_);
  write_lines_locked(false);
  return target_->pubsync();
}

// A line ends at '\n', or at '\r' (a progress line rewritten in place).
void ColouringStreambuf::write_lines_locked(bool flush_partial) {
  size_t start = 0;
  for (size_t end; (end = pending_.find_first_of("\r\n", start)) != std::string::npos; start = end + 1) {
    const std::string line = colour_diagnostic_line(pending_.substr(start, end - start)) + pending_[end];
    target_->sputn(line.data(), static_cast<std::streamsize>(line.size()));
  }
  pending_.erase(0, start);
  if (flush_partial && !pending_.empty()) {
    const std::string line = colour_diagnostic_line(pending_);
    target_->sputn(line.data(), static_cast<std::streamsize>(line.size()));
    pending_.clear();
  }
  target_->pubsync();
}

}  // namespace infradigest
