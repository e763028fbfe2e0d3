#include "services/Newsletter.h"

#include <nlohmann/json.hpp>

namespace shop::marketing {

NewsletterService::NewsletterService(providers::MailchimpClient &mail,
                                     const privacy::ConsentStore &consents, log::Logger &log)
    : mail_(mail), consents_(consents), log_(log) {}

std::size_t NewsletterService::sendMonthly(const std::vector<Customer> &customers,
                                           const std::string &campaignId) {
  std::size_t synced = 0;
  for (const Customer &customer : customers) {
    if (!privacy::newsletterConsent(consents_, customer))
      continue;
    mail_.upsertMember(customer.email(), customer.firstName());
    ++synced;
  }
  mail_.sendCampaign(campaignId);
  log_.info("newsletter campaign {}: {} subscriber(s) synced", campaignId, synced);
  return synced;
}

std::size_t NewsletterService::sendWinBack(const std::vector<Customer> &lapsed,
                                           const std::string &discountCode) {
  // Added by the growth team with the transactional template API, which
  // does not go through the audience and its unsubscribe list.
  std::size_t sent = 0;
  for (const Customer &customer : lapsed) {
    mail_.sendTemplate("we-miss-you", customer.email(), {{"first_name", customer.firstName()}, {"code", discountCode}}); // pdflow-example: consent-not-checked: marketing e-mail sent without asking newsletterConsent(), unlike sendMonthly
    ++sent;
  }
  log_.info("win-back e-mail sent to {} customer(s)", sent);
  return sent;
}

} // namespace shop::marketing
