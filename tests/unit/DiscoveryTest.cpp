// Discovery: side-annotation symbols, the `discovery:` config, the lexicon's
// confidence and the renderings of `pdflow suggest`.
#include "pdflow/config/Config.h"
#include "pdflow/discovery/SqlColumns.h"
#include "pdflow/discovery/Suggestions.h"
#include "pdflow/lexicon/PersonalDataLexicon.h"

#include <gtest/gtest.h>

using namespace pdflow;

namespace {

TEST(SymbolPatternTest, DeclarationsReturnValuesAndParameters) {
  std::string Error;
  auto Field = parseSymbolPattern("shop::Customer::email", Error);
  ASSERT_TRUE(Field);
  EXPECT_EQ(Field->What, SymbolPattern::Target::Declaration);
  EXPECT_EQ(Field->Glob, "shop::Customer::email");

  auto Return = parseSymbolPattern("net::Session::peer()", Error);
  ASSERT_TRUE(Return);
  EXPECT_EQ(Return->What, SymbolPattern::Target::Return);
  EXPECT_EQ(Return->Glob, "net::Session::peer");

  auto ByName = parseSymbolPattern("net::login( password )", Error);
  ASSERT_TRUE(ByName);
  EXPECT_EQ(ByName->What, SymbolPattern::Target::Parameter);
  EXPECT_EQ(ByName->Glob, "net::login");
  EXPECT_EQ(ByName->ParamName, "password");
  EXPECT_FALSE(ByName->ParamIndex);

  auto ByIndex = parseSymbolPattern("net::login(#1)", Error);
  ASSERT_TRUE(ByIndex);
  EXPECT_EQ(ByIndex->ParamIndex, 1u);

  auto Anonymous = parseSymbolPattern("(anonymous namespace)::lastIp", Error);
  ASSERT_TRUE(Anonymous);
  EXPECT_EQ(Anonymous->What, SymbolPattern::Target::Declaration);
  auto AnonymousReturn = parseSymbolPattern("(anonymous namespace)::peer()", Error);
  ASSERT_TRUE(AnonymousReturn);
  EXPECT_EQ(AnonymousReturn->What, SymbolPattern::Target::Return);
  EXPECT_EQ(AnonymousReturn->Glob, "(anonymous namespace)::peer");
}

TEST(SymbolPatternTest, MalformedParameterIsAnError) {
  for (const char *Bad : {"net::login(a b)", "net::login(#x)", "net::login(1)"}) {
    std::string Error;
    EXPECT_FALSE(parseSymbolPattern(Bad, Error)) << Bad;
    EXPECT_NE(Error.find("malformed symbol '" + std::string(Bad) + "'"), std::string::npos)
        << Error;
  }
}

TEST(DiscoveryConfigTest, InferAndMinConfidence) {
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  auto Cfg = parseConfig("discovery: {infer: true, min_confidence: 80}\n"
                         "data:\n"
                         "  - {symbol: \"f(#0)\", category: contact.email}\n",
                         "p.yaml", Tax, Diags);
  ASSERT_TRUE(Cfg);
  EXPECT_FALSE(Diags.hasErrors());
  EXPECT_TRUE(Cfg->Discovery.Infer);
  EXPECT_EQ(Cfg->Discovery.MinConfidence, 80u);
  ASSERT_EQ(Cfg->Data.size(), 1u);
  EXPECT_EQ(Cfg->Data[0].Pattern.ParamIndex, 0u);

  DiagnosticList Bad;
  auto Wrong = parseConfig("discovery: {infer: yes please, min_confidence: 101, minimum: 3}\n"
                           "data:\n"
                           "  - {symbol: \"f(x y)\", category: contact.email}\n",
                           "p.yaml", Tax, Bad);
  ASSERT_TRUE(Wrong);
  std::vector<std::string> Messages;
  for (const Diagnostic &D : Bad.sorted())
    Messages.push_back(D.Loc.str() + ": " + D.Message);
  ASSERT_EQ(Messages.size(), 4u) << testing::PrintToString(Messages);
  EXPECT_NE(Messages[0].find("p.yaml:1:"), std::string::npos);
  EXPECT_EQ(Messages[3].rfind("p.yaml:3:", 0), 0u) << Messages[3];
  EXPECT_NE(Messages[3].find(": malformed symbol 'f(x y)'"), std::string::npos)
      << Messages[3];
  EXPECT_TRUE(Wrong->Data.empty());
  EXPECT_FALSE(Wrong->Discovery.Infer);
  EXPECT_EQ(Wrong->Discovery.MinConfidence, 70u);
}

DeclaredName decl(const std::string &Qualified, const std::string &Type,
                  ElementKind Kind = ElementKind::Field) {
  DeclaredName D;
  D.QualifiedName = Qualified;
  size_t Colon = Qualified.rfind("::");
  D.Name = Colon == std::string::npos ? Qualified : Qualified.substr(Colon + 2);
  D.Type = Type;
  D.Kind = Kind;
  return D;
}

unsigned confidence(const std::string &Qualified, const std::string &Type) {
  static const Taxonomy Tax = Taxonomy::builtin();
  static const PersonalDataLexicon Lexicon;
  std::optional<LexiconMatch> M = Lexicon.match(decl(Qualified, Type), &Tax);
  return M ? M->Confidence : 0;
}

TEST(LexiconConfidenceTest, SpecificPhrasesAndPeopleRateHigher) {
  EXPECT_EQ(confidence("shop::Customer::email", "std::string"), 90u);   // word + person scope
  EXPECT_EQ(confidence("app::Form::email", "std::string"), 85u);        // one word anywhere
  EXPECT_EQ(confidence("app::Form::cardNumber", "std::string"), 90u);   // a phrase
  EXPECT_EQ(confidence("app::login::password", "const char *"), 75u);   // has negatives
  EXPECT_EQ(confidence("app::Form::tel", "std::string"), 75u);          // must end the name
  EXPECT_EQ(confidence("app::Form::pan", "std::string"), 70u);          // must be the name
  EXPECT_EQ(confidence("app::send::address", "std::string"), 65u);      // below the default
  EXPECT_EQ(confidence("shop::Customer::address", "std::string"), 70u); // a person's
  EXPECT_EQ(confidence("app::Form::contact", "EmailAddress"), 85u);     // by type
  EXPECT_EQ(confidence("shop::Customer::firstName", "std::string"), 95u);
}

TEST(LexiconConfidenceTest, ThingsAreNotPeople) {
  EXPECT_EQ(confidence("net::Socket::m_sParentName", "std::string"), 0u);
  EXPECT_EQ(confidence("io::Thread::ownerName", "std::string"), 0u);
  EXPECT_EQ(confidence("db::Table::name", "std::string"), 0u);
  EXPECT_GT(confidence("shop::Customer::ownerName", "std::string"), 0u);
}

TEST(LexiconConfidenceTest, ReasonNamesTheWordOrTheType) {
  Taxonomy Tax = Taxonomy::builtin();
  PersonalDataLexicon Lexicon;
  DeclaredName ByName = decl("app::Form::mobilePhone", "std::string");
  auto M = Lexicon.match(ByName, &Tax);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->reason(ByName), "name has 'mobile phone'");
  DeclaredName ByType = decl("app::Form::primary", "const EmailAddress &");
  M = Lexicon.match(ByType, &Tax);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->reason(ByType), "type 'const EmailAddress &' has 'email address'");
}

