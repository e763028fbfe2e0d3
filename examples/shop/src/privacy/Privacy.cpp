#include "privacy/Privacy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>

namespace shop::privacy {
namespace {

// The pepper of the keyed hash. Production reads it from the secret store.
constexpr std::string_view kPepper = "acme-shop-demo-pepper";
constexpr int kPasswordRounds = 20000;

// FNV-1a over key and value. A stand-in for HMAC-SHA-256 that keeps the
// example free of a crypto library; not collision resistant.
std::uint64_t keyedHash(std::string_view key, std::string_view value, std::uint64_t seed) {
  std::uint64_t h = 14695981039346656037ULL ^ seed;
  for (std::string_view part : {key, value}) {
    for (unsigned char ch : part) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string toHex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char ch : bytes)
    out += fmt::format("{:02x}", ch);
  return out;
}

std::string fromHex(std::string_view hex) {
  if (hex.size() % 2 != 0)
    throw std::invalid_argument("odd-length hex string");
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string keystreamXor(std::string_view key, std::string_view nonce, std::string_view data) {
  std::string out(data);
  std::uint64_t block = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i % 8 == 0)
      block = keyedHash(key, nonce, i / 8);
    out[i] = static_cast<char>(out[i] ^ static_cast<char>(block >> (8 * (i % 8))));
  }
  return out;
}

std::string randomSalt() {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  return fmt::format("{:016x}", engine());
}

std::string passwordDigest(std::string_view password, std::string_view salt) {
  std::uint64_t h = keyedHash(salt, password, 0);
  for (int round = 0; round < kPasswordRounds; ++round)
    h = keyedHash(salt, fmt::format("{:016x}", h), static_cast<std::uint64_t>(round));
  return fmt::format("{:016x}", h);
}

} // namespace

std::string pseudonymize(std::string_view value) {
  return fmt::format("p_{:016x}", keyedHash(kPepper, value, 0));
}

std::string maskEmail(std::string_view value) {
  const std::size_t at = value.find('@');
  if (at == std::string_view::npos || at == 0)
    return "***";
  return std::string(1, value[0]) + std::string(at - 1, '*') + std::string(value.substr(at));
}

std::string maskPhone(std::string_view value) {
  std::string out(value);
  int digitsSeen = 0;
  const int totalDigits = static_cast<int>(
      std::count_if(out.begin(), out.end(), [](char ch) { return ch >= '0' && ch <= '9'; }));
  for (char &ch : out) {
    if (ch < '0' || ch > '9')
      continue;
    ++digitsSeen;
    // Keep a three-digit country prefix and the last two digits.
    if (digitsSeen > 3 && digitsSeen <= totalDigits - 2)
      ch = '*';
  }
  return out;
}

std::string anonymizeIp(std::string_view value) {
  if (value.find(':') != std::string_view::npos) {
    // IPv6: keep the first three groups (the /48 routing prefix).
    std::size_t pos = 0;
    for (int group = 0; group < 3 && pos != std::string_view::npos; ++group)
      pos = value.find(':', pos + (group ? 1 : 0));
    return std::string(value.substr(0, pos)) + "::";
  }
  const std::size_t lastDot = value.rfind('.');
  if (lastDot == std::string_view::npos)
    return "0.0.0.0";
  return std::string(value.substr(0, lastDot)) + ".0";
}

std::string hashPassword(std::string_view password) {
  const std::string salt = randomSalt();
  return "v1$" + salt + "$" + passwordDigest(password, salt);
}

bool verifyPassword(std::string_view password, std::string_view stored) {
  if (stored.substr(0, 3) != "v1$")
    return false;
  const std::size_t dollar = stored.find('$', 3);
  if (dollar == std::string_view::npos)
    return false;
  const std::string_view salt = stored.substr(3, dollar - 3);
  return passwordDigest(password, salt) == stored.substr(dollar + 1);
}

FieldCipher::FieldCipher(std::string key) : key_(std::move(key)) {
  if (key_.size() < 16)
    throw std::invalid_argument("field cipher key must be at least 16 bytes");
}

std::string FieldCipher::encrypt(std::string_view plaintext) const {
  const std::string nonce = randomSalt();
  return "enc1:" + nonce + ":" + toHex(keystreamXor(key_, nonce, plaintext));
}

std::string FieldCipher::decrypt(std::string_view ciphertext) const {
  if (ciphertext.substr(0, 5) != "enc1:")
    throw std::invalid_argument("not a FieldCipher ciphertext");
  const std::size_t colon = ciphertext.find(':', 5);
  if (colon == std::string_view::npos)
    throw std::invalid_argument("malformed FieldCipher ciphertext");
  const std::string_view nonce = ciphertext.substr(5, colon - 5);
  return keystreamXor(key_, nonce, fromHex(ciphertext.substr(colon + 1)));
}

} // namespace shop::privacy
