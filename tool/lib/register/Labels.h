//===- Labels.h - The register's words in the reader's language -*- C++ -*-===//
//
// Headings (RegisterText.def) and the taxonomy's labels in English or
// French, shared by every writer for people (Markdown, HTML, CSV, XLSX, DOT).
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_REGISTER_LABELS_H
#define PDFLOW_LIB_REGISTER_LABELS_H

#include "pdflow/register/RegisterWriters.h"

#include <string>

namespace pdflow {

enum class Text {
#define PDFLOW_TEXT(Id, En, Fr) Id,
#include "RegisterText.def"
};

class Labels {
public:
  Labels(const Taxonomy &Tax, RegisterLang Lang) : Tax(Tax), Lang(Lang) {}

  RegisterLang lang() const { return Lang; }
  const char *text(Text T) const;

  /// Taxonomy labels, falling back to the id for an entry without one.
  std::string category(const std::string &Id) const;
  std::string group(const std::string &Id) const;
  std::string purpose(const std::string &Id) const;
  std::string subject(const std::string &Id) const;
  /// "Performance of a contract (Art. 6(1)(b))".
  std::string legalBasis(const std::string &Id) const;
  /// "Explicit consent (Art. 9(2)(a))".
  std::string specialCondition(const std::string &Id) const;
  /// "United States (US)"; the code alone when pdflow does not know it.
  std::string country(const std::string &Code) const;

  std::string sinkKind(SinkKind K) const;
  std::string recipientClass(RecipientClass C) const;
  std::string provenance(Provenance P) const;
  std::string effect(TransformEffect E) const;
  std::string evidenceKind(Evidence::Kind K) const;
  std::string safeguard(Safeguard G) const;
  /// How a transfer is covered: "adequacy decision (Art. 45)", "standard
  /// contractual clauses (Art. 46(2)(c))", or "no safeguard".
  std::string transferBasis(const RegisterTransfer &T) const;
  std::string dpiaCriterion(const std::string &Criterion) const;
  /// "P3Y" as "3 years (P3Y)"; other text as written.
  std::string duration(const std::string &Iso) const;
  /// The period; "missing" when none is given for data that is kept, "not
  /// kept" for data that never reaches storage or an export.
  std::string retention(const RetentionValue &R, bool Stored = true) const;
  /// "legal basis (Art. 6(1))", "retention period: location.approximate
  /// (Art. 30(1)(f))".
  std::string missingField(const MissingField &F) const;
  /// "Art. 6(1)" or "art. 6(1)".
  std::string article(const std::string &Number) const;

private:
  const Taxonomy &Tax;
  RegisterLang Lang;
};

} // namespace pdflow

#endif
