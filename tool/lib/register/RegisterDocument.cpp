// The register for people: organisation, a summary, one section per
// activity (fields with their provenance, categories, recipients, transfers,
// measures, DPIA screening, each with its evidence), unregistered
// processing, the processor's record, missing fields.

#include "Document.h"

#include "Views.h"

#include "llvm/ADT/StringExtras.h"

namespace pdflow::doc {

namespace {

Span text(std::string S) { return {std::move(S), Style::Text, ""}; }
Span strong(std::string S) { return {std::move(S), Style::Strong, ""}; }
Span code(std::string S) { return {std::move(S), Style::Code, ""}; }
Span alert(std::string S) { return {std::move(S), Style::Alert, ""}; }
Span missing(std::string S) { return {std::move(S), Style::Missing, ""}; }
Span lineBreak() { return text("\n"); }

Block block(Block::Kind K) {
  Block B;
  B.K = K;
  return B;
}

/// Items as one cell, one per line.
Cell lines(const std::vector<std::string> &Items) {
  Cell C;
  for (const std::string &I : Items) {
    if (!C.empty())
      C.push_back(lineBreak());
    C.push_back(text(I));
  }
  return C;
}

class DocumentBuilder {
public:
  DocumentBuilder(const Register &R, const Taxonomy &Tax, const Labels &L,
                  const std::optional<SourceLinker> &Links)
      : R(R), Tax(Tax), L(L), Links(Links) {}

  Document build() {
    D.Title = L.text(Text::Title);
    D.Lang = L.lang() == RegisterLang::Fr ? "fr" : "en";
    heading(1, D.Title, "top");
    paragraph({text(L.text(Text::Subtitle))});
    note({text(L.text(Text::Caveat))});
    paragraph({text(L.text(Text::Legend)), text(" "), source(Provenance::Declared), text(" "),
               source(Provenance::Derived), text(" "), source(Provenance::DeclaredAndDerived)});
    heading(2, L.text(Text::DataMap), "data-map");
    note({text(L.text(Text::DataMapNote))});
    add(block(Block::Kind::DataMap));
    organisation();
    summary();
    for (const RegisterActivity &A : R.Activities)
      activity(A);
    unregistered();
    processorRecord();
    missingFields();
    return std::move(D);
  }

private:
  void add(Block B) { D.Blocks.push_back(std::move(B)); }

  void heading(int Level, std::string Title, std::string Anchor = "") {
    Block B = block(Block::Kind::Heading);
    B.Level = Level;
    B.Anchor = std::move(Anchor);
    B.Content = {text(std::move(Title))};
    add(std::move(B));
  }

  void paragraph(Cell C) {
    Block B = block(Block::Kind::Paragraph);
    B.Content = std::move(C);
    add(std::move(B));
  }

  void note(Cell C) {
    Block B = block(Block::Kind::Note);
    B.Content = std::move(C);
    add(std::move(B));
  }

  void table(Table T) {
    Block B = block(Block::Kind::Table);
    B.T = std::move(T);
    add(std::move(B));
  }

  void section(std::string Anchor, std::string Class) {
    Block B = block(Block::Kind::BeginSection);
    B.Anchor = std::move(Anchor);
    B.Class = std::move(Class);
    add(std::move(B));
  }

  void endSection() { add(block(Block::Kind::EndSection)); }

  Span source(Provenance P) const { return {L.provenance(P), Style::Source, ""}; }

  Span location(const SourceLoc &Loc) const {
    Span S = code(Loc.str());
    if (Links)
      S.Url = Links->url(Loc);
    return S;
  }

  Cell evidence(const std::vector<Evidence> &Proof) const {
    Cell C;
    for (const Evidence &E : Proof) {
      if (!C.empty())
        C.push_back(lineBreak());
      C.push_back(text(L.evidenceKind(E.What) + " "));
      C.push_back(location(E.Loc));
    }
    return C;
  }

  /// A declared value, or "missing" when Required, or "none".
  Cell value(const std::string &S, bool Required) const {
    if (!S.empty())
      return {text(S)};
    return {Required ? missing(L.text(Text::MissingValue)) : text(L.text(Text::NoneValue))};
  }

