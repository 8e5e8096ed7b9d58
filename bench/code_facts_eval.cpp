// code_facts_eval: the code-fact rules (src/analysis/code_facts.h) on real
// patches: facts per kind and per rule, facts the patch does not back (must be
// 0), recall of the two rules the issue measures (Python functions and
// __global__ kernels a commit adds), precision on the hand-checked sample in
// eval/code_facts_sample.tsv, the stored size of the patches under the
// default bounds, and the time the rules take.
//
//   code_facts_eval [DATA.jsonl] [--labels FILE] [--sample] [--misses]
//
// DATA defaults to ../shared/data/commits-2026-02-01_2026-03-15.jsonl next to
// the source tree; when it is absent the program says so and exits 0.
// --sample prints a spread of facts (up to 6 per kind) as label lines to
// check by hand; --misses lists the functions and kernels the rules missed.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/classifier_evaluation.h"
#include "analysis/code_facts.h"
#include "analysis/patch_hunks.h"
#include "core/ascii_text.h"
#include "model/patch_bounds.h"

namespace {

using namespace infradigest;

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "def name(" at the start of a line (after spaces, "async ").
std::string def_name(std::string_view line) {
  auto t = trim_ascii_space(line);
  if (t.starts_with("async ")) t = trim_ascii_space(t.substr(6));
  if (!t.starts_with("def ")) return {};
  size_t p = 4, s;
  while (p < t.size() && t[p] == ' ') ++p;
  for (s = p; p < t.size() && ident_char(t[p]); ++p) {}
  return p < t.size() && (t[p] == '(' || t[p] == '[') ? std::string(t.substr(s, p - s)) : std::string();
}

// First "name(" in `text` that is not an attribute.
std::string first_call_name(std::string_view text) {
  for (size_t p = 0; p < text.size(); ++p) {
    if (!ident_char(text[p]) || (p > 0 && ident_char(text[p - 1]))) continue;
    size_t s = p;
    while (p < text.size() && ident_char(text[p])) ++p;
    std::string id(text.substr(s, p - s));
    size_t q = p;
    while (q < text.size() && text[q] == ' ') ++q;
    if (q < text.size() && text[q] == '(' && id != "__launch_bounds__" && id != "__attribute__" && id != "void")
      return id;
    if (q < text.size() && text[q] == '(') {
      int depth = 0;
      for (; q < text.size(); ++q) {
        if (text[q] == '(') ++depth;
        if (text[q] == ')' && --depth == 0) break;
      }
      p = q;
    }
  }
  return {};
}

// Kernel names declared on one side: "__global__ ... name(" on a line, or the
// name on the next line of the same side.
std::set<std::string> kernels(const std::vector<Hunk>& hunks, LineChange change) {
  std::set<std::string> out;
  for (const auto& h : hunks)
    for (size_t i = 0; i < h.lines.size(); ++i) {
      if (h.lines[i].change != change) continue;
      auto at = h.lines[i].text.find("__global__");
      if (at == std::string_view::npos || trim_ascii_space(h.lines[i].text).starts_with("//")) continue;
      auto name = first_call_name(h.lines[i].text.substr(at + 10));
      for (size_t j = i + 1; name.empty() && j < h.lines.size() && j < i + 4; ++j)
        if (h.lines[j].change == change) name = first_call_name(h.lines[j].text);
      if (!name.empty()) out.insert(name);
    }
  return out;
}

std::set<std::string> defs(const std::vector<Hunk>& hunks, LineChange change) {
  std::set<std::string> out;
  for (const auto& h : hunks)
    for (const auto& l : h.lines)
      if (l.change == change)
        if (auto n = def_name(l.text); !n.empty()) out.insert(n);
  return out;
}

bool is_cuda_or_cpp(const std::string& path) {
  for (const char* ext : {".cu", ".cuh", ".h", ".hpp", ".cpp", ".cc", ".inl"})
    if (path.ends_with(ext)) return true;
  return false;
}

struct Recall {
  int expected = 0;
  int found = 0;
  double value() const { return expected ? static_cast<double>(found) / expected : 1.0; }
};

std::string label_key(const Commit& c, const CodeFact& f) {
  return c.sha->substr(0, 12) + "\t" + std::string(code_fact_kind_name(f.kind)) + "\t" + f.file + "\t" + f.name;
}

std::string show(const CodeFact& f) {
  std::string s = std::string(code_fact_kind_name(f.kind)) + " " + f.name;
  if (!f.scope.empty()) s += " in " + f.scope;
  if (f.before) s += " | before: " + *f.before;
  if (f.after) s += " | after: " + *f.after;
  return s + " [" + f.rule + "]";
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path source = INFRADIGEST_SOURCE_DIR;
  std::string data = (source / "../shared/data/commits-2026-02-01_2026-03-15.jsonl").string();
  std::string labels = (source / "eval/code_facts_sample.tsv").string();
  bool sample = false, misses = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--labels" && i + 1 < argc) labels = argv[++i];
    else if (a == "--sample") sample = true;
    else if (a == "--misses") misses = true;
    else if (!a.starts_with("--")) data = a;
    else {
      std::cerr << "usage: code_facts_eval [DATA.jsonl] [--labels FILE] [--sample] [--misses]\n";
      return 2;
    }
  }
  if (!fs::exists(data)) {
    std::cout << "no commit data at " << data << " (nothing to measure)\n";
    return 0;
  }
  auto commits = read_commit_lines(data);
  if (!commits) {
    std::cerr << "code_facts_eval: " << commits.error().message << "\n";
    return 1;
  }

