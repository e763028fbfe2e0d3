//===- Views.h - Phrasing register entries for people ------------*- C++ -*-===//
//
// What the Markdown, HTML, CSV and XLSX writers say the same way: categories
// grouped as the CNIL template groups them, a recipient with its country,
// a transfer with its safeguard, the summary table's columns.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_REGISTER_VIEWS_H
#define PDFLOW_LIB_REGISTER_VIEWS_H

#include "Labels.h"

#include <string>
#include <vector>

namespace pdflow {

/// An activity's categories under one CNIL group, in the template's order.
struct CategoryGroupView {
  std::string Group; // group id
  std::vector<const RegisterCategory *> Categories;
};
std::vector<CategoryGroupView> groupCategories(const RegisterActivity &A, const Taxonomy &Tax);

/// Special-category and criminal categories of the activity.
std::vector<const RegisterCategory *> sensitiveCategories(const RegisterActivity &A,
                                                          const Taxonomy &Tax);

/// "Claire Dubois <dpo@acme.example>"; "" for none.
std::string partyText(const std::optional<Party> &P);

/// "Mailchimp, United States (US), standard contractual clauses (...)" for
/// a recipient outside the controller; "storage: shop::db::insert" for a
/// system.
std::string recipientText(const RegisterRecipient &R, const Labels &L);

/// "Mailchimp, United States (US): standard contractual clauses (...)".
std::string transferText(const RegisterTransfer &T, const Labels &L);

/// "Encryption: shop::privacy::FieldCipher::encrypt (Health data)".
std::string measureText(const RegisterMeasure &M, const Labels &L);

/// "likely required: special categories of data (Art. 9): Health data" or
/// "not indicated".
std::string dpiaText(const DpiaScreening &D, const Labels &L);
/// One reason: "location data: Approximate location".
std::string dpiaReasonText(const DpiaReason &R, const Labels &L);

/// "E-mail address: 3 years (P3Y) (derived from code)", with every value
/// when they differ, each with where it comes from.
std::string categoryRetentionText(const RegisterCategory &C, const Labels &L);

/// "E-mail address: app::save::v (key "email" at src/Db.cpp:42:7,
/// confidence 85): PDFLOW_DATA(contact.email) before src/Db.cpp:40:3".
std::string toConfirmText(const ToConfirmCategory &C, const Labels &L);

/// Labels of Items through F, in order.
template <typename T, typename F>
std::vector<std::string> mapLabels(const std::vector<T> &Items, F &&Label) {
  std::vector<std::string> Out;
  for (const T &Item : Items)
    Out.push_back(Label(Item));
  return Out;
}

/// Art. 30(2)(b)-(d) for one controller a processor acts for: the
/// categories of processing ("Support: Customer support"), the transfers and
/// the security measures (declared, then applied in the code) of the
/// activities carried out for it.
struct ProcessorRecordView {
  const RegisterClientController *Controller = nullptr;
  std::vector<std::string> Processing;
  std::vector<std::string> Transfers;
  std::vector<std::string> Measures;
};
std::vector<ProcessorRecordView> processorRecord(const Register &R, const Labels &L);

/// The register's one-row-per-activity table, in the CNIL template's
/// section order (identification, actors, purposes, categories, retention,
/// subjects, recipients, security measures, transfers), then pdflow's
/// screening and missing fields. Shared by the CSV and the XLSX summary.
struct SummaryTable {
  std::vector<std::string> Header;
  std::vector<std::vector<std::string>> Rows;
};
SummaryTable summaryTable(const Register &R, const Taxonomy &Tax, const Labels &L);

} // namespace pdflow

#endif
