#include "pdflow/solver/Solver.h"

#include <algorithm>
#include <set>
#include <utility>

namespace pdflow {

void Linker::add(TUFacts TU) {
  for (DataElement &E : TU.Elements)
    P.Elements.emplace(E.Id, std::move(E));
  // A function defined in a header is analysed in every TU that includes
  // it; the copies are identical, so the first one stands for all.
  for (FunctionFacts &F : TU.Functions)
    P.Functions.emplace(F.Usr, std::move(F));
  for (auto &[Usr, A] : TU.Annotated) {
    auto [It, New] = P.Annotated.emplace(Usr, A);
    if (!New)
      for (const ParsedAnnotation &X : A.Annotations)
        if (std::none_of(It->second.Annotations.begin(), It->second.Annotations.end(),
                         [&](const ParsedAnnotation &Y) {
                           return Y.Kind == X.Kind && Y.Activities == X.Activities &&
                                  Y.ConsentPurpose == X.ConsentPurpose;
                         }))
          It->second.Annotations.push_back(X);
  }
  for (auto &[Name, R] : TU.Records)
    P.Records.emplace(Name, std::move(R));
  for (DeclaredName &D : TU.Declarations)
    if (SeenNames.insert(D.Loc.str()).second)
      P.Declarations.push_back(std::move(D));
  for (Suppression &S : TU.Suppressions)
    if (SeenSuppressions.insert(S.Loc.str()).second)
      P.Suppressions.push_back(std::move(S));
  for (ElementUse &U : TU.Uses)
    if (SeenUses.insert({U.ElementId, U.Loc, U.Function}).second)
      P.Uses.push_back(std::move(U));
  P.SideAnnotationsMatched.insert(TU.SideAnnotationsMatched.begin(),
                                  TU.SideAnnotationsMatched.end());
}

Program Linker::finish() {
  // Declarations that some other TU saw annotated (a side annotation matched
  // there) are not unannotated.
  std::set<SourceLoc> ElementLocs;
  for (const auto &[Id, E] : P.Elements)
    ElementLocs.insert(E.Loc);
  std::erase_if(P.Declarations, [&](const DeclaredName &D) { return ElementLocs.count(D.Loc); });
  auto ByLoc = [](const auto &A, const auto &B) { return A.Loc < B.Loc; };
  std::sort(P.Declarations.begin(), P.Declarations.end(), ByLoc);
  std::sort(P.Suppressions.begin(), P.Suppressions.end(), ByLoc);
  std::sort(P.Uses.begin(), P.Uses.end(), [](const ElementUse &A, const ElementUse &B) {
    return std::tie(A.Loc, A.ElementId) < std::tie(B.Loc, B.ElementId);
  });
  SeenNames.clear();
  SeenSuppressions.clear();
  SeenUses.clear();
  return std::exchange(P, Program{});
}

Program linkFacts(const std::vector<TUFacts> &TUs) {
  Linker L;
  for (const TUFacts &TU : TUs)
    L.add(TU);
  return L.finish();
}

} // namespace pdflow