  std::map<std::string, int> per_kind, per_rule;
  int unbacked = 0, total = 0, with_facts = 0;
  Recall py, kern;
  std::map<std::string, std::vector<std::string>> sample_rows;  // kind → label lines
  std::map<std::string, std::string> emitted;                   // label key → fact shown
  std::chrono::nanoseconds elapsed{0};
  size_t raw_bytes = 0, kept_bytes = 0, truncated_files = 0;

  for (const Commit& c : *commits) {
    auto t0 = std::chrono::steady_clock::now();
    auto facts = find_code_facts(c);
    elapsed += std::chrono::steady_clock::now() - t0;
    total += static_cast<int>(facts.size());
    with_facts += facts.empty() ? 0 : 1;
    for (const auto& f : facts) {
      ++per_kind[std::string(code_fact_kind_name(f.kind))];
      ++per_rule[f.rule];
      const FileChange* file = nullptr;
      for (const auto& x : c.files)
        if (x.filename == f.file) file = &x;
      if (!file || !code_fact_is_backed(f, *file)) ++unbacked;
      emitted[label_key(c, f)] = show(f);
      auto& rows = sample_rows[std::string(code_fact_kind_name(f.kind))];
      rows.push_back(label_key(c, f) + "\t?\t# " + show(f));
    }
    for (const auto& file : c.files) {
      if (!file.patch) continue;
      auto hunks = parse_patch(*file.patch);
      auto has = [&](CodeFactKind k, const std::string& name) {
        for (const auto& f : facts)
          if (f.file == file.filename && f.kind == k && (f.name == name || (f.after && *f.after == name))) return true;
        return false;
      };
      if (file.filename.ends_with(".py")) {
        auto removed = defs(hunks, LineChange::kRemoved);
        for (const auto& n : defs(hunks, LineChange::kAdded)) {
          if (removed.count(n)) continue;
          ++py.expected;
          bool ok = has(CodeFactKind::kFunctionAdded, n) || has(CodeFactKind::kFunctionRenamed, n);
          if (!ok && is_test_path(file.filename) && n.starts_with("test"))
            for (const auto& f : facts) ok = ok || (f.kind == CodeFactKind::kTestsAdded && f.file == file.filename);
          py.found += ok ? 1 : 0;
          if (!ok && misses) std::cout << "miss def " << c.sha->substr(0, 12) << " " << file.filename << " " << n << "\n";
        }
      }
      if (is_cuda_or_cpp(file.filename)) {
        auto removed = kernels(hunks, LineChange::kRemoved);
        for (const auto& n : kernels(hunks, LineChange::kAdded)) {
          if (removed.count(n)) continue;
          ++kern.expected;
          bool ok = has(CodeFactKind::kKernelAdded, n);
          kern.found += ok ? 1 : 0;
          if (!ok && misses)
            std::cout << "miss kernel " << c.sha->substr(0, 12) << " " << file.filename << " " << n << "\n";
        }
      }
    }
    Commit bounded = c;
    bound_patches(bounded, PatchLimits{});
    for (size_t i = 0; i < c.files.size(); ++i) {
      raw_bytes += c.files[i].patch ? c.files[i].patch->size() : 0;
      kept_bytes += bounded.files[i].patch ? bounded.files[i].patch->size() : 0;
      truncated_files += bounded.files[i].patch_truncated ? 1 : 0;
    }
  }

