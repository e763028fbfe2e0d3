#include "privacy/Consents.h"

namespace shop::privacy {

void ConsentStore::record(Customer::Id customer, std::string purpose, bool granted,
                          std::chrono::system_clock::time_point at) {
  answers_[{customer, std::move(purpose)}] = Answer{granted, at};
}

bool ConsentStore::granted(Customer::Id customer, std::string_view purpose) const {
  auto it = answers_.find(std::make_pair(customer, std::string(purpose)));
  return it != answers_.end() && it->second.granted;
}

bool newsletterConsent(const ConsentStore &store, const Customer &customer) {
  return store.granted(customer.id(), "newsletter");
}

} // namespace shop::privacy
