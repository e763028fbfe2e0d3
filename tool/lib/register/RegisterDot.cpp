// The data map for Graphviz: `pdflow register --format dot | dot -Tsvg`.

#include "pdflow/register/RegisterWriters.h"

#include "DataMap.h"

#include "llvm/Support/JSON.h"

#include <set>

namespace pdflow {

namespace {

/// A DOT double-quoted string.
std::string quoted(const std::string &S) {
  std::string Text = llvm::json::isUTF8(S) ? S : llvm::json::fixUTF8(S);
  std::string Out = "\"";
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    if (static_cast<unsigned char>(C) < 0x20)
      continue;
    Out += C;
  }
  return Out + "\"";
}

const char *nodeStyle(MapMark M) {
  switch (M) {
  case MapMark::Plain:
    return "";
  case MapMark::Special:
    return ", color=\"#b3261e\", fillcolor=\"#fdecea\", penwidth=2";
  case MapMark::Abroad:
    return ", color=\"#b26a00\", fillcolor=\"#fff4e0\", penwidth=2";
  case MapMark::Flagged:
    return ", color=\"#b3261e\", fillcolor=\"#fdecea\", penwidth=3, "
           "style=\"rounded,filled,dashed\"";
  }
  return "";
}

const char *edgeStyle(MapMark M) {
  switch (M) {
  case MapMark::Plain:
    return "";
  case MapMark::Special:
    return " [color=\"#b3261e\", penwidth=2]";
  case MapMark::Abroad:
    return " [color=\"#b26a00\", penwidth=2, style=dashed]";
  case MapMark::Flagged:
    return " [color=\"#b3261e\", penwidth=3, style=dashed]";
  }
  return "";
}

/// Inferred categories in a cluster of their own, grey and dotted, each
/// linked to the activities whose data it would be: never drawn as a
/// category of the register.
std::string toConfirmCluster(const Register &R, const Labels &L) {
  std::string Nodes, Edges;
  std::set<std::string> Seen;
  auto Add = [&](const std::vector<ToConfirmCategory> &Items, const std::string &Activity) {
    for (const ToConfirmCategory &C : Items) {
      std::string Key = "to-confirm:" + C.Id;
      if (Seen.insert(Key).second)
        Nodes += "    " + quoted(Key) + " [label=" + quoted(L.category(C.Id) + "\n" + C.Id) +
                 ", color=\"#8c959f\", fillcolor=\"#ffffff\", style=\"rounded,filled,dotted\"];\n";
      Edges +=
          "  " + quoted(Key) + " -> " + quoted(Activity) + " [color=\"#8c959f\", style=dotted];\n";
    }
  };
  for (const RegisterActivity &A : R.Activities)
    Add(A.ToConfirm, "activity:" + A.Id);
  if (!R.UnregisteredToConfirm.empty()) {
    // The unregistered processing's node, when the register has one.
    std::string Activity = R.Unregistered.empty() ? "to-confirm:unregistered" : "activity:";
    if (R.Unregistered.empty())
      Nodes += "    " + quoted(Activity) + " [label=" + quoted(L.text(Text::Unregistered)) +
               ", color=\"#8c959f\", fillcolor=\"#ffffff\", style=\"rounded,filled,dotted\"];\n";
    Add(R.UnregisteredToConfirm, Activity);
  }
  if (Nodes.empty())
    return "";
  return "  subgraph cluster_to_confirm {\n    label=" + quoted(L.text(Text::ToConfirm)) +
         ";\n    color=\"#8c959f\";\n    style=dotted;\n" + Nodes + "  }\n" + Edges;
}

} // namespace

std::string renderRegisterDot(const Register &R, const Taxonomy &Tax,
                              const RegisterRenderOptions &O) {
  Labels L(Tax, O.Lang);
  DataMap Map = buildDataMap(R, Tax, L);
  std::string Out = "// " + std::string(L.text(Text::DataMap)) + ": pdflow register --format dot\n";
  Out += "digraph register {\n"
         "  rankdir=LR;\n"
         "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f6f9\", "
         "color=\"#5b6b7f\", fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [color=\"#9aa5b1\"];\n";
  const Text Titles[] = {Text::Categories, Text::Activities, Text::Recipients};
  const char *Names[] = {"categories", "activities", "recipients"};
  for (MapColumn C : {MapColumn::Categories, MapColumn::Activities, MapColumn::Recipients}) {
    int I = static_cast<int>(C);
    Out += "  subgraph cluster_" + std::string(Names[I]) +
           " {\n    label=" + quoted(L.text(Titles[I])) + ";\n    color=\"#d0d7de\";\n";
    for (const MapNode &N : Map.Nodes)
      if (N.Column == C)
        Out += "    " + quoted(N.Key) +
               " [label=" + quoted(N.Label + (N.Detail.empty() ? "" : "\n" + N.Detail)) +
               nodeStyle(N.Mark) + "];\n";
    Out += "  }\n";
  }
  for (const MapEdge &E : Map.Edges)
    Out += "  " + quoted(Map.Nodes[E.From].Key) + " -> " + quoted(Map.Nodes[E.To].Key) +
           edgeStyle(E.Mark) + ";\n";
  return Out + toConfirmCluster(R, L) + "}\n";
}

} // namespace pdflow
