// The register as a workbook (libxlsxwriter): a summary sheet with the CSV's
// rows, then one sheet per activity laid out like the CNIL template's
// "fiche de registre" (description, actors, purposes, categories with their
// retention, sensitive data, data subjects, recipients, security measures,
// transfers), with pdflow's evidence beside each line. Every cell is a
// string cell: nothing from code or config can become a formula.

#include "pdflow/register/RegisterWriters.h"

#include "Views.h"

#include "pdflow/support/Text.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"

#include <xlsxwriter.h>

#include <set>

namespace pdflow {

namespace {

/// Excel's cell limit.
constexpr size_t MaxCellChars = 32767;

/// The DOS epoch (1980-01-01): the fixed creation date that makes the same
/// register give the same bytes (libxlsxwriter stamps it on every zip entry).
constexpr time_t FixedCreationTime = 315532800;

std::string cellText(const std::string &S) {
  std::string Text = llvm::json::isUTF8(S) ? S : llvm::json::fixUTF8(S);
  if (Text.size() > MaxCellChars) {
    Text.resize(MaxCellChars);
    Text = llvm::json::fixUTF8(Text); // never end inside a character
  }
  return Text;
}

/// A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique.
std::string sheetName(const std::string &Wanted, std::set<std::string> &Used) {
  std::string Base;
  for (char C : Wanted)
    Base += std::string("[]:*?/\\'").find(C) == std::string::npos ? C : '_';
  if (Base.empty())
    Base = "_";
  for (unsigned N = 1;; ++N) {
    std::string Suffix = N == 1 ? "" : "~" + std::to_string(N);
    std::string Name = Base.substr(0, 31 - Suffix.size()) + Suffix;
    if (Used.insert(llvm::StringRef(Name).lower()).second)
      return Name;
  }
}

std::string lines(const std::vector<std::string> &Items) { return llvm::join(Items, "\n"); }

std::string locations(const std::vector<Evidence> &Proof, const Labels &L,
                      const std::optional<SourceLinker> &Links) {
  std::vector<std::string> Out;
  for (const Evidence &E : Proof) {
    std::string S = L.evidenceKind(E.What) + " " + E.Loc.str();
    if (Links)
      if (std::string Url = Links->url(E.Loc); !Url.empty())
        S += " " + Url;
    Out.push_back(S);
  }
  return lines(Out);
}

class XlsxWriter {
public:
  XlsxWriter(const Register &R, const Taxonomy &Tax, const RegisterRenderOptions &O)
      : R(R), Tax(Tax), O(O), L(Tax, O.Lang) {}

