#include "analysis/classifier_evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Error at_line(const std::string& origin, int line, const std::string& what) {
  return make_error(fmt::format("{}:{}: {}", origin, line, what));
}

double ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0 : static_cast<double>(numerator) / denominator;
}

std::string tag_list(const std::vector<Tag>& tags) {
  std::string out;
  for (const Tag& t : tags) out += (out.empty() ? "" : ", ") + t.name;
  return out.empty() ? "-" : out;
}

std::string pr_line(std::string_view name, const PrecisionRecall& pr) {
  return fmt::format("  {:<30} P {:.3f}  R {:.3f}  F1 {:.3f}   (tp {}, fp {}, fn {})\n", name,
                     pr.precision(), pr.recall(), pr.f1(), pr.true_positives, pr.false_positives,
                     pr.false_negatives);
}

}  // namespace

std::optional<ChangeKind> change_kind_from_name(std::string_view name) {
  for (ChangeKind k : all_change_kinds()) {
    if (kind_name(k) == name) return k;
  }
  return std::nullopt;
}

std::optional<Tag> tag_from_name(std::string_view name) {
  for (const Tag& t : canonical_tags()) {
    if (t.name == name) return t;
  }
  return std::nullopt;
}

Result<std::vector<LabelledCommit>> parse_labels(const std::string& text,
                                                 const std::string& origin) {
  std::vector<LabelledCommit> out;
  std::set<std::pair<std::string, std::string>> seen;
  std::istringstream in(text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return at_line(origin, line_no, "not a JSON object");
    for (const char* field : {"repo", "sha", "kind"}) {
      if (!j.contains(field) || !j[field].is_string())
        return at_line(origin, line_no, fmt::format("\"{}\" must be a string", field));
    }
    if (!j.contains("tags") || !j["tags"].is_array())
      return at_line(origin, line_no, "\"tags\" must be an array");
    LabelledCommit label;
    label.repo = j["repo"].get<std::string>();
    label.sha = j["sha"].get<std::string>();
    if (!is_repo_name(label.repo))
      return at_line(origin, line_no, "\"repo\" must be owner/name: " + label.repo);
    if (!is_full_sha(label.sha))
      return at_line(origin, line_no, "\"sha\" must be a full 40-hex SHA: " + label.sha);
    const std::string kind = j["kind"].get<std::string>();
    const auto k = change_kind_from_name(kind);
    if (!k) return at_line(origin, line_no, "unknown kind \"" + kind + "\"");
    label.kind = *k;
    for (const auto& t : j["tags"]) {
      if (!t.is_string()) return at_line(origin, line_no, "tags must be strings");
      const auto tag = tag_from_name(t.get<std::string>());
      if (!tag) return at_line(origin, line_no, "unknown tag \"" + t.get<std::string>() + "\"");
      label.tags.push_back(*tag);
    }
    std::sort(label.tags.begin(), label.tags.end());
    label.tags.erase(std::unique(label.tags.begin(), label.tags.end()), label.tags.end());
    if (!seen.insert({label.repo, label.sha}).second)
      return at_line(origin, line_no, "labelled twice: " + label.repo + "@" + label.sha);
    out.push_back(std::move(label));
  }
  return out;
}

Result<std::vector<LabelledCommit>> read_labels(const std::string& path) {
  auto text = slurp(path);
  if (!text) return text.error();
  return parse_labels(*text, path);
}

Result<std::vector<Commit>> read_commit_lines(const std::string& path) {
  auto text = slurp(path);
  if (!text) return text.error();
  std::vector<Commit> commits;
  std::istringstream in(*text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("repo") || !j["repo"].is_string() || !j.contains("sha") ||
        !j["sha"].is_string() || !j.contains("message") || !j["message"].is_string())
      return at_line(path, line_no, "expected an object with string repo, sha and message");
    Commit c;
    c.repo = j["repo"].get<std::string>();
    c.sha = j["sha"].get<std::string>();
    c.message = j["message"].get<std::string>();
    if (j.contains("files") && j["files"].is_array()) {
      for (const auto& f : j["files"]) {
        if (!f.is_object() || !f.contains("filename") || !f["filename"].is_string())
          return at_line(path, line_no, "every file needs a string \"filename\"");
        FileChange file;
        file.filename = f["filename"].get<std::string>();
        if (f.contains("status") && f["status"].is_string())
          file.status = f["status"].get<std::string>();
        // Line counts decide whether a path tag's files are most of the change.
        if (f.contains("additions") && f["additions"].is_number_integer())
          file.additions = f["additions"].get<int>();
        if (f.contains("deletions") && f["deletions"].is_number_integer())
          file.deletions = f["deletions"].get<int>();
        if (f.contains("patch") && f["patch"].is_string()) file.patch = f["patch"].get<std::string>();
        c.files.push_back(std::move(file));
      }
    }
    commits.push_back(std::move(c));
  }
  return commits;
}

