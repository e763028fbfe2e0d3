// Service messages to a customer (order confirmed, parcel shipped, ticket
// answered) over the channels the customer can be reached on.
#ifndef SHOP_NOTIFY_NOTIFIER_H
#define SHOP_NOTIFY_NOTIFIER_H

#include "model/Customer.h"
#include "providers/Mailchimp.h"
#include "providers/SmsGateway.h"

#include <string>

namespace shop::notify {

class Notifier {
public:
  virtual ~Notifier() = default;
  /// Sends `message` (no personal data of its own) to the customer.
  virtual void notify(const Customer &customer, const std::string &message) = 0;
  virtual const char *channel() const = 0;
};

/// E-mail through Mailchimp Transactional, template "service-message".
class EmailNotifier final : public Notifier {
public:
  explicit EmailNotifier(providers::MailchimpClient &mail);
  void notify(const Customer &customer, const std::string &message) override;
  const char *channel() const override { return "email"; }

private:
  providers::MailchimpClient &mail_;
};

/// SMS through TextBlast, for customers who gave a mobile number.
class SmsNotifier final : public Notifier {
public:
  explicit SmsNotifier(providers::SmsGateway &sms);
  void notify(const Customer &customer, const std::string &message) override;
  const char *channel() const override { return "sms"; }

private:
  providers::SmsGateway &sms_;
};

} // namespace shop::notify

#endif // SHOP_NOTIFY_NOTIFIER_H
