// Customer accounts in the database, with a write-through cache by id.
#ifndef SHOP_STORAGE_CUSTOMERREPOSITORY_H
#define SHOP_STORAGE_CUSTOMERREPOSITORY_H

#include "model/Customer.h"
#include "privacy/Privacy.h"
#include "storage/Database.h"

#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace shop::storage {

class CustomerRepository {
public:
  CustomerRepository(Database &db, const privacy::FieldCipher &cipher);

  Customer::Id nextId() const;
  void insert(const Customer &customer);
  void updateLastLogin(const Customer &customer);

  /// Copies the customer into `out`; false when there is no such id.
  bool findById(Customer::Id id, Customer &out) const;
  std::optional<Customer> findByEmail(std::string_view emailAddress) const;
  std::vector<Customer> all() const;

private:
  Database &db_;
  const privacy::FieldCipher &cipher_;
  std::map<Customer::Id, Customer> cache_;
};

} // namespace shop::storage

#endif // SHOP_STORAGE_CUSTOMERREPOSITORY_H
