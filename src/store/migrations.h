// Ordered schema migrations, tracked by PRAGMA user_version. A migration,
// once released, is never edited: new changes append a new step.
// The schema is described in prose in docs/schema.md.
#pragma once

#include "core/result.h"

namespace infradigest {

class Database;

// The schema version this build writes.
int current_schema_version();

// Applies every step above the database's user_version, each in its own
// transaction. A database newer than this build is an error (no downgrade).
Status migrate(Database& db);

}  // namespace infradigest
