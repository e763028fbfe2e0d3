// What changed in substance between a committed register and the code's:
// activities, declared fields, categories, recipients, transfers, measures,
// the DPIA screening, unregistered processing. Evidence locations are only
// quoted, so code that moves is not drift.

#include "pdflow/register/RegisterDrift.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <set>

namespace pdflow {

namespace {

std::string quoted(const std::string &S) { return "'" + S + "'"; }

std::string orNone(const std::string &S) { return S.empty() ? "none" : S; }

std::string joined(const std::vector<std::string> &Items) { return llvm::join(Items, ", "); }

/// Items of B that are not in A, in B's order.
std::vector<std::string> added(const std::vector<std::string> &A,
                               const std::vector<std::string> &B) {
  std::vector<std::string> Out;
  for (const std::string &X : B)
    if (std::find(A.begin(), A.end(), X) == A.end())
      Out.push_back(X);
  return Out;
}

/// The first location of New not in Old, else New's first: ", file:line".
std::string whereNew(const std::vector<Evidence> &Old, const std::vector<Evidence> &New) {
  for (const Evidence &E : New)
    if (E.What == Evidence::Kind::SinkCall && std::find(Old.begin(), Old.end(), E) == Old.end())
      return ", " + E.Loc.str();
  return New.empty() ? "" : ", " + New.front().Loc.str();
}

/// The first location of that kind, else the first at all: ", file:line".
std::string where(const std::vector<Evidence> &Proof, Evidence::Kind Preferred) {
  for (const Evidence &E : Proof)
    if (E.What == Preferred)
      return ", " + E.Loc.str();
  return Proof.empty() ? "" : ", " + Proof.front().Loc.str();
}

std::string guardPhrase(Safeguard G) {
  return G == Safeguard::Unspecified || G == Safeguard::None ? "no safeguard" : safeguardName(G);
}

/// "(US, no safeguard)" for a recipient abroad, "(storage)" for a system.
std::string recipientPhrase(const RegisterRecipient &R) {
  if (R.Kind != SinkKind::ThirdParty && R.Country.empty())
    return std::string("(") + sinkKindName(R.Kind) + ")";
  return "(" + (R.Country.empty() ? std::string("no country declared") : R.Country) + ", " +
         guardPhrase(R.Guard) + ")";
}

class DriftFinder {
public:
  std::vector<std::string> find(const Register &Old, const Register &New) {
    controller(Old, New);
    for (const RegisterActivity &A : Old.Activities)
      if (!New.activity(A.Id))
        say("activity " + quoted(A.Id) + " removed");
    for (const RegisterActivity &A : New.Activities) {
      if (const RegisterActivity *Before = Old.activity(A.Id))
        activity(*Before, A);
      else
        newActivity(A);
    }
    unregistered(Old, New);
    processorRecord(Old, New);
    return std::move(Lines);
  }

private:
  void say(std::string Line) { Lines.push_back(std::move(Line)); }

  void field(const std::string &Prefix, const char *What, const std::string &Old,
             const std::string &New) {
    if (Old != New)
      say(Prefix + What + " changed from " + orNone(Old) + " to " + orNone(New));
  }

  void list(const std::string &Prefix, const char *What, const std::vector<std::string> &Old,
            const std::vector<std::string> &New) {
    for (const std::string &X : added(Old, New))
      say(Prefix + "new " + What + " " + quoted(X));
    for (const std::string &X : added(New, Old))
      say(Prefix + What + " " + quoted(X) + " removed");
  }

  static std::string party(const std::optional<Party> &P) {
    if (!P)
      return "";
    return P->Contact.empty() ? P->Name : P->Name + " <" + P->Contact + ">";
  }

  void controller(const Register &Old, const Register &New) {
    const std::string P = "controller: ";
    field(P, "role", organisationRoleName(Old.Role), organisationRoleName(New.Role));
    field(P, "name", Old.Controller.Name, New.Controller.Name);
    field(P, "contact", Old.Controller.Contact, New.Controller.Contact);
    field(P, "data protection officer", party(Old.Dpo), party(New.Dpo));
    field(P, "representative", party(Old.Representative), party(New.Representative));
    std::vector<std::string> OldJoint, NewJoint;
    for (const Party &J : Old.JointControllers)
      OldJoint.push_back(party(J));
    for (const Party &J : New.JointControllers)
      NewJoint.push_back(party(J));
    list(P, "joint controller", OldJoint, NewJoint);
    list("", "security measure", Old.SecurityMeasures, New.SecurityMeasures);
  }

