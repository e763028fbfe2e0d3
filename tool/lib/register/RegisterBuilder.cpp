// The register from the model: declared fields from the config, categories,
// recipients, transfers and measures from the flows, each with its proof.

#include "pdflow/register/Register.h"

#include "Transfers.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace pdflow {

namespace {

template <typename T> std::vector<T> sorted(const std::set<T> &S) { return {S.begin(), S.end()}; }

bool isAnonymized(const Flow &F) {
  return std::find(F.Transforms.begin(), F.Transforms.end(), TransformEffect::Anonymize) !=
         F.Transforms.end();
}

bool runsUnder(const std::vector<std::string> &Activities, const std::string &Id) {
  return std::find(Activities.begin(), Activities.end(), Id) != Activities.end();
}

/// The transform a step records, with the function applying it. The solver
/// words a transform step "<effect>d by 'function'" (solver/Solver.cpp); no
/// other step names a function after " by '".
std::optional<std::pair<TransformEffect, std::string>> transformStep(const FlowStep &S) {
  const std::string &W = S.What;
  size_t By = W.find(" by '");
  if (By == std::string::npos || W.back() != '\'')
    return std::nullopt;
  for (const std::string &Name : transformEffectNames())
    if (W.compare(0, Name.size(), Name) == 0)
      return std::make_pair(*parseTransformEffect(Name), W.substr(By + 5, W.size() - By - 6));
  return std::nullopt;
}

// --- Accumulators: sets while collecting, sorted vectors at the end ---------

struct CategoryAcc {
  std::set<std::string> Elements;
  std::set<RetentionValue> Retention;
  bool Stored = false;
  std::set<Evidence> Proof;
};

using RecipientKey = std::tuple<RecipientClass, std::string, SinkKind, std::string, Safeguard>;
struct RecipientAcc {
  Provenance ClassSource = Provenance::Derived;
  std::string Contract;
  std::set<std::string> Categories;
  std::set<Evidence> Proof;
};

using TransferKey = std::tuple<std::string, std::string, Safeguard>;
struct TransferAcc {
  std::set<std::string> Categories;
  std::set<Evidence> Proof;
};

struct MeasureAcc {
  std::set<std::string> Functions;
  std::set<std::string> Categories;
  std::set<Evidence> Proof;
};

/// Inferred data of one category: listed apart, to confirm.
struct ToConfirmAcc {
  std::map<std::pair<std::string, SourceLoc>, InferredElement> Elements; // by name
  std::set<std::string> Recipients;
  std::set<Evidence> Proof;
};
using ToConfirmByCategory = std::map<std::string, ToConfirmAcc>;

bool isInferred(const DataElement *E) { return E && E->Origin == AnnotationOrigin::Inferred; }

/// E's category, to confirm; F (when given) is a flow of E's data.
void addToConfirm(ToConfirmByCategory &Out, const DataElement &E, const Flow *F) {
  ToConfirmAcc &C = Out[E.Spec.Category];
  C.Elements.try_emplace({E.QualifiedName, E.Loc},
                         InferredElement{E.QualifiedName, E.Inferred.Confidence,
                                         E.Inferred.describe(), E.Loc, E.Inferred.InsertLoc});
  C.Proof.insert({Evidence::Kind::Declaration, E.Loc});
  if (!F)
    return;
  C.Proof.insert({Evidence::Kind::SinkCall, F->SinkLoc});
  if (!isAnonymized(*F))
    C.Recipients.insert(F->Sink.Recipient.empty() ? F->Sink.Function : F->Sink.Recipient);
}

std::vector<ToConfirmCategory> finishToConfirm(const ToConfirmByCategory &In) {
  std::vector<ToConfirmCategory> Out;
  for (const auto &[Id, C] : In) {
    ToConfirmCategory X{Id, {}, sorted(C.Recipients), sorted(C.Proof)};
    for (const auto &[Name, E] : C.Elements)
      X.Elements.push_back(E);
    Out.push_back(std::move(X));
  }
  return Out;
}

/// Builds one activity's entry from the flows and uses that run under it.
class ActivityBuilder {
public:
  ActivityBuilder(const Model &M, const ActivityDecl *Decl, const std::string &Id)
      : M(M), Cfg(*M.Cfg), Tax(*M.Tax), Decl(Decl) {
    A.Id = Id;
    A.Declared = Decl != nullptr;
  }

