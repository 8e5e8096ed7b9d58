// The taxonomy table and its extension from the config: [[taxonomy.tag]] and
// [[taxonomy.path_rule]] reach `explain` and the report (run through the real
// binary), bad entries fail with file:line, and nothing changes without them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/classification.h"
#include "analysis/taxonomy.h"
#include "analysis/taxonomy_extension.h"
#include "document/language.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;
using testing::TempDir;

constexpr const char* kAxk1 = "905d76b5";        // vllm: 新增 HuggingFace `skt/A.X‑K1` 模型支持
constexpr const char* kWarmup = "b1d9f537";      // vllm: vllm/v1/worker/gpu/warmup.py
constexpr const char* kMambaCopy = "157722da";   // vllm: vllm/v1/worker/mamba_utils.py

// Line numbers matter: the tests check that reasons and errors name them.
constexpr const char* kConfig =
    "language = \"zh\"\n"                                  // 1
    "\n"                                                   // 2
    "[[taxonomy.tag]]\n"                                   // 3
    "name = \"A.X-K1\"\n"                                  // 4
    "facet = \"model\"\n"                                  // 5
    "zh = \"A.X-K1（SKT 大模型）\"\n"                      // 6
    "en = \"SKT A.X K1\"\n"                                // 7
    "keywords = [\"axk1\", \"a.x-k1\"]\n"                  // 8
    "\n"                                                   // 9
    "[[taxonomy.tag]]\n"                                   // 10
    "name = \"Model Runner V2\"\n"                         // 11
    "facet = \"technique\"\n"                              // 12
    "\n"                                                   // 13
    "[[taxonomy.path_rule]]\n"                             // 14
    "paths = [\"vllm/v1/worker/gpu/\"]\n"                  // 15
    "tag = \"Model Runner V2\"\n"                          // 16
    "\n"                                                   // 17
    "[[taxonomy.path_rule]]\n"                             // 18
    "paths = [\"**/mamba_utils.py\"]\n"                    // 19
    "component = \"kernels\"\n";                           // 20

class TaxonomyConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(config_, kConfig);
    auto r = run_infradigest(db_ + " import " + testing::source_path("examples/2026-02-26"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing::CommandResult run(const std::string& args) { return run_infradigest("--config " + config_ + " " + db_ + " " + args); }

  TempDir dir_;
  std::string db_ = "--db " + dir_.file("store.db");
  std::string config_ = dir_.file("c.toml");
};

TEST_F(TaxonomyConfig, ExplainNamesTheConfigLineOfAKeywordTag) {
  auto r = run(std::string("explain ") + kAxk1);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tags: A.X-K1 (model)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  tag A.X-K1: keyword \"A.X‑K1\" in title (config " + config_ + ":3)\n"), std::string::npos)
      << r.out;
  // Without the config the commit has no model tag at all.
  auto plain = run_infradigest(db_ + " explain " + kAxk1);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("tags: -\n"), std::string::npos) << plain.out;
}

TEST_F(TaxonomyConfig, PathRulesGiveATagAndAComponentAndSaySo) {
  auto r = run(std::string("explain ") + kWarmup + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.at("tags").size(), 1u) << r.out;
  EXPECT_EQ(j.at("tags")[0].at("name"), "Model Runner V2");
  EXPECT_EQ(j.at("tags")[0].at("facet"), "technique");
  const auto reasons = j.at("reasons").get<std::vector<std::string>>();
  EXPECT_NE(std::find(reasons.begin(), reasons.end(),
                      "tag Model Runner V2: path rule matched vllm/v1/worker/gpu/warmup.py (config " + config_ + ":14)"),
            reasons.end())
      << r.out;

  r = run(std::string("explain ") + kMambaCopy);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("components: kernels 1/1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  component kernels: path rule matched vllm/v1/worker/mamba_utils.py (config " + config_ +
                       ":18)\n"),
            std::string::npos)
      << r.out;
}

