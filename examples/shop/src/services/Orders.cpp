#include "services/Orders.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace shop::orders {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return text;
}

} // namespace

Catalog::Catalog()
    : products_{
          {"SKU-1001", "Hazelnut cocoa spread 400 g", 690, {"hazelnut", "milk"}},
          {"SKU-1002", "Sourdough rye loaf", 450, {"gluten", "rye"}},
          {"SKU-1003", "Aged Comte 250 g", 1190, {"milk"}},
          {"SKU-1004", "Dark chocolate 85 %", 320, {}},
          {"SKU-1005", "Peanut butter, crunchy", 540, {"peanut"}},
      } {}

const Product *Catalog::find(std::string_view sku) const {
  auto it = std::find_if(products_.begin(), products_.end(),
                         [sku](const Product &product) { return product.sku == sku; });
  return it == products_.end() ? nullptr : &*it;
}

OrderService::OrderService(storage::Database &db, const storage::CustomerRepository &customers,
                           const Catalog &catalog, notify::EmailNotifier &confirmations,
                           log::Logger &log)
    : db_(db), customers_(customers), catalog_(catalog), confirmations_(confirmations),
      log_(log) {}

std::optional<Order> OrderService::placeOrder(Customer::Id customerId,
                                              const std::vector<CartItem> &cart,
                                              const std::string &paymentMethod,
                                              const std::string &deliveryInstructions,
                                              std::vector<std::string> &warnings) {
  Customer customer;
  if (!customers_.findById(customerId, customer)) {
    log_.warn("order refused: no customer {}", customerId);
    return std::nullopt;
  }

  Order order;
  order.customerId = customerId;
  order.shipTo = customer.address();
  order.deliveryInstructions = deliveryInstructions;
  order.paymentMethod = paymentMethod;

  // The allergy check: the customer opted in to it (Art. 9(2)(a)).
  const std::string notes = lowercase(customer.dietaryNotes());
  for (const CartItem &item : cart) {
    const Product *product = catalog_.find(item.sku);
    if (!product) {
      log_.warn("order refused: unknown product {}", item.sku);
      return std::nullopt;
    }
    order.lines.push_back(OrderLine{product->sku, product->name, item.quantity, product->priceCents});
    for (const std::string &allergen : product->allergens)
      if (!notes.empty() && notes.find(allergen) != std::string::npos)
        warnings.push_back(fmt::format("{} contains {}", product->name, allergen));
  }

  storage::Statement stmt = db_.prepare(
      "INSERT INTO orders (customer_id, status, total_cents, ship_street, ship_postal_code, "
      "ship_city, ship_country, delivery_instructions, packing_note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(1, order.customerId)
      .bind(2, std::string(toString(order.status)))
      .bind(3, order.totalCents())
      .bind(4, order.shipTo.street)
      .bind(5, order.shipTo.postalCode)
      .bind(6, order.shipTo.city)
      .bind(7, order.shipTo.country)
      .bind(8, order.deliveryInstructions);
  // The warehouse app shows the packing note to the pickers.
  if (customer.dietaryNotes().empty())
    stmt.bindNull(9);
  else
    stmt.bind(9, customer.dietaryNotes()); // pdflow-example: unencrypted-sensitive-data: the allergy profile (health data) is copied into orders.packing_note in plaintext; customers.dietary_notes is encrypted
  stmt.run();
  order.id = db_.lastInsertId();
  orders_[order.id] = order;

  confirmations_.notify(customer, fmt::format("order #{} is confirmed: {} item(s), {:.2f} EUR",
                                              order.id, order.lines.size(),
                                              static_cast<double>(order.totalCents()) / 100));
  log_.info("order {} placed by customer {} ({} allergen warning(s))", order.id, customerId,
            warnings.size());
  return order;
}

std::vector<Order> OrderService::ordersOf(Customer::Id customerId) const {
  std::vector<Order> result;
  for (const auto &[id, order] : orders_)
    if (order.customerId == customerId)
      result.push_back(order);
  return result;
}

void OrderService::update(const Order &order) {
  db_.prepare("UPDATE orders SET status = ?, charge_id = ? WHERE id = ?")
      .bind(1, std::string(toString(order.status)))
      .bind(2, order.chargeId)
      .bind(3, order.id)
      .run();
  orders_[order.id] = order;
}

BillingService::BillingService(storage::Database &db, providers::PaymentGateway &payments,
                               log::Logger &log)
    : db_(db), payments_(payments), log_(log) {}

bool BillingService::chargeOrder(Order &order, const Customer &customer) {
  const providers::ChargeResult result =
      payments_.charge(order.paymentMethod, order.totalCents(), customer.email(),
                       fmt::format("order-{}", order.id));
  if (!result.ok) {
    order.status = OrderStatus::PaymentFailed;
    log_.warn("payment for order {} failed: {}", order.id, result.error);
    return false;
  }
  order.chargeId = result.chargeId;
  order.status = OrderStatus::Paid;

  const auto issuedAt = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  db_.prepare("INSERT INTO invoices (order_id, billed_name, billed_address, total_cents, "
              "issued_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, order.id)
      .bind(2, customer.fullName())
      .bind(3, customer.address().oneLine())
      .bind(4, order.totalCents())
      .bind(5, static_cast<std::int64_t>(issuedAt))
      .run();
  log_.info("order {} paid ({} cents), invoice issued", order.id, order.totalCents());
  return true;
}

} // namespace shop::orders
