#include "PersonalDataLexicon.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace pdflow {

using Place = PersonalDataLexicon::Place;
using Context = PersonalDataLexicon::Context;

//===----------------------------------------------------------------------===//
// Words
//===----------------------------------------------------------------------===//

static bool isLower(char C) { return C >= 'a' && C <= 'z'; }
static bool isUpper(char C) { return C >= 'A' && C <= 'Z'; }
static bool isDigit(char C) { return C >= '0' && C <= '9'; }

std::vector<std::string> identifierWords(std::string_view Id) {
  std::vector<std::string> Words;
  std::string Cur;
  auto Flush = [&] {
    if (!Cur.empty() && !isDigit(Cur.front()))
      Words.push_back(Cur);
    Cur.clear();
  };
  for (size_t I = 0; I < Id.size(); ++I) {
    char C = Id[I];
    if (!isLower(C) && !isUpper(C) && !isDigit(C)) {
      Flush();
      continue;
    }
    if (!Cur.empty()) {
      char Prev = Id[I - 1];
      bool LowerToUpper = (isLower(Prev) || isDigit(Prev)) && isUpper(C);
      bool AcronymEnd = isUpper(Prev) && isUpper(C) && I + 1 < Id.size() && isLower(Id[I + 1]);
      bool DigitEdge = isDigit(Prev) != isDigit(C);
      if (LowerToUpper || AcronymEnd || DigitEdge)
        Flush();
    }
    Cur += static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  }
  Flush();
  // Hungarian and member prefixes: m_name, s_count, g_user, kEmail, pName.
  static const std::set<std::string> Prefixes = {"m", "s", "g", "k", "p", "t"};
  if (Words.size() > 1 && Prefixes.count(Words.front()))
    Words.erase(Words.begin());
  return Words;
}

static bool inSet(const std::set<std::string> &S, const std::vector<std::string> &Words) {
  return std::any_of(Words.begin(), Words.end(),
                     [&](const std::string &W) { return S.count(W) > 0; });
}

/// Words that say whose data it is: "customerName", "Customer::name".
static const std::set<std::string> &personWords() {
  static const std::set<std::string> S = {
      "customer", "customers", "user", "users", "person", "persons", "people", "personal",
      "employee", "employees", "patient", "patients", "member", "members", "contact",
      "contacts", "account", "holder", "cardholder", "owner", "subscriber", "subscribers",
      "applicant", "candidate", "visitor", "guest", "passenger", "buyer", "student", "pupil",
      "citizen", "beneficiary", "tenant", "resident", "staff", "worker", "volunteer", "donor",
      "participant", "profile", "recipient", "sender", "author", "parent", "child", "spouse",
      "prospect", "billing", "shipping", "delivery", "emergency", "mother", "father", "doctor",
      "physician", "nurse", "teacher", "manager", "supervisor", "signatory", "insured",
      "policyholder", "debtor", "kunde", "kunden", "benutzer", "nutzer", "mitarbeiter",
      "personne", "utilisateur", "utilisateurs", "salarie", "employe", "adherent", "abonne",
      "eleve", "membre", "client", "clients"};
  return S;
}

/// Words before "address" that make it a memory or network address, and
/// words of a type that does.
static const std::set<std::string> &networkWords() {
  static const std::set<std::string> S = {
      "ip", "ipv", "mac", "memory", "mem", "base", "start", "end", "begin", "virtual", "virt",
      "phys", "physical", "load", "return", "ret", "bind", "listen", "server", "host", "local",
      "remote", "socket", "sock", "sockaddr", "peer", "buffer", "buf", "target", "dest",
      "destination", "src", "source", "jump", "page", "entry", "func", "function", "symbol",
      "stack", "heap", "offset", "bus", "i", "spi", "register", "reg", "mmio", "io", "port",
      "broadcast", "multicast", "gateway", "net", "network", "proxy", "endpoint", "web", "url",
      "uri", "http", "tcp", "udp", "inet", "bluetooth", "ble", "device", "hw", "hardware",
      "pointer", "ptr", "node", "slave", "master", "eth", "ethernet", "wallet", "contract",
      "relay", "smtp", "dns", "link", "object", "obj", "instance", "code", "section", "segment",
      "mapped", "vm", "dma", "irq", "interrupt", "sram", "flash", "eeprom", "rom", "ram",
      "cache", "asio", "llvm", "in", "dev", "peripheral", "hid", "usb", "pci", "mcast",
      "unicast", "nat", "wan", "lan", "vpn", "bitcoin", "btc", "eth", "token", "lib", "module"};
  return S;
}

/// Words that make a password or login a service's, not a person's:
/// dbPassword, smtpUser, DatabaseConfig::password.
static const std::set<std::string> &serviceWords() {
  static const std::set<std::string> S = {
      "db", "database", "smtp", "imap", "pop", "ftp", "sftp", "api", "admin", "root",
      "service", "server", "proxy", "redis", "mysql", "postgres", "pg", "mongo", "mongodb",
      "ldap", "wifi", "wlan", "keystore", "truststore", "ssl", "tls", "cert", "certificate",
      "bind", "master", "mail", "sql", "amqp", "mqtt", "broker", "kafka", "vault", "s",
      "aws", "config", "cfg", "conf", "settings", "connection", "conn", "dsn", "jdbc", "odbc",
      "sasl", "rabbit", "rabbitmq", "elastic", "elasticsearch", "ssh", "vpn", "router",
      "registry", "docker", "git", "svn", "repo", "bot", "system", "sys", "backend"};
  return S;
}

