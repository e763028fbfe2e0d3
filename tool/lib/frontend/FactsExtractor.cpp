#include "FactsExtractor.h"

#include "AnnotationPlacement.h"
#include "AnnotationReader.h"
#include "AstNames.h"
#include "DeclIndex.h"
#include "FunctionAnalyzer.h"
#include "KeyLiterals.h"

#include "pdflow/lexicon/PersonalDataLexicon.h"
#include "pdflow/support/Text.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <set>

namespace pdflow {
using namespace clang;

namespace {

/// The template member D was instantiated from, or null when D is no
/// instantiation: an instantiated member is the template's, so that a
/// `Box<std::string>` and a `Box<int>` share the elements of `Box`.
const FieldDecl *instantiationPattern(const FieldDecl *FD) {
  const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
  const CXXRecordDecl *Pattern = RD ? RD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || Pattern == RD)
    return nullptr;
  for (const FieldDecl *F : Pattern->fields())
    if (F->getFieldIndex() == FD->getFieldIndex())
      return F;
  return nullptr;
}

template <class D> const D *instantiationPattern(const D *Decl) {
  const D *Pattern = Decl->getTemplateInstantiationPattern();
  return Pattern == Decl ? nullptr : Pattern;
}

std::vector<FoundAnnotation> dataOnly(std::vector<FoundAnnotation> Found) {
  std::erase_if(Found,
                [](const FoundAnnotation &A) { return A.Parsed.Kind != AnnotationKind::Data; });
  return Found;
}

/// The declaration pass: data elements, annotated functions, classes, and
/// the unannotated declarations the heuristics rule looks at.
class DeclCollector : public RecursiveASTVisitor<DeclCollector> {
public:
  DeclCollector(ASTContext &AC, const FrontendContext &Ctx, DeclIndex &Index, TUFacts &Out)
      : AC(AC), SM(AC.getSourceManager()), Ctx(Ctx), Index(Index), Out(Out),
        Reader(AC, Ctx.Tax, Out.Diags) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && isInSystemHeader(SM, D->getLocation()))
      return true; // library code is described by models, not analysed
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  /// Annotations on declarations no annotation applies to (an enum, a
  /// namespace...) would be dropped without a word: report them.
  bool VisitDecl(Decl *D) {
    if (!D->hasAttrs())
      return true;
    if (const char *Noun = unannotatableKindNoun(D))
      for (const FoundAnnotation &A : Reader.read(D))
        Reader.problem(A.Loc, doesNotApplyMessage(A.Parsed.Kind, Noun));
    return true;
  }

