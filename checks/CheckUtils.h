// Shared vocabulary of the checks: looking things up in the Model and the
// phrases every message uses, so that all rules word the same things alike.
#ifndef PDFLOW_CHECKS_CHECKUTILS_H
#define PDFLOW_CHECKS_CHECKUTILS_H

#include "pdflow/model/Model.h"

#include <string>
#include <string_view>
#include <vector>

namespace pdflow {

const ActivityDecl *findActivity(const Model &M, const std::string &Id);

bool hasTransform(const Flow &F, TransformEffect E);
/// Anonymized data is no longer personal data (Recital 26): flow rules skip it.
bool isAnonymized(const Flow &F);

/// True when Category is Ancestor or below it, for any of Ancestors.
bool isWithinAny(const Taxonomy *Tax, const std::string &Category,
                 const std::vector<std::string> &Ancestors);

/// True for the three flags that make data sensitive for Art. 9, 10 and 32.
bool isSpecialOrCriminal(const Taxonomy *Tax, const std::string &Category);

/// "a, b ;c" -> {"a", "b", "c"}: an option's list, written comma-separated
/// or as a YAML list (which the config loader joins with ';'), trimmed, empty
/// items dropped.
std::vector<std::string> splitList(std::string_view Text);

/// "'x'".
std::string quote(std::string_view S);
/// "a, b, c".
std::string join(const std::vector<std::string> &Items, std::string_view Sep = ", ");
/// "'a', 'b'".
std::string joinQuoted(const std::vector<std::string> &Items);

/// "personal data 'contact.email' (shop::Customer::email)"; Noun replaces
/// "personal data" (e.g. "special-category data").
std::string dataPhrase(const DataElement &E, std::string_view Noun = "personal data");
/// "special-category data", "criminal-offence data", "credential or payment
/// data" or "personal data", from the category's flags.
std::string dataNoun(const Taxonomy *Tax, const std::string &Category);

/// "log sink 'spdlog::info'", "third-party sink 'stripe::charge' (recipient
/// 'Stripe', US)".
std::string sinkPhrase(const SinkRef &S);

/// " under activity 'billing'", " under activities 'a', 'b'", or "".
std::string activitiesPhrase(const std::vector<std::string> &Activities);

/// " inside a whole object" when the element reached the sink inside one.
std::string wholeObjectPhrase(const Flow &F);

/// " (GDPR Art. 5(1)(f), 32)".
std::string gdpr(std::string_view Articles);

} // namespace pdflow

#endif
