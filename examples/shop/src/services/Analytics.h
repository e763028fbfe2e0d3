// Product analytics: which products are viewed and bought, through Metricly.
#ifndef SHOP_SERVICES_ANALYTICS_H
#define SHOP_SERVICES_ANALYTICS_H

#include "log/Logger.h"
#include "model/Customer.h"
#include "model/Order.h"
#include "net/HttpClient.h"
#include "privacy/Consents.h"

#include <pdflow/annotations.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace shop::analytics {

struct Event {
  std::string name;
  nlohmann::json properties;
};

/// Metricly's event ingestion API (Metricly GmbH, Berlin). Declared as a
/// sink in .pdflow.yaml: the client is generated from Metricly's OpenAPI
/// file and regenerated on each release, so it carries no annotation.
class AnalyticsClient {
public:
  explicit AnalyticsClient(net::HttpClient &http);
  void send(const std::string &distinctId, const Event &event);

private:
  net::HttpClient &http_;
};

class ProductAnalytics {
public:
  ProductAnalytics(AnalyticsClient &client, const privacy::ConsentStore &consents,
                   log::Logger &log);

  void trackProductView(const Customer &customer, const std::string &sku,
                        PDFLOW_DATA(online.ip_address, purposes = analytics)
                        const std::string &clientIp);
  void trackCheckout(const Customer &customer, const Order &order);

  /// Writes today's product views as CSV for the merchandising team.
  std::size_t writeDailyReport(const std::string &path) const;

private:
  struct Visit {
    std::string visitor; // the customer's analytics id
    std::string city;
    std::string sku;
  };

  AnalyticsClient &client_;
  const privacy::ConsentStore &consents_;
  log::Logger &log_;
  std::vector<Visit> visits_;
};

} // namespace shop::analytics

#endif // SHOP_SERVICES_ANALYTICS_H