  bool VisitFieldDecl(FieldDecl *FD) {
    noteFile(FD->getLocation());
    if (const FieldDecl *Pattern = instantiationPattern(FD)) {
      visitField(Pattern);
      if (std::string Id = Index.elementOf(Pattern); !Id.empty())
        Index.addElement(FD, Id);
      return true;
    }
    visitField(FD);
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (isa<ParmVarDecl>(VD))
      return true;
    if (VD->isLocalVarDecl()) {
      visitLocal(VD);
      return true;
    }
    if (!VD->hasGlobalStorage())
      return true;
    noteFile(VD->getLocation());
    if (const VarDecl *Pattern = instantiationPattern(VD)) {
      visitVariable(Pattern);
      if (std::string Id = Index.elementOf(Pattern); !Id.empty())
        Index.addElement(VD, Id);
      return true;
    }
    visitVariable(VD);
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isLambda())
      return true;
    noteFile(RD->getLocation());
    if (const CXXRecordDecl *Pattern = instantiationPattern(RD)) {
      visitRecord(Pattern);
      if (std::string Id = Index.elementOf(Pattern); !Id.empty())
        Index.addElement(RD, Id);
      return true;
    }
    visitRecord(RD);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    noteFile(FD->getLocation());
    std::string Usr = usrOf(FD->getCanonicalDecl());
    std::vector<FoundAnnotation> Found = Reader.read(FD);
    for (const FoundAnnotation &A : Found)
      checkFunctionAnnotation(FD, A, Reader);
    // An activity or sink annotation on a class applies to all its methods;
    // the method's own comes first and wins.
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD))
      for (FoundAnnotation &A : classAnnotations(M->getParent()))
        Found.push_back(std::move(A));
    for (const FoundAnnotation &A : Found) {
      if (A.Parsed.Kind == AnnotationKind::Data)
        continue;
      if (A.Parsed.Kind == AnnotationKind::Subject) {
        Reader.problem(A.Loc, "PDFLOW_SUBJECT applies to classes, not functions");
        continue;
      }
      if (A.Parsed.Kind == AnnotationKind::Activity)
        checkActivities(A);
      FunctionAnnotations &FA = Out.Annotated[Usr];
      if (FA.QualifiedName.empty()) {
        FA.QualifiedName = qualifiedName(FD);
        FA.Loc = sourceLoc(SM, FD->getLocation());
      }
      if (std::find_if(FA.Annotations.begin(), FA.Annotations.end(), [&](auto &X) {
            return X.Kind == A.Parsed.Kind && X.Activities == A.Parsed.Activities &&
                   X.ConsentPurpose == A.Parsed.ConsentPurpose;
          }) == FA.Annotations.end())
        FA.Annotations.push_back(A.Parsed);
      Index.addAnnotation(FD, A.Parsed);
    }
    addFunctionElements(FD, dataOnly(std::move(Found)), Usr);
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() && !FD->isInvalidDecl())
      Definitions.push_back(FD);
    return true;
  }

  std::vector<const FunctionDecl *> Definitions;
  std::set<FileID> Files;

  /// A declarator that shares its declaration with others (`std::string
  /// city, country;`) gets no fix-it: PDFLOW_DATA before the declaration
  /// would annotate them all. Known once every declarator was seen.
  void dropSharedInsertions() {
    auto Shared = [&](const SourceLoc &L) {
      auto It = DeclaratorsAt.find(L);
      return It != DeclaratorsAt.end() && It->second > 1;
    };
    for (DataElement &E : Out.Elements)
      if (E.Origin == AnnotationOrigin::Inferred && Shared(E.Inferred.InsertLoc))
        E.Inferred.InsertLoc = {};
    for (DeclaredName &N : Out.Declarations)
      if (Shared(N.InsertLoc))
        N.InsertLoc = {};
  }

  /// Under discovery, the declarations a function stores under, or reads
  /// from, a key or SQL column the lexicon rates (`v = row["email"]`): the
  /// key says what the name does not. One already inferred from its name
  /// gets the key as a second reason when both say the same category.
  /// Before dropSharedInsertions, which applies to these too.
  void inferFromKeys() {
    if (!Ctx.Cfg.Discovery.Infer)
      return;
    std::vector<std::pair<const DeclaratorDecl *, KeyInference>> Found;
    std::map<const DeclaratorDecl *, size_t> Position;
    for (const FunctionDecl *FD : Definitions)
      for (const KeyUse &U : findKeyUses(FD, AC)) {
        const auto *D = dyn_cast<DeclaratorDecl>(U.Decl);
        std::optional<KeyInference> K = D ? rateKey(D, U) : std::nullopt;
        if (!K)
          continue;
        auto [It, New] = Position.try_emplace(D, Found.size());
        if (New)
          Found.push_back({D, std::move(*K)});
        else if (K->Confidence > Found[It->second].second.Confidence)
          Found[It->second].second = std::move(*K);
      }
    for (const auto &[D, K] : Found)
      applyKey(D, K);
  }