static const std::set<std::string> &pathWords() {
  static const std::set<std::string> S = {"dir", "directory", "path", "cwd", "working", "folder",
                                          "cd", "env"};
  return S;
}

/// Trailing words that do not change what a name holds: phoneNumber,
/// emailStr, passwordHash, emailList.
static const std::set<std::string> &transparentWords() {
  static const std::set<std::string> S = {
      "number", "num", "nr", "no", "nummer", "numero", "value", "val", "str", "string", "text",
      "txt", "raw", "list", "hash", "hashed", "encrypted", "enc", "plain", "plaintext", "clear",
      "cleartext", "masked", "normalized", "norm", "lower", "upper", "formatted", "copy",
      "tmp", "temp", "old", "new", "orig", "original", "current", "cur", "primary", "secondary",
      "alt", "alternate", "confirm", "confirmation", "repeat", "again"};
  return S;
}

/// A last word that makes the name describe something about the data rather
/// than hold it: emailTemplate, phoneRegex, addressType, healthCheck.
static const std::set<std::string> &metaWords() {
  static const std::set<std::string> S = {
      "template", "tmpl", "format", "fmt", "regex", "regexp", "re", "pattern", "validator",
      "validation", "valid", "validated", "verified", "verification", "confirmed", "count",
      "cnt", "counter", "len", "length", "size", "max", "min", "limit", "type", "kind",
      "enabled", "enable", "disabled", "flag", "flags", "sent", "service", "svc", "server",
      "host", "port", "config", "cfg", "conf", "settings", "setting", "option", "options",
      "opt", "label", "lbl", "prefix", "suffix", "column", "col", "key", "index", "idx", "mode",
      "status", "error", "err", "errors", "policy", "provider", "queue", "handler",
      "callback", "cb", "fn", "func", "parser", "builder", "factory", "manager", "mgr", "util",
      "utils", "helper", "widget", "edit", "editor", "input", "button", "btn", "dialog", "view",
      "model", "mask", "placeholder", "hint", "tooltip", "header", "title", "subject", "body",
      "url", "uri", "path", "dir", "file", "domain", "protocol", "proto", "version", "ver",
      "timeout", "interval", "retry", "retries", "attempts", "attempt", "changed", "updated",
      "created", "modified", "at", "time", "timestamp", "ts", "required", "visible", "hidden",
      "allowed", "supported", "checker", "check", "checks", "endpoint", "monitor", "probe",
      "tag", "tags", "event", "events", "notification", "notifications", "message", "msg",
      "campaign", "task", "job", "thread", "lock", "mutex", "table", "schema", "query", "sql",
      "stmt", "statement", "width", "height", "color", "colour", "font", "style", "icon",
      "layout", "page", "screen", "tab", "menu", "action", "command", "cmd", "whitelist",
      "blacklist", "allowlist", "denylist", "blocklist", "filter", "rule", "rules", "spec",
      "doc", "docs", "help", "description", "desc", "unit", "units", "precision", "scale",
      "range", "visibility", "permission", "permissions", "scope", "salt", "iterations",
      "rounds", "algorithm", "algo", "strength", "expiry", "expires", "expiration", "token",
      "prompt", "sender", "smtp", "imap", "pop", "provider", "reset", "changer", "generator",
      "gen", "random", "rng", "policy", "offset", "mapping", "translation", "locale",
      "language", "lang", "separator", "sep", "delimiter", "width", "tracker", "stats",
      "metrics", "metric", "test", "tests", "mock", "stub", "fake", "dummy", "sample",
      "example", "default", "pool", "registry", "cache", "listener", "observer", "plugin",
      "driver", "api", "sdk", "lib", "library", "module", "component", "class", "struct",
      "enum", "id", "ids", "ref", "refs", "ptr", "pointer"};
  return S;
}

/// A first word that makes the name a flag, a count or an accessor.
static const std::set<std::string> &leadingVetoWords() {
  static const std::set<std::string> S = {
      "is",    "has",  "should", "can",     "need",  "needs", "use",     "uses",
      "enable", "show", "allow",  "count",   "on",    "set",   "get",     "with",
      "without", "max", "min",    "total",   "valid", "invalid", "require", "requires",
      "want",  "wants", "do",    "did"};
  return S;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

static std::string trim(std::string_view S) {
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.front())))
    S.remove_prefix(1);
  while (!S.empty() && std::isspace(static_cast<unsigned char>(S.back())))
    S.remove_suffix(1);
  return std::string(S);
}

static bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

/// Removes qualifier keywords written as whole words.
static std::string stripKeywords(std::string T) {
  static const char *const Keywords[] = {"const",  "volatile", "struct", "class",    "enum",
                                         "typename", "mutable", "static", "constexpr", "inline",
                                         "thread_local", "extern", "union"};
  for (const char *K : Keywords) {
    std::string Word = K;
    for (size_t Pos = T.find(Word); Pos != std::string::npos; Pos = T.find(Word, Pos)) {
      bool Start = Pos == 0 || !isIdentChar(T[Pos - 1]);
      bool End = Pos + Word.size() == T.size() || !isIdentChar(T[Pos + Word.size()]);
      if (Start && End)
        T.erase(Pos, Word.size());
      else
        Pos += Word.size();
    }
  }
  return trim(T);
}