  RegisterActivity build(std::vector<MissingField> &Missing) {
    copyDeclaration();
    for (const auto &[Id, Loc] : M.ActivityEntries)
      if (Id == A.Id)
        A.EntryPoints.push_back({Evidence::Kind::EntryPoint, Loc});
    std::sort(A.EntryPoints.begin(), A.EntryPoints.end());
    A.EntryPoints.erase(std::unique(A.EntryPoints.begin(), A.EntryPoints.end()),
                        A.EntryPoints.end());
    for (const Flow &F : M.Flows)
      if (runsUnder(F.Activities, A.Id))
        addFlow(F);
    for (const ElementUse &U : M.Uses)
      if (runsUnder(U.Activities, A.Id))
        addUse(U);
    finishCategories();
    finishSubjects();
    finishRecipients();
    finishTransfers();
    finishMeasures();
    screenDpia();
    reportMissing(Missing);
    A.ToConfirm = finishToConfirm(ToConfirm);
    return std::move(A);
  }

private:
  void copyDeclaration() {
    if (!Decl)
      return;
    A.Name = Decl->Name;
    A.Purposes = Decl->Purposes;
    A.LegalBasis = Decl->LegalBasis;
    A.SpecialCondition = Decl->SpecialCondition;
    A.LegitimateInterest = Decl->LegitimateInterest;
    A.Retention = Decl->Retention;
  }

  /// The element's category, with its declaration and retention.
  CategoryAcc *addElement(const std::string &ElementId) {
    const DataElement *E = M.element(ElementId);
    if (!E || E->Spec.Category.empty())
      return nullptr;
    CategoryAcc &C = Categories[E->Spec.Category];
    C.Elements.insert(E->QualifiedName);
    C.Proof.insert({Evidence::Kind::Declaration, E->Loc});
    C.Retention.insert(retentionOf(*E));
    if (!E->Spec.Subject.empty())
      DerivedSubjects.insert(E->Spec.Subject);
    return &C;
  }

  /// The element's own retention, else the activity's, else none.
  RetentionValue retentionOf(const DataElement &E) const {
    if (!E.Spec.Retention.empty())
      return {E.Spec.Retention, E.Origin == AnnotationOrigin::SideAnnotation ? Provenance::Declared
                                                                             : Provenance::Derived};
    return {A.Retention, Provenance::Declared};
  }

  /// Inferred data is listed apart, to confirm: a guess from a name is not
  /// what the controller declares.
  void addUse(const ElementUse &U) {
    if (const DataElement *E = M.element(U.ElementId); isInferred(E))
      addToConfirm(ToConfirm, *E, nullptr);
    else
      addElement(U.ElementId);
  }

  void addFlow(const Flow &F) {
    if (const DataElement *E = M.element(F.ElementId); isInferred(E))
      return addToConfirm(ToConfirm, *E, &F);
    CategoryAcc *C = addElement(F.ElementId);
    if (!C)
      return;
    const DataElement &E = *M.element(F.ElementId);
    const std::string &Category = E.Spec.Category;
    C->Proof.insert({Evidence::Kind::SinkCall, F.SinkLoc});
    addMeasures(F, Category);
    // Anonymised data is no longer personal (Recital 26): whoever receives
    // it is no recipient of personal data.
    if (isAnonymized(F))
      return;
    C->Stored = C->Stored || F.Sink.Kind == SinkKind::Storage || F.Sink.Kind == SinkKind::Export;
    // What proves that a recipient gets a category: where the data leaves,
    // and where the data is declared as of that category.
    std::vector<Evidence> Proof = {{Evidence::Kind::Declaration, E.Loc},
                                   {Evidence::Kind::SinkCall, F.SinkLoc}};
    addRecipient(F, Category, Proof);
    addTransfer(F, Category, Proof);
  }

