#include "providers/PaymentGateway.h"

#include <nlohmann/json.hpp>

namespace shop::providers {

PaymentGateway::PaymentGateway(net::HttpClient &http) : http_(http) {}

ChargeResult PaymentGateway::charge(const std::string &paymentMethod, std::int64_t amountCents,
                                    const std::string &receiptEmail,
                                    const std::string &idempotencyKey) {
  const std::string body = "amount=" + std::to_string(amountCents) +
                           "&currency=eur&confirm=true&payment_method=" +
                           net::HttpClient::urlEncode(paymentMethod) +
                           "&receipt_email=" + net::HttpClient::urlEncode(receiptEmail) +
                           "&metadata[idempotency_key]=" + net::HttpClient::urlEncode(idempotencyKey);
  const net::HttpResponse response = http_.postForm("/v1/payment_intents", body);
  if (response.dryRun)
    return ChargeResult{true, "pi_dryrun_" + idempotencyKey, {}};
  if (!response.sent)
    return ChargeResult{false, {}, "stripe unreachable: " + response.body};
  if (response.status != 200)
    return ChargeResult{false, {}, "stripe returned HTTP " + std::to_string(response.status)};
  const auto reply = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!reply.is_object() || !reply.contains("id"))
    return ChargeResult{false, {}, "malformed reply from stripe"};
  return ChargeResult{true, reply["id"].get<std::string>(), {}};
}

ChargeResult PaymentGateway::refund(const std::string &chargeId) {
  const net::HttpResponse response =
      http_.postForm("/v1/refunds", "payment_intent=" + net::HttpClient::urlEncode(chargeId));
  if (!response.dryRun && response.status != 200)
    return ChargeResult{false, chargeId, "refund failed"};
  return ChargeResult{true, chargeId, {}};
}

} // namespace shop::providers
