// shopd: the Acme Shop service. This build runs a self-contained demo: an
// in-memory database, sample customers, and providers in dry-run mode (each
// request is logged, none is sent) unless --live is given with base URLs.

#include "log/Logger.h"
#include "net/HttpClient.h"
#include "privacy/Consents.h"
#include "privacy/Privacy.h"
#include "providers/Mailchimp.h"
#include "providers/PaymentGateway.h"
#include "providers/SmsGateway.h"
#include "services/Accounts.h"
#include "services/Admin.h"
#include "services/Analytics.h"
#include "services/Newsletter.h"
#include "services/Orders.h"
#include "services/Shipping.h"
#include "services/Support.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Options {
  bool live = false;
  bool verbose = false;
  std::string outDir;
  std::string debugDump;
};

void printUsage() {
  fmt::print("usage: shopd [--out DIR] [--verbose] [--live] [--debug-dump FILE]\n"
             "\n"
             "Runs the Acme Shop demo: sign-ups, orders, payments, shipping, support,\n"
             "newsletter and analytics against an in-memory database.\n"
             "\n"
             "  --out DIR          where the manifest, report and export go\n"
             "                     (default: shopd-demo in the temporary directory)\n"
             "  --verbose          debug logging\n"
             "  --live             send requests to the providers whose base URL is set in\n"
             "                     SHOP_STRIPE_URL, SHOP_MAILCHIMP_URL, SHOP_MANDRILL_URL,\n"
             "                     SHOP_TEXTBLAST_URL, SHOP_METRICLY_URL; others stay dry runs\n"
             "  --debug-dump FILE  also write every customer to FILE\n");
}

bool parseArgs(int argc, char **argv, Options &options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char *name) -> const char * {
      if (i + 1 >= argc) {
        fmt::print(stderr, "shopd: {} needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    if (arg == "--live") {
      options.live = true;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--out") {
      const char *dir = value("--out");
      if (!dir)
        return false;
      options.outDir = dir;
    } else if (arg == "--debug-dump") {
      const char *file = value("--debug-dump");
      if (!file)
        return false;
      options.debugDump = file;
    } else if (arg == "--help" || arg == "-h") {
      printUsage();
      std::exit(0);
    } else {
      fmt::print(stderr, "shopd: unknown option '{}'\n", arg);
      printUsage();
      return false;
    }
  }
  return true;
}

// A provider's base URL: only with --live, and only from the environment, so
// that the demo can never reach a real host by itself.
std::string baseUrl(const Options &options, const char *variable) {
  if (!options.live)
    return {};
  const char *value = std::getenv(variable);
  return value ? value : "";
}

// The demo's sign-up forms, as the web front end posts them. All names,
// addresses and numbers are fictional (phone numbers from the ranges
// reserved for drama, IP addresses from RFC 5737).
constexpr const char *kDemoSignups = R"json([
  {"first_name": "Camille", "last_name": "Martin", "email": "camille.martin@example.com",
   "phone": "+33 6 39 98 00 01", "birth_date": "1988-04-12",
   "address": {"street": "12 rue des Lilas", "postal_code": "69003", "city": "Lyon",
               "country": "FR"},
   "password": "correct horse battery staple",
   "share_allergy_profile": true, "dietary_notes": "gluten-free (coeliac), no peanuts",
   "newsletter_opt_in": true, "analytics_opt_in": true},
  {"first_name": "Jonas", "last_name": "Weber", "email": "jonas.weber@example.org",
   "phone": "+49 30 23125 042", "birth_date": "1975-11-02",
   "address": {"street": "Schillerstrasse 7", "postal_code": "10627", "city": "Berlin",
               "country": "DE"},
   "password": "Tr0ub4dor&3",
   "newsletter_opt_in": false, "analytics_opt_in": true},
  {"first_name": "Aiko", "last_name": "Tanaka", "email": "aiko.tanaka@example.net",
   "phone": "+44 7700 900123", "birth_date": "1992-07-30",
   "address": {"street": "4 Mill Lane", "postal_code": "CB2 1RX", "city": "Cambridge",
               "country": "GB"},
   "password": "hunter2hunter2",
   "newsletter_opt_in": true, "analytics_opt_in": false}
])json";

