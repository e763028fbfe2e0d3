#ifndef PDFLOW_CHECKS_UNENCRYPTEDSENSITIVEDATACHECK_H
#define PDFLOW_CHECKS_UNENCRYPTEDSENSITIVEDATACHECK_H

#include "pdflow/checks/Check.h"

#include <string>
#include <vector>

namespace pdflow {

/// Special-category, credential or payment data is stored, exported or sent in
/// plaintext without encryption.
/// docs/rules/unencrypted-sensitive-data.md
class UnencryptedSensitiveDataCheck : public Check {
public:
  explicit UnencryptedSensitiveDataCheck(CheckContext &Ctx);
  void check(const Model &M) override;

private:
  void checkCategories(const Model &M, const std::string &Option,
                       const std::vector<std::string> &Ids);

  /// Option `hashing_suffices_for`: categories (with everything below them)
  /// for which a pseudonymize transform, i.e. a one-way hash, is protection
  /// enough: a password is hashed, never encrypted.
  const std::vector<std::string> HashingSufficesFor;
  /// Option `hashed_categories`: categories that hold one-way hashes already
  /// (a password hash), never reported.
  const std::vector<std::string> HashedCategories;
};

} // namespace pdflow

#endif
