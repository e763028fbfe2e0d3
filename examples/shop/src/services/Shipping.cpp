#include "services/Shipping.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>

namespace shop::shipping {

ShippingService::ShippingService(std::vector<std::unique_ptr<notify::Notifier>> notifiers,
                                 log::Logger &log)
    : notifiers_(std::move(notifiers)), log_(log) {}

std::size_t ShippingService::exportManifest(const std::vector<Parcel> &parcels,
                                            const CarrierPickupRequest &pickup,
                                            const std::string &path) const {
  // RFC 4180 quoting.
  auto csv = [](std::string_view field) {
    std::string quoted = "\"";
    for (char ch : field) {
      if (ch == '"')
        quoted += '"';
      quoted += ch;
    }
    return quoted + "\"";
  };

  std::vector<const Parcel *> sorted;
  sorted.reserve(parcels.size());
  for (const Parcel &parcel : parcels)
    sorted.push_back(&parcel);
  std::sort(sorted.begin(), sorted.end(), [](const Parcel *a, const Parcel *b) {
    return a->order.shipTo.postalCode < b->order.shipTo.postalCode;
  });

  std::ofstream out(path);
  if (!out) {
    log_.error("cannot write the manifest to {}", path);
    return 0;
  }
  out << "#pickup," << pickup.depotCode << ',' << pickup.pickupWindow << ','
      << pickup.phoneNumber << '\n';
  out << "order,recipient,street,postal_code,city,country,phone,instructions\n";
  for (const Parcel *parcel : sorted) {
    const Address &to = parcel->order.shipTo;
    std::ostringstream row;
    row << parcel->order.id << ',' << csv(parcel->customer.fullName()) << ',' << csv(to.street)
        << ',' << csv(to.postalCode) << ',' << csv(to.city) << ',' << to.country << ','
        << csv(parcel->customer.phone()) << ',' << csv(parcel->order.deliveryInstructions);
    out << row.str() << '\n';
  }
  log_.info("manifest with {} parcel(s) written for depot {}", sorted.size(), pickup.depotCode);
  return sorted.size();
}

void ShippingService::notifyShipped(const Customer &customer, const Order &order) const {
  const std::string message = fmt::format("your order #{} has shipped, tracking number {}",
                                          order.id, order.trackingNumber);
  for (const auto &notifier : notifiers_) {
    notifier->notify(customer, message);
    log_.info("order {}: shipping notice sent by {}", order.id, notifier->channel());
  }
}

} // namespace shop::shipping
