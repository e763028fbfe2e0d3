// The daily carrier manifest and the "your parcel has shipped" messages.
#ifndef SHOP_SERVICES_SHIPPING_H
#define SHOP_SERVICES_SHIPPING_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "model/Order.h"
#include "notify/Notifier.h"

#include <memory>
#include <string>
#include <vector>

namespace shop::shipping {

struct Parcel {
  Order order;
  Customer customer;
};

/// The carrier's pickup request, sent at the top of each day's manifest.
struct CarrierPickupRequest {
  std::string depotCode;
  std::string pickupWindow; // "14:00-16:00"
  std::string phoneNumber; // pdflow-example: unannotated-personal-data: the duty manager's mobile number is an employee's personal data and carries no annotation
};

class ShippingService {
public:
  ShippingService(std::vector<std::unique_ptr<notify::Notifier>> notifiers, log::Logger &log);

  /// Writes the day's manifest in the carrier's CSV format, sorted by postal
  /// code as the carrier asks. Returns the number of parcels written.
  std::size_t exportManifest(const std::vector<Parcel> &parcels,
                             const CarrierPickupRequest &pickup,
                             const std::string &path) const;

  /// Tells the customer on every channel that the parcel has left.
  void notifyShipped(const Customer &customer, const Order &order) const;

private:
  std::vector<std::unique_ptr<notify::Notifier>> notifiers_;
  log::Logger &log_;
};

} // namespace shop::shipping

#endif // SHOP_SERVICES_SHIPPING_H
