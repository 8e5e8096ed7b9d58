#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "config/config.h"
#include "config/config_file.h"
#include "config/config_keys.h"
#include "config/config_validators.h"

namespace infradigest {
namespace {

namespace fs = std::filesystem;

// A sample config file, as a user would write it.
constexpr const char* kSampleToml = R"(# infradigest sample
repos = [
  "NVIDIA/cutlass",
  "vllm-project/vllm",
]
timezone = "Asia/Shanghai"
language = "en"
)";

// A fresh temporary directory and a fake environment per test.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "infradigest_config_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }

  ConfigSources sources(std::optional<std::string> config_path = std::nullopt) {
    ConfigSources s;
    s.config_path = std::move(config_path);
    s.getenv = [this](const std::string& name) -> std::optional<std::string> {
      auto it = env_.find(name);
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
    return s;
  }

  // Loads `toml` from a file and returns the error message (or "" on success).
  std::string file_error(const std::string& toml) {
    auto loaded = load_config(sources(write("c.toml", toml)));
    return loaded.ok() ? "" : loaded.error().message;
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, DefaultsAndTheirOrigins) {
  auto loaded = load_config(sources());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Config& c = loaded->config;
  ASSERT_EQ(c.repos.size(), 8u);
  EXPECT_EQ(c.repos.front(), "deepseek-ai/DeepGEMM");
  EXPECT_EQ(c.repos[4], "Dao-AILab/flash-attention");
  EXPECT_EQ(c.repos.back(), "NVIDIA/cutile-python");
  EXPECT_EQ(c.timezone, "UTC");
  EXPECT_EQ(c.language, "zh");
  EXPECT_EQ(c.db, "");
  EXPECT_EQ(c.archive_dir, "reports");
  EXPECT_FALSE(loaded->config_file.has_value());
  for (const ConfigKey& key : config_keys()) {
    EXPECT_EQ(loaded->origin(key.name).kind, ConfigOrigin::kDefault) << key.name;
  }
}

TEST_F(ConfigTest, DefaultsPassTheirOwnValidatorsAndTableIsWellFormed) {
  std::map<std::string_view, int> names, vars;
  for (const ConfigKey& key : config_keys()) {
    EXPECT_FALSE(key.help.empty()) << key.name;
    EXPECT_EQ(++names[key.name], 1) << key.name;
    if (!key.env_var.empty()) {
      EXPECT_EQ(++vars[key.env_var], 1) << key.env_var;
    }
    EXPECT_EQ(type_of(key.default_value()), key.type()) << key.name;
    if (key.validate != nullptr) {
      EXPECT_TRUE(key.validate(key.default_value()).ok()) << key.name;
    }
  }
}

TEST_F(ConfigTest, FileOverridesDefaultWithPathLineOrigin) {
  std::string file = write("c.toml", kSampleToml);
  auto loaded = load_config(sources(file));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config.repos, (std::vector<std::string>{"NVIDIA/cutlass", "vllm-project/vllm"}));
  EXPECT_EQ(loaded->config.timezone, "Asia/Shanghai");
  EXPECT_EQ(loaded->config.language, "en");
  EXPECT_EQ(loaded->config_file, file);
  EXPECT_EQ(loaded->origin("repos"), (ValueOrigin{ConfigOrigin::kFile, file + ":2"}));
  EXPECT_EQ(loaded->origin("language"), (ValueOrigin{ConfigOrigin::kFile, file + ":7"}));
  EXPECT_EQ(loaded->origin("db").kind, ConfigOrigin::kDefault);
}

TEST(ConfigText, TextReadsLikeAFileNamedByItsPath) {
  LoadedConfig loaded;
  ASSERT_TRUE(apply_config_text(loaded, "\nlanguage = \"en\"\n", "inline.toml").ok());
  EXPECT_EQ(loaded.config.language, "en");
  EXPECT_EQ(loaded.origin("language"), (ValueOrigin{ConfigOrigin::kFile, "inline.toml:2"}));
  LoadedConfig bad;
  Status status = apply_config_text(bad, "timzone = \"UTC\"\n", "inline.toml");
  ASSERT_FALSE(status.ok());
  EXPECT_TRUE(status.error().message.starts_with("inline.toml:1: ")) << status.error().message;
}

TEST_F(ConfigTest, DefaultFileFromXdgConfigHomeThenHome) {
  env_["XDG_CONFIG_HOME"] = path("xdg");
  env_["HOME"] = path("home");
  write("home/.config/infradigest/config.toml", "language = \"en\"\n");
  EXPECT_EQ(default_config_path(sources().getenv), path("xdg") + "/infradigest/config.toml");
  // The XDG location has no file: that is fine, nothing is read.
  auto loaded = load_config(sources());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_FALSE(loaded->config_file.has_value());
  EXPECT_EQ(loaded->config.language, "zh");

  env_.erase("XDG_CONFIG_HOME");
  loaded = load_config(sources());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config_file, path("home/.config/infradigest/config.toml"));
  EXPECT_EQ(loaded->config.language, "en");
}