  void addRecipient(const Flow &F, const std::string &Category,
                    const std::vector<Evidence> &Proof) {
    const SinkRef &S = F.Sink;
    std::string Name = S.Recipient.empty() ? S.Function : S.Recipient;
    RecipientClass Class = RecipientClass::Internal;
    Provenance Source = Provenance::Derived;
    std::string Contract;
    if (S.Kind == SinkKind::ThirdParty) {
      Class = RecipientClass::ThirdParty;
      auto Declared = std::find_if(Cfg.Recipients.begin(), Cfg.Recipients.end(),
                                   [&](const RecipientDecl &D) { return D.Name == Name; });
      if (Declared != Cfg.Recipients.end()) {
        Class = Declared->Role == RecipientRole::Processor ? RecipientClass::Processor
                                                           : RecipientClass::ThirdParty;
        Source = Provenance::Declared;
        Contract = Declared->Contract;
      }
    }
    RecipientAcc &R = Recipients[{Class, Name, S.Kind, S.Country, S.Guard}];
    R.ClassSource = Source;
    R.Contract = Contract;
    R.Categories.insert(Category);
    R.Proof.insert(Proof.begin(), Proof.end());
  }

  void addTransfer(const Flow &F, const std::string &Category, const std::vector<Evidence> &Proof) {
    const SinkRef &S = F.Sink;
    if (!isTransfer(Tax, S.Country))
      return;
    std::string Name = S.Recipient.empty() ? S.Function : S.Recipient;
    TransferAcc &T = Transfers[{Name, S.Country, S.Guard}];
    T.Categories.insert(Category);
    T.Proof.insert(Proof.begin(), Proof.end());
  }

  void addMeasures(const Flow &F, const std::string &Category) {
    for (TransformEffect Effect : F.Transforms) {
      MeasureAcc &Acc = Measures[Effect];
      Acc.Categories.insert(Category);
      bool Located = false;
      for (const FlowStep &S : F.Steps)
        if (auto Step = transformStep(S); Step && Step->first == Effect) {
          Acc.Functions.insert(Step->second);
          Acc.Proof.insert({Evidence::Kind::Transform, S.Loc});
          Located = true;
        }
      // A path cut short may have lost the step: the sink call still shows
      // where protected data leaves.
      if (!Located)
        Acc.Proof.insert({Evidence::Kind::SinkCall, F.SinkLoc});
    }
  }

  size_t groupIndex(const std::string &Category) const {
    std::string Group = Tax.groupOf(Category);
    const auto &Groups = Tax.groups();
    for (size_t I = 0; I < Groups.size(); ++I)
      if (Groups[I].Id == Group)
        return I;
    return Groups.size();
  }

  void finishCategories() {
    for (auto &[Id, C] : Categories)
      A.Categories.push_back(
          {Id, sorted(C.Elements), sorted(C.Retention), C.Stored, sorted(C.Proof)});
    std::stable_sort(A.Categories.begin(), A.Categories.end(),
                     [&](const RegisterCategory &X, const RegisterCategory &Y) {
                       return groupIndex(X.Id) < groupIndex(Y.Id);
                     });
  }

  void finishSubjects() {
    std::set<std::string> Declared;
    for (const std::string &S : Decl ? Decl->Subjects : std::vector<std::string>{}) {
      if (!Declared.insert(S).second)
        continue;
      A.Subjects.push_back(
          {S, DerivedSubjects.count(S) ? Provenance::DeclaredAndDerived : Provenance::Declared});
    }
    for (const std::string &S : DerivedSubjects)
      if (!Declared.count(S))
        A.Subjects.push_back({S, Provenance::Derived});
  }

  void finishRecipients() {
    for (auto &[Key, R] : Recipients) {
      const auto &[Class, Name, Kind, Country, Guard] = Key;
      A.Recipients.push_back({Name, Kind, Class, R.ClassSource, Country, Guard, R.Contract,
                              sorted(R.Categories), sorted(R.Proof)});
    }
  }

  void finishTransfers() {
    for (auto &[Key, T] : Transfers) {
      const auto &[Name, Country, Guard] = Key;
      TransferBasis Basis = assessTransfer(Tax, Country, Guard);
      A.Transfers.push_back({Name, Country, Guard, Basis.Adequacy, Basis.Covered,
                             sorted(T.Categories), sorted(T.Proof)});
    }
  }

  void finishMeasures() {
    for (auto &[Effect, Acc] : Measures)
      A.Measures.push_back(
          {Effect, sorted(Acc.Functions), sorted(Acc.Categories), sorted(Acc.Proof)});
  }

  void addReason(const std::string &Criterion, const std::set<std::string> &Details) {
    if (!Details.empty())
      A.Dpia.Reasons.push_back({Criterion, sorted(Details)});
  }

