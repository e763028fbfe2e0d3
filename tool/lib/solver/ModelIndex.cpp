#include "pdflow/solver/ModelIndex.h"

#include "pdflow/support/Text.h"

namespace pdflow {

ModelIndex::ModelIndex(const ModelSet &Builtin, const ModelSet &FromConfig)
    : Builtin(Builtin), Config(FromConfig) {}

template <class T>
std::vector<const T *> ModelIndex::match(const std::vector<T> &Cfg,
                                         const std::vector<T> &Lib, std::string T::*Key,
                                         const std::string &Name) const {
  std::vector<const T *> Out;
  for (const T &M : Cfg)
    if (!(M.*Key).empty() && matchQualifiedName(M.*Key, Name))
      Out.push_back(&M);
  if (!Out.empty())
    return Out;
  for (const T &M : Lib)
    if (!(M.*Key).empty() && matchQualifiedName(M.*Key, Name))
      Out.push_back(&M);
  return Out;
}

const SinkModel *ModelIndex::sinkForFunction(const std::string &Name) const {
  auto M = match(Config.Sinks, Builtin.Sinks, &SinkModel::Function, Name);
  return M.empty() ? nullptr : M.front();
}

const SinkModel *ModelIndex::sinkForObject(const std::string &Name) const {
  auto M = match(Config.Sinks, Builtin.Sinks, &SinkModel::Object, Name);
  return M.empty() ? nullptr : M.front();
}

const SinkModel *ModelIndex::sinkForType(const std::vector<std::string> &TypeAndBases) const {
  for (const std::string &T : TypeAndBases) {
    auto M = match(Config.Sinks, Builtin.Sinks, &SinkModel::Type, T);
    if (!M.empty())
      return M.front();
  }
  return nullptr;
}

const TransformModel *ModelIndex::transformFor(const std::string &Name) const {
  auto M = match(Config.Transforms, Builtin.Transforms, &TransformModel::Function, Name);
  return M.empty() ? nullptr : M.front();
}

std::vector<const PropagatorModel *>
ModelIndex::propagatorsFor(const std::string &Name) const {
  return match(Config.Propagators, Builtin.Propagators, &PropagatorModel::Function, Name);
}

const ConsentCheckModel *ModelIndex::consentCheckFor(const std::string &Name) const {
  auto M = match(Config.ConsentChecks, Builtin.ConsentChecks, &ConsentCheckModel::Function,
                 Name);
  return M.empty() ? nullptr : M.front();
}

} // namespace pdflow
