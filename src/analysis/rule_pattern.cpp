#include "analysis/rule_pattern.h"

#include <algorithm>

#include "analysis/code_facts.h"
#include "analysis/prose_share.h"
#include "core/ascii_text.h"

namespace infradigest {

namespace {

using rules::Anchor;
constexpr std::size_t kNotInTitle = RuleEvidence::kNotInTitle;

bool is_test_or_benchmark_path(const std::string& lower) {
  return is_test_path(lower) || lower.starts_with("benchmarks/") || lower.find("/benchmarks/") != std::string::npos;
}

// What kind of file a path is, read once from its lower case. Tests,
// benchmarks and prose accompany a change rather than make it.
struct PathKind {
  bool test_or_benchmark = false;
  bool prose = false;
  bool accompanies_change() const { return test_or_benchmark || prose; }
};

PathKind path_kind(std::string_view path) {
  const std::string lower = ascii_lower(path);
  return {is_test_or_benchmark_path(lower), is_prose_path(lower)};
}

// The share of the change in files `of_kind` picks: by changed lines when
// every file has counts, else by files.
template <typename Pick>
double path_share(const RuleSubject& s, const std::vector<PathKind>& kinds, Pick of_kind) {
  const bool lines_known = std::none_of(s.path_lines.begin(), s.path_lines.end(), [](int n) { return n < 0; });
  double picked = 0, total = 0;
  for (std::size_t i = 0; i < s.paths.size(); ++i) {
    const double weight = lines_known ? s.path_lines[i] : 1.0;
    total += weight;
    if (of_kind(kinds[i])) picked += weight;
  }
  return total > 0 ? picked / total : 0.0;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string_view slice(std::string_view text, KeywordHit hit) {
  return text.substr(hit.begin, hit.end - hit.begin);
}

}  // namespace

RuleSubject make_rule_subject(std::string_view title, std::string_view body,
                              const std::vector<FileChange>& files,
                              const std::vector<std::string>& labels) {
  RuleSubject s;
  s.title = title;
  s.parts = parse_title(title);
  s.body = body;
  s.title_profile = TextProfile(title);
  s.body_profile = TextProfile(body);
  s.paths.reserve(files.size());
  s.path_profiles.reserve(files.size());
  s.path_lines.reserve(files.size());
  for (const FileChange& f : files) {
    s.paths.push_back(f.filename);
    s.path_profiles.emplace_back(f.filename);
    s.path_lines.push_back(f.additions && f.deletions ? *f.additions + *f.deletions : -1);
    if (f.status == "added") {
      s.added_paths.push_back(f.filename);
      s.added_path_profiles.push_back(s.path_profiles.back());
    }
  }
  for (const std::string& label : labels) s.labels.push_back(label);
  std::vector<PathKind> kinds;
  kinds.reserve(s.paths.size());
  for (std::string_view path : s.paths) kinds.push_back(path_kind(path));
  for (std::size_t i = 0; i < s.paths.size(); ++i) {
    if (kinds[i].accompanies_change()) continue;
    s.topic_paths.push_back(s.paths[i]);
    s.topic_path_profiles.push_back(s.path_profiles[i]);
    s.topic_path_lines.push_back(s.path_lines[i]);
  }
  if (s.topic_paths.empty()) {
    s.topic_paths = s.paths;
    s.topic_path_profiles = s.path_profiles;
    s.topic_path_lines = s.path_lines;
  }
  s.all_topic_paths_profile = TextProfile::of_all(s.topic_path_profiles);
  s.all_added_paths_profile = TextProfile::of_all(s.added_path_profiles);
  s.min_path_support = std::max<std::size_t>(1, (s.topic_paths.size() + 3) / 4);
  s.test_share =
      s.paths.empty() ? 1.0 : path_share(s, kinds, [](const PathKind& k) { return k.test_or_benchmark; });
  s.docs_share = prose_share(files);
  return s;
}

CompiledPattern::CompiledPattern(const rules::Pattern& pattern)
    : fields_(pattern.fields),
      anchor_(pattern.anchor),
      words_(pattern.words),
      also_(pattern.also),
      except_(pattern.except) {}

std::optional<RuleEvidence> CompiledPattern::match(const RuleSubject& s) const {
  if (anchor_ == Anchor::kEveryPath) return match_every_path(s.paths, s.path_profiles);
  if (anchor_ == Anchor::kBodyLine) return match_body_line(s.body);
  if (anchor_ == Anchor::kSummary) return match_summary(s.body, s.body_profile);
  if (fields_ & rules::kTitle) {
    if (auto e = match_title(s)) return e;
  }
  if (anchor_ != Anchor::kAnywhere) return std::nullopt;  // the other anchors read titles only
  if (fields_ & rules::kBody) {
    if (auto e = match_body(s)) return e;
  }
  if (fields_ & rules::kLabel) {
    for (std::string_view label : s.labels) {
      if (find_in(label))
        return RuleEvidence{kNotInTitle, "label " + in_quotes(label), RuleEvidence::Source::kLabel};
    }
  }
  if (fields_ & rules::kPath) {
    if (auto e = match_some_paths(s.topic_paths, s.topic_path_profiles, s.all_topic_paths_profile,
                                  s.topic_path_lines, s.min_path_support, "path"))
      return e;
  }
  if (fields_ & rules::kAddedPath) {
    if (auto e = match_some_paths(s.added_paths, s.added_path_profiles, s.all_added_paths_profile, {}, 1,
                                  "new file"))
      return e;
  }
  return std::nullopt;
}

std::optional<RuleEvidence> CompiledPattern::match_body(const RuleSubject& s) const {
  auto hit = find_in(s.body, s.body_profile);
  if (!hit) return std::nullopt;
  return RuleEvidence{kNotInTitle, describe(s.body, *hit, "body"), RuleEvidence::Source::kBody};
}

// The first hit that does not overlap an exception, provided one of the
// `also` words appears in the same text.
std::optional<KeywordHit> CompiledPattern::find_in(std::string_view text, const TextProfile& profile) const {
  for (auto hit = words_.find(text, profile); hit; hit = words_.find(text, profile, hit->begin + 1)) {
    if (overlaps_exception(text, *hit, profile)) continue;
    if (!also_.empty() && !also_.find(text, profile)) return std::nullopt;
    return hit;
  }
  return std::nullopt;
}

bool CompiledPattern::overlaps_exception(std::string_view text, KeywordHit hit,
                                         const TextProfile& profile) const {
  if (except_.empty()) return false;
  for (auto ex = except_.find(text, profile); ex && ex->begin < hit.end;
       ex = except_.find(text, profile, ex->begin + 1)) {
    if (ex->end > hit.begin) return true;
  }
  return false;
}

std::string CompiledPattern::describe(std::string_view text, KeywordHit hit,
                                      std::string_view where) const {
  std::string out = also_.empty() ? "keyword " + in_quotes(slice(text, hit))
                                  : "keywords " + in_quotes(slice(text, hit)) + " + " +
                                        in_quotes(slice(text, *also_.find(text)));
  return out + " in " + std::string(where);
}

std::optional<RuleEvidence> CompiledPattern::match_title(const RuleSubject& s) const {
  const TitleParts& parts = s.parts;
  switch (anchor_) {
    case Anchor::kPrefix:
      for (const std::string& type : parts.prefix_types) {
        if (words_.matches_whole(type))
          return RuleEvidence{parts.prefix_pos, "prefix " + in_quotes(type + ":")};
      }
      return std::nullopt;
    case Anchor::kBracket:
      for (const TitleParts::BracketEntry& entry : parts.bracket_entries) {
        if (words_.matches_whole(entry.text)) {
          return RuleEvidence{entry.pos,
                              "bracket tag " + in_quotes("[" + std::string(entry.text) + "]")};
        }
      }
      return std::nullopt;
    case Anchor::kLead: {
      auto hit = words_.match_at(s.title, parts.lead);
      if (!hit) return std::nullopt;
      std::string description = "leading word " + in_quotes(slice(s.title, *hit));
      if (!also_.empty()) {
        auto also = also_.find(s.title);
        if (!also) return std::nullopt;
        description += " with " + in_quotes(slice(s.title, *also));
      }
      return RuleEvidence{hit->begin, description};
    }
    case Anchor::kAnywhere: {
      auto hit = find_in(s.title, s.title_profile);
      if (!hit) return std::nullopt;
      return RuleEvidence{hit->begin, describe(s.title, *hit, "title")};
    }
    case Anchor::kEveryPath:
    case Anchor::kBodyLine:
    case Anchor::kSummary:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<RuleEvidence> CompiledPattern::match_some_paths(const std::vector<std::string_view>& paths,
                                                              const std::vector<TextProfile>& profiles,
                                                              const TextProfile& all_profile,
                                                              const std::vector<int>& lines,
                                                              std::size_t min_support,
                                                              std::string_view noun) const {
  if (!words_.may_occur_in(all_profile)) return std::nullopt;
  std::size_t support = 0;
  long matched_lines = 0;
  long total_lines = 0;
  bool lines_known = lines.size() == paths.size();
  for (std::size_t i = 0; lines_known && i < lines.size(); ++i) {
    if (lines[i] < 0) lines_known = false;
    else total_lines += lines[i];
  }
  std::optional<RuleEvidence> first;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string_view path = paths[i];
    auto hit = find_in(path, profiles[i]);
    if (!hit) continue;
    ++support;
    if (lines_known) matched_lines += lines[i];
    if (!first) {
      first = RuleEvidence{kNotInTitle, std::string(noun) + " " + in_quotes(slice(path, *hit)) +
                                            " in " + std::string(path)};
    }
  }
  if (!first || support < min_support) return std::nullopt;
  if (support > 1) first->description += " (+" + std::to_string(support - 1) + " more)";
  first->source = RuleEvidence::Source::kPath;
  first->path_support = support;
  first->path_majority = lines_known && total_lines > 0 ? matched_lines * 2 > total_lines
                                                         : support * 2 > paths.size();
  first->path_half = lines_known && total_lines > 0 ? matched_lines * 2 >= total_lines
                                                     : support * 2 >= paths.size();
  return first;
}

std::optional<RuleEvidence> CompiledPattern::match_every_path(
    const std::vector<std::string_view>& paths, const std::vector<TextProfile>& profiles) const {
  if (paths.empty()) return std::nullopt;
  std::optional<KeywordHit> first_hit;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string_view path = paths[i];
    auto hit = find_in(path, profiles[i]);
    if (!hit) return std::nullopt;
    if (!first_hit) first_hit = hit;
  }
  return RuleEvidence{kNotInTitle,
                      "all " + std::to_string(paths.size()) + " files match, e.g. " +
                          in_quotes(slice(paths.front(), *first_hit)) + " in " +
                          std::string(paths.front()),
                      RuleEvidence::Source::kPath, paths.size()};
}

std::string_view body_summary(std::string_view body) {
  std::size_t begin = std::string_view::npos;
  std::size_t end = 0;
  bool in_comment = false;
  for (std::size_t start = 0; start <= body.size();) {
    const std::size_t nl = body.find('\n', start);
    const std::size_t stop = nl == std::string_view::npos ? body.size() : nl;
    const std::string_view line = trim_ascii_space(body.substr(start, stop - start));
    bool skip = false;
    if (in_comment) {
      skip = true;
      if (line.find("-->") != std::string_view::npos) in_comment = false;
    } else if (line.starts_with("<!--")) {
      skip = true;
      in_comment = line.find("-->") == std::string_view::npos;
    } else {
      skip = line.empty() || line.starts_with("#") || line.starts_with("- [") ||
             line.starts_with("* [") || line.starts_with("stack-info:") ||
             line.starts_with("Signed-off-by:") || line.starts_with("Co-authored-by:") ||
             line.starts_with("Co-Authored-By:");
    }
    if (skip) {
      if (begin != std::string_view::npos) break;  // the paragraph ended
    } else {
      if (begin == std::string_view::npos) begin = start;
      end = stop;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return begin == std::string_view::npos ? std::string_view{} : body.substr(begin, end - begin);
}

std::optional<RuleEvidence> CompiledPattern::match_summary(std::string_view body,
                                                           const TextProfile& body_profile) const {
  const std::string_view summary = body_summary(body);
  auto hit = find_in(summary, body_profile);
  if (!hit) return std::nullopt;
  return RuleEvidence{RuleEvidence::kBodyStart + static_cast<std::size_t>(summary.data() - body.data()) + hit->begin,
                      describe(summary, *hit, "the message's opening"), RuleEvidence::Source::kBody};
}

// A line of the body that starts a paragraph or a list item must start with
// one of the words, after indentation and the bullet ("* ", "- ", "+ ",
// "1. ", "2) "). Wrapped continuation lines ("implementation. The ...") do not count.
std::optional<RuleEvidence> CompiledPattern::match_body_line(std::string_view body) const {
  bool paragraph_start = true;
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t nl = body.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? body.size() : nl;
    const std::string_view line = body.substr(start, end - start);
    std::size_t i = line.find_first_not_of(" \t\r");
    bool item = false;
    if (i != std::string_view::npos) {
      std::size_t j = i;
      while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
      std::size_t after = i;  // where the bullet ends, when there is one
      if (j > i && j < line.size() && (line[j] == '.' || line[j] == ')')) {
        after = j + 1;
      } else if (line[i] == '*' || line[i] == '-' || line[i] == '+') {
        after = i + 1;
      }
      if (after != i && after < line.size() && line[after] == ' ') {
        item = true;
        i = line.find_first_not_of(" \t", after);
      }
    }
    if (i != std::string_view::npos && (paragraph_start || item)) {
      if (auto hit = words_.match_at(line, i);
          hit && (also_.empty() || also_.find(line)) && !overlaps_exception(line, *hit)) {
        const std::string_view shown = line.substr(i, std::min<std::size_t>(line.size() - i, 60));
        return RuleEvidence{RuleEvidence::kBodyStart + start + i,
                            "body line " + in_quotes(shown) + " starts with " + in_quotes(slice(line, *hit)),
                            RuleEvidence::Source::kBody};
      }
    }
    paragraph_start = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return std::nullopt;
}

}  // namespace infradigest
