#include "notify/Notifier.h"

#include <nlohmann/json.hpp>

namespace shop::notify {

EmailNotifier::EmailNotifier(providers::MailchimpClient &mail) : mail_(mail) {}

void EmailNotifier::notify(const Customer &customer, const std::string &message) {
  mail_.sendTemplate("service-message", customer.email(),
                     {{"first_name", customer.firstName()}, {"message", message}});
}

SmsNotifier::SmsNotifier(providers::SmsGateway &sms) : sms_(sms) {}

void SmsNotifier::notify(const Customer &customer, const std::string &message) {
  if (customer.phone().empty())
    return;
  sms_.send(customer.phone(), "Acme Shop: " + message); // pdflow-example: third-country-transfer: phone numbers go to TextBlast in India (no adequacy decision) with no safeguard
}

} // namespace shop::notify
