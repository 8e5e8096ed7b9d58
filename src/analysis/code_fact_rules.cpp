// The code-fact rules, per language. Each line rule names what one line
// declares or reads; code_facts.cpp compares the removed and the added lines
// of a file. Conservative on purpose: a line that does not clearly declare
// something gives nothing (a missed fact costs less than a wrong one).
#include "analysis/code_fact_rules.h"

#include <map>
#include <set>

#include "analysis/code_scan.h"
#include "core/ascii_text.h"

namespace infradigest::code_rules {

namespace {

using namespace code_scan;

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  for (auto x : suffixes)
    if (s.ends_with(x)) return true;
  return false;
}

// ---- which files ----------------------------------------------------------

bool is_requirements(std::string_view path) {
  auto b = base_name(path);
  return (b.starts_with("requirements") && (b.ends_with(".txt") || b.ends_with(".in"))) ||
         ((path.starts_with("requirements/") || path.find("/requirements/") != std::string_view::npos) &&
          (b.ends_with(".txt") || b.ends_with(".in")));
}
bool is_python_build(std::string_view path) {
  auto b = base_name(path);
  return b == "pyproject.toml" || b == "setup.py" || b == "setup.cfg";
}
bool is_cmake(std::string_view path) {
  auto b = base_name(path);
  return b == "CMakeLists.txt" || b.ends_with(".cmake");
}
bool is_dockerfile(std::string_view path) {
  auto b = base_name(path);
  return b.starts_with("Dockerfile") || b.ends_with(".dockerfile") || b.ends_with(".Dockerfile");
}
bool is_build(std::string_view path) {
  return is_requirements(path) || is_python_build(path) || is_cmake(path) || is_dockerfile(path);
}
// Where CUDA architecture lists live: build files, scripts, CI, and Python
// (JIT and build helpers) on lines that set architecture lists.
bool may_list_archs(std::string_view path) {
  return is_build(path) || is_python(path) || ends_with_any(path, {".sh", ".yml", ".yaml", ".toml"});
}

// In Python code an architecture name is usually a check or a docstring, not
// a build target: there only lines that set arch lists or -gencode flags count.
bool arch_list_line(std::string_view path, const std::string& lower) {
  if (lower.find("gencode") != std::string::npos) return true;
  if (!is_python(path) || is_python_build(path)) return lower.find("arch") != std::string::npos;
  for (std::string_view w : {"arch_list", "cuda_arch", "archs"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// ---- Python -----------------------------------------------------------------

// "def name(" / "async def name(" → name.
std::string_view python_def_name(std::string_view line) {
  auto t = trim_ascii_space(line);
  if (t.starts_with("async ")) t = trim_ascii_space(t.substr(6));
  if (!t.starts_with("def ")) return {};
  size_t pos = 4;
  skip_spaces(t, pos);
  auto name = read_identifier(t, pos);
  skip_spaces(t, pos);
  if (pos >= t.size() || (t[pos] != '(' && t[pos] != '[')) return {};
  return name;
}

std::string_view python_class_name(std::string_view line) {
  auto t = trim_ascii_space(line);
  if (!t.starts_with("class ")) return {};
  size_t pos = 6;
  skip_spaces(t, pos);
  auto name = read_identifier(t, pos);
  skip_spaces(t, pos);
  if (pos >= t.size() || (t[pos] != '(' && t[pos] != ':' && t[pos] != '[')) return {};
  return name;
}

// The function or class a line sits in: the nearest earlier line of its hunk
// side with less indentation that opens one, else the hunk header.
std::string python_scope(const LineContext& line) {
  size_t indent = indent_of(line.text);
  if (indent == 0) return {};  // module level
  const size_t own_indent = indent;
  for (auto it = line.before.rbegin(); it != line.before.rend(); ++it) {
    auto t = it->text;
    if (trim_ascii_space(t).empty() || indent_of(t) >= indent) continue;
    if (auto d = python_def_name(t); !d.empty()) return std::string(d);
    if (auto c = python_class_name(t); !c.empty()) return std::string(c);
    indent = indent_of(t);
  }
  // The header is the nearest earlier line git took for a function header:
  // it encloses this line only when it is indented less.
  if (indent_of(line.header) >= std::min(indent, own_indent)) return {};
  if (auto d = python_def_name(line.header); !d.empty()) return std::string(d);
  if (auto c = python_class_name(line.header); !c.empty()) return std::string(c);
  return {};
}

void py_def(const LineContext& line, std::vector<LineMatch>& out) {
  if (auto name = python_def_name(line.text); !name.empty())
    out.push_back({std::string(name), {}, python_scope(line)});
}

void py_class(const LineContext& line, std::vector<LineMatch>& out) {
  if (auto name = python_class_name(line.text); !name.empty()) out.push_back({std::string(name), {}, {}});
}

// Whether every bracket in `v` closes within it (quotes respected).
bool is_balanced(std::string_view v) {
  const std::string wrapped = "(" + std::string(v) + ")";
  auto inside = balanced_from(wrapped, 0);
  return inside && inside->size() == v.size();
}

// A one-line value: not the opening of a multi-line literal or call.
bool complete_value(std::string_view v) {
  if (v.empty() || v.size() > 120) return false;
  char last = v.back();
  if (last == '(' || last == '[' || last == '{' || last == '\\' || last == ',') return false;
  return is_balanced(v);
}

// "NAME[: type] = value" → {NAME, value}; nullopt otherwise.
std::optional<std::pair<std::string_view, std::string_view>> assignment(std::string_view stripped) {
  size_t pos = 0;
  auto name = read_identifier(stripped, pos);
  if (name.empty()) return std::nullopt;
  skip_spaces(stripped, pos);
  if (pos < stripped.size() && stripped[pos] == ':') {
    auto eq = stripped.find('=', pos);
    if (eq == std::string_view::npos) return std::nullopt;
    pos = eq;
  }
  if (pos >= stripped.size() || stripped[pos] != '=' || (pos + 1 < stripped.size() && stripped[pos + 1] == '='))
    return std::nullopt;
  auto value = trim_ascii_space(stripped.substr(pos + 1));
  if (!complete_value(value)) return std::nullopt;
  return std::pair{name, value};
}

bool is_upper_constant(std::string_view name) {
  if (name.size() < 2 || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Module-level UPPER_CASE constants.
void py_constant(const LineContext& line, std::vector<LineMatch>& out) {
  if (indent_of(line.text) != 0) return;
  auto a = assignment(strip_python_comment(line.text));
  if (a && is_upper_constant(a->first)) out.push_back({std::string(a->first), std::string(a->second), {}});
}

// Annotated fields with a default in a class body (dataclasses, config and
// server-args classes): "    name: type = default".
void py_field(const LineContext& line, std::vector<LineMatch>& out) {
  if (indent_of(line.text) != 4) return;
  auto t = strip_python_comment(trim_ascii_space(line.text));
  size_t pos = 0;
  auto name = read_identifier(t, pos);
  skip_spaces(t, pos);
  if (name.empty() || pos >= t.size() || t[pos] != ':') return;
  auto a = assignment(t);
  if (!a) return;
  std::string scope = python_scope(line);
  // Only in a class body: the enclosing header is a class, not a function.
  bool in_class = false;
  for (auto it = line.before.rbegin(); it != line.before.rend(); ++it) {
    if (trim_ascii_space(it->text).empty() || indent_of(it->text) > 0) continue;
    in_class = !python_class_name(it->text).empty() || trim_ascii_space(it->text).starts_with("@");
    if (!trim_ascii_space(it->text).starts_with("@")) break;
  }
  if (line.before.empty() || !in_class) {
    bool header_class = !python_class_name(line.header).empty();
    bool any_top = false;
    for (const auto& b : line.before)
      if (!trim_ascii_space(b.text).empty() && indent_of(b.text) == 0) any_top = true;
    in_class = in_class || (!any_top && header_class);
  }
  if (!in_class || scope.empty()) return;
  out.push_back({std::string(a->first), std::string(a->second), scope});
}

// The value of "default=..." in an argument list on one line ("" when absent).
std::string keyword_value(std::string_view line, std::string_view keyword) {
  for (size_t pos = line.find(keyword); pos != std::string_view::npos; pos = line.find(keyword, pos + 1)) {
    if (pos > 0 && is_ident_char(line[pos - 1])) continue;
    size_t p = pos + keyword.size();
    skip_spaces(line, p);
    if (p >= line.size() || line[p] != '=') continue;
    auto pieces = split_top_level(line.substr(p + 1));
    if (pieces.empty()) return {};
    auto v = pieces.front();
    while (!v.empty() && v.back() == ')' && !is_balanced(v)) v.remove_suffix(1);  // the call's own ")"
    v = trim_ascii_space(v);
    return complete_value(v) ? std::string(v) : std::string();
  }
  return {};
}

// First quoted "--flag" at or after `pos`.
std::optional<std::string_view> flag_in(std::string_view text, size_t pos) {
  for (; pos < text.size(); ++pos) {
    if (auto q = quoted_at(text, pos); q && q->starts_with("--") && q->size() > 2) return q;
  }
  return std::nullopt;
}

// argparse flags: add_argument("--name", ..., default=...) on one line, or
// the flag on the line after "add_argument(".
void py_argparse(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = strip_python_comment(line.text);
  if (auto call = text.find("add_argument("); call != std::string_view::npos) {
    if (auto flag = flag_in(text, call)) out.push_back({std::string(*flag), keyword_value(text, "default"), {}});
    return;
  }
  auto t = trim_ascii_space(text);
  if (!(t.starts_with("\"--") || t.starts_with("'--"))) return;
  for (auto it = line.before.rbegin(); it != line.before.rend(); ++it) {
    auto prev = trim_ascii_space(strip_python_comment(it->text));
    if (prev.empty()) continue;
    if (prev.ends_with("add_argument(")) {
      if (auto flag = flag_in(t, 0)) out.push_back({std::string(*flag), keyword_value(t, "default"), {}});
    }
    return;
  }
}

bool is_env_name(std::string_view s) {
  if (s.size() < 2 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Environment variables read: os.environ["X"], os.environ.get("X"),
// os.getenv("X"), getenv("X") (also C/C++), envs.X (vLLM's envs module).
void env_reads(const LineContext& line, std::vector<LineMatch>& out) {
  std::string_view text = line.text;
  for (std::string_view call : {"environ.get(", "environ[", "getenv(", "environ.setdefault("}) {
    for (size_t pos = text.find(call); pos != std::string_view::npos; pos = text.find(call, pos + 1)) {
      size_t p = pos + call.size();
      skip_spaces(text, p);
      if (auto q = quoted_at(text, p); q && is_env_name(*q)) out.push_back({std::string(*q), {}, {}});
    }
  }
  for (size_t pos = text.find("envs."); pos != std::string_view::npos; pos = text.find("envs.", pos + 1)) {
    if (pos > 0 && is_ident_char(text[pos - 1])) continue;
    size_t p = pos + 5;
    auto name = read_identifier(text, p);
    if (is_env_name(name)) out.push_back({std::string(name), {}, {}});
  }
}

// torch.library custom ops declared from Python: custom_op("ns::name"),
// library.define("name(...)").
void py_custom_op(const LineContext& line, std::vector<LineMatch>& out) {
  for (std::string_view call : {"custom_op(", "library.define("}) {
    auto pos = line.text.find(call);
    if (pos == std::string_view::npos) continue;
    size_t p = pos + call.size();
    skip_spaces(line.text, p);
    if (auto q = quoted_at(line.text, p)) {
      auto name = q->substr(0, q->find('('));
      if (!name.empty()) out.push_back({std::string(name), {}, {}});
    }
  }
}

// ---- C++ / CUDA -----------------------------------------------------------

bool is_cpp_keyword(std::string_view w) {
  static const std::set<std::string_view> kWords{
      "if", "for", "while", "switch", "return", "sizeof", "static_assert", "defined", "decltype", "alignas",
      "__launch_bounds__", "__attribute__", "__cluster_dims__", "__declspec", "catch", "operator", "new",
      "delete", "throw", "noexcept", "alignof", "typeid", "else", "do", "case", "template", "void"};
  return kWords.count(w) > 0;
}

// The kernel a __global__ declaration names: the first identifier followed by
// "(" after "__global__", skipping attributes.
std::string_view kernel_name_after(std::string_view text) {
  auto at = text.find("__global__");
  if (at == std::string_view::npos) return {};
  for (size_t pos = at + 10; pos < text.size();) {
    if (!is_ident_start(text[pos])) {
      ++pos;
      continue;
    }
    auto id = read_identifier(text, pos);
    size_t p = pos;
    skip_spaces(text, p);
    if (p < text.size() && text[p] == '(') {
      if (!is_cpp_keyword(id)) return id;
      auto args = balanced_from(text, p);
      if (!args) return {};
      pos = p + args->size() + 2;
    }
  }
  return {};
}

// __global__ kernels, the name on this line; "__global__" on it or on up to
// three lines before it (attributes and return types on their own lines).
void cpp_global_kernel(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = strip_cpp_comment(line.text);
  if (trim_ascii_space(text).starts_with("//") || trim_ascii_space(text).starts_with("*")) return;
  std::string joined(text);
  size_t taken = 0;
  for (auto it = line.before.rbegin(); it != line.before.rend() && taken < 3; ++it, ++taken) {
    if (joined.find("__global__") != std::string::npos) break;
    auto prev = strip_cpp_comment(it->text);
    if (prev.find_first_of(";{}") != std::string_view::npos) break;
    joined = std::string(prev) + " " + joined;
  }
  auto name = kernel_name_after(joined);
  if (name.empty()) return;
  // The name must sit on this very line, followed by "(".
  for (size_t pos = text.find(name); pos != std::string_view::npos; pos = text.find(name, pos + 1)) {
    size_t end = pos + name.size();
    bool left = pos == 0 || !is_ident_char(text[pos - 1]);
    size_t p = end;
    skip_spaces(text, p);
    if (left && p < text.size() && text[p] == '(') {
      out.push_back({std::string(name), {}, {}});
      return;
    }
  }
}

// Free functions and function templates defined or declared at the start of
// a line: "type name(" with a return type and no "=" before the name.
void cpp_function(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = strip_cpp_comment(line.text);
  if (text.empty() || !is_ident_start(text[0])) return;
  if (text.find("__global__") != std::string_view::npos) return;
  for (std::string_view skip : {"return", "using", "typedef", "namespace", "class", "struct", "union", "enum",
                                "template", "friend", "public", "private", "protected", "case", "goto", "else"})
    if (text.starts_with(skip) && (text.size() == skip.size() || !is_ident_char(text[skip.size()]))) return;
  auto paren = text.find('(');
  if (paren == std::string_view::npos) return;
  auto head = text.substr(0, paren);
  if (head.find_first_of("=;{}\"") != std::string_view::npos) return;
  auto name = identifier_before(text, paren);
  if (name.empty() || is_cpp_keyword(name)) return;
  // A return type (or qualifier) before the name: at least two words.
  auto before_name = trim_ascii_space(head.substr(0, head.rfind(name)));
  if (before_name.empty() || before_name.ends_with("::") || before_name.ends_with(".") ||
      before_name.ends_with("->"))
    return;
  bool macro = true;  // ALL_CAPS_NAME( is a macro call, not a function
  for (char c : name)
    if (c >= 'a' && c <= 'z') macro = false;
  if (macro) return;
  if (text.ends_with(";") && text.find(')') == std::string_view::npos) return;  // a call spread over lines
  out.push_back({std::string(name), {}, {}});
}

// Op registrations: m.def("name(...)"), m.impl("name", ...), pybind
// .def("name", ...), TVM_FFI_DLL_EXPORT_TYPED_FUNC(name, ...).
void cpp_op(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = strip_cpp_comment(line.text);
  for (std::string_view call : {".def(", ".impl("}) {
    for (size_t pos = text.find(call); pos != std::string_view::npos; pos = text.find(call, pos + 1)) {
      size_t p = pos + call.size();
      skip_spaces(text, p);
      if (auto q = quoted_at(text, p)) {
        auto name = q->substr(0, q->find('('));
        name = trim_ascii_space(name);
        if (!name.empty() && is_ident_start(name[0])) out.push_back({std::string(name), {}, {}});
      }
    }
  }
  for (std::string_view macro : {"TVM_FFI_DLL_EXPORT_TYPED_FUNC(", "TORCH_LIBRARY_IMPL_EXPORT("}) {
    auto pos = text.find(macro);
    if (pos == std::string_view::npos) continue;
    size_t p = pos + macro.size();
    skip_spaces(text, p);
    auto name = read_identifier(text, p);
    if (!name.empty()) out.push_back({std::string(name), {}, {}});
  }
}

// "static constexpr int kBlockM = 128;" → {kBlockM, 128}.
void cpp_constexpr(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = trim_ascii_space(strip_cpp_comment(line.text));
  if (!(text.starts_with("static constexpr ") || text.starts_with("constexpr ") ||
        text.starts_with("static const ") || text.starts_with("inline constexpr ")))
    return;
  auto eq = text.find('=');
  auto semi = text.rfind(';');
  if (eq == std::string_view::npos || semi == std::string_view::npos || semi < eq) return;
  if (text.find('(') < eq) return;  // a function
  auto name = identifier_before(text, eq);
  auto value = trim_ascii_space(text.substr(eq + 1, semi - eq - 1));
  if (name.empty() || !complete_value(value)) return;
  out.push_back({std::string(name), std::string(value), {}});
}

// ---- build and dependencies ----------------------------------------------

// "name[extras] >=1.2, <2" → {name, ">=1.2, <2"}; the operator is required
// when `need_version`.
std::optional<LineMatch> requirement(std::string_view text, bool need_version) {
  text = trim_ascii_space(text);
  auto semi = text.find(';');  // environment markers
  if (semi != std::string_view::npos) text = trim_ascii_space(text.substr(0, semi));
  size_t pos = 0;
  if (pos >= text.size() || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z') ||
                              (text[0] >= '0' && text[0] <= '9')))
    return std::nullopt;
  while (pos < text.size() && (is_ident_char(text[pos]) || text[pos] == '-' || text[pos] == '.')) ++pos;
  auto name = text.substr(0, pos);
  if (pos < text.size() && text[pos] == '[') {
    auto close = text.find(']', pos);
    if (close == std::string_view::npos) return std::nullopt;
    pos = close + 1;
  }
  skip_spaces(text, pos);
  auto spec = trim_ascii_space(text.substr(pos));
  bool has_op = spec.starts_with("==") || spec.starts_with(">=") || spec.starts_with("<=") ||
                spec.starts_with("~=") || spec.starts_with("!=") || spec.starts_with("<") || spec.starts_with(">");
  if (!spec.empty() && !has_op) return std::nullopt;
  if (need_version && !has_op) return std::nullopt;
  if (spec.find_first_of(" \t") != std::string_view::npos && spec.find(',') == std::string_view::npos)
    return std::nullopt;
  return LineMatch{std::string(name), std::string(spec), {}};
}

void requirements_txt(const LineContext& line, std::vector<LineMatch>& out) {
  auto t = trim_ascii_space(line.text);
  auto hash = t.find(" #");
  if (hash != std::string_view::npos) t = trim_ascii_space(t.substr(0, hash));
  if (t.empty() || t.front() == '#' || t.front() == '-') return;
  if (auto m = requirement(t, false)) out.push_back(std::move(*m));
}

// Quoted requirements with a version in pyproject.toml / setup.py / setup.cfg.
void quoted_requirements(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = line.text;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    auto q = quoted_at(text, pos);
    if (!q) continue;
    if (auto m = requirement(*q, true)) out.push_back(std::move(*m));
    pos += q->size() + 1;
  }
}

bool is_version_word(std::string_view w) {
  if (w.empty() || !(w[0] >= '0' && w[0] <= '9')) return false;
  for (char c : w)
    if (!((c >= '0' && c <= '9') || c == '.')) return false;
  return true;
}

// find_package(CUDAToolkit 12.8 REQUIRED) → {CUDAToolkit, 12.8}.
void cmake_find_package(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = line.text;
  auto pos = text.find("find_package(");
  if (pos == std::string_view::npos) return;
  size_t p = pos + 13;
  skip_spaces(text, p);
  auto name = read_identifier(text, p);
  skip_spaces(text, p);
  size_t start = p;
  while (p < text.size() && (text[p] == '.' || (text[p] >= '0' && text[p] <= '9'))) ++p;
  auto version = text.substr(start, p - start);
  if (!name.empty() && is_version_word(version)) out.push_back({std::string(name), std::string(version), {}});
}

// GIT_TAG under FetchContent_Declare(name ...) → {name, tag}.
void cmake_git_tag(const LineContext& line, std::vector<LineMatch>& out) {
  auto t = trim_ascii_space(line.text);
  if (!t.starts_with("GIT_TAG")) return;
  size_t p = 7;
  skip_spaces(t, p);
  auto tag = trim_ascii_space(t.substr(p));
  if (auto close = tag.find(')'); close != std::string_view::npos) tag = trim_ascii_space(tag.substr(0, close));
  if (tag.empty() || tag.find(' ') != std::string_view::npos) return;
  for (auto it = line.before.rbegin(); it != line.before.rend(); ++it) {
    auto pos = it->text.find("FetchContent_Declare(");
    if (pos == std::string_view::npos) continue;
    size_t q = pos + 21;
    skip_spaces(it->text, q);
    auto name = read_identifier(it->text, q);
    if (!name.empty()) out.push_back({std::string(name), std::string(tag), {}});
    return;
  }
}

// FROM image:tag → {image, tag}; ARG/ENV *VERSION*=value → {NAME, value}.
void dockerfile(const LineContext& line, std::vector<LineMatch>& out) {
  auto t = trim_ascii_space(line.text);
  if (t.starts_with("FROM ")) {
    auto ref = trim_ascii_space(t.substr(5));
    if (ref.starts_with("--")) {  // --platform=...
      auto sp = ref.find(' ');
      if (sp == std::string_view::npos) return;
      ref = trim_ascii_space(ref.substr(sp));
    }
    ref = ref.substr(0, ref.find(' '));
    auto colon = ref.rfind(':');
    if (colon == std::string_view::npos || ref.find('$') != std::string_view::npos) return;
    out.push_back({std::string(ref.substr(0, colon)), std::string(ref.substr(colon + 1)), {}});
    return;
  }
  if (!(t.starts_with("ARG ") || t.starts_with("ENV "))) return;
  auto assign = trim_ascii_space(t.substr(4));
  auto eq = assign.find('=');
  if (eq == std::string_view::npos) return;
  auto name = assign.substr(0, eq);
  auto value = assign.substr(eq + 1);
  if (name.find("VERSION") == std::string_view::npos || value.empty() || value.find(' ') != std::string_view::npos)
    return;
  out.push_back({std::string(name), std::string(value), {}});
}

// Whether the value at `pos` is an operand of a comparison (`<`, `>`, `==`,
// `!=`), quotes and spaces skipped: such a number is a version being tested.
bool compared(std::string_view text, size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\'' || text[pos - 1] == '"')) --pos;
  if (pos == 0) return false;
  char c = text[pos - 1];
  if (c == '<' || c == '>') return true;
  return c == '=' && pos >= 2 && (text[pos - 2] == '=' || text[pos - 2] == '!' || text[pos - 2] == '<' || text[pos - 2] == '>');
}

// CUDA architectures: sm_90a / compute_100a tokens, TORCH_CUDA_ARCH_LIST
// values ("9.0a"), CMAKE_CUDA_ARCHITECTURES values ("90a", "100a-real").
void cuda_archs(const LineContext& line, std::vector<LineMatch>& out) {
  auto text = line.text;
  auto lower = ascii_lower(text);
  auto trimmed = trim_ascii_space(text);
  if (trimmed.starts_with("#") || trimmed.starts_with("//") || trimmed.starts_with("\"\"\"")) return;  // comments, docstrings
  const bool speaks_of_archs = arch_list_line(line.path, lower);
  auto tokens_with = [&](std::string_view prefix) {
    for (size_t pos = text.find(prefix); pos != std::string_view::npos; pos = text.find(prefix, pos + 1)) {
      if (pos > 0 && is_ident_char(text[pos - 1]) && text[pos - 1] != '_' && text[pos - 1] != '=') continue;
      size_t p = pos + prefix.size();
      size_t digits = p;
      while (p < text.size() && text[p] >= '0' && text[p] <= '9') ++p;
      if (p - digits < 2 || p - digits > 3) continue;
      if (p < text.size() && (text[p] == 'a' || text[p] == 'f')) ++p;
      if (p < text.size() && is_ident_char(text[p])) continue;
      out.push_back({std::string(text.substr(pos, p - pos)), {}, {}});
    }
  };
  if (speaks_of_archs) {
    tokens_with("sm_");
    tokens_with("compute_");
  }
  for (std::string_view list : {"CUDA_ARCH_LIST", "CUDA_ARCHITECTURES"}) {
    auto at = text.find(list);
    if (at == std::string_view::npos) continue;
    const bool dotted = list == "CUDA_ARCH_LIST";
    for (size_t p = at + list.size(); p < text.size();) {
      if (!(text[p] >= '0' && text[p] <= '9') || (p > 0 && (is_ident_char(text[p - 1]) || text[p - 1] == '.'))) {
        ++p;
        continue;
      }
      size_t start = p;
      while (p < text.size() && ((text[p] >= '0' && text[p] <= '9') || text[p] == '.')) ++p;
      if (p < text.size() && (text[p] == 'a' || text[p] == 'f')) ++p;
      auto tok = text.substr(start, p - start);
      if (p < text.size() && is_ident_char(text[p])) continue;
      if (compared(text, start)) continue;  // "matrix.cuda < '12.9'": a CUDA version, not an arch
      bool ok = dotted ? (tok.find('.') != std::string_view::npos && tok.size() <= 5)
                       : (tok.find('.') == std::string_view::npos && tok.size() >= 2 && tok.size() <= 4);
      if (ok) out.push_back({std::string(tok), {}, {}});
    }
  }
}

// ---- block rules -------------------------------------------------------

struct Param {
  std::string name;
  std::optional<std::string> default_value;
  std::string text;
};

struct PythonDef {
  std::string name;
  std::vector<Param> params;  // self/cls, "*" and "/" left out
  bool def_line_changed = false;
};

std::vector<Param> parse_params(std::string_view inside) {
  std::vector<Param> out;
  for (auto piece : split_top_level(inside)) {
    if (piece == "*" || piece == "/" || piece == "self" || piece == "cls") continue;
    Param p;
    p.text = std::string(piece);
    size_t pos = 0;
    std::string prefix;
    while (pos < piece.size() && piece[pos] == '*') prefix += piece[pos++];
    auto name = read_identifier(piece, pos);
    if (name.empty()) continue;
    p.name = prefix + std::string(name);
    // The default follows the first top-level '=' (annotations may hold '=' only inside brackets).
    int depth = 0;
    for (size_t i = pos; i < piece.size(); ++i) {
      char c = piece[i];
      if (c == '(' || c == '[' || c == '{') ++depth;
      else if (c == ')' || c == ']' || c == '}') --depth;
      else if (c == '=' && depth == 0) {
        p.default_value = std::string(trim_ascii_space(piece.substr(i + 1)));
        break;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

// Python defs on one side of every hunk, with parameter lists read across
// lines (comments dropped) when they close within the hunk.
std::map<std::string, std::vector<PythonDef>> python_defs(const FileDiff& diff, Side side) {
  std::map<std::string, std::vector<PythonDef>> defs;
  const LineChange own = side == Side::kOld ? LineChange::kRemoved : LineChange::kAdded;
  for (const auto& hunk : diff.hunks) {
    auto lines = side_lines(hunk, side);
    for (size_t i = 0; i < lines.size(); ++i) {
      auto name = python_def_name(lines[i].text);
      if (name.empty()) continue;
      PythonDef d;
      d.name = std::string(name);
      d.def_line_changed = lines[i].change == own;
      std::string joined;
      std::optional<std::string_view> inside;
      for (size_t j = i; j < lines.size() && j < i + 80; ++j) {
        joined += std::string(strip_python_comment(lines[j].text));
        joined += ' ';
        auto open = joined.find('(');
        if (open == std::string::npos) break;
        if ((inside = balanced_from(joined, open))) break;
      }
      if (!inside) continue;
      d.params = parse_params(*inside);
      defs[d.name].push_back(std::move(d));
    }
  }
  return defs;
}

const Param* find_param(const std::vector<Param>& params, const std::string& name) {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string param_names(const std::vector<Param>& params) {
  std::string out;
  for (const auto& p : params) out += p.name + ",";
  return out;
}

// Parameters added, removed, defaults changed for a function seen on both
// sides; renames: a def removed and another added with the same parameters.
void py_signatures(const FileDiff& diff, std::vector<CodeFact>& out) {
  auto old_defs = python_defs(diff, Side::kOld);
  auto new_defs = python_defs(diff, Side::kNew);
  const std::string& file = diff.file.filename;
  for (const auto& [name, olds] : old_defs) {
    auto it = new_defs.find(name);
    if (it == new_defs.end() || olds.size() != 1 || it->second.size() != 1) continue;
    const auto& o = olds.front();
    const auto& n = it->second.front();
    for (const auto& p : n.params)
      if (!find_param(o.params, p.name))
        out.push_back({CodeFactKind::kParameterAdded, p.name, file, name, std::nullopt, p.text, "py.signature"});
    for (const auto& p : o.params)
      if (!find_param(n.params, p.name))
        out.push_back({CodeFactKind::kParameterRemoved, p.name, file, name, p.text, std::nullopt, "py.signature"});
    for (const auto& p : n.params) {
      const Param* before = find_param(o.params, p.name);
      if (before && before->default_value && p.default_value && *before->default_value != *p.default_value)
        out.push_back({CodeFactKind::kDefaultChanged, p.name, file, name, *before->default_value, *p.default_value,
                       "py.signature"});
    }
  }
  // Renames: exactly one removed def and one added def share a non-empty parameter list.
  std::vector<const PythonDef*> gone, arrived;
  for (const auto& [name, olds] : old_defs)
    if (!new_defs.count(name))
      for (const auto& d : olds)
        if (d.def_line_changed && !d.params.empty()) gone.push_back(&d);
  for (const auto& [name, news] : new_defs)
    if (!old_defs.count(name))
      for (const auto& d : news)
        if (d.def_line_changed && !d.params.empty()) arrived.push_back(&d);
  for (const auto* g : gone) {
    const PythonDef* match = nullptr;
    int candidates = 0;
    for (const auto* a : arrived)
      if (param_names(a->params) == param_names(g->params)) {
        match = a;
        ++candidates;
      }
    int rivals = 0;
    if (match)
      for (const auto* other : gone)
        if (param_names(other->params) == param_names(match->params)) ++rivals;
    if (candidates == 1 && rivals == 1)
      out.push_back({CodeFactKind::kFunctionRenamed, match->name, file, {}, g->name, match->name, "py.rename"});
  }
}

bool starts_with_word(std::string_view t, std::string_view word) {
  return t.starts_with(word) && (t.size() == word.size() || !is_ident_char(t[word.size()]));
}

bool is_return_line(std::string_view t) { return starts_with_word(t, "return"); }
bool is_condition_line(std::string_view t) {
  return starts_with_word(t, "if") || starts_with_word(t, "elif") || t.starts_with("} else if") ||
         t.starts_with("else if") || starts_with_word(t, "while");
}

// One parameter on its own line of a signature ("    return_lse: bool = False,"):
// ends with ',', brackets balanced, one name. nullopt for anything else.
std::optional<Param> signature_line_param(std::string_view line) {
  std::string_view t = trim_ascii_space(strip_python_comment(line));
  if (!t.ends_with(",")) return std::nullopt;
  t = trim_ascii_space(t.substr(0, t.size() - 1));
  int depth = 0;
  for (char c : t) depth += (c == '(' || c == '[' || c == '{') ? 1 : (c == ')' || c == ']' || c == '}') ? -1 : 0;
  if (depth != 0) return std::nullopt;
  auto params = parse_params(t);
  if (params.size() != 1 || params.front().text != t) return std::nullopt;
  return params.front();
}

// Parameters added or removed, defaults changed, where the hunk starts inside
// a signature: git named the def in the hunk header ("def flash_attn_func(",
// its parameter list still open) and every line up to the closing ")" is one
// parameter at one indentation deeper than the def. A hunk whose lines are
// not all such parameters is in the body, and gives nothing.
void py_signature_tails(const FileDiff& diff, std::vector<CodeFact>& out) {
  const std::string& file = diff.file.filename;
  for (const auto& hunk : diff.hunks) {
    const auto name = python_def_name(hunk.header);
    const auto open = hunk.header.find('(');
    if (name.empty() || open == std::string_view::npos || balanced_from(hunk.header, open)) continue;
    std::vector<std::pair<LineChange, Param>> params;
    size_t param_indent = 0;
    bool closed = false;  // by a ")" at the def's own indentation, as "):" or ") -> T:"
    for (const auto& line : hunk.lines) {
      const size_t indent = indent_of(line.text);
      if (trim_ascii_space(line.text).starts_with(")")) {
        closed = line.change == LineChange::kContext && indent == indent_of(hunk.header);
        break;
      }
      auto p = signature_line_param(line.text);
      if (params.empty()) param_indent = indent;
      if (!p || indent != param_indent || indent <= indent_of(hunk.header)) break;
      params.push_back({line.change, std::move(*p)});
    }
    if (!closed) continue;
    auto on = [&](LineChange side, const std::string& param) -> const Param* {
      for (const auto& [change, p] : params)
        if (change == side && p.name == param) return &p;
      return nullptr;
    };
    const std::string scope(name);
    for (const auto& [change, p] : params) {
      if (change == LineChange::kAdded) {
        const Param* before = on(LineChange::kRemoved, p.name);
        if (!before)
          out.push_back({CodeFactKind::kParameterAdded, p.name, file, scope, std::nullopt, p.text, "py.signature_tail"});
        else if (before->default_value && p.default_value && *before->default_value != *p.default_value)
          out.push_back({CodeFactKind::kDefaultChanged, p.name, file, scope, *before->default_value, *p.default_value,
                         "py.signature_tail"});
      } else if (change == LineChange::kRemoved && !on(LineChange::kAdded, p.name)) {
        out.push_back({CodeFactKind::kParameterRemoved, p.name, file, scope, p.text, std::nullopt, "py.signature_tail"});
      }
    }
  }
}

// The name in a hunk header: "def f(", "class C", or a C/C++ "type name(".
std::string header_scope(std::string_view header) {
  if (auto d = python_def_name(header); !d.empty()) return std::string(d);
  if (auto c = python_class_name(header); !c.empty()) return std::string(c);
  auto paren = header.find('(');
  if (paren == std::string_view::npos) return {};
  auto name = identifier_before(header, paren);
  if (name.empty() || is_cpp_keyword(name)) return {};
  return std::string(name);
}

// A statement that ends on its line: brackets close, no dangling operator.
bool complete_statement(std::string_view t, bool python) {
  t = python ? strip_python_comment(t) : strip_cpp_comment(t);
  if (t.empty() || !is_balanced(t)) return false;
  char last = t.back();
  return !(last == '<' || last == ',' || last == '\\' || last == '+' || last == '-' || last == '*' || last == '/' ||
           last == '&' || last == '|' || last == '=' || last == '?' || t.ends_with(" and") || t.ends_with(" or"));
}

// One-line edits that say what changed: within a small change block, the one
// removed `return` (or `if`/`while` condition) replaced by one added.
void changed_statements(const FileDiff& diff, std::vector<CodeFact>& out) {
  const bool python = is_python(diff.file.filename);
  for (const auto& hunk : diff.hunks) {
    std::vector<PatchLine> new_side;  // context and added lines so far, for the scope
    for (size_t i = 0; i < hunk.lines.size();) {
      if (hunk.lines[i].change == LineChange::kContext) {
        new_side.push_back(hunk.lines[i++]);
        continue;
      }
      std::vector<std::string_view> removed, added;
      size_t first_indent = std::string_view::npos;
      for (; i < hunk.lines.size() && hunk.lines[i].change != LineChange::kContext; ++i) {
        auto t = trim_ascii_space(hunk.lines[i].text);
        if (hunk.lines[i].change == LineChange::kRemoved) {
          removed.push_back(t);
        } else {
          added.push_back(t);
          if (first_indent == std::string_view::npos) first_indent = indent_of(hunk.lines[i].text);
        }
      }
      if (removed.empty() || added.empty() || removed.size() > 6 || added.size() > 6) {
        for (size_t k = i - added.size() - removed.size(); k < i; ++k)
          if (hunk.lines[k].change == LineChange::kAdded) new_side.push_back(hunk.lines[k]);
        continue;
      }
      std::string scope;
      if (python) {
        std::string pad(first_indent == std::string_view::npos ? 0 : first_indent, ' ');
        pad += "x";
        scope = python_scope(LineContext{pad, new_side, hunk.header, diff.file.filename});
      } else {
        scope = header_scope(hunk.header);
      }
      for (auto [test, kind, id] : {std::tuple{&is_return_line, CodeFactKind::kReturnChanged, "stmt.return"},
                                    std::tuple{&is_condition_line, CodeFactKind::kConditionChanged, "stmt.condition"}}) {
        std::vector<std::string_view> r, a;
        for (auto t : removed)
          if (test(t)) r.push_back(t);
        for (auto t : added)
          if (test(t)) a.push_back(t);
        if (r.size() != 1 || a.size() != 1 || r[0] == a[0] || scope.empty()) continue;
        if (r[0].size() > 200 || a[0].size() > 200 || !complete_statement(r[0], python) ||
            !complete_statement(a[0], python))
          continue;
        out.push_back({kind, scope, diff.file.filename, scope, std::string(r[0]), std::string(a[0]), id});
      }
      for (size_t k = i - added.size() - removed.size(); k < i; ++k)
        if (hunk.lines[k].change == LineChange::kAdded) new_side.push_back(hunk.lines[k]);
    }
  }
}

// ---- the table ------------------------------------------------------------

using K = CodeFactKind;

const LineRule kPythonLines[] = {
    {.id = "py.def", .shape = Shape::kPresence, .added = K::kFunctionAdded, .removed = K::kFunctionRemoved,
     .match = py_def},
    {.id = "py.class", .shape = Shape::kPresence, .added = K::kClassAdded, .removed = K::kClassRemoved,
     .match = py_class},
    {.id = "py.argparse", .shape = Shape::kValue, .added = K::kCliFlagAdded, .removed = K::kCliFlagRemoved,
     .changed = K::kDefaultChanged, .match = py_argparse},
    {.id = "py.env", .shape = Shape::kPresence, .added = K::kEnvVarAdded, .removed = K::kEnvVarRemoved,
     .match = env_reads},
    {.id = "py.constant", .shape = Shape::kValue, .changed = K::kConstantChanged, .match = py_constant},
    {.id = "py.field", .shape = Shape::kValue, .changed = K::kDefaultChanged, .match = py_field},
    {.id = "py.custom_op", .shape = Shape::kPresence, .added = K::kOpAdded, .removed = K::kOpRemoved,
     .match = py_custom_op},
};
const BlockRule kPythonBlocks[] = {
    {.id = "py.signature", .find = py_signatures},
    {.id = "py.signature_tail", .find = py_signature_tails},
    {.id = "stmt", .find = changed_statements},
};

const LineRule kCppLines[] = {
    {.id = "cpp.global_kernel", .shape = Shape::kPresence, .added = K::kKernelAdded, .removed = K::kKernelRemoved,
     .match = cpp_global_kernel},
    {.id = "cpp.function", .shape = Shape::kPresence, .added = K::kFunctionAdded, .removed = K::kFunctionRemoved,
     .match = cpp_function},
    {.id = "cpp.op", .shape = Shape::kPresence, .added = K::kOpAdded, .removed = K::kOpRemoved, .match = cpp_op},
    {.id = "cpp.constexpr", .shape = Shape::kValue, .changed = K::kConstantChanged, .match = cpp_constexpr},
    {.id = "cpp.env", .shape = Shape::kPresence, .added = K::kEnvVarAdded, .removed = K::kEnvVarRemoved,
     .match = env_reads},
};
const BlockRule kCppBlocks[] = {
    {.id = "stmt", .find = changed_statements},
};

const LineRule kRequirementsLines[] = {
    {.id = "build.requirements", .shape = Shape::kValue, .added = K::kDependencyAdded,
     .removed = K::kDependencyRemoved, .changed = K::kDependencyChanged, .match = requirements_txt},
};
const LineRule kPythonBuildLines[] = {
    {.id = "build.pyproject", .shape = Shape::kValue, .added = K::kDependencyAdded,
     .removed = K::kDependencyRemoved, .changed = K::kDependencyChanged, .match = quoted_requirements},
};
const LineRule kCmakeLines[] = {
    {.id = "build.find_package", .shape = Shape::kValue, .changed = K::kDependencyChanged,
     .match = cmake_find_package},
    {.id = "build.git_tag", .shape = Shape::kValue, .changed = K::kDependencyChanged, .match = cmake_git_tag},
};
const LineRule kDockerLines[] = {
    {.id = "build.dockerfile", .shape = Shape::kValue, .changed = K::kDependencyChanged, .match = dockerfile},
};
const LineRule kArchLines[] = {
    {.id = "build.cuda_arch", .shape = Shape::kPresence, .added = K::kArchAdded, .removed = K::kArchRemoved,
     .match = cuda_archs},
};

const Language kLanguages[] = {
    {.name = "python", .applies = is_python, .line_rules = kPythonLines, .block_rules = kPythonBlocks},
    {.name = "cpp", .applies = is_cpp, .line_rules = kCppLines, .block_rules = kCppBlocks},
    {.name = "requirements", .applies = is_requirements, .line_rules = kRequirementsLines},
    {.name = "python-build", .applies = is_python_build, .line_rules = kPythonBuildLines},
    {.name = "cmake", .applies = is_cmake, .line_rules = kCmakeLines},
    {.name = "dockerfile", .applies = is_dockerfile, .line_rules = kDockerLines},
    {.name = "cuda-arch", .applies = may_list_archs, .line_rules = kArchLines},
};

}  // namespace

std::span<const Language> languages() { return kLanguages; }

bool is_python(std::string_view path) { return ends_with_any(path, {".py", ".pyi"}); }
bool is_cpp(std::string_view path) {
  return ends_with_any(path, {".cu", ".cuh", ".h", ".hpp", ".cpp", ".cc", ".cxx", ".inl", ".c"});
}

}  // namespace infradigest::code_rules