  if (sample) {
    // Every k-th fact of each kind, up to 6: a spread over repos and dates.
    for (const auto& [kind, rows] : sample_rows) {
      size_t step = std::max<size_t>(1, rows.size() / 6);
      for (size_t i = 0, n = 0; i < rows.size() && n < 6; i += step, ++n) std::cout << rows[i] << "\n";
    }
    return 0;
  }

  std::cout << commits->size() << " commits, " << with_facts << " with code facts, " << total << " facts\n\n";
  std::cout << "facts per kind:\n";
  for (const auto& [k, n] : per_kind) std::cout << "  " << std::left << std::setw(20) << k << n << "\n";
  std::cout << "\nfacts per rule:\n";
  for (const auto& [r, n] : per_rule) std::cout << "  " << std::left << std::setw(20) << r << n << "\n";
  std::cout << "\nfacts the patch does not back: " << unbacked << " (must be 0)\n";
  std::cout << std::fixed << std::setprecision(3);
  std::cout << "recall, Python functions added: " << py.found << "/" << py.expected << " = " << py.value() << "\n";
  std::cout << "recall, __global__ kernels added: " << kern.found << "/" << kern.expected << " = " << kern.value()
            << "\n";

  // Precision on the hand-checked sample: each label line is
  // sha12 TAB kind TAB file TAB name TAB ok|wrong [TAB # note].
  std::ifstream in(labels);
  std::map<std::string, std::pair<int, int>> checked;  // kind → (ok, labelled and still emitted)
  int gone = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() < 5) continue;
    std::string key = cols[0] + "\t" + cols[1] + "\t" + cols[2] + "\t" + cols[3];
    if (!emitted.count(key)) {
      ++gone;
      continue;
    }
    auto& [ok, n] = checked[cols[1]];
    ok += cols[4] == "ok" ? 1 : 0;
    ++n;
  }
  int ok_all = 0, n_all = 0;
  std::cout << "\nprecision on the hand-checked sample (" << labels << "):\n";
  for (const auto& [k, v] : checked) {
    std::cout << "  " << std::left << std::setw(20) << k << v.first << "/" << v.second << "\n";
    ok_all += v.first;
    n_all += v.second;
  }
  std::cout << "  all                 " << ok_all << "/" << n_all << " = "
            << (n_all ? static_cast<double>(ok_all) / n_all : 1.0) << " (" << gone
            << " labelled facts no longer emitted)\n";

  const double per_k = 1000.0 / static_cast<double>(commits->size());
  std::cout << "\npatch text per 1,000 commits: " << static_cast<double>(raw_bytes) * per_k / 1e6
            << " MB as GitHub returns it, " << static_cast<double>(kept_bytes) * per_k / 1e6
            << " MB stored under the default bounds (" << truncated_files << " files truncated)\n";
  std::cout << "rules: " << std::chrono::duration<double, std::milli>(elapsed).count() / 1000.0 << " s for "
            << commits->size() << " commits\n";
  return 0;
}