static std::string lastComponent(std::string_view T) {
  size_t Lt = T.find('<');
  std::string_view Head = T.substr(0, Lt);
  size_t Colon = Head.rfind("::");
  return trim(Colon == std::string_view::npos ? Head : Head.substr(Colon + 2));
}

/// "std::optional<std::vector<Email>>" -> "std::vector<Email>".
static std::optional<std::string> firstTemplateArg(std::string_view T) {
  size_t Lt = T.find('<');
  if (Lt == std::string_view::npos || T.back() != '>')
    return std::nullopt;
  int Depth = 0;
  for (size_t I = Lt + 1; I + 1 < T.size(); ++I) {
    if (T[I] == '<')
      ++Depth;
    else if (T[I] == '>')
      --Depth;
    else if (T[I] == ',' && Depth == 0)
      return trim(T.substr(Lt + 1, I - Lt - 1));
  }
  return trim(T.substr(Lt + 1, T.size() - Lt - 2));
}

static bool isWrapper(const std::string &Name) {
  static const std::set<std::string> S = {
      "optional", "vector", "list", "set", "unordered_set", "multiset", "deque", "array",
      "unique_ptr", "shared_ptr", "weak_ptr", "span", "QList", "QVector", "QSet",
      "QSharedPointer", "QScopedPointer", "QPointer", "SmallVector", "Optional", "Nullable",
      "atomic", "reference_wrapper", "Expected", "expected", "StatusOr", "Result", "Box",
      "forward_list", "valarray", "initializer_list"};
  return S.count(Name) > 0;
}

static bool isStringType(const std::string &Name) {
  static const std::set<std::string> S = {
      "string", "wstring", "u8string", "u16string", "u32string", "string_view",
      "wstring_view", "u8string_view", "basic_string", "basic_string_view", "QString",
      "QStringView", "QLatin1String", "QByteArray", "QStringList", "CString", "CStringA",
      "CStringW", "String", "StringRef", "StringView", "fbstring", "ustring", "Cord",
      "SmallString", "Twine", "BSTR", "LPSTR", "LPCSTR", "LPWSTR", "LPCWSTR", "LPTSTR",
      "LPCTSTR", "gchararray", "auto", "wxString", "FString", "UnicodeString", "icu::UnicodeString"};
  return S.count(Name) > 0;
}

static bool isCharType(const std::string &Name) {
  static const std::set<std::string> S = {"char", "wchar_t", "char8_t", "char16_t", "char32_t",
                                          "TCHAR", "WCHAR", "gchar", "QChar"};
  return S.count(Name) > 0;
}

static bool isMemoryType(const std::string &Name) {
  static const std::set<std::string> S = {"uintptr_t", "intptr_t", "ptrdiff_t", "DWORD_PTR",
                                          "ULONG_PTR", "UINT_PTR", "LONG_PTR", "INT_PTR",
                                          "caddr_t", "quintptr", "qintptr", "off_t", "void",
                                          "byte", "LPVOID", "PVOID", "HANDLE"};
  return S.count(Name) > 0;
}

static bool isIntegerType(const std::string &T) {
  static const std::set<std::string> Words = {"unsigned", "signed", "short", "long", "int",
                                              "char", "wchar_t", "char8_t", "char16_t",
                                              "char32_t", "__int64"};
  static const std::set<std::string> Names = {
      "size_t", "ssize_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
      "uint32_t", "uint64_t", "qint8", "qint16", "qint32", "qint64", "quint8", "quint16",
      "quint32", "quint64", "DWORD", "WORD", "ULONG", "UINT", "LONG", "INT", "uint", "ulong",
      "ushort", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "time_t", "BigInt",
      "int_least32_t", "int_fast32_t", "uint_least32_t", "uint_fast32_t", "intmax_t",
      "uintmax_t", "uint128_t", "int128_t", "__int128"};
  if (Names.count(lastComponent(T)))
    return true;
  std::vector<std::string> Ws;
  std::string Cur;
  for (char C : T) {
    if (isIdentChar(C)) {
      Cur += C;
    } else if (!Cur.empty()) {
      Ws.push_back(Cur);
      Cur.clear();
    }
  }
  if (!Cur.empty())
    Ws.push_back(Cur);
  return !Ws.empty() && std::all_of(Ws.begin(), Ws.end(),
                                    [](const std::string &W) { return Words.count(W) > 0; });
}

static bool isRealType(const std::string &Name) {
  static const std::set<std::string> S = {"float", "double", "long double", "qreal",
                                          "float32_t", "float64_t", "Float", "Double"};
  return S.count(Name) > 0;
}

