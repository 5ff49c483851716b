// What a reader reports, as one string a test compares: the InputError's message (a file that
// cannot be read, text that is not JSON), or "<source>: <problem>" for every problem of the
// ValidationError, joined by " | " (network/json_fields.h); "" when `read` does not throw.
#pragma once

#include <string>

#include "network/errors.h"

namespace mm::network {

template <typename Read>
std::string error_text(Read read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  } catch (const ValidationError& e) {
    std::string all;
    for (const std::string& problem : e.problems())
      all += (all.empty() ? "" : " | ") + e.source() + ": " + problem;
    return all;
  }
  return "";
}

}  // namespace mm::network
