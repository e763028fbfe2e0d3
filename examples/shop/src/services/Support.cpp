#include "services/Support.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace shop::support {

SupportDesk::SupportDesk(storage::Database &db, const storage::CustomerRepository &customers,
                         const privacy::FieldCipher &cipher, notify::EmailNotifier &replies,
                         log::Logger &log)
    : db_(db), customers_(customers), cipher_(cipher), replies_(replies), log_(log) {}

std::int64_t SupportDesk::openTicket(SupportTicket ticket) {
  Customer customer;
  if (!customers_.findById(ticket.customerId, customer))
    return 0;
  ticket.replyTo = customer.email();

  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db_.handle(),
                         "INSERT INTO support_tickets (customer_id, subject, body, reply_to, "
                         "health_note) VALUES (?, ?, ?, ?, ?)",
                         -1, &stmt, nullptr) != SQLITE_OK) {
    log_.error("cannot prepare the ticket insert: {}", sqlite3_errmsg(db_.handle()));
    return 0;
  }
  sqlite3_bind_int64(stmt, 1, ticket.customerId);
  sqlite3_bind_text(stmt, 2, ticket.subject.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 3, ticket.body.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 4, ticket.replyTo.c_str(), -1, SQLITE_TRANSIENT);
  if (ticket.healthNote.empty())
    sqlite3_bind_null(stmt, 5);
  else
    sqlite3_bind_text(stmt, 5, cipher_.encrypt(ticket.healthNote).c_str(), -1, SQLITE_TRANSIENT); // pdflow-example: special-category-without-condition: the support activity processes health data but declares no Art. 9(2) condition in .pdflow.yaml
  const int rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) {
    log_.error("cannot store the ticket: {}", sqlite3_errmsg(db_.handle()));
    return 0;
  }

  ticket.id = db_.lastInsertId();
  log_.info("ticket {} opened by {}", ticket.id, privacy::pseudonymize(customer.email()));
  if (!ticket.healthNote.empty())
    log_.warn("ticket {} reports a health issue: escalated to product safety", ticket.id);
  open_[ticket.id] = ticket;
  return ticket.id;
}

bool SupportDesk::assign(std::int64_t ticketId, const StaffMember &agent) {
  auto it = open_.find(ticketId);
  if (it == open_.end())
    return false;
  SupportTicket &ticket = it->second;
  ticket.assigneeId = agent.id;
  db_.prepare("UPDATE support_tickets SET assignee_id = ? WHERE id = ?")
      .bind(1, agent.id)
      .bind(2, ticket.id)
      .run();

  Customer customer;
  if (!customers_.findById(ticket.customerId, customer))
    return false;
  replies_.notify(customer, fmt::format("{} from our support team is looking into request #{}",
                                        agent.displayName, ticket.id));
  log_.info("ticket {} assigned to agent {}", ticket.id, agent.id);
  return true;
}

} // namespace shop::support
