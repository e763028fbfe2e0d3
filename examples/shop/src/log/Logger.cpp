#include "log/Logger.h"

#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <vector>

namespace shop::log {
namespace {

spdlog::level::level_enum toSpdlog(Level level) {
  switch (level) {
  case Level::Debug:
    return spdlog::level::debug;
  case Level::Info:
    return spdlog::level::info;
  case Level::Warn:
    return spdlog::level::warn;
  case Level::Error:
    return spdlog::level::err;
  }
  return spdlog::level::info;
}

// Every logger writes to one stderr sink so that lines never interleave.
struct Registry {
  std::mutex mutex;
  spdlog::sink_ptr sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  std::vector<std::weak_ptr<spdlog::logger>> loggers;
  Level level = Level::Info;
};

Registry &registry() {
  static Registry instance;
  return instance;
}

} // namespace

Logger::Logger(const std::string &name) {
  Registry &reg = registry();
  std::lock_guard<std::mutex> lock(reg.mutex);
  impl_ = std::make_shared<spdlog::logger>(name, reg.sink);
  impl_->set_pattern("%H:%M:%S.%e %-7l [%n] %v");
  impl_->set_level(toSpdlog(reg.level));
  reg.loggers.push_back(impl_);
}

void Logger::setLevel(Level level) { impl_->set_level(toSpdlog(level)); }

Logger &root() {
  static Logger instance("shop");
  return instance;
}

void setGlobalLevel(Level level) {
  Registry &reg = registry();
  std::lock_guard<std::mutex> lock(reg.mutex);
  reg.level = level;
  for (const auto &weak : reg.loggers)
    if (auto logger = weak.lock())
      logger->set_level(toSpdlog(level));
}

} // namespace shop::log
