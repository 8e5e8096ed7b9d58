#include "render/report_json_reader.h"

#include <nlohmann/json.hpp>

#include <cstdint>

#include "analysis/classifier_evaluation.h"  // change_kind_from_name
#include "render/json_renderer.h"

namespace infradigest {

namespace {

// nlohmann::json spelled out, not aliased to Json: in the sanitizer builds'
// unity objects another file's Json (ordered_json) may be in scope.

// Reads the document with a sticky error: the first bad value is recorded
// (its path and what is wrong) and every later read returns an empty value,
// so the readers below go straight through, and read_report_json turns the
// record into an Error.
class Reader {
 public:
  const std::optional<Error>& error() const { return error_; }

  const nlohmann::json& member(const nlohmann::json& j, const char* key, const std::string& where) {
    static const nlohmann::json kNull;
    if (j.is_object() && j.contains(key)) return j.at(key);
    fail(where + "." + key, "missing");
    return kNull;
  }

  std::string text(const nlohmann::json& j, const char* key, const std::string& where) {
    const nlohmann::json& v = member(j, key, where);
    if (v.is_string()) return v.get<std::string>();
    fail(where + "." + key, "not a string");
    return {};
  }

  std::optional<std::string> optional_text(const nlohmann::json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return text(j, key, where);
  }

  template <class T>
  std::optional<T> optional_number(const nlohmann::json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return std::nullopt;
    const nlohmann::json& v = j.at(key);
    const bool fits = std::is_integral_v<T> ? v.is_number_integer() && v.get<long long>() >= INT32_MIN &&
                                                  v.get<long long>() <= INT32_MAX
                                            : v.is_number();
    if (fits) return v.get<T>();
    fail(where + "." + key, std::is_integral_v<T> ? "not an integer" : "not a number");
    return std::nullopt;
  }

  template <class T>
  T number(const nlohmann::json& j, const char* key, const std::string& where) {
    if (auto v = optional_number<T>(j, key, where)) return *v;
    fail(where + "." + key, "missing");
    return T{};
  }

  bool flag(const nlohmann::json& j, const char* key, const std::string& where) {
    const nlohmann::json& v = member(j, key, where);
    if (v.is_boolean()) return v.get<bool>();
    fail(where + "." + key, "not true or false");
    return false;
  }

  // The array at `key` ([] after an error), for `for (i < size)` loops.
  const nlohmann::json& array(const nlohmann::json& j, const char* key, const std::string& where) {
    static const nlohmann::json kEmpty = nlohmann::json::array();
    const nlohmann::json& v = member(j, key, where);
    if (v.is_array()) return v;
    fail(where + "." + key, "not an array");
    return kEmpty;
  }

  std::vector<std::string> strings(const nlohmann::json& j, const char* key, const std::string& where) {
    std::vector<std::string> out;
    const nlohmann::json& list = array(j, key, where);
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i].is_string()) out.push_back(list[i].get<std::string>());
      else fail(at(where, key, i), "not a string");
    }
    return out;
  }

  void fail(const std::string& where, const std::string& what) {
    if (!error_) error_ = make_error("report JSON " + where + ": " + what);
  }

  static std::string at(const std::string& where, const char* key, size_t i) {
    return where + "." + key + "[" + std::to_string(i) + "]";
  }

 private:
  std::optional<Error> error_;
};

Statement statement(Reader& in, const nlohmann::json& j, const std::string& where) {
  Statement s;
  s.cites = in.strings(j, "cites", where);
  const nlohmann::json& spans = in.array(j, "spans", where);
  for (size_t i = 0; i < spans.size(); ++i) {
    const std::string w = Reader::at(where, "spans", i);
    Span span{in.text(spans[i], "text", w), in.optional_text(spans[i], "url", w).value_or(""), SpanStyle::kPlain};
    const auto style = in.optional_text(spans[i], "style", w);
    if (style == "strong") span.style = SpanStyle::kStrong;
    else if (style == "code") span.style = SpanStyle::kCode;
    else if (style) in.fail(w + ".style", "unknown style \"" + *style + "\"");
    s.spans.push_back(std::move(span));
  }
  return s;
}

