#include "DataMap.h"

#include "Markup.h"

#include <algorithm>
#include <map>
#include <set>

namespace pdflow {

namespace {

/// The strongest of two marks: a flagged transfer outweighs special data,
/// which outweighs a covered transfer.
MapMark worst(MapMark A, MapMark B) {
  auto Rank = [](MapMark M) {
    switch (M) {
    case MapMark::Plain:
      return 0;
    case MapMark::Abroad:
      return 1;
    case MapMark::Special:
      return 2;
    case MapMark::Flagged:
      return 3;
    }
    return 0;
  };
  return Rank(A) >= Rank(B) ? A : B;
}

class DataMapBuilder {
public:
  DataMapBuilder(const Register &R, const Taxonomy &Tax, const Labels &L) : R(R), Tax(Tax), L(L) {}

  DataMap build() {
    addCategories();
    for (const RegisterActivity &A : R.Activities)
      addActivity(A);
    addUnregistered();
    orderRecipients();
    return finish();
  }

private:
  bool sensitive(const std::string &Category) const {
    return Tax.isSpecial(Category) || Tax.isCriminal(Category);
  }

  size_t groupIndex(const std::string &Category) const {
    const auto &Groups = Tax.groups();
    std::string G = Tax.groupOf(Category);
    for (size_t I = 0; I < Groups.size(); ++I)
      if (Groups[I].Id == G)
        return I;
    return Groups.size();
  }

  size_t node(std::vector<MapNode> &Column, std::map<std::string, size_t> &Index, MapNode N) {
    auto [It, Inserted] = Index.emplace(N.Key, Column.size());
    if (Inserted)
      Column.push_back(std::move(N));
    else
      Column[It->second].Mark = worst(Column[It->second].Mark, N.Mark);
    return It->second;
  }

  void addCategories() {
    std::set<std::pair<size_t, std::string>> Ordered;
    for (const RegisterActivity &A : R.Activities)
      for (const RegisterCategory &C : A.Categories)
        Ordered.insert({groupIndex(C.Id), C.Id});
    for (const UnregisteredFlow &F : R.Unregistered)
      if (!F.Category.empty())
        Ordered.insert({groupIndex(F.Category), F.Category});
    for (const auto &[Group, Id] : Ordered)
      node(Categories, CategoryIndex,
           {"category:" + Id, MapColumn::Categories, L.category(Id), Id,
            sensitive(Id) ? MapMark::Special : MapMark::Plain});
  }

  /// The recipient's node: internal systems collapse into one per kind.
  size_t recipientNode(const std::string &Name, SinkKind Kind, const std::string &Country,
                       MapMark Mark) {
    if (Kind == SinkKind::Log || Kind == SinkKind::Storage || Kind == SinkKind::Export)
      return node(Recipients, RecipientIndex,
                  {std::string("system:") + sinkKindName(Kind), MapColumn::Recipients,
                   L.sinkKind(Kind), "", Mark});
    std::string Detail = Kind == SinkKind::InternalService ? L.sinkKind(Kind) : L.country(Country);
    return node(Recipients, RecipientIndex,
                {"recipient:" + Name, MapColumn::Recipients, Name, Detail, Mark});
  }

  static MapMark transferMark(const RegisterActivity &A, const RegisterRecipient &Rec) {
    for (const RegisterTransfer &T : A.Transfers)
      if (T.Recipient == Rec.Name && T.Country == Rec.Country)
        return T.Covered ? MapMark::Abroad : MapMark::Flagged;
    return MapMark::Plain;
  }

  void addActivity(const RegisterActivity &A) {
    size_t Act = node(Activities, ActivityIndex,
                      {"activity:" + A.Id, MapColumn::Activities, A.Name.empty() ? A.Id : A.Name,
                       A.Id, A.Declared ? MapMark::Plain : MapMark::Flagged});
    for (const RegisterCategory &C : A.Categories)
      Links.insert({{MapColumn::Categories, CategoryIndex.at("category:" + C.Id)},
                    {MapColumn::Activities, Act},
                    sensitive(C.Id) ? MapMark::Special : MapMark::Plain});
    for (const RegisterRecipient &Rec : A.Recipients) {
      MapMark Place = transferMark(A, Rec);
      MapMark Edge = Place;
      for (const std::string &C : Rec.Categories)
        if (sensitive(C))
          Edge = worst(Edge, MapMark::Special);
      size_t To = recipientNode(Rec.Name, Rec.Kind, Rec.Country, Place);
      Links.insert({{MapColumn::Activities, Act}, {MapColumn::Recipients, To}, Edge});
    }
  }

