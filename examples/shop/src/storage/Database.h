// A small RAII layer over sqlite3: one connection, prepared statements, and
// the schema.
#ifndef SHOP_STORAGE_DATABASE_H
#define SHOP_STORAGE_DATABASE_H

#include <pdflow/annotations.h>

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace shop::storage {

class DatabaseError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// A prepared statement. Parameters are 1-based, as in SQL.
class Statement {
public:
  Statement(sqlite3 *db, std::string_view sql);
  Statement(Statement &&) noexcept = default;
  Statement &operator=(Statement &&) noexcept = default;

  /// Binds a text parameter. Whatever is bound is written to the database.
  PDFLOW_SINK(storage, args = 1)
  Statement &bind(int index, const std::string &value);
  Statement &bind(int index, std::int64_t value);
  Statement &bindNull(int index);

  /// Runs one step: true while it yields a row.
  bool step();
  /// Runs a statement that returns no rows.
  void run();

  std::string columnText(int index) const;
  std::int64_t columnInt(int index) const;

private:
  struct Finalize {
    void operator()(sqlite3_stmt *stmt) const { sqlite3_finalize(stmt); }
  };
  sqlite3 *db_;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
};

class Database {
public:
  /// Opens (or creates) the database; ":memory:" for a private in-memory one.
  explicit Database(const std::string &path);

  /// Runs one or more SQL statements that take no parameters.
  void exec(const std::string &sql);
  Statement prepare(std::string_view sql);
  std::int64_t lastInsertId() const;

  /// Creates the tables if they do not exist.
  void migrate();

  sqlite3 *handle() const { return db_.get(); }

private:
  struct Close {
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
  };
  std::unique_ptr<sqlite3, Close> db_;
};

} // namespace shop::storage

#endif // SHOP_STORAGE_DATABASE_H
