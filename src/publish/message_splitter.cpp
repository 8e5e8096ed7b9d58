#include "publish/message_splitter.h"

#include <string_view>

#include "publish/markup_units.h"

namespace infradigest {

namespace {

constexpr std::string_view kEllipsis = "…";

ChatPiece probe(const std::string& title, std::vector<std::string> lines) {
  return ChatPiece{title, 99'999, 99'999, std::move(lines)};  // the widest numbering (a report has fewer pieces)
}

// Cuts one line that fits no message alone into chunks that each do.
class LineCutter {
 public:
  LineCutter(const WebhookPlatform& platform, const std::string& title) : platform_(platform), title_(title) {}

  std::vector<std::string> cut(std::string rest) {
    std::vector<std::string> chunks;
    while (!rest.empty()) {
      if (fits(rest)) {
        chunks.push_back(rest);
        break;
      }
      const auto units = markup_units(rest);
      const size_t n = longest_fitting_prefix(rest, units);
      if (n < units.size() && units[n].kind != MarkupUnitKind::kCharacter &&
          !fits(rest.substr(units[n].begin, units[n].end - units[n].begin))) {
        // The next unit is a link or code span too long for any message:
        // shorten it (a link's text is clipped, a code span re-wrapped in
        // parts), keeping what precedes it on the same chunk when possible.
        auto [chunk, remainder] = shorten(rest, units[n]);
        chunks.push_back(std::move(chunk));
        rest = std::move(remainder);
        continue;
      }
      if (n == 0) {  // one character that fits no message: nothing better exists
        chunks.push_back(rest.substr(0, units[0].end));
        rest = rest.substr(units[0].end);
        continue;
      }
      const size_t cut = units[prefer_space(rest, units, n) - 1].end;
      chunks.push_back(rest.substr(0, cut));
      rest = rest.substr(cut);
    }
    return chunks;
  }

 private:
  bool fits(const std::string& line) const { return platform_.fits(probe(title_, {line})); }

  // The most units from the front that fit in one message (0: not even one).
  size_t longest_fitting_prefix(const std::string& line, const std::vector<MarkupUnit>& units) const {
    size_t lo = 0, hi = units.size();  // invariant: lo units fit; more than hi do not
    while (lo < hi) {
      const size_t mid = lo + (hi - lo + 1) / 2;
      if (fits(line.substr(0, units[mid - 1].end))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // A cut after a space when one lies in the second half of the prefix.
  static size_t prefer_space(const std::string& line, const std::vector<MarkupUnit>& units, size_t n) {
    for (size_t k = n; k > n / 2 && k > 0; --k)
      if (line[units[k - 1].begin] == ' ' && units[k - 1].end - units[k - 1].begin == 1) return k;
    return n;
  }

  // The next chunk when `unit` of `line` fits no message alone: the text
  // before it with the unit shortened, and what is left of the line.
  std::pair<std::string, std::string> shorten(const std::string& line, const MarkupUnit& unit) const {
    const std::string lead = line.substr(0, unit.begin);
    const std::string after = line.substr(unit.end);
    const std::string text = line.substr(unit.text_begin, unit.text_end - unit.text_begin);
    const std::string open = line.substr(unit.begin, unit.text_begin - unit.begin);
    const std::string close = line.substr(unit.text_end, unit.end - unit.text_end);
    const auto text_units = markup_units(text);
    auto head = [&](size_t k) { return text.substr(0, k ? text_units[k - 1].end : 0); };
    // The most text units for which `make(k)` still fits (0 when none).
    auto most = [&](auto make) {
      size_t lo = 0, hi = text_units.size();
      while (lo < hi) {
        const size_t mid = lo + (hi - lo + 1) / 2;
        if (fits(make(mid))) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    if (unit.kind == MarkupUnitKind::kLink) {
      // The longest head of the link text that fits, marked as clipped; the rest of the text is dropped.
      auto clipped = [&](size_t k) { return open + head(k) + std::string(kEllipsis) + close; };
      if (!lead.empty() && fits(lead + clipped(0))) return {lead + clipped(most([&](size_t k) { return lead + clipped(k); })), after};
      if (!lead.empty()) return {lead, line.substr(unit.begin)};
      if (fits(clipped(0))) return {clipped(most(clipped)), after};
      return {"", text + after};  // not even the URL fits: the text alone, cut like any text
    }
    // Code too long for a message: the same fences around each part.
    auto wrapped = [&](size_t k) { return open + head(k) + close; };
    const size_t with_lead = lead.empty() ? 0 : most([&](size_t k) { return lead + wrapped(k); });
    if (with_lead > 0) return {lead + wrapped(with_lead), open + text.substr(head(with_lead).size()) + close + after};
    if (!lead.empty()) return {lead, line.substr(unit.begin)};
    if (const size_t k = most(wrapped); k > 0) return {wrapped(k), open + text.substr(head(k).size()) + close + after};
    return {"", text + after};
  }

  const WebhookPlatform& platform_;
  const std::string& title_;
};

std::vector<std::string> trimmed(std::vector<std::string> lines) {
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace

std::vector<size_t> safe_cut_points(const std::string& line) {
  std::vector<size_t> cuts;
  for (const auto& unit : markup_units(line)) cuts.push_back(unit.begin);
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
  LineCutter cutter(platform, title);
  for (const auto& line : lines) {
    if (platform.fits(probe(title, {line}))) {
      place(line);
    } else {
      for (const auto& chunk : cutter.cut(line))
        if (!chunk.empty()) place(chunk);
    }
  }
  if (!trimmed(current).empty()) groups.push_back(trimmed(current));
  std::vector<ChatPiece> pieces;
  for (size_t i = 0; i < groups.size(); ++i)
    pieces.push_back(ChatPiece{title, static_cast<int>(i + 1), static_cast<int>(groups.size()), groups[i]});
  return pieces;
}

}  // namespace infradigest
