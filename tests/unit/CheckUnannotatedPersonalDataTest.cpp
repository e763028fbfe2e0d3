#include "CheckTestSupport.h"

#include "pdflow/lexicon/PersonalDataLexicon.h"

using namespace pdflow;
using namespace pdflow::test;

namespace {
const char *const Rule = "unannotated-personal-data";

DeclaredName decl(const std::string &Qualified, const std::string &Type,
                  ElementKind Kind = ElementKind::Field, unsigned Line = 10) {
  DeclaredName D;
  D.QualifiedName = Qualified;
  size_t Colon = Qualified.rfind("::");
  D.Name = Colon == std::string::npos ? Qualified : Qualified.substr(Colon + 2);
  D.Type = Type;
  D.Kind = Kind;
  D.Loc = {"shop.h", Line, 15};
  D.InsertLoc = {"shop.h", Line, 3};
  return D;
}

/// The category suggested for a declaration, "" for none.
std::string suggest(const std::string &Qualified, const std::string &Type) {
  static const Taxonomy Tax = Taxonomy::builtin();
  static const PersonalDataLexicon Lexicon;
  std::optional<LexiconMatch> M = Lexicon.match(decl(Qualified, Type), &Tax);
  return M ? M->Category : "";
}

TEST(UnannotatedPersonalDataTest, FiresWithAFixItAndTheConfigAlternative) {
  TestModel T;
  T.M.Declarations.push_back(decl("shop::Customer::phoneNumber", "std::string"));
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Sev, Severity::Note);
  EXPECT_EQ(F[0].Loc, (SourceLoc{"shop.h", 10, 15}));
  EXPECT_EQ(F[0].Message,
            "'phoneNumber' looks like personal data (contact.phone) but has no annotation; add "
            "PDFLOW_DATA(contact.phone) or list 'shop::Customer::phoneNumber' under data: in "
            ".pdflow.yaml (GDPR Art. 30, 25)");
  ASSERT_EQ(F[0].FixIts.size(), 1u);
  EXPECT_EQ(F[0].FixIts[0], (FixIt{{"shop.h", 10, 3}, 0, "PDFLOW_DATA(contact.phone) "}));
}

TEST(UnannotatedPersonalDataTest, FiresOnATypeThatLooksLikePersonalData) {
  TestModel T;
  T.M.Declarations.push_back(
      decl("shop::Order::primary", "const shop::EmailAddress &", ElementKind::Field));
  DeclaredName NoInsert =
      decl("shop::Order::contact", "std::optional<PhoneNumber>", ElementKind::Field, 20);
  NoInsert.InsertLoc = {};
  T.M.Declarations.push_back(NoInsert);
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Message,
            "'primary' has type 'const shop::EmailAddress &', which looks like personal data "
            "(contact.email), but has no annotation; add PDFLOW_DATA(contact.email) or list "
            "'shop::Order::primary' under data: in .pdflow.yaml (GDPR Art. 30, 25)");
  EXPECT_EQ(F[1].Message.rfind("'contact' has type 'std::optional<PhoneNumber>'", 0), 0u);
  EXPECT_TRUE(F[1].FixIts.empty());
}

struct Case {
  const char *Qualified;
  const char *Type;
  const char *Category;
};

