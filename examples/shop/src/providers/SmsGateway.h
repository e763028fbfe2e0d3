// Text messages through TextBlast (TextBlast Pvt Ltd, Bengaluru, India).
#ifndef SHOP_PROVIDERS_SMSGATEWAY_H
#define SHOP_PROVIDERS_SMSGATEWAY_H

#include "net/HttpClient.h"

#include <pdflow/annotations.h>

#include <string>

namespace shop::providers {

/// TextBlast's bulk SMS API, chosen for its price. India has no adequacy
/// decision and the SCCs with TextBlast were never signed.
class SmsGateway {
public:
  SmsGateway(net::HttpClient &http, std::string senderId);

  PDFLOW_SINK(third-party, recipient = TextBlast, country = IN, safeguard = none,
              accepts = contact.phone)
  bool send(const std::string &to, const std::string &text);

private:
  net::HttpClient &http_;
  std::string senderId_;
};

} // namespace shop::providers

#endif // SHOP_PROVIDERS_SMSGATEWAY_H
