// The registers for people: Markdown, HTML, CSV, DOT, XLSX, in English and
// French, with every string from code or config escaped.

#include "RegisterTestSupport.h"

#include "pdflow/register/RegisterWriters.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

using namespace pdflow;

namespace {

using Lines = std::vector<std::string>;

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

size_t count(const std::string &Haystack, const std::string &Needle) {
  size_t N = 0;
  for (size_t At = Haystack.find(Needle); At != std::string::npos;
       At = Haystack.find(Needle, At + 1))
    ++N;
  return N;
}

class RegisterWritersTest : public ::testing::Test, public test::RegisterFixture {
protected:
  RegisterRenderOptions french() {
    RegisterRenderOptions O;
    O.Lang = RegisterLang::Fr;
    return O;
  }
  /// Config text an attacker might control.
  void hostileConfig() {
    Cfg.Ctrl.Name = "<script>alert(1)</script>";
    Cfg.Ctrl.Contact = "\"quoted\" & 'single'";
    Cfg.SecurityMeasures = {"=HYPERLINK(\"http://evil.example\")", "a | b"};
    Cfg.Activities[0].Name = "Billing <img src=x onerror=alert(2)>";
  }
};

// --- Markdown ------------------------------------------------------------------

TEST_F(RegisterWritersTest, MarkdownSections) {
  std::string Md = renderRegisterMarkdown(buildRegister(M), Tax, {});
  EXPECT_EQ(Md.rfind("<a id=\"top\"></a>\n\n# Record of processing activities\n", 0), 0u);
  for (const char *Heading :
       {"\n## Organisation\n", "\n## Processing activities\n", "\n## Billing (billing)\n",
        "\n### Categories of personal data\n", "\n### Recipients\n",
        "\n### Transfers outside the EEA\n", "\n### Security measures\n",
        "\n### Impact assessment screening (Art. 35)\n", "\n## Unregistered processing\n",
        "\n## Missing information\n"})
    EXPECT_TRUE(contains(Md, Heading)) << Heading;
  EXPECT_TRUE(contains(Md, "| **Legal basis (Art. 6(1))** | Performance of a contract (Art. "
                           "6(1)(b)) | *(declared)* |"));
  EXPECT_TRUE(contains(Md, "**E-mail address**<br>`contact.email`<br>Civil status, identity, "
                           "identification data, images"));
  EXPECT_TRUE(contains(Md, "leaves `src/Billing.cpp:40:5`"));
  EXPECT_TRUE(contains(Md,
                       "| **TextBlast** | India (IN) | **no safeguard (no adequacy decision and "
                       "no valid safeguard)** | Health data | declared `src/Customer.h:14:3`<br>"
                       "leaves `src/Support.cpp:25:3` |"))
      << Md;
  EXPECT_TRUE(contains(Md, "<a id=\"activity-billing\"></a>\n\n## Billing (billing)\n"));
  // The stars close against text, not a space, or a renderer shows them.
  EXPECT_TRUE(contains(Md, "- **Activity support:** _**retention period: Health data (Art. "
                           "30(1)(f))**_, `.pdflow.yaml:20:5`"));
  EXPECT_EQ(Md.back(), '\n');
  EXPECT_NE(Md[Md.size() - 2], '\n');
}

TEST_F(RegisterWritersTest, MarkdownEscapesConfigText) {
  hostileConfig();
  std::string Md = renderRegisterMarkdown(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Md, "\\<script\\>alert(1)\\</script\\>"));
  EXPECT_FALSE(contains(Md, "<script>"));
  EXPECT_TRUE(contains(Md, "a \\| b")); // would split the table cell
}

TEST_F(RegisterWritersTest, MarkdownLinksWithSourceUrl) {
  RegisterRenderOptions O;
  O.Links = SourceLinker("https://git.example/blob/{rev}/{path}#L{line}", "c0ffee", "/r", "/r");
  std::string Md = renderRegisterMarkdown(buildRegister(M), Tax, O);
  EXPECT_TRUE(contains(Md, "[`src/Billing.cpp:40:5`](https://git.example/blob/c0ffee/"
                           "src/Billing.cpp#L40)"));
}