TEST_F(ConfigTest, RelativeXdgDirectoriesAreIgnored) {
  env_["XDG_CONFIG_HOME"] = "relative/dir";
  env_["XDG_DATA_HOME"] = "relative/data";
  env_["HOME"] = "/home/u";
  EXPECT_EQ(default_config_path(sources().getenv), "/home/u/.config/infradigest/config.toml");
  EXPECT_EQ(default_db_path(sources().getenv).value(), "/home/u/.local/share/infradigest/infradigest.db");
}

TEST_F(ConfigTest, DefaultDbPath) {
  auto getenv = sources().getenv;
  EXPECT_FALSE(default_db_path(getenv).ok());
  env_["HOME"] = "/home/u";
  EXPECT_EQ(default_db_path(getenv).value(), "/home/u/.local/share/infradigest/infradigest.db");
  env_["XDG_DATA_HOME"] = "/data";
  EXPECT_EQ(default_db_path(getenv).value(), "/data/infradigest/infradigest.db");
  Config c;
  EXPECT_EQ(effective_db_path(c, getenv).value(), "/data/infradigest/infradigest.db");
  c.db = "/x.db";
  EXPECT_EQ(effective_db_path(c, getenv).value(), "/x.db");
}

TEST_F(ConfigTest, MissingExplicitConfigFileIsAnError) {
  auto loaded = load_config(sources(path("nope.toml")));
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find(path("nope.toml")), std::string::npos) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find("No such file"), std::string::npos) << loaded.error().message;
}

TEST_F(ConfigTest, InfradigestConfigVariableNamesAFileThatMustExist) {
  env_["INFRADIGEST_CONFIG"] = path("missing.toml");
  auto loaded = load_config(sources());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message.rfind("INFRADIGEST_CONFIG: ", 0), 0u) << loaded.error().message;

  env_["INFRADIGEST_CONFIG"] = write("env.toml", "archive_dir = \"out\"\n");
  loaded = load_config(sources());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config.archive_dir, "out");
  // --config wins over the variable.
  loaded = load_config(sources(write("flag.toml", "archive_dir = \"flag\"\n")));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config.archive_dir, "flag");
}

TEST_F(ConfigTest, UnknownKeyHasFileLineAndSuggestion) {
  EXPECT_EQ(file_error("language = \"en\"\n\ntimzone = \"UTC\"\n"),
            path("c.toml") + ":3: unknown key 'timzone' (did you mean 'timezone'?)");
  EXPECT_EQ(file_error("colour = true\n"), path("c.toml") + ":1: unknown key 'colour'");
  EXPECT_EQ(file_error("repo = []\n"), path("c.toml") + ":1: unknown key 'repo' (did you mean 'repos'?)");
}

TEST_F(ConfigTest, UnknownKeysInTablesUseDottedNames) {
  EXPECT_EQ(file_error("[lmm]\nbase_url = \"https://x\"\n"),
            path("c.toml") + ":2: unknown key 'lmm.base_url' (did you mean 'llm.base_url'?)");
  EXPECT_EQ(file_error("[empty]\n"), path("c.toml") + ":1: unknown key 'empty'");
}

TEST_F(ConfigTest, FirstProblemInFileOrderIsReported) {
  // toml++ iterates keys alphabetically; the report must follow the file.
  EXPECT_EQ(file_error("zzz = 1\naaa = 2\n"), path("c.toml") + ":1: unknown key 'zzz'");
}

TEST_F(ConfigTest, WrongTypesNameKeyAndLine) {
  const std::string p = path("c.toml");
  EXPECT_EQ(file_error("repos = \"NVIDIA/cutlass\"\n"), p + ":1: 'repos' must be an array of strings");
  EXPECT_EQ(file_error("repos = [\n  \"NVIDIA/cutlass\",\n  42,\n]\n"), p + ":3: 'repos' must be an array of strings");
  EXPECT_EQ(file_error("\ntimezone = 8\n"), p + ":2: 'timezone' must be a string");
  EXPECT_EQ(file_error("language = [\"en\"]\n"), p + ":1: 'language' must be a string");
  EXPECT_EQ(file_error("timezone = { name = \"UTC\" }\n"), p + ":1: 'timezone' must be a string");
}