std::vector<Statement> statements(Reader& in, const nlohmann::json& j, const char* key, const std::string& where) {
  std::vector<Statement> out;
  const nlohmann::json& list = in.array(j, key, where);
  for (size_t i = 0; i < list.size(); ++i) out.push_back(statement(in, list[i], Reader::at(where, key, i)));
  return out;
}

std::vector<Tag> tags(Reader& in, const nlohmann::json& j, const std::string& where) {
  std::vector<Tag> out;
  const nlohmann::json& list = in.array(j, "tags", where);
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string w = Reader::at(where, "tags", i);
    const std::string facet = in.text(list[i], "facet", w);
    auto f = facet_from_name(facet);
    if (!f) in.fail(w + ".facet", "unknown facet \"" + facet + "\"");
    out.push_back(Tag{f.value_or(TagFacet::kTechnique), in.text(list[i], "name", w)});
  }
  return out;
}

ReportItem item(Reader& in, const nlohmann::json& j, const std::string& w) {
  ReportItem i;
  i.id = in.text(j, "id", w);
  i.sha = in.optional_text(j, "sha", w);
  if (j.contains("shas")) i.shas = in.strings(j, "shas", w);
  else if (i.sha) i.shas = {*i.sha};  // a report stored before changes were grouped
  i.title = in.text(j, "title", w);
  i.display_title = in.text(j, "display_title", w);
  i.url = in.optional_text(j, "url", w).value_or("");
  i.pr = in.optional_number<int>(j, "pr", w);
  i.author = in.optional_text(j, "author", w);
  const std::string kind = in.text(j, "kind", w);
  if (auto k = change_kind_from_name(kind)) i.classification.kind = *k;
  else in.fail(w + ".kind", "unknown kind \"" + kind + "\"");
  i.classification.tags = tags(in, j, w);
  i.classification.breaking = in.flag(j, "breaking", w);
  i.files = in.number<int>(j, "files", w);
  i.additions = in.optional_number<int>(j, "additions", w);
  i.deletions = in.optional_number<int>(j, "deletions", w);
  i.importance = in.number<double>(j, "importance", w);
  i.date_only = in.flag(j, "date_only", w);
  if (auto committed = in.optional_text(j, "committed_on", w)) {
    if (auto d = parse_date(*committed)) i.committed_on = *d;
    else in.fail(w + ".committed_on", "not a date \"" + *committed + "\"");
  }
  i.translated_title = in.optional_text(j, "translated_title", w);
  // Absent in documents stored before code facts existed.
  if (j.contains("code_facts") && j.at("code_facts").is_array()) {
    const auto& list = j.at("code_facts");
    for (size_t k = 0; k < list.size(); ++k) {
      const std::string fw = w + ".code_facts[" + std::to_string(k) + "]";
      CodeFact f;
      const std::string fact_kind = in.text(list[k], "kind", fw);
      if (auto parsed = code_fact_kind_from_name(fact_kind)) f.kind = *parsed;
      else in.fail(fw + ".kind", "unknown code fact kind \"" + fact_kind + "\"");
      f.name = in.text(list[k], "name", fw);
      f.file = in.text(list[k], "file", fw);
      f.scope = in.optional_text(list[k], "scope", fw).value_or("");
      f.before = in.optional_text(list[k], "before", fw);
      f.after = in.optional_text(list[k], "after", fw);
      f.rule = in.optional_text(list[k], "rule", fw).value_or("");
      i.code_facts.push_back(std::move(f));
    }
  }
  i.code_facts_total = in.optional_number<int>(j, "code_facts_total", w).value_or(static_cast<int>(i.code_facts.size()));
  if (j.contains("code_change") && !j.at("code_change").is_null())
    i.code_change = statement(in, j.at("code_change"), w + ".code_change");
  return i;
}

