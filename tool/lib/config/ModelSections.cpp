#include "ModelSections.h"

#include "../taxonomy/TermLookup.h"
#include "pdflow/support/Text.h"

namespace pdflow {

using yaml::MapReader;
using yaml::Scalar;
using yaml::YamlFile;

std::vector<std::string> modelSectionKeys() {
  return {"sinks", "transforms", "propagators", "consent_checks"};
}

/// Exactly one of alternative keys ("function", "type" or "object"): reports
/// none or several and returns the one given.
static std::optional<std::string> oneOf(MapReader &R, const std::vector<std::string> &Keys) {
  std::vector<std::string> Given;
  for (const std::string &K : Keys)
    if (R.has(K))
      Given.push_back(K);
  if (Given.size() == 1)
    return Given.front();
  if (Given.empty()) {
    std::string List;
    for (size_t I = 0; I < Keys.size(); ++I)
      List += (I == 0 ? "" : I + 1 == Keys.size() ? " or " : ", ") + ("'" + Keys[I] + "'");
    R.file().error(R.loc(), "missing " + List + " in " + R.what());
  } else {
    R.file().error(R.loc(),
                   R.what() + " has both '" + Given[0] + "' and '" + Given[1] + "'; give only one");
  }
  return std::nullopt;
}

static std::optional<std::string> checkedCountry(YamlFile &File, const Taxonomy &Tax,
                                                 const Scalar &S) {
  if (auto Problem = unknownTerm(Tax, TermKind::Country, S.Text)) {
    File.error(S.Loc, *Problem);
    return std::nullopt;
  }
  return Tax.country(S.Text)->Code;
}

static std::optional<SinkModel> readSink(YamlFile &File, const YAML::Node &N, const Taxonomy &Tax,
                                         ModelOrigin Origin) {
  MapReader R(File, N, "sink",
              {"function", "type", "object", "kind", "recipient", "country", "safeguard",
               "encrypted", "accepts", "args"});
  SinkModel S;
  S.Origin = Origin;
  S.Loc = R.loc();
  bool Ok = true;
  if (auto Which = oneOf(R, {"function", "type", "object"})) {
    auto Name = R.scalar(*Which);
    Ok &= Name.has_value();
    if (Name)
      (*Which == "function" ? S.Function : *Which == "type" ? S.Type : S.Object) = Name->Text;
  } else {
    Ok = false;
  }
  if (auto Kind = R.required("kind")) {
    if (auto K = parseSinkKind(Kind->Text))
      S.Kind = *K;
    else {
      File.error(Kind->Loc, yaml::mustBeOneOf("kind", sinkKindNames(), Kind->Text));
      Ok = false;
    }
  } else {
    Ok = false;
  }
  S.Recipient = R.string("recipient").value_or("");
  if (auto Country = R.scalar("country"))
    S.Country = checkedCountry(File, Tax, *Country).value_or("");
  if (auto Guard = R.scalar("safeguard")) {
    if (auto G = parseSafeguard(Guard->Text))
      S.Guard = *G;
    else
      File.error(Guard->Loc, yaml::mustBeOneOf("safeguard", safeguardNames(), Guard->Text));
  }
  S.Encrypted = R.boolean("encrypted");
  for (const Scalar &Cat : R.scalarList("accepts").value_or(std::vector<Scalar>{})) {
    if (auto Problem = unknownTerm(Tax, TermKind::Category, Cat.Text))
      File.error(Cat.Loc, *Problem);
    else
      S.Accepts.push_back(Cat.Text);
  }
  for (const Scalar &Arg : R.scalarList("args").value_or(std::vector<Scalar>{})) {
    if (auto I = yaml::parseIndex(Arg.Text))
      S.Args.push_back(*I);
    else
      File.error(Arg.Loc, "expected a non-negative integer in 'args'; got " + quoteForMessage(Arg.Text));
  }
  if (!Ok)
    return std::nullopt;
  return S;
}

// `from`: "this" is the object (-1), N is argument N.
static std::optional<int> readFromEndpoint(YamlFile &File, const Scalar &S) {
  if (S.Text == "this")
    return -1;
  if (auto I = yaml::parseIndex(S.Text))
    return static_cast<int>(*I);
  File.error(S.Loc, "'from' must be 'this' or an argument index; got " + quoteForMessage(S.Text));
  return std::nullopt;
}

/// Reads `from` (one endpoint or a list; absent: empty) and `to` ("return"
/// -1, "this" -2, N; absent: -1), as PropagatorModel encodes them. False
/// after reporting a bad value.
static bool readEndpoints(MapReader &R, std::vector<int> &From, int &To) {
  YamlFile &File = R.file();
  bool Ok = true;
  std::vector<Scalar> Sources;
  if (R.get("from").IsSequence())
    Sources = R.scalarList("from").value_or(std::vector<Scalar>{});
  else if (auto S = R.scalar("from"))
    Sources.push_back(*S);
  else
    Ok = !R.has("from");
  for (const Scalar &S : Sources) {
    auto E = readFromEndpoint(File, S);
    Ok &= E.has_value();
    if (E)
      From.push_back(*E);
  }
  if (auto T = R.scalar("to")) {
    if (T->Text == "return")
      To = -1;
    else if (T->Text == "this")
      To = -2;
    else if (auto I = yaml::parseIndex(T->Text))
      To = static_cast<int>(*I);
    else {
      File.error(T->Loc,
                 "'to' must be 'return', 'this' or an argument index; got " + quoteForMessage(T->Text));
      Ok = false;
    }
  } else if (R.has("to")) {
    Ok = false;
  }
  return Ok;
}

static std::optional<TransformModel> readTransform(YamlFile &File, const YAML::Node &N,
                                                   ModelOrigin Origin) {
  MapReader R(File, N, "transform", {"function", "effect", "from", "to"});
  TransformModel T;
  T.Origin = Origin;
  T.Loc = R.loc();
  auto Function = R.required("function");
  auto Effect = R.required("effect");
  bool Ok = readEndpoints(R, T.From, T.To);
  if (!Function || !Effect || !Ok)
    return std::nullopt;
  auto E = parseTransformEffect(Effect->Text);
  if (!E) {
    File.error(Effect->Loc, yaml::mustBeOneOf("effect", transformEffectNames(), Effect->Text));
    return std::nullopt;
  }
  T.Function = Function->Text;
  T.Effect = *E;
  return T;
}

static std::optional<PropagatorModel> readPropagator(YamlFile &File, const YAML::Node &N,
                                                     ModelOrigin Origin) {
  MapReader R(File, N, "propagator", {"function", "from", "to", "alias"});
  PropagatorModel P;
  P.Origin = Origin;
  P.Loc = R.loc();
  auto Function = R.required("function");
  bool Ok = readEndpoints(R, P.From, P.To);
  P.Alias = R.boolean("alias").value_or(false);
  if (!Function || !Ok)
    return std::nullopt;
  P.Function = Function->Text;
  return P;
}

static std::optional<ConsentCheckModel> readConsentCheck(YamlFile &File, const YAML::Node &N,
                                                         const Taxonomy &Tax, ModelOrigin Origin) {
  MapReader R(File, N, "consent check", {"function", "purpose", "purpose_arg"});
  ConsentCheckModel C;
  C.Origin = Origin;
  C.Loc = R.loc();
  auto Function = R.required("function");
  bool Ok = Function.has_value();
  auto Which = oneOf(R, {"purpose", "purpose_arg"});
  if (!Which) {
    Ok = false;
  } else if (*Which == "purpose") {
    if (auto Purpose = R.scalar("purpose")) {
      if (auto Problem = unknownTerm(Tax, TermKind::Purpose, Purpose->Text)) {
        File.error(Purpose->Loc, *Problem);
        Ok = false;
      }
      C.Purpose = Purpose->Text;
    } else {
      Ok = false;
    }
  } else {
    C.PurposeArg = R.index("purpose_arg");
    Ok &= C.PurposeArg.has_value();
  }
  if (!Ok)
    return std::nullopt;
  C.Function = Function->Text;
  return C;
}

/// Reads every mapping in the list under Key with Read.
template <typename ReadFn>
static void readEach(MapReader &Top, const std::string &Key, ReadFn Read) {
  for (const YAML::Node &Item : Top.list(Key).value_or(std::vector<YAML::Node>{}))
    if (yaml::expectMap(Top.file(), Item, "in '" + Key + "'"))
      Read(Item);
}

void readModelSections(MapReader &Top, const Taxonomy &Tax, ModelOrigin Origin, ModelSet &Out) {
  YamlFile &File = Top.file();
  readEach(Top, "sinks", [&](const YAML::Node &N) {
    if (auto S = readSink(File, N, Tax, Origin))
      Out.Sinks.push_back(std::move(*S));
  });
  readEach(Top, "transforms", [&](const YAML::Node &N) {
    if (auto T = readTransform(File, N, Origin))
      Out.Transforms.push_back(std::move(*T));
  });
  readEach(Top, "propagators", [&](const YAML::Node &N) {
    if (auto P = readPropagator(File, N, Origin))
      Out.Propagators.push_back(std::move(*P));
  });
  readEach(Top, "consent_checks", [&](const YAML::Node &N) {
    if (auto C = readConsentCheck(File, N, Tax, Origin))
      Out.ConsentChecks.push_back(std::move(*C));
  });
}

} // namespace pdflow
