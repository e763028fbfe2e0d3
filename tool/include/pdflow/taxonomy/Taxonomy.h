#ifndef PDFLOW_TAXONOMY_TAXONOMY_H
#define PDFLOW_TAXONOMY_TAXONOMY_H

#include "pdflow/support/Diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pdflow {

/// A personal-data category, e.g. contact.email. Categories form a tree by
/// Parent; flags are inherited from ancestors (see Taxonomy::isSpecial).
struct Category {
  std::string Id;
  std::string Parent; // empty for a root
  std::string Label;  // "E-mail address"
  bool Special = false;   // Art. 9(1) special category
  bool Criminal = false;  // Art. 10 criminal convictions and offences
  bool Protected = false; // credentials and payment data (Art. 32 at rest)
  SourceLoc Loc;          // where it was declared (builtin or config)
  std::string LabelFr;    // "Adresse électronique"; empty: not translated
  std::string Group;      // CategoryGroup id as written; see Taxonomy::groupOf
};

/// How the register groups categories: the rows of the CNIL's record
/// template ("État civil, identité...", "Vie personnelle", "Données de
/// connexion"...), in the template's order.
struct CategoryGroup {
  std::string Id;
  std::string Label;
  std::string LabelFr;
  SourceLoc Loc;
};

/// A simple named taxonomy entry: purpose, data subject, legal basis, Art. 9(2)
/// condition.
struct TaxonomyTerm {
  std::string Id;
  std::string Label;
  std::string Article; // "6(1)(b)" for a legal basis, "9(2)(a)" for a condition
  SourceLoc Loc;
  std::string LabelFr;
  /// Purposes only: the Art. 35 screening criterion the purpose meets
  /// ("profiling" or "monitoring", EDPB WP248); empty for none.
  std::string Dpia;
};

enum class Adequacy {
  None,       // third country, no adequacy decision
  Full,       // adequacy decision for all transfers (Art. 45)
  Framework,  // adequacy only for certified recipients (EU-US DPF): needs safeguard dpf
  Commercial, // adequacy only for commercial organisations (Canada)
};

struct Country {
  std::string Code; // ISO 3166-1 alpha-2, upper case
  std::string Name;
  bool EEA = false;
  Adequacy Adequate = Adequacy::None;
  /// Other spellings people write ("UK" for GB, "EL" for GR); only used to
  /// suggest the right code, never accepted as one.
  std::vector<std::string> Aliases;
  std::string NameFr;
};

/// "none", "full", "framework", "commercial" (the spelling in taxonomy.yaml).
const char *adequacyName(Adequacy A);
std::optional<Adequacy> parseAdequacy(const std::string &Text);

/// The Art. 35 screening criteria a purpose may carry (`dpia:`).
std::vector<std::string> dpiaCriterionNames(); // "monitoring", "profiling"

/// Extensions a project declares in .pdflow.yaml `taxonomy:`.
struct TaxonomyExtension {
  std::vector<Category> Categories;
  std::vector<TaxonomyTerm> Purposes;
  std::vector<TaxonomyTerm> Subjects;
};

/// The vocabulary pdflow checks annotations against: categories, purposes,
/// data subjects, legal bases, Art. 9(2) conditions and countries. The
/// built-in one is annotations/taxonomy.yaml, compiled into the binary.
class Taxonomy {
public:
  /// The built-in taxonomy. Never fails in a correct build.
  static Taxonomy builtin();
  /// Parses a taxonomy YAML document; errors go to Diags with file:line:col.
  static std::optional<Taxonomy> parse(const std::string &Yaml,
                                       const std::string &FileName,
                                       DiagnosticList &Diags);

  /// Adds a project's categories, purposes and subjects. An id already
  /// present, or a parent that does not exist, is an error at its location.
  /// A category given without Parent lies under its dotted prefix
  /// ("contact.work_email" under "contact"); one without a dot is a root.
  void extend(const TaxonomyExtension &Ext, DiagnosticList &Diags);

  const Category *category(const std::string &Id) const;
  const TaxonomyTerm *purpose(const std::string &Id) const;
  const TaxonomyTerm *subject(const std::string &Id) const;
  const TaxonomyTerm *legalBasis(const std::string &Id) const;
  const TaxonomyTerm *specialCondition(const std::string &Id) const;
  /// By ISO code, case-insensitive.
  const Country *country(const std::string &Code) const;
  const CategoryGroup *group(const std::string &Id) const;
  /// The groups in the order they are declared (the CNIL template's order).
  const std::vector<CategoryGroup> &groups() const { return Groups; }
  /// The group of a category: its own, else its nearest ancestor's, else
  /// "other".
  std::string groupOf(const std::string &CategoryId) const;

  /// True when Id is Ancestor or lies below it in the tree.
  bool isWithin(const std::string &Id, const std::string &Ancestor) const;
  bool isSpecial(const std::string &Id) const;   // Art. 9, inherited
  bool isCriminal(const std::string &Id) const;  // Art. 10, inherited
  bool isProtected(const std::string &Id) const; // credentials/payment, inherited

  std::vector<std::string> categoryIds() const; // sorted
  std::vector<std::string> purposeIds() const;
  std::vector<std::string> subjectIds() const;
  std::vector<std::string> legalBasisIds() const;
  std::vector<std::string> specialConditionIds() const;
  std::vector<std::string> countryCodes() const;

private:
  std::map<std::string, Category> Categories;
  std::map<std::string, TaxonomyTerm> Purposes;
  std::map<std::string, TaxonomyTerm> Subjects;
  std::map<std::string, TaxonomyTerm> LegalBases;
  std::map<std::string, TaxonomyTerm> SpecialConditions;
  std::map<std::string, Country> Countries;
  std::vector<CategoryGroup> Groups;
};

} // namespace pdflow

#endif
