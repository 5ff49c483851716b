#include "network/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "network/errors.h"

namespace mm::network {

namespace {

[[noreturn]] void throw_cannot_write(const std::string& path, int error) {
  throw InputError(path + ": cannot write: " + std::strerror(error));
}

std::string folder_of(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// The process umask, read without changing it (umask(2) can only read by setting, which would
// race with other threads creating files). Falls back to the common 022.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

bool write_all(int fd, const std::string& content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

std::string read_text_file(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw InputError(path + ": cannot read: " + std::strerror(EISDIR));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path + ": cannot read: " + std::strerror(errno));
  return text.str();
}

void write_file_atomically(const std::string& path, const std::string& content) {
  if (path.empty()) throw_cannot_write(path, ENOENT);
  const std::filesystem::path target(path);
  const std::string folder = folder_of(path);
  // Hidden temporary beside the target: rename(2) is atomic only within one file system.
  std::string temp =
      (std::filesystem::path(folder) / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw_cannot_write(path, errno);

  int error = 0;
  if (::fchmod(fd, 0666 & ~current_umask()) != 0 || !write_all(fd, content) || ::fsync(fd) != 0)
    error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    throw_cannot_write(path, error);
  }
  // Make the rename itself durable; failing here cannot leave half a file, so ignore errors.
  const int dir_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void check_writable(const std::string& path) {
  if (path.empty()) throw_cannot_write(path, ENOENT);
  struct stat info;
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) throw_cannot_write(path, EISDIR);
  const std::string folder = folder_of(path);
  if (::stat(folder.c_str(), &info) != 0) throw_cannot_write(path, errno);
  if (!S_ISDIR(info.st_mode)) throw_cannot_write(path, ENOTDIR);
  // The file is replaced by a rename, so what matters is the folder: write to add the
  // temporary file, search to reach it.
  if (::access(folder.c_str(), W_OK | X_OK) != 0) throw_cannot_write(path, errno);
}

}  // namespace mm::network
