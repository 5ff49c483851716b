#include "network/json_text.h"

#include <cstdint>

#include "network/errors.h"

namespace mm::network {

using Json = nlohmann::ordered_json;

std::string in_quotes(const std::string& text) {
  // Ids from GDAL sources or .dow files need not be UTF-8: invalid bytes become U+FFFD instead
  // of making dump() throw.
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string utf8_or_replaced(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    // The length a lead byte announces (0: not a lead byte), per RFC 3629.
    const std::size_t length = lead < 0x80                    ? 1
                               : lead >= 0xC2 && lead <= 0xDF ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid && length == 3) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      valid = !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second >= 0xA0);
    } else if (valid && length == 4) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      valid = !(lead == 0xF0 && second < 0x90) && !(lead == 0xF4 && second >= 0x90);
    }
    if (valid) {
      out.append(text, i, length);
      i += length;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
    }
  }
  return out;
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
    // The explanation quotes the bytes last read, which in a hostile file need not be UTF-8.
    error_ = line_and_column(text_, position) +
             ": invalid JSON: " + utf8_or_replaced(explanation(error.what()));
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

// Every format middlemile reads nests a few levels deep; a document nested thousands deep is
// hostile (each level costs the DOM builder a path string and the DOM a recursive destructor
// frame), so it is refused before parsing, at the bracket that goes too deep.
constexpr std::size_t kMaxDepth = 100;

void check_nesting(const std::string& text, const std::string& source) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;  // the escaped character cannot end the string
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth)
        throw InputError(source + ":" + line_and_column(text, i + 1) +
                         ": invalid JSON: nested deeper than " + std::to_string(kMaxDepth) +
                         " levels");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace

JsonText parse_json_text(const std::string& text, const std::string& source) {
  check_nesting(text, source);
  DomBuilder builder(text);
  if (!Json::sax_parse(text, &builder)) {
    throw InputError(source + ":" + builder.error());
  }
  return builder.take();
}

}  // namespace mm::network
