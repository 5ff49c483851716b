// Exceptions for bad input. The library never exits: it throws one of these, and the CLI maps
// each kind to the exit code FORMAT.md documents (InputError and ValidationError -> 2).
//
// A ValidationError carries every problem found, each as "<json path>: <message>", so a user
// fixes all of them in one pass instead of one per run.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace mm::network {

// A file that cannot be read or parsed; the message names the file (and line, for JSON).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One or more rule violations, each naming its JSON path.
class ValidationError : public std::runtime_error {
 public:
  ValidationError(std::string source, std::vector<std::string> problems);
  const std::string& source() const { return source_; }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::string source_;
  std::vector<std::string> problems_;
};

}  // namespace mm::network