DeclaredType classifyType(std::string_view Written) {
  std::string T = stripKeywords(std::string(Written));
  unsigned Indirections = 0;
  for (;;) {
    while (!T.empty() && (T.back() == '&' || T.back() == '*' || T.back() == ']')) {
      if (T.back() == '*')
        ++Indirections;
      if (T.back() == ']') {
        ++Indirections;
        T.erase(T.rfind('['));
      } else {
        T.pop_back();
      }
      T = stripKeywords(T);
    }
    if (!isWrapper(lastComponent(T)))
      break;
    std::optional<std::string> Arg = firstTemplateArg(T);
    if (!Arg)
      break;
    T = stripKeywords(*Arg);
  }
  std::string Last = lastComponent(T);
  DeclaredType D;
  if (Indirections > 0) {
    if (isCharType(T) && Indirections == 1)
      return {TypeClass::String, {}, {}};
    if (isMemoryType(Last) || isIntegerType(T) || isCharType(T))
      return {TypeClass::Memory, {}, {}};
  }
  if (T == "bool" || Last == "BOOL" || Last == "gboolean" || Last == "_Bool")
    return {TypeClass::Bool, {}, {}};
  if (isStringType(Last) || (Last == "basic_string"))
    return {TypeClass::String, {}, {}};
  if (isMemoryType(Last))
    return {TypeClass::Memory, {}, {}};
  if (isIntegerType(T))
    return {TypeClass::Integer, {}, {}};
  if (isRealType(T) || isRealType(Last))
    return {TypeClass::Real, {}, {}};
  D.Kind = TypeClass::Class;
  D.Words = identifierWords(Last);
  size_t Lt = T.find('<');
  std::string Head = T.substr(0, Lt);
  size_t Colon = Head.rfind("::");
  if (Colon != std::string::npos)
    D.ScopeWords = identifierWords(Head.substr(0, Colon));
  return D;
}

//===----------------------------------------------------------------------===//
// The built-in words
//===----------------------------------------------------------------------===//

