// The text of a pdflow annotation, as the PDFLOW_* macros stringize it:
//   contact.email, purposes = billing support, retention = P3Y
// Items are separated by commas; the first may be positional, the others are
// `key = value`. A value is one or more whitespace-separated words; a word
// may be "double-quoted" (with \" and \\ escapes) to hold commas or spaces.
#include "pdflow/annotations/AnnotationSpec.h"

#include "../config/YamlReader.h"
#include "../taxonomy/TermLookup.h"
#include "pdflow/support/Text.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace pdflow {

namespace {

constexpr llvm::StringLiteral Prefix = "pdflow.";

struct KindInfo {
  AnnotationKind Kind;
  const char *Name;       // after "pdflow."
  const char *Macro;      // for messages
  const char *Positional; // what the positional item is; null when none
  std::vector<std::string> Keys;
};

const std::array<KindInfo, 6> &kinds() {
  static const std::array<KindInfo, 6> Kinds = {{
      {AnnotationKind::Data,
       "data",
       "PDFLOW_DATA",
       "category",
       {"subject", "purposes", "retention", "source"}},
      {AnnotationKind::Subject, "subject", "PDFLOW_SUBJECT", "data subject", {}},
      {AnnotationKind::Sink,
       "sink",
       "PDFLOW_SINK",
       "sink kind",
       {"recipient", "country", "safeguard", "encrypted", "accepts", "args"}},
      {AnnotationKind::Transform, "transform", "PDFLOW_TRANSFORM", "transform effect", {}},
      {AnnotationKind::Activity, "activity", "PDFLOW_ACTIVITY", "activity id", {}},
      {AnnotationKind::ConsentCheck, "consent_check", "PDFLOW_CONSENT_CHECK", "purpose", {}},
  }};
  return Kinds;
}

//===----------------------------------------------------------------------===//
// Splitting the text
//===----------------------------------------------------------------------===//

/// A raw piece of text: a comma-separated item, or the value part of one.
/// Quotes are kept so values can be split into words later.
struct Item {
  std::string Key; // empty for a positional item
  std::string Value;
};

/// Splits Text at commas and '=' outside double quotes.
std::vector<Item> splitItems(llvm::StringRef Text, bool &Unterminated) {
  std::vector<Item> Items;
  std::string Cur;
  bool InQuotes = false;
  auto Flush = [&] {
    llvm::StringRef Piece = llvm::StringRef(Cur).trim();
    if (!Piece.empty()) {
      // The first '=' outside quotes separates key and value.
      bool Q = false;
      size_t Eq = llvm::StringRef::npos;
      for (size_t I = 0; I < Piece.size() && Eq == llvm::StringRef::npos; ++I) {
        if (Piece[I] == '\\' && Q)
          ++I;
        else if (Piece[I] == '"')
          Q = !Q;
        else if (Piece[I] == '=' && !Q)
          Eq = I;
      }
      if (Eq == llvm::StringRef::npos)
        Items.push_back({"", Piece.str()});
      else
        Items.push_back({Piece.take_front(Eq).trim().str(), Piece.drop_front(Eq + 1).trim().str()});
    }
    Cur.clear();
  };
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InQuotes && C == '\\' && I + 1 < Text.size()) {
      Cur += C;
      Cur += Text[++I];
      continue;
    }
    if (C == '"')
      InQuotes = !InQuotes;
    if (C == ',' && !InQuotes) {
      Flush();
      continue;
    }
    Cur += C;
  }
  Unterminated = InQuotes;
  Flush();
  return Items;
}