  std::vector<Cell> field(Text Name, Cell Value, std::optional<Provenance> Source) const {
    return {{strong(L.text(Name))}, std::move(Value), Source ? Cell{source(*Source)} : Cell{}};
  }

  void organisation() {
    heading(2, L.text(Text::Organisation), "organisation");
    Table T;
    auto Decl = Provenance::Declared;
    T.Rows.push_back(
        field(Text::Role,
              {text(L.text(R.Role == OrganisationRole::Processor ? Text::RoleProcessor
                                                                 : Text::RoleController))},
              Decl));
    T.Rows.push_back(
        field(R.Role == OrganisationRole::Processor ? Text::Processor : Text::Controller,
              value(partyText(Party{R.Controller.Name, R.Controller.Contact}), true), Decl));
    T.Rows.push_back(field(Text::Dpo, value(partyText(R.Dpo), true), Decl));
    T.Rows.push_back(field(Text::Representative, value(partyText(R.Representative), false), Decl));
    std::vector<std::string> Joint;
    for (const Party &P : R.JointControllers)
      Joint.push_back(partyText(P));
    T.Rows.push_back(
        field(Text::JointControllers, Joint.empty() ? value("", false) : lines(Joint), Decl));
    T.Rows.push_back(field(Text::SecurityMeasures,
                           R.SecurityMeasures.empty() ? value("", true) : lines(R.SecurityMeasures),
                           Decl));
    table(std::move(T));
  }

  void summary() {
    heading(2, L.text(Text::Activities), "activities");
    Table T;
    T.Header = {L.text(Text::Ref),        L.text(Text::ActivityName),  L.text(Text::Purposes),
                L.text(Text::LegalBasis), L.text(Text::SensitiveData), L.text(Text::Transfers),
                L.text(Text::Dpia)};
    for (const RegisterActivity &A : R.Activities) {
      Span Ref = code(A.Id);
      Ref.Url = "#activity-" + A.Id;
      std::vector<std::string> Sensitive, Transfers;
      for (const RegisterCategory *C : sensitiveCategories(A, Tax))
        Sensitive.push_back(L.category(C->Id));
      Cell TransferCell;
      for (const RegisterTransfer &X : A.Transfers) {
        if (!TransferCell.empty())
          TransferCell.push_back(lineBreak());
        std::string S = X.Recipient + " (" + X.Country + ")";
        TransferCell.push_back(X.Covered ? text(S) : alert(S));
      }
      T.Rows.push_back({
          {Ref},
          value(A.Name, true),
          value(llvm::join(
                    mapLabels(A.Purposes, [&](const std::string &Id) { return L.purpose(Id); }),
                    ", "),
                true),
          value(A.LegalBasis.empty() ? "" : L.legalBasis(A.LegalBasis), true),
          Sensitive.empty() ? Cell{text(L.text(Text::No))}
                            : Cell{alert(llvm::join(Sensitive, ", "))},
          TransferCell.empty() ? Cell{text(L.text(Text::NoneValue))} : TransferCell,
          {A.Dpia.LikelyRequired ? alert(L.text(Text::DpiaLikely))
                                 : text(L.text(Text::DpiaNotIndicated))},
      });
    }
    table(std::move(T));
  }

