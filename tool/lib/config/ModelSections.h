//===- ModelSections.h - sinks/transforms/propagators/consent_checks -*- C++ -*-===//
//
// The four model sections share one schema in .pdflow.yaml and in the
// library model files (annotations/models/*.yaml); both read them here.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_CONFIG_MODELSECTIONS_H
#define PDFLOW_LIB_CONFIG_MODELSECTIONS_H

#include "YamlReader.h"
#include "pdflow/config/Config.h"

namespace pdflow {

/// "sinks", "transforms", "propagators", "consent_checks".
std::vector<std::string> modelSectionKeys();

/// Reads the model sections of Top into Out, tagging each model with Origin.
/// An entry with a problem in a required key is dropped; a bad optional
/// value is reported and left unset.
void readModelSections(yaml::MapReader &Top, const Taxonomy &Tax, ModelOrigin Origin,
                       ModelSet &Out);

} // namespace pdflow

#endif
