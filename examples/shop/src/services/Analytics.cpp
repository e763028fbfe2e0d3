#include "services/Analytics.h"

#include "privacy/Privacy.h"

#include <geoip/GeoIpRecord.h>

#include <fstream>

namespace shop::analytics {

AnalyticsClient::AnalyticsClient(net::HttpClient &http) : http_(http) {}

void AnalyticsClient::send(const std::string &distinctId, const Event &event) {
  http_.postJson("/v1/track", {{"distinct_id", distinctId},
                               {"event", event.name},
                               {"properties", event.properties}});
}

ProductAnalytics::ProductAnalytics(AnalyticsClient &client,
                                   const privacy::ConsentStore &consents, log::Logger &log)
    : client_(client), consents_(consents), log_(log) {}

void ProductAnalytics::trackProductView(const Customer &customer, const std::string &sku,
                                        const std::string &clientIp) {
  // Cookie consent (ePrivacy): no tracking without it.
  if (!consents_.granted(customer.id(), "analytics"))
    return;
  const geo::GeoIpRecord where = geo::lookup(clientIp);
  const Event event{"product_viewed",
                    {{"sku", sku},
                     {"country", where.countryCode},
                     {"city", where.city},
                     {"ip", privacy::anonymizeIp(clientIp)}}};
  client_.send(customer.analyticsId(), event);
  visits_.push_back(Visit{customer.analyticsId(), where.city, sku});
}

void ProductAnalytics::trackCheckout(const Customer &customer, const Order &order) {
  if (!consents_.granted(customer.id(), "analytics"))
    return;
  Event event{"checkout_completed", {{"order_id", order.id}, {"total_cents", order.totalCents()}}};
  event.properties["email"] = customer.email(); // for the marketing team's cohort reports
  client_.send(customer.analyticsId(), event); // pdflow-example: purpose-limitation: the e-mail address goes to analytics, which is not among its purposes
}

std::size_t ProductAnalytics::writeDailyReport(const std::string &path) const {
  std::ofstream out(path);
  if (!out) {
    log_.error("cannot write the analytics report to {}", path);
    return 0;
  }
  out << "visitor,city,sku\n";
  for (const Visit &visit : visits_)
    out << visit.visitor << ',' << visit.city << ',' << visit.sku << '\n'; // pdflow-example: missing-retention: the GeoIP city is exported, but neither its side annotation nor the analytics activity gives a retention period
  log_.info("analytics report: {} view(s)", visits_.size());
  return visits_.size();
}

} // namespace shop::analytics
