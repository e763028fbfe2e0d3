// Support tickets: opened by customers, handled by agents.
#ifndef SHOP_SERVICES_SUPPORT_H
#define SHOP_SERVICES_SUPPORT_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "model/Staff.h"
#include "notify/Notifier.h"
#include "privacy/Privacy.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"

#include <pdflow/annotations.h>

#include <cstdint>
#include <map>
#include <string>

namespace shop::support {

struct PDFLOW_SUBJECT(customer) SupportTicket {
  std::int64_t id = 0;
  Customer::Id customerId = 0;
  std::string subject;
  std::string body;

  PDFLOW_DATA(contact.email, purposes = support, retention = P2Y)
  std::string replyTo;

  // Set when the customer reports a reaction to a product ("hives after the
  // hazelnut spread"), so that product safety can follow up.
  PDFLOW_DATA(special.health, purposes = support, retention = P2Y, source = customer)
  std::string healthNote;

  std::int64_t assigneeId = 0;
};

class SupportDesk {
public:
  SupportDesk(storage::Database &db, const storage::CustomerRepository &customers,
              const privacy::FieldCipher &cipher, notify::EmailNotifier &replies,
              log::Logger &log);

  /// Opens a ticket for ticket.customerId; returns its id, or 0 when there is
  /// no such customer.
  std::int64_t openTicket(SupportTicket ticket);

  /// Assigns the ticket and tells the customer who is handling it.
  bool assign(std::int64_t ticketId, const StaffMember &agent);

private:
  storage::Database &db_;
  const storage::CustomerRepository &customers_;
  const privacy::FieldCipher &cipher_;
  notify::EmailNotifier &replies_;
  log::Logger &log_;
  std::map<std::int64_t, SupportTicket> open_;
};

} // namespace shop::support

#endif // SHOP_SERVICES_SUPPORT_H