IssueKind issue_kind(Reader& in, const std::string& name, const std::string& w) {
  if (name == "bug") return IssueKind::kBug;
  if (name == "feature_request") return IssueKind::kFeatureRequest;
  if (name == "question") return IssueKind::kQuestion;
  if (name != "other") in.fail(w, "unknown issue kind \"" + name + "\"");
  return IssueKind::kOther;
}

ReportIssue issue(Reader& in, const nlohmann::json& j, const std::string& w) {
  ReportIssue i;
  i.id = in.text(j, "id", w);
  i.number = in.number<int>(j, "number", w);
  i.title = in.text(j, "title", w);
  i.url = in.text(j, "url", w);
  i.author = in.optional_text(j, "author", w);
  i.classification.kind = issue_kind(in, in.text(j, "kind", w), w + ".kind");
  i.classification.severe = in.flag(j, "severe", w);
  i.classification.tags = tags(in, j, w);
  if (j.contains("problem") && j.at("problem").is_object()) {
    const auto& pj = j.at("problem");
    const std::string pw = w + ".problem";
    ProblemDescription p;
    p.symptom = in.optional_text(pj, "symptom", pw);
    p.repro = in.optional_text(pj, "repro", pw);
    if (pj.contains("environment") && pj.at("environment").is_array())
      for (size_t k = 0; k < pj.at("environment").size(); ++k) {
        const auto& e = pj.at("environment").at(k);
        if (e.is_string()) p.environment.push_back(e.get<std::string>());
        else in.fail(pw + ".environment[" + std::to_string(k) + "]", "must be a string");
      }
    if (!p.empty()) i.problem = std::move(p);
  }
  return i;
}

ReportRelease release(Reader& in, const nlohmann::json& j, const std::string& w) {
  ReportRelease r;
  r.id = in.text(j, "id", w);
  r.tag = in.text(j, "tag", w);
  r.name = in.optional_text(j, "name", w);
  r.url = in.text(j, "url", w);
  if (j.contains("prerelease") && !j.at("prerelease").is_null()) r.prerelease = in.flag(j, "prerelease", w);
  r.pr = in.optional_number<int>(j, "pr", w);
  r.notes = in.optional_text(j, "notes", w);
  return r;
}

RepoSection repo(Reader& in, const nlohmann::json& j, const std::string& w) {
  RepoSection s;
  s.full_name = in.text(j, "full_name", w);
  s.url = in.text(j, "url", w);
  const nlohmann::json& releases = in.array(j, "releases", w);
  for (size_t i = 0; i < releases.size(); ++i) s.releases.push_back(release(in, releases[i], Reader::at(w, "releases", i)));
  const nlohmann::json& commits = in.array(j, "commits", w);
  for (size_t i = 0; i < commits.size(); ++i) s.items.push_back(item(in, commits[i], Reader::at(w, "commits", i)));
  const nlohmann::json& issues = in.array(j, "issues", w);
  for (size_t i = 0; i < issues.size(); ++i) s.issues.push_back(issue(in, issues[i], Reader::at(w, "issues", i)));
  if (j.contains("analysis")) s.analysis = statements(in, j, "analysis", w);
  return s;
}

std::vector<ImpactTheme> impact_themes(Reader& in, const nlohmann::json& j, const std::string& where) {
  std::vector<ImpactTheme> out;
  const nlohmann::json& impact = in.array(j, "impact", where);
  for (size_t i = 0; i < impact.size(); ++i) {
    const std::string w = Reader::at(where, "impact", i);
    out.push_back(ImpactTheme{in.text(impact[i], "theme", w), in.text(impact[i], "title", w),
                              statements(in, impact[i], "statements", w)});
  }
  return out;
}

