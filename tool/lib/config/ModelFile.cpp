// Library model files (annotations/models/*.yaml): the model sections of a
// config and nothing else.
#include "pdflow/config/Config.h"

#include "ModelSections.h"
#include "YamlReader.h"
#include "pdflow/support/EmbeddedFile.h"

namespace pdflow {

std::optional<ModelSet> parseModelFile(const std::string &Yaml, const std::string &FileName,
                                       const Taxonomy &Tax, DiagnosticList &Diags) {
  yaml::YamlFile File(FileName, Diags);
  std::optional<YAML::Node> Doc = yaml::parseDocument(Yaml, File);
  if (!Doc)
    return std::nullopt;
  ModelSet Models;
  if (yaml::isAbsent(*Doc) || !yaml::expectMap(File, *Doc, "at the top level of the model file"))
    return Models;
  yaml::MapReader Top(File, *Doc, "model file", modelSectionKeys());
  readModelSections(Top, Tax, ModelOrigin::Builtin, Models);
  return Models;
}

ModelSet builtinModels(const Taxonomy &Tax, DiagnosticList &Diags) {
  ModelSet All;
  for (const EmbeddedFile &F : builtinModelFiles())
    if (auto Models = parseModelFile(F.Text, "<builtin>/models/" + F.Name, Tax, Diags))
      All.append(*Models);
  return All;
}

} // namespace pdflow