  void activity(const RegisterActivity &A) {
    section("activity-" + A.Id, "activity");
    heading(2, (A.Name.empty() ? A.Id : A.Name) + " (" + A.Id + ")");
    Table T;
    auto Decl = Provenance::Declared;
    T.Rows.push_back(field(
        Text::Purposes,
        A.Purposes.empty()
            ? value("", true)
            : lines(mapLabels(A.Purposes, [&](const std::string &Id) { return L.purpose(Id); })),
        Decl));
    T.Rows.push_back(field(Text::LegalBasis,
                           value(A.LegalBasis.empty() ? "" : L.legalBasis(A.LegalBasis), true),
                           Decl));
    bool Sensitive = !sensitiveCategories(A, Tax).empty();
    T.Rows.push_back(field(
        Text::SpecialCondition,
        value(A.SpecialCondition.empty() ? "" : L.specialCondition(A.SpecialCondition), Sensitive),
        Decl));
    if (A.LegalBasis == "legitimate-interests" || !A.LegitimateInterest.empty())
      T.Rows.push_back(field(Text::LegitimateInterest, value(A.LegitimateInterest, true), Decl));
    Cell Subjects;
    for (const RegisterSubject &S : A.Subjects) {
      if (!Subjects.empty())
        Subjects.push_back(lineBreak());
      Subjects.push_back(text(L.subject(S.Id) + " "));
      Subjects.push_back(source(S.Source));
    }
    T.Rows.push_back(field(Text::Subjects, Subjects.empty() ? value("", true) : Subjects, {}));
    T.Rows.push_back(field(Text::ActivityRetention,
                           value(A.Retention.empty() ? "" : L.duration(A.Retention), false), Decl));
    T.Rows.push_back(field(Text::EntryPoints,
                           A.EntryPoints.empty() ? value("", false) : evidence(A.EntryPoints),
                           Provenance::Derived));
    table(std::move(T));
    categories(A);
    recipients(A);
    transfers(A);
    measures(A);
    dpia(A);
    toConfirm(3, Text::ToConfirm, A.ToConfirm);
    endSection();
  }

  void categories(const RegisterActivity &A) {
    heading(3, L.text(Text::Categories));
    if (A.Categories.empty()) {
      paragraph({text(L.text(Text::NoneValue))});
      return;
    }
    Table T;
    T.Header = {L.text(Text::Category), L.text(Text::Retention), L.text(Text::Elements),
                L.text(Text::Evidence)};
    for (const CategoryGroupView &G : groupCategories(A, Tax))
      for (const RegisterCategory *C : G.Categories) {
        bool Sensitive = Tax.isSpecial(C->Id) || Tax.isCriminal(C->Id);
        Cell Name = {Sensitive ? alert(L.category(C->Id)) : strong(L.category(C->Id)), lineBreak(),
                     code(C->Id), lineBreak(), text(L.group(G.Group))};
        Cell Retention;
        for (const RetentionValue &V : C->Retention) {
          if (!Retention.empty())
            Retention.push_back(lineBreak());
          if (V.Value.empty()) {
            Retention.push_back(C->Stored ? missing(L.text(Text::MissingValue))
                                          : text(L.text(Text::NotKept)));
            continue;
          }
          Retention.push_back(text(L.retention(V) + " "));
          Retention.push_back(source(V.Source));
        }
        Cell Elements;
        for (const std::string &E : C->Elements) {
          if (!Elements.empty())
            Elements.push_back(lineBreak());
          Elements.push_back(code(E));
        }
        T.Rows.push_back({Name, Retention, Elements, evidence(C->Proof)});
      }
    table(std::move(T));
  }

  void recipients(const RegisterActivity &A) {
    heading(3, L.text(Text::Recipients));
    if (A.Recipients.empty()) {
      paragraph({text(L.text(Text::NoneValue))});
      return;
    }
    Table T;
    T.Header = {L.text(Text::RecipientType), L.text(Text::Recipient), L.text(Text::Country),
                L.text(Text::Receives), L.text(Text::Evidence)};
    for (const RegisterRecipient &Rec : A.Recipients) {
      Cell Type = {text(L.recipientClass(Rec.Class)), lineBreak(), text(L.sinkKind(Rec.Kind))};
      if (Rec.Class != RecipientClass::Internal) {
        Type.push_back(lineBreak());
        Type.push_back(Rec.ClassSource == Provenance::Declared
                           ? source(Provenance::Declared)
                           : missing(L.text(Text::RoleNotDeclared)));
        if (!Rec.Contract.empty()) {
          Type.push_back(lineBreak());
          Type.push_back(
              text(L.text(Text::Contract) + std::string(L.text(Text::Colon)) + Rec.Contract));
        }
      }
      Cell Country;
      if (!Rec.Country.empty() || Rec.Kind == SinkKind::ThirdParty)
        Country.push_back(text(L.country(Rec.Country)));
      if (Rec.Guard != Safeguard::Unspecified) {
        Country.push_back(lineBreak());
        Country.push_back(text(L.safeguard(Rec.Guard)));
      }
      T.Rows.push_back(
          {Type,
           {strong(Rec.Name)},
           Country,
           lines(mapLabels(Rec.Categories, [&](const std::string &Id) { return L.category(Id); })),
           evidence(Rec.Proof)});
    }
    table(std::move(T));
  }

