#include "services/Accounts.h"

#include "privacy/Privacy.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace shop::account {
namespace {

constexpr int kBlockThreshold = 70;
constexpr auto kLoginEventRetention = std::chrono::hours(24 * 365);

std::int64_t epochSeconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

double distanceKm(const geo::GeoIpRecord &a, const geo::GeoIpRecord &b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dLat = (b.latitude - a.latitude) * kRad;
  const double dLon = (b.longitude - a.longitude) * kRad;
  const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                   std::cos(a.latitude * kRad) * std::cos(b.latitude * kRad) *
                       std::sin(dLon / 2) * std::sin(dLon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(h));
}

} // namespace

FraudScreen::FraudScreen(storage::Database &db, log::Logger &log) : db_(db), log_(log) {}

int FraudScreen::assessLogin(const Customer &customer) {
  const geo::GeoIpRecord where = geo::lookup(customer.lastLoginIp());
  int risk = where.countryCode == "ZZ" ? 30 : 0;
  auto previous = lastSeen_.find(customer.id());
  if (previous != lastSeen_.end() && previous->second.countryCode != where.countryCode) {
    risk += 20;
    if (distanceKm(previous->second, where) > 1000)
      risk += 40; // a sign-in far away from the previous one
  }

  db_.prepare("INSERT INTO login_events (customer_id, ip, city, coordinates, risk, at) "
              "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, customer.id())
      .bind(2, customer.lastLoginIp())
      .bind(3, where.city)
      .bind(4, where.coordinates())
      .bind(5, static_cast<std::int64_t>(risk))
      .bind(6, epochSeconds(customer.lastLoginAt()))
      .run();

  if (risk >= kBlockThreshold)
    log_.warn("sign-in of customer {} scored {}", customer.id(), risk);
  lastSeen_[customer.id()] = where;
  return risk;
}

void FraudScreen::purgeExpired(std::chrono::system_clock::time_point now) {
  db_.exec(fmt::format("DELETE FROM login_events WHERE at < {};",
                       epochSeconds(now - kLoginEventRetention)));
}

AccountService::AccountService(storage::CustomerRepository &customers,
                               privacy::ConsentStore &consents, providers::MailchimpClient &mail,
                               FraudScreen &fraud, log::Logger &log)
    : customers_(customers), consents_(consents), mail_(mail), fraud_(fraud), log_(log) {}

Customer::Id AccountService::registerCustomer(const nlohmann::json &form) {
  if (customers_.findByEmail(form.at("email").get<std::string>()))
    throw std::invalid_argument("an account already uses this e-mail address");

  Customer customer = Customer::fromSignup(customers_.nextId(), form);
  customer.setPasswordHash(privacy::hashPassword(form.at("password").get<std::string>()));
  customers_.insert(customer);

  // Two separate, unticked boxes on the sign-up page.
  consents_.record(customer.id(), "newsletter", form.value("newsletter_opt_in", false));
  consents_.record(customer.id(), "analytics", form.value("analytics_opt_in", false));

  SHOP_LOG_INFO("account {} created for {}", customer.id(), privacy::maskEmail(customer.email()));
  mail_.sendTemplate("welcome", customer.email(), customer.toJson()); // pdflow-example: excess-to-sink: the welcome template needs the e-mail and first name, but the whole account (phone, address) goes to Mailchimp
  return customer.id();
}

LoginResult AccountService::login(const nlohmann::json &credentials,
                                  const std::string &clientIp) {
  std::optional<Customer> found =
      customers_.findByEmail(credentials.at("email").get<std::string>());
  if (!found || !privacy::verifyPassword(credentials.at("password").get<std::string>(),
                                         found->passwordHash())) {
    log_.info("sign-in refused from {}", privacy::anonymizeIp(clientIp));
    return LoginResult{false, 0, 0, "invalid e-mail or password"};
  }

  Customer &customer = *found;
  customer.recordLogin(clientIp, std::chrono::system_clock::now());
  log_.debug("sign-in ok: customer {} <{}> from {}", customer.id(), customer.email(), customer.lastLoginIp()); // pdflow-example: personal-data-in-logs: e-mail and IP address in clear in a debug log line

  const int risk = fraud_.assessLogin(customer);
  if (risk >= kBlockThreshold)
    return LoginResult{false, customer.id(), risk, "sign-in needs a second factor"};
  customers_.updateLastLogin(customer);
  log_.info("customer {} signed in from {} (risk {})", customer.id(),
            privacy::anonymizeIp(customer.lastLoginIp()), risk);
  return LoginResult{true, customer.id(), risk, {}};
}

} // namespace shop::account