bool in_test_split(std::string_view sha) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bit
  for (const char c : ascii_lower(sha)) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash % 3 == 0;
}

LabelSplit split_labels(const std::vector<LabelledCommit>& labels) {
  LabelSplit split;
  for (const LabelledCommit& l : labels) (in_test_split(l.sha) ? split.test : split.train).push_back(l);
  return split;
}

double PrecisionRecall::precision() const {
  return ratio(true_positives, true_positives + false_positives);
}
double PrecisionRecall::recall() const {
  return ratio(true_positives, true_positives + false_negatives);
}
double PrecisionRecall::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
PrecisionRecall& PrecisionRecall::operator+=(const PrecisionRecall& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
  return *this;
}

double ClassifierEvaluation::kind_accuracy() const {
  return items == 0 ? 0.0 : static_cast<double>(kind_correct) / items;
}

ClassifierEvaluation evaluate_classifier(const std::vector<LabelledCommit>& labels,
                                         const std::vector<Commit>& commits) {
  std::map<std::pair<std::string, std::string>, const Commit*> by_sha;
  for (const Commit& c : commits) {
    if (c.sha) by_sha.emplace(std::make_pair(c.repo, *c.sha), &c);
  }
  ClassifierEvaluation e;
  for (const LabelledCommit& label : labels) {
    const auto it = by_sha.find({label.repo, label.sha});
    if (it == by_sha.end()) {
      e.unmatched.push_back(label.repo + "@" + label.sha);
      continue;
    }
    const Commit& commit = *it->second;
    const Classification c = classify(commit);
    ++e.items;
    ++e.items_per_repo[label.repo];
    ++e.confusion[{label.kind, c.kind}];
    if (c.kind == label.kind) ++e.kind_correct;

    EvaluationMiss miss;
    std::set_difference(label.tags.begin(), label.tags.end(), c.tags.begin(), c.tags.end(),
                        std::back_inserter(miss.missing_tags));
    std::set_difference(c.tags.begin(), c.tags.end(), label.tags.begin(), label.tags.end(),
                        std::back_inserter(miss.unexpected_tags));
    for (const Tag& t : label.tags) {
      const bool found = std::binary_search(c.tags.begin(), c.tags.end(), t);
      PrecisionRecall one;
      (found ? one.true_positives : one.false_negatives) = 1;
      e.tags += one;
      e.facets[t.facet] += one;
      e.per_tag[t] += one;
    }
    for (const Tag& t : miss.unexpected_tags) {
      PrecisionRecall one;
      one.false_positives = 1;
      e.tags += one;
      e.facets[t.facet] += one;
      e.per_tag[t] += one;
    }
    const bool peripheral = label.kind == ChangeKind::kDocs || label.kind == ChangeKind::kCiBuild ||
                            label.kind == ChangeKind::kTest;
    const bool scope_tag = std::any_of(c.tags.begin(), c.tags.end(), [](const Tag& t) {
      return t.facet == TagFacet::kHardware || t.facet == TagFacet::kModel;
    });
    if (peripheral && scope_tag)
      e.peripheral_with_scope_tags.push_back(label.repo + "@" + label.sha.substr(0, 10) + " " +
                                             commit.title());
    if (c.kind != label.kind || !miss.missing_tags.empty() || !miss.unexpected_tags.empty()) {
      miss.repo = label.repo;
      miss.sha = label.sha;
      miss.title = commit.title();
      miss.expected_kind = label.kind;
      miss.predicted_kind = c.kind;
      miss.reasons = c.reasons;
      e.misses.push_back(std::move(miss));
    }
  }
  return e;
}