/// Drops whitespace next to '.' and '-' outside quotes: "contact . email"
/// and "third - party" read as the ids the user meant.
std::string glueIdPunctuation(llvm::StringRef Raw) {
  std::string Out;
  bool InQuotes = false;
  for (size_t I = 0; I < Raw.size(); ++I) {
    char C = Raw[I];
    if (C == '"')
      InQuotes = !InQuotes;
    if (!InQuotes && llvm::isSpace(C)) {
      size_t Next = Raw.find_if_not([](char Ch) { return llvm::isSpace(Ch); }, I);
      bool Glue = (!Out.empty() && (Out.back() == '.' || Out.back() == '-')) ||
                  (Next < Raw.size() && (Raw[Next] == '.' || Raw[Next] == '-'));
      if (!Glue)
        Out += ' ';
      I = Next - 1;
      continue;
    }
    Out += C;
  }
  return Out;
}

/// The whitespace-separated words of a value; a quoted word loses its
/// quotes and escapes.
std::vector<std::string> words(llvm::StringRef Raw) {
  std::vector<std::string> Out;
  std::string Cur;
  bool InWord = false, InQuotes = false;
  for (size_t I = 0; I < Raw.size(); ++I) {
    char C = Raw[I];
    if (InQuotes) {
      if (C == '\\' && I + 1 < Raw.size())
        Cur += Raw[++I];
      else if (C == '"')
        InQuotes = false;
      else
        Cur += C;
      continue;
    }
    if (llvm::isSpace(C)) {
      if (InWord)
        Out.push_back(std::move(Cur));
      Cur.clear();
      InWord = false;
      continue;
    }
    InWord = true;
    if (C == '"')
      InQuotes = true;
    else
      Cur += C;
  }
  if (InWord)
    Out.push_back(std::move(Cur));
  return Out;
}

//===----------------------------------------------------------------------===//
// Interpreting the items
//===----------------------------------------------------------------------===//

class Parser {
public:
  Parser(const KindInfo &Info, const Taxonomy &Tax, std::vector<AnnotationProblem> &Problems)
      : Info(Info), Tax(Tax), Problems(Problems) {}

  std::optional<ParsedAnnotation> run(llvm::StringRef Text);

private:
  void problem(std::string Message) { Problems.push_back({std::move(Message)}); }
  std::string in() const { return std::string(" in ") + Info.Macro; }

  /// Ids given for Key (or the positional item when Key is empty).
  std::vector<std::string> ids(const Item &I) const { return words(glueIdPunctuation(I.Value)); }
  /// One id; several are a problem.
  std::optional<std::string> oneId(const Item &I, const std::string &What);
  /// Free text: the words joined by single spaces.
  std::string text(const Item &I) const { return llvm::join(words(I.Value), " "); }
  /// Ids of kind K that the taxonomy knows; the others are problems.
  std::vector<std::string> knownIds(const Item &I, TermKind K);
  bool known(TermKind K, const std::string &Id);

  bool readPositional(const Item &I, ParsedAnnotation &Out);
  void readKey(const Item &I, ParsedAnnotation &Out);
  void readDataKey(const Item &I, DataSpec &Out);
  void readSinkKey(const Item &I, SinkModel &Out);

  const KindInfo &Info;
  const Taxonomy &Tax;
  std::vector<AnnotationProblem> &Problems;
};

bool Parser::known(TermKind K, const std::string &Id) {
  if (auto Problem = unknownTerm(Tax, K, Id)) {
    problem(*Problem);
    return false;
  }
  return true;
}

std::vector<std::string> Parser::knownIds(const Item &I, TermKind K) {
  std::vector<std::string> Out;
  for (const std::string &Id : ids(I))
    if (known(K, Id))
      Out.push_back(Id);
  return Out;
}

std::optional<std::string> Parser::oneId(const Item &I, const std::string &What) {
  std::vector<std::string> Ws = ids(I);
  if (Ws.size() == 1)
    return Ws.front();
  if (Ws.empty())
    problem("missing " + What + in());
  else
    problem(What + " takes one value" + in() + "; got " + quoteForMessage(llvm::join(Ws, " ")));
  return std::nullopt;
}

