#include "pdflow/report/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace pdflow {

namespace {

/// Bump when the hashed fields change: old baselines then stop matching
/// instead of matching the wrong findings.
constexpr const char *Scheme = "pdflow-fingerprint-v1";

std::string relativeTo(const std::string &File, const std::string &Root) {
  if (Root.empty())
    return File;
  std::string Prefix = Root.back() == '/' ? Root : Root + "/";
  return File.compare(0, Prefix.size(), Prefix) == 0 ? File.substr(Prefix.size()) : File;
}

} // namespace

std::string fingerprintHash(const Diagnostic &D, const std::string &SourceRoot) {
  llvm::SHA256 H;
  // Each field ends with a NUL so that ("ab", "c") and ("a", "bc") differ.
  auto Add = [&](llvm::StringRef Field) {
    H.update(Field);
    H.update(llvm::StringRef("\0", 1));
  };
  Add(Scheme);
  Add(D.Rule);
  if (D.Subject.empty()) {
    Add("location");
    Add(relativeTo(D.Loc.File, SourceRoot));
    Add(D.Message);
  } else {
    Add("subject");
    Add(D.Subject.Element);
    Add(D.Subject.Sink);
    Add(D.Subject.Activity);
    Add(D.Subject.Function);
  }
  std::array<uint8_t, 32> Digest = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16), /*LowerCase=*/true);
}

void assignFingerprints(const std::vector<Diagnostic *> &Findings, const std::string &SourceRoot) {
  std::vector<std::pair<std::string, Diagnostic *>> Hashed;
  for (Diagnostic *D : Findings)
    Hashed.emplace_back(fingerprintHash(*D, SourceRoot), D);
  // Number equal hashes by location (relative to the root, as hashed), so the
  // numbers are the same wherever the work tree is.
  std::stable_sort(Hashed.begin(), Hashed.end(), [&](const auto &A, const auto &B) {
    const Diagnostic &L = *A.second, &R = *B.second;
    return std::make_tuple(A.first, relativeTo(L.Loc.File, SourceRoot), L.Loc.Line, L.Loc.Col,
                           L.Message) < std::make_tuple(B.first, relativeTo(R.Loc.File, SourceRoot),
                                                        R.Loc.Line, R.Loc.Col, R.Message);
  });
  std::map<std::string, unsigned> Seen;
  for (auto &[Hash, D] : Hashed)
    D->Fingerprint = Hash + ":" + std::to_string(++Seen[Hash]);
}

} // namespace pdflow
