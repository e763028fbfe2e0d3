//===- SqlColumns.h - The columns a SQL string literal names ----*- C++ -*-===//
//
// Discovery reads the column lists of SQL statements written as string
// literals (`INSERT INTO users(email, name) VALUES(?, ?)`, `SELECT email
// FROM users`): a column named `email` says what the value bound to it, or
// read from it, is. Only what maps a value to its column without doubt is
// kept: positional placeholders of an INSERT, plain columns of a SELECT.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_DISCOVERY_SQLCOLUMNS_H
#define PDFLOW_DISCOVERY_SQLCOLUMNS_H

#include <map>
#include <optional>
#include <string>

namespace pdflow {

struct SqlColumns {
  enum class Kind { Insert, Select };
  Kind What = Kind::Insert;
  std::string Table; // as written, without quotes; "" when not known
  /// Insert: placeholder number (1-based, as sqlite3_bind_* counts) -> the
  /// column it fills. Select: result column (0-based, as sqlite3_column_*
  /// counts) -> the column it reads.
  std::map<int, std::string> Columns;
};

/// The columns of an `INSERT [OR ...] INTO t(c, ...) VALUES(...)` or a
/// `SELECT c, ... FROM t` statement; nullopt for any other text. A value
/// of the VALUES list that is not `?` or `?NNN` maps no placeholder (the
/// others keep theirs); a selected expression that is not a plain column
/// (`count(*)`, `a || b`, `*`) maps no result column.
std::optional<SqlColumns> parseSqlColumns(const std::string &Sql);

} // namespace pdflow

#endif
