#include "TaxonomyYaml.h"

#include <algorithm>

namespace pdflow {

using yaml::MapReader;

static std::optional<Category> readCategory(yaml::YamlFile &File, const YAML::Node &N,
                                            bool LabelRequired) {
  MapReader R(File, N, "category",
              {"id", "parent", "label", "label_fr", "group", "special", "criminal", "protected"});
  auto Id = R.required("id");
  Category C;
  C.Parent = R.string("parent").value_or("");
  auto Label = LabelRequired ? R.required("label") : R.scalar("label");
  C.Label = Label ? Label->Text : "";
  auto LabelFr = LabelRequired ? R.required("label_fr") : R.scalar("label_fr");
  C.LabelFr = LabelFr ? LabelFr->Text : "";
  C.Group = R.string("group").value_or("");
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
  std::vector<std::string> Keys = {"id", "label", "label_fr"};
  if (Schema.WithArticle)
    Keys.push_back("article");
  if (Schema.WithDpia)
    Keys.push_back("dpia");
  MapReader R(File, N, Schema.What, Keys);
  auto Id = R.required("id");
  TaxonomyTerm T;
  auto Label = Schema.LabelRequired ? R.required("label") : R.scalar("label");
  T.Label = Label ? Label->Text : "";
  auto LabelFr = Schema.LabelRequired ? R.required("label_fr") : R.scalar("label_fr");
  T.LabelFr = LabelFr ? LabelFr->Text : "";
  if (auto Dpia = R.scalar("dpia")) {
    std::vector<std::string> Allowed = dpiaCriterionNames();
    if (std::find(Allowed.begin(), Allowed.end(), Dpia->Text) != Allowed.end())
      T.Dpia = Dpia->Text;
    else
      File.error(Dpia->Loc, yaml::mustBeOneOf("dpia", Allowed, Dpia->Text));
  }
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
  Ext.Purposes = readTerms(Section, "purposes", {"purpose", LabelRequired, false, true});
  Ext.Subjects = readTerms(Section, "subjects", {"subject", LabelRequired, false, false});
}

} // namespace pdflow
