// Colour for people, not for logs: the "error" and "warning" words of
// diagnostic lines ("infradigest: error: ...", "infradigest: warning: ...")
// in red and yellow when stderr is a terminal; never under NO_COLOR
// (https://no-color.org), TERM=dumb, or when stderr is a file or pipe (cron).
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <streambuf>
#include <string>

namespace infradigest {

// Whether to colour: `is_terminal` (isatty of the stream's fd) and no NO_COLOR
// (any non-empty value) and TERM not "dumb".
bool colour_wanted(bool is_terminal, const std::function<std::optional<std::string>(const std::string&)>& getenv);

// `line` (without its newline) with the first " error:" / " warning:" of an
// "infradigest..." line coloured; other lines unchanged.
std::string colour_diagnostic_line(const std::string& line);

// A streambuf that passes whole lines to `target`, coloured by
// colour_diagnostic_line. Thread-safe: lines written by several threads are
// never interleaved. A partial line is held until its end ('\n' or '\r'), even
// across sync(), and written on destruction.
class ColouringStreambuf : public std::streambuf {
 public:
  explicit ColouringStreambuf(std::streambuf* target) : target_(target) {}
  ~ColouringStreambuf() override;
  ColouringStreambuf(const ColouringStreambuf&) = delete;
  ColouringStreambuf& operator=(const ColouringStreambuf&) = delete;

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void write_lines_locked(bool flush_partial);
  std::streambuf* target_;
  std::mutex mutex_;
  std::string pending_;
};

}  // namespace infradigest
