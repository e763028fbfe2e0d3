#include "TaxonomyYaml.h"

namespace pdflow {

using yaml::MapReader;

static std::optional<Category> readCategory(yaml::YamlFile &File, const YAML::Node &N,
                                            bool LabelRequired) {
  MapReader R(File, N, "category", {"id", "parent", "label", "special", "criminal", "protected"});
  auto Id = R.required("id");
  Category C;
  C.Parent = R.string("parent").value_or("");
  auto Label = LabelRequired ? R.required("label") : R.scalar("label");
  C.Label = Label ? Label->Text : "";
  C.Special = R.boolean("special").value_or(false);
  C.Criminal = R.boolean("criminal").value_or(false);
  C.Protected = R.boolean("protected").value_or(false);
  if (!Id)
    return std::nullopt;
  C.Id = Id->Text;
  C.Loc = Id->Loc;
  return C;
}

static std::optional<TaxonomyTerm> readTerm(yaml::YamlFile &File, const YAML::Node &N,
                                            const TermSchema &Schema) {
  std::vector<std::string> Keys = {"id", "label"};
  if (Schema.WithArticle)
    Keys.push_back("article");
  MapReader R(File, N, Schema.What, Keys);
  auto Id = R.required("id");
  TaxonomyTerm T;
  auto Label = Schema.LabelRequired ? R.required("label") : R.scalar("label");
  T.Label = Label ? Label->Text : "";
  if (Schema.WithArticle)
    if (auto Article = R.required("article"))
      T.Article = Article->Text;
  if (!Id)
    return std::nullopt;
  T.Id = Id->Text;
  T.Loc = Id->Loc;
  return T;
}

std::vector<Category> readCategories(MapReader &Section, const std::string &Key,
                                     bool LabelRequired) {
  std::vector<Category> Out;
  for (const YAML::Node &Item : Section.list(Key).value_or(std::vector<YAML::Node>{}))
    if (yaml::expectMap(Section.file(), Item, "in '" + Key + "'"))
      if (auto C = readCategory(Section.file(), Item, LabelRequired))
        Out.push_back(std::move(*C));
  return Out;
}

std::vector<TaxonomyTerm> readTerms(MapReader &Section, const std::string &Key,
                                    const TermSchema &Schema) {
  std::vector<TaxonomyTerm> Out;
  for (const YAML::Node &Item : Section.list(Key).value_or(std::vector<YAML::Node>{}))
    if (yaml::expectMap(Section.file(), Item, "in '" + Key + "'"))
      if (auto T = readTerm(Section.file(), Item, Schema))
        Out.push_back(std::move(*T));
  return Out;
}

void readExtension(MapReader &Section, TaxonomyExtension &Ext, bool LabelRequired) {
  Ext.Categories = readCategories(Section, "categories", LabelRequired);
  Ext.Purposes = readTerms(Section, "purposes", {"purpose", LabelRequired, false});
  Ext.Subjects = readTerms(Section, "subjects", {"subject", LabelRequired, false});
}

} // namespace pdflow
