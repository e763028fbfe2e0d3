#include "providers/Mailchimp.h"

#include <nlohmann/json.hpp>

namespace shop::providers {

MailchimpClient::MailchimpClient(net::HttpClient &marketingApi,
                                 net::HttpClient &transactionalApi, std::string audienceId)
    : marketing_(marketingApi), transactional_(transactionalApi),
      audienceId_(std::move(audienceId)) {}

void MailchimpClient::upsertMember(const std::string &emailAddress,
                                   const std::string &firstName) {
  nlohmann::json member;
  member["email_address"] = emailAddress;
  member["status_if_new"] = "subscribed";
  member["merge_fields"]["FNAME"] = firstName;
  marketing_.postJson("/3.0/lists/" + audienceId_ + "/members", member);
}

void MailchimpClient::sendCampaign(const std::string &campaignId) {
  marketing_.postJson("/3.0/campaigns/" + campaignId + "/actions/send", nlohmann::json::object());
}

void MailchimpClient::sendTemplate(const std::string &templateName, const std::string &to,
                                   const nlohmann::json &mergeVars) {
  nlohmann::json vars = nlohmann::json::array();
  for (const auto &[name, value] : mergeVars.items())
    vars.push_back({{"name", name}, {"content", value}});
  const nlohmann::json message = {
      {"template_name", templateName},
      {"template_content", nlohmann::json::array()},
      {"message", {{"to", {{{"email", to}, {"type", "to"}}}}, {"global_merge_vars", vars}}},
  };
  transactional_.postJson("/api/1.0/messages/send-template", message);
}

} // namespace shop::providers