  bool write(const std::string &Path, std::string &Error) {
    lxw_workbook_options Options = {LXW_FALSE, nullptr, LXW_FALSE};
    Book = workbook_new_opt(Path.c_str(), &Options);
    if (!Book) {
      Error = "cannot create the workbook in '" + Path + "'";
      return false;
    }
    lxw_doc_properties Properties = {};
    std::string Title = cellText(L.text(Text::Title));
    std::string Author = cellText(R.Controller.Name);
    Properties.title = Title.data();
    Properties.author = Author.data();
    Properties.created = FixedCreationTime;
    workbook_set_properties(Book, &Properties);
    makeFormats();
    summary();
    for (const RegisterActivity &A : R.Activities)
      activity(A);
    unregistered();
    unregisteredToConfirm();
    processorSheet();
    lxw_error Err = workbook_close(Book);
    if (Err != LXW_NO_ERROR) {
      Error = "cannot write the workbook in '" + Path + "': " + lxw_strerror(Err);
      return false;
    }
    return true;
  }

private:
  void makeFormats() {
    Wrap = workbook_add_format(Book);
    format_set_text_wrap(Wrap);
    format_set_align(Wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(Wrap, LXW_BORDER_THIN);
    Header = workbook_add_format(Book);
    format_set_bold(Header);
    format_set_text_wrap(Header);
    format_set_align(Header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(Header, 0xD9E2F3);
    format_set_border(Header, LXW_BORDER_THIN);
    Section = workbook_add_format(Book);
    format_set_bold(Section);
    format_set_font_color(Section, LXW_COLOR_WHITE);
    format_set_bg_color(Section, 0x2F5597);
    format_set_border(Section, LXW_BORDER_THIN);
    Title = workbook_add_format(Book);
    format_set_bold(Title);
    format_set_font_size(Title, 14);
    Alert = workbook_add_format(Book);
    format_set_text_wrap(Alert);
    format_set_align(Alert, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(Alert, LXW_BORDER_THIN);
    format_set_font_color(Alert, 0xB3261E);
    format_set_bold(Alert);
  }

  void put(lxw_worksheet *Sheet, lxw_row_t Row, lxw_col_t Col, const std::string &S,
           lxw_format *Format) {
    worksheet_write_string(Sheet, Row, Col, cellText(S).c_str(), Format);
  }

  void summary() {
    lxw_worksheet *Sheet =
        workbook_add_worksheet(Book, sheetName(L.text(Text::Summary), Used).c_str());
    SummaryTable T = summaryTable(R, Tax, L);
    for (size_t C = 0; C < T.Header.size(); ++C)
      put(Sheet, 0, static_cast<lxw_col_t>(C), T.Header[C], Header);
    for (size_t Row = 0; Row < T.Rows.size(); ++Row)
      for (size_t C = 0; C < T.Rows[Row].size(); ++C)
        put(Sheet, static_cast<lxw_row_t>(Row + 1), static_cast<lxw_col_t>(C), T.Rows[Row][C],
            Wrap);
    worksheet_set_column(Sheet, 0, 0, 20, nullptr);
    worksheet_set_column(Sheet, 1, static_cast<lxw_col_t>(T.Header.size() - 1), 36, nullptr);
    worksheet_freeze_panes(Sheet, 1, 2);
    worksheet_autofilter(Sheet, 0, 0, static_cast<lxw_row_t>(T.Rows.size()),
                         static_cast<lxw_col_t>(T.Header.size() - 1));
    worksheet_set_landscape(Sheet);
  }

  // --- One activity, like the CNIL template's activity sheet -----------------

  lxw_worksheet *Sheet = nullptr;
  lxw_row_t Row = 0;

  void heading(Text Name, std::vector<std::string> Columns) {
    ++Row; // a blank row before each section
    put(Sheet, Row, 0, L.text(Name), Section);
    for (size_t C = 0; C < Columns.size(); ++C)
      put(Sheet, Row, static_cast<lxw_col_t>(C + 1), Columns[C], Section);
    for (size_t C = Columns.size() + 1; C < 4; ++C)
      put(Sheet, Row, static_cast<lxw_col_t>(C), "", Section);
    ++Row;
  }

  void line(std::vector<std::string> Cells, bool Flag = false) {
    for (size_t C = 0; C < Cells.size(); ++C)
      put(Sheet, Row, static_cast<lxw_col_t>(C), Cells[C], C == 0 ? Header : Flag ? Alert : Wrap);
    ++Row;
  }

  std::string orMissing(const std::string &S) const {
    return S.empty() ? std::string(L.text(Text::MissingValue)) : S;
  }

  void activity(const RegisterActivity &A) {
    Sheet = workbook_add_worksheet(Book, sheetName(A.Id, Used).c_str());
    worksheet_set_column(Sheet, 0, 0, 34, nullptr);
    worksheet_set_column(Sheet, 1, 1, 52, nullptr);
    worksheet_set_column(Sheet, 2, 2, 34, nullptr);
    worksheet_set_column(Sheet, 3, 3, 60, nullptr);
    worksheet_set_landscape(Sheet);
    worksheet_fit_to_pages(Sheet, 1, 0);
    Row = 0;
    put(Sheet, Row++, 0,
        L.text(Text::ActivitySheet) + std::string(L.text(Text::Colon)) +
            (A.Name.empty() ? A.Id : A.Name),
        Title);
    put(Sheet, Row++, 0, L.text(Text::Legend), nullptr);
    description(A);
    actors();
    purposes(A);
    categories(A);
    sensitive(A);
    subjects(A);
    recipients(A);
    measures(A);
    transfers(A);
    dpia(A);
  }

  void description(const RegisterActivity &A) {
    heading(Text::DescriptionSection, {L.text(Text::Description), L.text(Text::Source)});
    line({L.text(Text::ActivityName), orMissing(A.Name), L.provenance(Provenance::Declared)});
    line({L.text(Text::Ref), A.Id, L.provenance(Provenance::Declared)});
    line({L.text(Text::EntryPoints), locations(A.EntryPoints, L, O.Links),
          L.provenance(Provenance::Derived)});
  }

  void actors() {
    heading(Text::Actors, {L.text(Text::Name), L.text(Text::Contact), L.text(Text::Source)});
    std::string Declared = L.provenance(Provenance::Declared);
    auto Party = [&](Text Role, const std::optional<pdflow::Party> &P, bool Required) {
      std::string None = L.text(Required ? Text::MissingValue : Text::NoneValue);
      line({L.text(Role), P && !P->Name.empty() ? P->Name : None, P ? P->Contact : "", Declared},
           Required && (!P || P->Name.empty()));
    };
    Party(R.Role == OrganisationRole::Processor ? Text::Processor : Text::Controller, R.Controller,
          true);
    Party(Text::Dpo, R.Dpo, true);
    Party(Text::Representative, R.Representative, false);
    if (R.JointControllers.empty())
      Party(Text::JointControllers, std::nullopt, false);
    for (const pdflow::Party &J : R.JointControllers)
      Party(Text::JointControllers, J, false);
  }

  void purposes(const RegisterActivity &A) {
    heading(Text::Purposes, {L.text(Text::Description), L.text(Text::Source)});
    std::string Declared = L.provenance(Provenance::Declared);
    if (A.Purposes.empty())
      line({L.text(Text::Purposes), L.text(Text::MissingValue), Declared}, true);
    for (const std::string &P : A.Purposes)
      line({L.text(Text::Purposes), L.purpose(P), Declared});
    line({L.text(Text::LegalBasis),
          orMissing(A.LegalBasis.empty() ? "" : L.legalBasis(A.LegalBasis)), Declared},
         A.LegalBasis.empty());
    bool Sensitive = !sensitiveCategories(A, Tax).empty();
    line({L.text(Text::SpecialCondition),
          A.SpecialCondition.empty() ? L.text(Sensitive ? Text::MissingValue : Text::NoneValue)
                                     : L.specialCondition(A.SpecialCondition),
          Declared},
         Sensitive && A.SpecialCondition.empty());
    if (A.LegalBasis == "legitimate-interests" || !A.LegitimateInterest.empty())
      line({L.text(Text::LegitimateInterest), orMissing(A.LegitimateInterest), Declared},
           A.LegitimateInterest.empty());
  }

  std::string retentions(const std::vector<const RegisterCategory *> &Cats) const {
    std::vector<std::string> Out;
    for (const RegisterCategory *C : Cats)
      Out.push_back(categoryRetentionText(*C, L));
    return lines(Out);
  }

  std::string proof(const std::vector<const RegisterCategory *> &Cats) const {
    std::vector<std::string> Out;
    for (const RegisterCategory *C : Cats)
      Out.push_back(C->Id + ":\n" + locations(C->Proof, L, O.Links));
    return lines(Out);
  }

  void categories(const RegisterActivity &A) {
    heading(Text::Categories,
            {L.text(Text::Description), L.text(Text::Retention), L.text(Text::Evidence)});
    bool Any = false;
    for (const CategoryGroupView &G : groupCategories(A, Tax)) {
      if (G.Group == "sensitive" || G.Group == "criminal")
        continue; // the next block, as in the template
      std::vector<std::string> Names;
      for (const RegisterCategory *C : G.Categories)
        Names.push_back(L.category(C->Id));
      line({L.group(G.Group), lines(Names), retentions(G.Categories), proof(G.Categories)});
      Any = true;
    }
    if (!Any)
      line({L.text(Text::NoneValue)});
  }

  void sensitive(const RegisterActivity &A) {
    heading(Text::SensitiveData,
            {L.text(Text::Description), L.text(Text::Retention), L.text(Text::Evidence)});
    std::vector<const RegisterCategory *> Cats = sensitiveCategories(A, Tax);
    if (Cats.empty())
      line({L.text(Text::No)});
    for (const RegisterCategory *C : Cats)
      line({L.category(C->Id), lines(C->Elements), categoryRetentionText(*C, L),
            locations(C->Proof, L, O.Links)},
           true);
  }

  void subjects(const RegisterActivity &A) {
    heading(Text::Subjects, {L.text(Text::Description), L.text(Text::Source)});
    if (A.Subjects.empty())
      line({L.text(Text::Subjects), L.text(Text::MissingValue)}, true);
    for (const RegisterSubject &S : A.Subjects)
      line({L.text(Text::Subjects), L.subject(S.Id), L.provenance(S.Source)});
  }

  void recipients(const RegisterActivity &A) {
    heading(Text::Recipients,
            {L.text(Text::RecipientType), L.text(Text::Receives), L.text(Text::Evidence)});
    if (A.Recipients.empty())
      line({L.text(Text::NoneValue)});
    for (const RegisterRecipient &Rec : A.Recipients) {
      std::string Type = L.recipientClass(Rec.Class) + " (" + L.sinkKind(Rec.Kind) + ")";
      std::vector<std::string> Receives =
          mapLabels(Rec.Categories, [&](const std::string &Id) { return L.category(Id); });
      line({recipientText(Rec, L), Type, lines(Receives), locations(Rec.Proof, L, O.Links)});
    }
  }

  void measures(const RegisterActivity &A) {
    heading(Text::SecurityMeasures,
            {L.text(Text::Type), L.text(Text::Details), L.text(Text::Evidence)});
    if (R.SecurityMeasures.empty() && A.Measures.empty())
      line({L.text(Text::SecurityMeasures), L.text(Text::MissingValue)}, true);
    for (const std::string &M : R.SecurityMeasures)
      line({L.text(Text::MeasuresDeclared), M, L.provenance(Provenance::Declared)});
    for (const RegisterMeasure &M : A.Measures)
      line({L.text(Text::MeasuresInCode), L.effect(M.Effect),
            measureText(M, L) + "\n" + L.provenance(Provenance::Derived),
            locations(M.Proof, L, O.Links)});
  }

  void transfers(const RegisterActivity &A) {
    heading(Text::Transfers,
            {L.text(Text::Country), L.text(Text::Safeguards), L.text(Text::Evidence)});
    if (A.Transfers.empty())
      line({L.text(Text::NoneValue)});
    for (const RegisterTransfer &T : A.Transfers) {
      std::string Basis = L.transferBasis(T);
      if (!T.Covered)
        Basis += " (" + std::string(L.text(Text::Flagged)) + ")";
      line({T.Recipient, L.country(T.Country), Basis, locations(T.Proof, L, O.Links)}, !T.Covered);
    }
  }

  void dpia(const RegisterActivity &A) {
    heading(Text::Dpia, {L.text(Text::Description)});
    line({L.text(Text::Dpia), dpiaText(A.Dpia, L), L.provenance(Provenance::Derived)},
         A.Dpia.LikelyRequired);
    line({"", L.text(Text::DpiaNote)});
    std::vector<std::string> Missing;
    for (const MissingField &F : R.Missing)
      if (F.Activity == A.Id)
        Missing.push_back(L.missingField(F));
    if (!Missing.empty()) {
      heading(Text::Missing, {L.text(Text::Description)});
      line({L.text(Text::Missing), lines(Missing)}, true);
    }
    toConfirm(A);
  }

  /// Inferred categories, in a section of their own below the register's.
  void toConfirm(const RegisterActivity &A) {
    if (A.ToConfirm.empty())
      return;
    heading(Text::ToConfirm,
            {L.text(Text::Elements), L.text(Text::ConfirmWith), L.text(Text::Evidence)});
    line({"", L.text(Text::ToConfirmNote)});
    for (const ToConfirmCategory &C : A.ToConfirm) {
      auto [Elements, Fixes] = inferredColumns(C);
      line({L.category(C.Id), Elements, Fixes, locations(C.Proof, L, O.Links)});
    }
  }

  /// The elements (with reason and confidence) and the annotations that
  /// confirm them, one per line.
  std::pair<std::string, std::string> inferredColumns(const ToConfirmCategory &C) const {
    std::vector<std::string> Elements, Fixes;
    for (const InferredElement &E : C.Elements) {
      Elements.push_back(E.Element + " (" + E.Reason + ", " + L.text(Text::Confidence) + " " +
                         std::to_string(E.Confidence) + ")");
      Fixes.push_back(confirmingAnnotation(E, C.Id));
    }
    return {lines(Elements), lines(Fixes)};
  }

  /// Inferred data reaching a sink under no activity: a sheet of its own.
  void unregisteredToConfirm() {
    if (R.UnregisteredToConfirm.empty())
      return;
    Sheet = workbook_add_worksheet(Book, sheetName(L.text(Text::ToConfirmSheet), Used).c_str());
    const Text Columns[] = {Text::Category, Text::Elements, Text::ConfirmWith, Text::Sink,
                            Text::Evidence};
    for (size_t C = 0; C < 5; ++C) {
      put(Sheet, 0, static_cast<lxw_col_t>(C), L.text(Columns[C]), Header);
      worksheet_set_column(Sheet, static_cast<lxw_col_t>(C), static_cast<lxw_col_t>(C), 40,
                           nullptr);
    }
    put(Sheet, 1, 0, L.text(Text::ToConfirmNote), nullptr);
    lxw_row_t Line = 2;
    for (const ToConfirmCategory &X : R.UnregisteredToConfirm) {
      auto [Elements, Fixes] = inferredColumns(X);
      const std::string Cells[] = {L.category(X.Id), Elements, Fixes, lines(X.Recipients),
                                   locations(X.Proof, L, O.Links)};
      for (size_t C = 0; C < 5; ++C)
        put(Sheet, Line, static_cast<lxw_col_t>(C), Cells[C], Wrap);
      ++Line;
    }
  }

  void unregistered() {
    if (R.Unregistered.empty())
      return;
    Sheet = workbook_add_worksheet(Book, sheetName(L.text(Text::Unregistered), Used).c_str());
    const Text Columns[] = {Text::Element, Text::Category, Text::Sink, Text::Function,
                            Text::Evidence};
    for (size_t C = 0; C < 5; ++C) {
      put(Sheet, 0, static_cast<lxw_col_t>(C), L.text(Columns[C]), Header);
      worksheet_set_column(Sheet, static_cast<lxw_col_t>(C), static_cast<lxw_col_t>(C), 40,
                           nullptr);
    }
    lxw_row_t Line = 1;
    for (const UnregisteredFlow &F : R.Unregistered) {
      const std::string Cells[] = {F.Element, L.category(F.Category),
                                   L.sinkKind(F.Kind) + L.text(Text::Colon) + F.Sink, F.Function,
                                   locations(F.Proof, L, O.Links)};
      for (size_t C = 0; C < 5; ++C)
        put(Sheet, Line, static_cast<lxw_col_t>(C), Cells[C], Wrap);
      ++Line;
    }
  }

  /// Art. 30(2): one row per controller the processor acts for.
  void processorSheet() {
    if (R.Role != OrganisationRole::Processor)
      return;
    Sheet = workbook_add_worksheet(Book, sheetName("Art. 30(2)", Used).c_str());
    const Text Columns[] = {
        Text::Controller,           Text::Contact,   Text::Representative,  Text::Dpo,
        Text::ProcessingCategories, Text::Transfers, Text::SecurityMeasures};
    for (size_t C = 0; C < 7; ++C) {
      put(Sheet, 0, static_cast<lxw_col_t>(C), L.text(Columns[C]), Header);
      worksheet_set_column(Sheet, static_cast<lxw_col_t>(C), static_cast<lxw_col_t>(C), 36,
                           nullptr);
    }
    lxw_row_t Line = 1;
    for (const ProcessorRecordView &V : processorRecord(R, L)) {
      const RegisterClientController &C = *V.Controller;
      const std::string Cells[] = {
          C.Controller.Name, C.Controller.Contact, partyText(C.Representative),
          partyText(C.Dpo),  lines(V.Processing),  lines(V.Transfers),
          lines(V.Measures)};
      for (size_t Col = 0; Col < 7; ++Col)
        put(Sheet, Line, static_cast<lxw_col_t>(Col), Cells[Col], Wrap);
      ++Line;
    }
  }

  const Register &R;
  const Taxonomy &Tax;
  const RegisterRenderOptions &O;
  Labels L;
  lxw_workbook *Book = nullptr;
  lxw_format *Wrap = nullptr, *Header = nullptr, *Section = nullptr, *Title = nullptr,
             *Alert = nullptr;
  std::set<std::string> Used;
};

} // namespace

std::optional<std::string> renderRegisterXlsx(const Register &R, const Taxonomy &Tax,
                                              const RegisterRenderOptions &O, std::string &Error) {
  // libxlsxwriter 1.1.4 (Debian 12) writes only to a file: a temporary one,
  // read back, so that the workbook is written where the user asked like
  // every other output.
  llvm::SmallString<256> Path;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile("pdflow-register", "xlsx", Path)) {
    Error = "cannot create a temporary file for the workbook: " + errorReason(EC);
    return std::nullopt;
  }
  llvm::sys::RemoveFileOnSignal(Path);
  auto Cleanup = llvm::make_scope_exit([&] {
    llvm::sys::fs::remove(Path);
    llvm::sys::DontRemoveFileOnSignal(Path);
  });
  if (!XlsxWriter(R, Tax, O).write(std::string(Path), Error))
    return std::nullopt;
  auto Bytes = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Bytes) {
    Error = "cannot read the workbook back from '" + std::string(Path) +
            "': " + errorReason(Bytes.getError());
    return std::nullopt;
  }
  return (*Bytes)->getBuffer().str();
}

} // namespace pdflow
