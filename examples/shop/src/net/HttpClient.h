// HTTPS POSTs to the providers over libcurl.
#ifndef SHOP_NET_HTTPCLIENT_H
#define SHOP_NET_HTTPCLIENT_H

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace shop::net {

struct HttpResponse {
  long status = 0;
  std::string body;
  bool sent = false;   // the request reached the server
  bool dryRun = false; // nothing was sent: the client has no base URL
};

/// One provider's API. Without a base URL the client is in dry-run mode: it
/// sends nothing and logs the request line it would have sent (never the
/// body). shopd leaves every base URL empty unless started with --live.
class HttpClient {
public:
  /// `service` names the provider in logs ("stripe"); `baseUrl` is e.g.
  /// "https://api.stripe.com" or empty for a dry run.
  HttpClient(std::string service, std::string baseUrl, std::string bearerToken = {});

  HttpResponse postForm(const std::string &path, const std::string &body);
  HttpResponse postJson(const std::string &path, const nlohmann::json &body);

  bool dryRun() const { return baseUrl_.empty(); }
  const std::string &service() const { return service_; }

  /// Percent-encodes a form value (RFC 3986 unreserved characters kept).
  static std::string urlEncode(std::string_view value);

private:
  HttpResponse post(const std::string &path, const std::string &body,
                    const char *contentType);

  std::string service_;
  std::string baseUrl_;
  std::string bearerToken_;
};

} // namespace shop::net

#endif // SHOP_NET_HTTPCLIENT_H