// The positional item; false when the annotation is unusable without it.
bool Parser::readPositional(const Item &I, ParsedAnnotation &Out) {
  const std::string What = Info.Positional;
  if (Info.Kind == AnnotationKind::Activity) {
    for (std::string &Id : ids(I))
      Out.Activities.push_back(std::move(Id));
    return true;
  }
  auto Id = oneId(I, What);
  if (!Id)
    return false;
  switch (Info.Kind) {
  case AnnotationKind::Data:
    Out.Data.Category = *Id;
    return known(TermKind::Category, *Id);
  case AnnotationKind::Subject:
    Out.Subject = *Id;
    return known(TermKind::Subject, *Id);
  case AnnotationKind::ConsentCheck:
    Out.ConsentPurpose = *Id;
    return known(TermKind::Purpose, *Id);
  case AnnotationKind::Sink:
    if (auto K = parseSinkKind(*Id)) {
      Out.Sink.Kind = *K;
      return true;
    }
    problem(yaml::oneOfMessage(What, sinkKindNames(), *Id));
    return false;
  case AnnotationKind::Transform:
    if (auto E = parseTransformEffect(*Id)) {
      Out.Effect = *E;
      return true;
    }
    problem(yaml::oneOfMessage(What, transformEffectNames(), *Id));
    return false;
  case AnnotationKind::Activity:
    break;
  }
  return true;
}

void Parser::readDataKey(const Item &I, DataSpec &Out) {
  if (I.Key == "subject") {
    if (auto Id = oneId(I, "'subject'"); Id && known(TermKind::Subject, *Id))
      Out.Subject = *Id;
  } else if (I.Key == "purposes") {
    Out.Purposes = knownIds(I, TermKind::Purpose);
  } else if (I.Key == "retention") {
    Out.Retention = text(I);
  } else if (I.Key == "source") {
    Out.Source = text(I);
  }
}

void Parser::readSinkKey(const Item &I, SinkModel &Out) {
  if (I.Key == "recipient") {
    Out.Recipient = text(I);
  } else if (I.Key == "country") {
    if (auto Code = oneId(I, "'country'"); Code && known(TermKind::Country, *Code))
      Out.Country = Tax.country(*Code)->Code;
  } else if (I.Key == "safeguard") {
    if (auto G = oneId(I, "'safeguard'")) {
      if (auto Parsed = parseSafeguard(*G))
        Out.Guard = *Parsed;
      else
        problem(yaml::mustBeOneOf("safeguard", safeguardNames(), *G));
    }
  } else if (I.Key == "encrypted") {
    if (auto B = oneId(I, "'encrypted'")) {
      if (*B == "true" || *B == "false")
        Out.Encrypted = *B == "true";
      else
        problem("'encrypted' must be true or false; got " + quoteForMessage(*B));
    }
  } else if (I.Key == "accepts") {
    Out.Accepts = knownIds(I, TermKind::Category);
  } else if (I.Key == "args") {
    for (const std::string &W : ids(I)) {
      if (auto N = yaml::parseIndex(W))
        Out.Args.push_back(*N);
      else
        problem("expected a non-negative integer in 'args'; got " + quoteForMessage(W));
    }
  }
}

void Parser::readKey(const Item &I, ParsedAnnotation &Out) {
  if (std::find(Info.Keys.begin(), Info.Keys.end(), I.Key) == Info.Keys.end()) {
    problem(withSuggestion("unknown key " + quoteForMessage(I.Key) + in(), I.Key, Info.Keys));
    return;
  }
  if (llvm::StringRef(I.Value).trim().empty()) {
    problem("missing value for " + quoteForMessage(I.Key) + in());
    return;
  }
  if (Info.Kind == AnnotationKind::Data)
    readDataKey(I, Out.Data);
  else if (Info.Kind == AnnotationKind::Sink)
    readSinkKey(I, Out.Sink);
}