TEST_F(ConfigTest, BadRepoNamesNameTheEntry) {
  for (const char* bad : {"cutlass", "NVIDIA/cutlass/extra", "/cutlass", "NVIDIA/", "-nv/cutlass",
                          "NV IDIA/cutlass", "NVIDIA/cut lass", "nv_idia/cutlass", "NVIDIA/..", "NVIDIA/a+b"}) {
    std::string message = file_error(std::string("repos = [\"") + bad + "\"]\n");
    EXPECT_EQ(message.rfind(path("c.toml") + ":1: 'repos' has an invalid entry \"" + bad + "\"", 0), 0u)
        << message;
  }
  EXPECT_NE(file_error("repos = [\"https://github.com/NVIDIA/cutlass\"]\n").find("without the URL"),
            std::string::npos);
  EXPECT_TRUE(check_repo_name("Dao-AILab/flash-attention").ok());
  EXPECT_TRUE(check_repo_name("a1/.github").ok());
  EXPECT_TRUE(check_repo_name("o/name_with.dots-and_underscores").ok());
}

TEST_F(ConfigTest, DuplicateAndEmptyRepoLists) {
  const std::string p = path("c.toml");
  EXPECT_EQ(file_error("repos = [\"NVIDIA/cutlass\", \"vllm-project/vllm\", \"NVIDIA/cutlass\"]\n"),
            p + ":1: 'repos' lists \"NVIDIA/cutlass\" twice");
  EXPECT_EQ(file_error("repos = [\"NVIDIA/cutlass\", \"nvidia/CUTLASS\"]\n"),
            p + ":1: 'repos' lists \"nvidia/CUTLASS\" twice (GitHub names are case-insensitive; "
                "first as \"NVIDIA/cutlass\")");
  EXPECT_EQ(file_error("repos = []\n"), p + ":1: 'repos' must list at least one repository \"owner/name\"");
}

TEST_F(ConfigTest, LanguageErrorListsAllowedValues) {
  EXPECT_EQ(file_error("language = \"fr\"\n"), path("c.toml") + ":1: 'language' must be one of: zh, en (got \"fr\")");
  EXPECT_EQ(file_error("archive_dir = \"\"\n"), path("c.toml") + ":1: 'archive_dir' must not be empty");
}

TEST_F(ConfigTest, TomlSyntaxErrorHasLineAndColumn) {
  std::string message = file_error("language = \"en\"\ntimezone = \"UTC\n");
  EXPECT_EQ(message.rfind(path("c.toml") + ":2:", 0), 0u) << message;
  message = file_error("repos = [\"a/b\"\nlanguage = \"en\"\n");
  EXPECT_EQ(message.rfind(path("c.toml") + ":2:1: ", 0), 0u) << message;
  EXPECT_GT(message.size(), path("c.toml").size() + 8) << "has a description: " << message;
}

TEST_F(ConfigTest, EnvironmentOverridesFile) {
  env_["INFRADIGEST_LANGUAGE"] = "zh";
  env_["INFRADIGEST_DB"] = "/x.db";
  env_["INFRADIGEST_TIMEZONE"] = "";  // empty: treated as unset
  auto loaded = load_config(sources(write("c.toml", kSampleToml)));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config.language, "zh");
  EXPECT_EQ(loaded->origin("language"), (ValueOrigin{ConfigOrigin::kEnvironment, "INFRADIGEST_LANGUAGE"}));
  EXPECT_EQ(loaded->config.db, "/x.db");
  EXPECT_EQ(loaded->config.timezone, "Asia/Shanghai");
  EXPECT_EQ(loaded->origin("timezone").kind, ConfigOrigin::kFile);
}

TEST_F(ConfigTest, EnvironmentReposAreCommaSeparated) {
  env_["INFRADIGEST_REPOS"] = " NVIDIA/cutlass ,vllm-project/vllm,";
  auto loaded = load_config(sources());
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->config.repos, (std::vector<std::string>{"NVIDIA/cutlass", "vllm-project/vllm"}));
  EXPECT_EQ(loaded->origin("repos").label(), "environment: INFRADIGEST_REPOS");
}

TEST_F(ConfigTest, EnvironmentErrorsNameTheVariable) {
  env_["INFRADIGEST_LANGUAGE"] = "fr";
  auto loaded = load_config(sources());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message, "INFRADIGEST_LANGUAGE: 'language' must be one of: zh, en (got \"fr\")");

  env_.clear();
  env_["INFRADIGEST_REPOS"] = "NVIDIA/cutlass,not a repo";
  loaded = load_config(sources());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message.rfind("INFRADIGEST_REPOS: 'repos' has an invalid entry \"not a repo\"", 0), 0u)
      << loaded.error().message;
}

