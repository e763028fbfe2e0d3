#include "YamlReader.h"

#include "pdflow/support/Text.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

namespace pdflow::yaml {

SourceLoc YamlFile::loc(const YAML::Node &N) const {
  if (!N.IsDefined())
    return {FileName, 0, 0};
  YAML::Mark M = N.Mark();
  if (M.is_null())
    return {FileName, 0, 0};
  return {FileName, static_cast<unsigned>(M.line + 1), static_cast<unsigned>(M.column + 1)};
}

namespace {

/// CR LF and a lone CR (old Mac editors) as LF: yaml-cpp knows only LF and
/// CR LF, and reads a CR-only file as one line. Lines and columns stay those
/// an editor shows.
std::string withLfLineEnds(const std::string &Text) {
  if (Text.find('\r') == std::string::npos)
    return Text;
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] != '\r')
      Out += Text[I];
    else if (I + 1 == Text.size() || Text[I + 1] != '\n')
      Out += '\n';
  }
  return Out;
}

/// Where each document of a YAML stream starts and where its content
/// starts, if it has any, from the parser's events: documents after the
/// first are never built into nodes.
class DocumentOutline : public YAML::EventHandler {
public:
  YAML::Mark Start;
  std::optional<YAML::Mark> Content;

  void OnDocumentStart(const YAML::Mark &M) override {
    Start = M;
    Content.reset();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark &M, YAML::anchor_t) override { content(M); }
  void OnScalar(const YAML::Mark &M, const std::string &, YAML::anchor_t,
                const std::string &) override {
    content(M);
  }
  void OnSequenceStart(const YAML::Mark &M, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    content(M);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &M, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    content(M);
  }
  void OnMapEnd() override {}

private:
  void content(const YAML::Mark &M) {
    if (!Content)
      Content = M;
  }
};

SourceLoc locOf(const YamlFile &File, const YAML::Mark &M) {
  if (M.is_null())
    return {File.name(), 0, 0};
  return {File.name(), static_cast<unsigned>(M.line + 1), static_cast<unsigned>(M.column + 1)};
}

/// The character at byte Pos of Text, quoted for a message.
std::string characterAt(const std::string &Text, int Pos) {
  if (Pos < 0 || static_cast<size_t>(Pos) >= Text.size())
    return "end of file";
  size_t Len = 1;
  while (Pos + Len < Text.size() && (static_cast<unsigned char>(Text[Pos + Len]) & 0xC0) == 0x80)
    ++Len; // the rest of a UTF-8 character
  return "'" + escapeNonPrintable(Text.substr(Pos, Len)) + "'";
}

/// Reads every document of Text as events: the first syntax error throws;
/// each document after the first that holds anything is a warning, as
/// pdflow reads only the first. False, with an error, where the parser
/// cannot go on: yaml-cpp 0.7 then returns the same empty document forever
/// (its LoadAll never ends), and YAML::Load reads a file that starts there
/// as an empty one.
bool checkDocuments(const std::string &Text, YamlFile &File) {
  std::istringstream In(Text);
  YAML::Parser Parser(In);
  DocumentOutline Doc;
  std::optional<int> PreviousStart;
  for (size_t Index = 0; Parser.HandleNextDocument(Doc); ++Index) {
    if (PreviousStart == Doc.Start.pos) {
      File.error(locOf(File, Doc.Start),
                 "invalid YAML: unexpected " + characterAt(Text, Doc.Start.pos));
      return false;
    }
    PreviousStart = Doc.Start.pos;
    if (Index > 0 && Doc.Content)
      File.diags().warning(locOf(File, *Doc.Content),
                           "a second YAML document starts here; pdflow reads only the first "
                           "document of a file, so this one is ignored");
  }
  return true;
}

} // namespace

std::optional<YAML::Node> parseDocument(const std::string &Text, YamlFile &File) {
  const std::string Lf = withLfLineEnds(Text);
  try {
    if (!checkDocuments(Lf, File))
      return std::nullopt;
    return YAML::Load(Lf); // the first document
  } catch (const YAML::ParserException &E) {
    File.error(locOf(File, E.mark), "invalid YAML: " + E.msg);
  } catch (const YAML::Exception &E) {
    File.error(SourceLoc{File.name(), 0, 0}, "invalid YAML: " + E.msg);
  }
  return std::nullopt;
}

bool isAbsent(const YAML::Node &N) { return !N.IsDefined() || N.IsNull(); }

bool expectMap(YamlFile &File, const YAML::Node &N, const std::string &Where) {
  if (N.IsMap())
    return true;
  File.error(N, "expected a mapping " + Where);
  return false;
}

std::optional<Scalar> expectScalar(YamlFile &File, const YAML::Node &N, const std::string &Where) {
  if (N.IsScalar())
    return Scalar{N.Scalar(), File.loc(N)};
  File.error(N, "expected a string " + Where);
  return std::nullopt;
}

