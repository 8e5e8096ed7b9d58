#include "publish/message_splitter.h"

#include <algorithm>

namespace infradigest {

namespace {

ChatPiece probe(const std::string& title, std::vector<std::string> lines) {
  return ChatPiece{title, 99, 99, std::move(lines)};  // widest numbering
}

// Cuts an over-long line into chunks that each fit alone.
std::vector<std::string> cut_line(const WebhookPlatform& platform, const std::string& title, const std::string& line) {
  std::vector<std::string> chunks;
  std::string rest = line;
  while (!rest.empty()) {
    if (platform.fits(probe(title, {rest}))) {
      chunks.push_back(rest);
      break;
    }
    const auto cuts = safe_cut_points(rest);
    // The longest prefix that fits, preferring a cut right after a space.
    size_t best = 0, best_space = 0;
    for (size_t cut : cuts) {
      if (cut == 0 || cut >= rest.size()) continue;
      if (!platform.fits(probe(title, {rest.substr(0, cut)}))) break;
      best = cut;
      if (rest[cut - 1] == ' ') best_space = cut;
    }
    if (best_space > best / 2) best = best_space;
    if (best == 0) {
      // Not even one unit fits (a single enormous link): show its text on a line
      // of its own; the platform will reject it and say why.
      chunks.push_back(rest);
      break;
    }
    chunks.push_back(rest.substr(0, best));
    rest = rest.substr(best);
  }
  return chunks;
}

std::vector<std::string> trimmed(std::vector<std::string> lines) {
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace

std::vector<size_t> safe_cut_points(const std::string& line) {
  std::vector<size_t> cuts;
  enum { kOutside, kLinkText, kLinkUrl, kAngle } state = kOutside;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool escaped = i > 0 && line[i - 1] == '\\';
    if (state == kOutside && (static_cast<unsigned char>(c) & 0xC0) != 0x80) cuts.push_back(i);
    switch (state) {
      case kOutside:
        if (c == '[' && !escaped) state = kLinkText;
        else if (c == '<' && !escaped) state = kAngle;
        break;
      case kLinkText:
        if (c == ']' && !escaped) state = i + 1 < line.size() && line[i + 1] == '(' ? kLinkUrl : kOutside;
        break;
      case kLinkUrl:
        if (c == ')') state = kOutside;
        break;
      case kAngle:
        if (c == '>') state = kOutside;
        break;
    }
  }
  // A link still open at the end was not a link: cut anywhere after its '['.
  cuts.push_back(line.size());
  return cuts;
}

std::vector<ChatPiece> split_into_pieces(const WebhookPlatform& platform, const std::string& title,
                                         const std::vector<std::string>& lines) {
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> current;
  auto place = [&](const std::string& line) {
    std::vector<std::string> candidate = current;
    candidate.push_back(line);
    if (platform.fits(probe(title, candidate))) {
      current = std::move(candidate);
      return;
    }
    if (!trimmed(current).empty()) groups.push_back(trimmed(current));
    current = {line};
  };
  for (const auto& line : lines) {
    if (platform.fits(probe(title, {line}))) {
      place(line);
    } else {
      for (const auto& chunk : cut_line(platform, title, line)) place(chunk);
    }
  }
  if (!trimmed(current).empty()) groups.push_back(trimmed(current));
  std::vector<ChatPiece> pieces;
  for (size_t i = 0; i < groups.size(); ++i)
    pieces.push_back(ChatPiece{title, static_cast<int>(i + 1), static_cast<int>(groups.size()), groups[i]});
  return pieces;
}

}  // namespace infradigest
