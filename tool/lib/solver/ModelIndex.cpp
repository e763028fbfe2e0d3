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

ModelIndex::Matches ModelIndex::computeMatches(const std::string &Name) const {
  auto First = [](const auto &V) { return V.empty() ? nullptr : V.front(); };
  Matches M;
  M.FunctionSink = First(match(Config.Sinks, Builtin.Sinks, &SinkModel::Function, Name));
  M.ObjectSink = First(match(Config.Sinks, Builtin.Sinks, &SinkModel::Object, Name));
  M.TypeSink = First(match(Config.Sinks, Builtin.Sinks, &SinkModel::Type, Name));
  M.Transform =
      First(match(Config.Transforms, Builtin.Transforms, &TransformModel::Function, Name));
  M.Propagators =
      match(Config.Propagators, Builtin.Propagators, &PropagatorModel::Function, Name);
  M.Consent = First(
      match(Config.ConsentChecks, Builtin.ConsentChecks, &ConsentCheckModel::Function, Name));
  return M;
}

const ModelIndex::Matches &ModelIndex::matchesFor(const std::string &Name) const {
  {
    std::lock_guard<std::mutex> Lock(CacheMutex);
    if (auto It = Cache.find(Name); It != Cache.end())
      return *It->second;
  }
  // Matched outside the lock; if another thread got there first, its entry
  // (equal to this one) stays.
  auto Computed = std::make_unique<Matches>(computeMatches(Name));
  std::lock_guard<std::mutex> Lock(CacheMutex);
  return *Cache.try_emplace(Name, std::move(Computed)).first->second;
}

const SinkModel *ModelIndex::sinkForFunction(const std::string &Name) const {
  return matchesFor(Name).FunctionSink;
}

const SinkModel *ModelIndex::sinkForObject(const std::string &Name) const {
  return matchesFor(Name).ObjectSink;
}

const SinkModel *ModelIndex::sinkForType(const std::vector<std::string> &TypeAndBases) const {
  for (const std::string &T : TypeAndBases)
    if (const SinkModel *M = matchesFor(T).TypeSink)
      return M;
  return nullptr;
}

const TransformModel *ModelIndex::transformFor(const std::string &Name) const {
  return matchesFor(Name).Transform;
}

const std::vector<const PropagatorModel *> &
ModelIndex::propagatorsFor(const std::string &Name) const {
  return matchesFor(Name).Propagators;
}

const ConsentCheckModel *ModelIndex::consentCheckFor(const std::string &Name) const {
  return matchesFor(Name).Consent;
}

} // namespace pdflow
