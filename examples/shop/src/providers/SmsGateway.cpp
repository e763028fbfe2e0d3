#include "providers/SmsGateway.h"

namespace shop::providers {

SmsGateway::SmsGateway(net::HttpClient &http, std::string senderId)
    : http_(http), senderId_(std::move(senderId)) {}

bool SmsGateway::send(const std::string &to, const std::string &text) {
  const std::string body = "sender=" + net::HttpClient::urlEncode(senderId_) +
                           "&to=" + net::HttpClient::urlEncode(to) +
                           "&message=" + net::HttpClient::urlEncode(text);
  const net::HttpResponse response = http_.postForm("/v2/sms/send", body);
  return response.dryRun || response.status == 200;
}

} // namespace shop::providers