namespace {
constexpr unsigned S = static_cast<unsigned>(TypeClass::String);
constexpr unsigned I = static_cast<unsigned>(TypeClass::Integer);
constexpr unsigned R = static_cast<unsigned>(TypeClass::Real);
constexpr unsigned C = static_cast<unsigned>(TypeClass::Class);
constexpr Place Any = Place::Anywhere;
constexpr Place Head = Place::Head;
constexpr Place Whole = Place::Whole;
constexpr bool TypeToo = true;

struct Row {
  const char *Words; // space-separated, as identifierWords splits them
  const char *Categories;
  unsigned Types;
  Place Where = Place::Anywhere;
  Context Needs = Context::None;
  bool TypeName = false;
};

// clang-format off
const Row BuiltinRows[] = {
    // Contact: e-mail.
    {"email", "contact.email", S}, {"emails", "contact.email", S},
    {"e mail", "contact.email", S}, {"courriel", "contact.email", S},
    {"email address", "contact.email", S | C, Any, Context::None, TypeToo},
    {"emailaddress", "contact.email", S | C, Any, Context::None, TypeToo},
    {"mail address", "contact.email", S | C, Any, Context::None, TypeToo},
    {"mailaddress", "contact.email", S | C}, {"e mail address", "contact.email", S | C},
    {"adresse mail", "contact.email", S}, {"adresse email", "contact.email", S},
    {"adresse courriel", "contact.email", S}, {"mail adresse", "contact.email", S},
    {"email adresse", "contact.email", S}, {"emailadresse", "contact.email", S},
    {"mailadresse", "contact.email", S}, {"mail", "contact.email", S, Head},
    // Contact: phone.
    {"phone", "contact.phone", S | I}, {"phones", "contact.phone", S},
    {"telephone", "contact.phone", S | I}, {"telefon", "contact.phone", S | I},
    {"telefonnummer", "contact.phone", S | I},
    {"phonenumber", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"phone number", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"telephone number", "contact.phone", S | I | C, Any, Context::None, TypeToo},
    {"tel", "contact.phone", S | I, Head}, {"mobile", "contact.phone", S | I, Head},
    {"mobile phone", "contact.phone", S | I}, {"cellphone", "contact.phone", S | I},
    {"cell phone", "contact.phone", S | I}, {"handy", "contact.phone", S, Head},
    {"handynummer", "contact.phone", S | I}, {"portable", "contact.phone", S, Head},
    {"fax", "contact.phone", S | I, Head}, {"msisdn", "contact.phone", S | I},
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
    {"postal code", "contact.postal_address", S | I}, {"postalcode", "contact.postal_address", S | I},
    {"post code", "contact.postal_address", S | I}, {"postcode", "contact.postal_address", S | I},
    {"zip code", "contact.postal_address", S | I}, {"zipcode", "contact.postal_address", S | I},
    {"zip", "contact.postal_address", S | I, Head},
    {"code postal", "contact.postal_address", S | I}, {"codepostal", "contact.postal_address", S | I},
    {"plz", "contact.postal_address", S | I, Head}, {"postleitzahl", "contact.postal_address", S | I},
    {"street", "contact.postal_address", S}, {"streetname", "contact.postal_address", S},
    {"house number", "contact.postal_address", S | I}, {"housenumber", "contact.postal_address", S | I},
    {"strasse", "contact.postal_address", S}, {"hausnummer", "contact.postal_address", S | I},
    {"rue", "contact.postal_address", S}, {"address line", "contact.postal_address", S},
    {"addressline", "contact.postal_address", S}, {"anschrift", "contact.postal_address", S | C},
    {"adresse", "contact.postal_address", S | C, Any, Context::NotNetwork},
    {"address", "contact.postal_address", S | C, Head, Context::NotNetwork},
    {"addresses", "contact.postal_address", S | C, Head, Context::NotNetwork},
    // Online identifiers.
    {"ip", "online.ip_address", S | I, Head}, {"ipv", "online.ip_address", S | I, Head},
    {"ip address", "online.ip_address", S | I | C, Any, Context::None, TypeToo},
    {"ipaddress", "online.ip_address", S | I | C}, {"ipaddr", "online.ip_address", S | I | C},
    {"ip addr", "online.ip_address", S | I | C}, {"ipv address", "online.ip_address", S | I | C},
    {"adresse ip", "online.ip_address", S | I}, {"ip adresse", "online.ip_address", S | I},
    {"remote address", "online.ip_address", S}, {"peer address", "online.ip_address", S},
    {"remote addr", "online.ip_address", S}, {"peer addr", "online.ip_address", S},
    {"client address", "online.ip_address", S},
    {"mac address", "online.device_id", S | C}, {"macaddress", "online.device_id", S | C},
    {"mac addr", "online.device_id", S | C}, {"device id", "online.device_id", S | I},
    {"deviceid", "online.device_id", S | I}, {"imei", "online.device_id", S | I},
    {"udid", "online.device_id", S}, {"advertising id", "online.advertising_id", S},
    {"idfa", "online.advertising_id", S}, {"gaid", "online.advertising_id", S},
    {"user agent", "online.user_agent", S}, {"useragent", "online.user_agent", S},
    {"cookie id", "online.cookie_id", S},
    {"username", "online.username", S, Any, Context::NotService}, {"user name", "online.username", S, Any, Context::NotService},
    {"login", "online.username", S, Head, Context::NotService}, {"login name", "online.username", S, Any, Context::NotService},
    {"benutzername", "online.username", S, Any, Context::NotService}, {"nom utilisateur", "online.username", S, Any, Context::NotService},
    {"screen name", "online.username", S}, {"nickname", "online.username", S},
    // Identity: names.
    {"first name", "identity.first_name", S | C}, {"firstname", "identity.first_name", S | C},
    {"given name", "identity.first_name", S | C}, {"givenname", "identity.first_name", S | C},
    {"forename", "identity.first_name", S | C}, {"prenom", "identity.first_name", S | C},
    {"prenoms", "identity.first_name", S | C}, {"vorname", "identity.first_name", S | C},
    {"last name", "identity.last_name", S | C}, {"lastname", "identity.last_name", S | C},
    {"surname", "identity.last_name", S | C}, {"family name", "identity.last_name", S | C},
    {"familyname", "identity.last_name", S | C}, {"nachname", "identity.last_name", S | C},
    {"familienname", "identity.last_name", S | C}, {"nom de famille", "identity.last_name", S | C},
    {"nom famille", "identity.last_name", S | C}, {"maiden name", "identity.last_name", S | C},
    {"middle name", "identity.name", S | C}, {"full name", "identity.name", S | C},
    {"fullname", "identity.name", S | C}, {"real name", "identity.name", S | C},
    {"legal name", "identity.name", S | C}, {"birth name", "identity.name", S | C},
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
    {"dateofbirth", "identity.birth_date", S | I | C}, {"dob", "identity.birth_date", S | I | C},
    {"birthday", "identity.birth_date", S | I | C}, {"birth day", "identity.birth_date", S | I | C},
    {"date naissance", "identity.birth_date", S | I | C},
    {"date de naissance", "identity.birth_date", S | I | C},
    {"datenaissance", "identity.birth_date", S | I | C}, {"naissance", "identity.birth_date", S | I | C},
    {"geburtsdatum", "identity.birth_date", S | I | C}, {"geburtstag", "identity.birth_date", S | I | C},
    {"geburts datum", "identity.birth_date", S | I | C},
    {"age", "identity.age", I, Whole, Context::PersonScope},
    {"gender", "identity.gender", S | I | C}, {"sexe", "identity.gender", S | I | C},
    {"geschlecht", "identity.gender", S | I | C},
    {"sex", "identity.gender", S | I | C, Whole, Context::PersonScope},
    {"nationality", "identity.nationality", S | C}, {"nationalite", "identity.nationality", S | C},
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
    {"national id", "identity.national_id", S | I | C}, {"nationalid", "identity.national_id", S | I | C},
    {"national identification", "identity.national_id", S | I | C},
    {"id card", "identity.national_id", S}, {"idcard", "identity.national_id", S},
    {"identity card", "identity.national_id", S}, {"carte identite", "identity.national_id", S},
    {"personalausweis", "identity.national_id", S}, {"ausweisnummer", "identity.national_id", S},
    {"tax id", "identity.tax_id", S | I}, {"taxid", "identity.tax_id", S | I},
    {"tax number", "identity.tax_id", S | I}, {"steuer id", "identity.tax_id", S | I},
    {"steuerid", "identity.tax_id", S | I}, {"steuernummer", "identity.tax_id", S | I},
    {"steueridentifikationsnummer", "identity.tax_id", S | I},
    {"numero fiscal", "identity.tax_id", S | I},
    {"passport", "identity.passport", S | I | C}, {"passeport", "identity.passport", S | I | C},
    {"reisepass", "identity.passport", S | I | C}, {"passnummer", "identity.passport", S | I},
    {"driver license", "identity.driving_licence", S}, {"drivers license", "identity.driving_licence", S},
    {"driving licence", "identity.driving_licence", S}, {"driving license", "identity.driving_licence", S},
    {"driver licence", "identity.driving_licence", S}, {"permis conduire", "identity.driving_licence", S},
    {"permis de conduire", "identity.driving_licence", S},
    {"fuehrerschein", "identity.driving_licence", S}, {"fuhrerschein", "identity.driving_licence", S},
    {"customer number", "identity.account_id", S | I}, {"kundennummer", "identity.account_id", S | I},
    {"numero client", "identity.account_id", S | I},
    {"employee number", "professional.employee_id", S | I},
    {"employee id", "professional.employee_id", S | I},
    {"personnel number", "professional.employee_id", S | I},
    {"personalnummer", "professional.employee_id", S | I},
    {"matricule", "professional.employee_id", S | I},
    // Location.
    {"geolocation", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geo location", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geoloc", "location.precise", S | R | C}, {"geo loc", "location.precise", S | R | C},
    {"geo position", "location.precise", S | R | C}, {"geoposition", "location.precise", S | R | C},
    {"geo point", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"geopoint", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"latitude", "location.precise", S | R | C}, {"longitude", "location.precise", S | R | C},
    {"lat", "location.precise", S | R, Whole}, {"lng", "location.precise", S | R, Whole},
    {"lon", "location.precise", S | R, Whole},
    {"lat lng", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"latlng", "location.precise", S | R | C, Any, Context::None, TypeToo},
    {"lat lon", "location.precise", S | R | C}, {"latlon", "location.precise", S | R | C},
    {"gps", "location.precise", S | R, Head}, {"gps position", "location.precise", S | R | C},
    {"gps coordinates", "location.precise", S | R | C}, {"gps location", "location.precise", S | R | C},
    {"location", "location.precise", S | C, Head, Context::PersonBefore},
    // Financial.
    {"iban", "financial.bank_account", S | C, Any, Context::None, TypeToo},
    {"bic", "financial.bank_account", S}, {"bank account", "financial.bank_account", S | I | C},
    {"bankaccount", "financial.bank_account", S | I | C},
    {"account number", "financial.bank_account", S | I},
    {"routing number", "financial.bank_account", S | I}, {"sort code", "financial.bank_account", S | I},
    {"kontonummer", "financial.bank_account", S | I}, {"bankverbindung", "financial.bank_account", S | C},
    {"rib", "financial.bank_account", S, Head},
    {"card number", "financial.payment_card", S | I | C, Any, Context::None, TypeToo},
    {"cardnumber", "financial.payment_card", S | I | C},
    {"credit card", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"creditcard", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"debit card", "financial.payment_card", S | C},
    {"payment card", "financial.payment_card", S | C, Any, Context::None, TypeToo},
    {"pan", "financial.payment_card", S, Whole}, {"card pan", "financial.payment_card", S},
    {"cvv", "financial.payment_card", S | I}, {"cvc", "financial.payment_card", S | I},
    {"card expiry", "financial.payment_card", S}, {"numero carte", "financial.payment_card", S},
    {"carte bancaire", "financial.payment_card", S | C}, {"kreditkarte", "financial.payment_card", S | C},
    {"kartennummer", "financial.payment_card", S | I},
    {"income", "financial.income", S | I | R | C}, {"einkommen", "financial.income", S | I | R | C},
    {"salary", "professional.salary", S | I | R | C}, {"salaire", "professional.salary", S | I | R | C},
    {"gehalt", "professional.salary", S | I | R | C}, {"wage", "professional.salary", S | I | R | C},
    {"wages", "professional.salary", S | I | R | C}, {"remuneration", "professional.salary", S | I | R | C},
    {"credit score", "financial.credit_score", S | I | R | C},
    {"creditscore", "financial.credit_score", S | I | R | C},
    {"credit rating", "financial.credit_score", S | I | R | C},
    // Credentials.
    {"password", "credentials.password", S | C, Any, Context::NotService, TypeToo},
    {"passwords", "credentials.password", S | C, Any, Context::NotService}, {"passwd", "credentials.password", S, Any, Context::NotService},
    {"pwd", "credentials.password", S, Head, Context::NotPath},
    {"passphrase", "credentials.password", S, Any, Context::NotService}, {"pass phrase", "credentials.password", S, Any, Context::NotService},
    {"mot de passe", "credentials.password", S, Any, Context::NotService}, {"motdepasse", "credentials.password", S, Any, Context::NotService},
    {"mdp", "credentials.password", S, Head, Context::NotService}, {"passwort", "credentials.password", S, Any, Context::NotService},
    {"kennwort", "credentials.password", S, Any, Context::NotService},
    {"password hash", "credentials.password_hash", S | C, Any, Context::NotService},
    {"passwordhash", "credentials.password_hash", S | C, Any, Context::NotService},
    {"hashed password", "credentials.password_hash", S | C, Any, Context::NotService},
    {"pwd hash", "credentials.password_hash", S, Any, Context::NotService}, {"passwd hash", "credentials.password_hash", S, Any, Context::NotService},
    {"pin code", "credentials.pin", S | I}, {"pincode", "credentials.pin", S | I},
    {"security answer", "credentials.security_answer", S},
    {"secret answer", "credentials.security_answer", S},
    // Special categories (Art. 9).
    {"health", "special.health", S}, {"medical", "special.health", S | C},
    {"diagnosis", "special.health", S | C}, {"diagnoses", "special.health", S | C},
    {"allergy", "special.health", S | C}, {"allergies", "special.health", S | C},
    {"allergie", "special.health", S | C}, {"allergien", "special.health", S | C},
    {"medication", "special.health", S | C}, {"medications", "special.health", S | C},
    {"medicament", "special.health", S | C}, {"medikament", "special.health", S | C},
    {"disease", "special.health", S | C}, {"diseases", "special.health", S | C},
    {"illness", "special.health", S | C}, {"maladie", "special.health", S | C},
    {"krankheit", "special.health", S | C}, {"symptoms", "special.health", S | C},
    {"sante", "special.health", S | C}, {"gesundheit", "special.health", S | C},
    {"blood type", "special.health", S | C}, {"bloodtype", "special.health", S | C},
    {"blood group", "special.health", S | C}, {"groupe sanguin", "special.health", S | C},
    {"blutgruppe", "special.health", S | C}, {"disability", "special.health", S | C},
    {"pregnancy", "special.health", S | C}, {"prescription", "special.health", S | C},
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
    {"sexual", "special.sex_life", S | I | C}, {"sexuality", "special.sex_life", S | I | C},
    {"sex life", "special.sex_life", S | I | C},
    {"orientation sexuelle", "special.sex_life", S | I | C},
    {"genetic", "special.genetic", S | C}, {"genome", "special.genetic", S | C},
    {"dna", "special.genetic", S | C},
    {"biometric", "special.biometric", S | C}, {"biometrics", "special.biometric", S | C},
    {"fingerprint", "special.biometric", S | C, Any, Context::PersonScope},
    {"face template", "special.biometric", S | C}, {"faceprint", "special.biometric", S | C},
    {"face print", "special.biometric", S | C},
    // Criminal convictions and offences (Art. 10).
    {"criminal", "criminal.convictions", S | C}, {"conviction", "criminal.convictions", S | C},
    {"convictions", "criminal.convictions", S | C},
    {"casier judiciaire", "criminal.convictions", S | C},
    {"vorstrafe", "criminal.convictions", S | C}, {"vorstrafen", "criminal.convictions", S | C},
    {"fuehrungszeugnis", "criminal.convictions", S | C},
    {"offence", "criminal.offences", S | C, Any, Context::PersonScope},
    {"offense", "criminal.offences", S | C, Any, Context::PersonScope},
    {"offences", "criminal.offences", S | C, Any, Context::PersonScope},
};
// clang-format on

std::vector<std::string> splitWords(std::string_view Text) {
  std::vector<std::string> Words;
  std::string Cur;
  for (char Ch : Text) {
    if (Ch == ' ') {
      if (!Cur.empty())
        Words.push_back(Cur);
      Cur.clear();
    } else {
      Cur += Ch;
    }
  }
  if (!Cur.empty())
    Words.push_back(Cur);
  return Words;
}
} // namespace