TEST(UnannotatedPersonalDataTest, RecognisesEnglishFrenchAndGermanWords) {
  const Case Cases[] = {
      {"shop::Customer::email", "std::string", "contact.email"},
      {"shop::Customer::m_email", "QString", "contact.email"},
      {"shop::Customer::e_mail", "const char *", "contact.email"},
      {"shop::Customer::eMail", "std::string_view", "contact.email"},
      {"shop::Customer::emailAddress", "std::string", "contact.email"},
      {"shop::Client::courriel", "std::string", "contact.email"},
      {"shop::Client::adresse_mail", "std::string", "contact.email"},
      {"shop::Customer::userMail", "std::string", "contact.email"},
      {"shop::Customer::phone", "std::string", "contact.phone"},
      {"shop::Customer::telephone", "std::string", "contact.phone"},
      {"shop::Client::numTel", "std::string", "contact.phone"},
      {"shop::Kunde::handyNummer", "std::string", "contact.phone"},
      {"shop::Kunde::telefonnummer", "std::string", "contact.phone"},
      {"shop::Customer::mobileNumber", "uint64_t", "contact.phone"},
      {"shop::Customer::homeAddress", "std::string", "contact.postal_address"},
      {"shop::Customer::address", "std::string", "contact.postal_address"},
      {"shop::Customer::address", "shop::Address", "contact.postal_address"},
      {"shop::Client::adresse", "std::string", "contact.postal_address"},
      {"shop::Kunde::anschrift", "std::string", "contact.postal_address"},
      {"shop::Customer::street", "std::string", "contact.postal_address"},
      {"shop::Customer::zip_code", "std::string", "contact.postal_address"},
      {"shop::Customer::postcode", "std::string", "contact.postal_address"},
      {"shop::Client::code_postal", "std::string", "contact.postal_address"},
      {"shop::Kunde::plz", "int", "contact.postal_address"},
      {"net::Session::ipAddress", "std::string", "online.ip_address"},
      {"net::Session::userIPAddress", "std::string", "online.ip_address"},
      {"net::Session::clientIp", "uint32_t", "online.ip_address"},
      {"net::Session::ipv4Address", "std::string", "online.ip_address"},
      {"net::Session::remoteAddr", "std::string", "online.ip_address"},
      {"shop::Customer::firstName", "std::string", "identity.first_name"},
      {"shop::Client::prenom", "std::string", "identity.first_name"},
      {"shop::Kunde::vorname", "std::string", "identity.first_name"},
      {"shop::Customer::last_name", "std::string", "identity.last_name"},
      {"shop::Customer::surname", "std::string", "identity.last_name"},
      {"shop::Kunde::nachname", "std::string", "identity.last_name"},
      {"shop::Client::nom", "std::string", "identity.last_name"},
      {"shop::Order::nomClient", "std::string", "identity.last_name"},
      {"shop::Order::customerName", "std::string", "identity.name"},
      {"shop::Customer::name", "std::string", "identity.name"},
      {"shop::Order::fullName", "std::string", "identity.name"},
      {"shop::Customer::birthDate", "QDate", "identity.birth_date"},
      {"shop::Customer::date_of_birth", "std::string", "identity.birth_date"},
      {"shop::Customer::dob", "time_t", "identity.birth_date"},
      {"shop::Client::date_naissance", "std::string", "identity.birth_date"},
      {"shop::Kunde::geburtsdatum", "std::string", "identity.birth_date"},
      {"shop::Customer::gender", "std::string", "identity.gender"},
      {"shop::Client::sexe", "char", "identity.gender"},
      {"shop::Kunde::geschlecht", "std::string", "identity.gender"},
      {"shop::Customer::age", "int", "identity.age"},
      {"shop::Customer::ssn", "std::string", "identity.social_security_number"},
      {"shop::Client::nir", "std::string", "identity.social_security_number"},
      {"shop::Kunde::steuer_id", "std::string", "identity.tax_id"},
      {"shop::Customer::passportNumber", "std::string", "identity.passport"},
      {"shop::Customer::iban", "std::string", "financial.bank_account"},
      {"shop::Customer::bic", "std::string", "financial.bank_account"},
      {"shop::Payment::card_number", "std::string", "financial.payment_card"},
      {"shop::Payment::creditCard", "std::string", "financial.payment_card"},
      {"shop::Payment::pan", "char[20]", "financial.payment_card"},
      {"hr::Employee::salary", "double", "professional.salary"},
      {"hr::Salarie::salaire", "long", "professional.salary"},
      {"hr::Mitarbeiter::gehalt", "int", "professional.salary"},
      {"shop::User::password", "std::string", "credentials.password"},
      {"shop::User::passwordConfirmation", "std::string", "credentials.password"},
      {"shop::Utilisateur::mot_de_passe", "std::string", "credentials.password"},
      {"shop::Benutzer::passwort", "std::string", "credentials.password"},
      {"shop::User::pwd", "std::string", "credentials.password"},
      {"shop::User::passwordHash", "std::string", "credentials.password_hash"},
      {"shop::User::username", "std::string", "online.username"},
      {"clinic::Patient::allergies", "std::vector<std::string>", "special.health"},
      {"clinic::Patient::diagnosis", "std::string", "special.health"},
      {"clinic::Patient::healthRecord", "std::string", "special.health"},
      {"clinic::Patient::sante", "std::string", "special.health"},
      {"clinic::Patient::gesundheit", "std::string", "special.health"},
      {"clinic::Patient::bloodType", "std::string", "special.health"},
      {"shop::Customer::religion", "std::string", "special.religious_beliefs"},
      {"shop::Customer::ethnicity", "std::string", "special.racial_ethnic_origin"},
      {"shop::Customer::race", "std::string", "special.racial_ethnic_origin"},
      {"shop::Customer::sexualOrientation", "std::string", "special.sex_life"},
      {"shop::Customer::fingerprint", "std::string", "special.biometric"},
      {"hr::Candidate::criminalRecord", "std::string", "criminal.convictions"},
      {"app::Trip::latitude", "double", "location.precise"},
      {"app::Trip::lng", "float", "location.precise"},
      {"app::User::geolocation", "std::string", "location.precise"},
      {"app::Trip::position", "GeoPoint", "location.precise"},
      {"app::Device::deviceId", "std::string", "online.device_id"},
      {"app::Device::macAddress", "std::string", "online.device_id"},
  };
  for (const Case &C : Cases)
    EXPECT_EQ(suggest(C.Qualified, C.Type), C.Category) << C.Qualified << " : " << C.Type;
}

