//===- TaxonomyYaml.h - Reading taxonomy entries from YAML ------*- C++ -*-===//
//
// The entry schema shared by annotations/taxonomy.yaml and the `taxonomy:`
// section of .pdflow.yaml, so both read categories, purposes and subjects
// with the same code and the same messages.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_TAXONOMY_TAXONOMYYAML_H
#define PDFLOW_LIB_TAXONOMY_TAXONOMYYAML_H

#include "../config/YamlReader.h"
#include "pdflow/taxonomy/Taxonomy.h"

namespace pdflow {

/// Which keys a taxonomy term entry has and which are required.
struct TermSchema {
  std::string What;           // "purpose": names the entry in messages
  bool LabelRequired = false; // the built-in taxonomy labels everything
  bool WithArticle = false;   // legal bases and Art. 9(2) conditions
  bool WithDpia = false;      // purposes: the Art. 35 screening criterion
};

/// Reads the list under Key of Section, e.g. `categories: [{id: contact.email,
/// label: E-mail address}]`: {id, parent, label, label_fr, group, special,
/// criminal, protected}.
std::vector<Category> readCategories(yaml::MapReader &Section, const std::string &Key,
                                     bool LabelRequired);

/// Reads the list under Key of Section: {id, label, label_fr} (and article,
/// dpia).
std::vector<TaxonomyTerm> readTerms(yaml::MapReader &Section, const std::string &Key,
                                    const TermSchema &Schema);

/// Reads `categories`, `purposes` and `subjects` of Section into Ext.
void readExtension(yaml::MapReader &Section, TaxonomyExtension &Ext, bool LabelRequired);

} // namespace pdflow

#endif