PersonalDataLexicon::PersonalDataLexicon() {
  for (const Row &Row : BuiltinRows)
    Entries.push_back({splitWords(Row.Words), Row.Categories, Row.Types, Row.Where, Row.Needs,
                       Row.TypeName});
  sortEntries();
}

void PersonalDataLexicon::sortEntries() {
  std::stable_sort(Entries.begin(), Entries.end(), [](const Entry &A, const Entry &B) {
    return A.Words.size() > B.Words.size();
  });
}

void PersonalDataLexicon::addWord(std::string_view Word, std::string Category) {
  std::vector<std::string> Words = identifierWords(Word);
  if (Words.empty())
    return;
  // Project words come before built-in ones of the same length.
  Entries.insert(Entries.begin(), {std::move(Words), std::move(Category), S | I | R | C,
                                   Place::Anywhere, Context::None, true});
  sortEntries();
}

std::vector<std::string> PersonalDataLexicon::builtinCategories() const {
  std::set<std::string> Out;
  for (const Row &Row : BuiltinRows)
    for (const std::string &C : splitWords([&] {
           std::string T = Row.Categories;
           std::replace(T.begin(), T.end(), '|', ' ');
           return T;
         }()))
      Out.insert(C);
  return {Out.begin(), Out.end()};
}

