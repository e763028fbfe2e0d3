//===- DataMap.h - Categories -> activities -> recipients --------*- C++ -*-===//
//
// The picture DPOs and auditors look at first: three columns, the data
// categories, the activities processing them, where the data goes. Built
// once from the register; drawn as Graphviz (DOT) or laid out here as SVG.
//
//===----------------------------------------------------------------------===//
#ifndef PDFLOW_LIB_REGISTER_DATAMAP_H
#define PDFLOW_LIB_REGISTER_DATAMAP_H

#include "Labels.h"

#include <string>
#include <vector>

namespace pdflow {

enum class MapColumn { Categories, Activities, Recipients };

/// What makes a node or an edge stand out.
enum class MapMark {
  Plain,
  Special, // special-category or criminal data
  Abroad,  // outside the EEA, covered by adequacy or a safeguard
  Flagged, // outside the EEA with nothing covering it
};

struct MapNode {
  std::string Key; // unique: "category:contact.email", "activity:billing"...
  MapColumn Column = MapColumn::Categories;
  std::string Label;
  std::string Detail; // second line: a group, a legal basis, a country
  MapMark Mark = MapMark::Plain;
};

struct MapEdge {
  size_t From = 0; // node indexes
  size_t To = 0;
  MapMark Mark = MapMark::Plain;
};

struct DataMap {
  std::vector<MapNode> Nodes; // by column, in drawing order
  std::vector<MapEdge> Edges; // sorted, unique
};

/// Categories in the CNIL group order; activities in register order (the
/// unregistered flows last, as one flagged pseudo-activity); recipients
/// ordered by the mean position of their activities, which keeps most edges
/// from crossing. Internal systems are one node per kind.
DataMap buildDataMap(const Register &R, const Taxonomy &Tax, const Labels &L);

/// An inline SVG drawing of Map: no script, no external reference, every
/// string escaped.
std::string renderDataMapSvg(const DataMap &Map, const Labels &L);

} // namespace pdflow

#endif
