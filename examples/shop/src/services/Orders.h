// Checkout: the catalogue, placing orders, and charging them.
#ifndef SHOP_SERVICES_ORDERS_H
#define SHOP_SERVICES_ORDERS_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "model/Order.h"
#include "notify/Notifier.h"
#include "providers/PaymentGateway.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"

#include <pdflow/annotations.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shop::orders {

struct Product {
  std::string sku;
  std::string name;
  std::int64_t priceCents = 0;
  std::vector<std::string> allergens; // lower case, as customers write them
};

/// The products on sale. Loaded from the product database in production.
class Catalog {
public:
  Catalog();
  const Product *find(std::string_view sku) const;

private:
  std::vector<Product> products_;
};

struct CartItem {
  std::string sku;
  int quantity = 1;
};

class OrderService {
public:
  OrderService(storage::Database &db, const storage::CustomerRepository &customers,
               const Catalog &catalog, notify::EmailNotifier &confirmations, log::Logger &log);

  /// POST /orders. `warnings` receives one line per product that contains an
  /// allergen from the customer's allergy profile; the order is placed anyway.
  /// An entry point of the order-fulfilment activity through .pdflow.yaml.
  std::optional<Order> placeOrder(Customer::Id customerId, const std::vector<CartItem> &cart,
                                  const std::string &paymentMethod,
                                  const std::string &deliveryInstructions,
                                  std::vector<std::string> &warnings);

  std::vector<Order> ordersOf(Customer::Id customerId) const;
  void update(const Order &order);

private:
  storage::Database &db_;
  const storage::CustomerRepository &customers_;
  const Catalog &catalog_;
  notify::EmailNotifier &confirmations_;
  log::Logger &log_;
  std::map<std::int64_t, Order> orders_;
};

class BillingService {
public:
  BillingService(storage::Database &db, providers::PaymentGateway &payments, log::Logger &log);

  /// Charges the order's total to its payment method and issues the invoice.
  PDFLOW_ACTIVITY(billing)
  bool chargeOrder(Order &order, const Customer &customer);

private:
  storage::Database &db_;
  providers::PaymentGateway &payments_;
  log::Logger &log_;
};

} // namespace shop::orders

#endif // SHOP_SERVICES_ORDERS_H
