#include "net/HttpClient.h"

#include "log/Logger.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>

namespace shop::net {
namespace {

constexpr long kTimeoutSeconds = 10;

void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

log::Logger &httpLog() {
  static log::Logger logger("http");
  return logger;
}

} // namespace

HttpClient::HttpClient(std::string service, std::string baseUrl, std::string bearerToken)
    : service_(std::move(service)), baseUrl_(std::move(baseUrl)),
      bearerToken_(std::move(bearerToken)) {}

HttpResponse HttpClient::postForm(const std::string &path, const std::string &body) {
  return post(path, body, "application/x-www-form-urlencoded");
}

HttpResponse HttpClient::postJson(const std::string &path, const nlohmann::json &body) {
  return post(path, body.dump(), "application/json");
}

std::string HttpClient::urlEncode(std::string_view value) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() * 3);
  for (unsigned char ch : value) {
    const bool unreserved = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                            (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
                            ch == '.' || ch == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(ch));
    } else {
      out.push_back('%');
      out.push_back(hex[ch >> 4]);
      out.push_back(hex[ch & 0x0f]);
    }
  }
  return out;
}

HttpResponse HttpClient::post(const std::string &path, const std::string &body,
                              const char *contentType) {
  if (dryRun()) {
    httpLog().info("dry run: POST {} {} ({}) not sent", service_, path, contentType);
    return HttpResponse{0, {}, false, /*dryRun=*/true};
  }

  initCurlOnce();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl)
    return HttpResponse{0, "curl_easy_init failed"};

  const std::string url = baseUrl_ + path;
  curl_slist *headers = nullptr;
  headers = curl_slist_append(headers, (std::string("Content-Type: ") + contentType).c_str());
  if (!bearerToken_.empty())
    headers = curl_slist_append(headers, ("Authorization: Bearer " + bearerToken_).c_str());

  HttpResponse response;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(curl.get(), CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION,
                   +[](char *data, size_t size, size_t count, void *user) -> size_t {
                     static_cast<std::string *>(user)->append(data, size * count);
                     return size * count;
                   });

  const CURLcode rc = curl_easy_perform(curl.get());
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    httpLog().warn("POST {} {} failed: {}", service_, path, curl_easy_strerror(rc));
    return HttpResponse{0, curl_easy_strerror(rc)};
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
  response.sent = true;
  return response;
}

} // namespace shop::net
