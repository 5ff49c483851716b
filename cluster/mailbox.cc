#include "cluster/mailbox.h"

#include <mpi.h>

#include <climits>

namespace mm::cluster {

struct Mailbox::Pending {
  int to = 0;
  std::string bytes;
  MPI_Request request = MPI_REQUEST_NULL;
};

Mailbox::Mailbox() = default;

Mailbox::~Mailbox() {
  // Sends still under way when a rank ends: their buffers are released only once MPI is done
  // with them; the abandoned ones (to lost ranks) are left to the process's end.
  progress();
  for (auto& p : pending_) MPI_Request_free(&p->request);
  for (auto& p : pending_) p.release();  // MPI may still read the bytes until the process ends
  for (auto& p : abandoned_) p.release();
}

void Mailbox::send(int to, Tag tag, std::string bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw ClusterError("a message of " + std::to_string(bytes.size()) +
                       " bytes is beyond MPI's 2 GiB limit");
  auto p = std::make_unique<Pending>();
  p->to = to;
  p->bytes = std::move(bytes);
  check_mpi(MPI_Isend(p->bytes.data(), static_cast<int>(p->bytes.size()), MPI_BYTE, to,
                      static_cast<int>(tag), MPI_COMM_WORLD, &p->request),
            "MPI_Isend");
  pending_.push_back(std::move(p));
}

bool Mailbox::progress() {
  for (auto it = pending_.begin(); it != pending_.end();) {
    int done = 0;
    check_mpi(MPI_Test(&(*it)->request, &done, MPI_STATUS_IGNORE), "MPI_Test");
    it = done ? pending_.erase(it) : std::next(it);
  }
  return pending_.empty();
}

std::optional<Message> Mailbox::receive(int from) {
  progress();
  int arrived = 0;
  MPI_Status status;
  check_mpi(
      MPI_Iprobe(from < 0 ? MPI_ANY_SOURCE : from, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status),
      "MPI_Iprobe");
  if (!arrived) return std::nullopt;
  int count = 0;
  check_mpi(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
  Message m;
  m.from = status.MPI_SOURCE;
  m.tag = static_cast<Tag>(status.MPI_TAG);
  m.bytes.resize(static_cast<std::size_t>(count));
  check_mpi(MPI_Recv(m.bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE),
            "MPI_Recv");
  return m;
}

void Mailbox::drop(int rank) {
  for (auto it = pending_.begin(); it != pending_.end();) {
    if ((*it)->to == rank) {
      abandoned_.push_back(std::move(*it));
      it = pending_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace mm::cluster
