#include "tools/rank_summary.h"

#include "network/number_text.h"

namespace mm::tools {

std::string rank_text(const cluster::RankRun& run) {
  return "on " + std::to_string(run.ranks) + " rank" + (run.ranks == 1 ? "" : "s") + " (" +
         std::to_string(run.threads) + " thread" + (run.threads == 1 ? "" : "s") + ")";
}

void print_rank_summary(const cluster::RankRun& run, std::ostream& out) {
  const double share = run.seconds > 0 ? run.coordination_seconds / run.seconds : 0.0;
  out << rank_text(run) << ": rank 0 coordinated "
      << network::fixed_text(run.coordination_seconds, 2) << " s of "
      << network::fixed_text(run.seconds, 1) << " s (" << network::percent_text(share, 1) << "), "
      << network::fixed_text(run.setup_bytes / 1e6, 1) << " MB of setup to each rank; ";
  if (run.lost_ranks.empty()) {
    out << "no rank lost\n";
    return;
  }
  out << "lost rank" << (run.lost_ranks.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < run.lost_ranks.size(); ++i)
    out << (i == 0 ? " " : ", ") << run.lost_ranks[i];
  out << "\n";
}

}  // namespace mm::tools