  /// Art. 35(1) and (3), with the EDPB's criteria (WP248 rev.01): special or
  /// criminal data, location data, evaluation or scoring (profiling),
  /// systematic monitoring; special data sent abroad weighs more still.
  void screenDpia() {
    std::set<std::string> Special, Criminal, Location, SpecialAbroad, Profiling, Monitoring;
    for (const RegisterCategory &C : A.Categories) {
      if (Tax.isSpecial(C.Id))
        Special.insert(C.Id);
      if (Tax.isCriminal(C.Id))
        Criminal.insert(C.Id);
      if (Tax.groupOf(C.Id) == "location")
        Location.insert(C.Id);
    }
    for (const RegisterTransfer &T : A.Transfers)
      for (const std::string &C : T.Categories)
        if (Tax.isSpecial(C) || Tax.isCriminal(C))
          SpecialAbroad.insert(T.Recipient + " (" + T.Country + ")");
    for (const std::string &P : A.Purposes)
      if (const TaxonomyTerm *T = Tax.purpose(P)) {
        if (T->Dpia == "profiling")
          Profiling.insert(P);
        if (T->Dpia == "monitoring")
          Monitoring.insert(P);
      }
    addReason("special-categories", Special);
    addReason("criminal-data", Criminal);
    addReason("special-data-transfer", SpecialAbroad);
    addReason("location-data", Location);
    addReason("profiling", Profiling);
    addReason("monitoring", Monitoring);
    A.Dpia.LikelyRequired = !A.Dpia.Reasons.empty();
  }

  void missing(std::vector<MissingField> &Out, std::string Field, std::string Article,
               std::string Detail = "") {
    SourceLoc Where = Decl ? Decl->Loc : SourceLoc{Cfg.Path, 0, 0};
    Out.push_back({A.Id, std::move(Field), std::move(Article), std::move(Detail), Where});
  }

  void reportMissing(std::vector<MissingField> &Out) {
    if (!A.Declared)
      missing(Out, "declaration", "30(1)");
    if (A.Purposes.empty())
      missing(Out, "purposes", "30(1)(b)");
    if (A.LegalBasis.empty())
      missing(Out, "legal_basis", "6(1)");
    else if (A.LegalBasis == "legitimate-interests" && A.LegitimateInterest.empty())
      missing(Out, "legitimate_interest", "6(1)(f)");
    bool Special = false, Criminal = false;
    for (const RegisterCategory &C : A.Categories) {
      Special = Special || Tax.isSpecial(C.Id);
      Criminal = Criminal || Tax.isCriminal(C.Id);
    }
    if ((Special || Criminal) && A.SpecialCondition.empty())
      missing(Out, "special_condition", Special ? "9(2)" : "10");
    if (A.Subjects.empty())
      missing(Out, "subjects", "30(1)(c)");
    // Data that is never kept needs no time limit for its erasure.
    for (const RegisterCategory &C : A.Categories)
      if (C.Stored && !C.Retention.empty() && C.Retention.front().Value.empty())
        missing(Out, "retention", "30(1)(f)", C.Id);
  }