TEST_F(TaxonomyConfig, ConfigTagsReachTheReportWithTheirLabels) {
  auto zh = run("--now 2026-02-27T08:00:00Z report --date 2026-02-26");
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  // The item's tag line and the 模型支持 theme (its "另有 …" line) both use the Chinese label.
  EXPECT_NE(zh.out.find("标签：A.X-K1（SKT 大模型）"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("A.X-K1（SKT 大模型） 1 项"), std::string::npos) << zh.out;

  auto en = run("--now 2026-02-27T08:00:00Z report --date 2026-02-26 --lang en");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("SKT A.X K1 1 item"), std::string::npos) << en.out;
  EXPECT_EQ(en.out.find("SKT 大模型"), std::string::npos);

  auto json = run("--now 2026-02-27T08:00:00Z report --date 2026-02-26 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  bool tagged = false;
  const auto parsed = nlohmann::json::parse(json.out);
  for (const auto& repo : parsed.at("repos"))
    for (const auto& c : repo.at("commits"))
      for (const auto& t : c.at("tags"))
        tagged |= t.at("name") == "A.X-K1" && t.at("facet") == "model" && c.at("sha").get<std::string>().starts_with(kAxk1);
  EXPECT_TRUE(tagged) << json.out;
}

// Each bad config: the exit status 2 and the message naming file:line and the fix.
struct BadEntry {
  const char* toml;
  const char* message;  // after "<config path>:"
};

TEST_F(TaxonomyConfig, BadEntriesFailWithFileLineAndWhatToDo) {
  const BadEntry cases[] = {
      {"[[taxonomy.tag]]\nname = \"Phi\"\nkeywords = [\"phi-4\"]\n",
       "1: 'Phi' is a new tag: give its facet, e.g. facet = \"model\" (hardware, technique or model)"},
      {"[[taxonomy.tag]]\nname = \"Phi\"\nfacet = \"models\"\nkeywords = [\"phi\"]\n",
       "3: 'facet' must be one of: hardware, technique, model (got \"models\")"},
      {"[[taxonomy.tag]]\nname = \"Phi\"\nfacet = \"model\"\nkeywords = [\"phi|phi3\"]\n",
       "4: 'keywords' \"phi|phi3\": write one keyword per string instead of '|'"},
      {"[[taxonomy.tag]]\nname = \"Phi\"\nfacet = \"model\"\nkeyword = [\"phi\"]\n",
       "4: unknown key 'keyword' in [[taxonomy.tag]] (did you mean 'keywords'?)"},
      {"[[taxonomy.tag]]\nname = \"Phi\"\nfacet = \"model\"\n",
       "1: tag 'Phi' would never be given: add keywords = [...] or a [[taxonomy.path_rule]] with tag = \"Phi\""},
      {"[[taxonomy.tag]]\nname = \"qwen\"\nkeywords = [\"qwq\"]\n",
       "1: tag 'qwen' differs from the built-in 'Qwen' only in case: write name = \"Qwen\""},
      {"[[taxonomy.tag]]\nname = \"Qwen\"\nfacet = \"hardware\"\nkeywords = [\"qwq\"]\n",
       "1: 'Qwen' is a built-in model tag: drop 'facet' or set it to \"model\""},
      {"[[taxonomy.path_rule]]\npaths = [\"csrc/sm100/\"]\ntag = \"Blackwel\"\n",
       "1: [[taxonomy.path_rule]] gives tag 'Blackwel', which is neither built in nor defined by a [[taxonomy.tag]] "
       "(did you mean 'Blackwell'?): define it with [[taxonomy.tag]] name = \"Blackwel\" and a facet"},
      {"[[taxonomy.path_rule]]\npaths = [\"/csrc/**\"]\ntag = \"GEMM\"\n",
       "2: 'paths' path glob '/csrc/**' starts with '/': paths are relative to the repository root, e.g. \"csrc/**\""},
      {"[[taxonomy.path_rule]]\npaths = [\"csrc/\"]\ntag = \"GEMM\"\ncomponent = \"kernels\"\n",
       "1: [[taxonomy.path_rule]] needs exactly one of 'tag' and 'component'"},
      {"[[taxonomy.path_rule]]\npaths = [\"csrc/\"]\ncomponent = \"kernel\"\n",
       "3: 'component' must be one of: tuned configs, docs, tests, benchmarks, ci/build, examples, kernels, models "
       "(got \"kernel\")"},
      {"[[taxonomy.tag]]\nname = \"Phi\"\nfacet = \"model\"\nkeywords = [\"phi\"]\n\n[[taxonomy.tag]]\nname = \"Phi\"\n",
       "6: tag 'Phi' is defined twice: merge its [[taxonomy.tag]] entries into one"},
  };
  for (const BadEntry& c : cases) {
    testing::write_file(config_, c.toml);
    auto r = run("explain " + std::string(kAxk1));
    EXPECT_EQ(r.exit_code, 2) << c.toml;
    EXPECT_EQ(r.err, "infradigest: error: " + config_ + ":" + c.message + "\n") << c.toml;
    EXPECT_TRUE(r.out.empty());
  }
}

// In-process: installs an extension for one test and always restores the
// built-in taxonomy, so other tests see the classifier unchanged.
class InstalledExtension {
 public:
  explicit InstalledExtension(TaxonomyExtension e) { install_taxonomy_extension(std::move(e)); }
  ~InstalledExtension() { install_taxonomy_extension({}); }
  InstalledExtension(const InstalledExtension&) = delete;
  InstalledExtension& operator=(const InstalledExtension&) = delete;
};

TEST(Taxonomy, BuiltInVocabularyIsTheTableAndHasBothLabels) {
  EXPECT_TRUE(taxonomy_extension().empty());
  ASSERT_EQ(canonical_tags().size(), taxonomy::tags().size());
  for (const taxonomy::TagEntry& t : taxonomy::tags()) {
    EXPECT_FALSE(t.label.zh.empty()) << t.label.name;
    EXPECT_FALSE(t.label.en.empty()) << t.label.name;
  }
  ASSERT_EQ(all_change_kinds().size(), taxonomy::kinds().size());
  EXPECT_EQ(kind_label(ChangeKind::kFix, Language::kZh), "问题修复");
  EXPECT_EQ(kind_label(ChangeKind::kFix, Language::kEn), "Fixes");
  EXPECT_EQ(facet_label(TagFacet::kModel, Language::kZh), "模型");
  EXPECT_EQ(tag_label(Tag{TagFacet::kHardware, "Blackwell"}, Language::kZh), "Blackwell");
}

TEST(Taxonomy, ExtensionAddsKeywordsToABuiltInTagAndRelabelsIt) {
  const std::vector<FileChange> none;
  EXPECT_TRUE(classify_text("Add QwQ reasoning parser", "", none).tags.empty());
  TaxonomyExtension e;
  e.tags.push_back(TagDefinition{Tag{TagFacet::kModel, "Qwen"}, "通义千问", "", {"qwq*"}, "c.toml:1"});
  {
    InstalledExtension installed(std::move(e));
    const Classification c = classify_text("Add QwQ reasoning parser", "", none);
    ASSERT_EQ(c.tags.size(), 1u);
    EXPECT_EQ(c.tags[0], (Tag{TagFacet::kModel, "Qwen"}));
    EXPECT_EQ(tag_label(c.tags[0], Language::kZh), "通义千问");
    EXPECT_EQ(tag_label(c.tags[0], Language::kEn), "Qwen");  // no en label given: the built-in one
    EXPECT_EQ(canonical_tags().size(), taxonomy::tags().size());  // not a new tag
  }
  EXPECT_TRUE(classify_text("Add QwQ reasoning parser", "", none).tags.empty());
  EXPECT_EQ(tag_label(Tag{TagFacet::kModel, "Qwen"}, Language::kZh), "Qwen");
}

std::vector<FileChange> files_at(const std::vector<std::string>& paths) {
  std::vector<FileChange> files;
  for (const std::string& p : paths) {
    FileChange f;
    f.filename = p;
    files.push_back(std::move(f));
  }
  return files;
}

TEST(Taxonomy, ComponentsComeFromPathsElseFromTheTitle) {
  Classification c = classify_text("Faster decode", "",
                                   files_at({"csrc/attention/decode.cu", "tests/test_decode.py", "docs/decode.md"}));
  ASSERT_EQ(c.components.size(), 3u);
  EXPECT_EQ(c.components[0].name, "docs");
  EXPECT_EQ(c.components[1].name, "tests");
  EXPECT_EQ(c.components[2].name, "kernels");
  EXPECT_EQ(c.components[2].files, 1);
  // A tuned config under a kernel folder is a tuned config: the first rule wins.
  c = classify_text("Tune", "", files_at({"vllm/model_executor/layers/fused_moe/configs/E=8.json"}));
  ASSERT_EQ(c.components.size(), 1u);
  EXPECT_EQ(c.components[0].name, "tuned configs");
  c = classify_text("Fixed register index bug in `mma.sync.aligned.m16n8k16`", "", {});
  ASSERT_EQ(c.components.size(), 1u);
  EXPECT_EQ(c.components[0].name, "kernels");
  EXPECT_EQ(c.components[0].files, 0);
}

TEST(Taxonomy, NewSupportNeedsAFeatureAndAPlatformOrModel) {
  EXPECT_TRUE(classify_text("llama4 npu adapt", "", {}).new_support);
  EXPECT_TRUE(classify_text("新增 HuggingFace `skt/A.X‑K1` 模型支持", "", {}).new_support);
  EXPECT_FALSE(classify_text("Support fp8 output in decode", "", {}).new_support);  // no platform or model
  EXPECT_FALSE(classify_text("fix: support sm120 in gemm dispatch", "", {}).new_support);  // a fix
  EXPECT_TRUE(classify_text("引入原生权重同步 API：IPC", "", {}).new_api);
  EXPECT_FALSE(classify_text("Fix api docs", "", {}).new_api);
}

}  // namespace
}  // namespace infradigest