//===----------------------------------------------------------------------===//
// Matching
//===----------------------------------------------------------------------===//

namespace {
/// What one entry is matched against: a name's words or a type's.
struct Subject {
  const std::vector<std::string> &Words;
  const std::vector<std::string> &Scope; // words of the enclosing scopes
  const DeclaredType &Type;
};
} // namespace

static size_t headIndex(const std::vector<std::string> &Words) {
  for (size_t I = Words.size(); I-- > 0;)
    if (!transparentWords().count(Words[I]))
      return I;
  return Words.size() - 1;
}

static bool contextHolds(Context Needs, const Subject &Subj, size_t Begin, size_t End,
                         size_t Head) {
  const auto &W = Subj.Words;
  bool ScopePerson = inSet(personWords(), Subj.Scope);
  switch (Needs) {
  case Context::None:
    return true;
  case Context::PersonBefore:
    return Begin > 0 ? personWords().count(W[Begin - 1]) > 0 : ScopePerson;
  case Context::PersonAfter:
    if (End + 1 < W.size() && personWords().count(W[End + 1]))
      return true;
    return Begin == 0 && End >= Head && ScopePerson;
  case Context::PersonScope:
    return ScopePerson || inSet(personWords(), W);
  case Context::NotNetwork:
    return (Begin == 0 || !networkWords().count(W[Begin - 1])) &&
           !inSet(networkWords(), Subj.Type.Words) && !inSet(networkWords(), Subj.Type.ScopeWords);
  case Context::NotPath:
    return !inSet(pathWords(), W) && !inSet(serviceWords(), W) &&
           !inSet(serviceWords(), Subj.Scope);
  case Context::NotService:
    return !inSet(serviceWords(), W) && !inSet(serviceWords(), Subj.Scope);
  }
  return false;
}