  const Model &M;
  const Config &Cfg;
  const Taxonomy &Tax;
  const ActivityDecl *Decl;
  RegisterActivity A;
  std::map<std::string, CategoryAcc> Categories;
  std::set<std::string> DerivedSubjects;
  std::map<RecipientKey, RecipientAcc> Recipients;
  std::map<TransferKey, TransferAcc> Transfers;
  std::map<TransformEffect, MeasureAcc> Measures;
  ToConfirmByCategory ToConfirm;
};

/// Activity ids the code names (annotations, entry points) that the config
/// does not declare, sorted.
std::vector<std::string> undeclaredActivities(const Model &M) {
  std::set<std::string> Ids;
  for (const Flow &F : M.Flows)
    Ids.insert(F.Activities.begin(), F.Activities.end());
  for (const ElementUse &U : M.Uses)
    Ids.insert(U.Activities.begin(), U.Activities.end());
  for (const auto &[Id, Loc] : M.ActivityEntries)
    Ids.insert(Id);
  for (const ActivityDecl &D : M.Cfg->Activities)
    Ids.erase(D.Id);
  return sorted(Ids);
}

std::vector<UnregisteredFlow> unregisteredFlows(const Model &M) {
  std::set<std::tuple<std::string, std::string, SinkKind, std::string, SourceLoc, SourceLoc,
                      std::string>>
      Seen;
  for (const Flow &F : M.Flows) {
    const DataElement *E = M.element(F.ElementId);
    if (!F.Activities.empty() || isAnonymized(F) || !E || isInferred(E))
      continue;
    std::string Sink = F.Sink.Recipient.empty() ? F.Sink.Function : F.Sink.Recipient;
    Seen.insert(
        {E->QualifiedName, E->Spec.Category, F.Sink.Kind, Sink, E->Loc, F.SinkLoc, F.Function});
  }
  std::vector<UnregisteredFlow> Out;
  for (const auto &[Element, Category, Kind, Sink, DeclLoc, SinkLoc, Function] : Seen)
    Out.push_back({Element,
                   Category,
                   Sink,
                   Kind,
                   Function,
                   {{Evidence::Kind::Declaration, DeclLoc}, {Evidence::Kind::SinkCall, SinkLoc}}});
  return Out;
}

/// Inferred data reaching a sink under no activity: to confirm, apart
/// from the unregistered processing --check compares.
std::vector<ToConfirmCategory> unregisteredToConfirm(const Model &M) {
  ToConfirmByCategory Out;
  for (const Flow &F : M.Flows)
    if (const DataElement *E = M.element(F.ElementId);
        F.Activities.empty() && !isAnonymized(F) && isInferred(E))
      addToConfirm(Out, *E, &F);
  return finishToConfirm(Out);
}

void controllerPart(const Config &Cfg, Register &R) {
  R.Role = Cfg.Role;
  R.Controller = {Cfg.Ctrl.Name, Cfg.Ctrl.Contact};
  R.Dpo = Cfg.Ctrl.Dpo;
  R.Representative = Cfg.Ctrl.Representative;
  R.JointControllers = Cfg.Ctrl.JointControllers;
  R.SecurityMeasures = Cfg.SecurityMeasures;
  SourceLoc Where{Cfg.Path, 0, 0};
  if (R.Controller.Name.empty())
    R.Missing.push_back({"", "controller", "30(1)(a)", "", Where});
  if (R.Controller.Contact.empty())
    R.Missing.push_back({"", "contact", "30(1)(a)", "", Where});
  if (!R.Dpo || R.Dpo->Name.empty())
    R.Missing.push_back({"", "dpo", "30(1)(a), 37", "", Where});
  if (R.SecurityMeasures.empty())
    R.Missing.push_back({"", "security_measures", "30(1)(g)", "", Where});
}

void processorPart(const Config &Cfg, Register &R) {
  for (const ClientController &C : Cfg.Controllers) {
    RegisterClientController Entry{{C.Name, C.Contact}, C.Representative, C.Dpo, C.Activities};
    if (Entry.Activities.empty())
      for (const ActivityDecl &A : Cfg.Activities)
        Entry.Activities.push_back(A.Id);
    R.Controllers.push_back(std::move(Entry));
  }
}

} // namespace

Register buildRegister(const Model &M) {
  Register R;
  controllerPart(*M.Cfg, R);
  for (const ActivityDecl &D : M.Cfg->Activities)
    R.Activities.push_back(ActivityBuilder(M, &D, D.Id).build(R.Missing));
  for (const std::string &Id : undeclaredActivities(M))
    R.Activities.push_back(ActivityBuilder(M, nullptr, Id).build(R.Missing));
  R.Unregistered = unregisteredFlows(M);
  R.UnregisteredToConfirm = unregisteredToConfirm(M);
  processorPart(*M.Cfg, R);
  return R;
}

std::string confirmingAnnotation(const InferredElement &E, const std::string &Category) {
  if (E.FixAt.valid())
    return "PDFLOW_DATA(" + Category + ") before " + E.FixAt.str();
  return "data: {symbol: \"" + E.Element + "\", category: " + Category + "} in .pdflow.yaml";
}

const RegisterActivity *Register::activity(const std::string &Id) const {
  auto It = std::find_if(Activities.begin(), Activities.end(),
                         [&](const RegisterActivity &A) { return A.Id == Id; });
  return It == Activities.end() ? nullptr : &*It;
}

} // namespace pdflow