LlmNote llm_note(Reader& in, const nlohmann::json& j) {
  const std::string w = ".llm";
  LlmNote note{in.strings(j, "models", w), {}, in.optional_text(j, "unavailable", w).value_or(""),
               statements(in, j, "summary", w), impact_themes(in, j, w), statements(in, j, "outlook", w)};
  const nlohmann::json& fallbacks = in.array(j, "fallbacks", w);
  for (size_t i = 0; i < fallbacks.size(); ++i) {
    const std::string f = Reader::at(w, "fallbacks", i);
    LlmFallback fallback{in.text(fallbacks[i], "section", f), LlmFallbackReason::kRejected};
    const std::string reason = in.text(fallbacks[i], "reason", f);
    bool known = false;
    for (auto r : {LlmFallbackReason::kRejected, LlmFallbackReason::kNoAnswer, LlmFallbackReason::kRejectedBefore})
      if (llm_fallback_reason_name(r) == reason) {
        fallback.reason = r;
        known = true;
      }
    if (!known) in.fail(f + ".reason", "unknown reason \"" + reason + "\"");
    note.fallbacks.push_back(std::move(fallback));
  }
  return note;
}

void sections(Reader& in, const nlohmann::json& j, Report& r) {
  r.summary = statements(in, j, "summary", "");
  r.impact = impact_themes(in, j, "");
  const nlohmann::json& figures = in.array(j, "figures", "");
  for (size_t i = 0; i < figures.size(); ++i) {
    const std::string w = Reader::at("", "figures", i);
    r.figures.push_back(PerformanceFigure{in.text(figures[i], "repo", w),
                                          statement(in, in.member(figures[i], "change", w), w + ".change"),
                                          in.text(figures[i], "quote", w), in.text(figures[i], "source", w)});
  }
  const nlohmann::json& updates = in.array(j, "dependency_updates", "");
  for (size_t i = 0; i < updates.size(); ++i) {
    const std::string w = Reader::at("", "dependency_updates", i);
    r.dependency_updates.push_back(DependencyUpdate{
        in.text(updates[i], "repo", w), in.text(updates[i], "id", w), in.text(updates[i], "upstream", w),
        in.optional_text(updates[i], "version", w), in.optional_text(updates[i], "release", w),
        in.strings(updates[i], "picks_up", w)});
  }
  r.outlook = statements(in, j, "outlook", "");
}

// The header: version, window, language. False (with the error recorded) when
// the rest cannot be read.
bool header(Reader& in, const nlohmann::json& j, Report& r) {
  const int version = in.number<int>(j, "format_version", "");
  if (in.error()) return false;
  if (version != kReportJsonVersion) {
    in.fail(".format_version", std::to_string(version) + ", not " + std::to_string(kReportJsonVersion));
    return false;
  }
  auto date = parse_date(in.text(j, "date", ""));
  if (!date) {
    in.fail(".date", date.error().message);
    return false;
  }
  auto window = make_report_window(*date, in.text(j, "timezone", ""));
  if (!window) {
    in.fail(".timezone", window.error().message);
    return false;
  }
  r.window = *window;
  const std::string lang = in.text(j, "language", "");
  if (auto language = parse_language(lang)) r.language = *language;
  else in.fail(".language", "unknown language \"" + lang + "\"");
  return !in.error();
}

}  // namespace

Result<Report> read_report_json(std::string_view input) {
  const nlohmann::json j = nlohmann::json::parse(input, nullptr, false);
  if (j.is_discarded()) return make_error("report JSON: not valid JSON");
  Reader in;
  Report r;
  if (!header(in, j, r)) return *in.error();
  r.date_only_items = in.number<int>(j, "date_only_items", "");
  sections(in, j, r);
  const nlohmann::json& repos = in.array(j, "repos", "");
  for (size_t i = 0; i < repos.size(); ++i) r.repos.push_back(repo(in, repos[i], Reader::at("", "repos", i)));
  for (const auto& s : r.repos) r.total_items += static_cast<int>(s.items.size() + s.issues.size() + s.releases.size());
  if (j.contains("llm")) r.llm = llm_note(in, j.at("llm"));
  if (j.contains("incomplete_repos")) r.incomplete_repos = in.strings(j, "incomplete_repos", "");
  if (in.error()) return *in.error();
  return r;
}

}  // namespace infradigest
