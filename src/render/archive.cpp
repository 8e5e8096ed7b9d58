#include "render/archive.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/atomic_file.h"

namespace infradigest {

namespace {

namespace fs = std::filesystem;

Result<std::string> slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read " + path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

std::vector<std::string> archived_days(const std::string& dir) {
  std::vector<std::string> days;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() == 13 && name.ends_with(".md") && parse_date(name.substr(0, 10)).ok())
      days.push_back(name.substr(0, 10));
  }
  std::sort(days.rbegin(), days.rend());
  return days;
}

Result<std::optional<std::string>> archived_report(const std::string& dir, SysDays date) {
  const fs::path path = fs::path(dir) / (format_date(date) + ".md");
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::optional<std::string>{};
  auto text = slurp(path);
  if (!text) return text.error();
  return std::optional<std::string>{std::move(*text)};
}

Status write_archive(const std::string& dir, SysDays date, const std::string& markdown,
                     Language language) {
  const std::string day = format_date(date);
  INFRADIGEST_TRY(write_file_atomically((fs::path(dir) / (day + ".md")).string(), markdown));
  auto days = archived_days(dir);
  auto latest = slurp(fs::path(dir) / (days.front() + ".md"));
  if (!latest) return latest.error();
  const bool zh = language == Language::kZh;
  std::ostringstream index;
  index << (zh ? "# AI 基础设施日报归档\n\n" : "# AI Infra Daily — archive\n\n");
  index << (zh ? "最新一期：" : "Latest: ") << "[" << days.front() << "](" << days.front() << ".md)\n\n";
  index << (zh ? "## 往期日报\n\n" : "## Previous reports\n\n");
  for (size_t i = 1; i < days.size(); ++i) index << "- [" << days[i] << "](" << days[i] << ".md)\n";
  if (days.size() == 1) index << (zh ? "暂无。\n" : "None yet.\n");
  index << "\n---\n\n";
  // The latest report inline, its headings demoted one level under the index title.
  std::istringstream lines(*latest);
  std::string line;
  while (std::getline(lines, line)) index << (line.starts_with("#") ? "#" + line : line) << "\n";
  return write_file_atomically((fs::path(dir) / "README.md").string(), index.str());
}

}  // namespace infradigest
