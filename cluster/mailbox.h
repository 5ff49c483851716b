// Point-to-point messages between the ranks of a job, never blocking the calling thread for
// long: sends are MPI_Isend with the bytes kept until MPI is done with them, so two ranks
// sending each other a large message at once cannot deadlock, and receiving is a probe that
// returns at once when nothing has arrived. Messages from one rank arrive in the order it sent
// them.
//
// Waiting is done by the callers' loops, which sleep between polls: Open MPI's blocking calls
// spin a core while they wait, and a rank waiting for work must leave the cores to the ranks
// that work.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <optional>
#include <string>

#include "cluster/session.h"

namespace mm::cluster {

// What a message is; the values are MPI tags.
enum class Tag : int {
  ready = 1,      // worker -> 0: it is up, with its slots and threads
  setup = 2,      // 0 -> worker: data every task needs (in order, before the tasks)
  task = 3,       // 0 -> worker: one task
  result = 4,     // worker -> 0: one task's result or error
  heartbeat = 5,  // both ways, every second: still here
  stop = 6,       // 0 -> worker: interrupted; finish the tasks under way early
  quit = 7,       // 0 -> worker: no more work; worker -> 0: leaving (it was interrupted)
};

// Seconds between heartbeats, both ways: a rank that hears nothing for its timeout is gone.
constexpr double kHeartbeatSeconds = 1.0;

struct Message {
  int from = 0;
  Tag tag = Tag::heartbeat;
  std::string bytes;
};

class Mailbox {
 public:
  Mailbox();
  ~Mailbox();
  Mailbox(const Mailbox&) = delete;
  Mailbox& operator=(const Mailbox&) = delete;

  // Starts sending; the bytes are kept until the send is done. Throws ClusterError for a message
  // of 2 GiB or more (an MPI count is an int) or when MPI refuses the send.
  void send(int to, Tag tag, std::string bytes);
  // A message that has arrived (from `from`, or from any rank when -1), or nothing; moves the
  // pending sends on.
  std::optional<Message> receive(int from = -1);
  // Moves the pending sends on; true when none is left (sends to dropped ranks aside).
  bool progress();
  // Gives up on the sends to a rank that is gone: they are never waited for again.
  void drop(int rank);

 private:
  struct Pending;
  std::list<std::unique_ptr<Pending>> pending_;
  std::list<std::unique_ptr<Pending>> abandoned_;
};

}  // namespace mm::cluster
