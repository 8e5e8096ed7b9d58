#include "core/secret_scrubber.h"

#include <algorithm>

#include "core/ascii_text.h"
#include "core/percent_encoding.h"

namespace infradigest {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%2B" -> "+", "+" stays "+" (a server may decode either way; both forms are added).
std::string percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string json_escaped_slashes(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '/' ? std::string("\\/") : std::string(1, c);
  return out;
}

// A random-looking token rather than a word: long, or letters mixed with digits.
bool looks_like_credential(std::string_view part) {
  if (part.size() >= 20) return true;
  if (part.size() < 8) return false;
  const bool digit = std::any_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool letter = std::any_of(part.begin(), part.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  return digit && letter;
}

bool names_a_credential(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (std::string_view word : {"token", "key", "sign", "secret", "pass", "auth", "sig"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

std::vector<std::string_view> split_on(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Where `needle` ends when it occurs in `text` at `at`, also when Markdown
// escaped its punctuation ("ghp\_abc" for "ghp_abc"); npos otherwise.
size_t secret_match_end(std::string_view text, size_t at, std::string_view needle) {
  size_t p = at;
  for (char c : needle) {
    if (p < text.size() && text[p] == c) {
      ++p;
    } else if (is_ascii_punctuation(c) && p + 1 < text.size() && text[p] == '\\' && text[p + 1] == c) {
      p += 2;
    } else {
      return std::string_view::npos;
    }
  }
  return p;
}

}  // namespace

void SecretScrubber::add_needle(std::string needle) {
  if (needle.size() < kMinSecretSize) return;
  for (std::string form : {needle, percent_encode(needle), percent_decode(needle), json_escaped_slashes(needle)}) {
    if (form.size() < kMinSecretSize || std::find(needles_.begin(), needles_.end(), form) != needles_.end()) continue;
    needles_.push_back(std::move(form));
  }
  // Longest first, so a URL goes whole before its parts are replaced inside it.
  std::stable_sort(needles_.begin(), needles_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void SecretScrubber::add_secret(std::string_view secret) { add_needle(std::string(secret)); }

void SecretScrubber::add_url(std::string_view url) {
  add_needle(std::string(url));
  std::string_view rest = url;
  if (size_t scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  if (size_t fragment = rest.find('#'); fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const size_t path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    add_needle(std::string(authority.substr(0, at)));  // user:password
    for (auto part : split_on(authority.substr(0, at), ':')) add_needle(std::string(part));
  }
  if (path_start == std::string_view::npos) return;
  std::string_view target = rest.substr(path_start);  // "/path?query"
  const size_t query_start = target.find('?');
  std::string_view path = target.substr(0, query_start);
  std::string_view query = query_start == std::string_view::npos ? std::string_view{} : target.substr(query_start + 1);
  if (path.size() > 1) add_needle(std::string(path));
  if (!query.empty()) add_needle(std::string(query));
  for (auto segment : split_on(path, '/'))
    if (looks_like_credential(segment) || looks_like_credential(percent_decode(segment))) add_needle(std::string(segment));
  for (auto pair : split_on(query, '&')) {
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      if (looks_like_credential(pair)) add_needle(std::string(pair));
      continue;
    }
    std::string_view name = pair.substr(0, eq), value = pair.substr(eq + 1);
    if (names_a_credential(name) || looks_like_credential(value) || looks_like_credential(percent_decode(value)))
      add_needle(std::string(value));
  }
}

void SecretScrubber::add_all(const SecretScrubber& other) {
  for (const auto& n : other.needles_) add_needle(n);
}

std::string SecretScrubber::scrub(std::string_view text) const {
  if (needles_.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t end = std::string_view::npos;
    for (const auto& needle : needles_)  // longest first
      if ((end = secret_match_end(text, i, needle)) != std::string_view::npos) break;
    if (end == std::string_view::npos) {
      out += text[i++];
    } else {
      out += "***";
      i = end;
    }
  }
  return out;
}

}  // namespace infradigest
