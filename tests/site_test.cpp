// The static web archive: escaping, charts, the feed, and the built site.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "site/atom_feed.h"
#include "site/html_text.h"
#include "site/markdown_html.h"
#include "site/site_assets.h"
#include "site/site_builder.h"
#include "site/site_pages.h"
#include "site/svg_chart.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

namespace fs = std::filesystem;
using testing::run_infradigest;
using testing::TempDir;

TEST(SiteHtml, PrintStylesheetLeavesOutNavigationAndSearchAndKeepsChartsWhole) {
  const std::string css(site_css());
  const auto print = css.find("@media print {");
  ASSERT_NE(print, std::string::npos);
  const std::string block = css.substr(print, css.find("\n}\n", print) - print);
  for (const char* hidden : {"header.site", "form.search", ".pager"})
    EXPECT_NE(block.find(hidden), std::string::npos) << hidden;
  EXPECT_NE(block.find("display: none"), std::string::npos) << block;
  EXPECT_NE(block.find("figure.chart-box, table, li { break-inside: avoid; }"), std::string::npos) << block;
  EXPECT_NE(block.find("--bg: #fff"), std::string::npos) << "white paper, also in dark mode";
}

TEST(SiteHtml, EscapesTextAndRefusesScriptUrls) {
  EXPECT_EQ(html_escape("<script>alert(1)</script> & \"q\" 'a'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;");
  EXPECT_EQ(safe_href("javascript:alert(1)"), "");
  EXPECT_EQ(safe_href("https://github.com/a/b?x=1&y=\"2\""), "https://github.com/a/b?x=1&amp;y=%222%22");
  EXPECT_EQ(repo_slug("NVIDIA/cutlass"), "NVIDIA__cutlass");
  EXPECT_EQ(relative_href(1, "days/2026-02-26.html"), "../days/2026-02-26.html");
}

TEST(SiteHtml, MarkdownRawHtmlAndJavascriptLinksDoNotPassThrough) {
  std::string html = markdown_to_html("# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) "
                                      "<img src=x onerror=alert(1)> https://github.com/a/b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_FALSE(contains(html, "<img")) << html;
  EXPECT_FALSE(contains(html, "javascript:")) << html;
  EXPECT_TRUE(contains(html, "<h1>T</h1>")) << html;
  EXPECT_TRUE(contains(html, "<a href=\"https://github.com/a/b\">")) << html;  // autolink extension
  EXPECT_TRUE(contains(html, "<table>")) << html;                              // table extension
}

TEST(SiteHtml, EscapedMarkdownTitleRendersAsItsText) {
  // What the report renderer writes for a hostile title: the text survives, the markup does not.
  std::string html = markdown_to_html("- [\\<script\\>alert(1)\\</script\\>](https://github.com/a/b/commit/1) "
                                      "x\\](javascript:alert(1))\n");
  EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;")) << html;
  EXPECT_TRUE(contains(html, "x](javascript:alert(1))")) << html;
  EXPECT_FALSE(contains(html, "href=\"javascript")) << html;
}

TEST(SiteChart, ActivityChartIsAnAccessibleSvgWithOneGroupPerDay) {
  std::vector<ActivityPoint> days;
  for (int i = 0; i < 30; ++i)
    days.push_back({SysDays{std::chrono::days{20'480 + i}}, i % 3, i % 2, i == 29 ? 7 : 0});
  std::string svg = activity_chart_svg("a1", "x/<y>: 30 天", days, Language::kZh);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")) << svg.substr(0, 80);
  EXPECT_TRUE(contains(svg, "role=\"img\" aria-labelledby=\"a1-title a1-desc\"")) << svg;
  EXPECT_TRUE(contains(svg, "<title id=\"a1-title\">x/&lt;y&gt;: 30 天</title>")) << svg;
  EXPECT_TRUE(contains(svg, "单日最多 7")) << svg;
  size_t groups = 0;
  for (size_t at = svg.find("<g class=\"day\">"); at != std::string::npos; at = svg.find("<g class=\"day\">", at + 1))
    ++groups;
  EXPECT_EQ(groups, 30u);
  EXPECT_TRUE(contains(svg, ">10<")) << "axis top rounds 7 up to 10";
  EXPECT_TRUE(svg.ends_with("</svg>\n"));
}

TEST(SiteChart, HeatmapEscapesLabelsAndShadesByCount) {
  std::vector<SysDays> days{SysDays{std::chrono::days{20'480}}, SysDays{std::chrono::days{20'481}}};
  std::string svg = tag_heatmap_svg("h", "tags", days, {{"<b>MoE</b>", "技术", {0, 4}}, {"AMD", "硬件", {2, 0}}},
                                    Language::kZh);
  EXPECT_TRUE(contains(svg, "&lt;b&gt;MoE&lt;/b&gt;")) << svg;
  EXPECT_FALSE(contains(svg, "<b>")) << svg;
  EXPECT_TRUE(contains(svg, "fill-opacity=\"1.00\"")) << "the max cell is fully shaded";
  EXPECT_TRUE(contains(svg, "最活跃：&lt;b&gt;MoE&lt;/b&gt;（4 项）")) << svg;
}

// Issue 14: a chart fills its card at every width: the <svg> has a viewBox and
// no width/height of its own, and the stylesheet makes it the card's width.
TEST(SiteChart, ChartsHaveAViewBoxAndNoFixedSizeSoTheyFillTheirCards) {
  std::vector<ActivityPoint> points{{SysDays{std::chrono::days{20'480}}, 3, 1, 0}};
  std::vector<SysDays> days{SysDays{std::chrono::days{20'480}}};
  for (const std::string& svg : {activity_chart_svg("a", "t", points, Language::kEn),
                                 tag_heatmap_svg("h", "t", days, {{"MoE", "technique", {2}}}, Language::kEn)}) {
    const std::string open = svg.substr(0, svg.find('>'));
    EXPECT_TRUE(contains(open, " viewBox=\"0 0 720 ")) << open;
    EXPECT_FALSE(contains(open, " width=")) << open;
    EXPECT_FALSE(contains(open, " height=")) << open;
  }
  const std::string css(site_css());
  EXPECT_TRUE(contains(css, "svg.chart { display: block; width: 100%;")) << css;
}

TEST(Feed, AtomHasRequiredElementsAndEscapesEverything) {
  FeedEntry e{SysDays{std::chrono::days{20'510}}, "日报 <script>", "days/2026-02-26.html", "a & b",
              "<p>x &amp; <a href=\"https://e/\">y</a></p>\nline 2", SysSeconds{std::chrono::seconds{1'772'150'400}}};
  std::string xml = render_atom_feed({"AI 基础设施日报", "sub", "", Language::kZh}, {e});
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">"));
  EXPECT_TRUE(contains(xml, "<title type=\"text\">日报 &lt;script&gt;</title>")) << xml;
  EXPECT_TRUE(contains(xml, "<updated>2026-02-27T00:00:00Z</updated>")) << xml;
  EXPECT_TRUE(contains(xml, "<content type=\"html\">&lt;p&gt;x &amp;amp; &lt;a href=&quot;https://e/&quot;&gt;y&lt;/a&gt;&lt;/p&gt;\nline 2</content>")) << xml;
  EXPECT_TRUE(contains(xml, "<author><name>infradigest</name></author>"));
  EXPECT_TRUE(contains(xml, "<link rel=\"alternate\" type=\"text/html\" href=\"days/2026-02-26.html\"/>"));
  // Ids are stable name-based UUIDs without a base URL, URLs with one.
  EXPECT_TRUE(contains(xml, "<id>" + name_based_urn("infradigest:report:zh:2026-02-26") + "</id>")) << xml;
  std::string with_base = render_atom_feed({"t", "", "https://example.org/d/", Language::kEn}, {e});
  EXPECT_TRUE(contains(with_base, "<id>https://example.org/d/days/2026-02-26.html</id>")) << with_base;
}

TEST(Feed, NameBasedUuidMatchesRfc4122Version5) {
  // Golden value computed independently: python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, 'python.org'))"
  EXPECT_EQ(name_based_urn("python.org"), "urn:uuid:7af94e2b-4dd9-50f0-9c9a-8a48519bdef0");
}

// A store with three days and a hostile commit title.
void make_store(const TempDir& dir) {
  using Json = nlohmann::json;
  std::ofstream out(dir.file("snap.jsonl"));
  auto line = [&](Json j) { out << j.dump() << "\n"; };
  line({{"type", "repository"}, {"full_name", "NVIDIA/cutlass"}});
  line({{"type", "repository"}, {"full_name", "vllm-project/vllm"}});
  line({{"type", "commit"}, {"repo", "NVIDIA/cutlass"}, {"sha", std::string(40, 'a')},
        {"committed_at", "2026-02-24T10:00:00Z"}, {"message", "Add Blackwell grouped GEMM kernel"}});
  line({{"type", "commit"}, {"repo", "vllm-project/vllm"}, {"sha", std::string(40, 'b')},
        {"committed_at", "2026-02-25T10:00:00Z"}, {"message", "<script>alert(1)</script> fix MoE on AMD"}});
  line({{"type", "commit"}, {"repo", "vllm-project/vllm"}, {"sha", std::string(40, 'c')},
        {"committed_at", "2026-02-26T10:00:00Z"}, {"message", "[x](javascript:alert(1)) speed up FP8 MoE"}});
  line({{"type", "issue"}, {"repo", "vllm-project/vllm"}, {"number", 7}, {"title", "Crash on <img src=x onerror=alert(1)>"},
        {"created_at", "2026-02-26T11:00:00Z"}});
}

std::string site_args(const TempDir& dir) {
  return "--db " + dir.file("s.db") + " site -o " + dir.file("site");
}

TEST(Site, BuildsEveryPageAndEscapesHostileTitles) {
  TempDir dir;
  make_store(dir);
  const std::string env = "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm";
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  auto r = run_infradigest(site_args(dir), env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "3 days")) << r.err;
  for (const char* f : {"index.html", "days/2026-02-24.html", "days/2026-02-25.html", "days/2026-02-26.html",
                        "repos/NVIDIA__cutlass.html", "repos/vllm-project__vllm.html", "search.html", "feed.xml",
                        "assets/site.css", "assets/site.js", "assets/search/2026-02.js"})
    EXPECT_TRUE(fs::exists(dir.file("site/") + f)) << f;
  for (const char* f : {"index.html", "days/2026-02-25.html", "days/2026-02-26.html", "repos/vllm-project__vllm.html",
                        "feed.xml", "assets/search/2026-02.js"}) {
    const std::string text = testing::read_file(dir.file("site/") + f);
    EXPECT_FALSE(contains(text, "<script>alert")) << f;
    EXPECT_FALSE(contains(text, "<img")) << f;
    EXPECT_FALSE(contains(text, "href=\"javascript")) << f;
  }
  const std::string day = testing::read_file(dir.file("site/days/2026-02-26.html"));
  EXPECT_TRUE(contains(day, "<html lang=\"zh-CN\">")) << day.substr(0, 200);
  EXPECT_TRUE(contains(day, "<h1>AI 基础设施日报 · 2026-02-26</h1>")) << day;
  EXPECT_TRUE(contains(day, "[x](javascript:alert(1)) speed up FP8 MoE")) << day;
  EXPECT_TRUE(contains(day, "Crash on &lt;img src=x onerror=alert(1)&gt;")) << day;
  EXPECT_TRUE(contains(day, "<svg")) << "the week's tag heat map";
  EXPECT_TRUE(contains(day, "href=\"2026-02-25.html\" rel=\"prev\"")) << day;
  const std::string index = testing::read_file(dir.file("site/index.html"));
  EXPECT_LT(index.find("id=\"latest\""), index.find("id=\"days\"")) << "latest report first";
  EXPECT_TRUE(contains(index, "<li data-repos=\"vllm-project/vllm\"><a href=\"days/2026-02-26.html\">")) << index;
  const std::string repo = testing::read_file(dir.file("site/repos/vllm-project__vllm.html"));
  EXPECT_TRUE(contains(repo, "<a href=\"../days/2026-02-25.html\">2026-02-25</a>")) << repo;
  EXPECT_FALSE(contains(repo, "Blackwell grouped GEMM")) << "another repo's item";
  EXPECT_TRUE(contains(repo, "&lt;script&gt;alert(1)&lt;/script&gt; fix MoE on AMD")) << repo;
}

TEST(Site, EnglishSiteAndBaseUrlInTheFeed) {
  TempDir dir;
  make_store(dir);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  auto r = run_infradigest(site_args(dir) + " --lang en --days 2 --base-url https://example.org/infra/",
                           "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("site/days/2026-02-24.html"))) << "--days 2 keeps the newest two";
  const std::string feed = testing::read_file(dir.file("site/feed.xml"));
  EXPECT_TRUE(contains(feed, "<id>https://example.org/infra/days/2026-02-26.html</id>")) << feed;
  EXPECT_TRUE(contains(testing::read_file(dir.file("site/index.html")), "<html lang=\"en\">"));
}

// The site is incremental: a rebuild with nothing new writes only the index;
// a changed day rewrites its page and moves its feed entry's <updated>.
TEST(Site, RebuildsOnlyWhatChangedAndRefreshesTheChangedDaysFeedEntry) {
  TempDir dir;
  make_store(dir);
  const std::string env = "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm";
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  ASSERT_EQ(run_infradigest(site_args(dir) + " --now 2026-03-01T00:00:00Z", env).exit_code, 0);
  const std::string feed_before = testing::read_file(dir.file("site/feed.xml"));
  const std::string day24 = testing::read_file(dir.file("site/days/2026-02-24.html"));
  auto again = run_infradigest(site_args(dir) + " --now 2026-03-02T00:00:00Z", env);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(contains(again.err, "1 files written")) << again.err;  // the index

  testing::write_file(dir.file("late.jsonl"),
                      nlohmann::json{{"type", "commit"}, {"repo", "vllm-project/vllm"}, {"sha", std::string(40, 'd')},
                                     {"committed_at", "2026-02-26T20:00:00Z"}, {"message", "Add NVFP4 MoE kernel"}}
                              .dump() + "\n");
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("late.jsonl")).exit_code, 0);
  auto changed = run_infradigest(site_args(dir) + " --now 2026-03-03T00:00:00Z", env);
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_FALSE(contains(changed.err, "1 files written")) << changed.err;
  EXPECT_TRUE(contains(testing::read_file(dir.file("site/days/2026-02-26.html")), "Add NVFP4 MoE kernel"));
  EXPECT_EQ(testing::read_file(dir.file("site/days/2026-02-24.html")), day24) << "an unchanged day is not rewritten";
  const std::string feed_after = testing::read_file(dir.file("site/feed.xml"));
  EXPECT_TRUE(contains(feed_after, "<updated>2026-03-03T00:00:00Z</updated>")) << feed_after.substr(0, 600);
  EXPECT_FALSE(contains(feed_before, "<updated>2026-03-03T00:00:00Z</updated>"));
}

// A day whose window has not ended (or was last synced before it ended) is not
// on the site yet: a run at 00:30 never publishes half a day.
TEST(Site, ShowsFinishedDaysOnly) {
  TempDir dir;
  make_store(dir);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  auto r = run_infradigest(site_args(dir) + " --now 2026-02-26T00:30:00Z",
                           "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.file("site/days/2026-02-25.html")));
  EXPECT_FALSE(fs::exists(dir.file("site/days/2026-02-26.html"))) << "2026-02-26 is not over at 00:30";
  EXPECT_FALSE(contains(testing::read_file(dir.file("site/feed.xml")), "2026-02-26.html"));
}

TEST(Site, FeedIsWellFormedXmlWithOneEntryPerDay) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint not installed (libxml2-utils)";
  TempDir dir;
  make_store(dir);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  ASSERT_EQ(run_infradigest(site_args(dir), "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm").exit_code, 0);
  const std::string feed = dir.file("site/feed.xml");
  EXPECT_EQ(std::system(("xmllint --noout " + feed).c_str()), 0);
  const std::string count = dir.file("count");
  const std::string ns = "--xpath \"count(/*[local-name()='feed']/*[local-name()='entry'])\" ";
  ASSERT_EQ(std::system(("xmllint " + ns + feed + " >" + count).c_str()), 0);
  EXPECT_EQ(testing::read_file(count), "3\n");
  // RFC 4287 4.1.2: every entry has exactly one id, title, updated, and an alternate link (no content-less entry).
  for (const char* element : {"id", "title", "updated"}) {
    const std::string query = std::string("--xpath \"count(//*[local-name()='entry'][count(*[local-name()='") +
                              element + "'])=1])\" ";
    ASSERT_EQ(std::system(("xmllint " + query + feed + " >" + count).c_str()), 0);
    EXPECT_EQ(testing::read_file(count), "3\n") << element;
  }
}

// Valid per RFC 4287, not just well-formed: jing checks the feed against the
// RELAX NG schema in tests/data/atom.rnc (written from the RFC). A copy with a
// date-only <updated> must fail, so the check itself is shown to bite.
TEST(Site, FeedValidatesAgainstTheAtomSchema) {
  if (std::system("command -v jing >/dev/null 2>&1") != 0) GTEST_SKIP() << "jing not installed (apt-get install jing)";
  TempDir dir;
  make_store(dir);
  ASSERT_EQ(run_infradigest("--db " + dir.file("s.db") + " import " + dir.file("snap.jsonl")).exit_code, 0);
  for (const char* base : {"", " --base-url https://example.org/infra/"}) {
    ASSERT_EQ(run_infradigest(site_args(dir) + base, "INFRADIGEST_REPOS=NVIDIA/cutlass,vllm-project/vllm").exit_code, 0);
    const std::string feed = dir.file("site/feed.xml");
    const std::string jing = "jing -c tests/data/atom.rnc ";
    EXPECT_EQ(std::system((jing + feed + " >" + dir.file("jing.out") + " 2>&1").c_str()), 0)
        << base << "\n" << testing::read_file(dir.file("jing.out"));
    std::string broken = testing::read_file(feed);
    const auto from = broken.find("<updated>") + std::string("<updated>").size();
    const auto to = broken.find("</updated>");
    ASSERT_LT(from, to);
    broken.replace(from, to - from, "2026-02-27");
    std::ofstream(dir.file("broken.xml")) << broken;
    EXPECT_NE(std::system((jing + dir.file("broken.xml") + " >/dev/null 2>&1").c_str()), 0) << base;
  }
}

TEST(Site, RepoSectionIsCutFromTheReportMarkdown) {
  const std::string md = "## 具体内容分析\n\n### a/b\n昨日无更新。\n\n### c/d\n**修复**\n\n- x\n\n## 总结\n";
  EXPECT_EQ(repo_section_markdown(md, "c/d"), "**修复**\n\n- x\n\n");
  EXPECT_EQ(repo_section_markdown(md, "e/f"), "");
}

}  // namespace
}  // namespace infradigest
