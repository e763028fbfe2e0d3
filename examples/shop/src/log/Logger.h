// The service's logger: one place that chooses where log lines go (stderr in
// development, journald in production) and their format.
#ifndef SHOP_LOG_LOGGER_H
#define SHOP_LOG_LOGGER_H

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <memory>
#include <string>
#include <utility>

namespace shop::log {

enum class Level { Debug, Info, Warn, Error };

/// A named logger over spdlog. Logs are read by the on-call team and kept for
/// 30 days: personal data goes in only masked (privacy::maskEmail...).
class Logger {
public:
  explicit Logger(const std::string &name);

  template <typename... Args> void debug(fmt::format_string<Args...> format, Args &&...args) {
    impl_->debug(format, std::forward<Args>(args)...);
  }
  template <typename... Args> void info(fmt::format_string<Args...> format, Args &&...args) {
    impl_->info(format, std::forward<Args>(args)...);
  }
  template <typename... Args> void warn(fmt::format_string<Args...> format, Args &&...args) {
    impl_->warn(format, std::forward<Args>(args)...);
  }
  template <typename... Args> void error(fmt::format_string<Args...> format, Args &&...args) {
    impl_->error(format, std::forward<Args>(args)...);
  }

  void setLevel(Level level);

private:
  std::shared_ptr<spdlog::logger> impl_;
};

/// The process-wide "shop" logger, for code that has no logger of its own.
Logger &root();

/// Sets the level of every logger created so far and of those created later.
void setGlobalLevel(Level level);

} // namespace shop::log

#define SHOP_LOG_INFO(...) ::shop::log::root().info(__VA_ARGS__)
#define SHOP_LOG_WARN(...) ::shop::log::root().warn(__VA_ARGS__)

#endif // SHOP_LOG_LOGGER_H