  void transfers(const RegisterActivity &A) {
    heading(3, L.text(Text::Transfers));
    if (A.Transfers.empty()) {
      paragraph({text(L.text(Text::NoneValue))});
      return;
    }
    Table T;
    T.Header = {L.text(Text::Recipient), L.text(Text::Country), L.text(Text::Safeguards),
                L.text(Text::Receives), L.text(Text::Evidence)};
    for (const RegisterTransfer &X : A.Transfers) {
      Span Basis = X.Covered ? text(L.transferBasis(X))
                             : alert(L.transferBasis(X) + " (" + L.text(Text::Flagged) + ")");
      T.Rows.push_back(
          {{strong(X.Recipient)},
           {text(L.country(X.Country))},
           {Basis},
           lines(mapLabels(X.Categories, [&](const std::string &Id) { return L.category(Id); })),
           evidence(X.Proof)});
    }
    table(std::move(T));
  }

  void measures(const RegisterActivity &A) {
    heading(3, L.text(Text::SecurityMeasures));
    Table T;
    T.Header = {L.text(Text::Type), L.text(Text::AppliedBy), L.text(Text::Protects),
                L.text(Text::Evidence)};
    for (const RegisterMeasure &M : A.Measures) {
      Cell By;
      for (const std::string &F : M.Functions) {
        if (!By.empty())
          By.push_back(lineBreak());
        By.push_back(code(F));
      }
      T.Rows.push_back(
          {{strong(L.effect(M.Effect)), lineBreak(), source(Provenance::Derived)},
           By,
           lines(mapLabels(M.Categories, [&](const std::string &Id) { return L.category(Id); })),
           evidence(M.Proof)});
    }
    paragraph({text(L.text(Text::MeasuresDeclared) + std::string(L.text(Text::Colon))),
               R.SecurityMeasures.empty() ? missing(L.text(Text::MissingValue))
                                          : text(std::to_string(R.SecurityMeasures.size())),
               text(" ("), Span{L.text(Text::Organisation), Style::Text, "#organisation"},
               text(")")});
    if (T.Rows.empty())
      paragraph({text(L.text(Text::MeasuresInCode) + std::string(L.text(Text::Colon)) +
                      L.text(Text::NoneValue))});
    else
      table(std::move(T));
  }

  void dpia(const RegisterActivity &A) {
    heading(3, L.text(Text::Dpia));
    paragraph({A.Dpia.LikelyRequired ? alert(L.text(Text::DpiaLikely))
                                     : text(L.text(Text::DpiaNotIndicated)),
               text(" "), source(Provenance::Derived)});
    if (!A.Dpia.Reasons.empty()) {
      Block B = block(Block::Kind::List);
      for (const DpiaReason &Reason : A.Dpia.Reasons)
        B.Items.push_back({text(dpiaReasonText(Reason, L))});
      add(std::move(B));
    }
    note({text(L.text(Text::DpiaNote))});
  }

  /// Inferred categories, apart from the register's own: what pdflow
  /// guessed, each declaration with the annotation that confirms it.
  void toConfirm(int Level, Text Title, const std::vector<ToConfirmCategory> &Items) {
    if (Items.empty())
      return;
    heading(Level, L.text(Title));
    note({text(L.text(Text::ToConfirmNote))});
    Table T;
    T.Header = {L.text(Text::Category), L.text(Text::Elements), L.text(Text::ConfirmWith),
                L.text(Text::Sink), L.text(Text::Evidence)};
    for (const ToConfirmCategory &C : Items) {
      Cell Elements, Fixes;
      for (const InferredElement &E : C.Elements) {
        if (!Elements.empty()) {
          Elements.push_back(lineBreak());
          Fixes.push_back(lineBreak());
        }
        Elements.push_back(code(E.Element));
        Elements.push_back(text(" (" + E.Reason + ", " + L.text(Text::Confidence) + " " +
                                std::to_string(E.Confidence) + ")"));
        Fixes.push_back(code(confirmingAnnotation(E, C.Id)));
      }
      T.Rows.push_back(
          {{strong(L.category(C.Id)), lineBreak(), code(C.Id)},
           Elements,
           Fixes,
           C.Recipients.empty() ? Cell{text(L.text(Text::NoneValue))} : lines(C.Recipients),
           evidence(C.Proof)});
    }
    table(std::move(T));
  }