TEST_F(RegisterWritersTest, MarkdownProcessorRecord) {
  Cfg.Role = OrganisationRole::Processor;
  ClientController Shop;
  Shop.Name = "Shop SAS";
  Shop.Contact = "privacy@shop.example";
  Shop.Activities = {"support"};
  Cfg.Controllers = {Shop};
  std::string Md = renderRegisterMarkdown(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Md, "| **Role** | processor (Art. 30(1) and 30(2)) |"));
  EXPECT_TRUE(contains(Md, "\n## Processing carried out on behalf of controllers (Art. 30(2))\n\n"
                           "### Shop SAS\n"));
  EXPECT_TRUE(contains(Md, "| **Categories of processing** | Support: Customer support |"));
  EXPECT_TRUE(
      contains(Md, "| **Transfers outside the EEA** | TextBlast, India (IN): no safeguard |"));
  EXPECT_TRUE(contains(Md, "| **Security measures** | TLS 1.3 everywhere<br>Encryption: "
                           "shop::Cipher::encrypt (Health data) |"));
  Cfg.Role = OrganisationRole::Controller;
  EXPECT_FALSE(contains(renderRegisterMarkdown(buildRegister(M), Tax, {}), "(Art. 30(2))\n"));
}

// --- HTML ------------------------------------------------------------------------