  void addUnregistered() {
    if (R.Unregistered.empty())
      return;
    size_t Act = node(
        Activities, ActivityIndex,
        {"activity:", MapColumn::Activities, L.text(Text::Unregistered), "", MapMark::Flagged});
    for (const UnregisteredFlow &F : R.Unregistered) {
      if (!F.Category.empty())
        Links.insert({{MapColumn::Categories, CategoryIndex.at("category:" + F.Category)},
                      {MapColumn::Activities, Act},
                      MapMark::Flagged});
      size_t To = recipientNode(F.Sink, F.Kind, "", MapMark::Plain);
      Links.insert({{MapColumn::Activities, Act}, {MapColumn::Recipients, To}, MapMark::Flagged});
    }
  }

  /// Recipients by the mean index of the activities sending to them.
  void orderRecipients() {
    std::vector<std::pair<double, size_t>> Keys(Recipients.size(), {0.0, 0});
    std::vector<size_t> Count(Recipients.size(), 0);
    for (const auto &[From, To, Mark] : Links)
      if (To.first == MapColumn::Recipients) {
        Keys[To.second].first += static_cast<double>(From.second);
        ++Count[To.second];
      }
    for (size_t I = 0; I < Recipients.size(); ++I)
      Keys[I] = {Count[I] ? Keys[I].first / Count[I] : 0.0, I};
    std::stable_sort(Keys.begin(), Keys.end(), [&](const auto &A, const auto &B) {
      if (A.first != B.first)
        return A.first < B.first;
      return Recipients[A.second].Label < Recipients[B.second].Label;
    });
    RecipientOrder.assign(Recipients.size(), 0);
    for (size_t Pos = 0; Pos < Keys.size(); ++Pos)
      RecipientOrder[Keys[Pos].second] = Pos;
  }

  DataMap finish() {
    DataMap Map;
    size_t ActBase = Categories.size();
    size_t RecBase = ActBase + Activities.size();
    Map.Nodes = Categories;
    Map.Nodes.insert(Map.Nodes.end(), Activities.begin(), Activities.end());
    Map.Nodes.resize(RecBase + Recipients.size());
    for (size_t I = 0; I < Recipients.size(); ++I)
      Map.Nodes[RecBase + RecipientOrder[I]] = Recipients[I];
    auto Global = [&](const std::pair<MapColumn, size_t> &End) {
      switch (End.first) {
      case MapColumn::Categories:
        return End.second;
      case MapColumn::Activities:
        return ActBase + End.second;
      case MapColumn::Recipients:
        return RecBase + RecipientOrder[End.second];
      }
      return End.second;
    };
    std::map<std::pair<size_t, size_t>, MapMark> Edges;
    for (const auto &[From, To, Mark] : Links) {
      auto Key = std::make_pair(Global(From), Global(To));
      auto [It, Inserted] = Edges.emplace(Key, Mark);
      if (!Inserted)
        It->second = worst(It->second, Mark);
    }
    for (const auto &[Key, Mark] : Edges)
      Map.Edges.push_back({Key.first, Key.second, Mark});
    return Map;
  }

  using End = std::pair<MapColumn, size_t>;
  struct Link {
    End From, To;
    MapMark Mark;
    auto operator<=>(const Link &) const = default;
  };

