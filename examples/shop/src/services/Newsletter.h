// The monthly newsletter and the win-back e-mail, both through Mailchimp.
#ifndef SHOP_SERVICES_NEWSLETTER_H
#define SHOP_SERVICES_NEWSLETTER_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "privacy/Consents.h"
#include "providers/Mailchimp.h"

#include <pdflow/annotations.h>

#include <string>
#include <vector>

namespace shop::marketing {

/// Every method is an entry point of the `newsletter` activity, whose legal
/// basis is consent.
class PDFLOW_ACTIVITY(newsletter) NewsletterService {
public:
  NewsletterService(providers::MailchimpClient &mail, const privacy::ConsentStore &consents,
                    log::Logger &log);

  /// Syncs the subscribers to the Mailchimp audience and sends the month's
  /// campaign. Returns the number of subscribers synced.
  std::size_t sendMonthly(const std::vector<Customer> &customers, const std::string &campaignId);

  /// A discount code for customers who have not ordered for six months.
  /// Returns the number of e-mails sent.
  std::size_t sendWinBack(const std::vector<Customer> &lapsed, const std::string &discountCode);

private:
  providers::MailchimpClient &mail_;
  const privacy::ConsentStore &consents_;
  log::Logger &log_;
};

} // namespace shop::marketing

#endif // SHOP_SERVICES_NEWSLETTER_H