TEST(UnannotatedPersonalDataTest, StaysSilentOnLookAlikes) {
  const Case Cases[] = {
      {"io::File::filename", "std::string", ""},
      {"io::File::fileName", "std::string", ""},
      {"net::Config::hostname", "std::string", ""},
      {"net::Config::hostName", "std::string", ""},
      {"meta::Field::typeName", "std::string", ""},
      {"meta::Field::typename_", "std::string", ""},
      {"meta::Field::className", "std::string", ""},
      {"db::Column::columnName", "std::string", ""},
      {"shop::Product::name", "std::string", ""},
      {"finance::Bond::nominal", "double", ""},
      {"app::Metrics::telemetry", "std::string", ""},
      {"app::Fichier::nomFichier", "std::string", ""},
      {"mem::Block::address", "void *", ""},
      {"mem::Block::address", "uintptr_t", ""},
      {"mem::Block::address", "const uint8_t *", ""},
      {"mem::Block::baseAddress", "std::string", ""},
      {"net::Peer::address", "net::Address", ""},
      {"net::Peer::address", "QHostAddress", ""},
      {"net::Peer::serverAddress", "std::string", ""},
      {"mail::Settings::emailTemplate", "std::string", ""},
      {"mail::Settings::emailSubject", "std::string", ""},
      {"mail::Settings::emailCount", "int", ""},
      {"mail::Settings::mailServer", "std::string", ""},
      {"mail::Settings::emailId", "std::string", ""},
      {"ui::Form::phoneRegex", "std::regex", ""},
      {"ui::Form::phoneValidator", "Validator", ""},
      {"ui::Form::emailField", "QLineEdit *", ""},
      {"ui::Form::emailVerified", "bool", ""},
      {"ui::Form::hasEmail", "bool", ""},
      {"ui::Device::isMobile", "bool", ""},
      {"ui::App::mobileApp", "std::string", ""},
      {"srv::Health::healthCheck", "std::string", ""},
      {"game::Player::health", "int", ""},
      {"game::Player::health", "float", ""},
      {"net::Packet::ipProtocol", "uint8_t", ""},
      {"zip::Archive::zipFile", "std::string", ""},
      {"zip::Archive::zip", "ZipArchive", ""},
      {"db::Config::dbPassword", "std::string", ""},
      {"db::DatabaseConfig::password", "std::string", ""},
      {"mail::SmtpSettings::password", "std::string", ""},
      {"shop::User::passwordPolicy", "std::string", ""},
      {"shop::User::passwordLength", "int", ""},
      {"shell::Env::pwdPath", "std::string", ""},
      {"sched::Task::raceCondition", "bool", ""},
      {"shop::Product::race", "std::string", ""},
      {"shop::Order::mail", "Mail", ""},
      {"crypto::Cert::fingerprint", "std::string", ""},
      {"geo::Source::location", "SourceLocation", ""},
      {"clang::Decl::location", "std::string", ""},
      {"shop::Order::numPhones", "int", ""},
  };
  for (const Case &C : Cases)
    EXPECT_EQ(suggest(C.Qualified, C.Type), C.Category) << C.Qualified << " : " << C.Type;
}

TEST(UnannotatedPersonalDataTest, SplitsIdentifiersIntoWords) {
  using W = std::vector<std::string>;
  EXPECT_EQ(identifierWords("m_phoneNumber2"), (W{"phone", "number"}));
  EXPECT_EQ(identifierWords("userIPAddress"), (W{"user", "ip", "address"}));
  EXPECT_EQ(identifierWords("ipv4_addr"), (W{"ipv", "addr"}));
  EXPECT_EQ(identifierWords("EMail"), (W{"e", "mail"}));
  EXPECT_EQ(identifierWords("kEmail"), (W{"email"}));
  EXPECT_EQ(identifierWords("shop::Customer"), (W{"shop", "customer"}));
}

