#include "geo/layers.h"
#include "network/model.h"
