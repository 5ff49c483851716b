// Hostile-text helpers of network/json_text.h: nesting limit, UTF-8 repair, escaped ids.
#include "network/json_text.h"

#include <gtest/gtest.h>

#include <string>

#include "network/errors.h"

namespace mm::network {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_json_text(text, "x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonText, NestingUpToOneHundredLevelsParses) {
  EXPECT_EQ(error_of(std::string(100, '[') + std::string(100, ']')), "");
}

TEST(JsonText, NestingBeyondOneHundredLevelsIsRefusedAtTheBracket) {
  EXPECT_EQ(error_of("{\"a\":\n" + std::string(101, '[') + std::string(101, ']') + "}"),
            "x.json:2:100: invalid JSON: nested deeper than 100 levels");
}

TEST(JsonText, BracketsInsideStringsDoNotCount) {
  EXPECT_EQ(error_of("[\"" + std::string(500, '[') + "\\\"[\"]"), "");
}

TEST(JsonText, Utf8IsKeptAndInvalidBytesAreReplaced) {
  EXPECT_EQ(utf8_or_replaced("SC-Pörtland☃"), "SC-Pörtland☃");
  EXPECT_EQ(utf8_or_replaced("SC-\xff\xfe"), "SC-\uFFFD\uFFFD");
  EXPECT_EQ(utf8_or_replaced("\xc3"), "\uFFFD");                      // truncated sequence
  EXPECT_EQ(utf8_or_replaced("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(utf8_or_replaced("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // a UTF-16 surrogate
}

TEST(JsonText, QuotedIdsAreEscapedAndAlwaysUtf8) {
  EXPECT_EQ(in_quotes(std::string("a\0\"b", 4)), "\"a\\u0000\\\"b\"");
  EXPECT_EQ(in_quotes("DS-\xff"), "\"DS-\uFFFD\"");
}

}  // namespace
}  // namespace mm::network
