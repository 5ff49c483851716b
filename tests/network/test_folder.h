// A fresh, empty folder for one test: under the system's temporary folder, named after the
// prefix, the process and the running test, so parallel test processes never share one. The
// caller removes it (fs::remove_all) when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace mm::network {

inline std::filesystem::path make_test_folder(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      (prefix + "-" + std::to_string(::getpid()) + "-" + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace mm::network
