#include "site/item_anchors.h"

#include <set>

#include "core/ascii_text.h"
#include "render/markdown_text.h"

namespace infradigest {

namespace {

// Lower case, and only characters a URL fragment and a CSS selector take as they are.
std::string anchor_slug(std::string_view text) {
  std::string out = ascii_lower(text);
  for (char& c : out)
    if (!is_ascii_alnum(c) && c != '.' && c != '_' && c != '-') c = '-';
  return out;
}

std::string repo_name_part(const std::string& full_name) {
  const size_t slash = full_name.find('/');
  return slash == std::string::npos ? full_name : full_name.substr(slash + 1);
}

// "vllm" for vllm-project/vllm; "owner-name" when another section has the same name.
std::string anchor_repo_prefix(const Report& report, const std::string& full_name) {
  const std::string name = ascii_lower(repo_name_part(full_name));
  int same = 0;
  for (const auto& s : report.repos) same += ascii_lower(repo_name_part(s.full_name)) == name;
  std::string prefix = same > 1 ? full_name : repo_name_part(full_name);
  return anchor_slug(prefix);
}

// Names ids in report order: each link and each id at most once on the page.
class AnchorNamer {
 public:
  std::string name(SectionAnchors& section, const std::string& url, std::string wanted) {
    const std::string link = markdown_url(url);
    if (link.empty() || wanted.empty() || section.by_link.contains(link)) return "";
    std::string id = wanted;
    for (int n = 2; used_.contains(id); ++n) id = wanted + "-" + std::to_string(n);
    used_.insert(id);
    section.by_link.emplace(link, id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

}  // namespace

std::vector<SectionAnchors> item_anchors(const Report& report) {
  std::vector<SectionAnchors> out;
  out.reserve(report.repos.size());
  AnchorNamer namer;
  for (const auto& s : report.repos) {
    SectionAnchors& a = out.emplace_back();
    a.full_name = s.full_name;
    const std::string prefix = anchor_repo_prefix(report, s.full_name);
    for (const auto& r : s.releases) a.releases.push_back(namer.name(a, r.url, prefix + "-release-" + anchor_slug(r.tag)));
    for (const auto& i : s.items) {
      std::string wanted = i.sha ? anchor_slug(i.sha->substr(0, 7))
                           : i.pr ? prefix + "-pr-" + std::to_string(*i.pr)
                                  : std::string();
      a.items.push_back(namer.name(a, i.url, std::move(wanted)));
    }
    for (const auto& i : s.issues) a.issues.push_back(namer.name(a, i.url, prefix + "-issue-" + std::to_string(i.number)));
  }
  return out;
}

}  // namespace infradigest
