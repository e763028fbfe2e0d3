#ifndef PDFLOW_SOLVER_MODELINDEX_H
#define PDFLOW_SOLVER_MODELINDEX_H

#include "pdflow/config/Config.h"

#include <string>
#include <vector>

namespace pdflow {

/// Answers "which models apply to this function / object / type?" by glob.
/// Config models come first and override built-in ones for the same name:
/// when any config model of a kind matches a name, built-in models of that
/// kind are not consulted for it. Immutable after construction, so
/// safe to share between threads.
class ModelIndex {
public:
  ModelIndex(const ModelSet &Builtin, const ModelSet &FromConfig);

  const SinkModel *sinkForFunction(const std::string &QualifiedName) const;
  const SinkModel *sinkForObject(const std::string &QualifiedName) const;
  /// Types are tried with each of TypeAndBases (the class and its bases).
  const SinkModel *sinkForType(const std::vector<std::string> &TypeAndBases) const;
  const TransformModel *transformFor(const std::string &QualifiedName) const;
  std::vector<const PropagatorModel *> propagatorsFor(const std::string &QualifiedName) const;
  const ConsentCheckModel *consentCheckFor(const std::string &QualifiedName) const;

private:
  template <class T>
  std::vector<const T *> match(const std::vector<T> &Cfg, const std::vector<T> &Builtin,
                               std::string T::*Key, const std::string &Name) const;
  ModelSet Builtin, Config;
};

} // namespace pdflow

#endif
