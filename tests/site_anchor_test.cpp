// Item anchors of the web archive (site/item_anchors.h): every item line of a
// day page has a stable id, repository-qualified where numbers repeat across
// repositories, and every search hit links to one that exists.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "site/item_anchors.h"
#include "site/markdown_html.h"
#include "site/site_assets.h"
#include "site/site_builder.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;
using testing::run_infradigest;
using testing::TempDir;

ReportItem anchor_test_item(std::optional<std::string> sha, std::optional<int> pr, std::string url) {
  ReportItem i;
  i.sha = std::move(sha);
  i.pr = pr;
  i.url = std::move(url);
  return i;
}

RepoSection anchor_test_section(const std::string& full_name) {
  RepoSection s;
  s.full_name = full_name;
  const std::string base = "https://github.com/" + full_name;
  s.releases.push_back(ReportRelease{"r", "v0.16.0", std::nullopt, base + "/releases/tag/v0.16.0", {}, {}, {}});
  s.items.push_back(anchor_test_item(std::nullopt, 123, base + "/pull/123"));
  s.issues.push_back(ReportIssue{"i", 2638, "t", base + "/issues/2638", {}, {}, {}});
  return s;
}

TEST(ItemAnchors, PullRequestsIssuesAndReleasesAreQualifiedByTheirRepository) {
  Report r;
  r.repos.push_back(anchor_test_section("sgl-project/sglang"));
  r.repos.push_back(anchor_test_section("vllm-project/vllm"));
  r.repos[1].items.push_back(anchor_test_item(std::string(40, 'a'), 9, "https://github.com/vllm-project/vllm/commit/" + std::string(40, 'a')));
  r.repos[1].items.push_back(anchor_test_item(std::nullopt, std::nullopt, ""));  // no URL: not on the page as a link
  const auto a = item_anchors(r);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].releases, std::vector<std::string>{"sglang-release-v0.16.0"});
  EXPECT_EQ(a[0].items, std::vector<std::string>{"sglang-pr-123"});
  EXPECT_EQ(a[0].issues, std::vector<std::string>{"sglang-issue-2638"});
  EXPECT_EQ(a[1].releases, std::vector<std::string>{"vllm-release-v0.16.0"});
  EXPECT_EQ(a[1].items, (std::vector<std::string>{"vllm-pr-123", "aaaaaaa", ""}));
  EXPECT_EQ(a[1].issues, std::vector<std::string>{"vllm-issue-2638"});
  EXPECT_EQ(a[1].by_link.at("https://github.com/vllm-project/vllm/pull/123"), "vllm-pr-123");
}

TEST(ItemAnchors, SameNamedRepositoriesUseTheOwnerAndEqualShortShasStayUnique) {
  Report r;
  r.repos.push_back(anchor_test_section("NVIDIA/cutlass"));
  r.repos.push_back(anchor_test_section("Someone/CUTLASS"));
  const std::string sha1 = "abcdef1" + std::string(33, '0'), sha2 = "abcdef1" + std::string(33, '1');
  r.repos[0].items.push_back(anchor_test_item(sha1, std::nullopt, "https://github.com/NVIDIA/cutlass/commit/" + sha1));
  r.repos[1].items.push_back(anchor_test_item(sha2, std::nullopt, "https://github.com/Someone/CUTLASS/commit/" + sha2));
  const auto a = item_anchors(r);
  EXPECT_EQ(a[0].items, (std::vector<std::string>{"nvidia-cutlass-pr-123", "abcdef1"}));
  EXPECT_EQ(a[1].items, (std::vector<std::string>{"someone-cutlass-pr-123", "abcdef1-2"}));
  EXPECT_EQ(a[1].issues, std::vector<std::string>{"someone-cutlass-issue-2638"});
}