private:
  /// What a key says of the declaration it is used with.
  struct KeyInference {
    std::string Category;
    unsigned Confidence = 0;
    std::string Reason; // `key "email"`, `SQL column "users.email"`
    SourceLoc KeyLoc;
  };

  static std::optional<ElementKind> keyedKind(const DeclaratorDecl *D) {
    if (isa<FieldDecl>(D))
      return ElementKind::Field;
    if (isa<ParmVarDecl>(D))
      return ElementKind::Parameter;
    const auto *VD = dyn_cast<VarDecl>(D);
    if (VD && VD->isLocalVarDecl())
      return ElementKind::Local;
    if (VD && VD->hasGlobalStorage())
      return ElementKind::Variable;
    return std::nullopt;
  }

  /// A declaration of a template's instantiation is the template's; keys
  /// are read where the declaration is the one written.
  static bool inInstantiation(const DeclaratorDecl *D) {
    const auto *F = dyn_cast<FunctionDecl>(D->getDeclContext());
    if (F && (F->getTemplateInstantiationPattern() || F->isDependentContext()))
      return true;
    const auto *FD = dyn_cast<FieldDecl>(D);
    return FD && instantiationPattern(FD);
  }

  /// The lexicon's verdict on U's key, as if it were D's name; the table of
  /// a SQL column is its scope ("users.email" is a person's).
  std::optional<KeyInference> rateKey(const DeclaratorDecl *D, const KeyUse &U) {
    std::optional<ElementKind> Kind = keyedKind(D);
    if (!Kind || inInstantiation(D))
      return std::nullopt;
    DeclaredName N = declaredName(D, *Kind, D->getType());
    N.Name = U.Key;
    N.QualifiedName = U.Table.empty() ? U.Key : U.Table + "::" + U.Key;
    std::optional<LexiconMatch> M = Lexicon.match(N, &Ctx.Tax);
    if (!M || M->ByType || M->Confidence < Ctx.Cfg.Discovery.MinConfidence)
      return std::nullopt;
    std::string Reason =
        U.Table.empty() ? "key \"" + U.Key + "\"" : "SQL column \"" + U.Table + "." + U.Key + "\"";
    return KeyInference{M->Category, M->Confidence, std::move(Reason), U.Loc};
  }

  void applyKey(const DeclaratorDecl *D, const KeyInference &K) {
    if (std::string Id = Index.elementOf(D); !Id.empty()) {
      auto E = std::find_if(Out.Elements.begin(), Out.Elements.end(),
                            [&](const DataElement &X) { return X.Id == Id; });
      if (E != Out.Elements.end() && E->Origin == AnnotationOrigin::Inferred &&
          E->Spec.Category == K.Category && !E->Inferred.KeyLoc.valid()) {
        E->Inferred.Reason += "; " + K.Reason;
        E->Inferred.KeyLoc = K.KeyLoc;
        E->Inferred.Confidence = std::max(E->Inferred.Confidence, K.Confidence);
      }
      return;
    }
    ElementKind Kind = *keyedKind(D);
    DeclaredName N = declaredName(D, Kind, D->getType());
    DataElement E = elementFor(D, Kind, D->getType());
    E.Spec.Category = K.Category;
    E.Origin = AnnotationOrigin::Inferred;
    E.Inferred = {K.Confidence, K.Reason, N.InsertLoc, K.KeyLoc};
    std::erase_if(Out.Declarations, [&](const DeclaredName &X) { return X.Loc == N.Loc; });
    if (const auto *P = dyn_cast<ParmVarDecl>(D))
      return addKeyedParam(P, std::move(E));
    const auto *FD = dyn_cast<FieldDecl>(D);
    recordElement(D, std::move(E), FD ? subjectOfField(FD) : "");
    if (FD)
      if (auto It = Out.Records.find(qualifiedName(FD->getParent())); It != Out.Records.end())
        It->second.ElementIds.push_back(Index.elementOf(FD));
  }

  /// A parameter's element, as visitParam makes it: one for every
  /// declaration of the function.
  void addKeyedParam(const ParmVarDecl *P, DataElement E) {
    const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!FD)
      return;
    unsigned I = P->getFunctionScopeIndex();
    E.Id = usrOf(FD->getCanonicalDecl()) + "#param" + std::to_string(I);
    E.QualifiedName = qualifiedName(FD) + "(" + P->getNameAsString() + ")";
    if (!SeenParams.insert(E.Id).second)
      return;
    for (const FunctionDecl *R : FD->redecls())
      if (I < R->getNumParams())
        Index.addElement(R->getParamDecl(I), E.Id);
    Out.Elements.push_back(std::move(E));
  }

  void noteDeclarator(const DeclaratorDecl *D) {
    if (D->getBeginLoc().isFileID())
      ++DeclaratorsAt[sourceLoc(SM, D->getBeginLoc())];
  }

  void noteFile(SourceLocation L) {
    if (L.isValid())
      Files.insert(SM.getFileID(SM.getFileLoc(L)));
  }

  /// Each declaration once: a template's member is visited on its own and
  /// again for each instantiation of it.
  bool firstVisit(const Decl *D) { return Visited.insert(D).second; }

  void visitField(const FieldDecl *FD) {
    if (!firstVisit(FD))
      return;
    noteDeclarator(FD);
    auto Data = dataAnnotations(FD);
    std::string Subject = subjectOfField(FD);
    if (!addElement(FD, ElementKind::Field, FD->getType(), Data, Subject)) {
      // A field of a class that is personal data as a whole, or whose type
      // is such a class, is covered by that annotation already.
      const auto *FieldClass = FD->getType()->getAsCXXRecordDecl();
      if (!Index.elementOf(FD->getParent()).empty() ||
          (FieldClass && !Index.elementOf(FieldClass).empty()))
        return;
      if (!inferElement(FD, ElementKind::Field, FD->getType(), Subject)) {
        addDeclaredName(FD, ElementKind::Field, FD->getType());
        return;
      }
    }
    // The class was visited before its fields: its objects hold this one.
    if (auto It = Out.Records.find(qualifiedName(FD->getParent())); It != Out.Records.end()) {
      std::vector<std::string> &Ids = It->second.ElementIds;
      std::string Id = Index.elementOf(FD);
      if (std::find(Ids.begin(), Ids.end(), Id) == Ids.end())
        Ids.push_back(Id);
    }
  }

  void visitVariable(const VarDecl *VD) {
    if (!firstVisit(VD))
      return;
    noteDeclarator(VD);
    auto Data = dataAnnotations(VD);
    if (!addElement(VD, ElementKind::Variable, VD->getType(), Data, "") &&
        !inferElement(VD, ElementKind::Variable, VD->getType(), ""))
      addDeclaredName(VD, ElementKind::Variable, VD->getType());
  }

  /// A variable of a function body: an element when annotated in code, named
  /// by a side annotation ("app::main::thePassword") or inferred. A local
  /// of a function template is one element for every instantiation (see
  /// localId); the template's own is only read for misplaced annotations.
  void visitLocal(const VarDecl *VD) {
    if (VD->isImplicit() || VD->getName().empty())
      return;
    if (VD->getDeclContext()->isDependentContext()) {
      (void)dataAnnotations(VD);
      return;
    }
    noteFile(VD->getLocation());
    if (!firstVisit(VD))
      return;
    noteDeclarator(VD);
    if (!addElement(VD, ElementKind::Local, VD->getType(), dataAnnotations(VD), ""))
      inferElement(VD, ElementKind::Local, VD->getType(), "");
  }

  void visitRecord(const CXXRecordDecl *RD) {
    if (!firstVisit(RD))
      return;
    std::string Name = qualifiedName(RD);
    if (Out.Records.count(Name))
      return;
    RecordFacts &R = Out.Records[Name];
    R.QualifiedName = Name;
    for (const CXXBaseSpecifier &B : RD->bases())
      if (std::string BaseName = className(B.getType()); !BaseName.empty())
        R.Bases.push_back(BaseName);
    for (const FieldDecl *F : RD->fields())
      collectClassNames(F->getType(), R.MemberTypes);
    auto Data = dataAnnotations(RD);
    if (addElement(RD, ElementKind::Class, QualType(RD->getTypeForDecl(), 0), Data,
                   subjectOf(RD)) ||
        inferClass(RD))
      R.ElementIds.push_back(Index.elementOf(RD));
  }

  /// The data elements of FD's return value and parameters. An
  /// instantiation of a template has the template's: one element per
  /// declaration written, however many instantiations use it.
  void addFunctionElements(const FunctionDecl *FD, const std::vector<FoundAnnotation> &Data,
                           const std::string &Usr) {
    const FunctionDecl *Pattern = instantiationPattern(FD);
    if (!Pattern) {
      if (Index.elementOf(FD).empty() &&
          !addElement(FD, ElementKind::Return, FD->getReturnType(), Data, ""))
        inheritReturnElement(FD);
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        visitParam(FD, I, Usr);
      return;
    }
    addFunctionElements(Pattern, dataOnly(Reader.read(Pattern)),
                        usrOf(Pattern->getCanonicalDecl()));
    if (std::string Id = Index.elementOf(Pattern); !Id.empty())
      Index.addElement(FD, Id);
    // A parameter pack expands to several parameters: those keep their own.
    bool SameParams = Pattern->getNumParams() == FD->getNumParams();
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      std::string Id = SameParams ? Index.elementOf(Pattern->getParamDecl(I)) : "";
      if (Id.empty()) {
        visitParam(FD, I, Usr);
        continue;
      }
      for (const FunctionDecl *R : FD->redecls())
        if (I < R->getNumParams())
          Index.addElement(R->getParamDecl(I), Id);
    }
  }

  /// The data annotations of a field, variable or class; any other kind
  /// there is reported (a class's subject, activity and sink are read
  /// elsewhere).
  std::vector<FoundAnnotation> dataAnnotations(const Decl *D) {
    std::vector<FoundAnnotation> Data;
    for (FoundAnnotation &A : Reader.read(D)) {
      AnnotationKind K = A.Parsed.Kind;
      if (K == AnnotationKind::Data)
        Data.push_back(std::move(A));
      else if (isa<RecordDecl>(D) && (K == AnnotationKind::Subject ||
                                      K == AnnotationKind::Activity || K == AnnotationKind::Sink))
        continue;
      else
        Reader.problem(
            A.Loc, doesNotApplyMessage(K, isa<RecordDecl>(D) ? "classes" : "variables and fields"));
    }
    return Data;
  }

  std::vector<FoundAnnotation> classAnnotations(const CXXRecordDecl *RD) {
    std::vector<FoundAnnotation> Out;
    for (FoundAnnotation &A : Reader.read(RD))
      if (A.Parsed.Kind == AnnotationKind::Activity || A.Parsed.Kind == AnnotationKind::Sink)
        Out.push_back(std::move(A));
    return Out;
  }

  // Problems met here are reported again by the class's own visit; they are
  // de-duplicated later.
  std::string subjectOf(const RecordDecl *RD) {
    for (const FoundAnnotation &A : Reader.read(RD))
      if (A.Parsed.Kind == AnnotationKind::Subject)
        return A.Parsed.Subject;
    return {};
  }

  /// The subject of FD's class. A member of an anonymous union or struct
  /// (or of an unnamed one) belongs to the class around it.
  std::string subjectOfField(const FieldDecl *FD) {
    for (const RecordDecl *RD = FD->getParent(); RD;
         RD = dyn_cast<RecordDecl>(RD->getDeclContext())) {
      if (std::string Subject = subjectOf(RD); !Subject.empty())
        return Subject;
      if (RD->getIdentifier() || RD->getTypedefNameForAnonDecl())
        break; // a named class has only its own subject
    }
    return {};
  }

  void checkActivities(const FoundAnnotation &A) {
    std::vector<std::string> Ids;
    for (const ActivityDecl &Act : Ctx.Cfg.Activities)
      Ids.push_back(Act.Id);
    for (const std::string &Id : A.Parsed.Activities)
      if (std::find(Ids.begin(), Ids.end(), Id) == Ids.end())
        Reader.problem(A.Loc, withSuggestion("unknown activity " + quoteForMessage(Id) +
                                                 "; declare it under activities: in .pdflow.yaml",
                                             Id, Ids));
  }

  /// Records D as a data element when annotated in code or in config.
  /// Returns false when it is not personal data.
  bool addElement(const NamedDecl *D, ElementKind Kind, QualType Type,
                  const std::vector<FoundAnnotation> &Data, const std::string &ClassSubject) {
    DataElement E = elementFor(D, Kind, Type);
    if (!Data.empty()) {
      E.Spec = Data.front().Parsed.Data;
      E.Origin =
          Kind == ElementKind::Class ? AnnotationOrigin::ClassAnnotation : AnnotationOrigin::Code;
      E.AnnotationLoc = Data.front().Loc;
    } else if (!matchSideAnnotation(E)) {
      return false;
    }
    return recordElement(D, std::move(E), ClassSubject);
  }

  /// Under `discovery: {infer: true}` (or --infer), records D as an element
  /// when the lexicon rates its name or type at or above min_confidence.
  bool inferElement(const DeclaratorDecl *D, ElementKind Kind, QualType Type,
                    const std::string &ClassSubject) {
    DataElement E = elementFor(D, Kind, Type);
    return inferSpec(D, Kind, Type, E) && recordElement(D, std::move(E), ClassSubject);
  }

  /// A class whose name is personal data (EmailAddress, PhoneNumber): every
  /// object of it is, as if the class were annotated.
  bool inferClass(const CXXRecordDecl *RD) {
    if (!Ctx.Cfg.Discovery.Infer || !RD->getIdentifier())
      return false;
    DeclaredName N;
    N.QualifiedName = qualifiedName(RD);
    N.Name = RD->getName().str();
    N.Type = N.Name;
    N.Kind = ElementKind::Class;
    N.Loc = sourceLoc(SM, RD->getLocation());
    if (RD->getLocation().isFileID()) // between `struct` and the name
      N.InsertLoc = N.Loc;
    DataElement E = elementFor(RD, ElementKind::Class, QualType(RD->getTypeForDecl(), 0));
    return inferFrom(N, E) && recordElement(RD, std::move(E), subjectOf(RD));
  }

  bool inferSpec(const DeclaratorDecl *D, ElementKind Kind, QualType Type, DataElement &E) {
    if (!Ctx.Cfg.Discovery.Infer || D->getName().empty() || D->isImplicit())
      return false;
    return inferFrom(declaredName(D, Kind, Type), E);
  }

  bool inferFrom(const DeclaredName &N, DataElement &E) {
    const DiscoverySettings &Discovery = Ctx.Cfg.Discovery;
    std::optional<LexiconMatch> M = Lexicon.match(N, &Ctx.Tax);
    if (!M || M->Confidence < Discovery.MinConfidence)
      return false;
    E.Spec.Category = M->Category;
    E.Origin = AnnotationOrigin::Inferred;
    E.Inferred = {M->Confidence, M->reason(N), N.InsertLoc};
    return true;
  }

  DataElement elementFor(const NamedDecl *D, ElementKind Kind, QualType Type) {
    std::string Name = qualifiedName(D);
    DataElement E;
    E.QualifiedName = Kind == ElementKind::Return ? Name + "()" : Name;
    E.Kind = Kind;
    E.Type = Type.getAsString(AC.getPrintingPolicy());
    E.Loc = sourceLoc(SM, D->getLocation());
    return E;
  }

  bool recordElement(const NamedDecl *D, DataElement E, const std::string &ClassSubject) {
    ElementKind Kind = E.Kind;
    if (E.Spec.Subject.empty())
      E.Spec.Subject = ClassSubject;
    std::string Usr =
        Kind == ElementKind::Local ? localId(cast<VarDecl>(D)) : usrOf(D->getCanonicalDecl());
    E.Id = Kind == ElementKind::Return ? Usr + "#return" : Usr;
    Index.addElement(D, E.Id);
    // Each instantiation of a function template has its own copy of a
    // local: one element for all.
    if (SeenElements.insert(E.Id).second)
      Out.Elements.push_back(std::move(E));
    return true;
  }

  /// The first side annotation naming E (a return value by "f()", anything
  /// else by its qualified name), applied to E.
  bool matchSideAnnotation(DataElement &E) {
    using Target = SymbolPattern::Target;
    Target Wanted = E.Kind == ElementKind::Return ? Target::Return : Target::Declaration;
    std::string Name = E.Kind == ElementKind::Return
                           ? E.QualifiedName.substr(0, E.QualifiedName.size() - 2)
                           : E.QualifiedName;
    return applySideAnnotation(E, [&](const SymbolPattern &P) {
      return P.What == Wanted && matchQualifiedName(P.Glob, Name);
    });
  }

  /// Parameter I of FD named by "f(name)" or "f(#I)".
  bool matchSideAnnotation(DataElement &E, const FunctionDecl *FD, unsigned I) {
    std::string Function = qualifiedName(FD);
    std::string Name = FD->getParamDecl(I)->getNameAsString();
    return applySideAnnotation(E, [&](const SymbolPattern &P) {
      if (P.What != SymbolPattern::Target::Parameter || !matchQualifiedName(P.Glob, Function))
        return false;
      return P.ParamIndex ? *P.ParamIndex == I : !Name.empty() && P.ParamName == Name;
    });
  }

  template <class Matches> bool applySideAnnotation(DataElement &E, Matches &&Match) {
    const auto &Side = Ctx.Cfg.Data;
    for (size_t I = 0; I < Side.size(); ++I) {
      if (!Match(Side[I].Pattern))
        continue;
      E.Spec = Side[I].Spec;
      E.Origin = AnnotationOrigin::SideAnnotation;
      E.AnnotationLoc = Side[I].Loc;
      Out.SideAnnotationsMatched.push_back(static_cast<int>(I));
      return true;
    }
    return false;
  }

  /// An override returns what the method it overrides is annotated to
  /// return: calls on the derived type (TlsConnection::address()) read the
  /// base's element (Connection::address()).
  void inheritReturnElement(const FunctionDecl *FD) {
    const auto *M = dyn_cast<CXXMethodDecl>(FD);
    if (!M)
      return;
    std::vector<const CXXMethodDecl *> Work(M->overridden_methods().begin(),
                                            M->overridden_methods().end());
    while (!Work.empty()) {
      const CXXMethodDecl *Base = Work.back();
      Work.pop_back();
      if (std::string Id = Index.elementOf(Base); !Id.empty()) {
        Index.addElement(FD, Id);
        return;
      }
      Work.insert(Work.end(), Base->overridden_methods().begin(), Base->overridden_methods().end());
    }
  }

  void visitParam(const FunctionDecl *FD, unsigned I, const std::string &FunctionUsr) {
    std::string Id = FunctionUsr + "#param" + std::to_string(I);
    if (SeenParams.count(Id))
      return; // another declaration of FD made the element
    std::vector<const Decl *> Params;
    for (const FunctionDecl *R : FD->redecls())
      if (I < R->getNumParams())
        Params.push_back(R->getParamDecl(I));
    const ParmVarDecl *P = FD->getParamDecl(I);
    std::vector<FoundAnnotation> Data = dataOnly(Reader.read(Params, qualifiedName(P)));
    DataElement E;
    E.Id = Id;
    std::string Name = P->getName().empty() ? "#" + std::to_string(I) : P->getNameAsString();
    E.QualifiedName = qualifiedName(FD) + "(" + Name + ")";
    E.Kind = ElementKind::Parameter;
    E.Type = P->getType().getAsString(AC.getPrintingPolicy());
    E.Loc = sourceLoc(SM, P->getLocation());
    // Inferred on the definition, where the name is the one the body uses.
    bool Defined = FD->doesThisDeclarationHaveABody() && !FD->isDependentContext();
    if (!Data.empty()) {
      E.Spec = Data.front().Parsed.Data;
      E.AnnotationLoc = Data.front().Loc;
    } else if (!matchSideAnnotation(E, FD, I) &&
               !(Defined && inferSpec(P, ElementKind::Parameter, P->getType(), E))) {
      if (Defined && !P->getName().empty())
        addDeclaredName(P, ElementKind::Parameter, P->getType());
      return;
    }
    SeenParams.insert(Id);
    for (const Decl *Param : Params)
      Index.addElement(Param, Id);
    Out.Elements.push_back(std::move(E));
  }

  /// A local's id: its function's (the template's for an instantiation, so
  /// that every instantiation's copy of the local is one element), its name
  /// and its place.
  std::string localId(const VarDecl *VD) {
    const auto *F = dyn_cast<FunctionDecl>(VD->getDeclContext());
    if (F && F->getTemplateInstantiationPattern())
      F = F->getTemplateInstantiationPattern();
    SourceLoc L = sourceLoc(SM, VD->getLocation());
    std::string Scope = F ? usrOf(F->getCanonicalDecl()) : usrOf(cast<Decl>(VD->getDeclContext()));
    return Scope + "@local:" + VD->getNameAsString() + "@" + std::to_string(L.Line) + ":" +
           std::to_string(L.Col);
  }

  void addDeclaredName(const DeclaratorDecl *D, ElementKind Kind, QualType Type) {
    if (D->getName().empty() || D->isImplicit())
      return;
    DeclaredName N = declaredName(D, Kind, Type);
    if (SeenNames.insert(N.Loc.str()).second)
      Out.Declarations.push_back(std::move(N));
  }

  DeclaredName declaredName(const DeclaratorDecl *D, ElementKind Kind, QualType Type) {
    DeclaredName N;
    N.QualifiedName = qualifiedName(D);
    N.Name = D->getNameAsString();
    N.Type = Type.getAsString(AC.getPrintingPolicy());
    N.Kind = Kind;
    N.Loc = sourceLoc(SM, D->getLocation());
    // A fix-it inside a macro would edit the macro for every use: none then.
    SourceLocation Begin = D->getBeginLoc();
    if (Begin.isFileID())
      N.InsertLoc = sourceLoc(SM, Begin);
    return N;
  }

  /// The classes an object of type T holds by value.
  void collectClassNames(QualType T, std::vector<std::string> &Names) {
    if (T->isReferenceType() || T->isPointerType())
      return;
    while (T->isArrayType())
      T = QualType(T->getArrayElementTypeNoTypeQual(), 0);
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return;
    if (!isInSystemHeader(SM, RD->getLocation()))
      Names.push_back(qualifiedName(RD));
    // Containers and optionals hold their arguments' data; smart pointers,
    // like pointers, only lead to it.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || llvm::StringRef(qualifiedName(RD)).ends_with("_ptr"))
      return;
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        collectClassNames(A.getAsType(), Names);
  }

  ASTContext &AC;
  const SourceManager &SM;
  const FrontendContext &Ctx;
  DeclIndex &Index;
  TUFacts &Out;
  AnnotationReader Reader;
  std::set<std::string> SeenParams, SeenNames, SeenElements;
  std::set<const Decl *> Visited;
  std::map<SourceLoc, unsigned> DeclaratorsAt; // declarators by where their declaration begins
  const PersonalDataLexicon Lexicon;
};