TEST_F(RegisterWritersTest, HtmlIsSelfContainedAndPrintable) {
  std::string Html = renderRegisterHtml(buildRegister(M), Tax, {});
  EXPECT_EQ(Html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_TRUE(contains(Html, "Content-Security-Policy\" content=\"default-src 'none'"));
  EXPECT_FALSE(contains(Html, "<script"));
  EXPECT_FALSE(contains(Html, "<link"));
  EXPECT_FALSE(contains(Html, "src=\""));
  EXPECT_TRUE(contains(Html, "@media print"));
  EXPECT_TRUE(contains(Html, "section.activity, section.unregistered, section.processor-record "
                             "{ break-before: page;"));
  EXPECT_EQ(count(Html, "<section id=\"activity-"), 4u);
  EXPECT_EQ(count(Html, "<section"), count(Html, "</section>"));
  EXPECT_TRUE(contains(Html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"datamap\""));
  EXPECT_TRUE(contains(Html, "<a href=\"#activity-billing\"><code>billing</code></a>"));
}

TEST_F(RegisterWritersTest, HtmlEscapesEveryString) {
  hostileConfig();
  // Strings from the code too: an annotation's recipient, a template's name.
  M.Flows[0].Sink.Recipient = "Mail<b>chimp</b>";
  M.Elements[0].QualifiedName = "shop::Box<std::string>::email";
  std::string Html = renderRegisterHtml(buildRegister(M), Tax, {});
  EXPECT_FALSE(contains(Html, "<script>"));
  EXPECT_FALSE(contains(Html, "<img"));
  EXPECT_FALSE(contains(Html, "<b>"));
  EXPECT_FALSE(contains(Html, "<std::string>"));
  EXPECT_TRUE(contains(Html, "Mail&lt;b&gt;chimp&lt;/b&gt;"));
  EXPECT_TRUE(contains(Html, "shop::Box&lt;std::string&gt;::email"));
  EXPECT_TRUE(contains(Html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(Html, "Billing &lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_TRUE(contains(Html, "&quot;quoted&quot; &amp; &#39;single&#39;"));
}

TEST_F(RegisterWritersTest, HtmlLinksOnlyToTheWeb) {
  RegisterRenderOptions O;
  O.Links = SourceLinker("javascript:alert({line})", "", "/r", "/r");
  std::string Html = renderRegisterHtml(buildRegister(M), Tax, O);
  EXPECT_FALSE(contains(Html, "javascript:"));
}

TEST_F(RegisterWritersTest, DataMapMarksSpecialDataAndUncoveredTransfers) {
  std::string Html = renderRegisterHtml(buildRegister(M), Tax, {});
  EXPECT_TRUE(
      contains(Html, "<g class=\"node special\"><title>Health data\nspecial.health</title>"));
  EXPECT_TRUE(contains(Html, "<g class=\"node flagged\"><title>TextBlast\nIndia (IN)</title>"));
  EXPECT_TRUE(contains(Html, "<g class=\"node abroad\"><title>Mailchimp\nUnited States (US)"));
  EXPECT_TRUE(contains(Html, "<g class=\"node flagged\"><title>Unregistered processing</title>"));
  EXPECT_TRUE(contains(Html, "<path class=\"edge flagged\""));
  EXPECT_TRUE(contains(Html, "<path class=\"edge special\""));
}

TEST_F(RegisterWritersTest, FrenchUsesTheCnilWording) {
  std::string Html = renderRegisterHtml(buildRegister(M), Tax, french());
  EXPECT_TRUE(contains(Html, "<html lang=\"fr\">"));
  EXPECT_TRUE(contains(Html, "<h1 id=\"top\">Registre des activités de traitement</h1>"));
  EXPECT_TRUE(contains(Html, "Catégories de données personnelles concernées"));
  EXPECT_TRUE(contains(Html, "Transferts des données hors UE"));
  EXPECT_TRUE(contains(Html, "Données concernant la santé"));
  EXPECT_TRUE(contains(Html, "État civil, identité, données d&#39;identification, images"));
  EXPECT_TRUE(contains(Html, "Exécution d&#39;un contrat (art. 6(1)(b))"));
  EXPECT_TRUE(contains(Html, "Inde (IN)"));
  EXPECT_TRUE(contains(Html, "10 ans (P10Y)"));
  EXPECT_FALSE(contains(Html, "Categories of personal data"));
}

// --- CSV -------------------------------------------------------------------------------

TEST_F(RegisterWritersTest, CsvOneRowPerActivityInTheCnilOrder) {
  std::string Csv = renderRegisterCsv(buildRegister(M), Tax, {});
  EXPECT_EQ(Csv.rfind("\xEF\xBB\xBF\"Ref.\",\"Name of the processing [declared]\","
                      "\"Controller [declared]\",\"Data protection officer [declared]\",",
                      0),
            0u);
  EXPECT_EQ(count(Csv, "\r\n"), 5u); // header + 4 activities
  EXPECT_TRUE(contains(Csv, "\"Security measures [declared or derived]\",\"Transfers outside "
                            "the EEA [derived]\""));
  EXPECT_TRUE(contains(Csv, "\"Mailchimp, United States (US): standard contractual clauses (Art. "
                            "46(2)(c)); Stripe, United States (US): EU-US Data Privacy Framework "
                            "(Art. 45)\""));
  // Each retention says where it comes from: the annotation, or a side
  // annotation in .pdflow.yaml.
  EXPECT_TRUE(contains(Csv, "\"E-mail address: 3 years (P3Y) (derived from code); IP address: "
                            "1 year (P1Y) (declared)\""));
}

TEST_F(RegisterWritersTest, CsvQuotesAndDefusesFormulas) {
  hostileConfig();
  std::string Csv = renderRegisterCsv(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Csv, "\"\"quoted\"\" & 'single'"));
  // A cell starting with = would be a formula in a spreadsheet.
  Cfg.Activities[0].Name = "=1+1";
  Csv = renderRegisterCsv(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Csv, "\"'=1+1\""));
}

TEST_F(RegisterWritersTest, CsvInFrench) {
  std::string Csv = renderRegisterCsv(buildRegister(M), Tax, french());
  EXPECT_TRUE(contains(Csv, "\"N° / RÉF\",\"Nom du traitement [déclaré]\",\"Responsable du "
                            "traitement [déclaré]\""));
  // French typography: a space before the colon.
  EXPECT_TRUE(contains(Csv, "\"Adresse électronique : 3 ans (P3Y) (déduit du code); Adresse IP : "
                            "1 an (P1Y) (déclaré)\""))
      << Csv;
}

// --- DOT -------------------------------------------------------------------------------

TEST_F(RegisterWritersTest, DotHasThreeColumnsAndMarks) {
  std::string Dot = renderRegisterDot(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Dot, "digraph register {\n  rankdir=LR;\n"));
  EXPECT_TRUE(
      contains(Dot, "subgraph cluster_categories {\n    label=\"Categories of personal data\";"));
  EXPECT_TRUE(contains(Dot, "subgraph cluster_activities {"));
  EXPECT_TRUE(contains(Dot, "subgraph cluster_recipients {"));
  EXPECT_TRUE(contains(Dot, "\"category:contact.email\" -> \"activity:billing\";"));
  EXPECT_TRUE(contains(Dot, "\"activity:support\" -> \"recipient:TextBlast\" [color=\"#b3261e\", "
                            "penwidth=3, style=dashed];"));
  EXPECT_TRUE(contains(Dot, "\"system:log\" [label=\"logs\"];"));
  EXPECT_EQ(Dot.back(), '\n');
}

TEST_F(RegisterWritersTest, DotEscapesLabels) {
  Cfg.Activities[0].Name = "Bill \"quoted\" \\ back";
  std::string Dot = renderRegisterDot(buildRegister(M), Tax, {});
  EXPECT_TRUE(contains(Dot, "[label=\"Bill \\\"quoted\\\" \\\\ back\\nbilling\"]"));
}

// --- Categories to confirm --------------------------------------------------------------

TEST_F(RegisterWritersTest, InferredCategoriesAreListedApartToConfirm) {
  Register Confirmed = buildRegister(M);
  addInferredData();
  Register R = buildRegister(M);

  std::string Md = renderRegisterMarkdown(R, Tax, {});
  // In billing's section, after its own parts, under a heading that says so.
  size_t Billing = Md.find("\n## Billing (billing)\n");
  size_t Section =
      Md.find("\n### Categories to confirm (inferred, not part of the register)\n", Billing);
  ASSERT_NE(Section, std::string::npos) << Md;
  EXPECT_LT(Md.find("\n### Impact assessment screening (Art. 35)\n", Billing), Section);
  EXPECT_LT(Section, Md.find("\n## Support (support)\n"));
  EXPECT_TRUE(contains(Md, "| **Phone number**<br>`contact.phone` | `app::save::v` (key \"phone\" "
                           "at src/Db.cpp:42:7, confidence 85) | `PDFLOW_DATA(contact.phone) "
                           "before src/Db.cpp:40:3` | sqlite3\\_exec |"))
      << Md;
  // Never among the confirmed categories: billing's still lists e-mails
  // and IP addresses only.
  EXPECT_EQ(count(Md, "`contact.phone`"), 1u);
  EXPECT_TRUE(contains(Md, "\n### To confirm: inferred data under no activity\n"));
  // Without inferred data, no such section.
  EXPECT_FALSE(contains(renderRegisterMarkdown(Confirmed, Tax, {}), "to confirm"));

  std::string Html = renderRegisterHtml(R, Tax, {});
  EXPECT_TRUE(contains(Html, "Categories to confirm (inferred, not part of the register)"));
  EXPECT_TRUE(contains(Html, "PDFLOW_DATA(contact.phone) before src/Db.cpp:40:3"));

  std::string Csv = renderRegisterCsv(R, Tax, {});
  EXPECT_TRUE(contains(Csv, ",\"Missing information\",\"Categories to confirm (inferred, not "
                            "part of the register)\"\r\n"));
  EXPECT_TRUE(contains(Csv, "\"E-mail address: app::Lead::email (name has 'email', confidence "
                            "90): PDFLOW_DATA(contact.email) before src/Lead.h:5:3; Phone number: "
                            "app::save::v (key \"\"phone\"\" at src/Db.cpp:42:7, confidence 85): "
                            "PDFLOW_DATA(contact.phone) before src/Db.cpp:40:3\"\r\n"))
      << Csv;
  EXPECT_TRUE(contains(renderRegisterCsv(R, Tax, french()), "Catégories à confirmer"));

  std::string Dot = renderRegisterDot(R, Tax, {});
  EXPECT_TRUE(contains(Dot, "subgraph cluster_to_confirm {"));
  EXPECT_TRUE(contains(Dot, "\"to-confirm:contact.phone\" -> \"activity:billing\" "
                            "[color=\"#8c959f\", style=dotted];"));
  EXPECT_FALSE(contains(Dot, "\"category:contact.phone\""));
  EXPECT_FALSE(contains(renderRegisterDot(Confirmed, Tax, {}), "to-confirm"));

  std::string Error;
  std::optional<std::string> Xlsx = renderRegisterXlsx(R, Tax, {}, Error);
  ASSERT_TRUE(Xlsx) << Error;
  std::optional<std::string> Plain = renderRegisterXlsx(Confirmed, Tax, {}, Error);
  ASSERT_TRUE(Plain) << Error;
  EXPECT_NE(*Xlsx, *Plain); // its cells are checked by tests/register/bad-inputs.sh
}

// --- XLSX ------------------------------------------------------------------------------

TEST_F(RegisterWritersTest, XlsxIsAZipAndTheSameEachTime) {
  std::string Error;
  Register R = buildRegister(M);
  std::optional<std::string> A = renderRegisterXlsx(R, Tax, {}, Error);
  ASSERT_TRUE(A) << Error;
  std::optional<std::string> B = renderRegisterXlsx(R, Tax, {}, Error);
  ASSERT_TRUE(B) << Error;
  EXPECT_EQ(A->rfind("PK\x03\x04", 0), 0u);
  EXPECT_EQ(*A, *B);
}

/// TMPDIR for the life of the object.
class TemporaryDirectory {
public:
  explicit TemporaryDirectory(const char *Dir) {
    if (const char *Old = std::getenv("TMPDIR"))
      Saved = Old;
    ::setenv("TMPDIR", Dir, 1);
  }
  ~TemporaryDirectory() {
    if (Saved)
      ::setenv("TMPDIR", Saved->c_str(), 1);
    else
      ::unsetenv("TMPDIR");
  }

private:
  std::optional<std::string> Saved;
};

TEST_F(RegisterWritersTest, XlsxReportsAnUnwritableTemporaryDirectory) {
  std::string Error;
  std::optional<std::string> Bytes;
  {
    TemporaryDirectory Tmp("/nonexistent-dir");
    Bytes = renderRegisterXlsx(buildRegister(M), Tax, {}, Error);
  }
  EXPECT_FALSE(Bytes);
  EXPECT_TRUE(llvm::StringRef(Error).starts_with("cannot ")) << Error;
}

// --- Links -----------------------------------------------------------------------------

TEST(SourceLinkerTest, ExpandsTheTemplate) {
  SourceLinker L("https://h/{rev}/{path}#L{line}", "abc", "/repo", "/repo/examples/shop");
  EXPECT_EQ(L.url({"src/a b.cpp", 12, 3}), "https://h/abc/examples/shop/src/a%20b.cpp#L12");
  EXPECT_EQ(L.url({"../../lib/x.h", 1, 1}), "https://h/abc/lib/x.h#L1");
  EXPECT_EQ(L.url({"/repo/tools/t.cpp", 4, 1}), "https://h/abc/tools/t.cpp#L4");
  EXPECT_EQ(L.url({"/usr/include/stdio.h", 4, 1}), ""); // outside the repository
  EXPECT_EQ(L.url({"../../../etc/passwd", 1, 1}), "");
  EXPECT_TRUE(SourceLinker::usesRev("x/{rev}/y"));
  EXPECT_FALSE(SourceLinker::usesRev("x/{path}"));
}

TEST(SourceLinkerTest, FindsTheGitWorkTree) {
  std::string Error;
  std::optional<GitWorkTree> Tree = findGitWorkTree(PDFLOW_SOURCE_DIR "/examples/shop", Error);
  if (!Tree && llvm::StringRef(Error).contains("not installed"))
    GTEST_SKIP() << Error;
  if (!Tree) // a source tarball, not a work tree
    GTEST_SKIP() << Error;
  EXPECT_EQ(Tree->Head.size(), 40u);
  llvm::SmallString<256> Top(Tree->Top), Source(PDFLOW_SOURCE_DIR);
  llvm::sys::fs::real_path(Tree->Top, Top);
  llvm::sys::fs::real_path(PDFLOW_SOURCE_DIR, Source);
  EXPECT_EQ(Top, Source);
  EXPECT_FALSE(findGitWorkTree("/", Error));
  EXPECT_TRUE(llvm::StringRef(Error).contains("is not in a git work tree")) << Error;
}

TEST(RegisterLabelsTest, Languages) {
  EXPECT_EQ(parseRegisterLang("fr"), RegisterLang::Fr);
  EXPECT_EQ(parseRegisterLang("en"), RegisterLang::En);
  EXPECT_FALSE(parseRegisterLang("de"));
}

} // namespace
