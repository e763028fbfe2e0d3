#include "pdflow/model/Model.h"

#include <algorithm>

namespace pdflow {

const char *elementKindName(ElementKind K) {
  switch (K) {
  case ElementKind::Field:
    return "field";
  case ElementKind::Variable:
    return "variable";
  case ElementKind::Parameter:
    return "parameter";
  case ElementKind::Return:
    return "return";
  case ElementKind::Class:
    return "class";
  case ElementKind::Local:
    return "local";
  }
  return "field";
}

const char *annotationOriginName(AnnotationOrigin O) {
  switch (O) {
  case AnnotationOrigin::Code:
    return "code";
  case AnnotationOrigin::SideAnnotation:
    return "config";
  case AnnotationOrigin::ClassAnnotation:
    return "class";
  case AnnotationOrigin::Inferred:
    return "inferred";
  }
  return "code";
}

std::string Inference::describe() const {
  return KeyLoc.valid() ? Reason + " at " + KeyLoc.str() : Reason;
}

const DataElement *Model::element(const std::string &Id) const {
  auto It =
      std::lower_bound(Elements.begin(), Elements.end(), Id,
                       [](const DataElement &E, const std::string &Key) { return E.Id < Key; });
  if (It == Elements.end() || It->Id != Id)
    return nullptr;
  return &*It;
}

} // namespace pdflow