  void unregistered() {
    section("unregistered", "unregistered");
    heading(2, L.text(Text::Unregistered));
    note({text(L.text(Text::UnregisteredNote))});
    if (R.Unregistered.empty()) {
      paragraph({text(L.text(Text::NoneValue))});
      toConfirm(3, Text::UnregisteredToConfirm, R.UnregisteredToConfirm);
      endSection();
      return;
    }
    Table T;
    T.Header = {L.text(Text::Element), L.text(Text::Category), L.text(Text::Sink),
                L.text(Text::Function), L.text(Text::Evidence)};
    for (const UnregisteredFlow &F : R.Unregistered)
      T.Rows.push_back({{code(F.Element)},
                        {alert(L.category(F.Category))},
                        {text(L.sinkKind(F.Kind) + L.text(Text::Colon)), code(F.Sink)},
                        {code(F.Function)},
                        evidence(F.Proof)});
    table(std::move(T));
    toConfirm(3, Text::UnregisteredToConfirm, R.UnregisteredToConfirm);
    endSection();
  }

  void processorRecord() {
    if (R.Role != OrganisationRole::Processor)
      return;
    section("processor-record", "processor-record");
    heading(2, L.text(Text::ProcessorRecord));
    for (const ProcessorRecordView &V : pdflow::processorRecord(R, L)) {
      const RegisterClientController &C = *V.Controller;
      heading(3, C.Controller.Name);
      Table T;
      auto Decl = Provenance::Declared;
      T.Rows.push_back(field(Text::Contact, value(C.Controller.Contact, true), Decl));
      T.Rows.push_back(
          field(Text::Representative, value(partyText(C.Representative), false), Decl));
      T.Rows.push_back(field(Text::Dpo, value(partyText(C.Dpo), false), Decl));
      T.Rows.push_back(field(Text::ProcessingCategories, lines(V.Processing), Decl));
      T.Rows.push_back(field(Text::Transfers,
                             V.Transfers.empty() ? value("", false) : lines(V.Transfers),
                             Provenance::Derived));
      T.Rows.push_back(field(Text::SecurityMeasures,
                             V.Measures.empty() ? value("", true) : lines(V.Measures),
                             Provenance::DeclaredAndDerived));
      table(std::move(T));
    }
    endSection();
  }

  void missingFields() {
    heading(2, L.text(Text::Missing), "missing");
    note({text(L.text(Text::MissingNote))});
    if (R.Missing.empty()) {
      paragraph({text(L.text(Text::NoneValue))});
      return;
    }
    Block B = block(Block::Kind::List);
    for (const MissingField &F : R.Missing) {
      Cell Item;
      std::string Who = F.Activity.empty() ? std::string(L.text(Text::Organisation))
                                           : std::string(L.text(Text::Activity)) + " " + F.Activity;
      Item.push_back(strong(Who + L.text(Text::Colon)));
      Item.push_back(missing(L.missingField(F)));
      if (F.Where.valid()) {
        Item.push_back(text(", "));
        Item.push_back(code(F.Where.str()));
      }
      B.Items.push_back(std::move(Item));
    }
    add(std::move(B));
  }

  const Register &R;
  const Taxonomy &Tax;
  const Labels &L;
  const std::optional<SourceLinker> &Links;
  Document D;
};

} // namespace

Document registerDocument(const Register &R, const Taxonomy &Tax, const Labels &L,
                          const std::optional<SourceLinker> &Links) {
  return DocumentBuilder(R, Tax, L, Links).build();
}

} // namespace pdflow::doc
