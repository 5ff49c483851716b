// Whole files in and out (network/text_file.h): atomic writes that leave no temporary file
// behind, and the writability check that fails before a long solve.
#include "network/text_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "network/errors.h"
#include "tests/network/test_folder.h"

namespace mm::network {
namespace {

namespace fs = std::filesystem;

// A fresh, empty folder per test, removed afterwards.
class TextFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_test_folder("mm-text-file"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  static std::string read(const std::string& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  static std::string error_of(void (*write)(const std::string&, const std::string&),
                              const std::string& file) {
    try {
      write(file, "content");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  static std::string check_error(const std::string& file) {
    try {
      check_writable(file);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
};

TEST_F(TextFiles, WritesAndReplacesAtomicallyWithoutLeftovers) {
  const std::string file = path("plan.json");
  write_file_atomically(file, "first");
  EXPECT_EQ(read(file), "first");
  write_file_atomically(file, "second, longer");
  EXPECT_EQ(read(file), "second, longer");
  EXPECT_EQ(entries(), 1u);  // no temporary file left behind
  // Permissions as for any new file (mkstemp alone would leave 0600).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(static_cast<mode_t>(fs::status(file).permissions()), 0666 & ~mask);
}

TEST_F(TextFiles, WriteFailsIntoMissingFolder) {
  const std::string file = path("missing/plan.json");
  EXPECT_EQ(error_of(write_file_atomically, file),
            file + ": cannot write: No such file or directory");
  EXPECT_EQ(check_error(file), file + ": cannot write: No such file or directory");
}

TEST_F(TextFiles, WriteOverADirectoryFailsAndLeavesNothing) {
  const std::string target = path("out");
  fs::create_directory(target);
  EXPECT_EQ(error_of(write_file_atomically, target), target + ": cannot write: Is a directory");
  EXPECT_EQ(check_error(target), target + ": cannot write: Is a directory");
  EXPECT_EQ(entries(), 1u);  // only the directory: the temporary file was removed
  EXPECT_TRUE(fs::is_empty(target));
}

TEST_F(TextFiles, CheckWritable) {
  EXPECT_EQ(check_error(path("plan.json")), "");
  write_file_atomically(path("file"), "x");
  EXPECT_EQ(check_error(path("file")), "");  // an existing file may be replaced
  EXPECT_EQ(check_error(path("file/plan.json")),
            path("file/plan.json") + ": cannot write: Not a directory");
}

TEST_F(TextFiles, CheckWritableRejectsReadOnlyFolder) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write into any folder";
  const std::string folder = path("locked");
  fs::create_directory(folder);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  const std::string file = folder + "/plan.json";
  EXPECT_EQ(check_error(file), file + ": cannot write: Permission denied");
  EXPECT_EQ(error_of(write_file_atomically, file), file + ": cannot write: Permission denied");
  fs::permissions(folder, fs::perms::owner_all);
}

TEST_F(TextFiles, ReadsBackWhatItWrote) {
  write_file_atomically(path("a.txt"), "line one\nline two\n");
  EXPECT_EQ(read_text_file(path("a.txt")), "line one\nline two\n");
}

}  // namespace
}  // namespace mm::network
