// An output stream that scrubs secrets (SecretScrubber) from whatever is
// written through it before it reaches the real stream. The CLI wraps stderr
// in one, so every diagnostic — ours, libcurl's, a server's echoed reply —
// passes the scrubber on its way out.
//
// Text is held until a line ends ('\n' or '\r', so a terminal progress line
// still shows) or the stream is flushed, so a secret written in several
// pieces ("POST " << url) is still seen whole.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

#include "core/secret_scrubber.h"

namespace infradigest {

class ScrubbingBuffer : public std::streambuf {
 public:
  // `scrubber` and `target` must outlive this buffer.
  ScrubbingBuffer(const SecretScrubber& scrubber, std::ostream& target) : scrubber_(scrubber), target_(target) {}
  ~ScrubbingBuffer() override { emit(); }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void emit_lines();  // the complete lines held
  void emit();        // everything held
  const SecretScrubber& scrubber_;
  std::ostream& target_;
  std::string pending_;
};

// std::ostream over a ScrubbingBuffer.
class ScrubbingOutput : public std::ostream {
 public:
  ScrubbingOutput(const SecretScrubber& scrubber, std::ostream& target)
      : std::ostream(nullptr), buffer_(scrubber, target) {
    rdbuf(&buffer_);
  }
  ~ScrubbingOutput() override { flush(); }

 private:
  ScrubbingBuffer buffer_;
};

}  // namespace infradigest
