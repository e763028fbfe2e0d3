#ifndef PDFLOW_SUPPORT_EMBEDDEDFILE_H
#define PDFLOW_SUPPORT_EMBEDDEDFILE_H

#include <string>
#include <vector>

namespace pdflow {

/// A data file compiled into the binary (see cmake/EmbedFiles.cmake).
struct EmbeddedFile {
  std::string Name;
  std::string Text;
};

/// annotations/taxonomy.yaml.
std::vector<EmbeddedFile> builtinTaxonomyFiles();
/// annotations/models/*.yaml, sorted by name.
std::vector<EmbeddedFile> builtinModelFiles();
/// docs/rules/<rule>.md, one per rule (the index is not included).
std::vector<EmbeddedFile> ruleDocFiles();

} // namespace pdflow

#endif
