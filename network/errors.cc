#include "network/errors.h"

namespace mm::network {

namespace {
std::string summarize(const std::string& source, const std::vector<std::string>& problems) {
  std::string text = source + ": " + std::to_string(problems.size()) + " error" +
                     (problems.size() == 1 ? "" : "s");
  if (!problems.empty()) text += "; first: " + problems.front();
  return text;
}
}  // namespace

ValidationError::ValidationError(std::string source, std::vector<std::string> problems)
    : std::runtime_error(summarize(source, problems)),
      source_(std::move(source)),
      problems_(std::move(problems)) {}

}  // namespace mm::network