std::vector<Suggestion> sample() {
  return {{"shop::Customer::email", ElementKind::Field, "std::string", "contact.email", 90,
           "name has 'email'", {"src/a.h", 3, 15}, {"src/a.h", 3, 3}},
          {"net::login(password)", ElementKind::Parameter, "const char *",
           "credentials.password", 75, "name has 'password'", {"src/b.cpp", 2, 40},
           {"src/b.cpp", 2, 28}},
          {"app::MACRO_FIELD", ElementKind::Field, "int", "contact.phone", 75, "name has 'phone'",
           {"src/a.h", 9, 1}, {}}};
}

TEST(SuggestionsTest, TextAndYaml) {
  std::vector<SinkWrapper> Sinks;
  SinkWrapper W;
  W.Function = "app::Db::exec";
  W.Loc = {"src/db.cpp", 10, 5};
  W.Param = 0;
  W.Sink.Function = "sqlite3_exec";
  W.Sink.Kind = SinkKind::Storage;
  W.SinkLoc = {"src/db.cpp", 11, 12};
  Sinks.push_back(W);
  W.Param = 2;
  Sinks.push_back(W);
  EXPECT_EQ(renderSuggestionsText(sample(), Sinks),
            "src/a.h:3:15: 'shop::Customer::email' field: contact.email (confidence 90: name "
            "has 'email')\n"
            "src/b.cpp:2:40: 'net::login(password)' parameter: credentials.password (confidence "
            "75: name has 'password')\n"
            "src/a.h:9:1: 'app::MACRO_FIELD' field: contact.phone (confidence 75: name has "
            "'phone')\n"
            "src/db.cpp:10:5: 'app::Db::exec' sink: storage, args 0 2 (passes its arguments 0, "
            "2 to storage sink 'sqlite3_exec' at src/db.cpp:11:12)\n"
            "3 data elements, 1 sink\n");
  std::string Yaml = renderSuggestionsYaml(sample(), Sinks);
  EXPECT_NE(Yaml.find("data:\n  - symbol: \"shop::Customer::email\"   # field, name has "
                      "'email', confidence 90\n    category: contact.email\n"),
            std::string::npos)
      << Yaml;
  EXPECT_NE(Yaml.find("sinks:\n  - {function: \"app::Db::exec\", kind: storage, args: [0, 2]}"),
            std::string::npos)
      << Yaml;
  // What suggest writes is a config pdflow reads back.
  Taxonomy Tax = Taxonomy::builtin();
  DiagnosticList Diags;
  auto Cfg = parseConfig(Yaml, "suggested.yaml", Tax, Diags);
  ASSERT_TRUE(Cfg);
  EXPECT_FALSE(Diags.hasErrors());
  ASSERT_EQ(Cfg->Data.size(), 3u);
  EXPECT_EQ(Cfg->Data[1].Pattern.ParamName, "password");
  ASSERT_EQ(Cfg->Models.Sinks.size(), 1u);
  EXPECT_EQ(Cfg->Models.Sinks[0].Args, (std::vector<unsigned>{0, 2}));
  EXPECT_NE(renderSuggestionsYaml({}, {}).find("data: []\n"), std::string::npos);
}

