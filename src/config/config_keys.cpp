// THE key table. To add a setting: add the field (with its default) to Config
// in config.h, then one entry here. Order here is the order of `config show`.
#include "config/config_keys.h"

#include "config/config_validators.h"

namespace infradigest {
namespace {

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
     .validate = validate_not_empty},
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
};

}  // namespace

std::span<const ConfigKey> config_keys() { return kConfigKeys; }

}  // namespace infradigest
