//===- TermLookup.h - "unknown category 'x'; did you mean 'y'?" -*- C++ -*-===//
//
// One place that phrases unknown-taxonomy-id problems, so the config, the
// model files and the annotation parser say the same thing.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_TAXONOMY_TERMLOOKUP_H
#define PDFLOW_LIB_TAXONOMY_TERMLOOKUP_H

#include "pdflow/taxonomy/Taxonomy.h"

#include <optional>
#include <string>

namespace pdflow {

enum class TermKind { Category, Purpose, Subject, LegalBasis, SpecialCondition, Country };

/// The noun used in messages: "category", "purpose", "data subject",
/// "legal basis", "special-category condition", "country code".
const char *termKindNoun(TermKind K);

/// Nullopt when Id names a known entry of kind K; otherwise the complete
/// problem, e.g. "unknown category 'contact.emial'; did you mean
/// 'contact.email'?". Countries are suggested by name or alias as well
/// ("unknown country code 'UK'; did you mean 'GB'?").
std::optional<std::string> unknownTerm(const Taxonomy &Tax, TermKind K, const std::string &Id);

} // namespace pdflow

#endif
