// Card payments through Stripe (Stripe, Inc., US; certified under the EU-US
// Data Privacy Framework).
#ifndef SHOP_PROVIDERS_PAYMENTGATEWAY_H
#define SHOP_PROVIDERS_PAYMENTGATEWAY_H

#include "net/HttpClient.h"

#include <pdflow/annotations.h>

#include <cstdint>
#include <string>

namespace shop::providers {

struct ChargeResult {
  bool ok = false;
  std::string chargeId; // "pi_..." when ok
  std::string error;
};

/// Stripe's Payment Intents API. Card numbers never pass through us: the
/// checkout page tokenises the card and we receive a PaymentMethod id.
class PaymentGateway {
public:
  explicit PaymentGateway(net::HttpClient &http);

  /// Creates and confirms a payment intent. `idempotencyKey` makes retries
  /// safe (one key per order).
  PDFLOW_SINK(third-party, recipient = Stripe, country = US, safeguard = dpf,
              accepts = financial.payment_card contact.email)
  ChargeResult charge(const std::string &paymentMethod, std::int64_t amountCents,
                      const std::string &receiptEmail, const std::string &idempotencyKey);

  /// Refunds a payment in full.
  ChargeResult refund(const std::string &chargeId);

private:
  net::HttpClient &http_;
};

} // namespace shop::providers

#endif // SHOP_PROVIDERS_PAYMENTGATEWAY_H
