#include "services/Admin.h"

#include "privacy/Privacy.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>

namespace shop::admin {
namespace {

// The network of the previous administrator sign-in.
PDFLOW_DATA(online.ip_address, subject = employee, purposes = fraud-prevention, retention = P1Y)
std::string lastAdminLoginIp;

} // namespace

void sendAuditEvent(const std::string &event, std::int64_t actor, const std::string &sourceIp) {
  // The audit service is not part of the demo; a real build posts the event
  // to it over the internal network.
  (void)event;
  (void)actor;
  (void)sourceIp;
}

AdminConsole::AdminConsole(log::Logger &log) : log_(log) {}

bool AdminConsole::signIn(const StaffMember &admin, const std::string &clientIp) {
  if (!admin.isAdmin) {
    log_.warn("staff member {} is not an administrator", admin.id);
    return false;
  }
  if (!lastAdminLoginIp.empty() &&
      privacy::anonymizeIp(lastAdminLoginIp) != privacy::anonymizeIp(clientIp))
    log_.warn("administrator {} signed in from {}; the previous administrator sign-in came "
              "from {}",
              admin.id, privacy::anonymizeIp(clientIp), privacy::anonymizeIp(lastAdminLoginIp));
  lastAdminLoginIp = clientIp;
  sendAuditEvent("admin-sign-in", admin.id, clientIp);
  return true;
}

PrivacyExport::PrivacyExport(const storage::CustomerRepository &customers,
                             const orders::OrderService &orders, log::Logger &log)
    : customers_(customers), orders_(orders), log_(log) {}

bool PrivacyExport::exportCustomer(Customer::Id id, const std::string &path) const {
  Customer customer;
  if (!customers_.findById(id, customer))
    return false;

  nlohmann::json document;
  document["generated_at"] = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
  document["controller"] = "Acme Shop SAS, privacy@acme-shop.example";
  document["account"] = customer.toJson();
  document["orders"] = nlohmann::json::array();
  for (const Order &order : orders_.ordersOf(id))
    document["orders"].push_back(order.toJson());

  std::ofstream out(path);
  if (!out) {
    log_.error("cannot write the access export to {}", path);
    return false;
  }
  out << document.dump(2) << '\n';
  log_.info("access request export for customer {} written", id);
  return true;
}

void debugDumpCustomers(const std::vector<Customer> &customers, const std::string &path) {
  std::ofstream out(path);
  for (const Customer &customer : customers)
    out << customer << '\n'; // pdflow-example: unregistered-processing: every customer's name, e-mail, phone and address written to a file by code that no activity's entry point reaches
}

} // namespace shop::admin
