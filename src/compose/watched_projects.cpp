#include "compose/watched_projects.h"

#include <cctype>
#include <map>

namespace infradigest {

namespace {

// Lower-case letters and digits only: "Flash_MLA" -> "flashmla".
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Package and module names a project ships under, by its squeezed repo name.
// The repo name itself always counts; these are the other spellings that
// appear in requirements files and commit titles.
const std::map<std::string, std::vector<std::string>>& package_names() {
  static const std::map<std::string, std::vector<std::string>> kNames{
      {"flashinfer", {"flashinferpython", "flashinfercubin", "flashinferjitcache"}},
      {"flashattention", {"flashattn"}},
      {"cutlass", {"nvidiacutlass", "nvidiacutlassdsl", "cutlassdsl"}},
      {"cutilepython", {"cutile", "cudatile"}},
      {"deepgemm", {}},
      {"flashmla", {}},
  };
  return kNames;
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

}  // namespace

WatchedProjects::WatchedProjects(const std::vector<std::string>& watchlist) {
  for (const auto& repo : watchlist) {
    const auto slash = repo.find('/');
    const std::string name = squeeze(slash == std::string::npos ? repo : repo.substr(slash + 1));
    if (name.empty()) continue;
    repo_by_name_.emplace(name, repo);  // emplace keeps the first: watchlist order wins
    if (auto it = package_names().find(name); it != package_names().end())
      for (const auto& alias : it->second) repo_by_name_.emplace(alias, repo);
  }
}

std::vector<ProjectMention> WatchedProjects::mentions(std::string_view text) const {
  std::vector<ProjectMention> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && word_char(text[end])) ++end;
    // Trailing dots and dashes end a sentence, not a name: "to cutlass."
    std::size_t word_end = end;
    while (word_end > i && (text[word_end - 1] == '.' || text[word_end - 1] == '-')) --word_end;
    if (auto it = repo_by_name_.find(squeeze(text.substr(i, word_end - i))); it != repo_by_name_.end())
      out.push_back(ProjectMention{it->second, i, word_end});
    i = end;
  }
  return out;
}

}  // namespace infradigest
