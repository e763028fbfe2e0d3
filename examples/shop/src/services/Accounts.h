// Sign-up and sign-in, and the fraud screen that scores each sign-in.
#ifndef SHOP_SERVICES_ACCOUNTS_H
#define SHOP_SERVICES_ACCOUNTS_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "privacy/Consents.h"
#include "providers/Mailchimp.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"

#include <geoip/GeoIpRecord.h>
#include <pdflow/annotations.h>

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <map>
#include <string>

namespace shop::account {

/// Scores sign-ins for account takeover (new country, impossible travel) and
/// keeps a year of sign-in events for investigations.
class FraudScreen {
public:
  FraudScreen(storage::Database &db, log::Logger &log);

  /// Scores the customer's latest sign-in, 0 (usual) to 100 (block).
  PDFLOW_ACTIVITY(fraud-prevention)
  int assessLogin(const Customer &customer);

  /// Deletes sign-in events older than twelve months.
  PDFLOW_ACTIVITY(fraud-prevention)
  void purgeExpired(std::chrono::system_clock::time_point now);

private:
  storage::Database &db_;
  log::Logger &log_;
  std::map<Customer::Id, geo::GeoIpRecord> lastSeen_;
};

struct LoginResult {
  bool ok = false;
  Customer::Id customer = 0;
  int risk = 0;
  std::string error;
};

class AccountService {
public:
  AccountService(storage::CustomerRepository &customers, privacy::ConsentStore &consents,
                 providers::MailchimpClient &mail, FraudScreen &fraud, log::Logger &log);

  /// POST /account. Returns the new customer's id; throws on a malformed form
  /// or an e-mail address already in use.
  PDFLOW_ACTIVITY(account-management)
  Customer::Id registerCustomer(const nlohmann::json &form);

  /// POST /session with {"email", "password"}.
  PDFLOW_ACTIVITY(account-management)
  LoginResult login(const nlohmann::json &credentials,
                    PDFLOW_DATA(online.ip_address, purposes = account-management fraud-prevention,
                                retention = P1Y)
                    const std::string &clientIp);

private:
  storage::CustomerRepository &customers_;
  privacy::ConsentStore &consents_;
  providers::MailchimpClient &mail_;
  FraudScreen &fraud_;
  log::Logger &log_;
};

} // namespace shop::account

#endif // SHOP_SERVICES_ACCOUNTS_H
