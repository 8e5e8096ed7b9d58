// A thin RAII layer over SQLite: a connection, prepared statements, and
// BEGIN IMMEDIATE transactions. Not thread-safe: one Database per thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace infradigest {

class SqlStatement {
 public:
  SqlStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt, &finalize) {}

  // Binds by 1-based index; nullopt binds NULL.
  SqlStatement& bind(int index, const std::optional<std::string>& value);
  SqlStatement& bind(int index, const std::string& value);
  SqlStatement& bind(int index, const char* value) { return bind(index, std::string(value)); }
  SqlStatement& bind(int index, std::optional<long long> value);
  SqlStatement& bind(int index, long long value) { return bind(index, std::optional<long long>(value)); }
  SqlStatement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
  SqlStatement& bind(int index, std::optional<int> value);
  // A REAL, named apart so an integer never binds as one by accident.
  SqlStatement& bind_real(int index, double value);

  // Advances: true when a row is available, false when done.
  Result<bool> step();
  // Runs to completion, ignoring rows.
  Status run();
  // Steps through every row, calling `on_row` for each (it reads the columns);
  // stops at the first error, from SQLite or from `on_row`. Resets afterwards.
  Status for_each_row(const std::function<Status()>& on_row);
  void reset();

  std::optional<std::string> text(int column) const;
  std::string text_or_empty(int column) const { return text(column).value_or(""); }
  std::optional<long long> integer(int column) const;
  std::optional<double> real(int column) const;

 private:
  static void finalize(sqlite3_stmt* stmt);
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt*)> stmt_;
};

class Database {
 public:
  // Opens (creating if needed, with parent folders) and migrates to the
  // current schema. WAL mode, foreign keys on, busy timeout 5 s.
  static Result<Database> open(const std::string& path);

  Status exec(const std::string& sql);
  Result<SqlStatement> prepare(const std::string& sql);
  long long last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db, &close), path_(std::move(path)) {}
  static void close(sqlite3* db);
  std::unique_ptr<sqlite3, void (*)(sqlite3*)> db_;
  std::string path_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so two
// writers wait instead of deadlocking); rolls back unless commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace infradigest
