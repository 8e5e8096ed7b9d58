// Configuration: typed settings plus where each value came from (ccache style).
//
// Precedence, lowest to highest: built-in default < config file (TOML) <
// environment (INFRADIGEST_*) < command line. Every key is described once, in
// config_keys.cpp; loading, validation, `config show` and the environment
// names all come from that table.
//
// Secrets never live in the configuration. Keys that need one (e.g. a future
// `llm.api_key_env = "OPENROUTER_API_KEY"`) hold the NAME of an environment
// variable; the value is read from the environment by the code that uses it,
// at the moment it needs it, and is never stored, printed or logged. This is
// why `config show` can print every key verbatim.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_value.h"
#include "core/result.h"

namespace infradigest {

// [llm]: the LLM writer (src/llm/). An empty base_url means no LLM: the
// report is rule-based only.
struct LlmConfig {
  std::string base_url;             // OpenAI-compatible API root, e.g. "https://openrouter.ai/api/v1"
  std::string api_key_env;          // NAME of the variable holding the key; "" sends no key
  std::vector<std::string> models;  // tried in order: the next when one keeps failing
  double temperature = 0.2;
  std::int64_t max_tokens = 4096;   // per answer
  double timeout = 120;             // seconds, per request
  std::int64_t concurrency = 4;     // requests in flight at once
};

// [site]: the static web archive (src/site/).
struct SiteConfig {
  std::string dir;       // where `run` (and `site` without -o) writes it; "" : `run` builds no site
  std::string base_url;  // absolute URL it is published at, for the feed; may be empty
};

// One table of an array of tables, e.g. one [[publish.webhook]] entry: the
// values its author wrote, by key, and where it was written. Keys and types
// are checked against the array's field table (config_keys.cpp) on load.
struct ConfigTable {
  std::string origin;  // "path:line" of the table's [[...]] header
  std::map<std::string, ConfigValue, std::less<>> values;

  // The string value of `key`, or `fallback` when the table does not set it.
  // REQUIRES: the key, when set, is a string key.
  std::string string_or(std::string_view key, std::string fallback = "") const;
  friend bool operator==(const ConfigTable&, const ConfigTable&) = default;
};

// [run]: the daily job.
struct RunConfig {
  std::int64_t backfill_days = 7;  // most missed days one `run` writes (the newest ones); 1: yesterday only
};

// [[publish.webhook]] entries: chat delivery targets (src/publish/).
struct PublishConfig {
  std::vector<ConfigTable> webhooks;  // keys: type, url_env, secret_env, name
};

// [[taxonomy.tag]] and [[taxonomy.path_rule]] entries: the user's additions to
// the classifier's taxonomy (analysis/taxonomy_extension.h; cli/taxonomy_setup.cpp
// checks and installs them).
struct TaxonomyConfig {
  std::vector<ConfigTable> tags;        // keys: name, facet, zh, en, keywords
  std::vector<ConfigTable> path_rules;  // keys: paths, tag, component
};

// [github]: the GitHub sync (src/github/, src/sync/). The token is not
// configuration: it is read from GITHUB_TOKEN when the sync starts.
struct GithubConfig {
  std::string api_url = "https://api.github.com";  // GITHUB_API_URL; GitHub Enterprise: "https://HOST/api/v3"
  // Requests in flight at once (also: repositories synced at once). 6 makes a
  // day's sync about 5x faster than one request at a time (bench/sync_bench.sh)
  // while staying far below GitHub's secondary limits (100 concurrent).
  std::int64_t concurrency = 6;
  std::int64_t max_wait = 900;   // seconds; a longer rate-limit pause stops the run ("resume later")
  double connect_timeout = 10;   // seconds
  double timeout = 120;          // seconds, one whole request
  double stall_timeout = 30;     // seconds without receiving a byte
  // PEM file of the CAs to trust for the API instead of the system's (a GitHub
  // Enterprise with a private CA; the benchmarks' HTTPS stand-in). Empty: the system's.
  std::string ca_file;
  // How much of each commit's patch the store keeps (model/patch_bounds.h): the
  // code facts of a commit come from it. Cut patches are marked truncated.
  std::int64_t patch_max_file_bytes = 32768;
  std::int64_t patch_max_commit_bytes = 131072;
};

// The settings. Member initializers are the built-in defaults (the "default"
// column of the key table is `Config{}`). Values in a Config obtained from
// load_config() have passed their key's validator.
struct Config {
  // Watchlist of GitHub repositories "owner/name", in report order.
  std::vector<std::string> repos{
      "deepseek-ai/DeepGEMM",     "deepseek-ai/FlashMLA", "NVIDIA/cutlass",
      "flashinfer-ai/flashinfer", "Dao-AILab/flash-attention", "sgl-project/sglang",
      "vllm-project/vllm",        "NVIDIA/cutile-python",
  };
  // IANA timezone of the report day. Not validated here: the caller checks it
  // against the tz database (make_report_window), which this module does not link.
  std::string timezone = "UTC";
  std::string language = "zh";  // report language: "zh" or "en"
  std::string db;               // SQLite store; "" means default_db_path()
  std::string archive_dir = "reports";  // where dated reports are archived
  LlmConfig llm;
  SiteConfig site;
  PublishConfig publish;
  RunConfig run;
  GithubConfig github;
  TaxonomyConfig taxonomy;
};

enum class ConfigOrigin { kDefault, kFile, kEnvironment, kCommandLine };

// Where one value came from.
struct ValueOrigin {
  ConfigOrigin kind = ConfigOrigin::kDefault;
  // kFile: "path:line"; kEnvironment: the variable name; otherwise empty.
  std::string location;