TEST(UnannotatedPersonalDataTest, ClassifiesTypesAsWritten) {
  EXPECT_EQ(classifyType("const std::string &").Kind, TypeClass::String);
  EXPECT_EQ(classifyType("std::optional<std::vector<QString>>").Kind, TypeClass::String);
  EXPECT_EQ(classifyType("const char *").Kind, TypeClass::String);
  EXPECT_EQ(classifyType("char[64]").Kind, TypeClass::String);
  EXPECT_EQ(classifyType("unsigned long long").Kind, TypeClass::Integer);
  EXPECT_EQ(classifyType("std::int64_t").Kind, TypeClass::Integer);
  EXPECT_EQ(classifyType("double").Kind, TypeClass::Real);
  EXPECT_EQ(classifyType("bool").Kind, TypeClass::Bool);
  EXPECT_EQ(classifyType("void *").Kind, TypeClass::Memory);
  EXPECT_EQ(classifyType("unsigned char *").Kind, TypeClass::Memory);
  EXPECT_EQ(classifyType("std::uintptr_t").Kind, TypeClass::Memory);
  DeclaredType Asio = classifyType("std::unique_ptr<boost::asio::ip::address>");
  EXPECT_EQ(Asio.Kind, TypeClass::Class);
  EXPECT_EQ(Asio.Words, (std::vector<std::string>{"address"}));
  EXPECT_EQ(Asio.ScopeWords, (std::vector<std::string>{"boost", "asio", "ip"}));
}

TEST(UnannotatedPersonalDataTest, EverySuggestedCategoryIsInTheBuiltinTaxonomy) {
  Taxonomy Tax = Taxonomy::builtin();
  for (const std::string &C : PersonalDataLexicon().builtinCategories())
    EXPECT_NE(Tax.category(C), nullptr) << C;
}

TEST(UnannotatedPersonalDataTest, FallsBackToAnAncestorTheTaxonomyKnows) {
  DiagnosticList Diags;
  std::optional<Taxonomy> Small = Taxonomy::parse("version: 1\n"
                                                  "categories:\n"
                                                  "  - {id: contact, label: Contact}\n",
                                                  "small.yaml", Diags);
  ASSERT_TRUE(Small) << testing::PrintToString(lines(Diags.sorted()));
  PersonalDataLexicon L;
  std::optional<LexiconMatch> M = L.match(decl("shop::Customer::email", "std::string"), &*Small);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Category, "contact");
  EXPECT_FALSE(L.match(decl("shop::Customer::iban", "std::string"), &*Small));
}

TEST(UnannotatedPersonalDataTest, ExtraWordsAndIgnoreOptions) {
  TestModel T;
  T.M.Declarations.push_back(
      decl("uni::Student::matrikelNr", "std::string", ElementKind::Field, 10));
  T.M.Declarations.push_back(decl("legacy::Row::email", "std::string", ElementKind::Field, 20));
  T.M.Declarations.push_back(decl("shop::Customer::email", "std::string", ElementKind::Field, 30));
  EXPECT_EQ(findings(T.M, Rule).size(), 2u);
  T.settings(Rule).Options = {
      {"extra_words", "matrikel = professional.employee_id"},
      {"ignore", "other::*;legacy::**"}}; // a YAML list, as the loader joins it
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Loc.Line, 10u);
  EXPECT_NE(F[0].Message.find("(professional.employee_id)"), std::string::npos);
  EXPECT_EQ(F[1].Loc.Line, 30u);
  EXPECT_EQ(configErrors(T.M), std::vector<std::string>{});
  EXPECT_EQ(ruleOptions(Rule), (std::map<std::string, std::string>{
                                   {"extra_words", ""}, {"ignore", ""}, {"parameters", "false"}}));
}

TEST(UnannotatedPersonalDataTest, ParametersOnlyWithTheOption) {
  TestModel T;
  T.M.Declarations.push_back(
      decl("shop::send(emailAddress)", "const std::string &", ElementKind::Parameter, 10));
  T.M.Declarations.back().Name = "emailAddress";
  EXPECT_EQ(findings(T.M, Rule).size(), 0u);
  T.settings(Rule).Options = {{"parameters", "true"}};
  std::vector<Diagnostic> F = findings(T.M, Rule);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("(contact.email)"), std::string::npos);
}

TEST(UnannotatedPersonalDataTest, MalformedExtraWordsAreConfigErrors) {
  TestModel T;
  T.settings(Rule).Loc = {".pdflow.yaml", 50, 3};
  T.settings(Rule).Options = {{"extra_words", "matrikel, kunde=contact.emial"}};
  EXPECT_EQ(configErrors(T.M),
            (std::vector<std::string>{
                ".pdflow.yaml:50:3: malformed item 'matrikel' in option 'extra_words' of rule "
                "'unannotated-personal-data'; write word=category, e.g. "
                "kundennummer=identity.account_id",
                ".pdflow.yaml:50:3: unknown category 'contact.emial' for word 'kunde' in option "
                "'extra_words' of rule 'unannotated-personal-data'; did you mean "
                "'contact.email'?"}));
}

TEST(UnannotatedPersonalDataTest, SeverityEnabledAndSuppression) {
  TestModel T;
  T.M.Declarations.push_back(decl("shop::Customer::phoneNumber", "std::string"));
  expectConfigurableAndSuppressible(T, Rule);
}
} // namespace