  const Register &R;
  const Taxonomy &Tax;
  const Labels &L;
  std::vector<MapNode> Categories, Activities, Recipients;
  std::map<std::string, size_t> CategoryIndex, ActivityIndex, RecipientIndex;
  std::vector<size_t> RecipientOrder;
  std::set<Link> Links;
};

// --- SVG layout -----------------------------------------------------------------

constexpr int Margin = 16;
constexpr int HeaderHeight = 28;
constexpr int ColumnWidth = 250;
constexpr int ColumnGap = 130;
constexpr int NodeHeight = 38;
constexpr int RowPitch = 48;
constexpr size_t LabelChars = 34; // what fits in ColumnWidth at 12px

int columnX(MapColumn C) { return Margin + static_cast<int>(C) * (ColumnWidth + ColumnGap); }

const char *markClass(MapMark M) {
  switch (M) {
  case MapMark::Plain:
    return "plain";
  case MapMark::Special:
    return "special";
  case MapMark::Abroad:
    return "abroad";
  case MapMark::Flagged:
    return "flagged";
  }
  return "plain";
}

struct Layout {
  std::vector<int> Y; // top of each node
  int Height = 0;
};

/// Each column's nodes top to bottom, the shorter columns centred.
Layout layOut(const DataMap &Map) {
  size_t Count[3] = {0, 0, 0};
  for (const MapNode &N : Map.Nodes)
    ++Count[static_cast<int>(N.Column)];
  size_t Rows = std::max({Count[0], Count[1], Count[2], size_t(1)});
  Layout L;
  L.Height = 2 * Margin + HeaderHeight + static_cast<int>(Rows) * RowPitch;
  size_t Seen[3] = {0, 0, 0};
  for (const MapNode &N : Map.Nodes) {
    int C = static_cast<int>(N.Column);
    int Offset = static_cast<int>(Rows - Count[C]) * RowPitch / 2;
    L.Y.push_back(Margin + HeaderHeight + Offset + static_cast<int>(Seen[C]++) * RowPitch);
  }
  return L;
}

void svgNode(std::string &Out, const MapNode &N, int Y) {
  using markup::escapeXml;
  int X = columnX(N.Column);
  Out += "<g class=\"node " + std::string(markClass(N.Mark)) + "\"><title>" +
         escapeXml(N.Label + (N.Detail.empty() ? "" : "\n" + N.Detail)) + "</title>";
  Out += "<rect x=\"" + std::to_string(X) + "\" y=\"" + std::to_string(Y) + "\" width=\"" +
         std::to_string(ColumnWidth) + "\" height=\"" + std::to_string(NodeHeight) +
         "\" rx=\"5\"/>";
  int TextY = N.Detail.empty() ? Y + 23 : Y + 16;
  Out += "<text x=\"" + std::to_string(X + 8) + "\" y=\"" + std::to_string(TextY) + "\">" +
         escapeXml(markup::truncate(N.Label, LabelChars)) + "</text>";
  if (!N.Detail.empty())
    Out += "<text class=\"detail\" x=\"" + std::to_string(X + 8) + "\" y=\"" +
           std::to_string(Y + 31) + "\">" + escapeXml(markup::truncate(N.Detail, LabelChars + 6)) +
           "</text>";
  Out += "</g>\n";
}

void svgEdge(std::string &Out, const DataMap &Map, const Layout &Lay, const MapEdge &E) {
  const MapNode &From = Map.Nodes[E.From], &To = Map.Nodes[E.To];
  int X1 = columnX(From.Column) + ColumnWidth, Y1 = Lay.Y[E.From] + NodeHeight / 2;
  int X2 = columnX(To.Column), Y2 = Lay.Y[E.To] + NodeHeight / 2;
  int Mid = (X1 + X2) / 2;
  Out += "<path class=\"edge " + std::string(markClass(E.Mark)) + "\" d=\"M" + std::to_string(X1) +
         " " + std::to_string(Y1) + " C" + std::to_string(Mid) + " " + std::to_string(Y1) + " " +
         std::to_string(Mid) + " " + std::to_string(Y2) + " " + std::to_string(X2) + " " +
         std::to_string(Y2) + "\"/>\n";
}

} // namespace

DataMap buildDataMap(const Register &R, const Taxonomy &Tax, const Labels &L) {
  return DataMapBuilder(R, Tax, L).build();
}

std::string renderDataMapSvg(const DataMap &Map, const Labels &L) {
  Layout Lay = layOut(Map);
  int Width = 2 * Margin + 3 * ColumnWidth + 2 * ColumnGap;
  std::string W = std::to_string(Width), H = std::to_string(Lay.Height);
  std::string Out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"datamap\" role=\"img\" "
                    "viewBox=\"0 0 " +
                    W + " " + H + "\" width=\"" + W + "\" height=\"" + H + "\"><title>" +
                    markup::escapeXml(L.text(Text::DataMap)) + "</title>\n";
  const Text Headings[] = {Text::Categories, Text::Activities, Text::Recipients};
  for (MapColumn C : {MapColumn::Categories, MapColumn::Activities, MapColumn::Recipients})
    Out += "<text class=\"column\" x=\"" + std::to_string(columnX(C)) + "\" y=\"" +
           std::to_string(Margin + 12) + "\">" +
           markup::escapeXml(L.text(Headings[static_cast<int>(C)])) + "</text>\n";
  // Plain edges first, so the marked ones are drawn on top.
  for (bool Marked : {false, true})
    for (const MapEdge &E : Map.Edges)
      if ((E.Mark != MapMark::Plain) == Marked)
        svgEdge(Out, Map, Lay, E);
  for (size_t I = 0; I < Map.Nodes.size(); ++I)
    svgNode(Out, Map.Nodes[I], Lay.Y[I]);
  return Out + "</svg>\n";
}

} // namespace pdflow