TEST_F(ConfigTest, CommandLineOverridesEnvironment) {
  env_["INFRADIGEST_LANGUAGE"] = "zh";
  auto loaded = load_config(sources(write("c.toml", kSampleToml)));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_TRUE(set_from_command_line(*loaded, "language", "en").ok());
  ASSERT_TRUE(set_from_command_line(*loaded, "repos", "a/b,c/d").ok());
  EXPECT_EQ(loaded->config.language, "en");
  EXPECT_EQ(loaded->config.repos, (std::vector<std::string>{"a/b", "c/d"}));
  EXPECT_EQ(loaded->origin("language").kind, ConfigOrigin::kCommandLine);
  EXPECT_EQ(loaded->origin("language").label(), "command line");
}

TEST_F(ConfigTest, CommandLineValidatesAndSuggests) {
  LoadedConfig loaded;
  Status s = set_from_command_line(loaded, "langauge", "en");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "unknown key 'langauge' (did you mean 'language'?)");
  s = set_from_command_line(loaded, "language", "de");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "'language' must be one of: zh, en (got \"de\")");
  s = set_from_command_line(loaded, "repos", "a/b,A/B");
  ASSERT_FALSE(s.ok());
  // A failed set changes nothing.
  EXPECT_EQ(loaded.config.language, "zh");
  EXPECT_EQ(loaded.config.repos.size(), 8u);
  EXPECT_EQ(loaded.origin("language").kind, ConfigOrigin::kDefault);
}

TEST_F(ConfigTest, RenderConfigShowExact) {
  env_["INFRADIGEST_DB"] = "/x.db";
  std::string file = write("c.toml", "repos = [\"a/b\", \"c/d\"]\n\nlanguage = \"en\"\n");
  auto loaded = load_config(sources(file));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_TRUE(set_from_command_line(*loaded, "archive_dir", "out \"x\"").ok());
  const std::string shown = render_config_show(*loaded);
  EXPECT_TRUE(shown.starts_with("(" + file + ":1) repos = [\"a/b\", \"c/d\"]\n" +
                                "(default) timezone = \"UTC\"\n"
                                "(" + file + ":3) language = \"en\"\n" +
                                "(environment: INFRADIGEST_DB) db = \"/x.db\"\n"
                                "(command line) archive_dir = \"out \\\"x\\\"\"\n"))
      << shown;
  // Tables follow, e.g. [llm]; numbers always print as TOML floats.
  EXPECT_NE(shown.find("(default) llm.base_url = \"\"\n(default) llm.api_key_env = \"\"\n(default) llm.models = []\n"
                       "(default) llm.temperature = 0.2\n(default) llm.max_tokens = 4096\n(default) llm.timeout = 120.0\n"
                       "(default) llm.concurrency = 4\n"),
            std::string::npos)
      << shown;
}

TEST(ConfigValue, TextFormsAndTomlFormatting) {
  EXPECT_EQ(std::get<std::int64_t>(parse_value_text(ConfigType::kInt, " 42 ").value()), 42);
  EXPECT_FALSE(parse_value_text(ConfigType::kInt, "4x").ok());
  EXPECT_EQ(parse_value_text(ConfigType::kInt, "ten").error().message, "must be an integer (got \"ten\")");
  EXPECT_TRUE(std::get<bool>(parse_value_text(ConfigType::kBool, "true").value()));
  EXPECT_FALSE(std::get<bool>(parse_value_text(ConfigType::kBool, "0").value()));
  EXPECT_FALSE(parse_value_text(ConfigType::kBool, "maybe").ok());
  EXPECT_EQ(format_toml_value(ConfigValue{std::int64_t{-3}}), "-3");
  EXPECT_EQ(format_toml_value(ConfigValue{false}), "false");
  EXPECT_EQ(format_toml_value(ConfigValue{std::vector<std::string>{}}), "[]");
  EXPECT_EQ(format_toml_string("tab\there\\\x01"), "\"tab\\there\\\\\\u0001\"");
}

TEST(ConfigValidators, EnvVarNameNeverEchoesASecret) {
  EXPECT_TRUE(validate_env_var_name(ConfigValue{std::string("OPENROUTER_API_KEY")}).ok());
  EXPECT_TRUE(validate_env_var_name(ConfigValue{std::string("_x1")}).ok());
  for (const char* bad : {"sk-or-v1-abcdef0123", "", "1ABC", "MY KEY"}) {
    Status s = validate_env_var_name(ConfigValue{std::string(bad)});
    ASSERT_FALSE(s.ok()) << bad;
    if (*bad != '\0') {
      EXPECT_EQ(s.error().message.find(bad), std::string::npos) << s.error().message;
    }
  }
}

}  // namespace
}  // namespace infradigest
