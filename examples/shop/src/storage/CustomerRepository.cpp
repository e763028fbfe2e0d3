#include "storage/CustomerRepository.h"

#include <algorithm>
#include <chrono>

namespace shop::storage {

CustomerRepository::CustomerRepository(Database &db, const privacy::FieldCipher &cipher)
    : db_(db), cipher_(cipher) {}

Customer::Id CustomerRepository::nextId() const {
  return cache_.empty() ? 1 : cache_.rbegin()->first + 1;
}

void CustomerRepository::insert(const Customer &customer) {
  Statement stmt = db_.prepare(
      "INSERT INTO customers (id, first_name, last_name, email, phone, street, postal_code, "
      "city, country, password_hash, analytics_id, dietary_notes) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const Address &address = customer.address();
  stmt.bind(1, customer.id())
      .bind(2, customer.firstName())
      .bind(3, customer.lastName())
      .bind(4, customer.email())
      .bind(5, customer.phone())
      .bind(6, address.street)
      .bind(7, address.postalCode)
      .bind(8, address.city)
      .bind(9, address.country);
  stmt.bind(10, customer.passwordHash()); // a salted, iterated hash: not reversible
  stmt.bind(11, customer.analyticsId());
  if (customer.dietaryNotes().empty())
    stmt.bindNull(12);
  else
    stmt.bind(12, cipher_.encrypt(customer.dietaryNotes()));
  stmt.run();
  cache_[customer.id()] = customer;
}

void CustomerRepository::updateLastLogin(const Customer &customer) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           customer.lastLoginAt().time_since_epoch())
                           .count();
  db_.prepare("UPDATE customers SET last_login_ip = ?, last_login_at = ? WHERE id = ?")
      .bind(1, customer.lastLoginIp())
      .bind(2, static_cast<std::int64_t>(seconds))
      .bind(3, customer.id())
      .run();
  cache_[customer.id()] = customer;
}

bool CustomerRepository::findById(Customer::Id id, Customer &out) const {
  auto it = cache_.find(id);
  if (it == cache_.end())
    return false;
  out = it->second;
  return true;
}

std::optional<Customer> CustomerRepository::findByEmail(std::string_view emailAddress) const {
  auto it = std::find_if(cache_.begin(), cache_.end(),
                         [&](const auto &entry) { return entry.second.email() == emailAddress; });
  if (it == cache_.end())
    return std::nullopt;
  return it->second;
}

std::vector<Customer> CustomerRepository::all() const {
  std::vector<Customer> customers;
  customers.reserve(cache_.size());
  for (const auto &[id, customer] : cache_)
    customers.push_back(customer);
  return customers;
}

} // namespace shop::storage
