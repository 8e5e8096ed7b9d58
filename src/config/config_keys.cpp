// THE key table. To add a setting: add the field (with its default) to Config
// in config.h, then one entry here. Order here is the order of `config show`.
#include "config/config_keys.h"

#include <fmt/format.h>

#include <set>

#include "config/config_table_array.h"
#include "config/config_validators.h"
#include "config/taxonomy_keys.h"

namespace infradigest {
namespace {

Status validate_backfill_days(const ConfigValue& value) {
  const auto n = std::get<std::int64_t>(value);
  if (n >= 1 && n <= 366) return {};
  return make_error(fmt::format("must be between 1 and 366 (got {})", n));
}

const ConfigKey kConfigKeys[] = {
    {.name = "repos",
     .env_var = "INFRADIGEST_REPOS",
     .help = "GitHub repositories to watch, \"owner/name\", in report order (environment: comma-separated)",
     .field = [](Config& c) -> FieldRef { return &c.repos; },
     .validate = validate_repos},
    {.name = "timezone",
     .env_var = "INFRADIGEST_TIMEZONE",
     .help = "IANA timezone that defines the report day, e.g. \"Asia/Shanghai\"",
     .field = [](Config& c) -> FieldRef { return &c.timezone; },
     .validate = validate_timezone},
    {.name = "language",
     .env_var = "INFRADIGEST_LANGUAGE",
     .help = "Report language: \"zh\" or \"en\"",
     .field = [](Config& c) -> FieldRef { return &c.language; },
     .validate = validate_language},
    {.name = "db",
     .env_var = "INFRADIGEST_DB",
     .help = "SQLite store path; empty: $XDG_DATA_HOME/infradigest/infradigest.db",
     .field = [](Config& c) -> FieldRef { return &c.db; },
     .validate = nullptr},
    {.name = "archive_dir",
     .env_var = "INFRADIGEST_ARCHIVE_DIR",
     .help = "Directory where dated reports are archived",
     .field = [](Config& c) -> FieldRef { return &c.archive_dir; },
     .validate = validate_not_empty},
    {.name = "llm.base_url",
     .env_var = "INFRADIGEST_LLM_BASE_URL",
     .help = "OpenAI-compatible API root (\"https://openrouter.ai/api/v1\", \"http://localhost:8000/v1\"); empty: no LLM",
     .field = [](Config& c) -> FieldRef { return &c.llm.base_url; },
     .validate = validate_http_url_or_empty},
    {.name = "llm.api_key_env",
     .env_var = "INFRADIGEST_LLM_API_KEY_ENV",
     .help = "NAME of the environment variable that holds the API key (the key itself never goes here)",
     .field = [](Config& c) -> FieldRef { return &c.llm.api_key_env; },
     .validate = validate_optional_env_var_name},
    {.name = "llm.models",
     .env_var = "INFRADIGEST_LLM_MODELS",
     .help = "Models to use, in order; the next one is tried when one keeps failing",
     .field = [](Config& c) -> FieldRef { return &c.llm.models; },
     .validate = validate_model_names},
    {.name = "llm.temperature",
     .env_var = "INFRADIGEST_LLM_TEMPERATURE",
     .help = "Sampling temperature, 0 to 2",
     .field = [](Config& c) -> FieldRef { return &c.llm.temperature; },
     .validate = validate_temperature},
    {.name = "llm.max_tokens",
     .env_var = "INFRADIGEST_LLM_MAX_TOKENS",
     .help = "Most tokens one answer may use",
     .field = [](Config& c) -> FieldRef { return &c.llm.max_tokens; },
     .validate = validate_max_tokens},
    {.name = "llm.timeout",
     .env_var = "INFRADIGEST_LLM_TIMEOUT",
     .help = "Seconds one LLM request may take",
     .field = [](Config& c) -> FieldRef { return &c.llm.timeout; },
     .validate = validate_timeout_seconds},
    {.name = "llm.concurrency",
     .env_var = "INFRADIGEST_LLM_CONCURRENCY",
     .help = "LLM requests in flight at once",
     .field = [](Config& c) -> FieldRef { return &c.llm.concurrency; },
     .validate = validate_concurrency},
    {.name = "site.dir",
     .env_var = "INFRADIGEST_SITE_DIR",
     .help = "Folder of the static web archive that `run` rebuilds; empty: `run` builds no site",
     .field = [](Config& c) -> FieldRef { return &c.site.dir; },
     .validate = nullptr},
    {.name = "site.base_url",
     .env_var = "INFRADIGEST_SITE_BASE_URL",
     .help = "Absolute URL where the site is published (feed links and ids); empty: relative links",
     .field = [](Config& c) -> FieldRef { return &c.site.base_url; },
     .validate = validate_http_url_or_empty},
    {.name = "run.backfill_days",
     .env_var = "INFRADIGEST_RUN_BACKFILL_DAYS",
     .help = "Most missed report days one `run` catches up (newest first kept), 1 to 366; 1: yesterday only",
     .field = [](Config& c) -> FieldRef { return &c.run.backfill_days; },
     .validate = validate_backfill_days},
    {.name = "github.api_url",
     .env_var = "GITHUB_API_URL",
     .help = "GitHub REST API root; GitHub Enterprise: \"https://HOST/api/v3\" (the token: GITHUB_TOKEN)",
     .field = [](Config& c) -> FieldRef { return &c.github.api_url; },
     // Not echoed back: a URL with "user:pass@" in it would be a secret.
     .validate = [](const ConfigValue& v) -> Status {
       const auto& url = std::get<std::string>(v);
       const bool http = url.starts_with("https://") || url.starts_with("http://");
       if (!http || url.find('@') != std::string::npos)
         return make_error("must be an http(s) URL without credentials, e.g. \"https://api.github.com\"");
       return {};
     }},
    {.name = "github.ca_file",
     .env_var = "INFRADIGEST_GITHUB_CA_FILE",
     .help = "PEM file of the certificate authorities to trust for the API instead of the system's; empty: the system's",
     .field = [](Config& c) -> FieldRef { return &c.github.ca_file; },
     .validate = nullptr},
    {.name = "github.concurrency",
     .env_var = "INFRADIGEST_GITHUB_CONCURRENCY",
     .help = "GitHub requests in flight at once (repositories are synced in parallel)",
     .field = [](Config& c) -> FieldRef { return &c.github.concurrency; },
     .validate = validate_concurrency},
    {.name = "github.max_wait",
     .env_var = "INFRADIGEST_GITHUB_MAX_WAIT",
     .help = "Longest rate-limit pause in seconds; a longer one stops the sync (exit 4: resume later)",
     .field = [](Config& c) -> FieldRef { return &c.github.max_wait; },
     .validate = [](const ConfigValue& v) -> Status {
       auto n = std::get<std::int64_t>(v);
       if (n >= 0 && n <= 86400) return {};
       return make_error(fmt::format("must be between 0 and 86400 seconds (got {})", n));
     }},
    {.name = "github.connect_timeout",
     .env_var = "INFRADIGEST_GITHUB_CONNECT_TIMEOUT",
     .help = "Seconds to connect to the GitHub API",
     .field = [](Config& c) -> FieldRef { return &c.github.connect_timeout; },
     .validate = validate_timeout_seconds},
    {.name = "github.timeout",
     .env_var = "INFRADIGEST_GITHUB_TIMEOUT",
     .help = "Seconds one GitHub request may take in all",
     .field = [](Config& c) -> FieldRef { return &c.github.timeout; },
     .validate = validate_timeout_seconds},
    {.name = "github.stall_timeout",
     .env_var = "INFRADIGEST_GITHUB_STALL_TIMEOUT",
     .help = "Seconds a GitHub response may send nothing before it is abandoned (and retried)",
     .field = [](Config& c) -> FieldRef { return &c.github.stall_timeout; },
     .validate = validate_timeout_seconds},
    {.name = "github.patch_max_file_bytes",
     .env_var = "INFRADIGEST_GITHUB_PATCH_MAX_FILE_BYTES",
     .help = "Bytes of one file's patch the store keeps (cut at a line, marked truncated); 0 keeps none",
     .field = [](Config& c) -> FieldRef { return &c.github.patch_max_file_bytes; },
     .validate = validate_patch_bytes},
    {.name = "github.patch_max_commit_bytes",
     .env_var = "INFRADIGEST_GITHUB_PATCH_MAX_COMMIT_BYTES",
     .help = "Bytes of patches the store keeps per commit, in file order (later files are marked truncated)",
     .field = [](Config& c) -> FieldRef { return &c.github.patch_max_commit_bytes; },
     .validate = validate_patch_bytes},
};

Status validate_webhook_type(const ConfigValue& value) {
  const auto& type = std::get<std::string>(value);
  for (const char* t : {"feishu", "dingtalk", "wecom", "slack", "json"})
    if (type == t) return {};
  return make_error(fmt::format("must be one of: feishu, dingtalk, wecom, slack, json (got {})", format_toml_string(type)));
}

Status validate_webhook_content(const ConfigValue& value) {
  const auto& content = std::get<std::string>(value);
  if (content == "digest" || content == "full") return {};
  return make_error(fmt::format("must be digest or full (got {})", format_toml_string(content)));
}

// Target names go into the delivery table and logs: short and plain.
Status validate_target_name(const ConfigValue& value) {
  const auto& name = std::get<std::string>(value);
  bool ok = !name.empty() && name.size() <= 64;
  for (char c : name)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');
  if (ok) return {};
  return make_error("must be 1 to 64 letters, digits, '-', '_' or '.'");
}

const TableField kWebhookFields[] = {
    {.name = "type", .type = ConfigType::kString, .required = true,
     .help = "feishu | dingtalk | wecom | slack | json", .validate = validate_webhook_type},
    {.name = "url_env", .type = ConfigType::kString, .required = true,
     .help = "NAME of the environment variable holding the webhook URL (the URL is a secret)",
     .validate = validate_env_var_name},
    {.name = "secret_env", .type = ConfigType::kString, .required = false,
     .help = "NAME of the environment variable holding the signing secret (feishu, dingtalk)",
     .validate = validate_env_var_name},
    {.name = "name", .type = ConfigType::kString, .required = false,
     .help = "Name of this target in logs and delivery state (default: the type)", .validate = validate_target_name},
    {.name = "content", .type = ConfigType::kString, .required = false,
     .help = "digest (default: counts, 摘要, 总结 and a link to the day's page) | full (the whole report)",
     .validate = validate_webhook_content},
};

Status validate_webhooks(const std::vector<ConfigTable>& webhooks) {
  std::set<std::string> names;
  for (const auto& w : webhooks) {
    const std::string type = w.string_or("type");
    if (w.values.count("secret_env") && type != "feishu" && type != "dingtalk")
      return make_error(fmt::format("{}: 'secret_env' is used by feishu and dingtalk only, not {}", w.origin, type));
    const std::string name = w.string_or("name", type);
    if (!names.insert(name).second)
      return make_error(fmt::format("{}: a second webhook named '{}': give each [[publish.webhook]] its own 'name'",
                                    w.origin, name));
  }
  return {};
}

const ConfigTableArray kConfigTableArrays[] = {
    {.name = "publish.webhook",
     .help = "Chat delivery targets, one [[publish.webhook]] table each",
     .fields = kWebhookFields,
     .field = [](Config& c) { return &c.publish.webhooks; },
     .validate = validate_webhooks},
    {.name = "taxonomy.tag",
     .help = "Tags added to the classifier's taxonomy, or keywords added to built-in tags",
     .fields = taxonomy_tag_fields(),
     .field = [](Config& c) { return &c.taxonomy.tags; },
     .validate = validate_taxonomy_tags},
    {.name = "taxonomy.path_rule",
     .help = "Path globs that give a tag or a component",
     .fields = taxonomy_path_rule_fields(),
     .field = [](Config& c) { return &c.taxonomy.path_rules; },
     .validate = validate_taxonomy_path_rules},
};

}  // namespace

std::span<const ConfigKey> config_keys() { return kConfigKeys; }

std::span<const ConfigTableArray> config_table_arrays() { return kConfigTableArrays; }

}  // namespace infradigest