std::optional<unsigned> parseIndex(const std::string &Text) {
  unsigned Value = 0;
  const char *End = Text.data() + Text.size();
  auto [Ptr, Ec] = std::from_chars(Text.data(), End, Value);
  if (Text.empty() || Ec != std::errc() || Ptr != End)
    return std::nullopt;
  return Value;
}

void checkVersion(MapReader &R) {
  auto V = R.scalar("version");
  if (V && V->Text != "1")
    R.file().error(V->Loc, "'version' must be 1; got " + quoteForMessage(V->Text));
}

std::string oneOfMessage(const std::string &What, const std::vector<std::string> &Allowed,
                         const std::string &Got) {
  std::string List;
  for (const std::string &A : Allowed)
    List += (List.empty() ? "" : ", ") + A;
  return What + " must be one of " + List + "; got " + quoteForMessage(Got);
}

std::string mustBeOneOf(const std::string &Key, const std::vector<std::string> &Allowed,
                        const std::string &Got) {
  return oneOfMessage("'" + Key + "'", Allowed, Got);
}

MapReader::MapReader(YamlFile &File, const YAML::Node &Map, std::string What,
                     std::vector<std::string> Keys)
    : File(File), Map(Map), What(std::move(What)) {
  if (!Map.IsMap())
    return;
  std::set<std::string> Seen;
  for (const auto &Entry : Map) {
    // Copies: yaml-cpp's iterator yields a proxy that dies with the statement.
    YAML::Node K = Entry.first;
    YAML::Node V = Entry.second;
    if (!K.IsScalar()) {
      File.error(K, "expected a string key in " + this->What);
      continue;
    }
    std::string Name = K.Scalar();
    if (!Keys.empty() && std::find(Keys.begin(), Keys.end(), Name) == Keys.end()) {
      File.error(K, withSuggestion("unknown key " + quoteForMessage(Name) + " in " + this->What,
                                   Name, Keys));
      continue;
    }
    if (!Seen.insert(Name).second) {
      File.error(K, "duplicate key " + quoteForMessage(Name) + " in " + this->What);
      continue;
    }
    Entries.push_back({Scalar{Name, File.loc(K)}, V});
  }
}

YAML::Node MapReader::get(const std::string &Key) const {
  for (const auto &[K, V] : Entries)
    if (K.Text == Key)
      return V;
  return YAML::Node(YAML::NodeType::Undefined);
}

SourceLoc MapReader::valueLoc(const std::string &Key) const {
  YAML::Node V = get(Key);
  if (V.IsDefined() && !V.Mark().is_null())
    return File.loc(V);
  return loc();
}

std::optional<Scalar> MapReader::scalar(const std::string &Key) {
  YAML::Node V = get(Key);
  if (isAbsent(V))
    return std::nullopt;
  return expectScalar(File, V, "for '" + Key + "'");
}

std::optional<Scalar> MapReader::required(const std::string &Key) {
  if (!has(Key)) {
    File.error(loc(), "missing '" + Key + "' in " + What);
    return std::nullopt;
  }
  return scalar(Key);
}

std::optional<std::string> MapReader::string(const std::string &Key) {
  if (auto S = scalar(Key))
    return S->Text;
  return std::nullopt;
}

std::optional<bool> MapReader::boolean(const std::string &Key) {
  auto S = scalar(Key);
  if (!S)
    return std::nullopt;
  for (const char *T : {"true", "True", "TRUE"})
    if (S->Text == T)
      return true;
  for (const char *F : {"false", "False", "FALSE"})
    if (S->Text == F)
      return false;
  File.error(S->Loc, "'" + Key + "' must be true or false; got " + quoteForMessage(S->Text));
  return std::nullopt;
}

std::optional<unsigned> MapReader::index(const std::string &Key) {
  auto S = scalar(Key);
  if (!S)
    return std::nullopt;
  if (auto I = parseIndex(S->Text))
    return I;
  File.error(S->Loc,
             "'" + Key + "' must be a non-negative integer; got " + quoteForMessage(S->Text));
  return std::nullopt;
}

std::optional<std::vector<YAML::Node>> MapReader::list(const std::string &Key) {
  YAML::Node V = get(Key);
  if (isAbsent(V))
    return std::nullopt;
  if (!V.IsSequence()) {
    File.error(V, "expected a list for '" + Key + "'");
    return std::nullopt;
  }
  std::vector<YAML::Node> Items;
  for (const YAML::Node &Item : V)
    Items.push_back(Item);
  return Items;
}

std::optional<std::vector<Scalar>> MapReader::scalarList(const std::string &Key) {
  auto Items = list(Key);
  if (!Items)
    return std::nullopt;
  std::vector<Scalar> Out;
  for (const YAML::Node &Item : *Items)
    if (auto S = expectScalar(File, Item, "in '" + Key + "'"))
      Out.push_back(std::move(*S));
  return Out;
}

} // namespace pdflow::yaml