  void newActivity(const RegisterActivity &A) {
    std::vector<std::string> Categories;
    for (const RegisterCategory &C : A.Categories)
      Categories.push_back(C.Id);
    std::string Line = "new activity " + quoted(A.Id);
    if (!Categories.empty())
      Line += " processes " + joined(Categories);
    say(Line);
    for (const RegisterRecipient &R : A.Recipients)
      say("activity " + quoted(A.Id) + ": recipient " + quoted(R.Name) + " " + recipientPhrase(R) +
          " receives " + joined(R.Categories) + where(R.Proof, Evidence::Kind::SinkCall));
  }

  void activity(const RegisterActivity &Old, const RegisterActivity &New) {
    std::string P = "activity " + quoted(New.Id) + ": ";
    if (Old.Declared != New.Declared)
      say(P +
          (New.Declared ? "now declared in .pdflow.yaml" : "no longer declared in .pdflow.yaml"));
    field(P, "name", Old.Name, New.Name);
    list(P, "purpose", Old.Purposes, New.Purposes);
    field(P, "legal basis", Old.LegalBasis, New.LegalBasis);
    field(P, "special condition", Old.SpecialCondition, New.SpecialCondition);
    field(P, "legitimate interest", Old.LegitimateInterest, New.LegitimateInterest);
    field(P, "retention", Old.Retention, New.Retention);
    std::vector<std::string> OldSubjects, NewSubjects;
    for (const RegisterSubject &S : Old.Subjects)
      OldSubjects.push_back(S.Id);
    for (const RegisterSubject &S : New.Subjects)
      NewSubjects.push_back(S.Id);
    list(P, "data subject", OldSubjects, NewSubjects);
    categories(P, Old, New);
    recipients(P, Old, New);
    transfers(P, Old, New);
    measures(P, Old, New);
    dpia(P, Old.Dpia, New.Dpia);
  }

  static const RegisterCategory *findCategory(const RegisterActivity &A, const std::string &Id) {
    for (const RegisterCategory &C : A.Categories)
      if (C.Id == Id)
        return &C;
    return nullptr;
  }

  static std::string retentions(const RegisterCategory &C) {
    std::vector<std::string> Values;
    for (const RetentionValue &R : C.Retention)
      Values.push_back(orNone(R.Value));
    return joined(Values);
  }

  void categories(const std::string &P, const RegisterActivity &Old, const RegisterActivity &New) {
    for (const RegisterCategory &C : Old.Categories)
      if (!findCategory(New, C.Id))
        say(P + "category " + C.Id + " no longer processed");
    for (const RegisterCategory &C : New.Categories) {
      const RegisterCategory *Before = findCategory(Old, C.Id);
      if (!Before) {
        say(P + "new category " + C.Id + " (" + joined(C.Elements) + ")" +
            where(C.Proof, Evidence::Kind::SinkCall));
        continue;
      }
      if (retentions(*Before) != retentions(C))
        say(P + "retention of " + C.Id + " changed from " + retentions(*Before) + " to " +
            retentions(C));
    }
  }

  static const RegisterRecipient *findRecipient(const RegisterActivity &A,
                                                const RegisterRecipient &R) {
    for (const RegisterRecipient &X : A.Recipients)
      if (X.Name == R.Name && X.Kind == R.Kind)
        return &X;
    return nullptr;
  }

  void recipients(const std::string &P, const RegisterActivity &Old, const RegisterActivity &New) {
    for (const RegisterRecipient &R : Old.Recipients)
      if (!findRecipient(New, R))
        say(P + "recipient " + quoted(R.Name) + " " + recipientPhrase(R) + " removed");
    for (const RegisterRecipient &R : New.Recipients) {
      const RegisterRecipient *Before = findRecipient(Old, R);
      std::string Who = P + "recipient " + quoted(R.Name);
      if (!Before) {
        say(P + "new recipient " + quoted(R.Name) + " " + recipientPhrase(R) + " receives " +
            joined(R.Categories) + where(R.Proof, Evidence::Kind::SinkCall));
        continue;
      }
      if (Before->Class != R.Class)
        say(Who + " is now " + recipientClassName(R.Class) + " (was " +
            recipientClassName(Before->Class) + ")");
      field(Who + ": ", "country", Before->Country, R.Country);
      field(Who + ": ", "contract", Before->Contract, R.Contract);
      if (guardPhrase(Before->Guard) != guardPhrase(R.Guard))
        say(Who + ": safeguard changed from " + guardPhrase(Before->Guard) + " to " +
            guardPhrase(R.Guard));
      std::vector<std::string> More = added(Before->Categories, R.Categories);
      if (!More.empty())
        say(Who + " now receives " + joined(More) + whereNew(Before->Proof, R.Proof));
      std::vector<std::string> Fewer = added(R.Categories, Before->Categories);
      if (!Fewer.empty())
        say(Who + " no longer receives " + joined(Fewer));
    }
  }