static bool matchesAt(const PersonalDataLexicon::Entry &E, const Subject &Subj, size_t Begin,
                      bool AsType) {
  const auto &W = Subj.Words;
  size_t End = Begin + E.Words.size() - 1;
  size_t Head = headIndex(W);
  bool CoversHead = Begin <= Head && Head <= End;
  Place Where = AsType ? Place::Head : E.Where;
  if (Where == Place::Head && !CoversHead)
    return false;
  if (Where == Place::Whole && !(Begin == 0 && End >= Head))
    return false;
  // emailTemplate, phoneRegex: the name is about the data, not the data.
  // (French names put the head first: nomClient.)
  if (Head > End && E.Needs != Context::PersonAfter && metaWords().count(W[Head]))
    return false;
  if (!(E.Types & static_cast<unsigned>(Subj.Type.Kind)))
    return false;
  return contextHolds(E.Needs, Subj, Begin, End, Head);
}

static bool matchesEntry(const PersonalDataLexicon::Entry &E, const Subject &Subj, bool AsType) {
  const auto &W = Subj.Words;
  if (E.Words.size() > W.size())
    return false;
  for (size_t Begin = 0; Begin + E.Words.size() <= W.size(); ++Begin)
    if (std::equal(E.Words.begin(), E.Words.end(), W.begin() + Begin) &&
        matchesAt(E, Subj, Begin, AsType))
      return true;
  return false;
}

/// The first of "a|b|c" the taxonomy knows; else the closest ancestor of the
/// first it knows; nullopt when it knows none (no point suggesting an
/// annotation that would itself be invalid).
static std::optional<std::string> resolveCategory(const std::string &Alternatives,
                                                  const Taxonomy *Tax) {
  std::vector<std::string> Alts;
  size_t Start = 0;
  for (size_t Bar; (Bar = Alternatives.find('|', Start)) != std::string::npos; Start = Bar + 1)
    Alts.push_back(Alternatives.substr(Start, Bar - Start));
  Alts.push_back(Alternatives.substr(Start));
  if (!Tax)
    return Alts.front();
  for (const std::string &A : Alts)
    if (Tax->category(A))
      return A;
  std::string Up = Alts.front();
  for (size_t Dot; (Dot = Up.rfind('.')) != std::string::npos;) {
    Up.erase(Dot);
    if (Tax->category(Up))
      return Up;
  }
  return std::nullopt;
}

/// The words of the scopes around a declaration: "shop::Customer::email" ->
/// shop, customer.
static std::vector<std::string> scopeWords(const DeclaredName &D) {
  std::string_view Q = D.QualifiedName;
  if (Q.size() >= D.Name.size() && Q.substr(Q.size() - D.Name.size()) == D.Name)
    Q.remove_suffix(D.Name.size());
  return identifierWords(Q);
}

std::optional<LexiconMatch> PersonalDataLexicon::match(const DeclaredName &D,
                                                       const Taxonomy *Tax) const {
  // A class is matched by its own name, as a type: class EmailAddress.
  DeclaredType Type = D.Kind == ElementKind::Class
                          ? DeclaredType{TypeClass::Class, identifierWords(D.Name), {}}
                          : classifyType(D.Type);
  if (Type.Kind == TypeClass::Bool || Type.Kind == TypeClass::Memory)
    return std::nullopt;
  std::vector<std::string> Words = identifierWords(D.Name);
  std::vector<std::string> Scope = scopeWords(D);
  auto Join = [](const std::vector<std::string> &Ws) {
    std::string Out;
    for (const std::string &W : Ws)
      Out += (Out.empty() ? "" : " ") + W;
    return Out;
  };
  if (D.Kind != ElementKind::Class && !Words.empty() && !(Words.size() > 1 && leadingVetoWords().count(Words.front()))) {
    Subject Name{Words, Scope, Type};
    for (const Entry &E : Entries)
      if (matchesEntry(E, Name, false))
        if (auto Cat = resolveCategory(E.Categories, Tax))
          return LexiconMatch{*Cat, Join(E.Words), false};
  }
  if (Type.Kind != TypeClass::Class || Type.Words.empty())
    return std::nullopt;
  Subject TypeSubj{Type.Words, Type.ScopeWords, Type};
  for (const Entry &E : Entries)
    if (E.TypeName && matchesEntry(E, TypeSubj, true))
      if (auto Cat = resolveCategory(E.Categories, Tax))
        return LexiconMatch{*Cat, Join(E.Words), true};
  return std::nullopt;
}

} // namespace pdflow
