#include "model/Customer.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <random>

namespace shop {
namespace {

std::string randomHex(std::size_t bytes) {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  std::uniform_int_distribution<int> nibble(0, 15);
  for (std::size_t i = 0; i < bytes * 2; ++i)
    out.push_back(digits[nibble(engine)]);
  return out;
}

} // namespace

std::string Address::oneLine() const {
  return street + ", " + postalCode + " " + city + ", " + country;
}

Customer Customer::fromSignup(Id id, const nlohmann::json &form) {
  Customer c;
  c.id_ = id;
  c.firstName_ = form.at("first_name").get<std::string>();
  c.lastName_ = form.at("last_name").get<std::string>();
  c.email_ = form.at("email").get<std::string>();
  c.phone_ = form.value("phone", std::string());
  const nlohmann::json &addr = form.at("address");
  c.address_.street = addr.at("street").get<std::string>();
  c.address_.postalCode = addr.at("postal_code").get<std::string>();
  c.address_.city = addr.at("city").get<std::string>();
  c.address_.country = addr.at("country").get<std::string>();
  c.birthDate_ = form.value("birth_date", std::string());
  if (form.value("share_allergy_profile", false))
    c.dietaryNotes_ = form.value("dietary_notes", std::string());
  c.analyticsId_ = randomHex(16);
  return c;
}

void Customer::recordLogin(std::string clientIp, std::chrono::system_clock::time_point at) {
  lastLoginIp_ = std::move(clientIp);
  lastLoginAt_ = at;
}

nlohmann::json Customer::toJson() const {
  return nlohmann::json{
      {"id", id_},
      {"first_name", firstName_},
      {"last_name", lastName_},
      {"email", email_},
      {"phone", phone_},
      {"address",
       {{"street", address_.street},
        {"postal_code", address_.postalCode},
        {"city", address_.city},
        {"country", address_.country}}},
  };
}

std::ostream &operator<<(std::ostream &os, const Customer &c) {
  return os << "Customer #" << c.id() << ' ' << c.fullName() << " <" << c.email() << ">, "
            << c.phone() << ", " << c.address().oneLine();
}

} // namespace shop