  /// Recipients already say where they are and under which safeguard; what
  /// is left is a transfer whose cover changed under the same safeguard (an
  /// adequacy decision came or went with a new pdflow).
  void transfers(const std::string &P, const RegisterActivity &Old, const RegisterActivity &New) {
    for (const RegisterTransfer &T : New.Transfers)
      for (const RegisterTransfer &B : Old.Transfers)
        if (B.Recipient == T.Recipient && B.Country == T.Country && B.Guard == T.Guard &&
            B.Covered != T.Covered)
          say(P + "transfer to " + quoted(T.Recipient) + " (" + T.Country + ") " +
              (T.Covered ? "now covered by an adequacy decision"
                         : "no longer covered by an adequacy decision"));
  }

  static const RegisterMeasure *findMeasure(const RegisterActivity &A, TransformEffect E) {
    for (const RegisterMeasure &M : A.Measures)
      if (M.Effect == E)
        return &M;
    return nullptr;
  }

  void measures(const std::string &P, const RegisterActivity &Old, const RegisterActivity &New) {
    for (const RegisterMeasure &M : Old.Measures)
      if (!findMeasure(New, M.Effect))
        say(P + "security measure " + transformEffectName(M.Effect) + " no longer applied");
    for (const RegisterMeasure &M : New.Measures) {
      std::string Name = transformEffectName(M.Effect);
      const RegisterMeasure *Before = findMeasure(Old, M.Effect);
      if (!Before) {
        say(P + "new security measure " + Name + " (" + joined(M.Functions) + ") on " +
            joined(M.Categories) + where(M.Proof, Evidence::Kind::Transform));
        continue;
      }
      std::vector<std::string> More = added(Before->Categories, M.Categories);
      if (!More.empty())
        say(P + "security measure " + Name + " now also protects " + joined(More));
      std::vector<std::string> Fewer = added(M.Categories, Before->Categories);
      if (!Fewer.empty())
        say(P + "security measure " + Name + " no longer protects " + joined(Fewer));
    }
  }

  void dpia(const std::string &P, const DpiaScreening &Old, const DpiaScreening &New) {
    if (Old.LikelyRequired == New.LikelyRequired)
      return;
    if (!New.LikelyRequired) {
      say(P + "impact assessment no longer indicated");
      return;
    }
    std::vector<std::string> Why;
    for (const DpiaReason &R : New.Reasons)
      Why.push_back(R.Criterion + ": " + joined(R.Details));
    say(P + "impact assessment now likely required (" + llvm::join(Why, "; ") + ")");
  }

  static std::string flowKey(const UnregisteredFlow &F) {
    return F.Element + "\n" + F.Category + "\n" + F.Sink + "\n" + sinkKindName(F.Kind) + "\n" +
           F.Function;
  }

  static std::string flowPhrase(const UnregisteredFlow &F) {
    return F.Element + " (" + orNone(F.Category) + ") reaches " + sinkKindName(F.Kind) + " " +
           quoted(F.Sink) + " in " + F.Function;
  }

  void unregistered(const Register &Old, const Register &New) {
    std::set<std::string> Before, After;
    for (const UnregisteredFlow &F : Old.Unregistered)
      Before.insert(flowKey(F));
    for (const UnregisteredFlow &F : New.Unregistered)
      After.insert(flowKey(F));
    std::set<std::string> Said;
    for (const UnregisteredFlow &F : Old.Unregistered)
      if (!After.count(flowKey(F)) && Said.insert(flowKey(F)).second)
        say("unregistered processing gone: " + flowPhrase(F));
    for (const UnregisteredFlow &F : New.Unregistered)
      if (!Before.count(flowKey(F)) && Said.insert(flowKey(F)).second)
        say("new unregistered processing: " + flowPhrase(F) +
            where(F.Proof, Evidence::Kind::SinkCall));
  }

  void processorRecord(const Register &Old, const Register &New) {
    for (const RegisterClientController &C : Old.Controllers)
      if (std::none_of(New.Controllers.begin(), New.Controllers.end(),
                       [&](const RegisterClientController &X) {
                         return X.Controller.Name == C.Controller.Name;
                       }))
        say("processor record: controller " + quoted(C.Controller.Name) + " removed");
    for (const RegisterClientController &C : New.Controllers) {
      auto Before = std::find_if(Old.Controllers.begin(), Old.Controllers.end(),
                                 [&](const RegisterClientController &X) {
                                   return X.Controller.Name == C.Controller.Name;
                                 });
      std::string P = "processor record: controller " + quoted(C.Controller.Name);
      if (Before == Old.Controllers.end()) {
        say("processor record: new controller " + quoted(C.Controller.Name) + " for " +
            joined(C.Activities));
        continue;
      }
      list(P + ": ", "activity", Before->Activities, C.Activities);
    }
  }

  std::vector<std::string> Lines;
};

} // namespace

std::vector<std::string> registerDrift(const Register &Committed, const Register &Current) {
  return DriftFinder().find(Committed, Current);
}

} // namespace pdflow
