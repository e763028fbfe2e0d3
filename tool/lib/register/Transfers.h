//===- Transfers.h - Transfers outside the EEA, Art. 44-49 -------*- C++ -*-===//
//
// Which sink countries make a transfer, and what covers it. The register
// states the facts; the third-country-transfer rule judges them, with the
// same reading of taxonomy.yaml's adequacy list.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_REGISTER_TRANSFERS_H
#define PDFLOW_LIB_REGISTER_TRANSFERS_H

#include "pdflow/config/Config.h"
#include "pdflow/taxonomy/Taxonomy.h"

#include <string>

namespace pdflow {

/// True when data sent to Country leaves the EEA (a country pdflow does not
/// know counts as outside); false for no country at all.
bool isTransfer(const Taxonomy &Tax, const std::string &Country);

struct TransferBasis {
  bool Adequacy = false; // an adequacy decision (Art. 45) covers it
  bool Covered = false;  // adequacy, or a safeguard valid for the country
};

/// What covers a transfer to Country under the sink's declared safeguard:
/// a full (or commercial) adequacy decision; under the EU-US framework, dpf;
/// anywhere, standard contractual clauses, binding corporate rules or an
/// Art. 49 derogation.
TransferBasis assessTransfer(const Taxonomy &Tax, const std::string &Country, Safeguard Guard);

} // namespace pdflow

#endif
