#ifndef PDFLOW_SOLVER_MODELINDEX_H
#define PDFLOW_SOLVER_MODELINDEX_H

#include "pdflow/config/Config.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace pdflow {

/// Answers "which models apply to this function / object / type?" by glob.
/// Config models come first and override built-in ones for the same name:
/// when any config model of a kind matches a name, built-in models of that
/// kind are not consulted for it. Each name is matched against the globs
/// once and remembered: the frontend asks for every call it sees and the
/// solver for every call site on every round. Safe to share between threads.
class ModelIndex {
public:
  ModelIndex(const ModelSet &Builtin, const ModelSet &FromConfig);

  const SinkModel *sinkForFunction(const std::string &QualifiedName) const;
  const SinkModel *sinkForObject(const std::string &QualifiedName) const;
  /// Types are tried with each of TypeAndBases (the class and its bases).
  const SinkModel *sinkForType(const std::vector<std::string> &TypeAndBases) const;
  const TransformModel *transformFor(const std::string &QualifiedName) const;
  const std::vector<const PropagatorModel *> &
  propagatorsFor(const std::string &QualifiedName) const;
  const ConsentCheckModel *consentCheckFor(const std::string &QualifiedName) const;

private:
  /// Every model that applies to one name, of each kind.
  struct Matches {
    const SinkModel *FunctionSink = nullptr;
    const SinkModel *ObjectSink = nullptr;
    const SinkModel *TypeSink = nullptr;
    const TransformModel *Transform = nullptr;
    std::vector<const PropagatorModel *> Propagators;
    const ConsentCheckModel *Consent = nullptr;
  };
  const Matches &matchesFor(const std::string &Name) const;
  Matches computeMatches(const std::string &Name) const;

  template <class T>
  std::vector<const T *> match(const std::vector<T> &Cfg, const std::vector<T> &Builtin,
                               std::string T::*Key, const std::string &Name) const;
  ModelSet Builtin, Config;
  mutable std::mutex CacheMutex;
  mutable std::unordered_map<std::string, std::unique_ptr<Matches>> Cache;
};

} // namespace pdflow

#endif
