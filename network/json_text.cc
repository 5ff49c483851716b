#include "network/json_text.h"

#include <cstdint>

#include "network/errors.h"

namespace mm::network {

using Json = nlohmann::ordered_json;

std::string in_quotes(const std::string& text) {
  return nlohmann::json(text).dump();
}

std::string json_member_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string json_element_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

namespace {

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
// column 8: "; we print our own position, so keep only the explanation after that prefix.
std::string explanation(const std::string& what) {
  std::string text = what;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find("] ");
    if (close != std::string::npos) text = text.substr(close + 2);
  }
  if (text.rfind("parse error", 0) == 0) {
    auto colon = text.find(": ");
    if (colon != std::string::npos) text = text.substr(colon + 2);
  }
  return text;
}

// `position` is the number of bytes read when the error was found, so the offending byte is
// text[position - 1] (or the end of the text).
std::string line_and_column(const std::string& text, std::size_t position) {
  std::size_t end = position == 0 ? 0 : std::min(position - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(end - line_start + 1);
}

// Builds the DOM from SAX events, remembering each container's JSON path so repeated keys can
// be reported with it.
class DomBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit DomBuilder(const std::string& text) : text_(text) {}

  bool null() override { return put(Json(nullptr)); }
  bool boolean(bool value) override { return put(Json(value)); }
  bool number_integer(number_integer_t value) override { return put(Json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return put(Json(value)); }
  bool number_float(number_float_t value, const string_t&) override { return put(Json(value)); }
  bool string(string_t& value) override { return put(Json(std::move(value))); }
  bool binary(binary_t& value) override { return put(Json::binary(std::move(value))); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& frame = stack_.back();
    frame.key = name;
    if (frame.container->contains(name))
      result_.duplicate_fields.push_back(json_member_path(frame.path, name) + ": duplicate field");
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_ = line_and_column(text_, position) + ": invalid JSON: " + explanation(error.what());
    return false;
  }

  const std::string& error() const { return error_; }
  JsonText take() { return std::move(result_); }

 private:
  struct Frame {
    Json* container;
    std::string path;
    std::string key;  // the pending key, for objects
  };

  // Stores `value` in the current container and returns where it went. Pointers on the stack
  // stay valid: only the innermost container is ever modified.
  Json* place(Json value, std::string* path) {
    if (stack_.empty()) {
      result_.value = std::move(value);
      *path = "";
      return &result_.value;
    }
    Frame& frame = stack_.back();
    if (frame.container->is_array()) {
      *path = json_element_path(frame.path, frame.container->size());
      frame.container->push_back(std::move(value));
      return &frame.container->back();
    }
    *path = json_member_path(frame.path, frame.key);
    Json& slot = (*frame.container)[frame.key];
    slot = std::move(value);
    return &slot;
  }

  bool put(Json value) {
    std::string path;
    place(std::move(value), &path);
    return true;
  }

  bool open(Json container) {
    std::string path;
    Json* slot = place(std::move(container), &path);
    stack_.push_back(Frame{slot, std::move(path), {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  const std::string& text_;
  std::vector<Frame> stack_;
  JsonText result_;
  std::string error_;
};

}  // namespace

JsonText parse_json_text(const std::string& text, const std::string& source) {
  DomBuilder builder(text);
  if (!Json::sax_parse(text, &builder)) {
    throw InputError(source + ":" + builder.error());
  }
  return builder.take();
}

}  // namespace mm::network
