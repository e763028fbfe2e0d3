#include "pdflow/solver/Solver.h"

#include <algorithm>
#include <set>

namespace pdflow {

Program linkFacts(const std::vector<TUFacts> &TUs) {
  Program P;
  std::set<std::string> SeenNames, SeenSuppressions;
  std::set<std::tuple<std::string, SourceLoc, std::string>> SeenUses;
  for (const TUFacts &TU : TUs) {
    for (const DataElement &E : TU.Elements)
      P.Elements.emplace(E.Id, E);
    // A function defined in a header is analysed in every TU that includes
    // it; the copies are identical, so the first one stands for all.
    for (const FunctionFacts &F : TU.Functions)
      P.Functions.emplace(F.Usr, F);
    for (const auto &[Usr, A] : TU.Annotated) {
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
    for (const auto &[Name, R] : TU.Records)
      P.Records.emplace(Name, R);
    for (const DeclaredName &D : TU.Declarations)
      if (SeenNames.insert(D.Loc.str()).second)
        P.Declarations.push_back(D);
    for (const Suppression &S : TU.Suppressions)
      if (SeenSuppressions.insert(S.Loc.str()).second)
        P.Suppressions.push_back(S);
    for (const ElementUse &U : TU.Uses)
      if (SeenUses.insert({U.ElementId, U.Loc, U.Function}).second)
        P.Uses.push_back(U);
    P.SideAnnotationsMatched.insert(TU.SideAnnotationsMatched.begin(),
                                    TU.SideAnnotationsMatched.end());
  }
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
  return P;
}

} // namespace pdflow
