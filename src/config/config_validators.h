// Validators used by the key table. Each returns a message that completes
// the sentence "'<key>' ...", so every source (file, environment, command
// line) reports problems the same way.
#pragma once

#include <string_view>

#include "config/config_value.h"
#include "core/result.h"

namespace infradigest {

// A GitHub "owner/name": owner of letters, digits and '-' (not first); name
// of letters, digits, '-', '_' and '.', not "." or "..". Lengths are left to
// the API, which rejects names that do not exist anyway.
Status check_repo_name(std::string_view repo);

// String list: non-empty, every entry check_repo_name(), no repository twice
// (compared case-insensitively, as GitHub does).
Status validate_repos(const ConfigValue& value);

// String: one of the report languages "zh", "en".
Status validate_language(const ConfigValue& value);

// String: an IANA timezone name the tz database knows ("Asia/Shanghai").
Status validate_timezone(const ConfigValue& value);

// String: not empty.
Status validate_not_empty(const ConfigValue& value);

// String: the NAME of an environment variable holding a secret
// ([A-Za-z_][A-Za-z0-9_]*), for keys like "llm.api_key_env". The message
// never repeats the value, since a user may have pasted the secret itself.
Status validate_env_var_name(const ConfigValue& value);

// validate_env_var_name, or "" (no variable: e.g. a local LLM server needs no key).
Status validate_optional_env_var_name(const ConfigValue& value);

// String: "" or an http:// or https:// URL.
Status validate_http_url_or_empty(const ConfigValue& value);

// String list: model names, none empty, none twice.
Status validate_model_names(const ConfigValue& value);

// Number: 0 to 2 (the OpenAI range).
Status validate_temperature(const ConfigValue& value);

// Integer: 1 to 1000000.
Status validate_max_tokens(const ConfigValue& value);

// Number: seconds, more than 0 and at most 3600.
Status validate_timeout_seconds(const ConfigValue& value);

// Integer: bytes of patch text, 0 to 16 MiB.
Status validate_patch_bytes(const ConfigValue& value);

// Integer: 1 to 64.
Status validate_concurrency(const ConfigValue& value);

}  // namespace infradigest
