// Consent records (Art. 7): what each customer agreed to, and when.
#ifndef SHOP_PRIVACY_CONSENTS_H
#define SHOP_PRIVACY_CONSENTS_H

#include "model/Customer.h"

#include <pdflow/annotations.h>

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace shop::privacy {

/// Consents given or withdrawn on the account page and the cookie banner.
/// Withdrawing is one click, like giving.
class ConsentStore {
public:
  void record(Customer::Id customer, std::string purpose, bool granted,
              std::chrono::system_clock::time_point at = std::chrono::system_clock::now());

  /// True when the customer's latest answer for the purpose ("analytics",
  /// "newsletter") is yes. Declared in .pdflow.yaml as a consent check whose
  /// argument 1 names the purpose.
  bool granted(Customer::Id customer, std::string_view purpose) const;

private:
  struct Answer {
    bool granted = false;
    std::chrono::system_clock::time_point at;
  };
  std::map<std::pair<Customer::Id, std::string>, Answer, std::less<>> answers_;
};

/// True when the customer subscribed to the newsletter (a separate, unticked
/// box at sign-up).
PDFLOW_CONSENT_CHECK(newsletter)
bool newsletterConsent(const ConsentStore &store, const Customer &customer);

} // namespace shop::privacy

#endif // SHOP_PRIVACY_CONSENTS_H
