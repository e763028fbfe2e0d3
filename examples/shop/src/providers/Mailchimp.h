// E-mail through Mailchimp (Intuit Inc., US): the Marketing API for the
// newsletter audience, Mailchimp Transactional for one-to-one messages.
// Transfers are covered by the standard contractual clauses in our DPA.
#ifndef SHOP_PROVIDERS_MAILCHIMP_H
#define SHOP_PROVIDERS_MAILCHIMP_H

#include "net/HttpClient.h"

#include <pdflow/annotations.h>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace shop::providers {

class MailchimpClient {
public:
  MailchimpClient(net::HttpClient &marketingApi, net::HttpClient &transactionalApi,
                  std::string audienceId);

  /// Adds or updates a subscriber of the newsletter audience.
  PDFLOW_SINK(third-party, recipient = Mailchimp, country = US, safeguard = scc,
              accepts = contact.email identity.name)
  void upsertMember(const std::string &emailAddress, const std::string &firstName);

  /// Sends a stored campaign to the whole audience.
  void sendCampaign(const std::string &campaignId);

  /// Sends one e-mail from a template; `mergeVars` fill its placeholders.
  /// The template name stays with us, so only arguments 1 and 2 leave.
  PDFLOW_SINK(third-party, recipient = Mailchimp, country = US, safeguard = scc,
              accepts = contact.email identity.name, args = 1 2)
  void sendTemplate(const std::string &templateName, const std::string &to,
                    const nlohmann::json &mergeVars);

private:
  net::HttpClient &marketing_;
  net::HttpClient &transactional_;
  std::string audienceId_;
};

} // namespace shop::providers

#endif // SHOP_PROVIDERS_MAILCHIMP_H
