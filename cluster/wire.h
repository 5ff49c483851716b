// Bytes on the wire between MPI ranks: a writer that appends numbers, strings and vectors to a
// byte string, and a reader that takes them back in the same order. Numbers are copied as their
// bytes (every rank of a job runs the same build on the same kind of machine), so a double
// arrives bit for bit; text formats (instances and plans as JSON) travel as strings.
//
// A reader that runs past the end, or a length that cannot be, throws WireError: a message that
// does not decode is a bug or a mismatched build, never a guess.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace mm::cluster {

class WireError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WireWriter {
 public:
  template <class T>
  WireWriter& number(T value) {
    static_assert(std::is_arithmetic_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
    return *this;
  }
  WireWriter& text(const std::string& value) {
    number<std::uint64_t>(value.size());
    bytes_ += value;
    return *this;
  }
  template <class T>
  WireWriter& numbers(const std::vector<T>& values) {
    static_assert(std::is_arithmetic_v<T>);
    number<std::uint64_t>(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    return *this;
  }
  WireWriter& texts(const std::vector<std::string>& values) {
    number<std::uint64_t>(values.size());
    for (const std::string& v : values) text(v);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class WireReader {
 public:
  explicit WireReader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  T number() {
    static_assert(std::is_arithmetic_v<T>);
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  std::string text() {
    const std::size_t n = length(1);
    return std::string(take(n), n);
  }
  template <class T>
  std::vector<T> numbers() {
    static_assert(std::is_arithmetic_v<T>);
    const std::size_t n = length(sizeof(T));
    std::vector<T> values(n);
    if (n > 0) std::memcpy(values.data(), take(n * sizeof(T)), n * sizeof(T));
    return values;
  }
  std::vector<std::string> texts() {
    const std::size_t n = length(sizeof(std::uint64_t));
    std::vector<std::string> values;
    values.reserve(n);
    for (std::size_t i = 0; i < n; ++i) values.push_back(text());
    return values;
  }
  bool done() const { return at_ == bytes_.size(); }
  // Throws WireError when bytes are left: a message longer than its reader expects.
  void expect_end() const {
    if (!done()) throw WireError("message is longer than expected");
  }

 private:
  // A count of items of at least `item_size` bytes each, checked against what is left.
  std::size_t length(std::size_t item_size) {
    const auto n = number<std::uint64_t>();
    if (item_size > 0 && n > (bytes_.size() - at_) / item_size)
      throw WireError("message is shorter than a length it gives");
    return static_cast<std::size_t>(n);
  }
  const char* take(std::size_t n) {
    if (n > bytes_.size() - at_) throw WireError("message ends early");
    const char* p = bytes_.data() + at_;
    at_ += n;
    return p;
  }
  const std::string& bytes_;
  std::size_t at_ = 0;
};

}  // namespace mm::cluster
