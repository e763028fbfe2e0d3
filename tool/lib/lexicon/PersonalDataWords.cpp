#include "pdflow/lexicon/PersonalDataWords.h"

#include "pdflow/lexicon/DeclarationWords.h"

#include <algorithm>
#include <iterator>

namespace pdflow {

bool containsAny(const std::set<std::string> &S, const std::vector<std::string> &Words) {
  return std::any_of(Words.begin(), Words.end(),
                     [&](const std::string &W) { return S.count(W) > 0; });
}

// clang-format off
/// Words that say whose data it is: "customerName", "Customer::name".
const std::set<std::string> &personWords() {
  static const std::set<std::string> S = {
      "abonne", "account", "adherent", "applicant", "author", "beneficiary", "benutzer",
      "billing", "buyer", "candidate", "cardholder", "child", "citizen", "client", "clients",
      "contact", "contacts", "customer", "customers", "debtor", "delivery", "doctor", "donor",
      "eleve", "emergency", "employe", "employee", "employees", "father", "guest", "holder",
      "insured", "kunde", "kunden", "manager", "member", "members", "membre", "mitarbeiter",
      "mother", "nurse", "nutzer", "owner", "parent", "participant", "passenger", "patient",
      "patients", "people", "person", "personal", "personne", "persons", "physician",
      "policyholder", "profile", "prospect", "pupil", "recipient", "resident", "salarie",
      "sender", "shipping", "signatory", "spouse", "staff", "student", "subscriber",
      "subscribers", "supervisor", "teacher", "tenant", "user", "users", "utilisateur",
      "utilisateurs", "visitor", "volunteer", "worker"};
  return S;
}
// clang-format on

// clang-format off
/// Words before "address" that make it a memory or network address, and
/// words of a type that does.
const std::set<std::string> &networkWords() {
  static const std::set<std::string> S = {
      "asio", "base", "begin", "bind", "bitcoin", "ble", "bluetooth", "broadcast", "btc", "buf",
      "buffer", "bus", "cache", "code", "contract", "dest", "destination", "dev", "device", "dma",
      "dns", "eeprom", "end", "endpoint", "entry", "eth", "ethernet", "flash", "func", "function",
      "gateway", "hardware", "heap", "hid", "host", "http", "hw", "in", "inet", "instance",
      "interrupt", "io", "ip", "ipv", "irq", "jump", "lan", "lib", "link", "listen", "llvm",
      "load", "local", "mac", "mapped", "master", "mcast", "mem", "memory", "mmio", "module",
      "multicast", "nat", "net", "network", "node", "obj", "object", "offset", "page", "pci",
      "peer", "peripheral", "phys", "physical", "pointer", "port", "proxy", "ptr", "ram", "reg",
      "register", "relay", "remote", "ret", "return", "rom", "section", "segment", "server",
      "slave", "smtp", "sock", "sockaddr", "socket", "source", "spi", "sram", "src", "stack",
      "start", "symbol", "target", "tcp", "token", "udp", "unicast", "uri", "url", "usb", "virt",
      "virtual", "vm", "vpn", "wallet", "wan", "web"};
  return S;
}
// clang-format on

// clang-format off
/// Words that make a password or login a service's, not a person's:
/// dbPassword, smtpUser, DatabaseConfig::password.
const std::set<std::string> &serviceWords() {
  static const std::set<std::string> S = {
      "admin", "amqp", "api", "aws", "backend", "bind", "bot", "broker", "cert", "certificate",
      "cfg", "conf", "config", "conn", "connection", "database", "db", "docker", "dsn", "elastic",
      "elasticsearch", "ftp", "git", "imap", "jdbc", "kafka", "keystore", "ldap", "mail",
      "master", "mongo", "mongodb", "mqtt", "mysql", "odbc", "pg", "pop", "postgres", "proxy",
      "rabbit", "rabbitmq", "redis", "registry", "repo", "root", "router", "s", "sasl", "server",
      "service", "settings", "sftp", "smtp", "sql", "ssh", "ssl", "svn", "sys", "system", "tls",
      "truststore", "vault", "vpn", "wifi", "wlan"};
  return S;
}
// clang-format on

// clang-format off
const std::set<std::string> &pathWords() {
  static const std::set<std::string> S = {
      "cd", "cwd", "dir", "directory", "env", "folder", "path", "working"};
  return S;
}
// clang-format on

// clang-format off
/// Trailing words that do not change what a name holds: phoneNumber,
/// emailStr, passwordHash, emailList.
const std::set<std::string> &transparentWords() {
  static const std::set<std::string> S = {
      "again", "alt", "alternate", "clear", "cleartext", "confirm", "confirmation", "copy", "cur",
      "current", "enc", "encrypted", "formatted", "hash", "hashed", "list", "lower", "masked",
      "new", "no", "norm", "normalized", "nr", "num", "number", "numero", "nummer", "old", "orig",
      "original", "plain", "plaintext", "primary", "raw", "repeat", "secondary", "str", "string",
      "temp", "text", "tmp", "txt", "upper", "val", "value"};
  return S;
}
// clang-format on

// clang-format off
/// A last word that makes the name describe something about the data rather
/// than hold it: emailTemplate, phoneRegex, addressType, healthCheck.
const std::set<std::string> &metaWords() {
  static const std::set<std::string> S = {
      "action", "algo", "algorithm", "allowed", "allowlist", "api", "at", "attempt", "attempts",
      "blacklist", "blocklist", "body", "btn", "builder", "button", "cache", "callback",
      "campaign", "cb", "cfg", "changed", "changer", "check", "checker", "checks", "class", "cmd",
      "cnt", "col", "color", "colour", "column", "command", "component", "conf", "config",
      "confirmed", "count", "counter", "created", "default", "delimiter", "denylist", "desc",
      "description", "dialog", "dir", "disabled", "doc", "docs", "domain", "driver", "dummy",
      "edit", "editor", "enable", "enabled", "endpoint", "enum", "err", "error", "errors",
      "event", "events", "example", "expiration", "expires", "expiry", "factory", "fake", "file",
      "filter", "flag", "flags", "fmt", "fn", "font", "format", "func", "gen", "generator",
      "handler", "header", "height", "help", "helper", "hidden", "hint", "host", "icon", "id",
      "ids", "idx", "imap", "index", "input", "interval", "iterations", "job", "key", "kind",
      "label", "lang", "language", "layout", "lbl", "len", "length", "lib", "library", "limit",
      "listener", "locale", "lock", "manager", "mapping", "mask", "max", "menu", "message",
      "metric", "metrics", "mgr", "min", "mock", "mode", "model", "modified", "module", "monitor",
      "msg", "mutex", "notification", "notifications", "observer", "offset", "opt", "option",
      "options", "page", "parser", "path", "pattern", "permission", "permissions", "placeholder",
      "plugin", "pointer", "policy", "pool", "pop", "port", "precision", "prefix", "probe",
      "prompt", "proto", "protocol", "provider", "ptr", "query", "queue", "random", "range", "re",
      "ref", "refs", "regex", "regexp", "registry", "required", "reset", "retries", "retry",
      "rng", "rounds", "rule", "rules", "salt", "sample", "scale", "schema", "scope", "screen",
      "sdk", "sender", "sent", "sep", "separator", "server", "service", "setting", "settings",
      "size", "smtp", "spec", "sql", "statement", "stats", "status", "stmt", "strength", "struct",
      "stub", "style", "subject", "suffix", "supported", "svc", "tab", "table", "tag", "tags",
      "task", "template", "test", "tests", "thread", "time", "timeout", "timestamp", "title",
      "tmpl", "token", "tooltip", "tracker", "translation", "ts", "type", "unit", "units",
      "updated", "uri", "url", "util", "utils", "valid", "validated", "validation", "validator",
      "ver", "verification", "verified", "version", "view", "visibility", "visible", "whitelist",
      "widget", "width"};
  return S;
}
// clang-format on

// clang-format off
/// Words of a scope holding things, not people.
const std::set<std::string> &thingWords() {
  static const std::set<std::string> S = {
      "buffer", "bucket", "channel", "channels", "column", "columns", "component", "connection",
      "daemon", "database", "db", "device", "dir", "directory", "document", "driver", "file",
      "files", "font", "host", "hosts", "job", "layer", "module", "modules", "mutex", "network",
      "node", "pipe", "plugin", "plugins", "port", "process", "queue", "server", "service",
      "sheet", "socket", "sockets", "stream", "table", "tables", "task", "thread", "threads",
      "timer", "widget", "window"};
  return S;
}
// clang-format on

// clang-format off
/// A first word that makes the name a flag, a count or an accessor.
const std::set<std::string> &leadingVetoWords() {
  static const std::set<std::string> S = {
      "allow", "can", "count", "did", "do", "enable", "get", "has", "invalid", "is", "max", "min",
      "need", "needs", "on", "require", "requires", "set", "should", "show", "total", "use",
      "uses", "valid", "want", "wants", "with", "without"};
  return S;
}
// clang-format on

//===----------------------------------------------------------------------===//
// The built-in words
//===----------------------------------------------------------------------===//

namespace {
using Place = WordPlace;
using Context = WordContext;
constexpr unsigned S = static_cast<unsigned>(TypeClass::String);
constexpr unsigned I = static_cast<unsigned>(TypeClass::Integer);
constexpr unsigned R = static_cast<unsigned>(TypeClass::Real);
constexpr unsigned C = static_cast<unsigned>(TypeClass::Class);
constexpr Place Any = Place::Anywhere;
constexpr Place Head = Place::Head;
constexpr Place Whole = Place::Whole;
constexpr bool TypeToo = true;

const WordRow Rows[] = {
    // Contact: e-mail.
    {"email", "contact.email", S},
    {"emails", "contact.email", S},
    {"e mail", "contact.email", S},
    {"courriel", "contact.email", S},
    {"email address", "contact.email", S | C, Any, Context::None, TypeToo},
    {"emailaddress", "contact.email", S | C, Any, Context::None, TypeToo},
    {"mail address", "contact.email", S | C, Any, Context::None, TypeToo},
    {"mailaddress", "contact.email", S | C},
    {"e mail address", "contact.email", S | C},
    {"adresse mail", "contact.email", S},
    {"adresse email", "contact.email", S},
    {"adresse courriel", "contact.email", S},
    {"mail adresse", "contact.email", S},
    {"email adresse", "contact.email", S},
    {"emailadresse", "contact.email", S},
    {"mailadresse", "contact.email", S},
    {"mail", "contact.email", S, Head},
    // Contact: phone.
    {"phone", "contact.phone", S | I},
    {"phones", "contact.phone", S},
    {"telephone", "contact.phone", S | I},
    {"telefon", "contact.phone", S | I},
    {"telefonnummer", "contact.phone", S | I},
    {"phonenumber", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"phone number", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"telephone number", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"tel", "contact.phone", S | I, Head},
    {"mobile", "contact.phone", S | I, Head},
    {"mobile phone", "contact.phone", S | I},
    {"cellphone", "contact.phone", S | I},
    {"cell phone", "contact.phone", S | I},
    {"handy", "contact.phone", S, Head},
    {"handynummer", "contact.phone", S | I},
    {"portable", "contact.phone", S, Head},
    {"fax", "contact.phone", S | I, Head},
    {"msisdn", "contact.phone", S | I},
    {"gsm", "contact.phone", S | I, Head},
    // Contact: postal address.
    {"postal address", "contact.postal_address", S | C, Any, Context::None, TypeToo},
    {"postaladdress", "contact.postal_address", S | C, Any, Context::None, TypeToo},
    {"street address", "contact.postal_address", S | C, Any, Context::None, TypeToo},
    {"home address", "contact.postal_address", S | C},
    {"billing address", "contact.postal_address", S | C},
    {"shipping address", "contact.postal_address", S | C},
    {"delivery address", "contact.postal_address", S | C},
    {"mailing address", "contact.postal_address", S | C},
    {"residential address", "contact.postal_address", S | C},
    {"invoice address", "contact.postal_address", S | C},
    {"postal code", "contact.postal_address", S | I},
    {"postalcode", "contact.postal_address", S | I},
    {"post code", "contact.postal_address", S | I},
    {"postcode", "contact.postal_address", S | I},
    {"zip code", "contact.postal_address", S | I},
    {"zipcode", "contact.postal_address", S | I},
    {"zip", "contact.postal_address", S | I, Head},
    {"code postal", "contact.postal_address", S | I},
    {"codepostal", "contact.postal_address", S | I},
    {"plz", "contact.postal_address", S | I, Head},
    {"postleitzahl", "contact.postal_address", S | I},
    {"street", "contact.postal_address", S},
    {"streetname", "contact.postal_address", S},
    {"house number", "contact.postal_address", S | I},
    {"housenumber", "contact.postal_address", S | I},
    {"strasse", "contact.postal_address", S},
    {"hausnummer", "contact.postal_address", S | I},
    {"rue", "contact.postal_address", S},
    {"address line", "contact.postal_address", S},
    {"addressline", "contact.postal_address", S},
    {"anschrift", "contact.postal_address", S | C},
    {"delivery instructions", "contact.postal_address", S},
    {"delivery notes", "contact.postal_address", S},
    {"reply to", "contact.email", S, Whole},
    {"replyto", "contact.email", S, Whole},
    {"adresse", "contact.postal_address", S | C, Any, Context::NotNetwork},
    {"address", "contact.postal_address", S | C, Head, Context::NotNetwork, TypeToo},
    {"addresses", "contact.postal_address", S | C, Head, Context::NotNetwork},
    // Online identifiers.
    {"ip", "online.ip_address", S | I, Head},
    {"ipv", "online.ip_address", S | I, Head},
    {"ip address", "online.ip_address", S | I | C, Any, Context::None, TypeToo},
    {"ipaddress", "online.ip_address", S | I | C},
    {"ipaddr", "online.ip_address", S | I | C},
    {"ip addr", "online.ip_address", S | I | C},
    {"ipv address", "online.ip_address", S | I | C},
    {"adresse ip", "online.ip_address", S | I},
    {"ip adresse", "online.ip_address", S | I},
    {"remote address", "online.ip_address", S},
    {"peer address", "online.ip_address", S},
    {"remote addr", "online.ip_address", S},
    {"peer addr", "online.ip_address", S},
    {"client address", "online.ip_address", S},
    {"mac address", "online.device_id", S | C},
    {"macaddress", "online.device_id", S | C},
    {"mac addr", "online.device_id", S | C},
    {"device id", "online.device_id", S | I},
    {"deviceid", "online.device_id", S | I},
    {"imei", "online.device_id", S | I},
    {"udid", "online.device_id", S},
    {"advertising id", "online.advertising_id", S},
    {"idfa", "online.advertising_id", S},
    {"gaid", "online.advertising_id", S},
    {"user agent", "online.user_agent", S},
    {"useragent", "online.user_agent", S},
    {"cookie id", "online.cookie_id", S},
    {"analytics id", "online.cookie_id", S},
    {"tracking id", "online.cookie_id", S},
    {"visitor id", "online.cookie_id", S},
    {"username", "online.username", S, Any, Context::NotService},
    {"user name", "online.username", S, Any, Context::NotService},
    {"login", "online.username", S, Head, Context::NotService},
    {"login name", "online.username", S, Any, Context::NotService},
    {"benutzername", "online.username", S, Any, Context::NotService},
    {"nom utilisateur", "online.username", S, Any, Context::NotService},
    {"screen name", "online.username", S},
    {"nickname", "online.username", S},
    // Identity: names.
    {"first name", "identity.first_name", S | C},
    {"firstname", "identity.first_name", S | C},
    {"given name", "identity.first_name", S | C},
    {"givenname", "identity.first_name", S | C},
    {"forename", "identity.first_name", S | C},
    {"prenom", "identity.first_name", S | C},
    {"prenoms", "identity.first_name", S | C},
    {"vorname", "identity.first_name", S | C},
    {"last name", "identity.last_name", S | C},
    {"lastname", "identity.last_name", S | C},
    {"surname", "identity.last_name", S | C},
    {"family name", "identity.last_name", S | C},
    {"familyname", "identity.last_name", S | C},
    {"nachname", "identity.last_name", S | C},
    {"familienname", "identity.last_name", S | C},
    {"nom de famille", "identity.last_name", S | C},
    {"nom famille", "identity.last_name", S | C},
    {"maiden name", "identity.last_name", S | C},
    {"middle name", "identity.name", S | C},
    {"full name", "identity.name", S | C},
    {"fullname", "identity.name", S | C},
    {"real name", "identity.name", S | C},
    {"legal name", "identity.name", S | C},
    {"birth name", "identity.name", S | C},
    {"nom complet", "identity.name", S | C},
    {"person name", "identity.name", S | C, Any, Context::None, TypeToo},
    {"personal name", "identity.name", S | C, Any, Context::None, TypeToo},
    {"display name", "identity.name", S, Any, Context::PersonScope},
    {"name", "identity.name", S, Head, Context::PersonBefore},
    {"names", "identity.name", S, Head, Context::PersonBefore},
    {"nom", "identity.last_name", S, Any, Context::PersonAfter},
    // Identity: dates, gender, nationality, family.
    {"birth date", "identity.birth_date", S | I | C, Any, Context::None, TypeToo},
    {"birthdate", "identity.birth_date", S | I | C, Any, Context::None, TypeToo},
    {"date of birth", "identity.birth_date", S | I | C, Any, Context::None, TypeToo},
    {"dateofbirth", "identity.birth_date", S | I | C},
    {"dob", "identity.birth_date", S | I | C},
    {"birthday", "identity.birth_date", S | I | C},
    {"birth day", "identity.birth_date", S | I | C},
    {"date naissance", "identity.birth_date", S | I | C},
    {"date de naissance", "identity.birth_date", S | I | C},
    {"datenaissance", "identity.birth_date", S | I | C},
    {"naissance", "identity.birth_date", S | I | C},
    {"geburtsdatum", "identity.birth_date", S | I | C},
    {"geburtstag", "identity.birth_date", S | I | C},
    {"geburts datum", "identity.birth_date", S | I | C},
    {"age", "identity.age", I, Whole, Context::PersonScope},
    {"gender", "identity.gender", S | I | C},
    {"sexe", "identity.gender", S | I | C},
    {"geschlecht", "identity.gender", S | I | C},
    {"sex", "identity.gender", S | I | C, Whole, Context::PersonScope},
    {"nationality", "identity.nationality", S | C},
    {"nationalite", "identity.nationality", S | C},
    {"staatsangehoerigkeit", "identity.nationality", S | C},
    {"citizenship", "identity.nationality", S | C},
    {"marital status", "family.marital_status", S | I | C},
    {"maritalstatus", "family.marital_status", S | I | C},
    {"situation familiale", "family.marital_status", S | I | C},
    {"familienstand", "family.marital_status", S | I | C},
    // Identity: national numbers and documents.
    {"ssn", "identity.social_security_number", S | I},
    {"social security", "identity.social_security_number", S | I},
    {"securite sociale", "identity.social_security_number", S | I},
    {"nir", "identity.social_security_number", S | I, Head},
    {"sozialversicherungsnummer", "identity.social_security_number", S | I},
    {"national insurance", "identity.social_security_number", S | I},
    {"national id", "identity.national_id", S | I | C},
    {"nationalid", "identity.national_id", S | I | C},
    {"national identification", "identity.national_id", S | I | C},
    {"id card", "identity.national_id", S},
    {"idcard", "identity.national_id", S},
    {"identity card", "identity.national_id", S},
    {"carte identite", "identity.national_id", S},
    {"personalausweis", "identity.national_id", S},
    {"ausweisnummer", "identity.national_id", S},
    {"tax id", "identity.tax_id", S | I},
    {"taxid", "identity.tax_id", S | I},
    {"tax number", "identity.tax_id", S | I},
    {"steuer id", "identity.tax_id", S | I},
    {"steuerid", "identity.tax_id", S | I},
    {"steuernummer", "identity.tax_id", S | I},
    {"steueridentifikationsnummer", "identity.tax_id", S | I},
    {"numero fiscal", "identity.tax_id", S | I},
    {"passport", "identity.passport", S | I | C},
    {"passeport", "identity.passport", S | I | C},
    {"reisepass", "identity.passport", S | I | C},
    {"passnummer", "identity.passport", S | I},
    {"driver license", "identity.driving_licence", S},
    {"drivers license", "identity.driving_licence", S},
    {"driving licence", "identity.driving_licence", S},
    {"driving license", "identity.driving_licence", S},
    {"driver licence", "identity.driving_licence", S},
    {"permis conduire", "identity.driving_licence", S},
    {"permis de conduire", "identity.driving_licence", S},
    {"fuehrerschein", "identity.driving_licence", S},
    {"fuhrerschein", "identity.driving_licence", S},
    {"customer number", "identity.account_id", S | I},
    {"kundennummer", "identity.account_id", S | I},
    {"numero client", "identity.account_id", S | I},
    {"employee number", "professional.employee_id", S | I},
    {"employee id", "professional.employee_id", S | I},
    {"personnel number", "professional.employee_id", S | I},
    {"personalnummer", "professional.employee_id", S | I},
    {"matricule", "professional.employee_id", S | I},
    // Location.
    {"geolocation", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geo location", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geoloc", "location.precise", S | R | C},
    {"geo loc", "location.precise", S | R | C},
    {"geo position", "location.precise", S | R | C},
    {"geoposition", "location.precise", S | R | C},
    {"geo point", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geopoint", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"latitude", "location.precise", S | R | C},
    {"longitude", "location.precise", S | R | C},
    {"lat", "location.precise", S | R, Whole},
    {"lng", "location.precise", S | R, Whole},
    {"lon", "location.precise", S | R, Whole},
    {"lat lng", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"latlng", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"lat lon", "location.precise", S | R | C},
    {"latlon", "location.precise", S | R | C},
    {"gps", "location.precise", S | R, Head},
    {"gps position", "location.precise", S | R | C},
    {"gps coordinates", "location.precise", S | R | C},
    {"gps location", "location.precise", S | R | C},
    {"location", "location.precise", S | C, Head, Context::PersonBefore},
    {"city", "location.approximate", S, Head},
    {"ville", "location.approximate", S, Head},
    {"stadt", "location.approximate", S, Head},
    // Financial.
    {"iban", "financial.bank_account", S | C, Any, Context::None, TypeToo},
    {"bic", "financial.bank_account", S},
    {"bank account", "financial.bank_account", S | I | C},
    {"bankaccount", "financial.bank_account", S | I | C},
    {"account number", "financial.bank_account", S | I},
    {"routing number", "financial.bank_account", S | I},
    {"sort code", "financial.bank_account", S | I},
    {"kontonummer", "financial.bank_account", S | I},
    {"bankverbindung", "financial.bank_account", S | C},
    {"rib", "financial.bank_account", S, Head},
    {"card number", "financial.payment_card", S | I | C, Any, Context::None, TypeToo},
    {"cardnumber", "financial.payment_card", S | I | C},
    {"credit card", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"creditcard", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"debit card", "financial.payment_card", S | C},
    {"payment card", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"payment method", "financial.payment_card", S},
    {"pan", "financial.payment_card", S, Whole},
    {"card pan", "financial.payment_card", S},
    {"cvv", "financial.payment_card", S | I},
    {"cvc", "financial.payment_card", S | I},
    {"card expiry", "financial.payment_card", S},
    {"numero carte", "financial.payment_card", S},
    {"carte bancaire", "financial.payment_card", S | C},
    {"kreditkarte", "financial.payment_card", S | C},
    {"kartennummer", "financial.payment_card", S | I},
    {"income", "financial.income", S | I | R | C},
    {"einkommen", "financial.income", S | I | R | C},
    {"salary", "professional.salary", S | I | R | C},
    {"salaire", "professional.salary", S | I | R | C},
    {"gehalt", "professional.salary", S | I | R | C},
    {"wage", "professional.salary", S | I | R | C},
    {"wages", "professional.salary", S | I | R | C},
    {"remuneration", "professional.salary", S | I | R | C},
    {"credit score", "financial.credit_score", S | I | R | C},
    {"creditscore", "financial.credit_score", S | I | R | C},
    {"credit rating", "financial.credit_score", S | I | R | C},
    // Credentials.
    {"password", "credentials.password", S | C, Any, Context::NotService, TypeToo},
    {"passwords", "credentials.password", S | C, Any, Context::NotService},
    {"passwd", "credentials.password", S, Any, Context::NotService},
    {"pwd", "credentials.password", S, Head, Context::NotPath},
    {"passphrase", "credentials.password", S, Any, Context::NotService},
    {"pass phrase", "credentials.password", S, Any, Context::NotService},
    {"mot de passe", "credentials.password", S, Any, Context::NotService},
    {"motdepasse", "credentials.password", S, Any, Context::NotService},
    {"mdp", "credentials.password", S, Head, Context::NotService},
    {"passwort", "credentials.password", S, Any, Context::NotService},
    {"kennwort", "credentials.password", S, Any, Context::NotService},
    {"password hash", "credentials.password_hash", S | C, Any, Context::NotService},
    {"passwordhash", "credentials.password_hash", S | C, Any, Context::NotService},
    {"hashed password", "credentials.password_hash", S | C, Any, Context::NotService},
    {"pwd hash", "credentials.password_hash", S, Any, Context::NotService},
    {"passwd hash", "credentials.password_hash", S, Any, Context::NotService},
    {"pin code", "credentials.pin", S | I},
    {"pincode", "credentials.pin", S | I},
    {"security answer", "credentials.security_answer", S},
    {"secret answer", "credentials.security_answer", S},
    // Special categories (Art. 9).
    {"health", "special.health", S},
    {"dietary", "special.health", S | C},
    {"diet", "special.health", S | C, Head},
    {"medical", "special.health", S | C},
    {"diagnosis", "special.health", S | C},
    {"diagnoses", "special.health", S | C},
    {"allergy", "special.health", S | C},
    {"allergies", "special.health", S | C},
    {"allergie", "special.health", S | C},
    {"allergien", "special.health", S | C},
    {"medication", "special.health", S | C},
    {"medications", "special.health", S | C},
    {"medicament", "special.health", S | C},
    {"medikament", "special.health", S | C},
    {"disease", "special.health", S | C},
    {"diseases", "special.health", S | C},
    {"illness", "special.health", S | C},
    {"maladie", "special.health", S | C},
    {"krankheit", "special.health", S | C},
    {"symptoms", "special.health", S | C},
    {"sante", "special.health", S | C},
    {"gesundheit", "special.health", S | C},
    {"blood type", "special.health", S | C},
    {"bloodtype", "special.health", S | C},
    {"blood group", "special.health", S | C},
    {"groupe sanguin", "special.health", S | C},
    {"blutgruppe", "special.health", S | C},
    {"disability", "special.health", S | C},
    {"pregnancy", "special.health", S | C},
    {"prescription", "special.health", S | C},
    {"vaccination", "special.health", S | C},
    {"religion", "special.religious_beliefs", S | I | C},
    {"religious", "special.religious_beliefs", S | I | C},
    {"konfession", "special.religious_beliefs", S | I | C},
    {"ethnicity", "special.racial_ethnic_origin", S | I | C},
    {"ethnic", "special.racial_ethnic_origin", S | I | C},
    {"ethnie", "special.racial_ethnic_origin", S | I | C},
    {"ethnique", "special.racial_ethnic_origin", S | I | C},
    {"racial", "special.racial_ethnic_origin", S | I | C},
    {"race", "special.racial_ethnic_origin", S | I | C, Whole, Context::PersonScope},
    {"political", "special.political_opinions", S | I | C},
    {"trade union", "special.trade_union_membership", S | I | C},
    {"union membership", "special.trade_union_membership", S | I | C},
    {"syndicat", "special.trade_union_membership", S | I | C},
    {"gewerkschaft", "special.trade_union_membership", S | I | C},
    {"sexual", "special.sex_life", S | I | C},
    {"sexuality", "special.sex_life", S | I | C},
    {"sex life", "special.sex_life", S | I | C},
    {"orientation sexuelle", "special.sex_life", S | I | C},
    {"genetic", "special.genetic", S | C},
    {"genome", "special.genetic", S | C},
    {"dna", "special.genetic", S | C},
    {"biometric", "special.biometric", S | C},
    {"biometrics", "special.biometric", S | C},
    {"fingerprint", "special.biometric", S | C, Any, Context::PersonScope},
    {"face template", "special.biometric", S | C},
    {"faceprint", "special.biometric", S | C},
    {"face print", "special.biometric", S | C},
    // Criminal convictions and offences (Art. 10).
    {"criminal", "criminal.convictions", S | C},
    {"conviction", "criminal.convictions", S | C},
    {"convictions", "criminal.convictions", S | C},
    {"casier judiciaire", "criminal.convictions", S | C},
    {"vorstrafe", "criminal.convictions", S | C},
    {"vorstrafen", "criminal.convictions", S | C},
    {"fuehrungszeugnis", "criminal.convictions", S | C},
    {"offence", "criminal.offences", S | C, Any, Context::PersonScope},
    {"offense", "criminal.offences", S | C, Any, Context::PersonScope},
    {"offences", "criminal.offences", S | C, Any, Context::PersonScope},
};

} // namespace

const std::vector<WordRow> &builtinWordRows() {
  static const std::vector<WordRow> All(std::begin(Rows), std::end(Rows));
  return All;
}

} // namespace pdflow
