// Back-office tools: administrator sign-in, data subject access exports,
// and a debugging dump.
#ifndef SHOP_SERVICES_ADMIN_H
#define SHOP_SERVICES_ADMIN_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "model/Staff.h"
#include "services/Orders.h"
#include "storage/CustomerRepository.h"

#include <pdflow/annotations.h>

#include <string>
#include <cstdint>
#include <string>
#include <vector>

namespace shop::admin {

/// Reports a security event to the security team's audit service: the same
/// company, on the internal network (not a third party). The demo sends
/// nothing.
PDFLOW_SINK(internal-service)
void sendAuditEvent(const std::string &event, std::int64_t actor, const std::string &sourceIp);

class AdminConsole {
public:
  explicit AdminConsole(log::Logger &log);

  /// Signs an administrator in; warns when the previous administrator
  /// sign-in came from another network.
  PDFLOW_ACTIVITY(fraud-prevention)
  bool signIn(const StaffMember &admin,
              PDFLOW_DATA(online.ip_address, subject = employee, purposes = fraud-prevention,
                          retention = P1Y)
              const std::string &clientIp);

private:
  log::Logger &log_;
};

/// Answers access and portability requests (Art. 15 and 20) with a JSON file
/// of the customer's account and orders. An entry point of the
/// account-management activity through .pdflow.yaml.
class PrivacyExport {
public:
  PrivacyExport(const storage::CustomerRepository &customers, const orders::OrderService &orders,
                log::Logger &log);

  bool exportCustomer(Customer::Id id, const std::string &path) const;

private:
  const storage::CustomerRepository &customers_;
  const orders::OrderService &orders_;
  log::Logger &log_;
};

/// Writes every customer to `path`, one per line. Added during an incident to
/// compare the cache with the database, and still wired to --debug-dump.
void debugDumpCustomers(const std::vector<Customer> &customers, const std::string &path);

} // namespace shop::admin

#endif // SHOP_SERVICES_ADMIN_H
