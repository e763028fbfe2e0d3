#include "model/Order.h"

#include <nlohmann/json.hpp>

#include <numeric>

namespace shop {

const char *toString(OrderStatus status) {
  switch (status) {
  case OrderStatus::Placed:
    return "placed";
  case OrderStatus::Paid:
    return "paid";
  case OrderStatus::PaymentFailed:
    return "payment-failed";
  case OrderStatus::Shipped:
    return "shipped";
  }
  return "unknown";
}

std::int64_t Order::totalCents() const {
  return std::accumulate(lines.begin(), lines.end(), std::int64_t{0},
                         [](std::int64_t sum, const OrderLine &line) {
                           return sum + line.quantity * line.unitPriceCents;
                         });
}

nlohmann::json Order::toJson() const {
  nlohmann::json items = nlohmann::json::array();
  for (const OrderLine &line : lines)
    items.push_back({{"sku", line.sku},
                     {"name", line.name},
                     {"quantity", line.quantity},
                     {"unit_price_cents", line.unitPriceCents}});
  return nlohmann::json{
      {"id", id},
      {"status", toString(status)},
      {"total_cents", totalCents()},
      {"items", items},
      {"ship_to", shipTo.oneLine()},
      {"tracking_number", trackingNumber},
  };
}

} // namespace shop
