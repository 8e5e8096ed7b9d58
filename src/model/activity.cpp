#include "model/activity.h"

#include <regex>

#include "core/percent_encoding.h"

namespace infradigest {

namespace {
const char* const kWeb = "https://github.com/";

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::string Commit::title() const { return trim(message.substr(0, message.find('\n'))); }

std::string Commit::key() const { return sha ? *sha : "title:" + title(); }

std::string repo_url(const std::string& repo) { return kWeb + repo; }
std::string commit_url(const std::string& repo, const std::string& sha) {
  return kWeb + repo + "/commit/" + sha;
}
std::string pull_url(const std::string& repo, int number) {
  return kWeb + repo + "/pull/" + std::to_string(number);
}
std::string issue_url(const std::string& repo, int number) {
  return kWeb + repo + "/issues/" + std::to_string(number);
}
std::string release_url(const std::string& repo, const std::string& tag) {
  return kWeb + repo + "/releases/tag/" + percent_encode(tag)  /* "v1.0+cu12": tags may hold URL-unsafe characters */;
}

std::string fact_id(const Commit& c) { return "commit:" + c.repo + "@" + c.key(); }
std::string fact_id(const PullRequest& p) { return "pr:" + p.repo + "#" + std::to_string(p.number); }
std::string fact_id(const Issue& i) { return "issue:" + i.repo + "#" + std::to_string(i.number); }
std::string fact_id(const Release& r) { return "release:" + r.repo + "@" + r.tag; }

std::optional<int> pr_number_from_title(const std::string& title) {
  static const std::regex re(R"(\(#(\d{1,7})\)\s*$)");
  std::smatch m;
  if (std::regex_search(title, m, re)) return std::stoi(m[1].str());
  return std::nullopt;
}

bool is_full_sha(const std::string& s) {
  if (s.size() != 40) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool is_repo_name(const std::string& s) {
  static const std::regex re(R"([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100})");
  return std::regex_match(s, re) && s.substr(s.find('/') + 1) != "." &&
         s.substr(s.find('/') + 1) != "..";
}

}  // namespace infradigest