std::optional<ParsedAnnotation> Parser::run(llvm::StringRef Text) {
  ParsedAnnotation Out;
  Out.Kind = Info.Kind;
  Out.Sink.Origin = ModelOrigin::Annotation;
  bool Unterminated = false;
  std::vector<Item> Items = splitItems(Text, Unterminated);
  if (Unterminated)
    problem(std::string("unterminated string") + in());

  bool Usable = true;
  bool SawPositional = false;
  std::vector<std::string> SeenKeys;
  for (size_t N = 0; N < Items.size(); ++N) {
    const Item &I = Items[N];
    if (I.Key.empty() && Info.Kind == AnnotationKind::Activity) {
      readPositional(I, Out);
      SawPositional = true;
    } else if (I.Key.empty() && N == 0) {
      Usable &= readPositional(I, Out);
      SawPositional = true;
    } else if (I.Key.empty()) {
      problem("unexpected " + quoteForMessage(I.Value) + in() + "; expected 'key = value'");
    } else if (std::find(SeenKeys.begin(), SeenKeys.end(), I.Key) != SeenKeys.end()) {
      problem("duplicate key " + quoteForMessage(I.Key) + in());
    } else {
      SeenKeys.push_back(I.Key);
      readKey(I, Out);
    }
  }
  if (!SawPositional || (Info.Kind == AnnotationKind::Activity && Out.Activities.empty())) {
    problem(std::string("missing ") + Info.Positional + in());
    return std::nullopt;
  }
  if (!Usable)
    return std::nullopt;
  return Out;
}

} // namespace

bool sameMeaning(const ParsedAnnotation &A, const ParsedAnnotation &B) {
  if (A.Kind != B.Kind)
    return false;
  switch (A.Kind) {
  case AnnotationKind::Data:
    return std::tie(A.Data.Category, A.Data.Subject, A.Data.Purposes, A.Data.Retention,
                    A.Data.Source) == std::tie(B.Data.Category, B.Data.Subject, B.Data.Purposes,
                                               B.Data.Retention, B.Data.Source);
  case AnnotationKind::Subject:
    return A.Subject == B.Subject;
  case AnnotationKind::Sink:
    return std::tie(A.Sink.Kind, A.Sink.Recipient, A.Sink.Country, A.Sink.Guard,
                    A.Sink.Encrypted, A.Sink.Accepts, A.Sink.Args) ==
           std::tie(B.Sink.Kind, B.Sink.Recipient, B.Sink.Country, B.Sink.Guard,
                    B.Sink.Encrypted, B.Sink.Accepts, B.Sink.Args);
  case AnnotationKind::Transform:
    return A.Effect == B.Effect;
  case AnnotationKind::Activity:
    return A.Activities == B.Activities;
  case AnnotationKind::ConsentCheck:
    return A.ConsentPurpose == B.ConsentPurpose;
  }
  return false;
}

std::string describeArgumentIndexes(unsigned NumArgs) {
  if (NumArgs == 0)
    return "takes no arguments";
  if (NumArgs == 1)
    return "takes 1 argument (index 0)";
  return "takes " + std::to_string(NumArgs) + " arguments (indexes 0 to " +
         std::to_string(NumArgs - 1) + ")";
}

bool isPdflowAnnotation(const std::string &AnnotationName) {
  return llvm::StringRef(AnnotationName).starts_with(Prefix);
}

std::optional<ParsedAnnotation> parseAnnotation(const std::string &AnnotationName,
                                                const std::string &Text, const Taxonomy &Tax,
                                                std::vector<AnnotationProblem> &Problems) {
  llvm::StringRef Name(AnnotationName);
  std::vector<std::string> Known;
  for (const KindInfo &Info : kinds()) {
    if (Name == Prefix.str() + Info.Name)
      return Parser(Info, Tax, Problems).run(Text);
    Known.push_back(Prefix.str() + Info.Name);
  }
  Problems.push_back(
      {withSuggestion("unknown annotation " + quoteForMessage(AnnotationName), AnnotationName,
                      Known)});
  return std::nullopt;
}

} // namespace pdflow
