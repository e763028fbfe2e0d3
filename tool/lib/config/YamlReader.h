//===- YamlReader.h - Reading YAML with located, friendly errors -*- C++ -*-===//
//
// A thin layer over yaml-cpp shared by the taxonomy, the .pdflow.yaml config
// and the library model files: every problem becomes a Diagnostic at the
// node's 1-based file:line:col, in Clang's style (lowercase, no final period),
// naming the key and, where it helps, the allowed values and a "did you mean".
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_CONFIG_YAMLREADER_H
#define PDFLOW_LIB_CONFIG_YAMLREADER_H

#include "pdflow/support/Diagnostics.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace pdflow::yaml {

/// The document being read and where its problems go.
class YamlFile {
public:
  YamlFile(std::string FileName, DiagnosticList &Diags)
      : FileName(std::move(FileName)), Diags(Diags) {}

  /// The 1-based location of N; the whole file when N carries no mark.
  SourceLoc loc(const YAML::Node &N) const;
  void error(SourceLoc Loc, std::string Message) {
    Diags.error(std::move(Loc), std::move(Message));
  }
  void error(const YAML::Node &N, std::string Message) { error(loc(N), std::move(Message)); }
  const std::string &name() const { return FileName; }
  DiagnosticList &diags() { return Diags; }

private:
  std::string FileName;
  DiagnosticList &Diags;
};

/// Parses Text. A syntax error is reported at its line:col and yields nullopt.
std::optional<YAML::Node> parseDocument(const std::string &Text, YamlFile &File);

/// A scalar value and where it was written.
struct Scalar {
  std::string Text;
  SourceLoc Loc;
};

/// True for a missing key or a YAML null (`~`, `null`, nothing).
bool isAbsent(const YAML::Node &N);

/// One YAML mapping being read, e.g. an activity. The constructor reports
/// every key not in Keys ("unknown key 'purpose' in activity; did you mean
/// 'purposes'?") and every duplicate key; the getters report wrong types.
/// A missing key or a null value reads as absent.
class MapReader {
public:
  /// What names the mapping in messages ("activity"). An empty Keys accepts
  /// any key (the caller walks them with entries()).
  MapReader(YamlFile &File, const YAML::Node &Map, std::string What, std::vector<std::string> Keys);

  YamlFile &file() { return File; }
  SourceLoc loc() const { return File.loc(Map); }
  const std::string &what() const { return What; }

  /// The value of Key: an undefined node when missing or not allowed.
  YAML::Node get(const std::string &Key) const;
  bool has(const std::string &Key) const { return !isAbsent(get(Key)); }
  /// The location of Key's value (of the mapping when it is absent).
  SourceLoc valueLoc(const std::string &Key) const;

  /// A scalar value; a list or mapping is an error ("expected a string for
  /// 'name'").
  std::optional<Scalar> scalar(const std::string &Key);
  /// Like scalar(), but a missing key is an error ("missing 'id' in activity").
  std::optional<Scalar> required(const std::string &Key);
  std::optional<std::string> string(const std::string &Key);
  /// true or false (YAML 1.2 core spellings only).
  std::optional<bool> boolean(const std::string &Key);
  /// A non-negative integer.
  std::optional<unsigned> index(const std::string &Key);
  /// A list of scalars. A scalar given where a list is expected is an error
  /// ("expected a list for 'purposes'"), as is a non-scalar item.
  std::optional<std::vector<Scalar>> scalarList(const std::string &Key);
  /// A list of anything: the caller checks the items.
  std::optional<std::vector<YAML::Node>> list(const std::string &Key);

  /// The keys and values in document order, duplicates removed.
  const std::vector<std::pair<Scalar, YAML::Node>> &entries() const { return Entries; }

private:
  YamlFile &File;
  YAML::Node Map;
  std::string What;
  std::vector<std::pair<Scalar, YAML::Node>> Entries;
};

/// True when N is a mapping; otherwise reports "expected a mapping <Where>"
/// (Where: "for 'controller'", "in 'activities'").
bool expectMap(YamlFile &File, const YAML::Node &N, const std::string &Where);

/// The value of a scalar node, or an error "expected a string <Where>".
std::optional<Scalar> expectScalar(YamlFile &File, const YAML::Node &N, const std::string &Where);

/// Checks the optional `version` key of a pdflow file: it must be 1.
void checkVersion(MapReader &R);

/// Parses a non-negative integer (decimal digits only).
std::optional<unsigned> parseIndex(const std::string &Text);

/// "<What> must be one of log, export, storage; got 'logs'".
std::string oneOfMessage(const std::string &What, const std::vector<std::string> &Allowed,
                         const std::string &Got);
/// "'kind' must be one of log, export, storage; got 'logs'".
std::string mustBeOneOf(const std::string &Key, const std::vector<std::string> &Allowed,
                        const std::string &Got);

} // namespace pdflow::yaml

#endif
