#include "store/database.h"

#include <sqlite3.h>

#include <filesystem>

#include "store/migrations.h"

namespace infradigest {

namespace {
Error sqlite_error(sqlite3* db, const std::string& what) {
  return make_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
}  // namespace

void SqlStatement::finalize(sqlite3_stmt* stmt) { sqlite3_finalize(stmt); }

SqlStatement& SqlStatement::bind(int index, const std::optional<std::string>& value) {
  if (value)
    sqlite3_bind_text(stmt_.get(), index, value->data(), static_cast<int>(value->size()),
                      SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

SqlStatement& SqlStatement::bind(int index, const std::string& value) {
  return bind(index, std::optional<std::string>(value));
}

SqlStatement& SqlStatement::bind(int index, std::optional<long long> value) {
  if (value)
    sqlite3_bind_int64(stmt_.get(), index, *value);
  else
    sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

SqlStatement& SqlStatement::bind_real(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}

SqlStatement& SqlStatement::bind(int index, std::optional<int> value) {
  return bind(index, value ? std::optional<long long>(*value) : std::nullopt);
}

Result<bool> SqlStatement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, std::string("SQL step failed (") + sqlite3_sql(stmt_.get()) + ")");
}

Status SqlStatement::run() {
  for (;;) {
    auto more = step();
    if (!more) return more.error();
    if (!*more) break;
  }
  reset();
  return {};
}

Status SqlStatement::for_each_row(const std::function<Status()>& on_row) {
  for (;;) {
    auto more = step();
    if (!more) return more.error();
    if (!*more) break;
    if (auto s = on_row(); !s) {
      reset();
      return s;
    }
  }
  reset();
  return {};
}

void SqlStatement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::optional<std::string> SqlStatement::text(int column) const {
  if (sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL) return std::nullopt;
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::optional<long long> SqlStatement::integer(int column) const {
  if (sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_.get(), column);
}

std::optional<double> SqlStatement::real(int column) const {
  if (sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt_.get(), column);
}

void Database::close(sqlite3* db) { sqlite3_close_v2(db); }

Result<Database> Database::open(const std::string& path) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return make_error("cannot create folder " + parent.string() + ": " + ec.message());
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, path);
  if (rc != SQLITE_OK) return sqlite_error(raw, "cannot open database " + path);
  sqlite3_busy_timeout(raw, 5000);
  if (auto s = db.exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"); !s) {
    if (sqlite3_errcode(raw) == SQLITE_NOTADB)
      return make_error(path + ": file is not a database (not an SQLite file): check --db or the 'db' setting");
    return s.error().with_context("database " + path);
  }
  auto migrated = migrate(db);
  if (!migrated) return migrated.error().with_context("database " + path);
  return db;
}

Status Database::exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return {};
  std::string text = message ? message : "unknown error";
  sqlite3_free(message);
  return make_error("SQL failed: " + text);
}

Result<SqlStatement> Database::prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return sqlite_error(db_.get(), "cannot prepare SQL (" + sql + ")");
  return SqlStatement(db_.get(), stmt);
}

long long Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }

Result<Transaction> Transaction::begin(Database& db) {
  INFRADIGEST_TRY(db.exec("BEGIN IMMEDIATE"));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  // The guard stays until COMMIT succeeded: a COMMIT that fails (a deferred
  // constraint, SQLITE_BUSY, a full disk) leaves the transaction open, and
  // the destructor rolls it back instead of leaving it to the next statement.
  INFRADIGEST_TRY(db_->exec("COMMIT"));
  db_ = nullptr;
  return {};
}

}  // namespace infradigest
