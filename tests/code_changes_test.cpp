// Code facts in the report: the 代码变更 line under an item, the
// 接口与配置变化 theme, and the JSON's code_facts (written and read back).
#include <gtest/gtest.h>

#include <algorithm>

#include "compose/composer.h"
#include "composed_day_fixture.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"
#include "render/report_json_reader.h"

namespace infradigest {
namespace code_changes_test {

Activity day_with_patches() {
  Activity a;
  a.repositories.push_back(Repository{"vllm-project/vllm", std::nullopt});
  Commit c = testing::commit("vllm-project/vllm", 'e', "Drop the legacy attention env var (#101)",
                             {"vllm/envs.py", "requirements/cuda.txt"});
  c.files[0].patch = "@@ -10,3 +10,2 @@ def get_env():\n-    use_v1 = os.getenv(\"VLLM_USE_LEGACY_ATTN\", \"0\")\n     return x\n";
  c.files[1].patch = "@@ -1,2 +1,2 @@\n-flashinfer-python==0.6.3\n+flashinfer-python==0.6.4\n";
  a.commits.push_back(c);
  a.commits.push_back(testing::commit("vllm-project/vllm", 'f', "Fix typo in docs", {"docs/a.md"}));
  return a;
}

const ReportItem* item_with_sha(const Report& r, char sha) {
  for (const auto& s : r.repos)
    for (const auto& i : s.items)
      if (i.sha == std::string(40, sha)) return &i;
  return nullptr;
}

TEST(CodeChanges, ItemsCarryFactsAndOneCodeChangeLine) {
  Report r = compose_report(day_with_patches(), testing::window(), {"vllm-project/vllm"}, Language::kZh);
  const ReportItem* item = item_with_sha(r, 'e');
  ASSERT_NE(item, nullptr);
  ASSERT_EQ(item->code_facts.size(), 2u);
  EXPECT_EQ(item->code_facts[0].kind, CodeFactKind::kEnvVarRemoved);  // what a user acts on first
  ASSERT_TRUE(item->code_change.has_value());
  EXPECT_EQ(item->code_change->cites, std::vector<std::string>{item->id});
  const std::string line = item->code_change->plain_text();
  EXPECT_NE(line.find("不再读取环境变量 VLLM_USE_LEGACY_ATTN（vllm/envs.py）"), std::string::npos) << line;
  EXPECT_NE(line.find("依赖版本变更 flashinfer-python：==0.6.3 → ==0.6.4"), std::string::npos) << line;
  EXPECT_FALSE(item_with_sha(r, 'f')->code_change.has_value());  // no patch, no line
  EXPECT_NE(render_markdown(r).find("  - 代码变更："), std::string::npos);
}

TEST(CodeChanges, ApiAndConfigThemeNamesWhatUsersActOn) {
  Report r = compose_report(day_with_patches(), testing::window(), {"vllm-project/vllm"}, Language::kEn);
  const ImpactTheme* theme = nullptr;
  for (const auto& t : r.impact)
    if (t.key == "api_config") theme = &t;
  ASSERT_NE(theme, nullptr);
  EXPECT_EQ(theme->title, "API and configuration changes");
  ASSERT_EQ(theme->statements.size(), 1u);
  const std::string text = theme->statements[0].plain_text();
  EXPECT_NE(text.find("no longer reads environment variable VLLM_USE_LEGACY_ATTN"), std::string::npos) << text;
  EXPECT_EQ(theme->statements[0].cites, std::vector<std::string>{item_with_sha(r, 'e')->id});
}

const Statement* outlook_line_citing(const Report& r, const std::string& id) {
  for (const auto& st : r.outlook)
    if (std::find(st.cites.begin(), st.cites.end(), id) != st.cites.end()) return &st;
  return nullptr;
}

TEST(CodeChanges, BreakingRiskNamesThePatchsRemovalsAndPins) {
  Report r = compose_report(day_with_patches(), testing::window(), {"vllm-project/vllm"}, Language::kZh);
  const ReportItem* item = item_with_sha(r, 'e');
  const Statement* risk = outlook_line_citing(r, item->id);
  ASSERT_NE(risk, nullptr);
  const std::string text = risk->plain_text();
  EXPECT_TRUE(text.starts_with("破坏性变更：不再读取环境变量 VLLM_USE_LEGACY_ATTN（vllm/envs.py）；"
                               "依赖版本变更 flashinfer-python：==0.6.3 → ==0.6.4（requirements/cuda.txt）："))
      << text;
  EXPECT_NE(text.find("Drop the legacy attention env var"), std::string::npos) << text;
  // The identifiers are code, each from its fact.
  bool env_as_code = false;
  for (const auto& span : risk->spans) env_as_code |= span.style == SpanStyle::kCode && span.text == "VLLM_USE_LEGACY_ATTN";
  EXPECT_TRUE(env_as_code);
  EXPECT_EQ(outlook_line_citing(r, item_with_sha(r, 'f')->id), nullptr);  // no patch, no risk
}

TEST(CodeChanges, ChangedDefaultIsAnUpgradeNoteAndPrivateOrTestFactsAreNoRisk) {
  Activity a;
  a.repositories.push_back(Repository{"vllm-project/vllm", std::nullopt});
  Commit d = testing::commit("vllm-project/vllm", 'd', "Tune the scheduler", {"vllm/config/scheduler.py"});
  d.files[0].patch = "@@ -5,3 +5,3 @@ class SchedulerConfig:\n-    max_num_seqs: int = 128\n+    max_num_seqs: int = 256\n";
  Commit t = testing::commit("vllm-project/vllm", 't', "Clean up helpers", {"tests/test_x.py", "vllm/utils.py"});
  t.files[0].patch = "@@ -1,3 +1,1 @@\n-def test_old_path():\n-    pass\n x = 1\n";
  t.files[1].patch = "@@ -1,3 +1,1 @@\n-def _private_helper(a):\n-    return a\n y = 2\n";
  a.commits = {d, t};
  Report r = compose_report(a, testing::window(), {"vllm-project/vllm"}, Language::kEn);
  const Statement* note = outlook_line_citing(r, item_with_sha(r, 'd')->id);
  ASSERT_NE(note, nullptr);
  EXPECT_TRUE(note->plain_text().starts_with("Upgrade note: ")) << note->plain_text();
  EXPECT_NE(note->plain_text().find("max_num_seqs"), std::string::npos) << note->plain_text();
  EXPECT_EQ(outlook_line_citing(r, item_with_sha(r, 't')->id), nullptr);
}

TEST(CodeChanges, JsonCarriesCodeFactsAndReadsThemBack) {
  Report r = compose_report(day_with_patches(), testing::window(), {"vllm-project/vllm"}, Language::kZh);
  const std::string json = render_json(r);
  EXPECT_NE(json.find("\"kind\": \"env_var_removed\""), std::string::npos);
  EXPECT_NE(json.find("\"before\": \"==0.6.3\""), std::string::npos);
  auto back = read_report_json(json);
  ASSERT_TRUE(back.ok()) << back.error().message;
  const ReportItem* item = item_with_sha(*back, 'e');
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->code_facts, item_with_sha(r, 'e')->code_facts);
  EXPECT_EQ(render_json(*back), json);
}

}  // namespace code_changes_test
}  // namespace infradigest