  // "default", "/home/u/.config/infradigest/config.toml:3",
  // "environment: INFRADIGEST_DB", "command line".
  std::string label() const;

  friend bool operator==(const ValueOrigin&, const ValueOrigin&) = default;
};

struct ConfigKey;  // config_keys.h

// A Config together with the origin of every key and the file it was read from.
class LoadedConfig {
 public:
  // All keys at their defaults, with origin kDefault.
  LoadedConfig();

  Config config;
  std::optional<std::string> config_file;  // the config file read, if any

  // REQUIRES: `key` names an entry of config_keys().
  const ValueOrigin& origin(std::string_view key) const;

  // Validates `value` with the key's validator and stores it with `origin`.
  // REQUIRES: type_of(value) == key.type(). On error nothing changes; the
  // message starts with the quoted key: "'language' must be one of: ...".
  Status assign(const ConfigKey& key, ConfigValue value, ValueOrigin origin);

 private:
  std::map<std::string, ValueOrigin, std::less<>> origins_;
};

// Reads an environment variable; nullopt when unset. Injectable so tests do
// not touch the process environment.
using GetEnv = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> system_getenv(const std::string& name);

struct ConfigSources {
  // --config PATH. When absent: $INFRADIGEST_CONFIG, else default_config_path()
  // if that file exists. A file named by --config or INFRADIGEST_CONFIG must exist.
  std::optional<std::string> config_path;
  GetEnv getenv = system_getenv;
};

// Defaults, then the config file, then the environment. Errors carry their
// place: "PATH:LINE: unknown key 'timzone' (did you mean 'timezone'?)",
// "PATH:LINE:COL: <TOML syntax error>", "INFRADIGEST_LANGUAGE: 'language' must
// be one of: zh, en (got \"fr\")". An environment variable set to "" counts
// as unset (the shell idiom `VAR= cmd` to switch an override off).
Result<LoadedConfig> load_config(const ConfigSources& sources);

// Sets `key` from its text form (lists comma-separated, as in the environment),
// with the key's validation, origin kCommandLine. Unknown keys get a
// did-you-mean; the caller adds which option it was (Error::with_context).
Status set_from_command_line(LoadedConfig& loaded, std::string_view key, std::string_view value);

// One line per key, in table order: "(ORIGIN) KEY = TOML-VALUE\n", e.g.
//   (default) timezone = "UTC"
//   (/home/u/.config/infradigest/config.toml:3) language = "en"
//   (environment: INFRADIGEST_DB) db = "/x.db"
std::string render_config_show(const LoadedConfig& loaded);

// $XDG_CONFIG_HOME/infradigest/config.toml, else $HOME/.config/infradigest/config.toml;
// nullopt when neither variable is usable (XDG_* values must be absolute paths,
// per the XDG base directory spec; relative ones are ignored).
std::optional<std::string> default_config_path(const GetEnv& getenv = system_getenv);

// $XDG_DATA_HOME/infradigest/infradigest.db, else
// $HOME/.local/share/infradigest/infradigest.db; an error when neither is set.
Result<std::string> default_db_path(const GetEnv& getenv = system_getenv);

// config.db when set, else default_db_path().
Result<std::string> effective_db_path(const Config& config, const GetEnv& getenv = system_getenv);

}  // namespace infradigest
