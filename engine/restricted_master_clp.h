// Private to engine/: the CLP model inside a RestrictedMaster, shared with the code that hands
// the master to CBC (price_and_branch.cc). Not part of the module's public interface.
#pragma once

#include <coin/ClpSimplex.hpp>

#include "engine/restricted_master.h"

namespace mm::engine {

struct RestrictedMaster::Clp {
  ClpSimplex model;
};

}  // namespace mm::engine