std::string format_evaluation(const ClassifierEvaluation& e, bool list_misses) {
  std::string out;
  out += fmt::format("Evaluated {} labelled commits", e.items);
  std::string per_repo;
  for (const auto& [repo, n] : e.items_per_repo)
    per_repo += fmt::format("{}{} {}", per_repo.empty() ? "" : ", ", repo, n);
  out += per_repo.empty() ? "\n" : " (" + per_repo + ")\n";
  if (!e.unmatched.empty())
    out += fmt::format("{} labels have no commit in the data (not counted)\n", e.unmatched.size());

  out += fmt::format("\nkind accuracy   {:.3f}   ({} / {})\n", e.kind_accuracy(), e.kind_correct,
                     e.items);
  out += "\ntags (micro-averaged)\n";
  out += pr_line("all tags", e.tags);
  for (TagFacet f : {TagFacet::kHardware, TagFacet::kTechnique, TagFacet::kModel}) {
    const auto it = e.facets.find(f);
    out += pr_line(facet_name(f), it == e.facets.end() ? PrecisionRecall{} : it->second);
  }
  out += "\nper tag\n";
  for (const Tag& t : canonical_tags()) {
    const auto it = e.per_tag.find(t);
    if (it != e.per_tag.end()) out += pr_line(t.name, it->second);
  }

  // Rows: the label; columns: the classifier.
  const auto& kinds = all_change_kinds();
  out += "\nkind confusion (rows: label, columns: classifier)\n";
  out += fmt::format("  {:<9}", "");
  for (ChangeKind k : kinds) out += fmt::format(" {:>8}", kind_name(k).substr(0, 8));
  out += fmt::format(" {:>7}\n", "recall");
  for (ChangeKind expected : kinds) {
    int row_total = 0;
    int correct = 0;
    std::string row = fmt::format("  {:<9}", kind_name(expected));
    for (ChangeKind predicted : kinds) {
      const auto it = e.confusion.find({expected, predicted});
      const int n = it == e.confusion.end() ? 0 : it->second;
      row_total += n;
      if (predicted == expected) correct = n;
      row += n == 0 ? fmt::format(" {:>8}", ".") : fmt::format(" {:>8}", n);
    }
    if (row_total == 0) continue;
    out += row + fmt::format(" {:>7.2f}\n", static_cast<double>(correct) / row_total);
  }

  out += fmt::format("\ndocs/CI/test commits with a hardware or model tag: {}\n",
                     e.peripheral_with_scope_tags.size());
  for (const std::string& item : e.peripheral_with_scope_tags) out += "  " + item + "\n";

  if (list_misses && !e.misses.empty()) {
    out += fmt::format("\nmisses ({})\n", e.misses.size());
    for (const EvaluationMiss& m : e.misses) {
      out += fmt::format("\n{} {} {}\n", m.repo, m.sha.substr(0, 10), m.title);
      if (m.expected_kind != m.predicted_kind)
        out += fmt::format("  kind: labelled {}, classified {}\n", kind_name(m.expected_kind),
                           kind_name(m.predicted_kind));
      if (!m.missing_tags.empty()) out += "  missing tags: " + tag_list(m.missing_tags) + "\n";
      if (!m.unexpected_tags.empty())
        out += "  unexpected tags: " + tag_list(m.unexpected_tags) + "\n";
      for (const std::string& r : m.reasons) out += "    " + r + "\n";
    }
  }
  return out;
}

std::string format_summary_line(std::string_view name, const ClassifierEvaluation& e) {
  const auto facet = [&](TagFacet f) {
    const auto it = e.facets.find(f);
    const PrecisionRecall pr = it == e.facets.end() ? PrecisionRecall{} : it->second;
    return fmt::format("{:.3f}/{:.3f}", pr.precision(), pr.recall());
  };
  return fmt::format("  {:<6} {:>5}  {:>5.3f}  {:>5.3f}  {:>5.3f}  {:>11}  {:>11}  {:>11}  {:>4}\n",
                     name, e.items, e.kind_accuracy(), e.tags.precision(), e.tags.recall(),
                     facet(TagFacet::kHardware), facet(TagFacet::kTechnique),
                     facet(TagFacet::kModel), e.peripheral_with_scope_tags.size());
}

}  // namespace infradigest