TEST(ItemAnchors, OnlyItemLinesOfTheirRepositorySectionGetTheId) {
  Report r;
  r.repos.push_back(anchor_test_section("vllm-project/vllm"));
  const std::string md =
      "## 摘要\n\n- [vLLM PR](https://github.com/vllm-project/vllm/pull/123) leads the day\n\n"
      "## 具体内容分析\n\n### vllm-project/vllm\n\n**发布**\n\n"
      "- [v0.16.0](https://github.com/vllm-project/vllm/releases/tag/v0.16.0)\n  - a note\n\n"
      "**修复**（1）\n\n- [Fix \"quoted\" MoE](https://github.com/vllm-project/vllm/pull/123) · \\#123\n\n"
      "**新 issue**（1）\n\n- [\\#2638 crash](https://github.com/vllm-project/vllm/issues/2638) · bug\n\n"
      "### sgl-project/sglang\n\n- [other](https://github.com/vllm-project/vllm/issues/2638)\n";
  const std::string html = markdown_to_html(md, item_anchors(r));
  EXPECT_TRUE(contains(html, "<li id=\"vllm-release-v0.16.0\"><a href=\"https://github.com/vllm-project/vllm/releases/tag/v0.16.0\">"))
      << html;
  EXPECT_TRUE(contains(html, "<li id=\"vllm-pr-123\"><a href=\"https://github.com/vllm-project/vllm/pull/123\">Fix &quot;quoted&quot; MoE"))
      << html;
  EXPECT_TRUE(contains(html, "<li id=\"vllm-issue-2638\">")) << html;
  EXPECT_TRUE(contains(html, "<li><a href=\"https://github.com/vllm-project/vllm/pull/123\">vLLM PR</a> leads")) << "摘要 is no item line";
  EXPECT_TRUE(contains(html, "<li><a href=\"https://github.com/vllm-project/vllm/issues/2638\">other")) << "another section";
  EXPECT_TRUE(contains(html, "<li>a note</li>")) << "nested lines stay as they are";
  EXPECT_FALSE(contains(html, "data-sourcepos")) << html;
  // Without anchors for it, the page is what plain rendering gives.
  EXPECT_EQ(markdown_to_html(md, {}), markdown_to_html(md));
}

// Two repositories with the same PR, issue and release numbers on one day.
void write_anchor_snapshot(const TempDir& dir, const std::string& name, bool extra) {
  using Json = nlohmann::json;
  std::ofstream out(dir.file(name));
  auto line = [&](Json j) { out << j.dump() << "\n"; };
  for (const char* repo : {"sgl-project/sglang", "vllm-project/vllm"}) {
    const std::string r = repo;
    const char fill = r[0] == 's' ? '1' : '2';
    line({{"type", "repository"}, {"full_name", r}});
    line({{"type", "pull_request"}, {"repo", r}, {"number", 123}, {"title", "Speed up FP8 MoE in " + r}, {"state", "merged"},
          {"created_at", "2026-02-20T10:00:00Z"}, {"merged_at", "2026-02-26T10:00:00Z"}});
    line({{"type", "commit"}, {"repo", r}, {"sha", std::string(40, fill)}, {"committed_at", "2026-02-26T09:00:00Z"},
          {"message", "Fix AMD crash in " + r}});
    line({{"type", "issue"}, {"repo", r}, {"number", 2638}, {"title", "XQA fails on " + r}, {"created_at", "2026-02-26T07:00:00Z"}});
    line({{"type", "release"}, {"repo", r}, {"tag", "v0.16.0"}, {"published_at", "2026-02-26T12:00:00Z"}});
    line({{"type", "commit"}, {"repo", r}, {"sha", std::string(39, fill) + "f"}, {"committed_at", "2026-02-25T09:00:00Z"},
          {"message", "Refactor the scheduler of " + r}});
  }
  if (extra)
    line({{"type", "commit"}, {"repo", "vllm-project/vllm"}, {"sha", std::string(40, 'e')},
          {"committed_at", "2026-02-26T11:00:00Z"}, {"message", "Add Blackwell kernels"}});
}

struct SearchHit {
  std::string date, repo, title, anchor;
};

std::vector<SearchHit> search_hits(const std::string& site) {
  std::string js = testing::read_file(site + "/assets/search/2026-02.js");
  const std::string head = "window.INFRADIGEST_SEARCH = (window.INFRADIGEST_SEARCH || []).concat(";
  EXPECT_TRUE(js.starts_with(head)) << js.substr(0, 100);
  js = js.substr(head.size(), js.rfind(");") - head.size());
  std::vector<SearchHit> out;
  for (const auto& e : nlohmann::json::parse(js))
    out.push_back({e.at("d"), e.at("r"), e.at("t"), e.value("a", std::string())});
  return out;
}

