// Helpers that change what personal data is before it leaves a function:
// masking for logs, keyed hashing, IP truncation and field encryption.
#ifndef SHOP_PRIVACY_PRIVACY_H
#define SHOP_PRIVACY_PRIVACY_H

#include <pdflow/annotations.h>

#include <string>
#include <string_view>

namespace shop::privacy {

/// A stable keyed hash of an identifier ("p_3f9a..."), to correlate records
/// without showing the value. Still personal data (GDPR Recital 26).
PDFLOW_TRANSFORM(pseudonymize) std::string pseudonymize(std::string_view value);

/// "c*************@example.com": safe for logs and support screens.
PDFLOW_TRANSFORM(redact) std::string maskEmail(std::string_view value);

/// "+33 6** *** *78": keeps the country code and the last two digits.
PDFLOW_TRANSFORM(redact) std::string maskPhone(std::string_view value);

/// Drops the host part of an address (last IPv4 octet, last 80 bits of IPv6),
/// as analytics vendors do: "192.0.2.41" becomes "192.0.2.0".
PDFLOW_TRANSFORM(anonymize) std::string anonymizeIp(std::string_view value);

/// Salted, iterated password hash ("v1$salt$hash") and its check.
std::string hashPassword(std::string_view password);
bool verifyPassword(std::string_view password, std::string_view stored);

/// Field-level encryption for data at rest. In production the key comes from
/// the KMS and the cipher is AES-256-GCM; this build ships a keyed stream
/// cipher so the example has no crypto dependency. Declared as an `encrypt`
/// transform in .pdflow.yaml.
class FieldCipher {
public:
  explicit FieldCipher(std::string key);
  std::string encrypt(std::string_view plaintext) const;
  std::string decrypt(std::string_view ciphertext) const;

private:
  std::string key_;
};

} // namespace shop::privacy

#endif // SHOP_PRIVACY_PRIVACY_H