TEST(SuggestionsTest, FixesInsertTheMacroAndTheInclude) {
  auto Read = [](const std::string &Path) -> std::optional<std::string> {
    if (Path == "src/a.h")
      return std::string("#ifndef A_H\n#define A_H\nstruct C {\n  std::string email;\n};\n#endif\n");
    if (Path == "src/b.cpp")
      return std::string("// b\n#include <string>\nvoid login(int id, const char *password) {}\n");
    return std::nullopt;
  };
  std::vector<Suggestion> S = sample();
  S[0].InsertLoc = {"src/a.h", 4, 3};
  S[1].InsertLoc = {"src/b.cpp", 3, 20};
  std::vector<std::string> Errors;
  std::string Fixes = renderSuggestionsFixes(S, Read, Errors);
  EXPECT_TRUE(Errors.empty());
  // a.h: the include after the guard's #define (offset 24), the macro at 4:3.
  EXPECT_NE(Fixes.find("FilePath:        'src/a.h'\n          Offset:          24\n          "
                       "Length:          0\n          ReplacementText: \"#include "
                       "<pdflow/annotations.h>\\n\""),
            std::string::npos)
      << Fixes;
  EXPECT_NE(Fixes.find("Offset:          37\n          Length:          0\n          "
                       "ReplacementText: \"PDFLOW_DATA(contact.email) \""),
            std::string::npos)
      << Fixes;
  // b.cpp: the include before the first #include (offset 5), the macro at 3:20
  // (offset 23 + 19).
  EXPECT_NE(Fixes.find("Offset:          5\n"), std::string::npos) << Fixes;
  EXPECT_NE(Fixes.find("Offset:          42\n          Length:          0\n          "
                       "ReplacementText: \"PDFLOW_DATA(credentials.password) \""),
            std::string::npos)
      << Fixes;
  // No insertion point, no fix.
  EXPECT_EQ(Fixes.find("MACRO_FIELD"), std::string::npos);
  EXPECT_EQ(Fixes.substr(0, 4), "---\n");
  EXPECT_EQ(Fixes.substr(Fixes.size() - 4), "...\n");

  S[1].InsertLoc.File = "src/missing.cpp";
  renderSuggestionsFixes(S, Read, Errors);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_NE(Errors[0].find("src/missing.cpp"), std::string::npos);
}

