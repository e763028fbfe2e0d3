#include "AstNames.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace pdflow {
using namespace clang;

static std::string declName(const NamedDecl *D) {
  if (isa<CXXConstructorDecl>(D) || isa<CXXDestructorDecl>(D))
    return D->getNameAsString();
  if (const auto *R = dyn_cast<RecordDecl>(D)) {
    if (R->getIdentifier())
      return R->getName().str();
    return "(anonymous)";
  }
  if (const auto *N = dyn_cast<NamespaceDecl>(D))
    return N->isAnonymousNamespace() ? "(anonymous namespace)" : N->getName().str();
  std::string Name = D->getNameAsString();
  return Name.empty() ? "(anonymous)" : Name;
}

std::string qualifiedName(const NamedDecl *D) {
  std::vector<std::string> Parts{declName(D)};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *N = dyn_cast<NamespaceDecl>(C)) {
      if (!N->isInline())
        Parts.push_back(declName(N));
    } else if (const auto *R = dyn_cast<RecordDecl>(C)) {
      // A member of an anonymous union or struct is named, and used, as a
      // member of the class around it.
      if (R->isAnonymousStructOrUnion())
        continue;
      if (const auto *CR = dyn_cast<CXXRecordDecl>(R); CR && CR->isLambda())
        Parts.push_back("(lambda)");
      else
        Parts.push_back(declName(R));
    } else if (const auto *F = dyn_cast<FunctionDecl>(C)) {
      Parts.push_back(declName(F));
    }
  }
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  while (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

std::string className(QualType T) {
  const CXXRecordDecl *R = recordOf(T);
  return R ? qualifiedName(R) : std::string();
}

std::vector<std::string> classAndBases(QualType T) {
  std::vector<std::string> Out;
  const CXXRecordDecl *R = recordOf(T);
  if (!R)
    return Out;
  Out.push_back(qualifiedName(R));
  if (!(R = R->getDefinition()))
    return Out;
  R->forallBases([&](const CXXRecordDecl *Base) {
    Out.push_back(qualifiedName(Base));
    return true;
  });
  return Out;
}

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> Buf;
  if (!index::generateUSRForDecl(D, Buf))
    return std::string(Buf);
  if (const auto *N = dyn_cast<NamedDecl>(D))
    return "pdflow:" + qualifiedName(N);
  return "pdflow:anonymous";
}

SourceLoc sourceLoc(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return {};
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  PresumedLoc P = SM.getPresumedLoc(FileLoc, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return {};
  llvm::SmallString<256> Path(P.getFilename());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return {std::string(Path), P.getLine(), P.getColumn()};
}

std::string exprText(const Expr *E, const SourceManager &SM, const LangOptions &LO) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  std::string Text =
      Lexer::getSourceText(Lexer::makeFileCharRange(Range, SM, LO), SM, LO).str();
  std::string Flat;
  bool Space = false;
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == ' ') {
      Space = !Flat.empty();
      continue;
    }
    if (Space)
      Flat += ' ';
    Space = false;
    Flat += C;
  }
  if (Flat.size() > 48)
    Flat = Flat.substr(0, 45) + "...";
  return Flat;
}

bool isInSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getFileLoc(Loc));
}

} // namespace pdflow
