//===- YamlText.h - Writing YAML scalars that read back as written -*- C++ -*-===//
#ifndef PDFLOW_LIB_REGISTER_YAMLTEXT_H
#define PDFLOW_LIB_REGISTER_YAMLTEXT_H

#include <string>
#include <vector>

namespace pdflow::yamltext {

/// S as a YAML scalar: plain when every YAML reader reads it back as the
/// same string (an identifier, a path, words), double-quoted with escapes
/// otherwise. InFlow: inside [...] or {...}, where ", " ends a plain scalar.
/// Invalid UTF-8 is repaired first.
std::string scalar(const std::string &S, bool InFlow = false);

/// [a, b, c] with each item as a flow scalar.
std::string flowList(const std::vector<std::string> &Items);

} // namespace pdflow::yamltext

#endif