TEST(SuggestionsTest, AKeyIsAReasonWithItsPlace) {
  Model M;
  DataElement E;
  E.Id = "c:@F@save@v";
  E.QualifiedName = "app::save::v";
  E.Kind = ElementKind::Local;
  E.Loc = {"src/Db.cpp", 40, 15};
  E.Spec.Category = "contact.email";
  E.Origin = AnnotationOrigin::Inferred;
  E.Inferred = {85, "key \"email\"", {"src/Db.cpp", 40, 3}, {"src/Db.cpp", 42, 7}};
  M.Elements = {E};
  std::vector<Suggestion> S = collectSuggestions(M);
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Reason, "key \"email\" at src/Db.cpp:42:7");
  EXPECT_EQ(renderSuggestionsText(S, {}),
            "src/Db.cpp:40:15: 'app::save::v' local: contact.email (confidence 85: key \"email\" "
            "at src/Db.cpp:42:7)\n1 data element, 0 sinks\n");
  EXPECT_NE(renderSuggestionsYaml(S, {}).find("  - symbol: \"app::save::v\"   # local, key "
                                              "\"email\" at src/Db.cpp:42:7, confidence 85\n"),
            std::string::npos);
}

TEST(SqlColumnsTest, InsertMapsEachPlaceholderToItsColumn) {
  auto Sql =
      parseSqlColumns("insert or replace into main.\"users\" (email, `name`, [zip], created)\n"
                      "  VALUES (?, ?3, lower(?), 'x')");
  ASSERT_TRUE(Sql);
  EXPECT_EQ(Sql->What, SqlColumns::Kind::Insert);
  EXPECT_EQ(Sql->Table, "users");
  // ?3 is 3; the `?` after it is 4 (SQLite numbers past the largest), but
  // lower(?) is no plain placeholder: only what maps for sure is kept.
  std::map<int, std::string> Expected = {{1, "email"}, {3, "name"}};
  EXPECT_EQ(Sql->Columns, Expected);
}

TEST(SqlColumnsTest, SelectMapsPlainResultColumns) {
  auto Sql = parseSqlColumns("SELECT DISTINCT u.id, u.phone AS p, count(*), email mail, * "
                             "FROM users u WHERE id = ?");
  ASSERT_TRUE(Sql);
  EXPECT_EQ(Sql->What, SqlColumns::Kind::Select);
  EXPECT_EQ(Sql->Table, "users");
  std::map<int, std::string> Expected = {{0, "id"}, {1, "phone"}, {3, "email"}};
  EXPECT_EQ(Sql->Columns, Expected);
}

TEST(SqlColumnsTest, WhatIsNotSureMapsNothing) {
  // A named placeholder takes a number only its name tells: the ones after
  // it are not mapped.
  auto Named = parseSqlColumns("INSERT INTO t(a, b, c) VALUES(?, :b, ?)");
  ASSERT_TRUE(Named);
  std::map<int, std::string> Expected = {{1, "a"}};
  EXPECT_EQ(Named->Columns, Expected);
  // Columns and values that do not pair up, text that is no statement.
  auto Unpaired = parseSqlColumns("INSERT INTO t(a, b) VALUES(?)");
  EXPECT_FALSE(Unpaired);
  EXPECT_FALSE(parseSqlColumns("UPDATE t SET email = ?"));
  EXPECT_FALSE(parseSqlColumns("email"));
  EXPECT_FALSE(parseSqlColumns("SELECT 1"));
  EXPECT_FALSE(parseSqlColumns(""));
  // A comma or parenthesis inside a quoted value splits nothing.
  auto Quoted = parseSqlColumns("INSERT INTO t(note, email) VALUES('a, (b', ?)");
  ASSERT_TRUE(Quoted);
  Expected = {{1, "email"}};
  EXPECT_EQ(Quoted->Columns, Expected);
}

} // namespace
