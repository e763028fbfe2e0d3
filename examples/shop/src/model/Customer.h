// A customer account: identity, contact details, delivery address, sign-in
// data and the optional allergy profile used when packing food orders.
#ifndef SHOP_MODEL_CUSTOMER_H
#define SHOP_MODEL_CUSTOMER_H

#include <pdflow/annotations.h>

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace shop {

/// A postal address. Every object of this type is personal data of the
/// person it belongs to, wherever it is copied (orders, invoices, labels).
struct PDFLOW_DATA(contact.postal_address, subject = customer,
                   purposes = account-management order-fulfilment billing shipping,
                   retention = P3Y)
Address {
  std::string street;
  std::string postalCode;
  std::string city;
  std::string country; // ISO 3166-1 alpha-2

  /// "12 rue des Lilas, 69003 Lyon, FR"
  std::string oneLine() const;
};

class PDFLOW_SUBJECT(customer) Customer {
public:
  using Id = std::int64_t;

  Customer() = default;

  /// Builds a customer from the sign-up form (JSON body of POST /account).
  /// Throws nlohmann::json::exception when a required field is missing.
  static Customer fromSignup(Id id, const nlohmann::json &form);

  Id id() const { return id_; }
  const std::string &firstName() const { return firstName_; }
  const std::string &lastName() const { return lastName_; }
  std::string fullName() const { return firstName_ + " " + lastName_; }
  const std::string &email() const { return email_; }
  const std::string &phone() const { return phone_; }
  const Address &address() const { return address_; }
  const std::string &passwordHash() const { return passwordHash_; }
  const std::string &lastLoginIp() const { return lastLoginIp_; }
  std::chrono::system_clock::time_point lastLoginAt() const { return lastLoginAt_; }
  const std::string &analyticsId() const { return analyticsId_; }
  const std::string &dietaryNotes() const { return dietaryNotes_; }

  void setPasswordHash(std::string hash) { passwordHash_ = std::move(hash); }
  void recordLogin(std::string clientIp, std::chrono::system_clock::time_point at);

  /// The account as the API returns it (GET /account) and as the access
  /// request export writes it. Credentials and the allergy profile are left out.
  nlohmann::json toJson() const;

private:
  Id id_ = 0;

  PDFLOW_DATA(identity.name,
              purposes = account-management order-fulfilment billing shipping support newsletter,
              retention = P3Y)
  std::string firstName_;

  PDFLOW_DATA(identity.name, purposes = account-management order-fulfilment billing shipping support,
              retention = P3Y)
  std::string lastName_;

  PDFLOW_DATA(contact.email,
              purposes = account-management order-fulfilment billing shipping support newsletter,
              retention = P3Y, source = "sign-up form")
  std::string email_;

  PDFLOW_DATA(contact.phone, purposes = account-management order-fulfilment shipping support,
              retention = P3Y)
  std::string phone_;

  Address address_;

  PDFLOW_DATA(identity.birth_date, purposes = account-management, retention = P3Y)
  std::string birthDate_; // pdflow-example: unused-personal-data: collected at sign-up for an age check that was never built; nothing reads it

  PDFLOW_DATA(credentials.password_hash, purposes = account-management, retention = P3Y)
  std::string passwordHash_;

  PDFLOW_DATA(online.ip_address, purposes = account-management fraud-prevention, retention = P1Y)
  std::string lastLoginIp_;
  std::chrono::system_clock::time_point lastLoginAt_{};

  // A random id set at sign-up; analytics events carry it instead of the e-mail.
  PDFLOW_DATA(online.cookie_id, purposes = analytics account-management, retention = P13M)
  std::string analyticsId_;

  // Opt-in allergy profile ("no peanuts, coeliac"): health data, Art. 9.
  PDFLOW_DATA(special.health, purposes = account-management order-fulfilment, retention = P3Y,
              source = "allergy profile, explicit consent")
  std::string dietaryNotes_;
};

/// "Customer #12 Camille Martin <camille.martin@example.com>": for debugging.
std::ostream &operator<<(std::ostream &os, const Customer &c);

} // namespace shop

#endif // SHOP_MODEL_CUSTOMER_H
