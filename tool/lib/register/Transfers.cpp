#include "Transfers.h"

namespace pdflow {

bool isTransfer(const Taxonomy &Tax, const std::string &Country) {
  if (Country.empty())
    return false;
  const pdflow::Country *C = Tax.country(Country);
  return !C || !C->EEA;
}

TransferBasis assessTransfer(const Taxonomy &Tax, const std::string &Country, Safeguard Guard) {
  const pdflow::Country *C = Tax.country(Country);
  Adequacy A = C ? C->Adequate : Adequacy::None;
  if (A == Adequacy::Full || A == Adequacy::Commercial)
    return {true, true};
  bool Contractual =
      Guard == Safeguard::Scc || Guard == Safeguard::Bcr || Guard == Safeguard::Derogation;
  if (A == Adequacy::Framework && Guard == Safeguard::Dpf)
    return {true, true};
  return {false, Contractual};
}

} // namespace pdflow
