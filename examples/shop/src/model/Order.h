// An order: what was bought, where it goes, and how it is paid.
#ifndef SHOP_MODEL_ORDER_H
#define SHOP_MODEL_ORDER_H

#include "model/Customer.h"

#include <pdflow/annotations.h>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace shop {

struct OrderLine {
  std::string sku;
  std::string name;
  int quantity = 1;
  std::int64_t unitPriceCents = 0;
};

enum class OrderStatus { Placed, Paid, PaymentFailed, Shipped };
const char *toString(OrderStatus status);

struct PDFLOW_SUBJECT(customer) Order {
  std::int64_t id = 0;
  Customer::Id customerId = 0;
  std::vector<OrderLine> lines;
  OrderStatus status = OrderStatus::Placed;
  Address shipTo;

  // "Code 4512B, leave with the neighbour at no. 14"
  PDFLOW_DATA(contact.delivery_instructions, purposes = order-fulfilment shipping,
              retention = P3M)
  std::string deliveryInstructions;

  // The Stripe PaymentMethod id (pm_...) from the checkout page: it stands for
  // the customer's card. The card number itself never reaches our servers.
  PDFLOW_DATA(financial.payment_card, purposes = billing,
              retention = "until the payment is captured")
  std::string paymentMethod;

  std::string chargeId; // Stripe's id for the payment, once paid
  std::string trackingNumber;

  std::int64_t totalCents() const;

  /// The order as the API returns it. The payment method is left out.
  nlohmann::json toJson() const;
};

} // namespace shop

#endif // SHOP_MODEL_ORDER_H