void section(const char *title) { fmt::print("\n== {}\n", title); }

int run(const Options &options) {
  using namespace shop;

  log::setGlobalLevel(options.verbose ? log::Level::Debug : log::Level::Info);
  log::Logger appLog("shopd");

  const std::filesystem::path outDir =
      options.outDir.empty() ? std::filesystem::temp_directory_path() / "shopd-demo"
                             : std::filesystem::path(options.outDir);
  std::filesystem::create_directories(outDir);

  storage::Database db(":memory:");
  db.migrate();
  const privacy::FieldCipher cipher("demo-key-from-the-kms-0001");
  storage::CustomerRepository customers(db, cipher);
  privacy::ConsentStore consents;

  net::HttpClient stripeApi("stripe", baseUrl(options, "SHOP_STRIPE_URL"),
                            "sk_test_demo");
  net::HttpClient mailchimpApi("mailchimp", baseUrl(options, "SHOP_MAILCHIMP_URL"));
  net::HttpClient mandrillApi("mailchimp-transactional", baseUrl(options, "SHOP_MANDRILL_URL"));
  net::HttpClient textblastApi("textblast", baseUrl(options, "SHOP_TEXTBLAST_URL"));
  net::HttpClient metriclyApi("metricly", baseUrl(options, "SHOP_METRICLY_URL"));

  providers::PaymentGateway payments(stripeApi);
  providers::MailchimpClient mailchimp(mailchimpApi, mandrillApi, "a1b2c3d4e5");
  providers::SmsGateway sms(textblastApi, "ACMESHOP");
  notify::EmailNotifier email(mailchimp);

  log::Logger accountLog("account");
  account::FraudScreen fraud(db, accountLog);
  account::AccountService accounts(customers, consents, mailchimp, fraud, accountLog);

  section("sign-ups");
  const nlohmann::json forms = nlohmann::json::parse(kDemoSignups);
  std::vector<Customer::Id> ids;
  for (const nlohmann::json &form : forms)
    ids.push_back(accounts.registerCustomer(form));
  const Customer::Id camille = ids[0], jonas = ids[1], aiko = ids[2];
  fmt::print("{} customer(s) registered\n", ids.size());

  section("sign-ins");
  const std::vector<std::pair<std::size_t, std::string>> signIns = {
      {0, "192.0.2.41"}, {1, "198.51.100.7"}, {0, "203.0.113.9"}};
  for (const auto &[index, from] : signIns) {
    const account::LoginResult result = accounts.login(
        {{"email", forms[index]["email"]}, {"password", forms[index]["password"]}}, from);
    fmt::print("customer {}: {} (risk {})\n", ids[index], result.ok ? "signed in" : result.error,
               result.risk);
  }

  section("checkout");
  orders::Catalog catalog;
  orders::OrderService orderService(db, customers, catalog, email, appLog);
  orders::BillingService billing(db, payments, appLog);
  std::vector<shipping::Parcel> parcels;
  const std::vector<std::pair<Customer::Id, std::vector<orders::CartItem>>> carts = {
      {camille, {{"SKU-1002", 1}, {"SKU-1004", 2}}},
      {jonas, {{"SKU-1001", 1}, {"SKU-1003", 1}}},
      {aiko, {{"SKU-1005", 3}}},
  };
  for (const auto &[id, cart] : carts) {
    std::vector<std::string> warnings;
    std::optional<Order> order = orderService.placeOrder(
        id, cart, fmt::format("pm_card_demo_{}", id), id == jonas ? "Code 4512B, 3rd floor" : "",
        warnings);
    if (!order)
      continue;
    Customer customer;
    customers.findById(id, customer);
    const bool paid = billing.chargeOrder(*order, customer);
    order->trackingNumber = fmt::format("6A{:09d}", 100000 + order->id);
    orderService.update(*order);
    fmt::print("order {}: {} cents, {}, {} allergen warning(s)\n", order->id,
               order->totalCents(), paid ? "paid" : "payment failed", warnings.size());
    if (paid)
      parcels.push_back(shipping::Parcel{*order, customer});
  }

  section("shipping");
  std::vector<std::unique_ptr<notify::Notifier>> notifiers;
  notifiers.push_back(std::make_unique<notify::EmailNotifier>(mailchimp));
  notifiers.push_back(std::make_unique<notify::SmsNotifier>(sms));
  shipping::ShippingService shippingService(std::move(notifiers), appLog);
  const shipping::CarrierPickupRequest pickup{"LYS-03", "14:00-16:00", "+33 6 39 98 00 99"};
  const std::string manifest = (outDir / "manifest.csv").string();
  fmt::print("{} parcel(s) in {}\n", shippingService.exportManifest(parcels, pickup, manifest),
             manifest);
  for (const shipping::Parcel &parcel : parcels)
    shippingService.notifyShipped(parcel.customer, parcel.order);

  section("analytics");
  analytics::AnalyticsClient metricly(metriclyApi);
  analytics::ProductAnalytics productAnalytics(metricly, consents, appLog);
  // The address each customer browses from (the sign-in addresses above).
  const std::map<Customer::Id, std::string> browsingFrom = {
      {camille, "203.0.113.9"}, {jonas, "198.51.100.7"}, {aiko, "192.0.2.77"}};
  for (const shipping::Parcel &parcel : parcels) {
    for (const OrderLine &line : parcel.order.lines)
      productAnalytics.trackProductView(parcel.customer, line.sku,
                                        browsingFrom.at(parcel.customer.id()));
    productAnalytics.trackCheckout(parcel.customer, parcel.order);
  }
  const std::string report = (outDir / "product-views.csv").string();
  fmt::print("{} view(s) in {}\n", productAnalytics.writeDailyReport(report), report);

  section("newsletter");
  marketing::NewsletterService newsletter(mailchimp, consents, appLog);
  const std::vector<Customer> everyone = customers.all();
  fmt::print("{} subscriber(s) synced\n", newsletter.sendMonthly(everyone, "2024-06"));
  std::vector<Customer> lapsed;
  for (const Customer &customer : everyone)
    if (customer.id() != camille)
      lapsed.push_back(customer);
  fmt::print("{} win-back e-mail(s)\n", newsletter.sendWinBack(lapsed, "COMEBACK10"));

  section("support");
  support::SupportDesk desk(db, customers, cipher, email, appLog);
  support::SupportTicket ticket;
  ticket.customerId = jonas;
  ticket.subject = "Reaction after the hazelnut spread";
  ticket.body = "My son had a rash after eating it, is there a recall?";
  ticket.healthNote = "rash after SKU-1001, child, no treatment needed";
  const std::int64_t ticketId = desk.openTicket(ticket);
  const StaffMember agent{7, "Lea Moreau", false};
  fmt::print("ticket {} opened, {}\n", ticketId,
             desk.assign(ticketId, agent) ? "assigned" : "not assigned");

  section("back office");
  admin::AdminConsole console(appLog);
  const StaffMember administrator{1, "Marc Lefebvre", true};
  console.signIn(administrator, "192.0.2.200");
  console.signIn(administrator, "198.51.100.23");
  admin::PrivacyExport exporter(customers, orderService, appLog);
  const std::string accessExport = (outDir / fmt::format("access-request-{}.json", camille)).string();
  fmt::print("access request export: {}\n",
             exporter.exportCustomer(camille, accessExport) ? accessExport : "failed");
  fraud.purgeExpired(std::chrono::system_clock::now());

  if (!options.debugDump.empty()) {
    admin::debugDumpCustomers(customers.all(), options.debugDump);
    fmt::print("debug dump: {}\n", options.debugDump);
  }

  fmt::print("\ndone; nothing was sent{}\n",
             options.live ? " except to the providers configured in the environment" : "");
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  Options options;
  if (!parseArgs(argc, argv, options))
    return 2;
  try {
    return run(options);
  } catch (const std::exception &e) {
    fmt::print(stderr, "shopd: {}\n", e.what());
    return 1;
  }
}
