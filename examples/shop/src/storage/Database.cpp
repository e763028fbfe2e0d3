#include "storage/Database.h"

#include <fmt/format.h>

namespace shop::storage {
namespace {

// Kept with the code so that a fresh in-memory database is usable at once.
constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS customers (
  id              INTEGER PRIMARY KEY,
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  email           TEXT NOT NULL UNIQUE,
  phone           TEXT,
  street          TEXT,
  postal_code     TEXT,
  city            TEXT,
  country         TEXT,
  password_hash   TEXT NOT NULL,
  analytics_id    TEXT NOT NULL,
  dietary_notes   TEXT,           -- FieldCipher ciphertext
  last_login_ip   TEXT,
  last_login_at   INTEGER
);
CREATE TABLE IF NOT EXISTS orders (
  id                    INTEGER PRIMARY KEY,
  customer_id           INTEGER NOT NULL REFERENCES customers(id),
  status                TEXT NOT NULL,
  total_cents           INTEGER NOT NULL,
  ship_street           TEXT,
  ship_postal_code      TEXT,
  ship_city             TEXT,
  ship_country          TEXT,
  delivery_instructions TEXT,
  packing_note          TEXT,
  charge_id             TEXT
);
CREATE TABLE IF NOT EXISTS invoices (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES orders(id),
  billed_name     TEXT NOT NULL,
  billed_address  TEXT NOT NULL,
  total_cents     INTEGER NOT NULL,
  issued_at       INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS support_tickets (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  reply_to        TEXT NOT NULL,
  health_note     TEXT,
  assignee_id     INTEGER
);
CREATE TABLE IF NOT EXISTS login_events (
  customer_id     INTEGER NOT NULL,
  ip              TEXT NOT NULL,
  city            TEXT,
  coordinates     TEXT,
  risk            INTEGER NOT NULL,
  at              INTEGER NOT NULL
);
)sql";

} // namespace

Statement::Statement(sqlite3 *db, std::string_view sql) : db_(db) {
  sqlite3_stmt *raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK)
    throw DatabaseError(fmt::format("prepare failed: {}", sqlite3_errmsg(db)));
  stmt_.reset(raw);
}

Statement &Statement::bind(int index, const std::string &value) {
  if (sqlite3_bind_text(stmt_.get(), index, value.c_str(), static_cast<int>(value.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK)
    throw DatabaseError(fmt::format("bind {} failed: {}", index, sqlite3_errmsg(db_)));
  return *this;
}

Statement &Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK)
    throw DatabaseError(fmt::format("bind {} failed: {}", index, sqlite3_errmsg(db_)));
  return *this;
}

Statement &Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW)
    return true;
  if (rc == SQLITE_DONE)
    return false;
  throw DatabaseError(fmt::format("step failed: {}", sqlite3_errmsg(db_)));
}

void Statement::run() {
  while (step()) {
  }
}

std::string Statement::columnText(int index) const {
  const unsigned char *text = sqlite3_column_text(stmt_.get(), index);
  return text ? reinterpret_cast<const char *>(text) : std::string();
}

std::int64_t Statement::columnInt(int index) const {
  return sqlite3_column_int64(stmt_.get(), index);
}

Database::Database(const std::string &path) {
  sqlite3 *raw = nullptr;
  const int rc = sqlite3_open(path.c_str(), &raw);
  db_.reset(raw);
  if (rc != SQLITE_OK)
    throw DatabaseError(fmt::format("cannot open {}: {}", path, sqlite3_errmsg(raw)));
  exec("PRAGMA foreign_keys = ON;");
}

void Database::exec(const std::string &sql) {
  char *error = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw DatabaseError(message);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_.get(), sql); }

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }

void Database::migrate() { exec(kSchema); }

} // namespace shop::storage