/// `// pdflow: ignore[rule-a, rule-b] reason`
void collectSuppressions(const SourceManager &SM, const std::set<FileID> &Files, TUFacts &Out) {
  for (FileID FID : Files) {
    if (SM.isInSystemHeader(SM.getLocForStartOfFile(FID)))
      continue;
    std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(FID);
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID);
    if (!Buffer || !Entry)
      continue;
    llvm::StringRef Text = *Buffer;
    SourceLoc FileLoc = sourceLoc(SM, SM.getLocForStartOfFile(FID));
    unsigned Line = 1;
    for (size_t Start = 0; Start < Text.size(); ++Line) {
      size_t End = Text.find('\n', Start);
      llvm::StringRef L = Text.slice(Start, End == llvm::StringRef::npos ? Text.size() : End);
      Start = End == llvm::StringRef::npos ? Text.size() : End + 1;
      static constexpr llvm::StringLiteral Marker("pdflow: ignore[");
      size_t At = L.find(Marker);
      if (At == llvm::StringRef::npos)
        continue;
      size_t Comment = L.take_front(At).rfind("//");
      if (Comment == llvm::StringRef::npos)
        continue;
      llvm::StringRef Rest = L.substr(At + Marker.size());
      size_t Close = Rest.find(']');
      if (Close == llvm::StringRef::npos)
        continue;
      Suppression S;
      S.Loc = {FileLoc.File, Line, static_cast<unsigned>(Comment + 1)};
      llvm::SmallVector<llvm::StringRef, 4> Rules;
      Rest.take_front(Close).split(Rules, ',', -1, false);
      for (llvm::StringRef R : Rules)
        S.Rules.push_back(R.trim().str());
      S.Reason = Rest.drop_front(Close + 1).trim().str();
      Out.Suppressions.push_back(std::move(S));
    }
  }
}

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(const FrontendContext &Ctx, TUFacts &Out, const Deadline &Limit)
      : Ctx(Ctx), Out(Out), Limit(Limit) {}

  void HandleTranslationUnit(ASTContext &AC) override {
    DeclIndex Index(Ctx);
    DeclCollector Decls(AC, Ctx, Index, Out);
    Decls.TraverseDecl(AC.getTranslationUnitDecl());
    Decls.inferFromKeys();
    Decls.dropSharedInsertions();
    FunctionAnalyzer Functions(AC, Index, Out.Functions, Out.Uses, Limit);
    for (const FunctionDecl *FD : Decls.Definitions) {
      if (Limit.passed()) {
        Out.Outcome = TUOutcome::TimedOut;
        return;
      }
      Functions.analyze(FD);
    }
    if (Functions.cutShort())
      Out.Outcome = TUOutcome::TimedOut;
    const SourceManager &SM = AC.getSourceManager();
    Decls.Files.insert(SM.getMainFileID());
    collectSuppressions(SM, Decls.Files, Out);
  }

private:
  const FrontendContext &Ctx;
  TUFacts &Out;
  const Deadline &Limit;
};

} // namespace

std::unique_ptr<ASTConsumer> FactsAction::CreateASTConsumer(CompilerInstance &, llvm::StringRef) {
  return std::make_unique<FactsConsumer>(Ctx, Out, Limit);
}

} // namespace pdflow