// Every id="..." of a page, with how often it occurs.
std::map<std::string, int> page_ids(const std::string& html) {
  std::map<std::string, int> out;
  static const std::regex kIdAttribute(" id=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kIdAttribute); it != std::sregex_iterator(); ++it)
    ++out[(*it)[1]];
  return out;
}

std::set<std::string> built_anchors(const TempDir& dir, const std::string& site) {
  auto built = run_infradigest("--db " + dir.file("s.db") + " site -o " + dir.file(site),
                               "INFRADIGEST_REPOS=sgl-project/sglang,vllm-project/vllm");
  EXPECT_EQ(built.exit_code, 0) << built.err;
  std::set<std::string> anchors;
  for (const auto& hit : search_hits(dir.file(site))) {
    EXPECT_FALSE(hit.anchor.empty()) << "every item of the fixture is linked on its page: " << hit.title;
    const std::string page = testing::read_file(dir.file(site) + "/days/" + hit.date + ".html");
    const auto ids = page_ids(page);
    EXPECT_EQ(ids.count(hit.anchor), 1u) << hit.date << " " << hit.anchor << " (" << hit.title << ")";
    const std::string li = "<li id=\"" + hit.anchor + "\">";
    const size_t at = page.find(li);
    EXPECT_NE(at, std::string::npos) << hit.anchor;
    // The id is on the hit's own line.
    if (at != std::string::npos) {
      EXPECT_TRUE(contains(page.substr(at, page.find("</li>", at) - at), hit.title.substr(0, 12))) << hit.anchor;
    }
    for (const auto& [id, n] : ids) EXPECT_EQ(n, 1) << hit.date << ": id \"" << id << "\" repeats";
    anchors.insert(hit.date + "#" + hit.anchor);
  }
  return anchors;
}

TEST(SiteAnchors, EverySearchHitLinksToAnIdOfItsDayPageUniqueAndStableAcrossRebuilds) {
  TempDir dir;
  write_anchor_snapshot(dir, "snap.jsonl", false);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  const auto first = built_anchors(dir, "site");
  for (const char* expected : {"2026-02-26#sglang-pr-123", "2026-02-26#vllm-pr-123", "2026-02-26#sglang-issue-2638",
                               "2026-02-26#vllm-issue-2638", "2026-02-26#sglang-release-v0.16.0",
                               "2026-02-26#vllm-release-v0.16.0", "2026-02-26#1111111", "2026-02-26#2222222",
                               "2026-02-25#1111111", "2026-02-25#2222222"})
    EXPECT_TRUE(first.contains(expected)) << expected;
  EXPECT_EQ(built_anchors(dir, "again"), first) << "a second build from the same store";

  // A new item of the day adds its id; every id already shared stays.
  write_anchor_snapshot(dir, "more.jsonl", true);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("more.jsonl")).exit_code, 0);
  const auto later = built_anchors(dir, "site");
  for (const auto& a : first) EXPECT_TRUE(later.contains(a)) << a;
  EXPECT_TRUE(later.contains("2026-02-26#eeeeeee"));
}

// "N files written" of a `site` run's last line.
std::string files_written(const std::string& err) {
  static const std::regex kWritten("(\\d+) files written");
  std::smatch m;
  return std::regex_search(err, m, kWritten) ? m[1].str() : "?";
}

// A site the previous binary of the same version built (its pages without
// ids) is rewritten whole, so no day page lacks the ids its search shard names.
TEST(SiteAnchors, ASiteOfTheEarlierPageFormatIsRewrittenWhole) {
  TempDir dir;
  write_anchor_snapshot(dir, "snap.jsonl", false);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  const std::string args = "--db " + dir.file("s.db") + " site -o " + dir.file("site");
  const std::string env = "INFRADIGEST_REPOS=sgl-project/sglang,vllm-project/vllm";
  auto first = run_infradigest(args, env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(files_written(run_infradigest(args, env).err), "1") << "nothing changed: the index only";
  const std::string manifest_path = dir.file("site/.infradigest-site.json");
  auto manifest = nlohmann::json::parse(testing::read_file(manifest_path));
  std::string key = manifest.at("site");
  const std::string format = "|" + std::to_string(kSitePageFormat) + "|";
  ASSERT_NE(key.find(format), std::string::npos) << key;
  manifest["site"] = key.replace(key.find(format), format.size(), "|");  // the form before kSitePageFormat
  testing::write_file(manifest_path, manifest.dump(1));
  auto again = run_infradigest(args, env);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(files_written(again.err), files_written(first.err)) << again.err;
}

TEST(SiteAnchors, SearchPageLinksAHitToItsAnchorAndTheTargetIsHighlighted) {
  const std::string js(site_js()), css(site_css());
  EXPECT_TRUE(contains(js, "\".html\" + (e.a ? \"#\" + encodeURIComponent(e.a) : \"\")")) << js;
  EXPECT_TRUE(contains(css, "li:target {")) << css;
}

}  // namespace
}  // namespace infradigest
